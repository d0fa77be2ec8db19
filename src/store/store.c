/*
 * store.c - the store's schema, its migrations and the statements that
 * put, list, export and remove unit-years (store.h). The same SQL runs on
 * SQLite and PostgreSQL; migrations are a table of scripts, applied in
 * order inside a transaction that also records the version, so a database
 * is never left between two versions.
 */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../base/file.h"
#include "../base/money.h"
#include "../base/text.h"

/*
 * Migrations, in order: version i+1 is migrations[i]. Add a new entry for
 * a change; never edit one that has shipped. Bundle files are kept as
 * bytes (a lines.csv may be GBK), everything else as UTF-8 text.
 */
static const char *const migrations[] = {
	"CREATE TABLE unit_year ("
	" id {id},"
	" kind TEXT NOT NULL CHECK (kind IN ('bundle', 'document')),"
	" unit_code TEXT NOT NULL,"
	" unit_name TEXT NOT NULL,"
	" region TEXT NOT NULL,"
	" nature TEXT NOT NULL,"
	" year INTEGER NOT NULL,"
	" template TEXT NOT NULL,"
	" source TEXT NOT NULL,"
	" nlines BIGINT NOT NULL,"
	" total_fen BIGINT NOT NULL,"
	" errors INTEGER NOT NULL,"
	" warnings INTEGER NOT NULL,"
	" infos INTEGER NOT NULL,"
	" imported_at TEXT NOT NULL,"
	" UNIQUE (unit_code, year, kind));"
	"CREATE INDEX unit_year_by_region ON unit_year (region, year);"
	"CREATE TABLE bundle_file ("
	" unit_year_id BIGINT NOT NULL REFERENCES unit_year (id),"
	" name TEXT NOT NULL,"
	" content {blob} NOT NULL,"
	" PRIMARY KEY (unit_year_id, name));"
	"CREATE TABLE line_item ("
	" unit_year_id BIGINT NOT NULL REFERENCES unit_year (id),"
	" seq INTEGER NOT NULL,"
	" func_code TEXT NOT NULL,"
	" eco_code TEXT NOT NULL,"
	" fund TEXT NOT NULL,"
	" type TEXT NOT NULL,"
	" project TEXT NOT NULL,"
	" carryover INTEGER NOT NULL,"
	" tag TEXT NOT NULL,"
	" amount_fen BIGINT NOT NULL,"
	" PRIMARY KEY (unit_year_id, seq));"
	"CREATE TABLE disclosure ("
	" unit_year_id BIGINT NOT NULL PRIMARY KEY REFERENCES unit_year (id),"
	" json TEXT NOT NULL);"
	"CREATE TABLE finding ("
	" unit_year_id BIGINT NOT NULL REFERENCES unit_year (id),"
	" seq INTEGER NOT NULL,"
	" rule TEXT NOT NULL,"
	" severity TEXT NOT NULL,"
	" message TEXT NOT NULL,"
	" tbl TEXT, row_key TEXT, col_key TEXT, section TEXT,"
	" PRIMARY KEY (unit_year_id, seq));",
};

#define NMIGRATIONS ((int)(sizeof migrations / sizeof *migrations))

/* Line items go in this many per INSERT: one round trip per chunk on
 * PostgreSQL, one cached statement on SQLite. */
#define CHUNK 100
#define LINE_COLS 10

int ys_store_schema_version(void) { return NMIGRATIONS; }

static int first_int(void *ctx, int n, const ys_dbval *c)
{
	*(long long *)ctx = n && c[0].kind != YS_DBV_NULL ? atoll(c[0].p) : 0;
	return 1;
}

