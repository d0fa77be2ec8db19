# The store (yusuan import / ls / export / rm), the same checks on SQLite
# and on a throwaway PostgreSQL server started here (tests/pg.sh). Expected
# values come from the inputs: the bundles' own files, their line counts
# and the sums of their lines.csv amounts.
. tests/pg.sh

# store_suite NAME DB: every store test against one database.
store_suite() {
	sn=$1
	sdb=$2
	sx="$tmp/store-$sn"
	rm -rf "$sx" && mkdir -p "$sx"
	if ! $YS import examples/pingxiang-zonggonghui-2023 examples/county-school-2023 tests/parse/pingxiang-zonggonghui-2023-budget.txt --db "$sdb" \
		>"$sx/out" 2>&1 || grep -q Sanitizer "$sx/out"; then
		no "store/$sn: import examples and a published document" "$sx/out"
		return
	fi
	$YS ls --db "$sdb" >"$sx/ls" 2>&1
	# 22 and 34 lines: the examples' lines.csv minus the header.
	if [ "$(wc -l <"$sx/ls")" -eq 3 ] &&
	   grep -q "^711	2023	bundle	平乡县总工会	.*	$(($(wc -l <examples/pingxiang-zonggonghui-2023/lines.csv) - 1)) 条	5521800.00 元$" "$sx/ls" &&
	   grep -q "^305001	2023	bundle	云溪县第一中学	.*	$(($(wc -l <examples/county-school-2023/lines.csv) - 1)) 条" "$sx/ls" &&
	   grep -q "^711	2023	document	平乡县总工会	.*	0 错误" "$sx/ls"; then
		ok "store/$sn: import puts 2 bundles and 1 document; ls lists them"
	else
		no "store/$sn: ls after import" "$sx/ls"
	fi

	# Byte-for-byte round trip of every file of each bundle.
	for ex in pingxiang-zonggonghui-2023:711 county-school-2023:305001; do
		exd=examples/${ex%%:*}
		$YS export "${ex#*:}" 2023 -o "$sx/exp" --db "$sdb" >"$sx/out" 2>&1
		if cmp -s "$exd/lines.csv" "$sx/exp/lines.csv" && cmp -s "$exd/budget.yaml" "$sx/exp/budget.yaml"; then
			ok "store/$sn: export ${ex#*:} 2023 gives back lines.csv and budget.yaml byte for byte"
		else
			no "store/$sn: export ${ex#*:} round trip" "$sx/out"
		fi
	done

	# Re-import replaces the unit-year whole: fewer lines, a new total.
	cp -r examples/pingxiang-zonggonghui-2023 "$sx/pp"
	head -11 examples/pingxiang-zonggonghui-2023/lines.csv >"$sx/pp/lines.csv"
	$YS import "$sx/pp" --db "$sdb" >"$sx/out" 2>&1
	$YS ls --db "$sdb" --unit 711 --kind bundle >"$sx/ls" 2>&1
	$YS export 711 2023 -o "$sx/exp2" --db "$sdb" >>"$sx/out" 2>&1
	if [ "$(wc -l <"$sx/ls")" -eq 1 ] && grep -q "	10 条	" "$sx/ls" &&
	   cmp -s "$sx/pp/lines.csv" "$sx/exp2/lines.csv"; then
		ok "store/$sn: re-importing a unit-year replaces it (10 lines, one row)"
	else
		cat "$sx/ls" >>"$sx/out"
		no "store/$sn: re-import" "$sx/out"
	fi

	# One broken input: nothing of the run is kept.
	$YS ls --db "$sdb" >"$sx/before"
	$YS import examples/county-school-2023 tests/bad/csv-bad-amount --db "$sdb" >"$sx/out" 2>&1
	rc=$?
	$YS ls --db "$sdb" >"$sx/after"
	if [ "$rc" -eq 2 ] && grep -q "lines.csv:" "$sx/out" && grep -q "保持原样" "$sx/out" &&
	   cmp -s "$sx/before" "$sx/after"; then
		ok "store/$sn: an import with a broken bundle exits 2 and keeps nothing"
	else
		no "store/$sn: broken import (exit $rc)" "$sx/out"
	fi

	# rm, then rm of what is not there.
	$YS rm 305001 2023 --db "$sdb" >"$sx/out" 2>&1
	rc1=$?
	$YS rm 305001 2023 --db "$sdb" >>"$sx/out" 2>&1
	rc2=$?
	if [ "$rc1" -eq 0 ] && [ "$rc2" -eq 1 ] && ! $YS ls --db "$sdb" | grep -q "^305001	2023	"; then
		ok "store/$sn: rm removes a unit-year; rm again exits 1"
	else
		no "store/$sn: rm ($rc1, $rc2)" "$sx/out"
	fi

	# kill -9 at random moments during an import of 40,000 line items:
	# afterwards the store holds what it held before, or that import
	# complete, never a part of it. (When the kill lands does not decide
	# the outcome, so this does not depend on timing.)
	[ -d "$tmp/store-big" ] || build/rel/gen_lines 40000 data "$tmp/store-big" 3 >/dev/null
	$YS ls --db "$sdb" >"$sx/before"
	bad=
	for k in 1 2 3 4 5; do
		delay=$(awk -v s="$k$$" 'BEGIN { srand(s); printf "%.2f", rand() * 6 }')
		$YS import "$tmp/store-big" --db "$sdb" >/dev/null 2>&1 &
		kpid=$!
		sleep "$delay"
		kill -9 "$kpid" 2>/dev/null
		wait "$kpid" 2>/dev/null
		$YS ls --db "$sdb" >"$sx/after" 2>&1
		if cmp -s "$sx/before" "$sx/after"; then
			:
		elif [ "$(wc -l <"$sx/after")" -eq $(($(wc -l <"$sx/before") + 1)) ] &&
		     grep -q "^999	2023	bundle	.*	40000 条	" "$sx/after"; then
			$YS rm 999 2023 --db "$sdb" >/dev/null 2>&1
		else
			bad="$bad $k(after ${delay}s)"
			cat "$sx/after" >"$sx/why"
		fi
	done
	if [ -z "$bad" ] && [ "$(grep -c . "$sx/before")" -eq "$($YS ls --db "$sdb" | grep -c .)" ]; then
		ok "store/$sn: kill -9 during import (5 random moments in 0–6 s) leaves the store as before or complete"
	else
		no "store/$sn: kill -9 left a partial import:$bad" "$sx/why"
	fi
}

store_suite sqlite "$tmp/store.db"
if [ "$(sqlite3 "$tmp/store.db" 'PRAGMA integrity_check' 2>&1)" = ok ] &&
   [ "$(sqlite3 "$tmp/store.db" 'PRAGMA journal_mode')" = wal ] &&
   [ "$(sqlite3 "$tmp/store.db" 'SELECT MAX(version) FROM schema_version')" -ge 1 ]; then
	ok "store/sqlite: WAL journal, schema_version recorded, integrity_check ok after the kills"
else
	no "store/sqlite: integrity or journal mode"
fi

pgroot=$(mktemp -d /tmp/yusuan-pg.XXXXXX)
chmod 755 "$pgroot"
if pg_start "$pgroot/srv" && pgdb=$(pg_db store); then
	ok "store/postgresql: throwaway server started as a non-root user"
	store_suite postgresql "$pgdb"
else
	no "store/postgresql: PostgreSQL could not start; the PostgreSQL store tests did not run" "$pgroot/srv.why"
fi
pg_stop
rm -rf "$pgroot"
