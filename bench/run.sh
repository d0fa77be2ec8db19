#!/bin/sh
# make bench: throughput and peak memory of yusuan on large synthetic
# bundles and on the reference example, written to BENCHMARKS.md. Timings
# are measured here and never asserted by tests.
set -eu
cd "$(dirname "$0")/.."
YS=bin/yusuan
export YUSUAN_DATA="$PWD/data"
out=bench/out
mkdir -p $out
report=$out/BENCHMARKS.md.tmp

measure() { # label count cmd… → appends a table row (count: line items
	# or documents, as the label says)
	label=$1
	lines=$2
	shift 2
	/usr/bin/time -f '%e %M' -o $out/time.txt "$@" >/dev/null 2>$out/err.txt || {
		cat $out/err.txt >&2
		exit 1
	}
	read -r secs kb <$out/time.txt
	rate=$(awk -v n="$lines" -v s="$secs" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "—" }')
	mb=$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')
	echo "| $label | $lines | $secs | $rate | $mb |" >>$report
	echo "$label: $lines items in ${secs}s ($rate/s), peak ${mb} MiB" >&2
}

for n in 100000 1000000; do
	[ -f $out/synth-$n/lines.csv ] || build/rel/gen_lines $n data $out/synth-$n
done

{
	echo "# Benchmarks"
	echo
	echo "Written by \`make bench\` (bench/run.sh) on $(date -u '+%Y-%m-%d'), $(nproc) cores,"
	echo "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(uname -m)."
	echo "Synthetic bundles come from \`build/rel/gen_lines N data DIR\` (bench/gen_lines.c):"
	echo "valid 2023 codes, 8 fund sources, basic and project lines, 50 projects."
	echo "Each figure is one run of the release build (\`-O2\`), wall-clock time and peak"
	echo "resident memory from \`/usr/bin/time -f '%e %M'\`."
	echo
	echo "| command | items (line items or documents, see command) | seconds | items/second | peak MiB |"
	echo "|---|---:|---:|---:|---:|"
} >$report
measure "render reference -f json (line items)" 22 $YS render examples/pingxiang-zonggonghui-2023 -f json -o $out/ref.json
measure "render 100k line items -f json" 100000 $YS render $out/synth-100000 -f json -o $out/s100k.json
measure "render 1M line items -f json" 1000000 $YS render $out/synth-1000000 -f json -o $out/s1m.json
measure "render 1M line items -f md" 1000000 $YS render $out/synth-1000000 -f md -o $out/s1m.md
measure "render 1M line items -f csv" 1000000 $YS render $out/synth-1000000 -f csv -o $out/s1m.csv
for s in bench/*.bench.sh; do
	[ -f "$s" ] && . "$s"
done
{
	echo
	echo "Commands: \`make bench\`; to repeat one row by hand:"
	echo "\`build/rel/gen_lines 1000000 data /tmp/s1m && /usr/bin/time -v bin/yusuan render /tmp/s1m -f json -o /tmp/s1m.json\`."
} >>$report
mv $report BENCHMARKS.md
echo "BENCHMARKS.md updated" >&2