static ys_status migrate(ys_db *db, ys_diag *d)
{
	long long have = 0;
	ys_status st;

	st = ys_db_script(db, "CREATE TABLE IF NOT EXISTS schema_version ("
			      " version INTEGER NOT NULL PRIMARY KEY,"
			      " applied_at TEXT NOT NULL)", d);
	if (st != YS_OK)
		return st;
	if ((st = ys_db_begin(db, d)) != YS_OK)
		return st;
	/* Two programs opening a new database at once: the second waits here
	 * and then sees the version the first wrote. */
	if (ys_db_is_pg(db) &&
	    (st = ys_db_script(db, "LOCK TABLE schema_version IN EXCLUSIVE MODE", d)) != YS_OK)
		goto fail;
	if ((st = ys_db_exec(db, "SELECT CAST(MAX(version) AS TEXT) FROM schema_version", 0,
			     NULL, first_int, &have, d)) != YS_OK)
		goto fail;
	if (have > NMIGRATIONS) {
		st = ys_fail(d, YS_EINPUT, ys_db_name(db), 0, 0,
			     "数据库的结构版本为 %lld，比本程序支持的版本 %d 新：请使用更新的 yusuan",
			     have, NMIGRATIONS);
		goto fail;
	}
	for (long long v = have + 1; v <= NMIGRATIONS; v++) {
		time_t now = time(NULL);
		char when[32];
		ys_dbval p[2];

		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
		p[0] = ys_dbv_int(v);
		p[1] = ys_dbv_text(when);
		if ((st = ys_db_script(db, migrations[v - 1], d)) != YS_OK ||
		    (st = ys_db_exec(db, "INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)",
				     2, p, NULL, NULL, d)) != YS_OK)
			goto fail;
	}
	return ys_db_commit(db, d);
fail:
	ys_db_rollback(db);
	return st;
}

ys_status ys_store_open(ys_db **db, const char *where, ys_diag *d)
{
	ys_status st = ys_db_open(db, where, d);

	if (st == YS_OK && (st = migrate(*db, d)) != YS_OK) {
		ys_db_close(*db);
		*db = NULL;
	}
	return st;
}

static const char *const delete_children[] = {
	"DELETE FROM bundle_file WHERE unit_year_id IN (SELECT id FROM unit_year WHERE unit_code = $1 AND year = $2 AND kind = $3)",
	"DELETE FROM line_item WHERE unit_year_id IN (SELECT id FROM unit_year WHERE unit_code = $1 AND year = $2 AND kind = $3)",
	"DELETE FROM disclosure WHERE unit_year_id IN (SELECT id FROM unit_year WHERE unit_code = $1 AND year = $2 AND kind = $3)",
	"DELETE FROM finding WHERE unit_year_id IN (SELECT id FROM unit_year WHERE unit_code = $1 AND year = $2 AND kind = $3)",
	"DELETE FROM unit_year WHERE unit_code = $1 AND year = $2 AND kind = $3",
};

/* Removes the unit-year of one kind, children first. */
static ys_status drop(ys_db *db, const char *unit, int year, const char *kind, ys_diag *d)
{
	ys_dbval p[3] = {ys_dbv_text(unit), ys_dbv_int(year), ys_dbv_text(kind)};
	ys_status st = YS_OK;

	for (size_t i = 0; st == YS_OK && i < sizeof delete_children / sizeof *delete_children; i++)
		st = ys_db_exec(db, delete_children[i], 3, p, NULL, NULL, d);
	return st;
}

typedef struct head {
	const char *kind, *unit_code, *unit_name, *region, *nature, *template, *source;
	int year;
	long long nlines;
	ys_fen total;
	long errors, warnings, infos;
} head;

/* Replaces the unit-year's row; *id is the new row's id. */
static ys_status put_head(ys_db *db, const head *h, long long *id, ys_diag *d)
{
	time_t now = time(NULL);
	char when[32];
	ys_dbval p[14];
	ys_status st;

	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	if ((st = drop(db, h->unit_code, h->year, h->kind, d)) != YS_OK)
		return st;
	p[0] = ys_dbv_text(h->kind);
	p[1] = ys_dbv_text(h->unit_code);
	p[2] = ys_dbv_text(h->unit_name ? h->unit_name : "");
	p[3] = ys_dbv_text(h->region ? h->region : "");
	p[4] = ys_dbv_text(h->nature ? h->nature : "");
	p[5] = ys_dbv_int(h->year);
	p[6] = ys_dbv_text(h->template ? h->template : "");
	p[7] = ys_dbv_text(h->source ? h->source : "");
	p[8] = ys_dbv_int(h->nlines);
	p[9] = ys_dbv_int(h->total);
	p[10] = ys_dbv_int(h->errors);
	p[11] = ys_dbv_int(h->warnings);
	p[12] = ys_dbv_int(h->infos);
	p[13] = ys_dbv_text(when);
	*id = 0;
	st = ys_db_exec(db, "INSERT INTO unit_year (kind, unit_code, unit_name, region, nature, year,"
			    " template, source, nlines, total_fen, errors, warnings, infos, imported_at)"
			    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
			    " RETURNING CAST(id AS TEXT)", 14, p, first_int, id, d);
	if (st == YS_OK && *id <= 0)
		st = ys_fail(d, YS_EIO, ys_db_name(db), 0, 0, "数据库未返回新记录的编号");
	return st;
}

