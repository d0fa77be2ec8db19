# HTML: one self-contained file (no external reference at all), the nine
# tables, the generated narrative with the published figures, the
# performance tables with merged cells, four charts with text alternatives,
# and hostile text escaped.
ex=examples/pingxiang-zonggonghui-2023
if $YS render $ex -f html -o "$tmp/ref.html" 2>"$tmp/err" && ! grep -q Sanitizer "$tmp/err"; then
	if grep -qiE 'https?:|src=|url\(|@import|<script|<link|<iframe|<object' "$tmp/ref.html"; then
		grep -noiE '.{0,30}(https?:|src=|url\(|@import|<script|<link|<iframe|<object).{0,30}' "$tmp/ref.html" >"$tmp/why"
		no "html: external reference or script in the output" "$tmp/why"
	else
		ok "html: self-contained (no http, src=, url(), @import, script)"
	fi
	missing=""
	for want in 部门预算收支总表 部门预算收入总表 部门预算支出总表 部门预算财政拨款收支总表 \
		部门预算一般公共预算财政拨款支出表 部门预算一般公共预算财政拨款基本支出表 \
		部门预算政府基金预算财政拨款支出表 部门预算国有资本经营预算财政拨款支出表 \
		'部门预算财政拨款“三公”经费支出表' '无政府基金预算财政拨款预算，空表列示。' \
		'<td>栏次</td>' '单位：万元' '2023年预算收入552万元' '一般公共预算收入552万元' \
		'基本支出206万元，包括人员经费200万元和日常公用经费6万元' '项目支出346万元，主要为工会经费项目、' \
		'较2022年预算增加169万元，其中：基本支出增加76万元，项目支出增加93万元' \
		'机关运行经费共计安排6万元' '“三公”经费预算安排0.16万元' '公务用车运行维护费0.16万元' \
		'与2022年相比无增减变化' '安排政府采购预算0.00万元' '上年末固定资产金额为0.00万元' \
		'八、名词解释' '九、其他需要说明的事项' '工会经费项目绩效目标表' '@page' 'Noto Serif CJK SC'; do
		grep -qF -- "$want" "$tmp/ref.html" || missing="$missing $want"
	done
	if [ -z "$missing" ]; then
		ok "html: nine tables, 栏次, narrative figures, glossary, performance tables"
	else
		echo "missing:$missing" >"$tmp/why"
		no "html: content missing" "$tmp/why"
	fi
	# T2 has its published two-row header with merged cells.
	if grep -qF '<th colspan="8" scope="col">本年收入</th>' "$tmp/ref.html" &&
	   grep -qF '<td class="lv" rowspan="4">产出指标</td>' "$tmp/ref.html"; then
		ok "html: merged header cells and merged 一级指标 cells"
	else
		no "html: merged cells missing"
	fi
	n_svg=$(grep -c '<svg class="chart"[^>]*role="img"' "$tmp/ref.html")
	n_desc=$(grep -c '<desc id=' "$tmp/ref.html")
	if [ "$n_svg" -eq 4 ] && [ "$n_desc" -eq 4 ] &&
	   grep -qF '201 一般公共服务支出 527.68，占95.6%' "$tmp/ref.html"; then
		ok "html: four SVG charts, each with title and desc"
	else
		no "html: charts ($n_svg svg, $n_desc desc)"
	fi
else
	no "html: render failed" "$tmp/err"
fi

# Hostile text: a unit name that is markup is printed, not run.
mkdir -p "$tmp/xss"
cp $ex/lines.csv "$tmp/xss/"
sed 's|^  name: 平乡县总工会$|  name: "<script>alert(1)</script>"|' $ex/budget.yaml >"$tmp/xss/budget.yaml"
if $YS render "$tmp/xss" -f html -o "$tmp/xss.html" 2>"$tmp/err" &&
   grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$tmp/xss.html" &&
   ! grep -qi '<script' "$tmp/xss.html"; then
	ok "html: a unit name <script>alert(1)</script> is escaped"
else
	no "html: markup in the unit name not escaped" "$tmp/err"
fi
