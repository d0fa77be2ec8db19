/*
 * cube.h - the budget cube: line items aggregated into atoms, one per
 * distinct (functional code, economic code, fund, type, project, carry-over,
 * tag). Every table of a disclosure is a sum over atoms selected by a
 * filter, so building the nine tables scans the atoms (a few thousand even
 * for a million lines), never the lines again.
 *
 * Atoms live in one flat array; an open-addressing index finds an atom by
 * its dimensions while the cube is built. Sums are checked for overflow.
 * The budget amount lives in the atom; the other measures (决算数, 年初
 * 结转和结余 …) in arrays beside it, only for measures the budget has.
 */
#ifndef YS_CUBE_H
#define YS_CUBE_H

#include <stddef.h>
#include <stdint.h>

#include "../base/status.h"
#include "../model/budget.h"
#include "../model/catalog.h"

typedef struct ys_atom {
	ys_fen amount;		/* exact sum of its line items, in fen */
	ys_code func, eco;
	uint16_t project;
	uint8_t fund, type, carry, tag;
	uint8_t eco_class;	/* ys_eco_class of eco (from the catalog) */
	uint32_t nlines;
} ys_atom;

typedef struct ys_cube {
	ys_atom *atoms;
	size_t n, cap;
	uint32_t *slots;	/* index+1, 0 = empty */
	size_t nslots;
	ys_fen total;		/* sum of all lines, exact */
	/* Per measure other than the budget: each atom's sum (parallel to
	 * atoms), or NULL when the budget has no such measure. Kept apart so
	 * that a budget without them scans atoms no larger than before. */
	ys_fen *mamount[YS_NMEASURES];
} ys_cube;

/* Atom a's sum of measure m. */
static inline ys_fen ys_cube_value(const ys_cube *c, size_t a, int m)
{
	return m == YS_MEASURE_BUDGET ? c->atoms[a].amount : c->mamount[m] ? c->mamount[m][a] : 0;
}

/* Aggregates b's line items. Economic codes get their basic_class from cat
 * (款 entry, else its 类). Fails with YS_ERANGE on overflow. */
ys_status ys_cube_build(ys_cube *cube, const ys_budget *b,
			const ys_catalog *cat, ys_diag *d);
void ys_cube_free(ys_cube *cube);

#endif
