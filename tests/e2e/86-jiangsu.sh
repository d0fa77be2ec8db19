# jiangsu-2018 against the published documents. The example bundle
# (江苏省人大常委会办公厅 2018) renders the amounts the document prints
# (tests/golden/jiangsu/renda-2018.cells, typed from the PDF), and the
# document's tables in Word's text-export form (tests/fixtures/jiangsu/)
# parse with jiangsu-2018 chosen, to the same amounts, and check clean.

# js_cells JSON GOLDEN: every expected cell is in JSON; writes misses to $tmp/js.miss.
js_cells() {
	awk -f tests/cells.awk "$1" >"$tmp/js.cells"
	awk -F'\t' 'NR == FNR { have[$1 "\t" $2 "\t" $3 "\t" $4] = 1; any[$1 "\t" $3 "\t" $4] = 1; next }
		/^#/ || !NF { next }
		{ n++; if (!(($2 == "*") ? any[$1 "\t" $3 "\t" $4] : have[$0])) print "missing: " $0 }
		END { if (!n) print "no expected cells" }' "$tmp/js.cells" "$2" >"$tmp/js.miss"
	[ ! -s "$tmp/js.miss" ]
}

jsg=tests/golden/jiangsu/renda-2018.cells
jsn=$(grep -c '^J' $jsg)
if $YS render examples/jiangsu-renda-2018 -f json -o "$tmp/js.json" >"$tmp/js.out" 2>&1 &&
   js_cells "$tmp/js.json" $jsg; then
	ok "jiangsu: the example renders the $jsn published amounts of 江苏省人大常委会办公厅 2018"
else
	cat "$tmp/js.out" >>"$tmp/js.miss" 2>/dev/null
	no "jiangsu: example amounts differ from the document" "$tmp/js.miss"
fi

for jsf in tests/fixtures/jiangsu/*.txt; do
	jsname=$(basename "$jsf" .txt)
	if $YS parse "$jsf" -o "$tmp/js.json" >"$tmp/js.out" 2>&1 &&
	   grep -q '"template": "jiangsu-2018"' "$tmp/js.json"; then
		ok "jiangsu: $jsname parses with template jiangsu-2018 chosen"
	else
		no "jiangsu: $jsname parse / template choice" "$tmp/js.out"
		continue
	fi
	jsw=$(sed -n 's/^# tables: //p' "$jsf.expect")
	jsgot=$(grep -o '"id": "J[0-9]*"' "$tmp/js.json" | sed 's/.*"\(J[0-9]*\)"/\1/' | tr '\n' ' ' | sed 's/ $//')
	if [ "$jsgot" = "$jsw" ]; then
		ok "jiangsu: $jsname: tables $jsw recognised"
	else
		echo "want: $jsw / got: $jsgot" >"$tmp/js.miss"
		no "jiangsu: $jsname tables" "$tmp/js.miss"
	fi
	if js_cells "$tmp/js.json" "$jsf.expect"; then
		ok "jiangsu: $jsname: $(grep -c '^J' "$jsf.expect") amounts equal the document's"
	else
		no "jiangsu: $jsname amounts" "$tmp/js.miss"
	fi
	$YS check "$tmp/js.json" >"$tmp/js.out" 2>&1
	if tail -1 "$tmp/js.out" | grep -q " $(sed -n 's/^# check: //p' "$jsf.expect") error(s)"; then
		ok "jiangsu: $jsname: check gives the expected $(sed -n 's/^# check: //p' "$jsf.expect") error(s)"
	else
		no "jiangsu: $jsname check" "$tmp/js.out"
	fi
done
rm -f "$tmp"/js.*
