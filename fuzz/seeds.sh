#!/bin/sh
# Writes the committed seed corpora fuzz/corpus/<target>/ from the
# repository's own inputs: small on purpose (fuzz-smoke runs each target
# for seconds; smaller inputs mean more executions). Run from the
# repository root after `make`; the outputs are committed, so this only
# needs running again when the model or the example change.
set -eu
Y=${YS:-bin/yusuan}
C=fuzz/corpus
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
rm -rf "$C"
mkdir -p $C/pdf $C/parse $C/money $C/disclosure_json $C/csv_lines $C/ooxml $C/bundle_yaml \
	$C/render $C/check $C/template

# Disclosure JSON: the reference cut to what exercises every part (a
# one-sided and a two-sided table, an empty table with its note, a
# section, a performance table) and the county example whole.
python3 - tests/golden/pingxiang-zonggonghui-2023.json "$t/small.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
keep = {'T1': 8, 'T2': 4, 'T7': 0, 'T9': 9}
j['tables'] = [dict(t, rows=t['rows'][:keep[t['id']]]) for t in j['tables'] if t['id'] in keep]
j['sections'] = [dict(s, text=s['text'][:200]) for s in j['sections'][:3]]
j['performance'] = [dict(p, indicators=p['indicators'][:3]) for p in j['performance'][:2]]
json.dump(j, open(sys.argv[2], 'w'), ensure_ascii=False, indent=1)
PY
$Y render examples/county-school-2023 -f json -o "$t/county.json" 2>/dev/null
cp "$t/small.json" $C/disclosure_json/small.json
cp "$t/county.json" $C/disclosure_json/county.json
for i in 0 1 2 3 4 5 6 7; do
	{ printf "\\$(printf '%03o' $i)"; cat "$t/small.json"; } >$C/render/small-$i
done
{ printf '\007'; cat "$t/county.json"; } >$C/render/county-7
{ printf '\000'; cat "$t/small.json"; } >$C/check/small-0
{ printf '\003'; cat "$t/county.json"; } >$C/check/county-3
{ printf '\030'; cat "$t/small.json"; } >$C/check/small-nocat-notpl

# Published documents: the text export and one HTML page of the
# reference, the county example as DOCX and XLSX, the small hostile cases.
cp tests/parse/pingxiang-zonggonghui-2023-budget.txt $C/parse/
cp tests/parse/pingxiang-tables-mixed.html $C/parse/
$Y render examples/county-school-2023 -f docx -o $C/parse/county.docx 2>/dev/null
$Y render examples/county-school-2023 -f xlsx -o $C/parse/county.xlsx 2>/dev/null
for c in parse-bad-xml parse-billion-laughs parse-invalid-utf8 parse-truncated-zip fuzz-xlsx-empty-sheet fuzz-long-code-cell; do
	for f in tests/bad/$c/input.*; do
		[ -f "$f" ] && cp "$f" $C/parse/$c-$(basename "$f")
	done
done

# OOXML parts (fuzz_ooxml.c: first byte 0 DOCX, 1 XLSX; parts joined by
# @@PART@@): the county DOCX's document.xml, its XLSX's workbook, rels,
# shared strings and first three sheets.
mkdir -p "$t/w" "$t/x"
(cd "$t/w" && unzip -q -o "$OLDPWD/$C/parse/county.docx")
(cd "$t/x" && unzip -q -o "$OLDPWD/$C/parse/county.xlsx")
python3 - "$t/w/word/document.xml" $C/ooxml/docx <<'PY'
import sys
d = open(sys.argv[1], 'rb').read()
cut = d.index(b'</w:tbl>', d.index(b'</w:tbl>') + 1) + len(b'</w:tbl>')
open(sys.argv[2], 'wb').write(b'\0' + d[:cut] + b'</w:body></w:document>')
PY
python3 - "$t/x/xl" $C/ooxml/xlsx <<'PY'
import re, sys
x = sys.argv[1] + '/'
r = lambda p: open(x + p, 'rb').read()
wb = r('workbook.xml')
wb = re.sub(rb'(<sheet [^>]*r:id="rId([4-9]|[1-9][0-9])"[^>]*/>)', b'', wb)
parts = [wb, r('_rels/workbook.xml.rels'), r('sharedStrings.xml')]
parts += [r('worksheets/sheet%d.xml' % i) for i in (1, 2, 3)]
open(sys.argv[2], 'wb').write(b'\1' + b'@@PART@@'.join(parts))
PY

# Bundles: both examples' files and the bad cases'.
cp examples/pingxiang-zonggonghui-2023/lines.csv $C/csv_lines/pingxiang.csv
cp examples/county-school-2023/lines.csv $C/csv_lines/county.csv
for c in tests/bad/csv-*/; do
	[ -f "$c/lines.csv" ] && cp "$c/lines.csv" $C/csv_lines/$(basename "$c").csv
done
cp examples/pingxiang-zonggonghui-2023/budget.yaml $C/bundle_yaml/pingxiang.yaml
cp examples/county-school-2023/budget.yaml $C/bundle_yaml/county.yaml
for c in tests/bad/yaml-*/; do
	[ -f "$c/budget.yaml" ] && cp "$c/budget.yaml" $C/bundle_yaml/$(basename "$c").yaml
done

# Money: a few spellings (first byte: decimals).
printf '\002552.18' >$C/money/a
printf '\002－１，２３４．５０' >$C/money/b
printf '\0009223372036854775807' >$C/money/c
printf '\004-0.0001' >$C/money/d

# Templates: the shipped one, one that extends it, and the bad cases.
cp data/templates/hebei-2023.yaml $C/template/hebei-2023.yaml
printf 'format: 2\nextends: hebei-2023\nid: fuzz\nname: 派生模板\n' >$C/template/extends.yaml
for c in tests/bad/template-unknown-key/ tests/bad/template-dangling-column/ \
	 tests/bad/template-figure-unknown-part/; do
	[ -f "$c/bad.yaml" ] && cp "$c/bad.yaml" $C/template/$(basename "$c").yaml
done
du -sh $C

# PDF: what pdftotext -bbox-layout prints for two pages of our own PDF of
# the reference (its first tables) and of a real Jiangsu 公开表.
if command -v pdftotext >/dev/null 2>&1; then
	./bin/yusuan render examples/pingxiang-zonggonghui-2023 -f pdf -o "$t/ref.pdf"
	pdftotext -q -bbox-layout -f 3 -l 3 "$t/ref.pdf" $C/pdf/reference.html
	js=${JIANGSU_CORPUS:-../shared/corpus/jiangsu}
	[ -d "$js" ] && pdftotext -q -bbox-layout -f 1 -l 2 \
		"$js/江苏省委办公厅__江苏省委办公厅2018年度部门预算公开表.pdf" $C/pdf/jiangsu.html
fi