/* "INSERT INTO line_item (…) VALUES ($1, …), ($11, …) …" for n rows. */
static void lines_sql(ys_buf *sql, size_t n)
{
	ys_buf_reset(sql);
	ys_buf_puts(sql, "INSERT INTO line_item (unit_year_id, seq, func_code, eco_code, fund, type,"
			 " project, carryover, tag, amount_fen) VALUES ");
	for (size_t r = 0; r < n; r++) {
		ys_buf_puts(sql, r ? ", (" : "(");
		for (int c = 0; c < LINE_COLS; c++)
			ys_buf_printf(sql, "%s$%zu", c ? ", " : "", r * LINE_COLS + (size_t)c + 1);
		ys_buf_putc(sql, ')');
	}
}

static ys_status put_lines(ys_db *db, long long id, const ys_budget *b, const ys_catalog *cat,
			   ys_diag *d)
{
	char codes[CHUNK][2][16];
	ys_dbval p[CHUNK * LINE_COLS];
	ys_buf sql = YS_BUF_INIT;
	size_t built = 0;
	ys_status st = YS_OK;

	for (size_t at = 0; st == YS_OK && at < b->nlines; at += CHUNK) {
		size_t n = b->nlines - at < CHUNK ? b->nlines - at : CHUNK;

		for (size_t r = 0; r < n; r++) {
			const ys_line *l = &b->lines[at + r];
			ys_dbval *v = &p[r * LINE_COLS];

			v[0] = ys_dbv_int(id);
			v[1] = ys_dbv_int((int64_t)(at + r + 1));
			v[2] = ys_dbv_text(ys_code_str(l->func, codes[r][0]));
			v[3] = ys_dbv_text(ys_code_str(l->eco, codes[r][1]));
			v[4] = ys_dbv_text(l->fund < cat->nfunds ? cat->funds[l->fund].key : "");
			v[5] = ys_dbv_text(l->type < cat->ntypes ? cat->types[l->type].key : "");
			v[6] = ys_dbv_text(l->project < b->project_names.n ? b->project_names.names[l->project] : "");
			v[7] = ys_dbv_int(l->carry);
			v[8] = ys_dbv_text(l->tag < b->tags.n ? b->tags.names[l->tag] : "");
			v[9] = ys_dbv_int(l->amount);
		}
		if (n != built) {
			lines_sql(&sql, n);
			built = n;
		}
		if (!ys_buf_ok(&sql))
			st = ys_fail(d, YS_ENOMEM, ys_db_name(db), 0, 0, "内存不足");
		else
			st = ys_db_exec(db, ys_buf_str(&sql), (int)(n * LINE_COLS), p, NULL, NULL, d);
	}
	ys_buf_free(&sql);
	return st;
}

/* The bundle's own files, as bytes: exported back unchanged. */
static ys_status put_files(ys_db *db, long long id, const ys_budget *b, ys_diag *d)
{
	static const char *const names[] = {"budget.yaml", "lines.csv", "catalog.csv"};
	ys_status st = YS_OK;

	for (size_t i = 0; st == YS_OK && i < sizeof names / sizeof *names; i++) {
		char path[4096];
		char *text = NULL;
		size_t len = 0;
		ys_dbval p[3];

		snprintf(path, sizeof path, "%s/%s", b->dir, names[i]);
		if (i == 2 && access(path, F_OK) != 0)
			continue;
		if ((st = ys_read_file(path, YS_MAX_FILE, &text, &len, d)) != YS_OK)
			break;
		p[0] = ys_dbv_int(id);
		p[1] = ys_dbv_text(names[i]);
		p[2] = ys_dbv_blob(text, len);
		st = ys_db_exec(db, "INSERT INTO bundle_file (unit_year_id, name, content) VALUES ($1, $2, $3)",
				3, p, NULL, NULL, d);
		free(text);
	}
	return st;
}

