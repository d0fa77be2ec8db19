/*
 * rules_derived.c - the table identities of a disclosure, derived from its
 * template's cell queries (template/query.h) instead of written per
 * layout. Every published cell means a set of budget facts: the table's
 * filter ∧ the row's (a code prefix, a total, or an item's filter) ∧ the
 * column's. From those sets: a cell whose set is empty must be empty
 * (YS-T004); a cell whose set is the disjoint union of the largest smaller
 * cells of its row is their sum (YS-T003), of its column likewise
 * (hierarchy YS-T001/T007, 合计 row YS-T002, item lists YS-T005/T009);
 * two cells with the same set are equal (within a table YS-T003/T005/
 * T006/T009, across tables YS-X001); a cell that is the disjoint union of
 * one column of another table is its sum (YS-X002); a cell whose set lies
 * inside another table's cell is not larger (YS-X008). The identities are
 * derived once per check run and then evaluated on the numbers.
 */
#include "check_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/money.h"
#include "../template/build.h"
#include "../template/query.h"

#define NOCELL SIZE_MAX

typedef struct dcell {
	const ys_dtable *t;
	const ys_ttable *tt;
	const ys_drow *r;
	int col;
	int ti;			/* index of t in the disclosure */
	int empty;		/* nothing by construction */
	size_t beg, end;	/* the cells of the same table in x->v */
	size_t rbeg, rend;	/* … of the same row */
	size_t cnext;		/* the next cell of the same column, or NOCELL */
	uint64_t h;		/* hash of q: equal cells are found by sorting */
	ys_code rc;		/* the row's code, 0 for item and total rows */
	ys_query q;
} dcell;

typedef struct dctx {
	ys_ck *c;
	ys_qspace s;
	dcell *v;
	size_t n;
	size_t *order;		/* cell indices by (hash, index) */
	size_t *pos;		/* a cell's place in order */
} dctx;

static int64_t add(int64_t a, int64_t b)
{
	int64_t s;

	return ys_add_ok(a, b, &s) ? s : (b > 0 ? INT64_MAX : INT64_MIN + 1);
}

static int64_t sub(int64_t a, int64_t b)
{
	int64_t s;

	return ys_sub_ok(a, b, &s) ? s : (b < 0 ? INT64_MAX : INT64_MIN + 1);
}

static const ys_titem *titem(const ys_ttable *tt, const ys_drow *r)
{
	for (size_t i = 0; r->item && i < tt->nitems; i++)
		if (!strcmp(tt->items[i].item, r->item) &&
		    (!r->side || !tt->items[i].side || !strcmp(r->side, tt->items[i].side)))
			return &tt->items[i];
	return NULL;
}

static const ys_tcol *tcol(const ys_ttable *tt, const ys_dcol *dc)
{
	for (size_t i = 0; i < tt->ncols; i++)
		if (!strcmp(tt->cols[i].key, dc->key) &&
		    (!dc->side || !tt->cols[i].side || !strcmp(dc->side, tt->cols[i].side)))
			return &tt->cols[i];
	return NULL;
}

/* The query of a row, or 0 when the row means nothing the template says. */
static int row_query(dctx *x, const ys_ttable *tt, const ys_drow *r, ys_query *q)
{
	ys_query_all(q, &x->s);
	ys_query_and_filter(q, &tt->filter, &x->s);
	if (tt->rows_by == YS_ROWS_ITEMS) {
		const ys_titem *it = titem(tt, r);

		/* A sum_of row means no one set (it may span measures): it is
		 * checked by recomputing it (YS-T010). */
		if (!it || it->nsum_of)
			return 0;
		ys_query_and_filter(q, &it->filter, &x->s);
		if (it->heading)
			q->none = 1;
		return 1;
	}
	if (r->code) {
		ys_code code = ys_code_parse(r->code);

		if (!code)
			return 0;
		ys_query_and_code(q, tt->rows_by == YS_ROWS_ECO, code, &x->s);
		return 1;
	}
	return r->total;
}

