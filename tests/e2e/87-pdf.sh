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
