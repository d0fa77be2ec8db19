/*
 * store.h - the store: many units and years in one database (SQLite file
 * or PostgreSQL, db.h). A unit-year is a bundle (its files as they were
 * imported, its line items and unit facts) or a parsed published document
 * (its disclosure JSON and the findings of check on it), keyed by unit
 * code, year and kind. The schema is versioned: ys_store_open applies the
 * migrations the database has not had yet (schema_version table).
 *
 * Every change goes through one transaction opened by the caller with
 * ys_db_begin: an import of many inputs lands whole or not at all, and
 * putting a unit-year that is there already replaces it inside that same
 * transaction.
 */
#ifndef YS_STORE_H
#define YS_STORE_H

#include "../check/check.h"
#include "../model/budget.h"
#include "../model/catalog.h"
#include "../model/disclosure.h"
#include "db.h"

/* The schema version this program writes. */
int ys_store_schema_version(void);

/* Opens where (a SQLite path or a postgresql:// address) and migrates it
 * to the current schema. Refuses a database of a newer schema. */
ys_status ys_store_open(ys_db **db, const char *where, ys_diag *d);

/* Puts a loaded bundle (b with the catalog it was read with): the unit
 * facts, every line item and the bundle's files, read again from b->dir
 * byte for byte. Replaces the unit-year's earlier bundle. */
ys_status ys_store_put_bundle(ys_db *db, const ys_budget *b, const ys_catalog *cat,
			      ys_diag *d);

/* Puts a parsed published document: its disclosure, the disclosure JSON
 * (json, len) and the findings of check on it. The unit is its code or,
 * when the document names none, its name. */
ys_status ys_store_put_document(ys_db *db, const ys_disclosure *ds, const char *source,
				const char *json, size_t len, const ys_findings *fs,
				ys_diag *d);

/* Which unit-years ls, export and batch runs take; NULL or 0 fields match
 * everything. */
typedef struct ys_store_filter {
	const char *unit;	/* unit code */
	const char *region;	/* substring of the region */
	int year;
	const char *kind;	/* "bundle" | "document" */
} ys_store_filter;

typedef struct ys_store_entry {
	const char *kind, *unit_code, *unit_name, *region, *source, *imported_at;
	int year;
	long long nlines;
	ys_fen total;		/* bundles: the sum of the line items */
	long errors, warnings, infos;	/* documents: findings */
} ys_store_entry;

typedef int (*ys_store_entry_fn)(void *ctx, const ys_store_entry *e);

/* Calls fn for each matching unit-year, by unit code, year and kind. */
ys_status ys_store_list(ys_db *db, const ys_store_filter *f, ys_store_entry_fn fn,
			void *ctx, ys_diag *d);

/* Writes the bundle of unit-year back into dir (budget.yaml, lines.csv and
 * catalog.csv when it had one, as imported), replacing dir as one set. */
ys_status ys_store_export(ys_db *db, const char *unit, int year, const char *dir,
			  ys_diag *d);

/* Removes every kind of unit-year; *removed is how many were there. */
ys_status ys_store_remove(ys_db *db, const char *unit, int year, int *removed,
			  ys_diag *d);

#endif