static int collect(dctx *x)
{
	const ys_disclosure *ds = x->c->ds;
	size_t cap = 0;

	for (size_t i = 0; i < ds->ntables; i++)
		cap += ds->tables[i].nrows * ds->tables[i].ncols;
	if (!cap)
		return 0;
	if (!(x->v = calloc(cap, sizeof *x->v)))
		return -1;
	for (size_t i = 0; i < ds->ntables; i++) {
		const ys_dtable *t = &ds->tables[i];
		const ys_ttable *tt = t->id ? ys_template_table(x->c->tpl, t->id) : NULL;

		size_t beg = x->n;

		if (!tt)
			continue;
		for (size_t k = 0; k < t->nrows; k++) {
			const ys_drow *r = &t->rows[k];
			ys_query rq;

			size_t rbeg = x->n;

			if (!row_query(x, tt, r, &rq))
				continue;
			for (size_t col = 0; col < t->ncols; col++) {
				const ys_tcol *tc = tcol(tt, &t->cols[col]);
				const ys_titem *it = tt->rows_by == YS_ROWS_ITEMS ? titem(tt, r) : NULL;
				dcell *d;

				/* A derived cell means no set of facts: it is checked
				 * by recomputing it (YS-T010), never summed. */
				if (!tc || tc->derive || !ys_drow_has_col(t, r, col))
					continue;
				d = &x->v[x->n++];
				d->t = t;
				d->tt = tt;
				d->r = r;
				d->col = (int)col;
				d->ti = (int)i;
				d->rc = tt->rows_by != YS_ROWS_ITEMS && r->code ? ys_code_parse(r->code) : 0;
				d->q = rq;
				ys_query_and_filter(&d->q, &tc->filter, &x->s);
				d->q.measure = ys_cell_measure(&tt->filter, it ? &it->filter : NULL,
							       &tc->filter);
				d->empty = ys_query_empty(&d->q, &x->s);
			}
			for (size_t m = rbeg; m < x->n; m++) {
				x->v[m].rbeg = rbeg;
				x->v[m].rend = x->n;
			}
		}
		for (size_t k = beg; k < x->n; k++) {
			x->v[k].beg = beg;
			x->v[k].end = x->n;
			x->v[k].cnext = NOCELL;
		}
		/* Chain each column's cells (they are row-major). */
		if (x->n > beg) {
			size_t *last = malloc(t->ncols * sizeof *last);

			if (!last)
				return -1;
			for (size_t col = 0; col < t->ncols; col++)
				last[col] = NOCELL;
			for (size_t k = beg; k < x->n; k++) {
				size_t col = (size_t)x->v[k].col;

				if (last[col] != NOCELL)
					x->v[last[col]].cnext = k;
				last[col] = k;
			}
			free(last);
		}
	}
	return 0;
}

static uint64_t mix(uint64_t h, uint64_t v)
{
	return (h ^ v) * 1099511628211u;
}

static uint64_t qhash(const ys_query *q)
{
	uint64_t h = 14695981039346656037u;

	h = mix(h, q->funds);
	h = mix(h, q->types);
	h = mix(h, q->carry | (uint64_t)q->eco_class << 8 | (uint64_t)q->tags << 16);
	h = mix(h, (uint64_t)(uint32_t)q->measure);
	h = mix(h, q->func_any ? 1 : 2);
	for (int i = 0; !q->func_any && i < q->nfunc; i++)
		h = mix(h, (uint64_t)(uint32_t)q->func[i]);
	h = mix(h, q->eco_any ? 3 : 4);
	for (int i = 0; !q->eco_any && i < q->neco; i++)
		h = mix(h, (uint64_t)(uint32_t)q->eco[i]);
	return h;
}

static int by_hash(const void *a, const void *b, void *cells)
{
	const dcell *v = cells;
	size_t i = *(const size_t *)a, k = *(const size_t *)b;
	uint64_t x = v[i].h, y = v[k].h;

	return x < y ? -1 : x > y ? 1 : i < k ? -1 : i > k;
}

/* The first cell before i with the same set, in i's table (same_table)
 * or in another one; -1 when none. */
