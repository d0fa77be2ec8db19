# fuzz-smoke inside the suite: every libFuzzer target runs for a few
# seconds on its committed seeds (fuzz/smoke.sh). The targets are built by
# `make test` with clang; a missing clang fails the build, and a target
# that was not built fails here — the suite never skips fuzzing.
sh fuzz/smoke.sh >"$tmp/fuzz.out" 2>&1
while IFS= read -r line; do
	case "$line" in
	"ok   fuzz: "*) ok "${line#ok   }" ;;
	"FAIL fuzz: "*) printf '%s\n' "$line" >"$tmp/fuzz.why"; no "${line#FAIL }" "$tmp/fuzz.why" ;;
	"     "*) echo "$line" ;;
	esac
done <"$tmp/fuzz.out"
grep -q "fuzz: " "$tmp/fuzz.out" || no "fuzz: fuzz/smoke.sh printed no result" "$tmp/fuzz.out"
