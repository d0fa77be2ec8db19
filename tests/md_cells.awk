# Turns `yusuan render -f md` output into title<TAB>序号<TAB>栏次<TAB>value
# lines, one per amount cell, for comparison with a published document.
/^## / { title = substr($0, 4); next }
/^\| [0-9]+ \|/ {
	n = split($0, f, "|")
	seq = f[2]; gsub(/ /, "", seq)
	for (k = 3; k < n; k++) {
		v = f[k]; gsub(/^ +| +$/, "", v)
		if (v ~ /^-?[0-9]+\.[0-9][0-9]$/)
			printf "%s\t%s\t%d\t%s\n", title, seq, k - 2, v
	}
}