static long first_equal(dctx *x, size_t i, int same_table)
{
	const dcell *a = &x->v[i];
	long best = -1;

	for (size_t p = x->pos[i]; p-- > 0;) {
		size_t k = x->order[p];
		const dcell *b = &x->v[k];

		if (b->h != a->h)
			break;
		if (b->empty || (b->t == a->t) != same_table || !ys_query_equal(&a->q, &b->q, &x->s))
			continue;
		best = (long)k;
	}
	return best;
}

static int64_t val(const dcell *d)
{
	return ysck_val(d->r, d->col);
}

/* "部门预算支出总表 201 一般公共服务支出/基本支出". */
static void label(const dcell *d, char *out, size_t n)
{
	const ys_dcol *dc = &d->t->cols[d->col];
	const char *row = d->r->name ? d->r->name : "";

	if (d->r->code)
		snprintf(out, n, "%s %s %s/%s", d->t->title ? d->t->title : d->t->id,
			 d->r->code, row, dc->label ? dc->label : dc->key);
	else
		snprintf(out, n, "%s %s/%s", d->t->title ? d->t->title : d->t->id, row,
			 dc->label ? dc->label : dc->key);
}

static void report(dctx *x, const char *rule, const dcell *at, int64_t want,
		   const char *what)
{
	ysck_compare(x->c, rule, at->t, at->r, at->t->cols[at->col].key, want, val(at), what);
}

/* YS-T004: a cell that holds nothing by construction. */
static void empties(dctx *x)
{
	for (size_t i = 0; i < x->n; i++) {
		const dcell *d = &x->v[i];
		char a[400], what[480];

		if (!d->empty || !val(d))
			continue;
		label(d, a, sizeof a);
		snprintf(what, sizeof what, "%s 按模板的口径不可能有数（%s）", a,
			 d->r->heading ? "标题行" : "口径为空集");
		report(x, "YS-T004", d, 0, what);
	}
}

static int same_side(const dcell *a, const dcell *b)
{
	const char *x = a->r->side, *y = b->r->side;

	return !x || !y || !strcmp(x, y);
}

static int strict_subset(dctx *x, const dcell *a, const dcell *b)
{
	return ys_query_subset(&a->q, &b->q, &x->s) && !ys_query_equal(&a->q, &b->q, &x->s);
}

/* Of the candidates (indices into x->v), those inside no other one, each
 * set once. */
static size_t maximal(dctx *x, size_t *cand, size_t n)
{
	size_t out = 0;

	for (size_t i = 0; i < n; i++) {
		int drop = 0;

		for (size_t k = 0; k < n && !drop; k++)
			if (k != i && strict_subset(x, &x->v[cand[i]], &x->v[cand[k]]))
				drop = 1;
		for (size_t k = 0; k < out && !drop; k++)
			if (ys_query_equal(&x->v[cand[i]].q, &x->v[cand[k]].q, &x->s))
				drop = 1;
		if (!drop)
			cand[out++] = cand[i];
	}
	return out;
}

#define MAXPARTS 64

/* Compares a with the sum of its parts when their sets add up to a's. */
static void try_sum(dctx *x, const dcell *a, size_t *cand, size_t n,
		    const char *rule, const char *rule_zero)
{
	const ys_query *pq[MAXPARTS];
	int64_t sum = 0;
	char al[400], what[900];
	size_t len;

	n = maximal(x, cand, n);
	if (!n || n > MAXPARTS)
		return;
	for (size_t i = 0; i < n; i++)
		pq[i] = &x->v[cand[i]].q;
	if (!ys_query_union_of(&a->q, pq, (int)n, &x->s))
		return;
	for (size_t i = 0; i < n; i++)
		sum = add(sum, val(&x->v[cand[i]]));
	if (sum == val(a))
		return;
	label(a, al, sizeof al);
	if (a->t == x->v[cand[0]].t && a->r == x->v[cand[0]].r)
		snprintf(what, sizeof what, "%s 不等于本行", al);
	else if (a->t == x->v[cand[0]].t)
		snprintf(what, sizeof what, "%s 不等于本栏", al);
	else
		snprintf(what, sizeof what, "%s 不等于%s", al,
			 x->v[cand[0]].t->title ? x->v[cand[0]].t->title : x->v[cand[0]].t->id);
	len = strlen(what);
	for (size_t i = 0; i < n && len + 80 < sizeof what; i++) {
		const dcell *p = &x->v[cand[i]];
		const ys_dcol *dc = &p->t->cols[p->col];

		if (i == 6) {
			snprintf(what + len, sizeof what - len, "…（共 %zu 项）", n);
			break;
		}
		if (a->r == p->r)
			snprintf(what + len, sizeof what - len, "%s%s", i ? "+" : "",
				 dc->label ? dc->label : dc->key);
		else
			snprintf(what + len, sizeof what - len, "%s%s%s%s", i ? "+" : "",
				 p->r->code ? p->r->code : "", p->r->code ? " " : "",
				 p->r->name ? p->r->name : "");
		len = strlen(what);
	}
	if (strlen(what) + 8 < sizeof what)
		strcat(what, " 之和");
	report(x, rule_zero && !val(a) && sum ? rule_zero : rule, a, sum, what);
}

