# Text safety in the renderers: a 200-character unit name and a
# 440-character project name reach DOCX, XLSX and PDF whole (LibreOffice
# opens them, poppler and our own parser read the whole text back); names
# are text, never markup, in Markdown and HTML and never formulas in CSV
# and XLSX; an XLSX cell over Excel's limit is refused, not dropped.
ex=examples/pingxiang-zonggonghui-2023
ts_profile="file://$tmp/lo-ts"

# repeat TEXT N: TEXT N times.
ts_repeat() {
	i=0 out=""
	while [ $i -lt "$2" ]; do out="$out$1"; i=$((i + 1)); done
	printf '%s' "$out"
}
# The 200-character name and the 440-character project name (40 × 11).
ts_unit="$(ts_repeat 平乡县总工会长名称测试单位 15)甲乙丙丁戊"
ts_proj="$(ts_repeat 劳模体检疗休养项目长文 40)"
mkdir -p "$tmp/ts-long"
sed "s/^  name: 平乡县总工会\$/  name: $ts_unit/; s/劳模体检疗休养项目/$ts_proj/" \
	$ex/budget.yaml >"$tmp/ts-long/budget.yaml"
sed "s/劳模体检疗休养项目/$ts_proj/" $ex/lines.csv >"$tmp/ts-long/lines.csv"

# Does the text of file $1 (white space removed: lines wrap) hold $2?
ts_holds() {
	tr -d ' \n\r\t\f' <"$1" | grep -qF -- "$2"
}

