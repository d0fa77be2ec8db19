# PDF input (src/parse/pdf.c, pdfgeom.c): our own PDF read back, tables
# rebuilt from the word boxes pdftotext prints. The reference amounts are
# the JSON render of the same bundle.
ex=examples/pingxiang-zonggonghui-2023
if $YS render $ex -f pdf -o "$tmp/own.pdf" 2>"$tmp/err" &&
	$YS render $ex -f json -o "$tmp/own-ref.json" 2>>"$tmp/err" &&
	$YS parse "$tmp/own.pdf" -o "$tmp/own-pdf.json" 2>>"$tmp/err"; then
	python3 - "$tmp/own-ref.json" "$tmp/own-pdf.json" >"$tmp/cmp" 2>&1 <<'PY'
import json, sys
def amounts(path):
    out = set()
    for t in json.load(open(path))['tables']:
        if not t.get('id'):
            continue
        for r in t.get('rows', []):
            for k, v in (r.get('values') or {}).items():
                if v is not None:
                    out.add((t['id'], r.get('side'), r.get('code') or r.get('name'), k, v))
    return out
ref, got = amounts(sys.argv[1]), amounts(sys.argv[2])
print(len(ref), len(got), len(ref ^ got))
for x in sorted(ref ^ got)[:20]:
    print(x)
PY
	if [ "$(head -1 "$tmp/cmp")" = "184 184 0" ]; then
		ok "pdf: our own PDF parses back to the 184 reference amounts"
	else
		no "pdf: amounts read from our own PDF differ from the reference" "$tmp/cmp"
	fi
	$YS check "$tmp/own.pdf" >"$tmp/ck" 2>&1
	if tail -1 "$tmp/ck" | grep -q "0 个错误，0 个警告"; then
		ok "pdf: check on our own PDF finds no error or warning"
	else
		no "pdf: check on our own PDF" "$tmp/ck"
	fi
	# The table continued on page 8 is one table; its rows keep their page.
	$YS parse --dump-pdoc "$tmp/own.pdf" >"$tmp/dump" 2>&1
	if grep -q "^R8 32|本年收入合计|552.18|本年支出合计|552.18|552.18||" "$tmp/dump" &&
		! grep -q "^T8" "$tmp/dump" && [ "$(grep -c '^R8 栏次' "$tmp/dump")" = 0 ]; then
		ok "pdf: a table continued over a page is joined, its repeated header dropped"
	else
		no "pdf: continued table on page 8" "$tmp/dump"
	fi
else
	no "pdf: render or parse of our own PDF failed" "$tmp/err"
fi

# Real Jiangsu PDFs (printed from Excel): grids read by hand from page
# images (pdftoppm -png). 政协办公厅 2018 公开表, page 5 财政拨款支出预算表:
# 18 rows (header, 合计, 16 subjects) × 3 columns; 委办公厅 2018 公开表,
# page 7 the same table: 15 × 3, 合计 24,458.43, 2013101 行政运行
# 8,072.29, 2210202 提租补贴 2,299.88 (the last row).
J=../shared/corpus/jiangsu
[ -d "$J" ] || J=/work/shared/corpus/jiangsu
if [ -d "$J" ]; then
	$YS parse --dump-pdoc "$J/江苏省政协办公厅__江苏省政协办公厅2018度部门预算公开表.pdf" >"$tmp/zx" 2>&1
	if grep -q "^T5 18x3$" "$tmp/zx" && grep -q "^R5 功能科目代码|功能科目名称|金额$" "$tmp/zx" &&
		grep -q "^R5 |合计|10,070.48$" "$tmp/zx" && grep -q "^R5 2010201|行政运行|4,432.78$" "$tmp/zx" &&
		grep -q "^R5 2080505|机关事业单位基本养老保险缴费支出|407.81$" "$tmp/zx"; then
		ok "pdf: Jiangsu 政协办公厅 2018 财政拨款支出预算表 read as its 18 × 3 grid"
	else
		no "pdf: Jiangsu 政协办公厅 2018 page 5 grid" "$tmp/zx"
	fi
	$YS parse --dump-pdoc "$J/江苏省委办公厅__江苏省委办公厅2018年度部门预算公开表.pdf" >"$tmp/sw" 2>&1
	if grep -q "^T7 15x3$" "$tmp/sw" && grep -q "^R7 |合计|24,458.43$" "$tmp/sw" &&
		grep -q "^R7 2013101|行政运行|8,072.29$" "$tmp/sw" &&
		grep -A15 "^T7 15x3$" "$tmp/sw" | tail -1 | grep -q "^R7 2210202|提租补贴|2,299.88$" &&
		grep -q "^P6 财政拨款收支预算总表$" "$tmp/sw" &&
		grep -q "^P6 部门：中共江苏省委办公厅　单位：万元$" "$tmp/sw"; then
		ok "pdf: Jiangsu 委办公厅 2018 财政拨款支出预算表 read as its 15 × 3 grid, titles and unit lines as paragraphs"
	else
		no "pdf: Jiangsu 委办公厅 2018 page 7 grid" "$tmp/sw"
	fi
fi

# The time limit: a text tool that does not finish is killed (exit 2,
# message), well within the test's own patience.
printf '#!/bin/sh\nexec sleep 30\n' >"$tmp/slowtool"
chmod +x "$tmp/slowtool"
t0=$(date +%s)
YUSUAN_PDFTOTEXT="$tmp/slowtool" YUSUAN_PDF_TIMEOUT=1 $YS parse "$tmp/own.pdf" >/dev/null 2>"$tmp/err"
rc=$?
t1=$(date +%s)
if [ "$rc" = 2 ] && grep -q "读取 PDF 超时" "$tmp/err" && [ $((t1 - t0)) -lt 10 ]; then
	ok "pdf: a text tool running past the time limit is killed, with a message"
else
	no "pdf: time limit (exit $rc, $((t1 - t0)) s)" "$tmp/err"
fi

# A 50 MB PDF (a valid page with no text, padded with a comment): read
# within the limits, refused as having no text layer.
{
	cat tests/bad/pdf-scanned/input.pdf | sed '$d'
	head -c 52428800 /dev/zero | tr '\0' 'x' | fold -w 1000 | sed 's/^/%/'
	echo '%%EOF'
} >"$tmp/big.pdf" 2>/dev/null
$YS parse "$tmp/big.pdf" >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" = 2 ] && grep -q "没有文本层" "$tmp/err"; then
	ok "pdf: a 50 MB PDF is read within the limits (exit 2, no text layer)"
else
	no "pdf: 50 MB PDF (exit $rc)" "$tmp/err"
fi
rm -f "$tmp/big.pdf"
