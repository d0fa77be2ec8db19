# Measures and derived columns, end to end, with a template written only in
# the test's fixture folder (tests/fixtures/templates/compare-yi.yaml): this
# year's 一般公共预算 budget against last year's (`measure: previous`, read
# from the `previous` column of tests/fixtures/compare-2023/lines.csv), the
# difference, percent change and share computed by the builder, in 亿元 with
# six decimals. Expected values added up by hand from that lines.csv:
# this year 5521800.00 元 (basic 2057000.00), last year 790000 + 25000 +
# 110000 + 86000 + 700000 + 2900000 = 4611000.00 元; 增减 910800.00 元;
# 910800 / 4611000 = 19.7527651…% → 19.752765; 2057000 / 5521800 =
# 37.2523452…% → 37.252345.
mx=tests/fixtures/compare-2023
mtpl=tests/fixtures/templates/compare-yi.yaml
if $YS render $mx --template $mtpl -f json -o "$tmp/ms.json" >"$tmp/ms.out" 2>&1 &&
   grep -q '"money_unit": "亿元"' "$tmp/ms.json" &&
   tr -d ' \n' <"$tmp/ms.json" | grep -qF '"name":"合计","total":true,"values":{"now":"0.055218","prev":"0.046110","change":"0.009108","pct":"19.752765","basic":"0.020570","basic_share":"37.252345"}'; then
	ok "measures: previous-year column, diff/pct/share and 亿元 as added up by hand"
else
	no "measures: render with measure/derive columns" "$tmp/ms.json"
fi
# A row without last year's amount has no percent change (divide by zero:
# empty), but its difference.
if tr -d ' \n' <"$tmp/ms.json" | grep -qF '"code":"2012906","name":"工会事务","values":{"now":"0.001510","prev":null,"change":"0.001510","pct":null,"basic":null,"basic_share":null}'; then
	ok "measures: a zero divisor leaves the derived cell empty"
else
	no "measures: zero divisor" "$tmp/ms.json"
fi
$YS check --template $mtpl "$tmp/ms.json" >"$tmp/ms.out" 2>&1
if [ $? -eq 0 ] && tail -1 "$tmp/ms.out" | grep -q " 0 error(s)" && ! grep -q "YS-T" "$tmp/ms.out"; then
	ok "measures: own render checks clean (derived cells are not summed)"
else
	no "measures: false findings on the render" "$tmp/ms.out"
fi
# A derived cell published wrong: YS-T010 names it and what it should be.
sed 's/"pct": "19.752765"/"pct": "19.752766"/' "$tmp/ms.json" >"$tmp/ms-bad.json"
$YS check --template $mtpl "$tmp/ms-bad.json" >"$tmp/ms.out" 2>&1
if grep -q "错误 \[YS-T010\] 一般公共预算支出与上年对比表 合计/增减率（%） 应由本年预算数和上年预算数算出（增减百分比）：应为 19.752765，实为 19.752766" "$tmp/ms.out"; then
	ok "measures: a wrong percent change is caught (YS-T010)"
else
	no "measures: wrong derived cell not caught" "$tmp/ms.out"
fi
build/rel/mutate "$tmp/ms.json" --template $mtpl >"$tmp/ms.out" 2>&1
if [ $? -eq 0 ] && tail -1 "$tmp/ms.out" | grep -q "^90 mutants, 90 caught, 0 missed"; then
	ok "measures: 90 of 90 one-cell mutants caught"
else
	no "measures: mutants" "$tmp/ms.out"
fi
rm -f "$tmp"/ms*
