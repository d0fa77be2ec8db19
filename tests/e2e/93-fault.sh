# Fault injection (src/base/fault.h, build/fault/yusuan): the Nth
# allocation of our code fails, or the Nth write of output data fails
# with ENOSPC, for `render -f all`, `parse` and `check` on the reference.
# Every run must either succeed with exactly the output of a run without
# faults, or exit 2 with a message (内存不足 / 磁盘空间不足) — no crash,
# no sanitizer report, no leak, and the output left as it was before the
# run (the old set of -f all whole, the old parse output unchanged, no
# temporary anywhere).
#
# Which N: a first run records every allocation site it reaches
# (YS_FAULT_SITES) with the numbers of its first and last call; each
# site's first and last call fail once, plus FAULT_SAMPLES (12) numbers
# spread over 1..K, plus K+1 (which must not hit: the loop ends there).
# check, the cheapest, runs every N from 1 to K+1. FAULT_EVERY=1 runs
# every N for all three (minutes; outside make test).
F=build/fault/yusuan
ex=examples/pingxiang-zonggonghui-2023
fd="$tmp/fault"
rm -rf "$fd"
mkdir -p "$fd/T"
samples=${FAULT_SAMPLES:-12}

# fsum DIR: names and checksums of a -f all set (PDF without its dates).
fsum() {
	(cd "$1" 2>/dev/null && ls -A && md5sum ./*.json ./*.md ./*.csv ./*.html ./*.docx &&
	 { unzip -p ./*.xlsx 'xl/worksheets/*.xml' 2>/dev/null | md5sum; } &&
	 LC_ALL=C grep -av "CreationDate\|ModDate" ./*.pdf | md5sum) 2>/dev/null | md5sum
}

# fault_ns SITES: the N to try, one per line, sorted, unique.
fault_ns() {
	k=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$1")
	{
		if [ "${FAULT_EVERY:-0}" = 1 ]; then
			seq 1 "$k"
		else
			awk '{ print $1; print $2 }' "$1"
			awk -v k="$k" -v s="$samples" 'BEGIN { for (i = 1; i <= s; i++) print int(k * i / (s + 1)) + 1 }'
		fi
		echo $((k + 1))
	} | sort -n | uniq
}

# judge WHAT N RC ERR SAME_AS_GOOD SAME_AS_OLD: the verdict on one run.
fbad=0
judge() {
	what=$1 n=$2 rc=$3 err=$4 good=$5 old=$6
	left=$(find "$fd" -name '*.tmp*' -o -name '.yusuan-scratch*' | head -1)
	if grep -q "Sanitizer\|runtime error\|LeakSanitizer" "$err" || [ "$rc" -ge 90 ]; then
		why="crash or sanitizer report (exit $rc)"
	elif [ -n "$left" ] || [ -n "$(ls -A "$fd/T")" ]; then
		why="temporary left: $left $(ls -A "$fd/T")"
	elif [ "$rc" -eq 0 ]; then
		[ "$good" = yes ] && return 0
		why="exit 0 but the output differs from a run without faults"
	elif [ "$rc" -ne 2 ]; then
		why="exit $rc, expected 0 or 2"
	elif ! grep -v "^ys-fault: " "$err" | grep -q "内存不足\|磁盘空间不足"; then
		why="exit 2 without 内存不足 or 磁盘空间不足"
	elif [ "$old" != yes ]; then
		why="the old output was changed"
	else
		return 0
	fi
	fbad=$((fbad + 1))
	{ echo "$what N=$n: $why"; grep -v "^    #" "$err" | head -8; } >>"$fd/why"
	return 1
}

# render_fault VAR N KIND / parse_fault VAR N KIND: one run with the fault
# VAR=N over the old output, judged; sets rc.
render_fault() {
	rm -rf "$fd/out"
	cp -r "$fd/old" "$fd/out"
	env TMPDIR="$fd/T" "$1=$2" $F render "$ex" -f all -o "$fd/out" >/dev/null 2>"$fd/err"
	rc=$?
	s=$(fsum "$fd/out")
	judge "render -f all, $3" "$2" "$rc" "$fd/err" \
		"$([ "$s" = "$goodsum" ] && echo yes)" "$([ "$s" = "$oldsum" ] && echo yes)"
}
parse_fault() {
	cp "$fd/old.json" "$fd/p.json"
	env TMPDIR="$fd/T" "$1=$2" $F parse "$fd/ex.docx" -o "$fd/p.json" >/dev/null 2>"$fd/err"
	rc=$?
	judge "parse, $3" "$2" "$rc" "$fd/err" \
		"$(cmp -s "$fd/p.json" "$fd/good.json" && echo yes)" \
		"$(cmp -s "$fd/p.json" "$fd/old.json" && echo yes)"
}

if [ ! -x "$F" ]; then
	no "fault: $F was not built"
else
	# Reference outputs, from the fault build without a fault.
	$F render "$ex" -f all -o "$fd/good" >/dev/null 2>&1
	$F render "$ex" -f docx -o "$fd/ex.docx" >/dev/null 2>&1
	mkdir -p "$fd/exb"
	cp $ex/budget.yaml "$fd/exb/"
	sed '2s/,820000\.00$/,830000.00/' $ex/lines.csv >"$fd/exb/lines.csv"
	$F render "$fd/exb" -f all -o "$fd/old" >/dev/null 2>&1
	goodsum=$(fsum "$fd/good")
	oldsum=$(fsum "$fd/old")
	$F parse "$fd/ex.docx" -o "$fd/good.json" >/dev/null 2>&1
	echo '{"old": true}' >"$fd/old.json"
	$F check "$ex" >"$fd/check.good" 2>&1
	check_rc=$?

	# render -f all: allocations, then writes.
	YS_FAULT_SITES="$fd/render.sites" $F render "$ex" -f all -o "$fd/x" >/dev/null 2>&1
	rm -rf "$fd/x"
	runs=0 hit=0 start=$(date +%s)
	for n in $(fault_ns "$fd/render.sites"); do
		render_fault YS_FAULT_ALLOC "$n" allocation
		grep -q "^ys-fault: " "$fd/err" && hit=$((hit + 1))
		runs=$((runs + 1))
	done
	nsites=$(wc -l <"$fd/render.sites")
	w=1
	while [ "$w" -le 64 ]; do
		render_fault YS_FAULT_WRITE "$w" write
		[ "$rc" -eq 0 ] && break
		w=$((w + 1))
	done
	if [ "$fbad" -eq 0 ] && [ "$rc" -eq 0 ] && [ "$hit" -ge $((runs - 1)) ]; then
		ok "fault: render -f all: $runs allocation faults over $nsites sites, $((w - 1)) write faults: each a clean 内存不足/磁盘空间不足 with the old set whole, or the same output ($(($(date +%s) - start)) s)"
	else
		echo "$runs runs, $hit hit a fault; writes up to $w" >>"$fd/why"
		no "fault: render -f all" "$fd/why"
	fi

	# parse: allocations, then writes.
	fbad=0
	rm -f "$fd/why"
	YS_FAULT_SITES="$fd/parse.sites" $F parse "$fd/ex.docx" -o "$fd/x.json" >/dev/null 2>&1
	rm -f "$fd/x.json"
	runs=0 start=$(date +%s)
	for n in $(fault_ns "$fd/parse.sites"); do
		parse_fault YS_FAULT_ALLOC "$n" allocation
		runs=$((runs + 1))
	done
	nsites=$(wc -l <"$fd/parse.sites")
	w=1
	while [ "$w" -le 16 ]; do
		parse_fault YS_FAULT_WRITE "$w" write
		[ "$rc" -eq 0 ] && break
		w=$((w + 1))
	done
	if [ "$fbad" -eq 0 ] && [ "$rc" -eq 0 ]; then
		ok "fault: parse DOCX: $runs allocation faults over $nsites sites, $((w - 1)) write faults, each clean ($(($(date +%s) - start)) s)"
	else
		no "fault: parse DOCX" "$fd/why"
	fi

	# check: every N. Its output is its report on stdout; a fault may only
	# end it with exit 2 and 内存不足.
	fbad=0
	rm -f "$fd/why"
	YS_FAULT_SITES="$fd/check.sites" $F check "$ex" >/dev/null 2>&1
	k=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$fd/check.sites")
	start=$(date +%s)
	n=1
	while [ "$n" -le $((k + 1)) ]; do
		YS_FAULT_ALLOC=$n $F check "$ex" >"$fd/check.out" 2>"$fd/err"
		rc=$?
		grep -v "^ys-fault: " "$fd/err" >>"$fd/check.out"
		if [ "$rc" -eq "$check_rc" ] && [ "$check_rc" -ne 2 ] &&
		   cmp -s "$fd/check.out" "$fd/check.good"; then
			:
		else
			judge "check, allocation" "$n" "$rc" "$fd/err" "" yes
		fi
		n=$((n + 1))
	done
	if [ "$fbad" -eq 0 ] && ! grep -q "^ys-fault" "$fd/err"; then
		ok "fault: check: every allocation 1..$k failed once, each clean ($(($(date +%s) - start)) s)"
	else
		no "fault: check" "$fd/why"
	fi
fi
rm -rf "$fd"
