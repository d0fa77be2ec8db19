/*
 * import.c - bundles and documents into the store (import.h).
 */
#include "import.h"

#include <string.h>

#include "../base/buf.h"
#include "../io/bundle.h"
#include "../parse/parse.h"
#include "../render/render.h"

/* Published documents are recognised with the templates of the parse year
 * (as `yusuan parse` and `yusuan check` do). */
#define PARSE_YEAR 2023

typedef struct docenv {
	int loaded;
	ys_catalog cat;
	ys_tset tset;
} docenv;

static ys_status put_bundle(ys_db *db, const char *path, const ys_import_opts *o,
			    ys_import_result *res, ys_diag *d)
{
	ys_budget b;
	ys_catalog cat;
	ys_status st;

	if ((st = ys_bundle_load(path, o->datadir, o->user_catalog, &b, &cat, d)) != YS_OK)
		return st;
	st = ys_store_put_bundle(db, &b, &cat, d);
	if (st == YS_OK) {
		res->bundles++;
		res->lines += b.nlines;
	}
	ys_budget_free(&b);
	ys_catalog_free(&cat);
	return st;
}

static ys_status put_document(ys_db *db, docenv *e, const char *path, const ys_import_opts *o,
			      ys_import_result *res, ys_diag *d)
{
	static const ys_check_opts copts;
	ys_disclosure ds;
	ys_findings fs;
	ys_buf json = YS_BUF_INIT;
	const ys_template *chosen = NULL;
	ys_status st;

	if (!e->loaded) {
		if ((st = ys_catalog_load(&e->cat, o->datadir, PARSE_YEAR, d)) != YS_OK)
			return st;
		if ((st = ys_tset_load(&e->tset, o->datadir, &e->cat, d)) != YS_OK) {
			ys_catalog_free(&e->cat);
			return st;
		}
		e->loaded = 1;
	}
	ys_disclosure_init(&ds);
	ys_findings_init(&fs);
	if ((st = ys_parse_file_best(path, &e->tset, &e->cat, &ds, d)) != YS_OK)
		goto out;
	for (size_t i = 0; i < e->tset.n; i++)
		if (ds.template_name == e->tset.v[i].id)
			chosen = &e->tset.v[i];
	if (ys_check_disclosure(&ds, &e->cat, chosen, path, &copts, &fs) != YS_OK) {
		st = ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足，审核未完成");
		goto out;
	}
	if ((st = ys_render_json(&ds, &json, d)) != YS_OK)
		goto out;
	if (!ys_buf_ok(&json)) {
		st = ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
		goto out;
	}
	if ((st = ys_store_put_document(db, &ds, path, ys_buf_str(&json), json.len, &fs, d)) == YS_OK)
		res->documents++;
out:
	ys_buf_free(&json);
	ys_findings_free(&fs);
	ys_disclosure_free(&ds);
	return st;
}

ys_status ys_import(ys_db *db, const ys_inputs *in, const ys_import_opts *opts,
		    ys_import_result *res, ys_diag *d)
{
	ys_import_opts o = *opts;
	docenv e;
	ys_status st;

	memset(res, 0, sizeof *res);
	memset(&e, 0, sizeof e);
	if (!o.datadir)
		o.datadir = ys_data_dir();
	if ((st = ys_db_begin(db, d)) != YS_OK)
		return st;
	for (size_t i = 0; st == YS_OK && i < in->n; i++)
		st = ys_is_bundle(in->v[i]) ? put_bundle(db, in->v[i], &o, res, d)
					    : put_document(db, &e, in->v[i], &o, res, d);
	if (e.loaded) {
		ys_tset_free(&e.tset);
		ys_catalog_free(&e.cat);
	}
	if (st != YS_OK) {
		ys_db_rollback(db);
		return st;
	}
	return ys_db_commit(db, d);
}
