# lines.csv as an export writes it: the reference example's line items with
# Chinese headers in another order, a 小计 after every 10 lines and a 合计
# row at the end. The sums are checked against the detail and the export
# renders the same tables as the original.
ex=examples/pingxiang-zonggonghui-2023
xb="$tmp/export-bundle"
rm -rf "$xb"
mkdir -p "$xb"
cp $ex/budget.yaml "$xb/"
awk -F, 'NR == 1 { print "金额,功能科目编码,经济科目编码,资金来源,支出类型,项目名称"; next }
	{ printf "%s,%s,%s,%s,%s,%s\n", $6, $1, $2, $3, $4, $5
	  g += $6; all += $6; n++
	  if (n % 10 == 0) { printf "%.2f,小计,,,,\n", g; g = 0 } }
	END { printf "%.2f,合计,,,,\n", all }' $ex/lines.csv >"$xb/lines.csv"
$YS render $ex -f csv -o "$tmp/export-ref.csv" >/dev/null 2>&1
if [ "$(head -1 $ex/lines.csv)" = "func_code,eco_code,fund,type,project,amount" ] &&
   grep -q "合计" "$xb/lines.csv" &&
   $YS render "$xb" -f csv -o "$tmp/export.csv" >"$tmp/export.err" 2>&1 &&
   cmp -s "$tmp/export.csv" "$tmp/export-ref.csv" && ! grep -q Sanitizer "$tmp/export.err"; then
	ok "export lines: Chinese headers in any order, 小计/合计 rows checked, same tables"
else
	no "export lines: render" "$tmp/export.err"
fi
