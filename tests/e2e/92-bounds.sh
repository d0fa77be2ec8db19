# Resource bounds on the readers: inputs that amplify (one shared string
# referenced by 200k cells) end in a clean error, quickly and in bounded
# memory. Peak memory is measured on the release binary: ASan's shadow
# memory would hide what the reader itself asks for.
if python3 tests/bounds/sst_bomb.py "$tmp/sst-bomb.xlsx" 2>"$tmp/err"; then
	timeout 30 /usr/bin/time -v bin/yusuan parse "$tmp/sst-bomb.xlsx" -o "$tmp/bomb.json" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/err")
	if [ "$rc" -eq 2 ] && grep -q "共享字符串放大" "$tmp/err" && [ "${rss:-9999999}" -lt 1048576 ]; then
		ok "bounds: shared-string bomb refused in bounded memory (${rss} KiB)"
	else
		no "bounds: shared-string bomb (exit $rc, peak ${rss:-?} KiB)" "$tmp/err"
	fi
	$YS parse "$tmp/sst-bomb.xlsx" -o "$tmp/bomb.json" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && grep -q "sst-bomb.xlsx.*共享字符串放大" "$tmp/err"; then
		ok "bounds: shared-string bomb names the file (sanitized build)"
	else
		no "bounds: shared-string bomb under the sanitized build (exit $rc)" "$tmp/err"
	fi
else
	no "bounds: could not build the shared-string bomb" "$tmp/err"
fi
