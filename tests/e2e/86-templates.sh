# Shipped templates and template layout options.
#
# hebei-2024 … hebei-2026 extend hebei-2023: the reference bundle made for
# each year renders to every format, checks clean and every one-cell
# mutant is caught (575, as for 2023: the same layout).
#
# A variant of hebei-2023 written only here: no 序号 column, no 栏次 row,
# table numbers as printed (表1 … 表9) and one note for all empty tables
# (empty_tables_note) instead of a note under each. Every format prints
# the number before the title and the one note; the parser reads its own
# HTML and DOCX back without false findings.
for tp_y in 2024 2025 2026; do
	tp_b="$tmp/tp-$tp_y"
	rm -rf "$tp_b"
	cp -r examples/pingxiang-zonggonghui-2023 "$tp_b"
	sed -i "s/^template: hebei-2023/template: hebei-$tp_y/; s/^year: 2023/year: $tp_y/" "$tp_b/budget.yaml"
	if $YS render "$tp_b" -f all -o "$tmp/tp-out-$tp_y" >"$tmp/tp.out" 2>&1 &&
	   [ "$(ls "$tmp/tp-out-$tp_y" | wc -l)" -eq 7 ] &&
	   grep -q '"template": "hebei-'$tp_y'"' "$tmp/tp-out-$tp_y"/*.json &&
	   $YS check "$tp_b" >"$tmp/tp.out" 2>&1 &&
	   tail -1 "$tmp/tp.out" | grep -q "0 error(s), 0 warning(s)"; then
		ok "templates: hebei-$tp_y renders every format and checks clean"
	else
		no "templates: hebei-$tp_y" "$tmp/tp.out"
	fi
	build/rel/mutate "$tmp/tp-out-$tp_y"/*.json >"$tmp/tp.out" 2>&1
	if [ $? -eq 0 ] && tail -1 "$tmp/tp.out" | grep -q "^575 mutants, 575 caught, 0 missed"; then
		ok "templates: hebei-$tp_y: 575 of 575 mutants caught"
	else
		no "templates: hebei-$tp_y mutants" "$tmp/tp.out"
	fi
done

tp_t="$tmp/tp-numbered.yaml"
sed -e 's/{text: 序号, rowspan: 2}, //; s/{text: 序号}, //' \
    -e 's/^  numbering: true/  numbering: false\n  seq: false/' \
    -e 's/^- id: T\([0-9]\)$/- id: T\1\n  number: 表\1/' \
    -e '/^  empty_note:/d' \
    -e 's/^id: hebei-2023/id: numbered\nempty_tables_note: "本部门无{tables}预算，{numbers}为空表列示。"/' \
    data/templates/hebei-2023.yaml >"$tp_t"
tp_o="$tmp/tp-num"
tp_note="本部门无部门预算政府基金预算财政拨款支出表、部门预算国有资本经营预算财政拨款支出表预算，表7、表8为空表列示。"
if $YS render examples/pingxiang-zonggonghui-2023 --template "$tp_t" -f all -o "$tp_o" >"$tmp/tp.out" 2>&1 &&
   $YS check --template "$tp_t" "$tp_o"/*.json >"$tmp/tp.out" 2>&1 &&
   tail -1 "$tmp/tp.out" | grep -q "0 error(s), 0 warning(s)"; then
	ok "templates: no 序号, no 栏次, numbered tables, one note: renders and checks clean"
else
	no "templates: numbered variant render/check" "$tmp/tp.out"
fi
tp_j="$tp_o/711-平乡县总工会-2023"
tr -d ' \n' <"$tp_j.json" >"$tmp/tp.flat"
if grep -q '"title":"部门预算收支总表","number":"表1","seq":false,"numbering":false' "$tmp/tp.flat" &&
   grep -qF "\"empty_tables_note\":\"$tp_note\"" "$tmp/tp.flat" &&
   ! grep -q '"note":"无' "$tmp/tp.flat"; then
	ok "templates: JSON carries number, seq, numbering and the one empty-tables note"
else
	no "templates: numbered variant JSON" "$tp_j.json"
fi
# Each format: 表1 before the title, the one note, and no 序号 / 栏次.
tp_bad=""
grep -q '^## 表1 部门预算收支总表$' "$tp_j.md" && grep -qF "注：$tp_note" "$tp_j.md" &&
	! grep -q '^| 序号 |\|^| 栏次 |' "$tp_j.md" || tp_bad="$tp_bad md"
grep -q '<h2>表1 部门预算收支总表</h2>' "$tp_j.html" && grep -qF "注：$tp_note" "$tp_j.html" &&
	! grep -q '栏次\|>序号<' "$tp_j.html" || tp_bad="$tp_bad html"
grep -q '^"T1","表1","部门预算收支总表"' "$tp_j.csv" && grep -qF "\"note\",\"注\",\"$tp_note\"" "$tp_j.csv" ||
	tp_bad="$tp_bad csv"
unzip -p "$tp_j.docx" word/document.xml >"$tmp/tp.docx.xml" 2>/dev/null
grep -q '表1 部门预算收支总表' "$tmp/tp.docx.xml" && grep -qF "注：$tp_note" "$tmp/tp.docx.xml" &&
	! grep -q '栏次' "$tmp/tp.docx.xml" || tp_bad="$tp_bad docx"
unzip -p "$tp_j.xlsx" xl/sharedStrings.xml >"$tmp/tp.xlsx.xml" 2>/dev/null
grep -q '表1 部门预算收支总表' "$tmp/tp.xlsx.xml" && grep -qF "注：$tp_note" "$tmp/tp.xlsx.xml" &&
	! grep -q '栏次' "$tmp/tp.xlsx.xml" || tp_bad="$tp_bad xlsx"
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext "$tp_j.pdf" - 2>/dev/null | tr -d ' \n' >"$tmp/tp.pdf.txt"
	grep -q '表1部门预算收支总表' "$tmp/tp.pdf.txt" && grep -qF "注：$(echo "$tp_note" | tr -d ' ')" "$tmp/tp.pdf.txt" &&
		! grep -q '栏次' "$tmp/tp.pdf.txt" || tp_bad="$tp_bad pdf"
fi
if [ -z "$tp_bad" ]; then
	ok "templates: every format prints 表1 before the title and the one note, no 序号 or 栏次"
else
	echo "formats wrong:$tp_bad" >"$tmp/tp.out"
	no "templates: numbered variant output" "$tmp/tp.out"
fi
for tp_f in html docx; do
	if $YS check --template "$tp_t" "$tp_j.$tp_f" >"$tmp/tp.out" 2>&1 &&
	   tail -1 "$tmp/tp.out" | grep -q "0 error(s), 0 warning(s)" &&
	   $YS parse --template "$tp_t" "$tp_j.$tp_f" -o "$tmp/tp-p.json" >/dev/null 2>&1 &&
	   [ "$(grep -c '"number": "表[1-9]"' "$tmp/tp-p.json")" -eq 9 ]; then
		ok "templates: the numbered variant's $tp_f parses back (9 numbers) and checks clean"
	else
		no "templates: numbered variant $tp_f parse/check" "$tmp/tp.out"
	fi
done
build/rel/mutate "$tp_j.json" --template "$tp_t" >"$tmp/tp.out" 2>&1
if [ $? -eq 0 ] && tail -1 "$tmp/tp.out" | grep -q "^575 mutants, 575 caught, 0 missed"; then
	ok "templates: numbered variant: 575 of 575 mutants caught"
else
	no "templates: numbered variant mutants" "$tmp/tp.out"
fi
rm -rf "$tmp"/tp*
