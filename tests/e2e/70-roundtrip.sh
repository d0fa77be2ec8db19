# Round trip: everything `yusuan render` publishes reads back with `yusuan
# parse` to the same disclosure, and `yusuan check` finds it clean. The
# reference bundle is rendered to HTML, DOCX and XLSX (and the HTML is
# converted to DOCX by LibreOffice, an independent writer); each file must
# give year 2023 and unit 平乡县总工会, the nine tables with all 184 amounts
# of the rendered JSON, the T7/T8 notes, the five 绩效目标表 and (HTML and
# DOCX) the narrative sections with their text; `check` reports 0 errors
# and 0 warnings.
rt_dir="$tmp/roundtrip"
rt_ex=examples/pingxiang-zonggonghui-2023
mkdir -p "$rt_dir"

rt_tables() { awk -f tests/parse/tables.awk "$1"; }
rt_amounts() { rt_tables "$1" | grep -cE '^ +"[a-z_]+": "-?[0-9]+\.[0-9][0-9]"'; }
# Block NAME of a pretty-printed disclosure JSON ("sections", "performance").
rt_block() {
	awk -v name="$2" '$0 ~ "^  \"" name "\": \\[" { s = 1; next } s && /^  \]/ { s = 0 } s' "$1"
}
# Section ids, titles and texts. Blank lines inside a text are not
# printed as such by HTML or Word paragraphs, so runs of \n count as one.
rt_sections() {
	rt_block "$1" sections | grep -E '^      "(id|title|text)": ' | sed 's/\(\\n\)\{2,\}/\\n/g'
}
# Performance entries without the project budget (the 绩效目标表 does not
# print it); a goal's trailing line break is not kept by a table cell.
rt_perf() {
	rt_block "$1" performance | grep -v '^      "budget": ' | sed 's/\\n",$/",/'
}

if $YS render $rt_ex -f json -o "$rt_dir/ref.json" 2>"$tmp/err" &&
   $YS render $rt_ex -f html -o "$rt_dir/ys.html" 2>>"$tmp/err" &&
   $YS render $rt_ex -f docx -o "$rt_dir/ys.docx" 2>>"$tmp/err" &&
   $YS render $rt_ex -f xlsx -o "$rt_dir/ys.xlsx" 2>>"$tmp/err"; then
	rt_tables "$rt_dir/ref.json" >"$rt_dir/ref.tables"
	rt_sections "$rt_dir/ref.json" >"$rt_dir/ref.sections"
	rt_perf "$rt_dir/ref.json" >"$rt_dir/ref.perf"
	rt_rendered=1
else
	no "roundtrip: render of the reference bundle failed" "$tmp/err"
	rt_rendered=0
fi

# rt_check NAME FILE NARRATIVE: FILE parses back to the rendered disclosure
# (NARRATIVE=1: sections too) and checks clean.
rt_check() {
	rt_j="$rt_dir/$1.json"
	if ! $YS parse "$2" -o "$rt_j" 2>"$tmp/err"; then
		no "roundtrip $1: parse failed" "$tmp/err"
		return
	fi
	if grep -q '^  "year": 2023,$' "$rt_j" && grep -q '^    "code": "711",$' "$rt_j" &&
	   grep -q '^    "name": "平乡县总工会"$' "$rt_j"; then
		ok "roundtrip $1: year 2023, unit 711 平乡县总工会"
	else
		sed -n '1,12p' "$rt_j" >"$tmp/head"
		no "roundtrip $1: year or unit name not read" "$tmp/head"
	fi
	rt_tables "$rt_j" >"$rt_dir/$1.tables"
	if diff "$rt_dir/ref.tables" "$rt_dir/$1.tables" >"$tmp/diff" &&
	   [ "$(rt_amounts "$rt_j")" -eq 184 ]; then
		ok "roundtrip $1: the nine tables equal the rendered JSON (184 amounts)"
	else
		no "roundtrip $1: tables differ from the rendered JSON" "$tmp/diff"
	fi
	if grep -q '"note": "无政府基金预算财政拨款预算，空表列示。"' "$rt_j" &&
	   grep -q '"note": "无国有资本经营预算财政拨款预算，空表列示。"' "$rt_j"; then
		ok "roundtrip $1: T7 and T8 empty with their notes"
	else
		no "roundtrip $1: T7/T8 notes missing"
	fi
	rt_perf "$rt_j" >"$rt_dir/$1.perf"
	if diff "$rt_dir/ref.perf" "$rt_dir/$1.perf" >"$tmp/diff" &&
	   [ "$(grep -c '"scope": "project"' "$rt_dir/$1.perf")" -eq 5 ]; then
		ok "roundtrip $1: five 绩效目标表 with goals and every indicator"
	else
		no "roundtrip $1: performance tables differ" "$tmp/diff"
	fi
	if [ "$3" = 1 ]; then
		rt_sections "$rt_j" >"$rt_dir/$1.sections"
		if diff "$rt_dir/ref.sections" "$rt_dir/$1.sections" >"$tmp/diff" &&
		   [ "$(grep -c '^      "id": ' "$rt_dir/$1.sections")" -eq 10 ]; then
			ok "roundtrip $1: intro and sections 一 to 九 with their text"
		else
			no "roundtrip $1: narrative sections differ" "$tmp/diff"
		fi
	elif [ "$3" = 2 ]; then
		# Ids and titles only: a spreadsheet shows 169.00 as 169.
		rt_sections "$rt_j" | grep -v '^      "text": ' >"$rt_dir/$1.sections"
		grep -v '^      "text": ' "$rt_dir/ref.sections" >"$rt_dir/ref.sections-titles"
		if diff "$rt_dir/ref.sections-titles" "$rt_dir/$1.sections" >"$tmp/diff"; then
			ok "roundtrip $1: intro and sections 一 to 九"
		else
			no "roundtrip $1: narrative sections differ" "$tmp/diff"
		fi
	fi
	$YS check "$2" >"$tmp/out" 2>&1
	rt_rc=$?
	if [ "$rt_rc" -eq 0 ] && grep -q '0 error(s), 0 warning(s)$' "$tmp/out" &&
	   ! grep -qE 'YS-C000|YS-P007' "$tmp/out"; then
		ok "roundtrip $1: check finds 0 errors, 0 warnings"
	else
		echo "exit $rt_rc" >>"$tmp/out"
		no "roundtrip $1: check is not clean" "$tmp/out"
	fi
}