ys_status ys_store_put_bundle(ys_db *db, const ys_budget *b, const ys_catalog *cat, ys_diag *d)
{
	head h = {"bundle", b->unit_code, b->unit_name, b->region, b->nature, b->template_name,
		  b->dir, b->year, (long long)b->nlines, 0, 0, 0, 0};
	long long id;
	ys_status st;

	if (!b->unit_code || !*b->unit_code)
		return ys_fail(d, YS_EINPUT, b->yaml_path, 0, 0, "数据包没有单位编码（unit.code），无法入库");
	for (size_t i = 0; i < b->nlines; i++)
		if (!ys_add_ok(h.total, b->lines[i].amount, &h.total))
			return ys_fail(d, YS_ERANGE, b->lines_path, (long)b->lines[i].src_line, 0,
				       "金额合计超出范围");
	if ((st = put_head(db, &h, &id, d)) != YS_OK ||
	    (st = put_lines(db, id, b, cat, d)) != YS_OK)
		return st;
	return put_files(db, id, b, d);
}

ys_status ys_store_put_document(ys_db *db, const ys_disclosure *ds, const char *source,
				const char *json, size_t len, const ys_findings *fs, ys_diag *d)
{
	const char *unit = ds->unit_code && *ds->unit_code ? ds->unit_code : ds->unit_name;
	head h = {"document", unit, ds->unit_name, "", "", ds->template_name, source, ds->year, 0, 0,
		  (long)fs->nerrors, (long)fs->nwarnings, (long)fs->ninfos};
	long long id;
	ys_dbval p[10];
	ys_status st;

	if (!unit || !*unit)
		return ys_fail(d, YS_EINPUT, source, 0, 0, "公开文件中没有找到单位编码或名称，无法入库");
	if (!ds->year)
		return ys_fail(d, YS_EINPUT, source, 0, 0, "公开文件中没有找到预算年度，无法入库");
	if ((st = put_head(db, &h, &id, d)) != YS_OK)
		return st;
	p[0] = ys_dbv_int(id);
	p[1] = ys_dbv_text(json);
	p[1].len = len;
	if ((st = ys_db_exec(db, "INSERT INTO disclosure (unit_year_id, json) VALUES ($1, $2)", 2, p,
			     NULL, NULL, d)) != YS_OK)
		return st;
	for (size_t i = 0; st == YS_OK && i < fs->n; i++) {
		const ys_finding *f = &fs->v[i];

		p[0] = ys_dbv_int(id);
		p[1] = ys_dbv_int((int64_t)i + 1);
		p[2] = ys_dbv_text(f->rule);
		p[3] = ys_dbv_text(ys_severity_name(f->severity));
		p[4] = ys_dbv_text(f->msg ? f->msg : "");
		p[5] = ys_dbv_text(f->table);
		p[6] = ys_dbv_text(f->row);
		p[7] = ys_dbv_text(f->col);
		p[8] = ys_dbv_text(f->section);
		st = ys_db_exec(db, "INSERT INTO finding (unit_year_id, seq, rule, severity, message, tbl,"
				    " row_key, col_key, section) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
				9, p, NULL, NULL, d);
	}
	return st;
}

typedef struct list_ctx {
	ys_store_entry_fn fn;
	void *ctx;
} list_ctx;

static const char *col(const ys_dbval *c) { return c->kind == YS_DBV_NULL ? "" : c->p; }

static int list_row(void *ctx, int n, const ys_dbval *c)
{
	list_ctx *l = ctx;
	ys_store_entry e;

	if (n < 12)
		return 1;
	e.kind = col(&c[0]);
	e.unit_code = col(&c[1]);
	e.unit_name = col(&c[2]);
	e.region = col(&c[3]);
	e.year = atoi(col(&c[4]));
	e.nlines = atoll(col(&c[5]));
	e.total = atoll(col(&c[6]));
	e.errors = atol(col(&c[7]));
	e.warnings = atol(col(&c[8]));
	e.infos = atol(col(&c[9]));
	e.source = col(&c[10]);
	e.imported_at = col(&c[11]);
	return l->fn(l->ctx, &e);
}

