#!/bin/sh
# jiangsu-pdf.sh [YUSUAN] - parses every PDF of ../shared/corpus/jiangsu/
# with a yusuan that reads PDF and compares the amounts of its 收支预算总表,
# 收入预算总表, 支出预算总表 and 财政拨款收支预算总表 with the hand-read values
# in tests/golden/jiangsu/<short>.tsv. Not part of tests/run.sh until the
# PDF reader lands. Prints one ok/FAIL line per document and
# "N passed, N failed"; exits 1 on any failure.
#
# A parsed amount matches a .tsv line when its table's title is the line's
# table title (or the jiangsu-2018 id below), its row name is the last part
# of the row label without the ordinal prefix (一、, 1.), and its value is
# the printed amount without thousands separators. Column labels are
# compared only for 支出预算总表 (its keys below). With JIANGSU_JSON_DIR set,
# <short>.json there is used instead of parsing the PDF.
YS=${1:-bin/yusuan}
corpus=${JIANGSU_CORPUS:-../shared/corpus/jiangsu}
[ -d "$corpus" ] || corpus=/work/shared/corpus/jiangsu
golden=tests/golden/jiangsu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

for tsv in "$golden"/*.tsv; do
	short=$(basename "$tsv" .tsv)
	pdf=$(sed -n '1s|^# .*/\([^/]*\.pdf\)$|\1|p' "$tsv")
	if [ ! -f "$corpus/$pdf" ]; then
		echo "FAIL $short: $corpus/$pdf not found"; fail=$((fail + 1)); continue
	fi
	if [ -n "${JIANGSU_JSON_DIR:-}" ]; then
		# Already parsed: <short>.json (to try the comparison itself).
		[ -f "$JIANGSU_JSON_DIR/$short.json" ] || continue
		cp "$JIANGSU_JSON_DIR/$short.json" "$tmp/p.json"
	elif ! "$YS" parse "$corpus/$pdf" -o "$tmp/p.json" >"$tmp/err" 2>&1; then
		if ! grep -q '^[^#]' "$tsv" && grep -q '没有找到可识别的部门预算公开表格' "$tmp/err"; then
			echo "ok   $short: no tables, as expected"; pass=$((pass + 1))
		else
			echo "FAIL $short: parse failed"; sed 's/^/     /' "$tmp/err" | head -5; fail=$((fail + 1))
		fi
		continue
	fi
	# The .tsv in the cells' terms: id, row name, column key, value.
	awk -F'\t' '
		BEGIN {
			id["收支预算总表"] = "J01"; id["收入预算总表"] = "J02"
			id["支出预算总表"] = "J03"; id["财政拨款收支预算总表"] = "J04"
			col["合计"] = "total"; col["基本支出"] = "basic"
			col["项目支出"] = "project"; col["单位预留机动经费"] = "reserve"
		}
		/^#/ || !NF { next }
		{
			n = split($2, part, "/"); name = part[n]
			sub(/^[一二三四五六七八九十]+、/, "", name); sub(/^[0-9]+\. ?/, "", name)
			sub(/^其中：/, "", name)
			v = $4; gsub(/,/, "", v)
			c = ($1 == "支出预算总表") ? col[$3] : "amount"
			print id[$1] "\t" ($1 == "支出预算总表" ? "*" : name) "\t" c "\t" v
		}' "$tsv" >"$tmp/want"
	# Names: the parsed rows' names (the cells file keys rows by item).
	awk '
		/^      "id": "/ { id = $0; sub(/.*"id": "/, "", id); sub(/".*/, "", id) }
		/^          "name": "/ { name = $0; sub(/.*"name": "/, "", name); sub(/".*/, "", name) }
		/^          "values": \{/ { inv = 1; next }
		inv && /^          \}/ { inv = 0 }
		inv && /": "/ { k = $0; sub(/^ *"/, "", k); sub(/".*/, "", k)
			v = $0; sub(/.*": "/, "", v); sub(/".*/, "", v); print id "\t" name "\t" k "\t" v }
		' "$tmp/p.json" >"$tmp/names"
	awk -F'\t' '
		NR == FNR { have[$1 "\t" $2 "\t" $3 "\t" $4] = 1; any[$1 "\t" $3 "\t" $4] = 1; next }
		{ if (!(($2 == "*") ? any[$1 "\t" $3 "\t" $4] : have[$0])) print "missing: " $0 }
		' "$tmp/names" "$tmp/want" >"$tmp/miss"
	want=$(wc -l <"$tmp/want")
	if [ ! -s "$tmp/miss" ]; then
		echo "ok   $short: $want amounts equal the hand-read values"; pass=$((pass + 1))
	else
		echo "FAIL $short: $(wc -l <"$tmp/miss") of $want amounts differ"; sed 's/^/     /' "$tmp/miss" | head -10
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
