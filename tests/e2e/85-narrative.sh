# Narrative figures and their check with a template written only in the
# test's fixture folder (tests/fixtures/templates/yuan-2023.yaml): a layout
# in 元 with figures of its own ({func_201}, {eco_30215}, a fund × type
# query, a difference). The numbers were added up by hand from
# examples/pingxiang-zonggonghui-2023/lines.csv: 一般公共预算 5521800.00,
# of it basic 2057000.00 and projects 3464800.00; functional 201
# 5276800.00, 2080505 93000.00; economic 302 3389100.00, 30215 (会议费) none.
ex=examples/pingxiang-zonggonghui-2023
ytpl=tests/fixtures/templates/yuan-2023.yaml

if $YS render $ex --template $ytpl -f json -o "$tmp/yn.json" 2>"$tmp/err"; then
	want="2023年一般公共预算支出5521800.00元，其中一般公共预算基本支出2057000.00元，项目支出3464800.00元。基本支出比项目支出减少1407800.00元。按功能分类，一般公共服务支出5276800.00元，机关事业单位基本养老保险缴费支出93000.00元。按经济分类，商品和服务支出3389100.00元，会议费0.00元。"
	if grep -qF "$want" "$tmp/yn.json"; then
		ok "narrative: a fixture template in 元 states its own figures (func_201, eco_30215, fund × type)"
	else
		grep overview "$tmp/yn.json" >"$tmp/err"
		no "narrative: fixture template figures are not the hand-computed ones" "$tmp/err"
	fi
else
	no "narrative: render with the fixture template failed" "$tmp/err"
fi

# Its own narrative checks clean (the rules of the narrative: YS-N…, YS-H…),
# with its tables in 元.
$YS check --template $ytpl "$tmp/yn.json" >"$tmp/ck.out" 2>&1
if ! grep -q "\[YS-[NH]" "$tmp/ck.out"; then
	ok "narrative check: a template in 元 gives no false narrative finding"
else
	no "narrative check: false findings on the 元 template's own text" "$tmp/ck.out"
fi

# The text says 万元 for a 元 figure: caught, and said so.
sed 's/一般公共预算支出5521800.00元/一般公共预算支出5521800.00万元/' "$tmp/yn.json" >"$tmp/yn-wan.json"
$YS check --template $ytpl "$tmp/yn-wan.json" >"$tmp/ck.out" 2>&1
if grep -q "GPB/合计/all: §overview: 错误 \[YS-N001\] 说明中“一般公共预算支出5521800.00万元”写作万元，表中为元" "$tmp/ck.out"; then
	ok "narrative check: 万元 written for a 元 figure is caught with its unit"
else
	no "narrative check: 万元 for a 元 figure not caught" "$tmp/ck.out"
fi

# The same amount stated in 万元 at its precision is right.
sed 's/一般公共预算基本支出2057000.00元/一般公共预算基本支出205.7万元/' "$tmp/yn.json" >"$tmp/yn-w.json"
$YS check --template $ytpl "$tmp/yn-w.json" >"$tmp/ck.out" 2>&1
if ! grep -q "\[YS-N" "$tmp/ck.out"; then
	ok "narrative check: 205.7万元 states a 元 cell of 2057000.00"
else
	no "narrative check: a right 万元 figure flagged against a 元 table" "$tmp/ck.out"
fi

# In 元 the text's own sums are checked too (YS-N002).
sed 's/项目支出3464800.00元。/项目支出3464900.00元。/' "$tmp/yn.json" >"$tmp/yn-sum.json"
$YS check --template $ytpl "$tmp/yn-sum.json" >"$tmp/ck.out" 2>&1
if grep -q "§overview: 错误 \[YS-N002\] 说明写合计 5521800.00 元，其中各项之和为 5521900.00 元" "$tmp/ck.out"; then
	ok "narrative check: parts stated in 元 that exceed their 元 total are caught"
else
	no "narrative check: 元 sums not checked" "$tmp/ck.out"
fi

