# Every example bundle (examples/*/): all formats render; `check` on the
# bundle and on its rendered JSON, HTML and DOCX finds no error and exactly
# the warnings the example documents (examples/NAME/expected-warnings: one
# rule id a line, e.g. YS-X008; no file means none); and the rendered T2
# 合计 equals the sum of lines.csv amounts rounded to 万元, computed on
# integer 分 (the decimal point stripped), not on floating point.
for exdir in examples/*/; do
	exdir=${exdir%/}
	[ -f "$exdir/budget.yaml" ] || continue
	exname=$(basename "$exdir")
	exout="$tmp/ex-$exname"
	rm -rf "$exout"
	if ! $YS render "$exdir" -f all -o "$exout" >"$tmp/ex.err" 2>&1 ||
	   grep -q "Sanitizer" "$tmp/ex.err"; then
		no "examples/$exname: render -f all failed" "$tmp/ex.err"
		continue
	fi
	missing=
	for ext in json md csv html xlsx docx pdf; do
		ls "$exout"/*."$ext" >/dev/null 2>&1 || missing="$missing $ext"
	done
	if [ -z "$missing" ]; then
		ok "examples/$exname: render -f all writes every format"
	else
		echo "missing:$missing" >"$tmp/ex.why"
		no "examples/$exname: render -f all" "$tmp/ex.why"
	fi

	if [ -f "$exdir/expected-warnings" ]; then
		grep -v '^#' "$exdir/expected-warnings" | grep . | sort >"$tmp/ex.want"
	else
		: >"$tmp/ex.want"
	fi
	for input in "$exdir" "$exout"/*.json "$exout"/*.html "$exout"/*.docx; do
		what=$(basename "$input")
		$YS check "$input" >"$tmp/ex.out" 2>&1
		rc=$?
		sed -n 's/.*: 警告 \[\(YS-[A-Z0-9]*\)\].*/\1/p' "$tmp/ex.out" | sort >"$tmp/ex.got"
		if [ "$rc" -le 1 ] && ! grep -q ": 错误 \[" "$tmp/ex.out" &&
		   tail -1 "$tmp/ex.out" | grep -q " 0 error(s)," &&
		   ! grep -q "Sanitizer" "$tmp/ex.out" &&
		   cmp -s "$tmp/ex.want" "$tmp/ex.got"; then
			ok "examples/$exname: check $what: 0 errors, $(wc -l <"$tmp/ex.want") documented warning(s)"
		else
			no "examples/$exname: check $what (exit $rc)" "$tmp/ex.out"
		fi
	done

	# T2 合计 of the rendered JSON against lines.csv. The amount column is
	# found by name; an amount is written with 0-2 decimals and may be
	# quoted with thousands separators ("820,000.00").
	# Final accounts (决算): the `final` column against T3 (支出决算表) 合计.
	sumcol=amount
	sumtbl=T2
	if grep -q '"kind": "final"' "$exout"/*.json; then
		sumcol=final
		sumtbl=T3
	fi
	fen=$(awk -F'\t' -v want="$sumcol" '
		BEGIN { col = 0 }
		{
			# split a CSV line on commas outside quotes into f[1..n]
			n = 0; cell = ""; q = 0; line = $0; sub(/\r$/, "", line)
			if (NR == 1) sub(/^\357\273\277/, "", line)
			for (i = 1; i <= length(line); i++) {
				ch = substr(line, i, 1)
				if (ch == "\"") { q = !q; continue }
				if (ch == "," && !q) { f[++n] = cell; cell = ""; continue }
				cell = cell ch
			}
			f[++n] = cell
			if (NR == 1) {
				for (i = 1; i <= n; i++)
					if (want == "amount" && (f[i] == "amount" || f[i] == "金额" || f[i] == "金额（元）" ||
					    f[i] == "金额(元)" || f[i] == "预算数") || (want != "amount" && f[i] == want))
						col = i
				if (!col) { print "no-amount-column"; exit }
				next
			}
			a = f[col]; gsub(/[, ]/, "", a)
			if (a == "") next
			if (a !~ /^-?[0-9]+(\.[0-9]?[0-9]?)?$/) { print "bad-amount:" a; exit }
			if (a !~ /\./) a = a ".00"
			else if (a ~ /\.$/) a = a "00"
			else if (a ~ /\.[0-9]$/) a = a "0"
			sub(/\./, "", a)
			s += a	# integer 分: exact below 2^53
		}
		END { printf "%.0f\n", s }' "$exdir/lines.csv")
	# The whole budget is the total column of T2's 合计 (hebei-2023), of
	# J03's one line (jiangsu-2018), or of T3 for final accounts.
	grep -q '"id": "J03"' "$exout"/*.json && sumtbl=J03
	t2=$(awk -v id="\"id\": \"$sumtbl\"" 'index($0, id) { t = 1 } t && /"rows": \[/ { r = 1 }
		r && /"total": "/ { sub(/.*"total": "/, ""); sub(/".*/, ""); print; exit }' "$exout"/*.json)
	case $fen in
	*[!0-9-]* | "")
		echo "lines.csv: $fen" >"$tmp/ex.why"
		no "examples/$exname: cannot sum lines.csv" "$tmp/ex.why"
		continue ;;
	esac
	# 0.01 万元 = 100 元 = 10000 分, rounded half away from zero.
	if [ "$fen" -ge 0 ]; then cents=$(( (fen + 5000) / 10000 )); else cents=$(( (fen - 5000) / 10000 )); fi
	neg=
	[ "$cents" -lt 0 ] && { neg=-; cents=$(( -cents )); }
	want=$(printf '%s%d.%02d' "$neg" $(( cents / 100 )) $(( cents % 100 )))
	if [ "$t2" = "$want" ]; then
		ok "examples/$exname: $sumtbl 合计 $t2 equals the sum of lines.csv $sumcol ($fen 分)"
	else
		echo "$sumtbl 合计 \"$t2\", lines.csv $sumcol sums to $fen 分 = $want 万元" >"$tmp/ex.why"
		no "examples/$exname: $sumtbl 合计 differs from lines.csv" "$tmp/ex.why"
	fi
done
