# Mutation test of the derived identities (tests/mutate.c): every one-cell
# change of the reference render and of every example's render — each
# non-empty amount one step of its last decimal up, each empty cell made
# 0.01 — must give a finding. The count of mutants caught must equal the
# count made; a missed one is a cell in no derived identity.
for mt_in in tests/golden/pingxiang-zonggonghui-2023.json examples/*/; do
	mt_in=${mt_in%/}
	mt_name=$(basename "$mt_in")
	if [ -d "$mt_in" ]; then
		[ -f "$mt_in/budget.yaml" ] || continue
		if ! $YS render "$mt_in" -f json -o "$tmp/mt-$mt_name.json" >"$tmp/mt.out" 2>&1; then
			no "mutants: render $mt_name" "$tmp/mt.out"
			continue
		fi
		mt_in="$tmp/mt-$mt_name.json"
	fi
	build/rel/mutate "$mt_in" >"$tmp/mt.out" 2>&1
	rc=$?
	mt_sum=$(tail -1 "$tmp/mt.out")
	mt_made=${mt_sum%% mutants*}
	mt_caught=$(echo "$mt_sum" | sed -n 's/.* mutants, \([0-9]*\) caught.*/\1/p')
	if [ $rc -eq 0 ] && [ -n "$mt_caught" ] && [ "$mt_made" -gt 100 ] && [ "$mt_caught" = "$mt_made" ]; then
		ok "mutants: $mt_name: $mt_caught of $mt_made one-cell mutants caught"
	else
		no "mutants: $mt_name (exit $rc): $mt_sum" "$tmp/mt.out"
	fi
done
rm -f "$tmp"/mt*
