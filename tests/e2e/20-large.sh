# Large input: a synthetic bundle of 1,000,000 line items renders to JSON
# under the sanitizers, and its totals agree across tables. (Speed is
# measured by make bench, never asserted here.)
if build/rel/gen_lines 1000000 data "$tmp/big" 7 &&
   $YS render "$tmp/big" -f json -o "$tmp/big.json" 2>"$tmp/err"; then
	t1=$(grep -m1 -A6 '"item": "income_grand"' "$tmp/big.json" | grep -m1 '"amount"' | tr -dc '0-9.')
	t2=$(grep -m1 -A4 '"name": "合计"' "$tmp/big.json" | grep -m1 '"total": "' | tr -dc '0-9.')
	if [ -n "$t1" ] && [ "$t1" = "$t2" ] && [ "$(grep -c '"id": "T[1-9]"' "$tmp/big.json")" -eq 9 ]; then
		ok "large: 1,000,000 line items render; T1 收入总计 = T2 合计 = $t1"
	else
		no "large: totals disagree (T1 $t1, T2 $t2)"
	fi
else
	no "large: 1,000,000-line bundle did not render" "$tmp/err"
fi
rm -rf "$tmp/big" "$tmp/big.json"
