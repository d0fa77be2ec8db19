# Partial documents: a page holding only the 三公 table (copied from a
# browser: cells separated by tabs, or by '|') or only a chapter of the
# narrative is checked for what it holds (exit 0 or 1), with one info
# finding (YS-P008) saying what is absent, never "unreadable".
# tests/partial/sangong-*.txt: the 三公 table of the reference
# (corpus/pingxiang-zonggonghui-2023-budget.txt, 合计 0.16 = 小计 0.16 =
# 公务用车运行维护费 0.16) as a browser copies it.
# tests/partial/mianzhu-2025-sangong.txt: a real sentence from
# https://www.mz.gov.cn/gk/zfxxgk/fdzdnr/ysjs/bmys/2025nfjbmysxxgk/mzfbjsgjbczb/1620432.htm
# (绵竹市 2025 “三公”经费预算): 1969 = 40 + 242 + 1687; 221/2190 = 10.09%;
# 12/(242+12) = 4.72%; 209/(1687+209) = 11.02% — consistent by hand.
for f in sangong-tabs sangong-bars; do
	$YS check tests/partial/$f.txt >"$tmp/p.out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && grep -q "提示 \[YS-P008\] 部分文件：只含 1 张公开表" "$tmp/p.out" &&
	   ! grep -q "YS-P001" "$tmp/p.out"; then
		ok "partial: the 三公 table alone ($f) is checked, absent tables said once"
	else
		no "partial: the 三公 table alone ($f), exit $rc" "$tmp/p.out"
	fi
	# 小计 changed to 0.17: the arithmetic of what the page holds is verified.
	sed 's/\(“三公”经费小计[^0-9]*\)0\.16\([^0-9]*\)0\.16/\10.17\20.17/' tests/partial/$f.txt >"$tmp/p.txt"
	$YS check "$tmp/p.txt" >"$tmp/p.out" 2>&1
	rc=$?
	if [ $rc -eq 1 ] && grep -q "T9/合计/total: 错误 \[YS-T009\].*应为 0.17，实为 0.16，差 -0.01" "$tmp/p.out"; then
		ok "partial: a 三公 table alone ($f) with 小计 ≠ 合计 is caught"
	else
		no "partial: 小计 ≠ 合计 in the 三公 table alone ($f), exit $rc" "$tmp/p.out"
	fi
done

$YS check tests/partial/mianzhu-2025-sangong.txt >"$tmp/p.out" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q "部分文件：不含公开表" "$tmp/p.out" &&
   grep -q "部分文件：说明只含 1 个部分" "$tmp/p.out" && ! grep -q "错误 \[\|警告 \[" "$tmp/p.out"; then
	ok "partial: a chapter of narrative alone (绵竹 2025 三公) is checked and clean"
else
	no "partial: narrative chapter alone, exit $rc" "$tmp/p.out"
fi
# The same sentence with 下降6.7% for 12 of 254 (4.72%).
$YS check tests/partial/mianzhu-2025-sangong-wrong.txt >"$tmp/p.out" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q "\[YS-N004\] 6.7% 与 242万元、12万元 不符" "$tmp/p.out"; then
	ok "partial: a wrong rate in a narrative chapter alone is caught"
else
	no "partial: wrong rate in a narrative chapter alone, exit $rc" "$tmp/p.out"
fi
