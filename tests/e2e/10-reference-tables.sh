# Golden: the reference bundle reproduces every amount of the nine published
# tables, cell for cell (title, 序号, 栏次, value), and T7/T8 carry their notes.
ex=examples/pingxiang-zonggonghui-2023
if $YS render $ex -f md -o "$tmp/ref.md" 2>"$tmp/err"; then
	awk -f tests/md_cells.awk "$tmp/ref.md" | sort >"$tmp/got.cells"
	grep -v '^#' tests/golden/pingxiang-zonggonghui-2023.cells | sort >"$tmp/want.cells"
	n=$(wc -l <"$tmp/want.cells")
	if [ "$n" -eq 184 ] && diff "$tmp/want.cells" "$tmp/got.cells" >"$tmp/diff"; then
		ok "reference: 184 amount cells equal the published document"
	else
		no "reference: amounts differ from the published document ($n expected)" "$tmp/diff"
	fi
else
	no "reference: render -f md failed" "$tmp/err"
fi

if $YS render $ex -f json -o "$tmp/ref.json" 2>"$tmp/err"; then
	if diff tests/golden/pingxiang-zonggonghui-2023.json "$tmp/ref.json" >"$tmp/diff"; then
		ok "reference: JSON equals tests/golden/pingxiang-zonggonghui-2023.json"
	else
		no "reference: JSON differs from the golden file" "$tmp/diff"
	fi
	if grep -q '"note": "无政府基金预算财政拨款预算，空表列示。"' "$tmp/ref.json" &&
	   grep -q '"note": "无国有资本经营预算财政拨款预算，空表列示。"' "$tmp/ref.json"; then
		ok "reference: T7 and T8 are empty with their notes"
	else
		no "reference: T7/T8 notes missing"
	fi
else
	no "reference: render -f json failed" "$tmp/err"
fi

if $YS render $ex -f csv -o "$tmp/ref.csv" 2>"$tmp/err" &&
   [ "$(tr -d '\r' <"$tmp/ref.csv" | grep -c '"[0-9]*\.[0-9][0-9]"$')" -eq 184 ]; then
	ok "reference: CSV has 184 amount cells"
else
	no "reference: CSV output" "$tmp/err"
fi

# Output is atomic: a failing render leaves no file and no temp file.
rm -f "$tmp/none.json"
if ! $YS render tests/bad/csv-bad-amount -o "$tmp/none.json" 2>/dev/null &&
   [ ! -e "$tmp/none.json" ] && [ -z "$(ls "$tmp" | grep tmp)" ]; then
	ok "render: nothing written when the input is bad"
else
	no "render: output left behind after an error"
fi

if $YS catalog lookup 2012901 >"$tmp/out" 2>&1 &&
   grep -q "201 类  一般公共服务支出" "$tmp/out" &&
   grep -q "20129 款  群众团体事务" "$tmp/out" &&
   grep -q "2012901 项  行政运行" "$tmp/out"; then
	ok "catalog lookup 2012901 prints the code, its name and its parents"
else
	no "catalog lookup 2012901" "$tmp/out"
fi

# Encodings: the same bundle with lines.csv in GB18030, and with a UTF-8 BOM
# and Chinese fund/type names, gives the same disclosure.
mkdir -p "$tmp/gbk" "$tmp/bom"
cp $ex/budget.yaml "$tmp/gbk/" && cp $ex/budget.yaml "$tmp/bom/"
sed 's/,gpb,basic,/,一般公共预算拨款,基本支出,/; s/,gpb,project,/,一般公共预算,项目支出,/' $ex/lines.csv |
	iconv -f UTF-8 -t GB18030 >"$tmp/gbk/lines.csv"
{ printf '\357\273\277'; sed 's/,gpb,/,一般公共预算拨款,/' $ex/lines.csv; } >"$tmp/bom/lines.csv"
for enc in gbk bom; do
	if $YS render "$tmp/$enc" -o "$tmp/$enc.json" 2>"$tmp/err" &&
	   diff tests/golden/pingxiang-zonggonghui-2023.json "$tmp/$enc.json" >"$tmp/diff"; then
		ok "bundle: lines.csv as $enc reads the same"
	else
		cat "$tmp/err" >>"$tmp/diff"
		no "bundle: lines.csv as $enc" "$tmp/diff"
	fi
done
