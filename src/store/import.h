/*
 * import.h - `yusuan import`: bundles and published documents into the
 * store, all of one run in one transaction. A bundle is read as render
 * reads it; a document is parsed with the best-matching template and
 * checked as `yusuan check` would, and its disclosure JSON and findings
 * are kept.
 */
#ifndef YS_IMPORT_H
#define YS_IMPORT_H

#include "../job/inputs.h"
#include "store.h"

typedef struct ys_import_opts {
	const char *datadir;		/* NULL: ys_data_dir() */
	const char *user_catalog;	/* or NULL */
} ys_import_opts;

typedef struct ys_import_result {
	size_t bundles, documents;
	size_t lines;		/* line items put */
} ys_import_result;

/* Puts every input into db in one transaction; on any failure nothing of
 * this run is kept and d names the input that failed. */
ys_status ys_import(ys_db *db, const ys_inputs *in, const ys_import_opts *o,
		    ys_import_result *res, ys_diag *d);

#endif
