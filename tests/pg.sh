# A throwaway PostgreSQL server for the store tests, sourced by
# tests/e2e/*.sh. pg_start DIR starts one in DIR (data directory and unix
# socket both there, no TCP) and sets PG_URI_BASE; pg_db NAME creates a
# database and prints its address; pg_stop stops the server. initdb refuses
# to run as root, so as root the server runs as `nobody` in a directory
# that user owns. When the server cannot start, pg_start says why and
# returns 1: the caller fails the test, it never skips it.
PG_BIN=/usr/lib/postgresql/15/bin
PG_DIR=
PG_URI_BASE=

pg_as() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u nobody -- "$@"
	else
		"$@"
	fi
}

pg_start() {
	PG_DIR=$1
	if [ ! -x "$PG_BIN/initdb" ]; then
		echo "PostgreSQL 15 server not installed ($PG_BIN/initdb missing): sh scripts/setup.sh --test" >"$PG_DIR.why"
		return 1
	fi
	mkdir -p "$PG_DIR" && chmod 700 "$PG_DIR"
	[ "$(id -u)" -eq 0 ] && chown nobody "$PG_DIR"
	# A port number only names the socket file in our own directory.
	PG_PORT=$(( 20000 + $$ % 20000 ))
	if ! pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U yusuan -A trust -E UTF8 \
		--locale=C.UTF-8 >"$PG_DIR.log" 2>&1 ||
	   ! pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/data/server.log" -w -t 60 \
		-o "-c listen_addresses= -k $PG_DIR -p $PG_PORT -c fsync=off" start >>"$PG_DIR.log" 2>&1; then
		{ echo "PostgreSQL could not start:"; cat "$PG_DIR.log";
		  cat "$PG_DIR/data/server.log" 2>/dev/null; } >"$PG_DIR.why"
		return 1
	fi
	PG_URI_BASE="postgresql://yusuan@/%s?host=$PG_DIR&port=$PG_PORT"
	return 0
}

pg_db() {
	"$PG_BIN/psql" -q -h "$PG_DIR" -p "$PG_PORT" -U yusuan -d postgres \
		-c "CREATE DATABASE $1" >/dev/null 2>&1 || return 1
	# shellcheck disable=SC2059
	printf "$PG_URI_BASE" "$1"
}

pg_stop() {
	[ -n "$PG_DIR" ] && [ -d "$PG_DIR/data" ] &&
		pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
	PG_DIR=
}
