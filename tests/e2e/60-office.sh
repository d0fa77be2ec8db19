# Office formats: the reference bundle as XLSX, DOCX and PDF. Each file is
# read back by an independent reader (LibreOffice headless, poppler) and
# must hold every one of the 184 published amounts; LibreOffice must
# convert the DOCX and XLSX to PDF without error.
ex=examples/pingxiang-zonggonghui-2023
grep -v '^#' tests/golden/pingxiang-zonggonghui-2023.cells | sort >"$tmp/office-want.cells"
lo_profile="file://$tmp/lo"
docx_cells='
BEGIN { RS = "<" }
function unescape(s) {
	gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s)
	gsub(/&#39;/, "'\''", s); gsub(/&amp;/, "\\&", s)
	return s
}
/^w:pStyle / && /w:val="Heading2"/ { head = 1 }
/^w:t[ >]/ { t = $0; sub(/^[^>]*>/, "", t); t = unescape(t); para = para t; cell = cell t }
/^\/w:p>/ { if (head) title = para; head = 0; para = "" }
/^w:tr[ >]/ { col = 0; delete cells }
/^w:tc>/ { col++; cell = ""; span = 1 }
/^w:gridSpan / { s = $0; sub(/.*w:val="/, "", s); sub(/".*/, "", s); span = s + 0 }
/^\/w:tc>/ { cells[col] = cell; col += span - 1 }
/^\/w:tr>/ {
	if (cells[1] ~ /^[0-9]+$/)
		for (c = 2; c <= col; c++)
			if (cells[c] != "")
				printf "%s\t%s\t%d\t%s\n", title, cells[1], c - 1, cells[c]
}
'

# Converts $1 with LibreOffice into directory $3 with filter $2.
lo_convert() {
	soffice --headless -env:UserInstallation="$lo_profile" --convert-to "$2" \
		--outdir "$3" "$1" >"$tmp/lo.out" 2>&1
}

# Every golden cell must be in $1 (title<TAB>序号<TAB>栏次<TAB>value lines).
cells_present() {
	sort -u "$1" >"$1.sorted"
	comm -23 "$tmp/office-want.cells" "$1.sorted" >"$tmp/office-missing"
	[ ! -s "$tmp/office-missing" ]
}