static int is_code_table(const dcell *d)
{
	return d->tt->rows_by != YS_ROWS_ITEMS;
}

/* The rule a within-table identity of a's table reports under. */
static const char *rule_column(const dcell *a)
{
	if (is_code_table(a))
		return a->r->code ? "YS-T001" : "YS-T002";
	return a->t->two_sided ? "YS-T005" : "YS-T009";
}

/* The first cell of a's column in its table, or NOCELL. */
static size_t col_head(const dctx *x, const dcell *a)
{
	for (size_t k = a->beg; k < a->end; k++)
		if (x->v[k].col == a->col)
			return k;
	return NOCELL;
}

static void within(dctx *x, size_t *cand)
{
	for (size_t i = 0; i < x->n; i++) {
		const dcell *a = &x->v[i];
		int dup = 0, row_done = 0, col_done = 0;
		size_t n = 0;

		if (a->empty || a->q.inexact)
			continue;
		/* Equal to an earlier cell of the table: one comparison. */
		for (long k = first_equal(x, i, 1); k >= 0 && !dup;) {
			const dcell *b = &x->v[k];
			char al[400], bl[400], what[820];
			const char *rule;

			/* b's sums along a shared row or column are a's too. */
			dup = 1;
			row_done = b->r == a->r;
			col_done = b->col == a->col && same_side(a, b);
			if (val(a) == val(b))
				continue;
			rule = a->r == b->r ? "YS-T003" : !is_code_table(a) && !same_side(a, b) ? "YS-T006" :
			       rule_column(b);
			label(b, bl, sizeof bl);
			label(a, al, sizeof al);
			snprintf(what, sizeof what, "%s ≠ %s（口径相同）", bl, al);
			report(x, rule, b, val(a), what);
		}
		/* The row: the columns inside this one. */
		for (size_t k = a->rbeg; k < a->rend && !row_done; k++) {
			const dcell *b = &x->v[k];

			if (k != i && b->r == a->r && !b->empty && strict_subset(x, b, a))
				cand[n++] = k;
		}
		try_sum(x, a, cand, n, "YS-T003", NULL);
		/* The column: the rows inside this one. */
		n = 0;
		for (size_t k = col_head(x, a); k != NOCELL && !col_done; k = x->v[k].cnext) {
			const dcell *b = &x->v[k];

			/* Only codes below a code row can be inside it. */
			if (a->rc && (!b->rc || !ys_code_under(b->rc, a->rc)))
				continue;
			if (k != i && b->t == a->t && b->col == a->col && !b->empty &&
			    same_side(a, b) && strict_subset(x, b, a))
				cand[n++] = k;
		}
		try_sum(x, a, cand, n, rule_column(a), is_code_table(a) && a->r->code ? "YS-T007" : NULL);
	}
}

/* Across tables: equal sets (YS-X001), a cell that is the disjoint union
 * of one column of another table (YS-X002), a subset not larger than its
 * superset (YS-X008). Each cell is compared with the first equal cell of
 * an earlier table only. */
