# Store import rate (sourced by bench/run.sh): line items per second into a
# new SQLite file and into a throwaway PostgreSQL server (tests/pg.sh), and
# whole bundles per second for a synthetic county of 300 units.
rm -rf $out/store.db* $out/county-300
$YS synth --units 300 --seed 1 -o $out/county-300 2>/dev/null
measure "import 100k line items into SQLite" 100000 $YS import $out/synth-100000 --db $out/store.db
measure "import 1M line items into SQLite" 1000000 $YS import $out/synth-1000000 --db $out/store.db
measure "import 300 synthetic bundles into SQLite (bundles)" 300 $YS import $out/county-300 --db $out/store.db
. tests/pg.sh
pgbench_dir=$(mktemp -d /tmp/yusuan-pgbench.XXXXXX)
chmod 755 "$pgbench_dir"
if pg_start "$pgbench_dir/srv" && pgbench_db=$(pg_db bench); then
	measure "import 100k line items into PostgreSQL (unix socket)" 100000 $YS import $out/synth-100000 --db "$pgbench_db"
	measure "import 300 synthetic bundles into PostgreSQL (bundles)" 300 $YS import $out/county-300 --db "$pgbench_db"
else
	echo "PostgreSQL could not start; its import rows are missing:" >&2
	cat "$pgbench_dir/srv.why" >&2
fi
pg_stop
rm -rf "$pgbench_dir" $out/store.db*
