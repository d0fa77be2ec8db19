# yusuan parse: published documents back into the disclosure. The reference
# text export parses to the same nine tables as rendering the reference
# bundle (all 184 amounts, the T7/T8 notes), and so do an HTML page of the
# tables (UTF-8, GBK, and a variant with 元 amounts, thousands separators
# and full-width digits) and the DOCX and XLSX LibreOffice makes of it.
px=tests/parse
ex=examples/pingxiang-zonggonghui-2023
tables() { awk -f $px/tables.awk "$1"; }
amounts() { tables "$1" | grep -cE '^ +"[a-z_]+": "-?[0-9]+\.[0-9][0-9]"'; }

if $YS render $ex -f json -o "$tmp/pref.json" 2>"$tmp/err"; then
	tables "$tmp/pref.json" >"$tmp/pref.tables"
else
	no "parse: render of the reference bundle failed" "$tmp/err"
fi

# parse_same NAME FILE: FILE parses to the reference tables.
parse_same() {
	if $YS parse "$2" -o "$tmp/p.json" 2>"$tmp/err"; then
		tables "$tmp/p.json" >"$tmp/p.tables"
		if diff "$tmp/pref.tables" "$tmp/p.tables" >"$tmp/diff" &&
		   [ "$(amounts "$tmp/p.json")" -eq 184 ]; then
			ok "parse: $1 gives the nine reference tables (184 amounts)"
		else
			no "parse: $1 tables differ from the rendered reference" "$tmp/diff"
		fi
	else
		no "parse: $1 failed" "$tmp/err"
	fi
}

parse_same "text export" $px/pingxiang-zonggonghui-2023-budget.txt
if grep -q '"note": "无政府基金预算财政拨款预算，空表列示。"' "$tmp/p.json" &&
   grep -q '"note": "无国有资本经营预算财政拨款预算，空表列示。"' "$tmp/p.json"; then
	ok "parse: T7 and T8 are empty with their notes"
else
	no "parse: T7/T8 notes missing"
fi
if grep -q '"id": "duties"' "$tmp/p.json" && grep -q '"id": "glossary"' "$tmp/p.json" &&
   grep -q '"id": "other"' "$tmp/p.json" && [ "$(grep -c '"scope": "project"' "$tmp/p.json")" -eq 5 ] &&
   grep -q '"title": "部门机构设置情况"' "$tmp/p.json"; then
	ok "parse: sections, 5 performance tables and unrecognised tables kept"
else
	no "parse: sections/performance/unrecognised tables"
fi

iconv -f UTF-8 -t GB18030 $px/pingxiang-zonggonghui-2023-budget.txt >"$tmp/gbk.txt"
parse_same "text export in GB18030" "$tmp/gbk.txt"
parse_same "HTML page" $px/pingxiang-tables.html
parse_same "HTML with 元, separators, full-width digits" $px/pingxiang-tables-mixed.html
sed 's/charset="utf-8"/charset="gbk"/' $px/pingxiang-tables.html | iconv -f UTF-8 -t GBK >"$tmp/gbk.html"
parse_same "HTML page in GBK" "$tmp/gbk.html"

# Published variants: header labels that differ from the template (金额 for
# 预算数) and no 栏次 rows in the text export; a numbered title with the
# unit's name (表1 平乡县总工会2023年部门收支总表), a one-row header (T2),
# no 序号 column (T3) and tables split across pages (T1 continued under 续表
# with its header repeated, T2 continued without title or header) in HTML.
# Titles are kept without the number (recorded as "number"), so titles and
# numbers are left out of the comparison.
sed -e '12s/预算数/金额/' -e '14s/预算数/金额/' $px/pingxiang-zonggonghui-2023-budget.txt |
	awk '/^\t栏次$/ { skip = 1 } skip && /^$/ { skip = 0; next } !skip' >"$tmp/variant.txt"
for v in "$tmp/variant.txt" $px/pingxiang-tables-variant.html; do
	if $YS parse "$v" -o "$tmp/v.json" 2>"$tmp/err" &&
	   tables "$tmp/v.json" | grep -v '^      "\(title\|number\)"' >"$tmp/v.tables" &&
	   grep -v '^      "\(title\|number\)"' "$tmp/pref.tables" | diff - "$tmp/v.tables" >"$tmp/diff"; then
		ok "parse: variant $(basename "$v") (other labels, no 栏次 or 序号, 表1 titles, flat header, 续表)"
	else
		cat "$tmp/err" >>"$tmp/diff"
		no "parse: variant $(basename "$v")" "$tmp/diff"
	fi
done
# The printed number is kept apart from the title: 表1 平乡县总工会2023年部门收支总表.
if grep -q '"number": "表1"' "$tmp/v.json" &&
   grep -q '"title": "平乡县总工会2023年部门收支总表"' "$tmp/v.json"; then
	ok "parse: 表1 in front of a title is the table's number"
else
	grep '"title"\|"number"' "$tmp/v.json" >"$tmp/diff"
	no "parse: table number apart from the title" "$tmp/diff"
fi

# DOCX and XLSX of the same page, made by LibreOffice (an independent writer).
if command -v soffice >/dev/null 2>&1; then
	mkdir -p "$tmp/lo"
	cp $px/pingxiang-tables.html "$tmp/lo/"
	prof="file://$tmp/lo-profile"
	soffice -env:UserInstallation="$prof" --headless --convert-to docx:"MS Word 2007 XML" \
		--outdir "$tmp/lo" "$tmp/lo/pingxiang-tables.html" >"$tmp/lo.log" 2>&1
	soffice -env:UserInstallation="$prof" --headless --infilter="HTML (StarCalc)" \
		--convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp/lo" \
		"$tmp/lo/pingxiang-tables.html" >>"$tmp/lo.log" 2>&1
	for f in docx xlsx; do
		if [ -s "$tmp/lo/pingxiang-tables.$f" ]; then
			parse_same "$f (LibreOffice conversion)" "$tmp/lo/pingxiang-tables.$f"
		else
			no "parse: LibreOffice could not make the $f fixture" "$tmp/lo.log"
		fi
	done
else
	echo "skip parse: DOCX/XLSX fixtures need soffice (LibreOffice), not installed"
fi

# Several files into a directory; a bad one does not stop the others.
rm -rf "$tmp/pout"
printf 'random \001\002 bytes' >"$tmp/junk.txt"
$YS parse $px/pingxiang-tables.html "$tmp/junk.txt" $px/pingxiang-zonggonghui-2023-budget.txt \
	--outdir "$tmp/pout" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && [ -s "$tmp/pout/pingxiang-tables.json" ] &&
   [ -s "$tmp/pout/pingxiang-zonggonghui-2023-budget.json" ] && [ ! -e "$tmp/pout/junk.json" ] &&
   grep -q "junk.txt" "$tmp/err"; then
	ok "parse --outdir: good files written, the bad one reported, exit 2"
else
	echo "exit $rc" >>"$tmp/err"
	no "parse --outdir" "$tmp/err"
fi

# Nothing half-written on failure.
rm -f "$tmp/none.json"
if ! $YS parse "$tmp/junk.txt" -o "$tmp/none.json" 2>/dev/null && [ ! -e "$tmp/none.json" ]; then
	ok "parse: no output file when the input is bad"
else
	no "parse: output left behind after an error"
fi