static void across(dctx *x, size_t *cand)
{
	for (size_t i = 0; i < x->n; i++) {
		const dcell *a = &x->v[i];
		int equal_done = 0;

		if (a->empty || a->q.inexact)
			continue;
		for (long k = first_equal(x, i, 0); k >= 0 && !equal_done;) {
			const dcell *b = &x->v[k];
			char al[400], bl[400], what[820];

			equal_done = 1;
			if (val(a) == val(b))
				continue;
			label(a, al, sizeof al);
			label(b, bl, sizeof bl);
			snprintf(what, sizeof what, "%s ≠ %s（口径相同）", al, bl);
			report(x, "YS-X001", a, val(b), what);
		}
		for (size_t ti = 0; ti < x->c->ds->ntables; ti++) {
			const ys_dtable *u = &x->c->ds->tables[ti];

			if ((int)ti == a->ti)
				continue;
			/* Sums across tables join an item list to another table
			 * (收支总表 items against a code table's 合计); code table
			 * against code table is equality, found above. Keeping to
			 * these keeps the search linear in the code rows. */
			if (is_code_table(a)) {
				const ys_ttable *ut = u->id ? ys_template_table(x->c->tpl, u->id) : NULL;

				if (!ut || ut->rows_by != YS_ROWS_ITEMS)
					continue;
			}
			for (size_t col = 0; col < u->ncols; col++) {
				size_t n = 0;
				int has_equal = 0;

				for (size_t k = 0; k < x->n && !has_equal; k++) {
					const dcell *b = &x->v[k];

					if (b->t != u && k + 1 < x->n) {
						k = x->v[k].end - 1;	/* the next table */
						continue;
					}
					if (b->t != u || b->col != (int)col || b->empty)
						continue;
					if (ys_query_equal(&b->q, &a->q, &x->s))
						has_equal = 1;
					else if (ys_query_subset(&b->q, &a->q, &x->s))
						cand[n++] = k;
				}
				if (has_equal || n < 2)
					continue;
				try_sum(x, a, cand, n, "YS-X002", NULL);
			}
		}
	}
}

/* YS-X008: per cell and other table, the smallest cells of that table
 * holding it are not smaller than it. */
static void bounds(dctx *x)
{
	for (size_t i = 0; i < x->n; i++) {
		const dcell *a = &x->v[i];

		if (a->empty || a->q.inexact || !val(a))
			continue;
		for (size_t k = 0; k < x->n; k++) {
			const dcell *b = &x->v[k];
			int smallest = 1;
			char al[400], bl[400], what[820];

			/* A code table's cells are compared with item tables only:
			 * skip the other code tables whole. */
			if (is_code_table(a) && is_code_table(b)) {
				k = b->end - 1;
				continue;
			}

			/* As for sums: an item table on one side at least. */
			if (b->t == a->t || b->empty || val(b) >= val(a) ||
			    (is_code_table(a) && is_code_table(b)) || !strict_subset(x, a, b))
				continue;
			for (size_t m = b->beg; m < b->end && smallest; m++) {
				const dcell *c = &x->v[m];

				if (c->t == b->t && m != k && !c->empty && strict_subset(x, a, c) &&
				    strict_subset(x, c, b))
					smallest = 0;
			}
			if (!smallest)
				continue;
			label(a, al, sizeof al);
			label(b, bl, sizeof bl);
			snprintf(what, sizeof what, "%s 大于包含它的 %s", al, bl);
			report(x, "YS-X008", a, val(b), what);
		}
	}
}

/* YS-T010: a derived column (difference, percent change, share) equals
 * what its two operand columns of the same row give. Both are read as
 * published, so a wrong operand is found by the sums and a wrong derived
 * cell here. */
