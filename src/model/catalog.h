/*
 * catalog.h - the classification catalogs of one budget year, loaded from
 * data files (data/catalog/<year>/func.csv and eco.csv), and the lists of
 * fund sources and expenditure types (data/catalog/funds.csv, types.csv)
 * with their Chinese names and aliases. A user catalog file with the same
 * columns may be added on top; its entries replace or extend the shipped
 * ones. Entries are kept in sorted arrays and found by binary search.
 *
 * Ownership: everything lives in the catalog's arena; ys_catalog_free frees
 * it all.
 */
#ifndef YS_CATALOG_H
#define YS_CATALOG_H

#include <stddef.h>

#include "../base/arena.h"
#include "../base/status.h"
#include "code.h"

typedef enum { YS_CAT_FUNC, YS_CAT_ECO } ys_cat_kind;

/* What an economic code counts as in the basic-expenditure table. */
typedef enum { YS_ECO_NONE = 0, YS_ECO_PERSONNEL, YS_ECO_PUBLIC } ys_eco_class;

typedef struct ys_cat_entry {
	ys_code code;
	const char *name;
	ys_eco_class basic_class;	/* economic codes only */
	const char *three_public;	/* "abroad", …, or NULL */
} ys_cat_entry;

#define YS_MAX_KEYS 16
#define YS_MAX_ALIASES 12

/* A fund source or an expenditure type: short key, Chinese name, aliases. */
typedef struct ys_key_entry {
	const char *key;
	const char *name;
	const char *aliases[YS_MAX_ALIASES];
	int naliases;
} ys_key_entry;

typedef struct ys_catalog {
	int year;
	ys_cat_entry *func;
	size_t nfunc;
	ys_cat_entry *eco;
	size_t neco;
	ys_key_entry funds[YS_MAX_KEYS];
	int nfunds;
	ys_key_entry types[YS_MAX_KEYS];
	int ntypes;
	ys_arena arena;
} ys_catalog;

/* Loads the catalogs of `year` from datadir (the folder holding catalog/).
 * Fails with YS_ENOTFOUND naming the year when there is none. */
ys_status ys_catalog_load(ys_catalog *c, const char *datadir, int year,
			  ys_diag *d);

/* Adds a user catalog file (columns code,name for functional codes;
 * code,name,basic_class,three_public for economic ones — told apart by the
 * header). Entries with an existing code replace the shipped name. */
ys_status ys_catalog_add_file(ys_catalog *c, const char *path, ys_diag *d);

/* Adds a bundle's own catalog.csv: one file for both kinds, columns
 * kind,code,name,basic_class,three_public with kind `func` or `eco`. */
ys_status ys_catalog_add_bundle_file(ys_catalog *c, const char *path, ys_diag *d);

/* The years that have a catalog under datadir/catalog/, ascending; returns
 * how many (at most max). */
int ys_catalog_years(const char *datadir, int *years, int max);

/* The same as text for messages: "2019–2026", or "2019、2021–2023". */
void ys_catalog_years_text(const char *datadir, char *out, size_t cap);

const ys_cat_entry *ys_catalog_find(const ys_catalog *c, ys_cat_kind kind,
				    ys_code code);

/* Finds a fund source / expenditure type by key, name or alias (white space
 * ignored); returns its index or -1. */
int ys_catalog_fund(const ys_catalog *c, const char *s);
int ys_catalog_type(const ys_catalog *c, const char *s);

void ys_catalog_free(ys_catalog *c);

/* The folder holding catalog/ and templates/: $YUSUAN_DATA, else the
 * build-time default (the source tree's data/ or the installed share dir). */
const char *ys_data_dir(void);

#endif
