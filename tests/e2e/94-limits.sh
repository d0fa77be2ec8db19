# Reader limits from the command line (docs/limits.md): a limit lowered
# with --limit makes a small input refuse, with a message naming the limit
# and how to raise it; a limit raised lets an input over its default
# through; $YUSUAN_LIMITS works and the command line wins over it; bad
# settings are refused before any work; docs/limits.md lists every limit.
ex=examples/pingxiang-zonggonghui-2023
lt="$tmp/limits"
rm -rf "$lt"
mkdir -p "$lt"

# lim_refuses NAME MESSAGE_PART CMD…: exit 2, the message names the limit
# and the option that raises it, and no output file is left.
lim_refuses() {
	name=$1 part=$2
	shift 2
	rm -f "$lt/out.json"
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && grep -q "$part" "$tmp/err" &&
	   grep -qF "（限值 $name = " "$tmp/err" &&
	   grep -qF "用 --limit $name=更大的值 放宽）" "$tmp/err" &&
	   [ ! -e "$lt/out.json" ] && ! grep -q Sanitizer "$tmp/err"; then
		ok "limits: $name lowered refuses a small input, naming the limit ($part)"
	else
		echo "exit $rc" >>"$tmp/err"
		no "limits: lowered $name" "$tmp/err"
	fi
}

$YS render $ex -f xlsx -o "$lt/ex.xlsx" 2>/dev/null
$YS render $ex -f docx -o "$lt/ex.docx" 2>/dev/null
$YS render $ex -f json -o "$lt/ex.json" 2>/dev/null

lim_refuses bundle-yaml-bytes "budget.yaml: 错误: 文件过大" \
	$YS render $ex -f json -o "$lt/out.json" --limit bundle-yaml-bytes=4K
lim_refuses lines-csv-bytes "lines.csv: 错误: 文件过大" \
	$YS render $ex -f json -o "$lt/out.json" --limit lines-csv-bytes=100
lim_refuses template-bytes "hebei-2023.yaml: 错误: 文件过大" \
	$YS render $ex -f json -o "$lt/out.json" --limit=template-bytes=1K
lim_refuses yaml-depth "budget.yaml:[0-9]*:[0-9]*: 错误: YAML 嵌套层数超过上限 2" \
	$YS render $ex -f json -o "$lt/out.json" --limit yaml-depth=2
lim_refuses yaml-nodes "YAML 节点总数（别名展开后）超过上限 50" \
	$YS check $ex --limit yaml-nodes=50
lim_refuses csv-fields "一行的字段超过 3 个" \
	$YS render $ex -f json -o "$lt/out.json" --limit csv-fields=3
lim_refuses document-bytes "ex.xlsx: 错误: 文件过大" \
	$YS parse "$lt/ex.xlsx" -o "$lt/out.json" --limit document-bytes=1K
lim_refuses zip-entries "zip 文件有 [0-9]* 个条目，超过上限 3" \
	$YS parse "$lt/ex.docx" -o "$lt/out.json" --limit zip-entries=3
lim_refuses zip-inflated-bytes "疑似 zip 炸弹" \
	$YS parse "$lt/ex.docx" -o "$lt/out.json" --limit zip-inflated-bytes=20K
lim_refuses sheet-cells "工作表超过 10 个单元格的上限" \
	$YS parse "$lt/ex.xlsx" -o "$lt/out.json" --limit sheet-cells=10
lim_refuses shared-strings "共享字符串超过 10 个的上限" \
	$YS check "$lt/ex.xlsx" --limit shared-strings=10
lim_refuses shared-string-bytes "共享字符串超过 100 字节的上限" \
	$YS parse "$lt/ex.xlsx" -o "$lt/out.json" --limit shared-string-bytes=100
lim_refuses cell-text-bytes "单元格文本总量超过 100 字节的上限" \
	$YS parse "$lt/ex.xlsx" -o "$lt/out.json" --limit cell-text-bytes=100
lim_refuses input-bytes "ex.json: 错误: 文件过大" \
	$YS check "$lt/ex.json" --limit input-bytes=1K

# A limit raised lets through an input over its default: a lines.csv with
# 64 extra (empty) columns, 70 fields a record, over csv-fields = 64.
mkdir -p "$lt/wide"
cp $ex/budget.yaml "$lt/wide/"
awk 'BEGIN { FS = OFS = "," } { s = ""; for (i = 0; i < 64; i++) s = s "," (NR == 1 ? "x" i : ""); print $0 s }' \
	$ex/lines.csv >"$lt/wide/lines.csv"
$YS render "$lt/wide" -f json -o "$lt/wide.json" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "lines.csv:1: 错误: 一行的字段超过 64 个（限值 csv-fields = 64" "$tmp/err"; then
	ok "limits: 70 fields a record are over the default csv-fields"