# A cost indicator in 万元 against a project budget in 元 (工会经费项目
# 3313800.00 元): 328万元 is within it, 332万元 is not.
sed 's/"value": "328万元"/"value": "332万元"/' "$tmp/yn.json" >"$tmp/yn-cost.json"
$YS check --template $ytpl "$tmp/yn-cost.json" >"$tmp/ck.out" 2>&1
if grep -q "警告 \[YS-H005\] 成本指标“工会经费财政划拨额度”为 332万元，大于项目预算 3313800.00 元\|错误 \[YS-H005\] 成本指标“工会经费财政划拨额度”为 332万元，大于项目预算 3313800.00 元" "$tmp/ck.out"; then
	ok "narrative check: a cost indicator in 万元 is compared with a project budget in 元"
else
	no "narrative check: cost indicator against a 元 budget" "$tmp/ck.out"
fi

# A difference of two cells stated with the template's sign word: the
# word must follow the sign, the amount the size.
sed 's/基本支出比项目支出减少1407800.00元/基本支出比项目支出增加1407800.00元/' "$tmp/yn.json" >"$tmp/yn-up.json"
sed 's/基本支出比项目支出减少1407800.00元/基本支出比项目支出减少1407900.00元/' "$tmp/yn.json" >"$tmp/yn-amt.json"
$YS check --template $ytpl "$tmp/yn-up.json" >"$tmp/ck.out" 2>&1
$YS check --template $ytpl "$tmp/yn-amt.json" >"$tmp/ck2.out" 2>&1
if grep -q "§overview: 错误 \[YS-N004\] 说明写基本支出比项目支出增加1407800.00元，按表格为 -1407800.00 元（减少）" "$tmp/ck.out" &&
   grep -q "§overview: 错误 \[YS-N001\] 说明写基本支出比项目支出 1407900.00元，按表格为 -1407800.00 元" "$tmp/ck2.out"; then
	ok "narrative check: a stated difference of cells: sign word and amount checked"
else
	cat "$tmp/ck2.out" >>"$tmp/ck.out"
	no "narrative check: stated difference not checked" "$tmp/ck.out"
fi

# A mutated figure of the fixture's phrases is caught.
sed 's/一般公共预算基本支出2057000.00元/一般公共预算基本支出2057100.00元/' "$tmp/yn.json" >"$tmp/yn-mut.json"
$YS check --template $ytpl "$tmp/yn-mut.json" >"$tmp/ck.out" 2>&1
if grep -q "GPB/合计/jiben: §overview: 错误 \[YS-N001\] 说明写一般公共预算基本支出 2057100.00元，GPB 为 2057000.00 元" "$tmp/ck.out"; then
	ok "narrative check: a changed figure of the fixture template is caught"
else
	no "narrative check: changed fixture figure not caught" "$tmp/ck.out"
fi

# The reference: a mutated narrative figure is caught; its own text is clean
# (30-check.sh); 亿元 is read as a unit.
gold=tests/golden/pingxiang-zonggonghui-2023.json
sed 's/其中基本支出206万元/其中基本支出0.0206亿元/' $gold >"$tmp/yi.json"
$YS check "$tmp/yi.json" >"$tmp/ck.out" 2>&1
if ! grep -q "\[YS-N001\]" "$tmp/ck.out"; then
	ok "narrative check: 0.0206亿元 states 205.70万元"
else
	no "narrative check: 亿元 not read" "$tmp/ck.out"
fi
sed 's/其中基本支出206万元/其中基本支出2057000元/' $gold >"$tmp/yuan.json"
sed 's/其中基本支出206万元/其中基本支出206元/' $gold >"$tmp/yuan-bad.json"
$YS check "$tmp/yuan.json" >"$tmp/ck.out" 2>&1
$YS check "$tmp/yuan-bad.json" >"$tmp/ck2.out" 2>&1
if ! grep -q "\[YS-N001\]" "$tmp/ck.out" &&
   grep -q "说明中“基本支出206元”写作元，表中为万元" "$tmp/ck2.out"; then
	ok "narrative check: 元 in a 万元 document: right when it is, named when off by 10^4"
else
	cat "$tmp/ck2.out" >>"$tmp/ck.out"
	no "narrative check: 元 figures in a 万元 document" "$tmp/ck.out"
fi

# A family suffix that names nothing is an error naming the template.
printf '%s\n' "id: bad-fam" "money_unit: 元" "tables:" \
	"- {id: A, title: 表, columns: [{key: t, label: 合计}]}" \
	"figures:" "- {name: \"fund_*\", by: fund, query: {}}" \
	"sections:" "- {id: intro, title: 说明, text: \"{fund_nosuch}\"}" >"$tmp/badfam.yaml"
