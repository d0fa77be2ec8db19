# kill -9 during single-file outputs: `parse -o FILE` and `render -f docx
# -o FILE` killed at random moments leave FILE either the old or the new
# content, at most one temporary beside it, and none after the next run
# completes (it sweeps the leftover). Bounded to about 20 s.
kp="$tmp/killparse"
rm -rf "$kp"
mkdir -p "$kp/T"
rel=bin/yusuan
ex=examples/pingxiang-zonggonghui-2023
$rel render $ex -f docx -o "$kp/in.docx" 2>/dev/null
$rel parse "$kp/in.docx" -o "$kp/new.json" 2>/dev/null
echo '{"old": true}' >"$kp/old.json"
kbad=0 kruns=0 start=$(date +%s)
while [ "$kruns" -lt 30 ] && [ $(($(date +%s) - start)) -lt 20 ]; do
	if [ $((kruns % 2)) -eq 0 ]; then
		TMPDIR="$kp/T" $rel parse "$kp/in.docx" -o "$kp/out.json" >/dev/null 2>&1 &
	else
		TMPDIR="$kp/T" $rel render $ex -f docx -o "$kp/out.docx" >/dev/null 2>&1 &
	fi
	pid=$!
	r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	sleep "0.$(printf '%03d' $((r % 120)))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	kruns=$((kruns + 1))
	left=$(find "$kp" -mindepth 1 -maxdepth 1 -name '.*tmp*' | wc -l)
	if [ -f "$kp/out.json" ] && ! cmp -s "$kp/out.json" "$kp/new.json"; then
		kbad=$((kbad + 1)); echo "run $kruns: out.json is neither absent nor whole" >>"$kp/why"
	fi
	if [ "$left" -gt 1 ] || [ -n "$(ls -A "$kp/T")" ]; then
		kbad=$((kbad + 1)); { echo "run $kruns: temporaries"; ls -A "$kp" "$kp/T"; } >>"$kp/why"
	fi
done
$rel parse "$kp/in.docx" -o "$kp/out.json" >/dev/null 2>&1
$rel render $ex -f docx -o "$kp/out.docx" >/dev/null 2>&1
if [ -n "$(find "$kp" -mindepth 1 -maxdepth 1 -name '.*tmp*')" ]; then
	kbad=$((kbad + 1)); { echo "after complete runs:"; ls -A "$kp"; } >>"$kp/why"
fi
if [ "$kbad" -eq 0 ] && [ "$kruns" -ge 10 ]; then
	ok "output: kill -9 at $kruns random moments of parse -o / render -o leaves the file whole or absent, at most one temporary, none after the next run"
else
	echo "$kruns runs, $kbad problems" >>"$kp/why"
	no "output: kill -9 during single-file outputs" "$kp/why"
fi
rm -rf "$kp"
