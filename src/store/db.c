/*
 * db.c - SQLite and PostgreSQL behind ys_db (db.h). SQLite statements are
 * prepared once and kept in a small cache, since an import runs the same
 * insert thousands of times; PostgreSQL gets each statement with its
 * parameters in one PQexecParams round trip, results in binary format so
 * that text and byte strings arrive unescaped.
 */
#include "db.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CACHE 16
#define MAX_PARAMS 2000

struct ys_db {
	int pg;
	char name[512];
	sqlite3 *lite;
	struct {
		char *sql;
		sqlite3_stmt *stmt;
	} cache[CACHE];
	int next_slot;
	PGconn *conn;
	int in_tx;
};

int ys_db_is_pg(const ys_db *db) { return db->pg; }
const char *ys_db_name(const ys_db *db) { return db->name; }

static void quiet_notice(void *arg, const char *msg) { (void)arg; (void)msg; }

/* The address without a password ("postgresql://u:secret@h/db" →
 * "postgresql://u@h/db"), for messages. */
static void pg_display_name(const char *uri, char *out, size_t cap)
{
	const char *scheme = strstr(uri, "://");
	const char *at = scheme ? strchr(scheme + 3, '@') : NULL;
	const char *colon = scheme ? strchr(scheme + 3, ':') : NULL;

	if (at && colon && colon < at)
		snprintf(out, cap, "%.*s%s", (int)(colon - uri), uri, at);
	else
		snprintf(out, cap, "%s", uri);
}

static int is_pg_uri(const char *where)
{
	return !strncmp(where, "postgresql://", 13) || !strncmp(where, "postgres://", 11);
}