else
	no "limits: wide lines.csv under the default (exit $rc)" "$tmp/err"
fi
if $YS render "$lt/wide" -f json -o "$lt/wide.json" --limit csv-fields=100 >"$tmp/out" 2>"$tmp/err" &&
   cmp -s "$lt/wide.json" "$lt/ex.json"; then
	ok "limits: --limit csv-fields=100 lets the wide lines.csv through, same disclosure"
else
	no "limits: raised csv-fields" "$tmp/err"
fi

# The YAML alias bomb of 92-bounds.sh, cut to 3 levels of 10 (1,111 nodes
# expanded): refused at yaml-nodes=1000, read at yaml-nodes=50000 (the
# unknown keys then only warned about).
mkdir -p "$lt/alias"
cp $ex/lines.csv "$lt/alias/"
{
	cat $ex/budget.yaml
	echo 'x0: &a0 [x, x, x, x, x, x, x, x, x, x]'
	echo 'x1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]'
	echo 'x2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]'
} >"$lt/alias/budget.yaml"
$YS render "$lt/alias" -f json -o "$lt/out.json" --limit yaml-nodes=1000 >"$tmp/out" 2>"$tmp/err"
rc1=$?
cp "$tmp/err" "$tmp/err1"
$YS render "$lt/alias" -f json -o "$lt/out.json" --limit yaml-nodes=50000 >"$tmp/out" 2>"$tmp/err"
rc2=$?
if [ "$rc1" -eq 2 ] && grep -q "限值 yaml-nodes = 1000" "$tmp/err1" &&
   [ "$rc2" -eq 0 ] && ! grep -q "限值" "$tmp/err" && grep -q "“x0”不是可识别的字段" "$tmp/err"; then
	ok "limits: yaml-nodes lowered stops the alias tree; raised, the reader goes on"
else
	cat "$tmp/err1" >>"$tmp/err"
	no "limits: yaml-nodes lowered and raised (exit $rc1, $rc2)" "$tmp/err"
fi

# The environment, and the command line over it.
YUSUAN_LIMITS="sheet-cells=10, zip-entries=100" $YS parse "$lt/ex.xlsx" -o "$lt/out.json" \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "限值 sheet-cells = 10；" "$tmp/err" &&
   YUSUAN_LIMITS="sheet-cells=10" $YS parse "$lt/ex.xlsx" -o "$lt/out.json" \
	--limit sheet-cells=600000 >"$tmp/out" 2>"$tmp/err"; then
	ok "limits: YUSUAN_LIMITS applies; --limit on the command line wins over it"
else
	no "limits: YUSUAN_LIMITS (exit $rc)" "$tmp/err"
fi

# Bad settings: refused at once, exit 2, nothing written.
for bad in "nosuch=5" "sheet-cells=0" "sheet-cells=12x" "sheet-cells" "yaml-depth=1000000"; do
	rm -f "$lt/out.json"
	$YS render $ex -f json -o "$lt/out.json" --limit "$bad" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && grep -q "^--limit: 错误: " "$tmp/err" && [ ! -e "$lt/out.json" ]; then
		ok "limits: --limit $bad is refused before any work"
	else
		no "limits: --limit $bad (exit $rc)" "$tmp/err"
	fi
done
YUSUAN_LIMITS="nosuch=1" $YS check $ex >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "^YUSUAN_LIMITS: 错误: 没有名为“nosuch”的限值" "$tmp/err"; then
	ok "limits: a bad YUSUAN_LIMITS is refused, naming the variable"
else
	no "limits: bad YUSUAN_LIMITS (exit $rc)" "$tmp/err"
fi
$YS parse --limit >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "需要一个值" "$tmp/err"; then
	ok "limits: --limit without a value is a usage error"
else
	no "limits: --limit without a value (exit $rc)" "$tmp/err"
fi

# --limit list on every command: the table, each name listed in
# docs/limits.md (the one place users read them).
lbad=0
for c in render check parse catalog; do
	$YS $c --limit list --limit sheet-cells=7 >"$lt/list-$c" 2>"$tmp/err" || lbad=1
	grep -q "^sheet-cells  *7  *500000  " "$lt/list-$c" || lbad=1
done
n=$(awk 'NR > 1' "$lt/list-render" | wc -l)
missing=""
for name in $(awk 'NR > 1 { print $1 }' "$lt/list-render"); do
	grep -qF "| \`$name\` |" docs/limits.md || missing="$missing $name"
done
if [ "$lbad" -eq 0 ] && [ "$n" -ge 15 ] && [ -z "$missing" ]; then
	ok "limits: --limit list on every command shows $n limits with the value in force, each in docs/limits.md"
else
	echo "not in docs/limits.md:$missing" >>"$lt/list-render"
	no "limits: --limit list" "$lt/list-render"
fi
rm -rf "$lt"
