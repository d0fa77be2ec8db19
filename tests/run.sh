#!/bin/sh
# The whole test suite: cmocka unit tests, golden end-to-end tests on the
# reference example, and every hostile input in tests/bad/. The binaries
# are the AddressSanitizer + UndefinedBehaviorSanitizer builds. Ends with
# "N passed, N failed"; exits non-zero when anything failed.
# `sh tests/run.sh PATTERN` runs only the unit tests, e2e scripts and bad
# cases whose name contains PATTERN (a quick run while working on one part).
set -u
only="${1:-}"
selected() { [ -z "$only" ] || case "$1" in *"$only"*) return 0 ;; *) return 1 ;; esac; }
cd "$(dirname "$0")/.."
YS=build/asan/yusuan
export YUSUAN_DATA="$PWD/data"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=99"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=98"
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && sed 's/^/     /' "$2" | head -40; }

# 1. Unit tests (cmocka prints its summary on stderr).
for t in build/asan/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	selected "$name" || continue
	"$t" >"$tmp/unit.out" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$tmp/unit.out")
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$tmp/unit.out")
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-0}))
	if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
		no "$name (exit $rc)" "$tmp/unit.out"
	else
		echo "ok   $name: ${p:-0} passed, ${f:-0} failed"
		[ "${f:-0}" -ne 0 ] && grep -E "FAILED|ERROR|error" "$tmp/unit.out" | head -20
	fi
done

# 2. End-to-end tests, one script each (tests/e2e/*.sh), sourced so they can
#    call ok/no.
for s in tests/e2e/*.sh; do
	[ -f "$s" ] || continue
	selected "$(basename "$s")" || continue
	. "$s"
done

# 3. Hostile and broken inputs: each case directory holds `cmd` (arguments
#    after the yusuan binary; {dir} is the case directory), `exit` (the
#    expected status) and `message` (text the error output must contain).
for c in tests/bad/*/; do
	c=${c%/}
	[ -f "$c/cmd" ] || continue
	name="bad/$(basename "$c")"
	selected "$name" || continue
	args=$(sed "s#{dir}#$c#g" "$c/cmd")
	want_rc=$(cat "$c/exit")
	# shellcheck disable=SC2086
	$YS $args >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ "$rc" != "$want_rc" ]; then
		no "$name: exit $rc, expected $want_rc" "$tmp/err"
	elif ! grep -qF -- "$(cat "$c/message")" "$tmp/err"; then
		echo "     expected message: $(cat "$c/message")" >"$tmp/why"
		cat "$tmp/err" >>"$tmp/why"
		no "$name: message not found" "$tmp/why"
	elif grep -q "Sanitizer" "$tmp/err"; then
		no "$name: sanitizer report" "$tmp/err"
	else
		ok "$name"
	fi
done

echo
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
