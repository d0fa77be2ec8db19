# Output safety: -o writes only regular files (a device, FIFO or directory
# is refused and left as it was; a symlink is written through), a FIFO given
# as input is refused instead of hanging, parse --outdir keeps inputs of the
# same name apart, output names lose control characters, a full disk leaves
# the old -f all set whole, and kill -9 at random moments during
# `render -f all` leaves the directory wholly old or wholly new with no
# temporary left behind.
ex=examples/pingxiang-zonggonghui-2023
os="$tmp/os"
rm -rf "$os"
mkdir -p "$os"

# -o to a character device made in the temp dir (like /dev/null).
if mknod "$os/null" c 1 3 2>/dev/null; then
	$YS render $ex -f md -o "$os/null" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && [ -c "$os/null" ] && grep -q "字符设备" "$tmp/err"; then
		ok "output: -o a character device is refused and stays a device"
	else
		echo "exit $rc; char device still: $([ -c "$os/null" ] && echo yes || echo no)" >>"$tmp/err"
		no "output: -o a character device" "$tmp/err"
	fi
else
	echo "skip output: -o a character device (mknod not permitted)"
fi

# -o to a FIFO: refused at once, the FIFO left in place.
mkfifo "$os/fifo"
timeout 10 $YS render $ex -f md -o "$os/fifo" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && [ -p "$os/fifo" ] && grep -q "FIFO" "$tmp/err"; then
	ok "output: -o a FIFO is refused and stays a FIFO"
else
	echo "exit $rc" >>"$tmp/err"
	no "output: -o a FIFO" "$tmp/err"
fi

# -o a directory.
mkdir "$os/dir"
$YS render $ex -f md -o "$os/dir" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && [ -d "$os/dir" ] && grep -q "目录" "$tmp/err" &&
   grep -q "$os/dir" "$tmp/err"; then
	ok "output: -o a directory is refused with its name"
else
	echo "exit $rc" >>"$tmp/err"
	no "output: -o a directory" "$tmp/err"
fi

# -o a symlink: written through, the link itself kept.
echo old >"$os/target.md"
ln -s target.md "$os/link.md"
if $YS render $ex -f md -o "$os/link.md" >"$tmp/out" 2>"$tmp/err" &&
   [ -L "$os/link.md" ] && grep -q "平乡县总工会" "$os/target.md"; then
	ok "output: -o a symlink writes its target and keeps the link"
else
	ls -la "$os" >>"$tmp/err"
	no "output: -o a symlink" "$tmp/err"
fi
if [ -z "$(find "$os" -name '*.tmp*')" ]; then
	ok "output: no temporary file left beside single-file outputs"
else
	find "$os" -name '*.tmp*' >"$tmp/why"
	no "output: temporary files left" "$tmp/why"
fi

# A FIFO as input must not hang any command (a FIFO of its own: the one
# above is gone if -o replaced it).
mkfifo "$os/infifo"
for cmd in "check $os/infifo" "parse $os/infifo" "render $os/infifo"; do
	# shellcheck disable=SC2086
	timeout 10 $YS $cmd >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && grep -q "$os/infifo" "$tmp/err"; then
		ok "input: yusuan ${cmd%% *} refuses a FIFO without waiting"
	else
		echo "exit $rc" >>"$tmp/err"
		no "input: yusuan ${cmd%% *} on a FIFO" "$tmp/err"
	fi
done
# A bundle whose budget.yaml is a FIFO.
mkdir "$os/fifobundle"
cp $ex/lines.csv "$os/fifobundle/"
mkfifo "$os/fifobundle/budget.yaml"
timeout 10 $YS render "$os/fifobundle" -f json -o "$os/fb.json" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "budget.yaml" "$tmp/err" && grep -q "拒绝读取" "$tmp/err"; then
	ok "input: a bundle with a FIFO budget.yaml is refused without waiting"
else
	echo "exit $rc" >>"$tmp/err"
	no "input: FIFO budget.yaml" "$tmp/err"
fi

# parse --outdir with two inputs of the same name, one with a newline in
# its name: three outputs, none overwritten, no control character in names.
mkdir -p "$os/in1" "$os/in2" "$os/pout"
$YS render $ex -f html -o "$os/in1/预算.html" 2>/dev/null
cp "$os/in1/预算.html" "$os/in2/预算.html"
nl='
'
cp "$os/in1/预算.html" "$os/in2/a${nl}b.html"
if $YS parse "$os/in1/预算.html" "$os/in2/预算.html" "$os/in2/a${nl}b.html" \
	--outdir "$os/pout" >"$tmp/out" 2>"$tmp/err" &&
   [ -f "$os/pout/预算.json" ] && [ -f "$os/pout/预算-2.json" ] &&
   [ -f "$os/pout/a_b.json" ] && [ "$(ls "$os/pout" | wc -l)" -eq 3 ]; then
	ok "parse --outdir: inputs of the same name get NAME.json, NAME-2.json; a newline becomes _"
