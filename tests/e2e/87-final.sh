# Final accounts (决算) with the shipped national-final template and its
# example (examples/national-final-2024). Expected values added up by hand
# from that lines.csv: 本年收入 (income) 30686000.00 元, 年初结转和结余
# (carry_start) 15200 + 320000 + 200000 = 535200.00 元, 决算数 (final)
# 30336600.00 元, 结余分配 15000.00 元, so 年末结转和结余 = 535200 +
# 30686000 − 30336600 − 15000 = 869600.00 元 and 总计 = 30686000 + 535200
# = 31221200.00 元 on both sides.
fx=examples/national-final-2024
if $YS render $fx -f json -o "$tmp/fa.json" >"$tmp/fa.out" 2>&1; then
	tr -d ' \n' <"$tmp/fa.json" >"$tmp/fa.flat"
	fa_bad=
	for want in '"kind":"final"' \
	    '"item":"income_total","code":null,"name":"本年收入合计","total":true,"values":{"amount":"3068.60"}' \
	    '"item":"carry_start","code":null,"name":"年初结转和结余","values":{"amount":"53.52"}' \
	    '"item":"income_grand","code":null,"name":"总计","total":true,"values":{"amount":"3122.12"}' \
	    '"item":"expense_total","code":null,"name":"本年支出合计","total":true,"values":{"amount":"3033.66"}' \
	    '"item":"distribution","code":null,"name":"结余分配","values":{"amount":"1.50"}' \
	    '"item":"carry_end","code":null,"name":"年末结转和结余","values":{"amount":"86.96"}' \
	    '"item":"expense_grand","code":null,"name":"总计","total":true,"values":{"amount":"3122.12"}'; do
		grep -qF "$want" "$tmp/fa.flat" || fa_bad="$fa_bad $want"
	done
	if [ -z "$fa_bad" ]; then
		ok "final: 收入支出决算总表 balances as added up by hand (总计 3122.12 both sides)"
	else
		echo "missing:$fa_bad" >"$tmp/fa.out"
		no "final: totals of the 决算 总表" "$tmp/fa.out"
	fi
else
	no "final: render national-final-2024" "$tmp/fa.out"
fi

# 年末结转和结余 published 0.01 too high breaks the balance (YS-T011), and a
# 总计 that is not the sum of its rows is caught as such (YS-T010).
sed 's/"amount": "86.96"/"amount": "86.97"/' "$tmp/fa.json" >"$tmp/fa-carry.json"
$YS check "$tmp/fa-carry.json" >"$tmp/fa.out" 2>&1
if grep -q "错误 \[YS-T011\] 收入支出决算总表 年末结转和结余/金额 不满足“年初结转和结余 + 本年收入合计 − 本年支出合计 − 结余分配 = 年末结转和结余”：应为 86.96，实为 86.97" "$tmp/fa.out"; then
	ok "final: a 年末结转和结余 that does not balance is caught (YS-T011)"
else
	no "final: carry identity" "$tmp/fa.out"
fi
awk '/"item": "income_grand"/ { g = 1 } g && /"amount": "3122.12"/ { sub(/3122.12/, "3122.13"); g = 0 } { print }' "$tmp/fa.json" >"$tmp/fa-grand.json"
$YS check "$tmp/fa-grand.json" >"$tmp/fa.out" 2>&1
if grep -q "错误 \[YS-T010\] 收入支出决算总表 总计/金额 应为其各组成行之和：应为 3122.12，实为 3122.13" "$tmp/fa.out"; then
	ok "final: a 总计 that is not the sum of its rows is caught (YS-T010)"
else
	no "final: sum_of row" "$tmp/fa.out"
fi

# The Shanghai variant: 三公 seventh, both fiscal-fund 收入支出决算表 after
# it, balanced row by row.
if $YS render examples/shanghai-2024-final -f json -o "$tmp/fs.json" >"$tmp/fa.out" 2>&1 &&
   [ "$(grep -o '"title": "[^"]*"' "$tmp/fs.json" | sed -n '7,9p' | tr -d '\n')" = '"title": "财政拨款“三公”经费支出决算表""title": "政府性基金预算财政拨款收入支出决算表""title": "国有资本经营预算财政拨款收入支出决算表"' ]; then
	ok "final: shanghai-2024-final publishes its tables 七–九 in the official order"
else
	grep -o '"title": "[^"]*"' "$tmp/fs.json" >"$tmp/fa.out"
	no "final: shanghai table order" "$tmp/fa.out"
fi
tr -d ' \n' <"$tmp/fs.json" | sed 's/"code":"2299901","name":"其他支出","values":{"carry_start":"20.00"/"code":"2299901","name":"其他支出","values":{"carry_start":"20.01"/' >"$tmp/fs-row.json"
$YS check "$tmp/fs-row.json" >"$tmp/fa.out" 2>&1
if grep -q "错误 \[YS-T011\] 政府性基金预算财政拨款收入支出决算表 2299901 其他支出/年末结转和结余 不满足" "$tmp/fa.out"; then
	ok "final: the balance is checked row by row in the 政府性基金 table (YS-T011)"
else
	no "final: row-by-row identity" "$tmp/fa.out"
fi
rm -f "$tmp"/fa* "$tmp"/fs*