if ! $YS render $ex --template "$tmp/badfam.yaml" -f json -o "$tmp/bf.json" 2>"$tmp/err" &&
   grep -q "badfam.yaml:8.*“{fund_nosuch}”" "$tmp/err"; then
	ok "narrative: a family placeholder naming no fund is an error at the template line"
else
	no "narrative: bad family placeholder not reported" "$tmp/err"
fi

# The narrative, the parser and the text rules hold no template's table id
# or column key: those are in the template files.
if ! grep -nE '"T[0-9]+"|"(subtotal|fiscal|gpb|gf|soc)"' -r src/narrative src/parse src/check/rules_text.c >"$tmp/grep.out"; then
	ok "narrative: no table id or column key of a template in src/narrative, src/parse, rules_text.c"
else
	no "narrative: template ids in C" "$tmp/grep.out"
fi

# Template choice: parse and check score every template of the data
# directory against the document. A data directory holding hebei-2023 and
# the fixture template: the fixture's own rendering chooses the fixture,
# the reference text export chooses hebei-2023; --template overrides.
cd_data="$tmp/tdata"
mkdir -p "$cd_data/templates"
for f in data/*; do [ "$f" = data/templates ] || ln -s "$PWD/$f" "$cd_data/"; done
cp data/templates/*.yaml "$cd_data/templates/"
cp $ytpl "$cd_data/templates/fixture-in-yuan.yaml"	# file name is not the id
$YS render $ex --template $ytpl -f html -o "$tmp/yn.html" 2>"$tmp/err"
if $YS parse --data "$cd_data" "$tmp/yn.html" -o "$tmp/yn-p.json" 2>"$tmp/err" &&
   tr -d ' \n' <"$tmp/yn-p.json" | grep -q '"template":"yuan-2023","template_match":{"id":"yuan-2023","score":[1-9]' &&
   $YS parse --data "$cd_data" tests/parse/pingxiang-zonggonghui-2023-budget.txt -o "$tmp/px-p.json" 2>>"$tmp/err" &&
   tr -d ' \n' <"$tmp/px-p.json" | grep -q '"template_match":{"id":"hebei-2023"'; then
	ok "template choice: parse picks the fixture template for its document and hebei-2023 for the reference"
else
	grep -h '"template' "$tmp/yn-p.json" "$tmp/px-p.json" >>"$tmp/err" 2>/dev/null
	no "template choice: wrong template chosen" "$tmp/err"
fi
# Its narrative headings "平乡县总工会2023年部门预算情况说明" (the intro)
# and "一、部门预算收支安排说明" are known by the fixture's match words alone.
if tr -d ' \n' <"$tmp/yn-p.json" | grep -q '"id":"overview","title":"部门预算收支安排说明"' &&
   tr -d ' \n' <"$tmp/yn-p.json" | grep -q '"sections":\[{"id":"intro","title":"平乡县总工会2023年部门预算情况说明"'; then
	ok "template choice: sections recognised by the chosen template's match words"
else
	no "template choice: the fixture's section heading not recognised" "$tmp/yn-p.json"
fi
if $YS parse --data "$cd_data" --template hebei-2023 tests/parse/pingxiang-zonggonghui-2023-budget.txt -o "$tmp/px-t.json" 2>"$tmp/err" &&
   ! grep -q '"template_match"' "$tmp/px-t.json"; then
	ok "template choice: --template overrides (no template_match recorded)"
else
	no "template choice: --template did not override" "$tmp/err"
fi
sed 's/一般公共预算支出5521800.00元/一般公共预算支出5521800.00万元/' "$tmp/yn.html" >"$tmp/yn-w.html"
$YS check --data "$cd_data" "$tmp/yn.html" >"$tmp/ck.out" 2>&1
$YS check --data "$cd_data" "$tmp/yn-w.html" >"$tmp/ck2.out" 2>&1
if ! grep -q "\[YS-[NH]" "$tmp/ck.out" &&
   grep -q "§overview: 错误 \[YS-N001\] 说明中“一般公共预算支出5521800.00万元”写作万元，表中为元" "$tmp/ck2.out"; then
	ok "template choice: check of a published page uses the chosen template (clean; 万元 for 元 caught)"
else
	cat "$tmp/ck2.out" >>"$tmp/ck.out"
	no "template choice: check of a published page" "$tmp/ck.out"
fi