# (Three bytes each: the counts do not depend on the locale.)
if [ "$(printf '%s' "$ts_unit" | wc -c)" -eq 600 ] &&
   [ "$(printf '%s' "$ts_proj" | wc -c)" -eq 1320 ] &&
   grep -qF "$ts_proj" "$tmp/ts-long/lines.csv"; then
	for f in docx xlsx pdf; do
		if ! $YS render "$tmp/ts-long" -f $f -o "$tmp/ts-long.$f" 2>"$tmp/err" ||
		   [ -s "$tmp/err" ]; then
			no "text: long names: render -f $f" "$tmp/err"
			continue
		fi
		if [ $f = pdf ]; then
			pdftotext "$tmp/ts-long.pdf" "$tmp/ts-long-pdf.txt" 2>"$tmp/err"
			if ts_holds "$tmp/ts-long-pdf.txt" "$ts_unit" &&
			   ts_holds "$tmp/ts-long-pdf.txt" "$ts_proj"; then
				ok "text: PDF holds the whole 200-character name and 440-character cell"
			else
				no "text: PDF lost part of a long name" "$tmp/err"
			fi
			continue
		fi
		# Our own parser reads the whole text back.
		if $YS parse "$tmp/ts-long.$f" -o "$tmp/ts-long-$f.json" 2>"$tmp/err" &&
		   grep -qF "\"$ts_unit\"" "$tmp/ts-long-$f.json" &&
		   grep -qF "$ts_proj" "$tmp/ts-long-$f.json"; then
			ok "text: yusuan parse reads the long names back whole from $f"
		else
			no "text: yusuan parse of the long-name $f" "$tmp/err"
		fi
		# LibreOffice opens it: to PDF (DOCX: the whole text in it) and,
		# for the workbook, every sheet's cells to CSV.
		rm -rf "$tmp/ts-lo"
		mkdir -p "$tmp/ts-lo"
		if soffice --headless -env:UserInstallation="$ts_profile" --convert-to pdf \
			--outdir "$tmp/ts-lo" "$tmp/ts-long.$f" >"$tmp/lo.out" 2>&1 &&
		   [ -s "$tmp/ts-lo/ts-long.pdf" ] && ! grep -qi error "$tmp/lo.out" &&
		   pdftotext "$tmp/ts-lo/ts-long.pdf" "$tmp/ts-lo/text" 2>>"$tmp/lo.out" &&
		   ts_holds "$tmp/ts-lo/text" "$ts_unit" &&
		   { [ $f = xlsx ] || ts_holds "$tmp/ts-lo/text" "$ts_proj"; }; then
			ok "text: LibreOffice opens the long-name $f and prints the whole text"
		else
			no "text: LibreOffice and the long-name $f" "$tmp/lo.out"
		fi
		if [ $f = xlsx ]; then
			soffice --headless -env:UserInstallation="$ts_profile" --convert-to \
				'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
				--outdir "$tmp/ts-lo" "$tmp/ts-long.xlsx" >"$tmp/lo.out" 2>&1
			if cat "$tmp/ts-lo"/*.csv 2>/dev/null | grep -qF "$ts_proj"; then
				ok "text: LibreOffice reads the 440-character cell whole from the XLSX"
			else
				no "text: the 440-character XLSX cell as LibreOffice reads it" "$tmp/lo.out"
			fi
		fi
	done
	# A look at the layout: the title page and the first table page of the
	# PDF render to images (kept only while the suite runs).
	if pdftoppm -png -r 30 -f 1 -l 4 "$tmp/ts-long.pdf" "$tmp/ts-page" 2>"$tmp/err" &&
	   [ "$(ls "$tmp"/ts-page-*.png | wc -l)" -eq 4 ]; then
		ok "text: the long-name PDF renders to page images"
	else
		no "text: pdftoppm on the long-name PDF" "$tmp/err"
	fi
else
	no "text: building the long-name bundle"
fi

# Markdown and HTML: a name that is markup stays text.
ts_evil='[x](javascript:alert(1))<img src=x onerror=alert(1)>*b*'
mkdir -p "$tmp/ts-evil"
sed "s/^  name: 平乡县总工会\$/  name: \"$ts_evil\"/" $ex/budget.yaml >"$tmp/ts-evil/budget.yaml"
sed 's/^2012906,30299,gpb,project,劳模体检疗休养项目,/2012906,30299,gpb,project,"=HYPERLINK(""http:\/\/x"")",/' \
	$ex/lines.csv >"$tmp/ts-evil/lines.csv"
sed -i 's/^  - name: 劳模体检疗休养项目$/  - name: "=HYPERLINK(\\"http:\/\/x\\")"/' "$tmp/ts-evil/budget.yaml"
if $YS render "$tmp/ts-evil" -f md -o "$tmp/ts-evil.md" 2>"$tmp/err" &&
   grep -qF '\[x\]\(javascript:alert\(1\)\)\<img src=x onerror=alert\(1\)\>\*b\*' "$tmp/ts-evil.md" &&
   ! grep -qE '(^|[^\\])\]\(javascript|(^|[^\\])<img' "$tmp/ts-evil.md"; then
	ok "text: Markdown escapes a name that is a link or HTML"
else
	grep -n 'javascript' "$tmp/ts-evil.md" >>"$tmp/err" 2>/dev/null
	no "text: Markdown keeps markup in a name live" "$tmp/err"
fi
if $YS render "$tmp/ts-evil" -f html -o "$tmp/ts-evil.html" 2>"$tmp/err" &&
   grep -qF '&lt;img src=x onerror=alert(1)&gt;' "$tmp/ts-evil.html" &&
   ! grep -qF '<img src=x' "$tmp/ts-evil.html"; then
	ok "text: HTML escapes markup in a name"
else
	no "text: HTML keeps markup in a name" "$tmp/err"
fi
# XLSX: a name that is a formula is never one (CSV: tests/unit/test_office.c,
# since no bundle text reaches the CSV).
if $YS render "$tmp/ts-evil" -f xlsx -o "$tmp/ts-evil.xlsx" 2>"$tmp/err" &&
   unzip -p "$tmp/ts-evil.xlsx" xl/sharedStrings.xml | grep -qF '=HYPERLINK' &&
   ! unzip -p "$tmp/ts-evil.xlsx" 'xl/worksheets/*.xml' | grep -q '<f>'; then
	ok "text: XLSX writes a name that starts with = as text, not a formula"
else
	no "text: XLSX and a formula name" "$tmp/err"
fi

# XLSX: a cell over 32,767 characters is refused with its sheet and row,
# never dropped in silence; the other formats still take it.
mkdir -p "$tmp/ts-huge"
cp $ex/lines.csv "$tmp/ts-huge/"
ts_huge="$(ts_repeat "$(ts_repeat 目标文字很长的测试 10)" 370)"
awk -v g="$ts_huge" '
/^  - name: 工会经费项目$/ { print; getline; print "    goal: " g; skip = 1; next }
skip && /^    indicators:/ { skip = 0 }
!skip { print }' $ex/budget.yaml >"$tmp/ts-huge/budget.yaml"
$YS render "$tmp/ts-huge" -f xlsx -o "$tmp/ts-huge.xlsx" 2>"$tmp/err"
rc=$?
if [ "$(printf '%s' "$ts_huge" | wc -c)" -eq 99900 ] && [ $rc -ne 0 ] &&
   [ ! -e "$tmp/ts-huge.xlsx" ] &&
   grep -qF '工作表“绩效1 工会经费项目”第 5 行有一段 33300 个字符的文字' "$tmp/err"; then
	ok "text: XLSX refuses a cell over 32,767 characters, naming sheet and row"
else
	no "text: XLSX and a 33,300-character cell (exit $rc)" "$tmp/err"
fi
if $YS render "$tmp/ts-huge" -f docx -o "$tmp/ts-huge.docx" 2>"$tmp/err" &&
   $YS parse "$tmp/ts-huge.docx" -o "$tmp/ts-huge.json" 2>>"$tmp/err" &&
   grep -qF "$ts_huge" "$tmp/ts-huge.json"; then
	ok "text: DOCX holds the 33,300-character goal whole"
else
	no "text: DOCX and a 33,300-character goal" "$tmp/err"
fi

# The narrative: a negative figure keeps its sign (it printed as its
# absolute value), a decrease is worded 减少 with the amount without sign.
mkdir -p "$tmp/ts-neg"
cp $ex/budget.yaml "$tmp/ts-neg/"
sed 's/^2012901,30107,gpb,basic,,40000.00$/2012901,30107,gpb,basic,,-2040000.00/' \
	$ex/lines.csv >"$tmp/ts-neg/lines.csv"
if ! cmp -s $ex/lines.csv "$tmp/ts-neg/lines.csv" &&
   $YS render "$tmp/ts-neg" -f md -o "$tmp/ts-neg.md" 2>"$tmp/err" &&
   grep -qF '其中基本支出-2万元，包括人员经费-8万元和日常公用经费6万元' "$tmp/ts-neg.md" &&
   grep -qF '较2022年预算减少39万元，其中：基本支出减少132万元，项目支出增加93万元' "$tmp/ts-neg.md"; then
	ok "text: narrative prints a negative figure with its sign, a decrease as 减少"
else
	grep -n '基本支出' "$tmp/ts-neg.md" >>"$tmp/err" 2>/dev/null
	no "text: narrative and negative figures" "$tmp/err"
fi

# A unit without 三公 经费 (the reference without its 30212/30217/30231/
# 31013 lines): our own render passes our own check — T9 carries the
# template's empty-table note, and the parsers read it back.
fx=tests/fixtures/no-three-public-2023
for f in json docx html xlsx; do
	if $YS render $fx -f $f -o "$tmp/ts-no3.$f" 2>"$tmp/err" &&
	   $YS check "$tmp/ts-no3.$f" >"$tmp/out" 2>&1 &&
	   grep -qF '0 个错误，0 个警告' "$tmp/out" &&
	   { [ $f = xlsx ] || grep -qF '0 个错误，0 个警告，0 个提示' "$tmp/out"; }; then
		ok "text: a unit without 三公 经费 rendered to $f passes check"
	else
		cat "$tmp/out" >>"$tmp/err"
		no "text: render then check of a unit without 三公 经费 ($f)" "$tmp/err"
	fi
done
if $YS render $fx -f md -o "$tmp/ts-no3.md" 2>"$tmp/err" &&
   grep -qF '注：本部门无财政拨款“三公”经费预算，空表列示。' "$tmp/ts-no3.md"; then
	ok "text: the empty 三公 table carries the template's note"
else
	no "text: the empty 三公 table without its note" "$tmp/err"
fi
