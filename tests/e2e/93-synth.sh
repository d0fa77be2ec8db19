# yusuan synth: the same units and seed give the same files; every
# synthetic bundle checks clean (no error, no warning); they import.
rm -rf "$tmp/syn1" "$tmp/syn2"
if $YS synth --units 24 --seed 7 -o "$tmp/syn1" >"$tmp/syn.err" 2>&1 &&
   $YS synth --units 24 --seed 7 -o "$tmp/syn2" >>"$tmp/syn.err" 2>&1 &&
   [ "$(ls "$tmp/syn1" | wc -l)" -eq 24 ] && diff -r "$tmp/syn1" "$tmp/syn2" >>"$tmp/syn.err"; then
	ok "synth: 24 units, the same files for the same seed"
else
	no "synth: not deterministic or failed" "$tmp/syn.err"
fi
$YS synth --units 24 --seed 8 -o "$tmp/syn3" >/dev/null 2>&1
if ! diff -rq "$tmp/syn1" "$tmp/syn3" >/dev/null; then
	ok "synth: another seed gives other amounts"
else
	no "synth: the seed changes nothing"
fi
$YS check "$tmp/syn1"/* >"$tmp/syn.out" 2>&1
if [ $? -eq 0 ] && tail -1 "$tmp/syn.out" | grep -q "检查了 24 个文件：0 个错误，0 个警告，0 个提示"; then
	ok "synth: all 24 bundles check clean"
else
	no "synth: findings in synthetic bundles" "$tmp/syn.out"
fi
# Several kinds, 三公 and projects: T9 and project lines are there.
if grep -q ",30217,gpb,basic," "$tmp/syn1"/*/lines.csv && grep -q ",project," "$tmp/syn1"/*/lines.csv &&
   grep -q ",special," "$tmp/syn1"/*/lines.csv && grep -q "^previous:" "$tmp/syn1"/*/budget.yaml &&
   [ "$(grep -h "^  nature:" "$tmp/syn1"/*/budget.yaml | sort -u | wc -l)" -eq 2 ]; then
	ok "synth: 行政 and 事业 units, 三公, projects, 财政专户, previous year"
else
	no "synth: missing realistic parts"
fi
if $YS import "$tmp/syn1" --db "$tmp/syn.db" >"$tmp/syn.err" 2>&1 &&
   [ "$($YS ls --db "$tmp/syn.db" --kind bundle | wc -l)" -eq 24 ]; then
	ok "synth: the 24 bundles import as a folder"
else
	no "synth: import of the folder" "$tmp/syn.err"
fi
rm -rf "$tmp/syn1" "$tmp/syn2" "$tmp/syn3" "$tmp/syn.db"