ys_status ys_db_open(ys_db **out, const char *where, ys_diag *d)
{
	ys_db *db = calloc(1, sizeof *db);

	*out = NULL;
	if (!db)
		return ys_fail(d, YS_ENOMEM, where, 0, 0, "内存不足");
	if (is_pg_uri(where)) {
		db->pg = 1;
		pg_display_name(where, db->name, sizeof db->name);
		db->conn = PQconnectdb(where);
		if (PQstatus(db->conn) != CONNECTION_OK) {
			char msg[300];
			size_t n;

			snprintf(msg, sizeof msg, "%s", PQerrorMessage(db->conn));
			n = strlen(msg);
			while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
				msg[--n] = '\0';
			ys_fail(d, YS_EIO, db->name, 0, 0, "无法连接 PostgreSQL 数据库：%s", msg);
			ys_db_close(db);
			return YS_EIO;
		}
		PQsetNoticeProcessor(db->conn, quiet_notice, NULL);
		*out = db;
		return ys_db_script(db, "SET client_min_messages = warning", d);
	}
	snprintf(db->name, sizeof db->name, "%s", where);
	if (sqlite3_open_v2(where, &db->lite, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		ys_fail(d, YS_EIO, where, 0, 0, "无法打开数据库：%s",
			db->lite ? sqlite3_errmsg(db->lite) : "内存不足");
		ys_db_close(db);
		return YS_EIO;
	}
	/* Another importer holds the write lock: wait for it rather than fail. */
	sqlite3_busy_timeout(db->lite, 30000);
	*out = db;
	/* WAL: readers (ls, export, a batch run) never block an import and an
	 * interrupted import leaves the last committed state. */
	return ys_db_script(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
				"PRAGMA foreign_keys = ON", d);
}

void ys_db_close(ys_db *db)
{
	if (!db)
		return;
	if (db->in_tx)
		ys_db_rollback(db);
	for (int i = 0; i < CACHE; i++) {
		if (db->cache[i].stmt)
			sqlite3_finalize(db->cache[i].stmt);
		free(db->cache[i].sql);
	}
	if (db->lite)
		sqlite3_close(db->lite);
	if (db->conn)
		PQfinish(db->conn);
	free(db);
}

static ys_status lite_fail(ys_db *db, ys_diag *d)
{
	int code = sqlite3_errcode(db->lite);

	return ys_fail(d, code == SQLITE_NOMEM ? YS_ENOMEM : YS_EIO, db->name, 0, 0,
		       "数据库错误：%s", sqlite3_errmsg(db->lite));
}

static sqlite3_stmt *lite_prepare(ys_db *db, const char *sql)
{
	sqlite3_stmt *stmt;
	int slot;

	for (int i = 0; i < CACHE; i++)
		if (db->cache[i].sql && !strcmp(db->cache[i].sql, sql)) {
			sqlite3_reset(db->cache[i].stmt);
			sqlite3_clear_bindings(db->cache[i].stmt);
			return db->cache[i].stmt;
		}
	if (sqlite3_prepare_v2(db->lite, sql, -1, &stmt, NULL) != SQLITE_OK)
		return NULL;
	slot = db->next_slot;
	db->next_slot = (db->next_slot + 1) % CACHE;
	if (db->cache[slot].stmt)
		sqlite3_finalize(db->cache[slot].stmt);
	free(db->cache[slot].sql);
	db->cache[slot].sql = strdup(sql);
	db->cache[slot].stmt = db->cache[slot].sql ? stmt : NULL;
	if (!db->cache[slot].sql)
		sqlite3_finalize(stmt);
	return db->cache[slot].sql ? stmt : NULL;
}

static ys_status lite_exec(ys_db *db, const char *sql, int np, const ys_dbval *pv,
			   ys_db_row_fn fn, void *ctx, ys_diag *d)
{
	sqlite3_stmt *stmt = lite_prepare(db, sql);
	ys_dbval cols[64];
	int rc;

	if (!stmt)
		return lite_fail(db, d);
	/* By the parameter's own name ("$7" → the 7th value): looking each
	 * name up would be quadratic in the 1,000 parameters of a chunk. */
	for (int at = 1, count = sqlite3_bind_parameter_count(stmt); at <= count; at++) {
		const char *name = sqlite3_bind_parameter_name(stmt, at);
		int i = name && name[0] == '$' ? atoi(name + 1) - 1 : -1;

		if (i < 0 || i >= np)
			return ys_fail(d, YS_EINPUT, db->name, 0, 0, "SQL 参数 %s 没有值", name ? name : "?");
		switch (pv[i].kind) {
		case YS_DBV_NULL: rc = sqlite3_bind_null(stmt, at); break;
		case YS_DBV_TEXT: rc = sqlite3_bind_text(stmt, at, pv[i].p, (int)pv[i].len, SQLITE_STATIC); break;
		case YS_DBV_BLOB: rc = sqlite3_bind_blob(stmt, at, pv[i].p, (int)pv[i].len, SQLITE_STATIC); break;
		default: rc = sqlite3_bind_int64(stmt, at, pv[i].i); break;
		}
		if (rc != SQLITE_OK)
			return lite_fail(db, d);
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int n = sqlite3_column_count(stmt);

		if (n > 64)
			n = 64;
		for (int c = 0; c < n; c++) {
			int t = sqlite3_column_type(stmt, c);

			if (t == SQLITE_NULL) {
				cols[c] = (ys_dbval){YS_DBV_NULL, NULL, 0, 0};
			} else if (t == SQLITE_BLOB) {
				const void *p = sqlite3_column_blob(stmt, c);

				cols[c] = ys_dbv_blob(p ? p : "", (size_t)sqlite3_column_bytes(stmt, c));
			} else {
				const unsigned char *p = sqlite3_column_text(stmt, c);

				cols[c] = (ys_dbval){YS_DBV_TEXT, p ? (const char *)p : "",
						     (size_t)sqlite3_column_bytes(stmt, c), 0};
			}
		}
		if (fn && fn(ctx, n, cols)) {
			sqlite3_reset(stmt);
			return YS_OK;
		}
	}
	if (rc != SQLITE_DONE) {
		ys_status st = lite_fail(db, d);

		sqlite3_reset(stmt);
		return st;
	}
	sqlite3_reset(stmt);
	return YS_OK;
}

static ys_status pg_result_fail(ys_db *db, PGresult *res, ys_diag *d)
{
	char msg[400];
	size_t n;

	snprintf(msg, sizeof msg, "%s", res ? PQresultErrorMessage(res) : PQerrorMessage(db->conn));
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	PQclear(res);
	return ys_fail(d, YS_EIO, db->name, 0, 0, "数据库错误：%s", msg);
}

static ys_status pg_exec(ys_db *db, const char *sql, int np, const ys_dbval *pv,
			 ys_db_row_fn fn, void *ctx, ys_diag *d)
{
	const char **vals = NULL;
	int *lens = NULL, *fmts = NULL;
	char (*ints)[24] = NULL;
	PGresult *res;
	ys_dbval cols[64];
	ys_status st = YS_OK;

	if (np > MAX_PARAMS)
		return ys_fail(d, YS_ELIMIT, db->name, 0, 0, "参数太多（%d）", np);
	if (np) {
		vals = calloc((size_t)np, sizeof *vals);
		lens = calloc((size_t)np, sizeof *lens);
		fmts = calloc((size_t)np, sizeof *fmts);
		ints = calloc((size_t)np, sizeof *ints);
		if (!vals || !lens || !fmts || !ints) {
			st = ys_fail(d, YS_ENOMEM, db->name, 0, 0, "内存不足");
			goto out;
		}
	}
	for (int i = 0; i < np; i++) {
		switch (pv[i].kind) {
		case YS_DBV_NULL: vals[i] = NULL; break;
		case YS_DBV_INT:
			snprintf(ints[i], sizeof ints[i], "%lld", (long long)pv[i].i);
			vals[i] = ints[i];
			break;
		case YS_DBV_BLOB: fmts[i] = 1; /* fall through */
		default:
			vals[i] = pv[i].p;
			lens[i] = (int)pv[i].len;
			break;
		}
	}
	res = PQexecParams(db->conn, sql, np, NULL, vals, lens, fmts, 1);
	if (!res || (PQresultStatus(res) != PGRES_COMMAND_OK &&
		     PQresultStatus(res) != PGRES_TUPLES_OK)) {
		st = pg_result_fail(db, res, d);
		goto out;
	}
	for (int r = 0, nr = PQntuples(res); r < nr; r++) {
		int n = PQnfields(res);

		if (n > 64)
			n = 64;
		for (int c = 0; c < n; c++) {
			if (PQgetisnull(res, r, c))
				cols[c] = (ys_dbval){YS_DBV_NULL, NULL, 0, 0};
			else
				cols[c] = (ys_dbval){PQftype(res, c) == 17 /* bytea */ ? YS_DBV_BLOB : YS_DBV_TEXT,
						     PQgetvalue(res, r, c), (size_t)PQgetlength(res, r, c), 0};
		}
		if (fn && fn(ctx, n, cols))
			break;
	}
	PQclear(res);
out:
	free(vals);
	free(lens);
	free(fmts);
	free(ints);
	return st;
}

ys_status ys_db_exec(ys_db *db, const char *sql, int nparams, const ys_dbval *params,
		     ys_db_row_fn fn, void *ctx, ys_diag *d)
{
	return db->pg ? pg_exec(db, sql, nparams, params, fn, ctx, d)
		      : lite_exec(db, sql, nparams, params, fn, ctx, d);
}

ys_status ys_db_script(ys_db *db, const char *sql, ys_diag *d)
{
	const char *id = db->pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY";
	const char *blob = db->pg ? "BYTEA" : "BLOB";
	size_t cap = strlen(sql) * 2 + 64, n = 0;
	char *text = malloc(cap);
	ys_status st = YS_OK;

	if (!text)
		return ys_fail(d, YS_ENOMEM, db->name, 0, 0, "内存不足");
	for (const char *p = sql; *p;) {
		const char *with = NULL;

		if (!strncmp(p, "{id}", 4))
			with = id;
		else if (!strncmp(p, "{blob}", 6))
			with = blob;
		if (with) {
			memcpy(text + n, with, strlen(with));
			n += strlen(with);
			p += with == id ? 4 : 6;
		} else {
			text[n++] = *p++;
		}
	}
	text[n] = '\0';
	if (db->pg) {
		PGresult *res = PQexec(db->conn, text);

		if (!res || (PQresultStatus(res) != PGRES_COMMAND_OK &&
			     PQresultStatus(res) != PGRES_TUPLES_OK))
			st = pg_result_fail(db, res, d);
		else
			PQclear(res);
	} else {
		char *err = NULL;

		if (sqlite3_exec(db->lite, text, NULL, NULL, &err) != SQLITE_OK) {
			st = ys_fail(d, YS_EIO, db->name, 0, 0, "数据库错误：%s",
				     err ? err : sqlite3_errmsg(db->lite));
			sqlite3_free(err);
		}
	}
	free(text);
	return st;
}

ys_status ys_db_begin(ys_db *db, ys_diag *d)
{
	ys_status st = ys_db_script(db, db->pg ? "BEGIN" : "BEGIN IMMEDIATE", d);

	db->in_tx = st == YS_OK;
	return st;
}

ys_status ys_db_commit(ys_db *db, ys_diag *d)
{
	ys_status st = ys_db_script(db, "COMMIT", d);

	if (st != YS_OK)
		ys_db_rollback(db);
	db->in_tx = 0;
	return st;
}

void ys_db_rollback(ys_db *db)
{
	db->in_tx = 0;
	if (db->pg) {
		PQclear(PQexec(db->conn, "ROLLBACK"));
	} else {
		for (int i = 0; i < CACHE; i++)
			if (db->cache[i].stmt)
				sqlite3_reset(db->cache[i].stmt);
		sqlite3_exec(db->lite, "ROLLBACK", NULL, NULL, NULL);
	}
}