ys_status ys_store_list(ys_db *db, const ys_store_filter *f, ys_store_entry_fn fn, void *ctx,
			ys_diag *d)
{
	static const ys_store_filter none;
	list_ctx l = {fn, ctx};
	ys_dbval p[4];
	char like[600];

	if (!f)
		f = &none;
	/* A filter left out matches everything: "$n IS NULL OR …". The LIKE
	 * pattern is a parameter too, with the user's % and _ escaped. */
	{
		size_t n = 0;

		like[n++] = '%';
		for (const char *s = f->region ? f->region : ""; *s && n + 3 < sizeof like; s++) {
			if (*s == '%' || *s == '_' || *s == '\\')
				like[n++] = '\\';
			like[n++] = *s;
		}
		like[n++] = '%';
		like[n] = '\0';
	}
	p[0] = ys_dbv_text(f->unit);
	p[1] = f->region ? ys_dbv_text(like) : ys_dbv_text(NULL);
	p[2] = f->year ? ys_dbv_int(f->year) : ys_dbv_text(NULL);
	p[3] = ys_dbv_text(f->kind);
	return ys_db_exec(db,
			  "SELECT kind, unit_code, unit_name, region, CAST(year AS TEXT),"
			  " CAST(nlines AS TEXT), CAST(total_fen AS TEXT), CAST(errors AS TEXT),"
			  " CAST(warnings AS TEXT), CAST(infos AS TEXT), source, imported_at"
			  " FROM unit_year"
			  " WHERE (CAST($1 AS TEXT) IS NULL OR unit_code = CAST($1 AS TEXT))"
			  " AND (CAST($2 AS TEXT) IS NULL OR region LIKE CAST($2 AS TEXT) ESCAPE '\\')"
			  " AND (CAST($3 AS INTEGER) IS NULL OR year = CAST($3 AS INTEGER))"
			  " AND (CAST($4 AS TEXT) IS NULL OR kind = CAST($4 AS TEXT))"
			  " ORDER BY unit_code, year, kind",
			  4, p, list_row, &l, d);
}

typedef struct export_ctx {
	ys_outset *set;
	int nfiles;
	ys_status st;
	ys_diag *d;
} export_ctx;

static int export_row(void *ctx, int n, const ys_dbval *c)
{
	export_ctx *x = ctx;
	char name[256];

	if (n < 2)
		return 1;
	/* Only the names put_files writes; a database edited by hand must not
	 * write outside dir. */
	ys_safe_name(col(&c[0]), 200, name, sizeof name);
	x->st = ys_outset_write(x->set, name, c[1].p ? c[1].p : "", c[1].len, x->d);
	x->nfiles++;
	return x->st != YS_OK;
}

ys_status ys_store_export(ys_db *db, const char *unit, int year, const char *dir, ys_diag *d)
{
	ys_dbval p[2] = {ys_dbv_text(unit), ys_dbv_int(year)};
	ys_outset set;
	export_ctx x = {&set, 0, YS_OK, d};
	ys_status st;
	long long found = 0;

	if ((st = ys_db_exec(db, "SELECT CAST(COUNT(*) AS TEXT) FROM unit_year WHERE unit_code = $1"
				 " AND year = $2 AND kind = 'bundle'", 2, p, first_int, &found, d)) != YS_OK)
		return st;
	if (!found)
		return ys_fail(d, YS_ENOTFOUND, ys_db_name(db), 0, 0,
			       "库中没有单位 %s 的 %d 年数据包（yusuan ls 列出库中内容）", unit, year);
	if ((st = ys_outset_begin(&set, dir, d)) != YS_OK)
		return st;
	st = ys_db_exec(db, "SELECT f.name, f.content FROM bundle_file f JOIN unit_year u"
			    " ON u.id = f.unit_year_id WHERE u.unit_code = $1 AND u.year = $2"
			    " AND u.kind = 'bundle' ORDER BY f.name", 2, p, export_row, &x, d);
	if (st == YS_OK)
		st = x.st;
	if (st != YS_OK) {
		ys_outset_abort(&set);
		return st;
	}
	return ys_outset_commit(&set, d);
}

ys_status ys_store_remove(ys_db *db, const char *unit, int year, int *removed, ys_diag *d)
{
	ys_dbval p[2] = {ys_dbv_text(unit), ys_dbv_int(year)};
	long long n = 0;
	ys_status st;

	*removed = 0;
	if ((st = ys_db_exec(db, "SELECT CAST(COUNT(*) AS TEXT) FROM unit_year WHERE unit_code = $1"
				 " AND year = $2", 2, p, first_int, &n, d)) != YS_OK)
		return st;
	if ((st = drop(db, unit, year, "bundle", d)) != YS_OK ||
	    (st = drop(db, unit, year, "document", d)) != YS_OK)
		return st;
	*removed = (int)n;
	return YS_OK;
}
