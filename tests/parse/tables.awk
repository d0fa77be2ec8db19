# tables.awk - prints the recognised tables (id "T…") of a pretty-printed
# yusuan/disclosure@1 JSON, so that two disclosures' tables can be diffed
# whatever else (sections, unrecognised tables) they hold.
/^  "tables": \[/ { intab = 1; next }
intab && /^  \]/ { intab = 0; next }
intab && /^    \{$/ { buf = $0; inobj = 1; keep = -1; next }
intab && inobj {
	line = $0
	if (keep < 0 && line ~ /^      "id": /)
		keep = (line ~ /"id": "T[0-9]+"/)
	if (line ~ /^    \},?$/) {
		if (keep)
			print buf "\n    }"
		inobj = 0
		next
	}
	buf = buf "\n" line
}
