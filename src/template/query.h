/*
 * query.h - what a table cell means, as a normalised set of budget facts:
 * the intersection of its table's, row's and column's filters, with every
 * dimension (fund, expenditure type, carry-over, functional and economic
 * code prefixes, economic class, tag, measure) written as the set of values
 * it admits. On these the checker decides set relations between cells —
 * equal, disjoint, subset, and "A is the disjoint union of B1..Bn" — and
 * from them derives the identities a published table must satisfy.
 *
 * Prefix sets are closed under "present children": when the parts of a
 * union name code prefixes below one of A's, those prefixes are taken as
 * all of its children (a published table lists the codes that have money;
 * an absent row is zero). ys_qspace.children may replace that with the
 * year's catalog.
 *
 * A ys_query is a plain value (fixed arrays, no allocation); one that needs
 * more prefixes than fit is marked `inexact` and takes part in no identity.
 */
#ifndef YS_QUERY_H
#define YS_QUERY_H

#include <stdint.h>

#include "../model/catalog.h"
#include "template.h"

#define YS_QUERY_MAXPREFIX 32
#define YS_QUERY_MAXTAGS 32

/* The universe a template's queries live in. */
typedef struct ys_qspace {
	const ys_catalog *cat;	/* fund/type counts, economic classes; may be NULL */
	uint32_t all_funds, all_types;
	/* The tags the template names ("" = untagged): a template that splits
	 * an item by tag names every tag it uses, so they are the universe. */
	const char *tags[YS_QUERY_MAXTAGS];
	int ntags;
	/*
	 * Children of prefix (0: the root) in the functional (eco = 0) or
	 * economic classification, for disjoint-union tests; returns how many
	 * were written to out (at most max). NULL: the prefixes the parts name.
	 */
	int (*children)(void *ctx, int eco, ys_code prefix, ys_code *out, int max);
	void *ctx;
} ys_qspace;

/* Bits of ys_query.carry and ys_query.eco_class. */
#define YS_Q_CURRENT 1u
#define YS_Q_CARRYOVER 2u
#define YS_Q_CLASS_NONE (1u << YS_ECO_NONE)
#define YS_Q_CLASS_PERSONNEL (1u << YS_ECO_PERSONNEL)
#define YS_Q_CLASS_PUBLIC (1u << YS_ECO_PUBLIC)
#define YS_Q_CLASS_ALL (YS_Q_CLASS_NONE | YS_Q_CLASS_PERSONNEL | YS_Q_CLASS_PUBLIC)

typedef struct ys_query {
	int none;		/* nothing by construction (`filter: none`) */
	int inexact;		/* too many prefixes to represent */
	uint32_t funds;		/* bit i = catalog fund i */
	uint32_t types;		/* bit i = catalog type i */
	unsigned carry;		/* YS_Q_CURRENT | YS_Q_CARRYOVER */
	int func_any, nfunc;	/* func_any: every code; else the prefixes */
	ys_code func[YS_QUERY_MAXPREFIX];
	int eco_any, neco;
	ys_code eco[YS_QUERY_MAXPREFIX];
	unsigned eco_class;	/* YS_Q_CLASS_* */
	uint32_t tags;		/* bit i = qspace tag i */
	int measure;		/* ys_measure; YS_Q_ANY_MEASURE in ys_query_all */
} ys_query;

/* Any measure: the universe, and the helpers the union test intersects
 * with; a cell's query always names one (ys_cell_measure). */
#define YS_Q_ANY_MEASURE (-1)

/* The tags of every filter of t go into s (with the fund and type counts
 * of cat). */
void ys_qspace_init(ys_qspace *s, const ys_template *t, const ys_catalog *cat);

/* Every fact of the space. */
void ys_query_all(ys_query *q, const ys_qspace *s);
/* q ∧= f. The measure is not a filter's: a cell's measure comes from its
 * row, column or table by precedence (ys_cell_measure), set by the caller. */
void ys_query_and_filter(ys_query *q, const ys_filter *f, const ys_qspace *s);
/* q ∧= "functional (eco = 0) or economic code under prefix". */
void ys_query_and_code(ys_query *q, int eco, ys_code prefix, const ys_qspace *s);
/* out = a ∧ b. */
void ys_query_and(ys_query *out, const ys_query *a, const ys_query *b,
		  const ys_qspace *s);

int ys_query_empty(const ys_query *q, const ys_qspace *s);
int ys_query_equal(const ys_query *a, const ys_query *b, const ys_qspace *s);
int ys_query_disjoint(const ys_query *a, const ys_query *b, const ys_qspace *s);
/* a ⊆ b. */
int ys_query_subset(const ys_query *a, const ys_query *b, const ys_qspace *s);
/* a = parts[0] ⊔ … ⊔ parts[n-1]: pairwise disjoint, each inside a, and
 * covering it (empty parts are allowed and ignored). */
int ys_query_union_of(const ys_query *a, const ys_query *const *parts, int n,
		      const ys_qspace *s);

#endif
