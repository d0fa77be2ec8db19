# Resource bounds on the readers: inputs that amplify (one shared string
# referenced by 200k cells) end in a clean error, quickly and in bounded
# memory. Peak memory is measured on the release binary: ASan's shadow
# memory would hide what the reader itself asks for.
if python3 tests/bounds/sst_bomb.py "$tmp/sst-bomb.xlsx" 2>"$tmp/err"; then
	timeout 30 /usr/bin/time -v bin/yusuan parse "$tmp/sst-bomb.xlsx" -o "$tmp/bomb.json" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/err")
	if [ "$rc" -eq 2 ] && grep -q "共享字符串放大" "$tmp/err" && [ "${rss:-9999999}" -lt 1048576 ]; then
		ok "bounds: shared-string bomb refused in bounded memory (${rss} KiB)"
	else
		no "bounds: shared-string bomb (exit $rc, peak ${rss:-?} KiB)" "$tmp/err"
	fi
	$YS parse "$tmp/sst-bomb.xlsx" -o "$tmp/bomb.json" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && grep -q "sst-bomb.xlsx.*共享字符串放大" "$tmp/err"; then
		ok "bounds: shared-string bomb names the file (sanitized build)"
	else
		no "bounds: shared-string bomb under the sanitized build (exit $rc)" "$tmp/err"
	fi
else
	no "bounds: could not build the shared-string bomb" "$tmp/err"
fi

# Encoding: a GBK bundle still reads, with a warning naming GB18030, and
# its text arrives intact.
mkdir -p "$tmp/gbk"
printf 'schema: yusuan/bundle@1\nyear: 2023\nunit: {code: "001", name: \271\244\273\341\276\255\267\321}\n' \
	>"$tmp/gbk/budget.yaml"
printf 'func_code,eco_code,fund,type,project,amount\n2012901,30101,gpb,basic,,100.00\n2012902,30299,gpb,project,\271\244\273\341\276\255\267\321\317\356\304\277,200.00\n' \
	>"$tmp/gbk/lines.csv"
if $YS render "$tmp/gbk" -f json -o "$tmp/gbk.json" >"$tmp/out" 2>"$tmp/err" &&
   grep -q "lines.csv.*按 GB18030 编码读取" "$tmp/err" && grep -q "budget.yaml.*按 GB18030 编码读取" "$tmp/err" && grep -q '"name": "工会经费"' "$tmp/gbk.json"; then
	ok "encoding: a GBK bundle reads, with a warning naming GB18030"
else
	no "encoding: GBK lines.csv" "$tmp/err"
fi

# YAML: an alias bomb (30 levels of ten aliases each: 10^30 nodes once
# expanded) and 100k levels of nesting are refused at once.
mkdir -p "$tmp/ybomb" "$tmp/ydeep"
python3 - "$tmp" <<'PY'
import sys
t = sys.argv[1]
head = 'schema: yusuan/bundle@1\nyear: 2023\nunit: {code: "001", name: 测试}\n'
bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
bomb += ['a%d: &a%d [%s]' % (i, i, ', '.join(['*a%d' % (i - 1)] * 10)) for i in range(1, 30)]
open(t + '/ybomb/budget.yaml', 'w').write(head + '\n'.join(bomb) + '\n')
open(t + '/ydeep/budget.yaml', 'w').write(head + 'x: ' + '[' * 100000 + ']' * 100000 + '\n')
for d in ('ybomb', 'ydeep'):
    open(t + '/' + d + '/lines.csv', 'w').write(
        'func_code,eco_code,fund,type,project,amount\n2012901,30101,gpb,basic,,100.00\n')
PY
timeout 20 $YS render "$tmp/ybomb" -f json -o "$tmp/ybomb.json" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "budget.yaml:[0-9]*:[0-9]*: 错误: YAML 节点总数（别名展开后）超过上限" "$tmp/err"; then
	ok "bounds: YAML alias bomb refused"
else
	no "bounds: YAML alias bomb (exit $rc)" "$tmp/err"
fi
timeout 20 $YS render "$tmp/ydeep" -f json -o "$tmp/ydeep.json" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "budget.yaml:4:[0-9]*: 错误: YAML 嵌套层数超过上限 64" "$tmp/err"; then
	ok "bounds: 100k-deep YAML nesting refused under timeout 20"
else
	no "bounds: deep YAML nesting (exit $rc)" "$tmp/err"
fi

# Encoding of published documents: the reference text export in GB18030
# parses to the same disclosure as the UTF-8 one, and parse and check both
# warn that it was read as GB18030; the UTF-8 one gets no warning.
iconv -f UTF-8 -t GB18030 tests/parse/pingxiang-zonggonghui-2023-budget.txt >"$tmp/gb.txt"
$YS parse tests/parse/pingxiang-zonggonghui-2023-budget.txt -o "$tmp/u8.json" >"$tmp/out" 2>"$tmp/err.u8"
$YS parse "$tmp/gb.txt" -o "$tmp/gb.json" >"$tmp/out" 2>"$tmp/err"
rc=$?
$YS check "$tmp/gb.txt" >"$tmp/out" 2>"$tmp/err.check"
if [ "$rc" -eq 0 ] && cmp -s "$tmp/gb.json" "$tmp/u8.json" &&
   grep -q "gb.txt: 警告: 文件不是 UTF-8，按 GB18030 编码读取" "$tmp/err" &&
   grep -q "gb.txt: 警告: 文件不是 UTF-8，按 GB18030 编码读取" "$tmp/err.check" &&
   ! grep -q "GB18030" "$tmp/err.u8"; then
	ok "encoding: a GB18030 text export parses whole, and parse and check warn naming GB18030"
else
	cat "$tmp/err.check" >>"$tmp/err"
	no "encoding: GB18030 document for parse/check (exit $rc)" "$tmp/err"
fi