static void recomputed(ys_ck *c)
{
	const ys_disclosure *ds = c->ds;

	for (size_t i = 0; i < ds->ntables; i++) {
		const ys_dtable *t = &ds->tables[i];
		const ys_ttable *tt = t->id ? ys_template_table(c->tpl, t->id) : NULL;

		for (size_t col = 0; tt && col < t->ncols; col++) {
			const ys_tcol *tc = tcol(tt, &t->cols[col]);
			int ca = -1, cb = -1;

			if (!tc || !tc->derive)
				continue;
			for (size_t k = 0; k < t->ncols; k++) {
				if (tcol(tt, &t->cols[k]) == &tt->cols[tc->derive_a])
					ca = (int)k;
				if (tcol(tt, &t->cols[k]) == &tt->cols[tc->derive_b])
					cb = (int)k;
			}
			if (ca < 0 || cb < 0)
				continue;
			for (size_t k = 0; k < t->nrows; k++) {
				const ys_drow *r = &t->rows[k];
				int64_t want = 0;
				char what[600];
				const ys_dcol *dc = &t->cols[col];

				if (!ys_drow_has_col(t, r, col) ||
				    !ys_drow_has_col(t, r, (size_t)ca) || r->heading)
					continue;
				if (!ys_derive_value(tc->derive, ysck_val(r, ca), ysck_val(r, cb),
						     ds->decimals, &want))
					want = 0;
				snprintf(what, sizeof what, "%s %s%s%s/%s 应由%s和%s算出（%s）",
					 t->title ? t->title : t->id, r->code ? r->code : "",
					 r->code ? " " : "", r->name ? r->name : "",
					 dc->label ? dc->label : dc->key,
					 t->cols[ca].label ? t->cols[ca].label : t->cols[ca].key,
					 t->cols[cb].label ? t->cols[cb].label : t->cols[cb].key,
					 tc->derive == YS_DERIVE_DIFF ? "差额" :
					 tc->derive == YS_DERIVE_PCT ? "增减百分比" : "占比百分比");
				ysck_compare(c, "YS-T010", t, r, dc->key, want, ysck_val(r, (int)col), what);
			}
		}
	}
}

/* The row of t an item key, code or total-row name names (side for
 * two-sided tables), or NULL. */
static const ys_drow *find_row(const ys_dtable *t, const char *side, const char *row)
{
	for (size_t k = 0; k < t->nrows; k++) {
		const ys_drow *r = &t->rows[k];

		if (side && r->side && strcmp(side, r->side))
			continue;
		if ((r->item && !strcmp(r->item, row)) || (r->code && !strcmp(r->code, row)) ||
		    (!r->code && !r->item && r->name && !strcmp(r->name, row)))
			return r;
	}
	return NULL;
}

/* The published column of template column `col` of tt, or -1. */
static int dcol_of(const ys_dtable *t, const ys_ttable *tt, int col)
{
	for (size_t k = 0; k < t->ncols; k++)
		if (tcol(tt, &t->cols[k]) == &tt->cols[col])
			return (int)k;
	return -1;
}

/* YS-T010 for rows: a sum_of row equals the sum of its rows, column by
 * column. */
static void recomputed_rows(ys_ck *c)
{
	const ys_disclosure *ds = c->ds;

	for (size_t i = 0; i < ds->ntables; i++) {
		const ys_dtable *t = &ds->tables[i];
		const ys_ttable *tt = t->id ? ys_template_table(c->tpl, t->id) : NULL;

		for (size_t k = 0; tt && tt->rows_by == YS_ROWS_ITEMS && k < t->nrows; k++) {
			const ys_drow *r = &t->rows[k];
			const ys_titem *it = titem(tt, r);

			if (!it || !it->nsum_of)
				continue;
			for (size_t col = 0; col < t->ncols; col++) {
				const ys_tcol *tc = tcol(tt, &t->cols[col]);
				int64_t want = 0;
				char what[600];

				if (!tc || tc->derive || !ys_drow_has_col(t, r, col))
					continue;
				for (int m = 0; m < it->nsum_of; m++) {
					const ys_drow *p = find_row(t, r->side, tt->items[it->sum_of[m]].item);

					want = add(want, ysck_val(p, (int)col));
				}
				snprintf(what, sizeof what, "%s %s/%s 应为其各组成行之和", t->title ? t->title : t->id,
					 r->name ? r->name : "", t->cols[col].label ? t->cols[col].label : t->cols[col].key);
				ysck_compare(c, "YS-T010", t, r, t->cols[col].key, want, ysck_val(r, (int)col), what);
			}
		}
	}
}

/* The value of cell ref in the disclosure; row_of stands for a ref with no
 * row (the row being checked: its item, code or name). */
