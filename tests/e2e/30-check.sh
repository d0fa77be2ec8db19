# yusuan check end to end: the reference bundle, its JSON and the published
# documents themselves (text export, HTML) pass with no errors and no
# warnings; one change to the reference JSON or text export (a cell, a
# code, a sentence, a missing table) is found, located and graded; options,
# output formats and exit statuses. Rule-by-rule fixtures are in
# tests/unit/test_check.c.
ex=examples/pingxiang-zonggonghui-2023
gold=tests/golden/pingxiang-zonggonghui-2023.json

$YS check $ex $gold >"$tmp/ck.out" 2>"$tmp/ck.err"
rc=$?
if [ $rc -eq 0 ] && tail -1 "$tmp/ck.out" | grep -q "0 error(s), 0 warning(s)" &&
   ! grep -q ": \(错误\|警告\) \[" "$tmp/ck.out" && [ ! -s "$tmp/ck.err" ]; then
	ok "check: reference bundle and golden JSON: 0 errors, 0 warnings"
else
	cat "$tmp/ck.err" >>"$tmp/ck.out"
	no "check: reference is not clean (exit $rc)" "$tmp/ck.out"
fi

if $YS render $ex -f json -o "$tmp/ck-gen.json" 2>/dev/null &&
   $YS check "$tmp/ck-gen.json" >"$tmp/ck.out" 2>&1; then
	ok "check: the JSON rendered from the bundle passes"
else
	no "check: rendered JSON fails" "$tmp/ck.out"
fi

# One cell: T6 30201 办公费 公用经费 2.54 → 2.55 (row identity, parent sum).
sed 's/"public": "2.54"/"public": "2.55"/' $gold >"$tmp/ck-cell.json"
$YS check "$tmp/ck-cell.json" >"$tmp/ck.out" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q "ck-cell.json: T6/30201/total: 错误 \[YS-T003\] .*应为 2.55，实为 2.54，差 -0.01" "$tmp/ck.out" &&
   grep -q "T6/302/public: 错误 \[YS-T001\]" "$tmp/ck.out"; then
	ok "check: a changed cell is located (T6/30201/total) with expected, actual and gap"
else
	no "check: changed cell (exit $rc)" "$tmp/ck.out"
fi

# --tolerance 1: the same 0.01 gaps become warnings, exit 0.
$YS check --tolerance 1 "$tmp/ck-cell.json" >"$tmp/ck.out" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q "警告 \[YS-T003\]" "$tmp/ck.out" && ! grep -q "错误 \[" "$tmp/ck.out"; then
	ok "check: --tolerance 1 grades 0.01 gaps as warnings"
else
	no "check: --tolerance (exit $rc)" "$tmp/ck.out"
fi

# One code, one name, one sentence, one table.
sed 's/"code": "30299"/"code": "30298"/' $gold >"$tmp/ck-code.json"
sed 's/"name": "行政单位医疗"/"name": "行政单位医疗费"/' $gold >"$tmp/ck-name.json"
sed 's/机关运行经费共计安排6万元/机关运行经费共计安排8万元/' $gold >"$tmp/ck-text.json"
sed 's/"note": "无国有资本经营预算财政拨款预算，空表列示。"/"note": null/' $gold >"$tmp/ck-note.json"
for c in "code YS-C001 T6/30298" "name YS-C002 T2/2101101" "text YS-N001 §operating_cost" "note YS-P003 T8"; do
	set -- $c
	$YS check "$tmp/ck-$1.json" >"$tmp/ck.out" 2>&1
	rc=$?
	if [ $rc -eq 1 ] && grep "\[$2\]" "$tmp/ck.out" | grep -qF "$3"; then
		ok "check: one changed $1 gives $2 at $3"
	else
		no "check: changed $1: no $2 at $3 (exit $rc)" "$tmp/ck.out"
	fi
done

# --disable silences a rule; an unknown rule id is a usage error.
if $YS check --disable YS-P003 "$tmp/ck-note.json" >"$tmp/ck.out" 2>&1 &&
   ! grep -q "YS-P003" "$tmp/ck.out"; then
	ok "check: --disable YS-P003"
else
	no "check: --disable" "$tmp/ck.out"
fi
$YS check --disable YS-Q123 $gold >"$tmp/ck.out" 2>&1
[ $? -eq 2 ] && grep -q "YS-Q123" "$tmp/ck.out" && ok "check: unknown --disable id exits 2" ||
	no "check: unknown --disable id" "$tmp/ck.out"

# --format json: the schema documented in docs/check.md.
$YS check --format json "$tmp/ck-cell.json" >"$tmp/ck.json" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q '"schema": "yusuan/check@1"' "$tmp/ck.json" &&
   grep -q '"rule": "YS-T003"' "$tmp/ck.json" && grep -q '"gap": "-0.01"' "$tmp/ck.json" &&
   grep -q '"errors": [1-9]' "$tmp/ck.json" && grep -q '"column": "total"' "$tmp/ck.json"; then
	ok "check: --format json has schema, findings with gap, and summary"
