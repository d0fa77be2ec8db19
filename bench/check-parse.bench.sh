# bench/check-parse.bench.sh - documents per second for the readers of
# published disclosures and for the checker. Sourced by bench/run.sh after
# its own rows, with measure, $YS (release build) and $out (scratch): COUNT
# is documents here, not line items, and every label says so.
#
# - parse: the reference text export ×1000 and a DOCX ×200 (made once from
#   tests/parse/pingxiang-tables.html by LibreOffice and cached in $out),
#   each set in one `parse --outdir` call;
# - check: 1000 disclosure JSONs (the reference bundle rendered) in one
#   call, and the 1000 text exports checked directly (parse + rules).
# The copies are hard links made once; the parsed outputs are removed
# afterwards. The whole file runs in about 15 seconds.

# bench_copies SRC DIR N EXT: DIR holds N links to SRC named d0001.EXT …
bench_copies() {
	if [ "$(find "$2" -name "d*.$4" 2>/dev/null | wc -l)" -ne "$3" ]; then
		rm -rf "$2"
		mkdir -p "$2"
		i=1
		while [ "$i" -le "$3" ]; do
			ln -f "$1" "$2/d$(printf %04d "$i").$4" 2>/dev/null || cp "$1" "$2/d$(printf %04d "$i").$4"
			i=$((i + 1))
		done
	fi
}

bench_docs=$out/docs
mkdir -p "$bench_docs"
cp tests/parse/pingxiang-zonggonghui-2023-budget.txt "$bench_docs/ref.txt"
bench_copies "$bench_docs/ref.txt" "$bench_docs/txt" 1000 txt
rm -rf "$bench_docs/txt-json"
measure "parse text export ×1000 documents" 1000 \
	$YS parse --outdir "$bench_docs/txt-json" "$bench_docs"/txt/*.txt

# The DOCX: LibreOffice's conversion of the HTML page of the reference
# tables (as tests/e2e/40-parse.sh makes it), kept for the next run.
if [ ! -s "$bench_docs/pingxiang-tables.docx" ] && command -v soffice >/dev/null 2>&1; then
	cp tests/parse/pingxiang-tables.html "$bench_docs/"
	soffice -env:UserInstallation="file://$PWD/$bench_docs/lo-profile" --headless \
		--convert-to docx:"MS Word 2007 XML" --outdir "$bench_docs" \
		"$bench_docs/pingxiang-tables.html" >"$bench_docs/soffice.log" 2>&1 || true
fi
if [ -s "$bench_docs/pingxiang-tables.docx" ]; then
	bench_copies "$bench_docs/pingxiang-tables.docx" "$bench_docs/docx" 200 docx
	rm -rf "$bench_docs/docx-json"
	measure "parse DOCX ×200 documents" 200 \
		$YS parse --outdir "$bench_docs/docx-json" "$bench_docs"/docx/*.docx
else
	echo "check-parse.bench.sh: no DOCX (LibreOffice missing or conversion failed): row skipped" >&2
fi

$YS render examples/pingxiang-zonggonghui-2023 -f json -o "$bench_docs/ref.json"
bench_copies "$bench_docs/ref.json" "$bench_docs/json" 1000 json
measure "check disclosure JSON ×1000 documents" 1000 $YS check "$bench_docs"/json/*.json
measure "check text export ×1000 documents (parse + check)" 1000 $YS check "$bench_docs"/txt/*.txt
# The parsed outputs (about 100 MB) are not needed after their rows.
rm -rf "$bench_docs/txt-json" "$bench_docs/docx-json"