static int64_t ref_value(ys_ck *c, const ys_cellref *ref, const ys_drow *row_of,
			 const ys_dtable **tout, const ys_drow **rout, int *cout)
{
	const ys_ttable *tt = &c->tpl->tables[ref->table];
	const ys_dtable *t = NULL;
	const ys_drow *r = NULL;
	int col;

	for (size_t i = 0; i < c->ds->ntables && !t; i++)
		if (c->ds->tables[i].id && !strcmp(c->ds->tables[i].id, tt->id))
			t = &c->ds->tables[i];
	if (!t || (col = dcol_of(t, tt, ref->col)) < 0)
		return 0;
	if (ref->row)
		r = find_row(t, ref->side, ref->row);
	else if (row_of)
		r = find_row(t, ref->side, row_of->item ? row_of->item : row_of->code ? row_of->code
							: row_of->name ? row_of->name : "");
	if (tout) {
		*tout = t;
		*rout = r;
		*cout = col;
	}
	return r ? ysck_val(r, col) : 0;
}

/* YS-T011: the template's identities between cells (identities:). One
 * with a cell that names no row holds in every row of that table. */
static void identities(ys_ck *c)
{
	for (size_t i = 0; i < c->tpl->nidentities; i++) {
		const ys_identity *id = &c->tpl->identities[i];
		const ys_dtable *t = NULL;
		const ys_drow *r;
		int col;
		size_t nrows = 1;

		ref_value(c, &id->equals, NULL, &t, &r, &col);
		if (!t)
			continue;
		if (!id->equals.row)
			nrows = t->nrows;
		for (size_t k = 0; k < nrows; k++) {
			const ys_drow *row_of = id->equals.row ? NULL : &t->rows[k];
			const ys_dtable *et;
			const ys_drow *er;
			int ec;
			int64_t want = 0, have;
			char what[700];

			if (row_of && (row_of->heading || (row_of->side && id->equals.side &&
							   strcmp(row_of->side, id->equals.side))))
				continue;
			have = ref_value(c, &id->equals, row_of, &et, &er, &ec);
			for (size_t p = 0; p < id->nplus; p++)
				want = add(want, ref_value(c, &id->plus[p], row_of, NULL, NULL, NULL));
			for (size_t p = 0; p < id->nminus; p++)
				want = sub(want, ref_value(c, &id->minus[p], row_of, NULL, NULL, NULL));
			if (!er || want == have)
				continue;
			snprintf(what, sizeof what, "%s %s%s%s/%s 不满足“%s”", et->title ? et->title : et->id,
				 er->code ? er->code : "", er->code ? " " : "", er->name ? er->name : "",
				 et->cols[ec].label ? et->cols[ec].label : et->cols[ec].key, id->name);
			ysck_compare(c, "YS-T011", et, er, et->cols[ec].key, want, have, what);
		}
	}
}

void ysck_rules_derived(ys_ck *c)
{
	dctx x = {.c = c};
	size_t *cand;

	if (!c->tpl)
		return;
	recomputed(c);
	recomputed_rows(c);
	identities(c);
	ys_qspace_init(&x.s, c->tpl, c->cat);
	if (collect(&x) < 0) {
		c->out->oom = 1;
		free(x.v);
		return;
	}
	if (!x.n) {
		free(x.v);
		return;
	}
	if (!(cand = malloc(x.n * sizeof *cand))) {
		c->out->oom = 1;
		free(x.v);
		return;
	}
	x.order = malloc(x.n * sizeof *x.order);
	x.pos = malloc(x.n * sizeof *x.pos);
	if (!x.order || !x.pos) {
		c->out->oom = 1;
		goto done;
	}
	for (size_t i = 0; i < x.n; i++) {
		x.v[i].h = qhash(&x.v[i].q);
		x.order[i] = i;
	}
	qsort_r(x.order, x.n, sizeof *x.order, by_hash, x.v);
	for (size_t i = 0; i < x.n; i++)
		x.pos[x.order[i]] = i;
	empties(&x);
	within(&x, cand);
	across(&x, cand);
	bounds(&x);
done:
	free(x.order);
	free(x.pos);
	free(cand);
	free(x.v);
}