else
	no "check: --format json (exit $rc)" "$tmp/ck.json"
fi

# --rules lists every rule with its severity and description.
$YS check --rules >"$tmp/ck.out" 2>&1
n=$(grep -c '^YS-[A-Z][0-9][0-9][0-9] ' "$tmp/ck.out")
if [ "$n" -ge 35 ] && grep -q "^YS-T001 " "$tmp/ck.out" && grep -q "^YS-N001 " "$tmp/ck.out"; then
	ok "check: --rules lists $n rules"
else
	no "check: --rules ($n)" "$tmp/ck.out"
fi

# Unreadable inputs exit 2: a missing file, a file that is not a disclosure,
# broken JSON (named by line and column), a bad amount.
printf '{"schema": "yusuan/disclosure@1",\n "tables": [}\n' >"$tmp/ck-syntax.json"
sed 's/"public": "2.54"/"public": "2.5x"/' $gold >"$tmp/ck-amount.json"
for c in "$tmp/none.json:无法打开" "$ex/lines.csv:没有找到可识别的部门预算公开表格" "$tmp/ck-syntax.json:ck-syntax.json:2:" "$tmp/ck-amount.json:2.5x"; do
	f=${c%%:*}
	want=${c#*:}
	$YS check "$f" >"$tmp/ck.out" 2>&1
	rc=$?
	if [ $rc -eq 2 ] && grep -qF "$want" "$tmp/ck.out" && ! grep -q Sanitizer "$tmp/ck.out"; then
		ok "check: unreadable $(basename "$f") exits 2"
	else
		no "check: unreadable $(basename "$f") (exit $rc, want “$want”)" "$tmp/ck.out"
	fi
done

# Bundle warnings become YS-B001 findings with file and line.
mkdir -p "$tmp/ck-bundle"
cp $ex/budget.yaml "$tmp/ck-bundle/"
sed '2s/^\([0-9]*\),/2019988,/' $ex/lines.csv >"$tmp/ck-bundle/lines.csv"
$YS check "$tmp/ck-bundle" >"$tmp/ck.out" 2>&1
if grep -q "lines.csv:2: 警告 \[YS-B001\]" "$tmp/ck.out"; then
	ok "check: bundle warnings are YS-B001 findings with file:line"
else
	no "check: bundle warning" "$tmp/ck.out"
fi
rm -rf "$tmp/ck-bundle" "$tmp"/ck*

# The published reference document itself (tests/parse holds an unchanged
# copy of shared/corpus/pingxiang-zonggonghui-2023-budget.txt), read by
# `yusuan parse` into JSON, passes too.
corpus=tests/parse/pingxiang-zonggonghui-2023-budget.txt
if $YS parse $corpus -o "$tmp/ck-parsed.json" >"$tmp/ck.out" 2>&1; then
	$YS check "$tmp/ck-parsed.json" >"$tmp/ck.out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && tail -1 "$tmp/ck.out" | grep -q "0 error(s), 0 warning(s)"; then
		ok "check: the published reference text, parsed: 0 errors, 0 warnings"
	else
		no "check: parsed reference text is not clean (exit $rc)" "$tmp/ck.out"
	fi
else
	no "check: the reference text export does not parse" "$tmp/ck.out"
fi
rm -f "$tmp/ck-parsed.json" "$tmp/ck.out"

# Published documents are checked directly, read by the parser: the
# reference text export and the HTML pages of its tables are clean (the
# pages have no narrative: one YS-P004 info each).
px=tests/parse
$YS check $px/pingxiang-zonggonghui-2023-budget.txt >"$tmp/ck.out" 2>"$tmp/ck.err"
rc=$?
if [ $rc -eq 0 ] && tail -1 "$tmp/ck.out" | grep -q "检查了 1 个文件：0 个错误，0 个警告，0 个提示" &&
   [ ! -s "$tmp/ck.err" ]; then
	ok "check: the reference text export, checked directly: 0 errors, 0 warnings"
else
	cat "$tmp/ck.err" >>"$tmp/ck.out"
	no "check: reference text export is not clean (exit $rc)" "$tmp/ck.out"
fi
$YS check $px/*.html >"$tmp/ck.out" 2>"$tmp/ck.err"
rc=$?
n=$(ls $px/*.html | wc -l)
if [ $rc -eq 0 ] && tail -1 "$tmp/ck.out" | grep -q "$n file(s): 0 error(s), 0 warning(s)" &&
   [ "$(grep -c "提示 \[YS-P004\]" "$tmp/ck.out")" -eq "$n" ] && [ ! -s "$tmp/ck.err" ]; then
	ok "check: the $n HTML pages in tests/parse, checked directly: 0 errors, 0 warnings"
else
	cat "$tmp/ck.err" >>"$tmp/ck.out"
	no "check: HTML pages are not clean (exit $rc)" "$tmp/ck.out"
fi

# One amount changed in the text export: T6 30201 办公费 公用经费 2.54 → 2.55.
sed '/^\t30201$/{n;n;n;n;s/^\t2\.54$/\t2.55/}' $px/pingxiang-zonggonghui-2023-budget.txt >"$tmp/ck-cell.txt"
$YS check "$tmp/ck-cell.txt" >"$tmp/ck.out" 2>&1
rc=$?
if [ $rc -eq 1 ] && ! cmp -s $px/pingxiang-zonggonghui-2023-budget.txt "$tmp/ck-cell.txt" &&
   grep -q "ck-cell.txt: T6/30201/total: 错误 \[YS-T003\] .*应为 2.55，实为 2.54，差 -0.01" "$tmp/ck.out" &&
   grep -q "ck-cell.txt: T6/302/public: 错误 \[YS-T001\] .*应为 5.91，实为 5.90" "$tmp/ck.out" &&
   tail -1 "$tmp/ck.out" | grep -q "2 error(s), 0 warning(s)"; then
	ok "check: a changed amount in the text export gives YS-T003 and YS-T001 at T6, exit 1"
else
	no "check: changed amount in the text export (exit $rc)" "$tmp/ck.out"
fi

# One sentence changed: 机关运行经费 6万元 → 8万元 against T6.
sed 's/机关运行经费共计安排6万元/机关运行经费共计安排8万元/' $px/pingxiang-zonggonghui-2023-budget.txt >"$tmp/ck-text.txt"
$YS check --format json "$tmp/ck-text.txt" >"$tmp/ck.out" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q '"rule": "YS-N001"' "$tmp/ck.out" && grep -q '"section": "operating_cost"' "$tmp/ck.out" &&
   grep -q '"errors": 1,' "$tmp/ck.out"; then
	ok "check: a changed sentence in the text export gives YS-N001 in §operating_cost (--format json)"
else
	no "check: changed sentence in the text export (exit $rc)" "$tmp/ck.out"
fi

# The procurement total stated in the text against the parsed procurement
# table (kept as an unrecognised table with its cells; blank there, so a
# warning), and shares in one sentence adding to over 100% (an error).
sed -e 's/安排政府采购预算0.00万元/安排政府采购预算3.00万元/' \
    -e 's/包括人员经费200万元和日常公用经费6万元；/包括人员经费200万元和日常公用经费6万元，基本支出占支出的37.3%，项目支出占支出的72.7%；/' \
	$px/pingxiang-zonggonghui-2023-budget.txt >"$tmp/ck-proc.txt"
$YS check "$tmp/ck-proc.txt" >"$tmp/ck.out" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q "ck-proc.txt: §procurement: 警告 \[YS-N006\] 说明写政府采购预算 3.00万元，部门政府采购预算中没有数字" "$tmp/ck.out" &&
   grep -q "ck-proc.txt: §overview: 错误 \[YS-H003\] .*110%" "$tmp/ck.out"; then
	ok "check: procurement total against the parsed table (YS-N006), shares over 100% (YS-H003)"
else
	no "check: procurement/shares in the text export (exit $rc)" "$tmp/ck.out"
fi

# A document the parser cannot read exits 2 with the parser's message; the
# other files are still checked.
head -c 2048 /dev/zero >"$tmp/ck-zero.bin"
printf '' >"$tmp/ck-empty.txt"
$YS check "$tmp/ck-zero.bin" "$tmp/ck-empty.txt" $px/pingxiang-tables.html >"$tmp/ck.out" 2>"$tmp/ck.err"
rc=$?
if [ $rc -eq 2 ] && grep -q "ck-zero.bin: 错误: .*二进制" "$tmp/ck.err" &&
   grep -q "ck-empty.txt: 错误: 文件为空" "$tmp/ck.err" && grep -q "pingxiang-tables.html: 提示 \[YS-P004\]" "$tmp/ck.out" &&
   tail -1 "$tmp/ck.out" | grep -q "3 file(s)" && ! grep -q Sanitizer "$tmp/ck.err"; then
	ok "check: unreadable documents exit 2 with the parser's message, the others are checked"
else
	cat "$tmp/ck.err" >>"$tmp/ck.out"
	no "check: unreadable documents (exit $rc)" "$tmp/ck.out"
fi
$YS check --template no-such-template $px/pingxiang-tables.html >"$tmp/ck.out" 2>&1
rc=$?
if [ $rc -eq 2 ] && grep -q "no-such-template" "$tmp/ck.out"; then
	ok "check: a document with a template that cannot be loaded exits 2"
else
	no "check: unknown template for a document (exit $rc)" "$tmp/ck.out"
fi
rm -f "$tmp"/ck*
