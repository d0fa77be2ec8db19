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

# The Jiangsu example (jiangsu-2018: twelve tables, no 序号 in print, a
# 单位预留机动经费 type, 收入预算总表 by fund block): every one of its
# 168 one-cell mutants is caught.
if $YS render examples/jiangsu-renda-2018 -f json -o "$tmp/mt-js.json" >"$tmp/mt.out" 2>&1 &&
   build/rel/mutate "$tmp/mt-js.json" >"$tmp/mt.out" 2>&1 &&
   tail -1 "$tmp/mt.out" | grep -q "^168 mutants, 168 caught, 0 missed"; then
	ok "mutants: jiangsu-renda-2018: 168 of 168 caught"
else
	no "mutants: jiangsu-renda-2018" "$tmp/mt.out"
fi
rm -f "$tmp"/mt*

# A template written only here: hebei-2023 with other table ids (biao1…),
# other column keys (the figures' cell references follow them) and 元
# instead of 万元, in the tables and in the narrative's wording. The identities come from its
# queries, so its render checks clean (no "缺少公开表" for T1–T9, no rule
# skipped for unknown keys) and every mutant is still caught.
mt_tpl="$tmp/mt-renamed.yaml"
sed -e 's/^- id: T\([0-9]\)$/- id: biao\1/' -e 's/^id: hebei-2023/id: renamed/' \
    -e 's/^money_unit: 万元/money_unit: 元/' \
    -e 's/key: subtotal/key: xiaoji/; s/key: fiscal/key: czbk/; s/key: gpb,/key: ggys,/g' \
    -e 's/key: personnel/key: ry/; s/key: public/key: gy/; s/key: basic/key: jb/g; s/key: project/key: xm/g' \
    -e 's/table: T\([0-9]\)/table: biao\1/g' \
    -e 's/col: subtotal/col: xiaoji/g; s/col: fiscal/col: czbk/g; s/col: gpb\([,}]\)/col: ggys\1/g' \
    -e 's/col: personnel/col: ry/g; s/col: public/col: gy/g; s/col: basic/col: jb/g; s/col: project/col: xm/g' \
    -e 's/万元/元/g' \
    data/templates/hebei-2023.yaml >"$mt_tpl"
if $YS render examples/pingxiang-zonggonghui-2023 --template "$mt_tpl" -f json -o "$tmp/mt-r.json" >"$tmp/mt.out" 2>&1 &&
   grep -q '"id": "biao9"' "$tmp/mt-r.json" && ! grep -q '"id": "T[0-9]"' "$tmp/mt-r.json" &&
   $YS check --template "$mt_tpl" "$tmp/mt-r.json" >"$tmp/mt.out" 2>&1 &&
   tail -1 "$tmp/mt.out" | grep -q "0 error(s), 0 warning(s)"; then
	ok "mutants: a template with other ids, keys and 元 checks its own render clean"
else
	no "mutants: renamed template render/check" "$tmp/mt.out"
fi
build/rel/mutate "$tmp/mt-r.json" --template "$mt_tpl" >"$tmp/mt.out" 2>&1
if [ $? -eq 0 ] && tail -1 "$tmp/mt.out" | grep -q "^575 mutants, 575 caught, 0 missed"; then
	ok "mutants: renamed template: 575 of 575 caught"
else
	no "mutants: renamed template" "$tmp/mt.out"
fi
rm -f "$tmp"/mt*

# The final-accounts templates (national-final, shanghai-2024-final): every
# one-cell mutant of their examples' renders is caught, the balance
# identities (YS-T011) and the 总计 rows (YS-T010) included; the count is
# fixed so that a cell dropping out of every identity shows.
for mt_ex in national-final-2024:541 shanghai-2024-final:541; do
	mt_name=${mt_ex%%:*}
	mt_want=${mt_ex#*:}
	if $YS render "examples/$mt_name" -f json -o "$tmp/mt-f.json" >"$tmp/mt.out" 2>&1 &&
	   build/rel/mutate "$tmp/mt-f.json" >"$tmp/mt.out" 2>&1 &&
	   tail -1 "$tmp/mt.out" | grep -q "^$mt_want mutants, $mt_want caught, 0 missed"; then
		ok "mutants: $mt_name: $mt_want of $mt_want caught"
	else
		no "mutants: $mt_name (want $mt_want of $mt_want)" "$tmp/mt.out"
	fi
done
rm -f "$tmp"/mt*
