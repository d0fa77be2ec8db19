#!/bin/sh
# fuzz-smoke: every libFuzzer target (build/fuzz/fuzz_*) for a few seconds
# on its committed seed corpus (fuzz/corpus/<target>/), two at a time (the
# machine has two cores). New inputs go to a temporary directory, never
# into fuzz/corpus. A missing target, a crash, a sanitizer report, a leak,
# a timeout or an out-of-memory fails; so does a target without seeds.
# Prints one "ok   fuzz: …" or "FAIL fuzz: …" line per target and exits
# non-zero when any failed. Run from the repository root (make fuzz-smoke).
#   FUZZ_SMOKE_SECS  seconds per target (default 10)
set -u
secs=${FUZZ_SMOKE_SECS:-10}
export YUSUAN_DATA="${YUSUAN_DATA:-$PWD/data}"
export ASAN_OPTIONS="detect_leaks=1"
targets=$(cd fuzz && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_one() {
	t=$1
	bin=build/fuzz/fuzz_$t
	seeds=fuzz/corpus/$t
	mkdir -p "$work/$t"
	if [ ! -x "$bin" ]; then
		echo "FAIL fuzz: $t: $bin was not built (make fuzz needs clang and libclang-rt-14-dev)" >"$work/$t.res"
		return
	fi
	if [ -z "$(ls -A "$seeds" 2>/dev/null)" ]; then
		echo "FAIL fuzz: $t: no seeds in $seeds" >"$work/$t.res"
		return
	fi
	"$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
		-artifact_prefix="$work/$t/crash-" -print_final_stats=1 \
		"$work/$t" "$seeds" >"$work/$t.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log")
	cov=$(grep -o 'cov: [0-9]*' "$work/$t.log" | tail -1 | sed 's/cov: //')
	if [ "$rc" -eq 0 ] && [ -z "$(ls "$work/$t" | grep '^crash-')" ]; then
		echo "ok   fuzz: $t: ${execs:-?} runs in ${secs} s, coverage ${cov:-?} edges, no finding" >"$work/$t.res"
	else
		{
			echo "FAIL fuzz: $t: exit $rc"
			grep -E "ERROR|SUMMARY|==[0-9]+==|fuzz_$t:|Test unit written" "$work/$t.log" | head -20 | sed 's/^/     /'
			for c in "$work/$t"/crash-*; do
				[ -f "$c" ] && mkdir -p build/fuzz/crashes && cp "$c" "build/fuzz/crashes/$t-$(basename "$c")" &&
					echo "     input kept as build/fuzz/crashes/$t-$(basename "$c"); replay: $bin FILE"
			done
		} >"$work/$t.res"
	fi
}

set -- $targets
while [ $# -gt 0 ]; do
	run_one "$1" &
	if [ $# -gt 1 ]; then
		run_one "$2" &
		shift
	fi
	shift
	wait
done
bad=0
for t in $targets; do
	cat "$work/$t.res"
	grep -q '^FAIL' "$work/$t.res" && bad=1
done
exit $bad