if [ "$rt_rendered" = 1 ]; then
	rt_check html "$rt_dir/ys.html" 1
	rt_check docx "$rt_dir/ys.docx" 1
	rt_check xlsx "$rt_dir/ys.xlsx" 0
	# LibreOffice's DOCX and XLSX of our HTML page: another writer's
	# paragraphs, tables and merged cells (Calc spreads every cell of the
	# page over many grid columns).
	if command -v soffice >/dev/null 2>&1; then
		mkdir -p "$rt_dir/lo"
		soffice -env:UserInstallation="file://$tmp/lo-roundtrip" --headless \
			--convert-to docx:"MS Word 2007 XML" --outdir "$rt_dir/lo" \
			"$rt_dir/ys.html" >"$tmp/lo.log" 2>&1
		soffice -env:UserInstallation="file://$tmp/lo-roundtrip" --headless \
			--infilter="HTML (StarCalc)" --convert-to xlsx:"Calc MS Excel 2007 XML" \
			--outdir "$rt_dir/lo" "$rt_dir/ys.html" >>"$tmp/lo.log" 2>&1
		if [ -s "$rt_dir/lo/ys.docx" ]; then
			rt_check lo-docx "$rt_dir/lo/ys.docx" 1
		else
			no "roundtrip: LibreOffice did not convert the HTML to DOCX" "$tmp/lo.log"
		fi
		if [ -s "$rt_dir/lo/ys.xlsx" ]; then
			rt_check lo-xlsx "$rt_dir/lo/ys.xlsx" 2
		else
			no "roundtrip: LibreOffice did not convert the HTML to XLSX" "$tmp/lo.log"
		fi
	else
		echo "skip roundtrip: LibreOffice conversions need soffice (LibreOffice), not installed"
	fi

	# The unit, year and money unit header as other writers print it: one
	# line with a label (编制单位：…), or three lines; the cover removed so
	# that the tables' headers alone must give them.
	rt_variant() {
		sed -e '/<header class="cover"/,/<\/header>/d' \
			-e "s#<div class=\"hdr\"><span>711平乡县总工会</span> *<span>预算年度：2023</span> *<span>单位：万元</span></div>#$2#" \
			"$rt_dir/ys.html" >"$rt_dir/$1.html"
		if grep -q 'class="hdr"' "$rt_dir/$1.html"; then
			no "roundtrip $1: the header line was not replaced"
		elif $YS parse "$rt_dir/$1.html" -o "$rt_dir/$1.json" 2>"$tmp/err" &&
		     grep -q '^  "year": 2023,$' "$rt_dir/$1.json" &&
		     grep -q '^    "name": "平乡县总工会"$' "$rt_dir/$1.json" &&
		     rt_tables "$rt_dir/$1.json" | diff "$rt_dir/ref.tables" - >"$tmp/diff"; then
			ok "roundtrip $1: unit, year and the nine tables read"
		else
			sed -n '1,10p' "$rt_dir/$1.json" >>"$tmp/err" 2>/dev/null
			no "roundtrip $1: header not read" "$tmp/err"
		fi
	}
	rt_variant header-label '<p>编制单位：711平乡县总工会　预算年度：2023年　金额单位：万元</p>'
	rt_variant header-lines '<p>711平乡县总工会</p><p>预算年度：2023</p><p>单位：万元</p>'
fi