# XLSX: one sheet per table; LibreOffice writes each sheet as CSV (cells as
# shown, so 9.30 stays 9.30), read back cell by cell.
if $YS render $ex -f xlsx -o "$tmp/ref.xlsx" 2>"$tmp/err" &&
   [ "$(head -c 2 "$tmp/ref.xlsx")" = "PK" ]; then
	ok "office: render -f xlsx"
	if ! command -v soffice >/dev/null 2>&1; then
		no "office: soffice not installed (make test installs LibreOffice)"
	else
		mkdir -p "$tmp/xlsx-pdf" "$tmp/xlsx-csv"
		if lo_convert "$tmp/ref.xlsx" pdf "$tmp/xlsx-pdf" &&
		   [ -s "$tmp/xlsx-pdf/ref.pdf" ] && ! grep -qi error "$tmp/lo.out"; then
			ok "office: LibreOffice converts the XLSX to PDF"
		else
			no "office: LibreOffice cannot convert the XLSX" "$tmp/lo.out"
		fi
		lo_convert "$tmp/ref.xlsx" \
			'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
			"$tmp/xlsx-csv"
		for f in "$tmp"/xlsx-csv/*.csv; do
			[ -f "$f" ] || continue
			awk -F, 'NR == 1 { title = $1; gsub(/"/, "", title) }
				 $1 ~ /^[0-9]+$/ { for (i = 2; i <= NF; i++) if ($i != "")
					printf "%s\t%s\t%d\t%s\n", title, $1, i - 1, $i }' "$f"
		done >"$tmp/xlsx.cells"
		if cells_present "$tmp/xlsx.cells"; then
			ok "office: the XLSX holds all 184 amounts in their cells"
		else
			no "office: XLSX cells missing" "$tmp/office-missing"
		fi
	fi
else
	no "office: render -f xlsx failed" "$tmp/err"
fi

# A formula in a name is written as text, never as a formula.
mkdir -p "$tmp/inject"
sed 's/^  name: 平乡县总工会$/  name: "=HYPERLINK(\\"http:\/\/x\\")"/' $ex/budget.yaml >"$tmp/inject/budget.yaml"
cp $ex/lines.csv "$tmp/inject/"
if $YS render "$tmp/inject" -f xlsx -o "$tmp/inject.xlsx" 2>"$tmp/err" &&
   unzip -p "$tmp/inject.xlsx" 'xl/worksheets/*.xml' >"$tmp/inject.xml" &&
   ! grep -q '<f>' "$tmp/inject.xml" &&
   unzip -p "$tmp/inject.xlsx" xl/sharedStrings.xml | grep -q '=HYPERLINK("http'; then
	ok "office: XLSX writes text cells as strings, never formulas"
else
	no "office: XLSX formula injection" "$tmp/err"
fi

# DOCX: the package parts, well-formed XML, zh-CN East Asian language,
# every amount in its table cell, and LibreOffice opens and converts it.
if $YS render $ex -f docx -o "$tmp/ref.docx" 2>"$tmp/err" &&
   unzip -p "$tmp/ref.docx" word/document.xml >"$tmp/document.xml"; then
	ok "office: render -f docx"
	if unzip -l "$tmp/ref.docx" >"$tmp/docx.list" &&
	   grep -q '\[Content_Types\].xml' "$tmp/docx.list" &&
	   grep -q 'word/styles.xml' "$tmp/docx.list" &&
	   grep -q 'word/footer1.xml' "$tmp/docx.list" &&
	   unzip -p "$tmp/ref.docx" word/styles.xml | grep -q 'w:eastAsia="zh-CN"' &&
	   grep -q 'w:tblHeader' "$tmp/document.xml" && grep -q 'w:vMerge' "$tmp/document.xml" &&
	   grep -q 'w:gridSpan' "$tmp/document.xml" && grep -q ' TOC ' "$tmp/document.xml"; then
		ok "office: DOCX has its parts, zh-CN, merged and repeated headers, a TOC"
	else
		no "office: DOCX structure" "$tmp/docx.list"
	fi
	if command -v xmllint >/dev/null 2>&1; then
		if xmllint --noout "$tmp/document.xml" 2>"$tmp/err"; then
			ok "office: DOCX document.xml is well-formed"
		else
			no "office: DOCX document.xml is not well-formed" "$tmp/err"
		fi
	fi
	# The cells of every table as title<TAB>序号<TAB>栏次<TAB>text, the title
	# being the last Heading2 before the table (gridSpan counted).
	awk "$docx_cells" "$tmp/document.xml" >"$tmp/docx.cells"
	if cells_present "$tmp/docx.cells"; then
		ok "office: the DOCX holds all 184 amounts in their cells"
	else
		no "office: DOCX cells missing" "$tmp/office-missing"
	fi
	if command -v soffice >/dev/null 2>&1; then
		mkdir -p "$tmp/docx-pdf"
		if lo_convert "$tmp/ref.docx" pdf "$tmp/docx-pdf" &&
		   [ -s "$tmp/docx-pdf/ref.pdf" ] && ! grep -qi error "$tmp/lo.out" &&
		   pdftotext "$tmp/docx-pdf/ref.pdf" - | grep -q '部门预算收支总表'; then
			ok "office: LibreOffice converts the DOCX to PDF"
		else
			no "office: LibreOffice cannot convert the DOCX" "$tmp/lo.out"
		fi
	fi
else
	no "office: render -f docx failed" "$tmp/err"
fi

# PDF: every table amount and every heading (tables and narrative sections,
# the "## " lines of the Markdown) is in the extracted text; fonts embedded.
if $YS render $ex -f pdf -o "$tmp/ref.pdf" 2>"$tmp/err" &&
   [ "$(head -c 5 "$tmp/ref.pdf")" = "%PDF-" ] && [ ! -s "$tmp/err" ]; then
	ok "office: render -f pdf"
	if command -v pdftotext >/dev/null 2>&1; then
		pdftotext "$tmp/ref.pdf" "$tmp/ref.txt"
		cut -f4 "$tmp/office-want.cells" | sort -u | while read -r v; do
			grep -qF -- "$v" "$tmp/ref.txt" || echo "amount $v"
		done >"$tmp/office-missing"
		$YS render $ex -f md 2>/dev/null | sed -n 's/^## //p' | grep -v '绩效目标表$' |
			while read -r h; do
				grep -qF -- "$h" "$tmp/ref.txt" || echo "heading $h"
			done >>"$tmp/office-missing"
		if [ ! -s "$tmp/office-missing" ] && [ "$(grep -c . "$tmp/ref.txt")" -gt 100 ]; then
			ok "office: PDF text holds every amount and every heading"
		else
			no "office: PDF text incomplete" "$tmp/office-missing"
		fi
		if pdffonts "$tmp/ref.pdf" >"$tmp/fonts" 2>&1 &&
		   grep -q 'NotoSerifCJKsc' "$tmp/fonts" && ! awk 'NR > 2 && $(NF-4) != "yes"' "$tmp/fonts" | grep -q .; then
			ok "office: PDF embeds the Noto CJK SC fonts"
		else
			no "office: PDF fonts" "$tmp/fonts"
		fi
		pdftotext -layout -f 4 -l 4 "$tmp/ref.pdf" - >"$tmp/page4.txt" 2>&1
		if grep -q '部门预算收支总表' "$tmp/page4.txt" && grep -q '栏次' "$tmp/page4.txt"; then
			ok "office: PDF page 4 is the first table with its 栏次 row"
		else
			no "office: PDF table page" "$tmp/page4.txt"
		fi
	fi
else
	no "office: render -f pdf failed" "$tmp/err"
fi

# Markup and quotes in a name: the DOCX stays well-formed XML, the XLSX
# and PDF are written. (A control character is refused when the bundle is
# read: tests/bad/yaml-control-escape.)
mkdir -p "$tmp/hostile"
sed 's/^  name: 平乡县总工会$/  name: "<b>工会 \& \\"x\\" \x27y\x27"/' $ex/budget.yaml >"$tmp/hostile/budget.yaml"
cp $ex/lines.csv "$tmp/hostile/"
if grep -q '<b>工会' "$tmp/hostile/budget.yaml" &&
   $YS render "$tmp/hostile" -f docx -o "$tmp/hostile.docx" 2>"$tmp/err" &&
   unzip -p "$tmp/hostile.docx" word/document.xml >"$tmp/hostile.xml" &&
   grep -q '&lt;b&gt;工会 &amp;' "$tmp/hostile.xml" &&
   { ! command -v xmllint >/dev/null 2>&1 || xmllint --noout "$tmp/hostile.xml" 2>>"$tmp/err"; } &&
   $YS render "$tmp/hostile" -f xlsx -o "$tmp/hostile.xlsx" 2>>"$tmp/err" &&
   $YS render "$tmp/hostile" -f pdf -o "$tmp/hostile.pdf" 2>>"$tmp/err" &&
   [ ! -s "$tmp/err" ]; then
	ok "office: markup in names is escaped"
else
	no "office: hostile names" "$tmp/err"
fi

# Round trip: `yusuan parse` reads our DOCX and XLSX back to the same nine
# tables — every amount with its table, side, code, name and column — as
# the golden disclosure JSON.
office_json_cells='
/"id": "/ { id = $0; sub(/.*"id": "/, "", id); sub(/".*/, "", id); side = "" }
/"side": "/ { side = $0; sub(/.*"side": "/, "", side); sub(/".*/, "", side) }
/"code": / { code = $0; sub(/.*"code": /, "", code); sub(/,$/, "", code) }
/"name": "/ { name = $0; sub(/.*"name": "/, "", name); sub(/",?$/, "", name) }
/"values": \{/ { inv = 1; next }
inv && /}/ { inv = 0 }
inv && /": "/ { v = $0; gsub(/^ *"|",?$/, "", v); sub(/": "/, "=", v); print id "|" side "|" code "|" name "|" v }'
awk "$office_json_cells" tests/golden/pingxiang-zonggonghui-2023.json | sort >"$tmp/office-golden"
for f in docx xlsx; do
	if [ ! -f "$tmp/ref.$f" ] || ! $YS parse --help >/dev/null 2>&1; then
		continue
	fi
	if $YS parse "$tmp/ref.$f" -o "$tmp/parsed-$f.json" 2>"$tmp/err" &&
	   awk "$office_json_cells" "$tmp/parsed-$f.json" | sort >"$tmp/parsed-$f.cells" &&
	   [ "$(wc -l <"$tmp/office-golden")" -eq 184 ] &&
	   diff "$tmp/office-golden" "$tmp/parsed-$f.cells" >"$tmp/diff" 2>&1; then
		ok "office: yusuan parse reads our $f back to the nine tables, 184 amounts equal"
	else
		cat "$tmp/err" >>"$tmp/diff"
		no "office: $f does not parse back to the reference tables" "$tmp/diff"
	fi
done
