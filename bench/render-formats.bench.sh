# Sourced by bench/run.sh: documents per second for every output format of
# the reference example, and LibreOffice converting our DOCX to PDF beside
# our own PDF renderer.
ex=examples/pingxiang-zonggonghui-2023
n=50
for fmt in json md csv html xlsx docx pdf; do
	measure "render reference -f $fmt ×$n documents" $n \
		sh -c "i=0; while [ \$i -lt $n ]; do $YS render $ex -f $fmt -o $out/ref.$fmt || exit 1; i=\$((i + 1)); done"
done
if command -v soffice >/dev/null 2>&1; then
	mkdir -p $out/lo-in $out/lo-out
	m=10
	i=0
	while [ $i -lt $m ]; do
		cp $out/ref.docx $out/lo-in/ref$i.docx
		i=$((i + 1))
	done
	measure "LibreOffice DOCX → PDF ×$m documents (one soffice call)" $m \
		soffice --headless "-env:UserInstallation=file://$PWD/$out/lo-profile" \
		--convert-to pdf --outdir $out/lo-out $out/lo-in/ref0.docx $out/lo-in/ref1.docx \
		$out/lo-in/ref2.docx $out/lo-in/ref3.docx $out/lo-in/ref4.docx $out/lo-in/ref5.docx \
		$out/lo-in/ref6.docx $out/lo-in/ref7.docx $out/lo-in/ref8.docx $out/lo-in/ref9.docx
	rm -rf $out/lo-in $out/lo-out
fi
