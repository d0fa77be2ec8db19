# Catalogs by year (data/catalog/2018–2026): the reference example
# re-labelled as a 2025 budget renders; a code in no catalog stops `render`
# with lines.csv:N and the code, unless the bundle's own catalog.csv names
# it; `catalog diff Y-1 Y` finds exactly the codes that
# data/catalog/Y/changes.csv records.
ex=examples/pingxiang-zonggonghui-2023
cb="$tmp/cat-bundle"
rm -rf "$cb"
mkdir -p "$cb"
cp $ex/budget.yaml $ex/lines.csv "$cb/"
sed -i 's/^year: 2023$/year: 2025/' "$cb/budget.yaml"
if $YS render "$cb" -f json -o "$tmp/cat.json" >"$tmp/cat.err" 2>&1 &&
   grep -q '"year": 2025' "$tmp/cat.json" && ! grep -q "科目表中没有此编码" "$tmp/cat.json" &&
   ! grep -q Sanitizer "$tmp/cat.err"; then
	ok "catalog: the reference example as a 2025 budget renders"
else
	no "catalog: 2025 render" "$tmp/cat.err"
fi

# Line 3 of lines.csv gets a functional code no catalog has.
sed -i '3s/^[0-9]*,/2012988,/' "$cb/lines.csv"
$YS render "$cb" -f json -o "$tmp/cat.json" >"$tmp/cat.err" 2>&1
rc=$?
if [ $rc -eq 2 ] && grep -q "lines.csv:3: 错误: 科目编码 2012988 不在2025年支出功能分类科目中" "$tmp/cat.err" &&
   ! grep -q Sanitizer "$tmp/cat.err"; then
	ok "catalog: render stops at a code in no catalog, naming lines.csv:3 and the code"
else
	no "catalog: unknown code (exit $rc)" "$tmp/cat.err"
fi

printf 'kind,code,name,basic_class,three_public\nfunc,2012988,本地工会专项事务,,\n' >"$cb/catalog.csv"
if $YS render "$cb" -f json -o "$tmp/cat.json" >"$tmp/cat.err" 2>&1 &&
   grep -q '"2012988"' "$tmp/cat.json" && grep -q "本地工会专项事务" "$tmp/cat.json" &&
   ! grep -q Sanitizer "$tmp/cat.err"; then
	ok "catalog: the bundle's catalog.csv makes that code valid for the bundle"
else
	no "catalog: bundle catalog.csv" "$tmp/cat.err"
fi
# The addition is the bundle's own: the shipped catalog does not know it.
if ! $YS catalog lookup 2012988 --year 2025 >/dev/null 2>&1; then
	ok "catalog: a bundle's addition stays out of the shipped catalog"
else
	no "catalog: bundle addition leaked"
fi
rm -rf "$cb"

# changes.csv and the catalog files agree, year by year.
bad=
for y in 2019 2020 2021 2022 2023 2024 2025 2026; do
	$YS catalog diff $((y - 1)) $y 2>/dev/null | awk -F'\t' '{print $3 "," $1}' | sort >"$tmp/cat.diff"
	tail -n +2 data/catalog/$y/changes.csv | awk -F, '{print $1 "," $2}' | sort >"$tmp/cat.want"
	cmp -s "$tmp/cat.diff" "$tmp/cat.want" || bad="$bad $y"
done
if [ -z "$bad" ]; then
	ok "catalog: catalog diff Y-1 Y matches data/catalog/Y/changes.csv for 2018–2026"
else
	echo "years that differ:$bad" >"$tmp/cat.why"
	no "catalog: changes.csv vs catalog diff" "$tmp/cat.why"
fi
$YS catalog diff 2024 2025 >"$tmp/cat.out" 2>&1
if grep -q "^added	func	2170404	中央金融机构注资特别国债支出" "$tmp/cat.out" &&
   grep -q "2024年 → 2025年：3 处变化" "$tmp/cat.out"; then
	ok "catalog: catalog diff 2024 2025 lists the 2025 additions"
else
	no "catalog: catalog diff 2024 2025" "$tmp/cat.out"
fi

# `catalog --year` works for every shipped year.
bad=
for y in 2018 2019 2020 2021 2022 2023 2024 2025 2026; do
	$YS catalog lookup 2012901 --year $y 2>&1 | grep -q "^${y}年支出功能分类科目" || bad="$bad $y"
	$YS catalog lookup 30217 --year $y 2>&1 | grep -q "三公经费: reception" || bad="$bad $y/eco"
done
if [ -z "$bad" ]; then
	ok "catalog: lookup --year works for 2018–2026"
else
	echo "failed:$bad" >"$tmp/cat.why"
	no "catalog: lookup --year" "$tmp/cat.why"
fi
rm -f "$tmp"/cat.*
