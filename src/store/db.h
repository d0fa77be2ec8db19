/*
 * db.h - one small interface over the two databases the store runs on:
 * SQLite (a file, WAL journal; the default) and PostgreSQL (a
 * "postgresql://…" or "postgres://…" address, through libpq). SQL is
 * written once with $1, $2 … placeholders; every value reaches the
 * database as a bound parameter, never inside the SQL text. Results come
 * back as bytes (text or blob) so callers handle one kind of value: a
 * query that selects a number casts it to TEXT.
 *
 * Ownership: ys_db_open allocates the handle, ys_db_close frees it and
 * rolls back a transaction left open.
 */
#ifndef YS_DB_H
#define YS_DB_H

#include <stddef.h>
#include <stdint.h>

#include "../base/status.h"

typedef struct ys_db ys_db;

typedef enum { YS_DBV_NULL = 0, YS_DBV_TEXT, YS_DBV_BLOB, YS_DBV_INT } ys_dbv_kind;

/* A parameter or a result column. Result values point into the database
 * library's memory and are valid only during the row callback. */
typedef struct ys_dbval {
	ys_dbv_kind kind;
	const char *p;		/* TEXT, BLOB (a result column: never NULL unless kind NULL) */
	size_t len;
	int64_t i;		/* INT parameters */
} ys_dbval;

static inline ys_dbval ys_dbv_text(const char *s)
{
	ys_dbval v = {s ? YS_DBV_TEXT : YS_DBV_NULL, s ? s : "", 0, 0};

	while (s && s[v.len])
		v.len++;
	return v;
}

static inline ys_dbval ys_dbv_blob(const void *p, size_t len)
{
	ys_dbval v = {YS_DBV_BLOB, (const char *)p, len, 0};

	return v;
}

static inline ys_dbval ys_dbv_int(int64_t i)
{
	ys_dbval v = {YS_DBV_INT, NULL, 0, i};

	return v;
}

/* Called once per result row; a non-zero return stops the query (the
 * query then returns YS_OK). */
typedef int (*ys_db_row_fn)(void *ctx, int ncols, const ys_dbval *cols);

/* Opens (creating a SQLite file when missing) the database at where. */
ys_status ys_db_open(ys_db **db, const char *where, ys_diag *d);
void ys_db_close(ys_db *db);
int ys_db_is_pg(const ys_db *db);
/* What to name the database in messages (the path or the address without
 * its password). */
const char *ys_db_name(const ys_db *db);

/* One statement with nparams parameters; fn (may be NULL) sees each row. */
ys_status ys_db_exec(ys_db *db, const char *sql, int nparams,
		     const ys_dbval *params, ys_db_row_fn fn, void *ctx,
		     ys_diag *d);
/* Several statements without parameters (migrations). "{id}" and "{blob}"
 * are replaced by each database's spelling of an auto-numbered primary
 * key and of a byte string. */
ys_status ys_db_script(ys_db *db, const char *sql, ys_diag *d);

/* A write transaction. SQLite takes the write lock at once (BEGIN
 * IMMEDIATE), so two importers queue instead of failing half-way. */
ys_status ys_db_begin(ys_db *db, ys_diag *d);
ys_status ys_db_commit(ys_db *db, ys_diag *d);
void ys_db_rollback(ys_db *db);

#endif