else
	ls "$os/pout" >>"$tmp/err"
	no "parse --outdir: same-name inputs" "$tmp/err"
fi

# A unit name with a newline and a slash gives a one-line file name.
mkdir "$os/nlbundle"
cp $ex/lines.csv "$os/nlbundle/"
sed 's|^  name: 平乡县总工会$|  name: "平乡县\\n总工/会"|' $ex/budget.yaml >"$os/nlbundle/budget.yaml"
if $YS render "$os/nlbundle" -f all -o "$os/nlout" >"$tmp/out" 2>"$tmp/err" &&
   [ -f "$os/nlout/711-平乡县_总工_会-2023.json" ] &&
   [ "$(ls "$os/nlout" | wc -l)" -eq 7 ]; then
	ok "render -f all: newline and / in the unit name become _ in file names"
else
	ls "$os/nlout" >>"$tmp/err" 2>&1
	no "render -f all: unit name with a newline" "$tmp/err"
fi

# Two known sets: the example (A) and a copy with one amount changed (B).
mkdir "$os/exb"
cp $ex/budget.yaml "$os/exb/"
sed '2s/,820000\.00$/,830000.00/' $ex/lines.csv >"$os/exb/lines.csv"
rel=bin/yusuan
# setsum DIR: the names of every file plus the checksums of every format:
# whole files where they are byte-for-byte reproducible, the worksheets of
# the XLSX and the PDF without its CreationDate/ModDate lines (both embed the
# time of the run).
setsum() {
	(cd "$1" 2>/dev/null && ls -A && md5sum ./*.json ./*.md ./*.csv ./*.html ./*.docx &&
	 { unzip -p ./*.xlsx 'xl/worksheets/*.xml' 2>/dev/null | md5sum; } &&
	 LC_ALL=C grep -av "CreationDate\|ModDate" ./*.pdf | md5sum) 2>/dev/null | md5sum
}
$rel render $ex -f all -o "$os/setA" 2>/dev/null
$rel render "$os/exb" -f all -o "$os/setB" 2>/dev/null
sumA=$(setsum "$os/setA")
sumB=$(setsum "$os/setB")
[ "$sumA" != "$sumB" ] || no "output: the two known sets do not differ"

# -f all into a directory that also holds a subdirectory: refused (the
# swap would take the subdirectory away), the old set left whole.
cp -r "$os/setA" "$os/withsub"
mkdir "$os/withsub/charts"
$YS render "$os/exb" -f all -o "$os/withsub" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "子目录" "$tmp/err" && [ -d "$os/withsub/charts" ] &&
   [ "$(cd "$os/withsub" && rmdir charts && cd .. && setsum "$os/withsub")" = "$sumA" ] &&
   [ -z "$(find "$os" -maxdepth 1 -name '.withsub.tmp*')" ]; then
	ok "render -f all: a directory holding a subdirectory is refused, the old set kept"
else
	echo "exit $rc" >>"$tmp/err"
	no "render -f all: directory with a subdirectory" "$tmp/err"
fi

# A full disk: a small tmpfs holds the old set but not a second one, so the
# new set fails part-way; the old set must stay whole and nothing else stay.
mkdir "$os/full"
if mount -t tmpfs -o size=1600k tmpfs "$os/full" 2>/dev/null; then
	cp -r "$os/setA" "$os/full/out"
	TMPDIR="$os/full" $YS render "$os/exb" -f all -o "$os/full/out" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && [ "$(setsum "$os/full/out")" = "$sumA" ] &&
	   [ "$(ls -A "$os/full")" = "out" ] && grep -q "磁盘空间不足" "$tmp/err"; then
		ok "output: a full disk leaves the old -f all set whole and no temporary"
	else
		{ echo "exit $rc"; ls -la "$os/full" "$os/full/out"; } >>"$tmp/err"
		no "output: full disk during -f all" "$tmp/err"
	fi
	umount "$os/full"
else
	echo "skip output: full-disk test (mounting a tmpfs is not permitted here)"
fi

# SIGTERM and SIGHUP at random moments: the handler removes every
# temporary at once, without waiting for a next run.
sd="$os/sig"
mkdir -p "$sd/T"
cp -r "$os/setA" "$sd/out"
sbad=0
for i in 1 2 3 4 5 6; do
	if [ $((i % 2)) -eq 0 ]; then sig=TERM; src="$os/exb"; else sig=HUP; src=$ex; fi
	r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	TMPDIR="$sd/T" $rel render "$src" -f all -o "$sd/out" >/dev/null 2>&1 &
	pid=$!
	sleep "0.$(printf '%03d' $((r % 400)))"
	kill -s $sig "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	s=$(setsum "$sd/out")
	if [ "$s" != "$sumA" ] && [ "$s" != "$sumB" ] ||
	   [ -n "$(find "$sd" -mindepth 1 -name '*.tmp*')" ] ||
	   [ -n "$(ls -A "$sd/T")" ]; then
		sbad=$((sbad + 1))
		{ echo "SIG$sig run $i:"; find "$sd"; } >>"$tmp/sig.why"
	fi
done
if [ "$sbad" -eq 0 ]; then
	ok "output: SIGTERM/SIGHUP during render -f all leave a whole set and no temporary"
else
	no "output: signals during render -f all" "$tmp/sig.why"
fi

# kill -9 at random moments (bounded to about 60 s in all) during render
# -f all with the release binary, alternating the two sets. After each kill
# DIR is wholly A or wholly B; $TMPDIR stays empty throughout; leftovers of
# a killed run are swept by the next one, so at most one stage directory is
# ever left, and none after a run that completes.
kd="$os/kill"
mkdir -p "$kd/T"
cp -r "$os/setA" "$kd/out"
# The kill moments spread over 0 … 1.2 × the time of one whole run, so
# some land before the swap, some in it and some after.
t0=$(date +%s%N)
$rel render "$os/exb" -f all -o "$kd/out" >/dev/null 2>&1
$rel render $ex -f all -o "$kd/out" >/dev/null 2>&1
span=$(( ($(date +%s%N) - t0) / 1000000 * 6 / 10 ))
[ "$span" -gt 50 ] || span=50
[ "$span" -lt 2000 ] || span=2000
start=$(date +%s)
bad=0
runs=0
nA=0
nB=0
while [ "$runs" -lt 100 ] && [ $(($(date +%s) - start)) -lt 55 ]; do
	if [ $((runs % 2)) -eq 0 ]; then src="$os/exb"; else src=$ex; fi
	r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	TMPDIR="$kd/T" $rel render "$src" -f all -o "$kd/out" >/dev/null 2>&1 &
	pid=$!
	ms=$((r % span))
	sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	runs=$((runs + 1))
	s=$(setsum "$kd/out")
	left=$(find "$kd" -mindepth 1 -name '*.tmp*' -prune | wc -l)
	[ "$s" = "$sumA" ] && nA=$((nA + 1))
	[ "$s" = "$sumB" ] && nB=$((nB + 1))
	if [ "$s" != "$sumA" ] && [ "$s" != "$sumB" ]; then
		bad=$((bad + 1))
		echo "run $runs: DIR is neither the old set nor the new one" >>"$tmp/kill.why"
		ls -la "$kd/out" >>"$tmp/kill.why"
	fi
	if [ -n "$(ls -A "$kd/T")" ] || [ "$left" -gt 1 ]; then
		bad=$((bad + 1))
		{ echo "run $runs: temporaries"; ls -A "$kd/T"; ls -A "$kd"; } >>"$tmp/kill.why"
	fi
done
TMPDIR="$kd/T" $rel render $ex -f all -o "$kd/out" >/dev/null 2>&1
if [ "$(setsum "$kd/out")" != "$sumA" ] ||
   [ -n "$(find "$kd" -mindepth 1 -name '*.tmp*')" ] ||
   [ -n "$(ls -A "$kd/T")" ]; then
	bad=$((bad + 1))
	{ echo "after a complete run:"; find "$kd"; } >>"$tmp/kill.why"
fi
if [ "$bad" -eq 0 ] && [ "$runs" -ge 20 ]; then
	ok "output: kill -9 at $runs random moments of render -f all leaves the old or the new set, no temporary ($nA times set A, $nB times set B)"
else
	echo "$runs runs, $bad problems" >>"$tmp/kill.why"
	no "output: kill -9 during render -f all" "$tmp/kill.why"
fi
rm -rf "$os"
