/*
 * build.h - the generic table builder: evaluates a template's tables over
 * a budget's cube and fills a Disclosure. No table has code of its own;
 * every number is a sum of cube atoms chosen by the template's filters.
 */
#ifndef YS_BUILD_H
#define YS_BUILD_H

#include "../cube/cube.h"
#include "../model/disclosure.h"
#include "template.h"

/* Fills ds (initialised by the caller) with the unit facts, the tables of
 * template t and the performance targets of b. The disclosure refers to
 * strings owned by t, b and cat: keep them alive while ds is used. */
ys_status ys_build_disclosure(ys_disclosure *ds, const ys_template *t,
			      const ys_budget *b, const ys_catalog *cat,
			      const ys_cube *cube, ys_diag *d);

/* The measure of a cell: its row's (an item's filter), else its column's,
 * else its table's; the budget when none names one. row may be NULL. */
int ys_cell_measure(const ys_filter *table, const ys_filter *row, const ys_filter *col);

/*
 * A derived cell from its operand cells a and b (display units with
 * `decimals` decimals): diff a − b in the same units; pct (a − b) / b and
 * share a / b in percent with `decimals` decimals, rounded half away from
 * zero, exact integers throughout. Returns 0 when it has no value (b is 0
 * for pct or share) or would overflow; the builder and check both use it.
 */
int ys_derive_value(ys_derive_op op, int64_t a, int64_t b, int decimals, int64_t *out);

/* Moves the notes of ds's empty tables (those without an empty_note of
 * their own) into ds->empty_tables_note, t->empty_tables_note with
 * {tables} and {numbers} filled in. Called by ys_build_disclosure. */
ys_status ys_build_tables_note(ys_disclosure *ds, const ys_template *t);

/* Does atom a (of budget b) pass filter f? */
int ys_filter_match(const ys_filter *f, const ys_atom *a, const ys_budget *b);

#endif
