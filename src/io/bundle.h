/*
 * bundle.h - reading a budget bundle (docs/bundle.md): budget.yaml for the
 * unit's facts and texts, lines.csv for the line items. Every error names
 * the file, line and (for CSV) column, and what was expected there.
 */
#ifndef YS_BUNDLE_H
#define YS_BUNDLE_H

#include "../model/budget.h"
#include "../model/catalog.h"

/* Reads dir/budget.yaml into b (b must be freshly initialised). */
ys_status ys_bundle_read_yaml(ys_budget *b, const char *dir, ys_diag *d);

/* Reads b->lines_path into b's line items, resolving fund sources, types
 * and codes against cat. Codes missing from the catalog are warnings
 * recorded in b->warnings. */
ys_status ys_bundle_read_lines(ys_budget *b, const ys_catalog *cat,
			       ys_diag *d);

/* The whole bundle: budget.yaml, the catalog of its year from datadir
 * (plus user_catalog when not NULL, plus dir/catalog.csv when present),
 * lines.csv. On success the caller owns
 * b and cat and frees both. */
ys_status ys_bundle_load(const char *dir, const char *datadir,
			 const char *user_catalog, ys_budget *b,
			 ys_catalog *cat, ys_diag *d);

/* Fails naming lines.csv and the line of the first line item whose
 * functional or economic code is in no catalog (shipped, --catalog or the
 * bundle's catalog.csv): such a code must not be published with a
 * placeholder name. */
ys_status ys_bundle_require_codes(const ys_budget *b, const ys_catalog *cat,
				  ys_diag *d);

/* Is path a bundle directory (has budget.yaml)? */
int ys_is_bundle(const char *path);

#endif
