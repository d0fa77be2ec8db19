/*
 * query.c - cell queries as normalised sets and the relations between them
 * (query.h). Normal form: masks clipped to the universe, prefix sets sorted
 * with no prefix under another, and the economic class narrowed to the
 * classes the economic prefixes can have (so that "30201, any class" and
 * "30201, 公用经费" are the same set). The disjoint-union test splits the
 * whole along one dimension at a time into atoms until every atom is one
 * part or empty.
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>

static uint32_t full_mask(int n)
{
	return n >= 32 ? 0xffffffffu : n > 0 ? (1u << n) - 1 : 0xffffffffu;
}

void ys_qspace_init(ys_qspace *s, const ys_template *t, const ys_catalog *cat)
{
	memset(s, 0, sizeof *s);
	s->cat = cat;
	s->all_funds = full_mask(cat ? cat->nfunds : 32);
	s->all_types = full_mask(cat ? cat->ntypes : 32);
	for (size_t i = 0; t && i < t->ntables; i++) {
		const ys_ttable *tt = &t->tables[i];
		const ys_filter *fs[1 + 64];
		size_t nf = 0;

		fs[nf++] = &tt->filter;
		for (size_t k = 0; k < tt->ncols && nf < 65; k++)
			fs[nf++] = &tt->cols[k].filter;
		for (size_t k = 0; k < nf; k++)
			for (int m = 0; m < fs[k]->ntags; m++) {
				int j = 0;

				while (j < s->ntags && strcmp(s->tags[j], fs[k]->tags[m]))
					j++;
				if (j == s->ntags && s->ntags < YS_QUERY_MAXTAGS)
					s->tags[s->ntags++] = fs[k]->tags[m];
			}
		for (size_t k = 0; k < tt->nitems; k++)
			for (int m = 0; m < tt->items[k].filter.ntags; m++) {
				const char *tag = tt->items[k].filter.tags[m];
				int j = 0;

				while (j < s->ntags && strcmp(s->tags[j], tag))
					j++;
				if (j == s->ntags && s->ntags < YS_QUERY_MAXTAGS)
					s->tags[s->ntags++] = tag;
			}
	}
	/* A template states the fund sources and expenditure types its tables
	 * cover (`universe:`): hebei's 支出总表 adds up over 基本支出 and 项目
	 * 支出, Jiangsu's over those and 单位预留机动经费, whatever other types
	 * the catalog knows. */
	if (t && t->has_universe && t->universe.funds)
		s->all_funds &= t->universe.funds;
	if (t && t->has_universe && t->universe.types)
		s->all_types &= t->universe.types;
}

static uint32_t all_tags(const ys_qspace *s)
{
	return s->ntags ? full_mask(s->ntags) : 1u;
}

void ys_query_all(ys_query *q, const ys_qspace *s)
{
	memset(q, 0, sizeof *q);
	q->funds = s->all_funds;
	q->types = s->all_types;
	q->carry = YS_Q_CURRENT | YS_Q_CARRYOVER;
	q->func_any = q->eco_any = 1;
	q->eco_class = YS_Q_CLASS_ALL;
	q->tags = all_tags(s);
	q->measure = YS_Q_ANY_MEASURE;
}

/* The measure a query means: a query that never named one is the budget's. */
static int qmeasure(const ys_query *q)
{
	return q->measure == YS_Q_ANY_MEASURE ? YS_MEASURE_BUDGET : q->measure;
}

/* The classes an economic code under prefix can have. */
static unsigned eco_classes(ys_code prefix, const ys_qspace *s)
{
	unsigned m = 0;

	if (!s->cat || !s->cat->neco) {
		/* Without a catalog: 301 and 303 are personnel, the rest public. */
		ys_code cl = ys_code_at(prefix, 3);

		return cl == 301 || cl == 303 ? YS_Q_CLASS_PERSONNEL : YS_Q_CLASS_PUBLIC;
	}
	for (size_t i = 0; i < s->cat->neco; i++)
		if (ys_code_under(s->cat->eco[i].code, prefix) ||
		    ys_code_under(prefix, s->cat->eco[i].code))
			if (ys_code_digits(s->cat->eco[i].code) >= ys_code_digits(prefix))
				m |= 1u << s->cat->eco[i].basic_class;
	/* A code the catalog does not know keeps every class. */
	return m ? m : YS_Q_CLASS_ALL;
}

static int cmp_code(const void *a, const void *b)
{
	ys_code x = *(const ys_code *)a, y = *(const ys_code *)b;

	return ys_code_cmp(x, y);
}

/* Sorts, drops duplicates and prefixes under another member. */
static int norm_prefixes(ys_code *v, int n)
{
	int out = 0;

	qsort(v, (size_t)n, sizeof *v, cmp_code);
	for (int i = 0; i < n; i++) {
		int covered = 0;

		for (int k = 0; k < out && !covered; k++)
			if (ys_code_under(v[i], v[k]))
				covered = 1;
		if (!covered)
			v[out++] = v[i];
	}
	return out;
}

static void normalise(ys_query *q, const ys_qspace *s)
{
	q->funds &= s->all_funds;
	q->types &= s->all_types;
	q->tags &= all_tags(s);
	q->eco_class &= YS_Q_CLASS_ALL;
	if (!q->func_any)
		q->nfunc = norm_prefixes(q->func, q->nfunc);
	if (!q->eco_any) {
		unsigned m = 0;

		q->neco = norm_prefixes(q->eco, q->neco);
		for (int i = 0; i < q->neco; i++)
			m |= eco_classes(q->eco[i], s);
		q->eco_class &= m;
	} else if (s->cat && s->cat->neco) {
		unsigned m = 0;

		for (size_t i = 0; i < s->cat->neco; i++)
			m |= 1u << s->cat->eco[i].basic_class;
		q->eco_class &= m;
	}
}

/* v ∩= w (prefix sets): the deeper of every comparable pair. */
static int and_prefixes(int *any, ys_code *v, int *n, int w_any, const ys_code *w,
			int nw)
{
	ys_code out[YS_QUERY_MAXPREFIX];
	int k = 0;

	if (w_any)
		return 1;
	if (*any) {
		*any = 0;
		memcpy(v, w, (size_t)nw * sizeof *w);
		*n = nw;
		return 1;
	}
	for (int i = 0; i < *n; i++)
		for (int j = 0; j < nw; j++) {
			ys_code c = ys_code_under(v[i], w[j]) ? v[i] :
				    ys_code_under(w[j], v[i]) ? w[j] : 0;

			if (!c)
				continue;
			if (k == YS_QUERY_MAXPREFIX)
				return 0;
			out[k++] = c;
		}
	memcpy(v, out, (size_t)k * sizeof *v);
	*n = k;
	return 1;
}

void ys_query_and(ys_query *out, const ys_query *a, const ys_query *b,
		  const ys_qspace *s)
{
	ys_query r = *a;

	r.none = a->none || b->none;
	r.inexact = a->inexact || b->inexact;
	r.funds &= b->funds;
	r.types &= b->types;
	r.carry &= b->carry;
	r.eco_class &= b->eco_class;
	r.tags &= b->tags;
	if (r.measure == YS_Q_ANY_MEASURE)
		r.measure = b->measure;
	else if (b->measure != YS_Q_ANY_MEASURE && a->measure != b->measure)
		r.none = 1;
	if (!and_prefixes(&r.func_any, r.func, &r.nfunc, b->func_any, b->func, b->nfunc) ||
	    !and_prefixes(&r.eco_any, r.eco, &r.neco, b->eco_any, b->eco, b->neco))
		r.inexact = 1;
	normalise(&r, s);
	*out = r;
}

void ys_query_and_filter(ys_query *q, const ys_filter *f, const ys_qspace *s)
{
	ys_query g;

	ys_query_all(&g, s);
	if (f->none)
		g.none = 1;
	if (f->funds)
		g.funds = f->funds;
	if (f->types)
		g.types = f->types;
	if (f->carry == 0)
		g.carry = YS_Q_CURRENT;
	else if (f->carry == 1)
		g.carry = YS_Q_CARRYOVER;
	if (f->nfunc > 0) {
		g.func_any = 0;
		if (f->nfunc > YS_QUERY_MAXPREFIX)
			g.inexact = 1;
		else
			memcpy(g.func, f->func, (size_t)f->nfunc * sizeof *g.func);
		g.nfunc = f->nfunc > YS_QUERY_MAXPREFIX ? 0 : f->nfunc;
	}
	if (f->neco > 0) {
		g.eco_any = 0;
		if (f->neco > YS_QUERY_MAXPREFIX)
			g.inexact = 1;
		else
			memcpy(g.eco, f->eco, (size_t)f->neco * sizeof *g.eco);
		g.neco = f->neco > YS_QUERY_MAXPREFIX ? 0 : f->neco;
	}
	if (f->eco_class)
		g.eco_class = 1u << f->eco_class;
	if (f->ntags > 0) {
		g.tags = 0;
		for (int i = 0; i < f->ntags; i++) {
			int j = 0;

			while (j < s->ntags && strcmp(s->tags[j], f->tags[i]))
				j++;
			if (j < s->ntags)
				g.tags |= 1u << j;
			else
				g.inexact = 1;
		}
	}
	ys_query_and(q, q, &g, s);
}

void ys_query_and_code(ys_query *q, int eco, ys_code prefix, const ys_qspace *s)
{
	ys_query g;

	ys_query_all(&g, s);
	if (eco) {
		g.eco_any = 0;
		g.eco[0] = prefix;
		g.neco = 1;
	} else {
		g.func_any = 0;
		g.func[0] = prefix;
		g.nfunc = 1;
	}
	ys_query_and(q, q, &g, s);
}

int ys_query_empty(const ys_query *q, const ys_qspace *s)
{
	(void)s;
	return q->none || !q->funds || !q->types || !q->carry || !q->eco_class ||
	       !q->tags || (!q->func_any && !q->nfunc) || (!q->eco_any && !q->neco);
}

static int same_prefixes(int a_any, const ys_code *a, int na, int b_any,
			 const ys_code *b, int nb)
{
	if (a_any || b_any)
		return a_any == b_any;
	return na == nb && !memcmp(a, b, (size_t)na * sizeof *a);
}

int ys_query_equal(const ys_query *a, const ys_query *b, const ys_qspace *s)
{
	int ea = ys_query_empty(a, s), eb = ys_query_empty(b, s);

	if (ea || eb)
		return ea == eb;
	return a->funds == b->funds && a->types == b->types && a->carry == b->carry &&
	       a->eco_class == b->eco_class && a->tags == b->tags &&
	       qmeasure(a) == qmeasure(b) &&
	       same_prefixes(a->func_any, a->func, a->nfunc, b->func_any, b->func, b->nfunc) &&
	       same_prefixes(a->eco_any, a->eco, a->neco, b->eco_any, b->eco, b->neco);
}

int ys_query_disjoint(const ys_query *a, const ys_query *b, const ys_qspace *s)
{
	ys_query x;

	ys_query_and(&x, a, b, s);
	return ys_query_empty(&x, s);
}

static int prefixes_inside(int a_any, const ys_code *a, int na, int b_any,
			   const ys_code *b, int nb)
{
	if (b_any)
		return 1;
	if (a_any)
		return 0;
	for (int i = 0; i < na; i++) {
		int in = 0;

		for (int k = 0; k < nb && !in; k++)
			in = ys_code_under(a[i], b[k]);
		if (!in)
			return 0;
	}
	return 1;
}

/* Both are products of their dimensions, so a ⊆ b dimension by dimension
 * (the checker asks this for every pair of cells: no intersection built). */
int ys_query_subset(const ys_query *a, const ys_query *b, const ys_qspace *s)
{
	if (ys_query_empty(a, s))
		return 1;
	if (ys_query_empty(b, s) || qmeasure(a) != qmeasure(b))
		return 0;
	return !(a->funds & ~b->funds) && !(a->types & ~b->types) &&
	       !(a->carry & ~b->carry) && !(a->eco_class & ~b->eco_class) &&
	       !(a->tags & ~b->tags) &&
	       prefixes_inside(a->func_any, a->func, a->nfunc, b->func_any, b->func, b->nfunc) &&
	       prefixes_inside(a->eco_any, a->eco, a->neco, b->eco_any, b->eco, b->neco);
}

/* Dimensions the union test splits along. */
enum { D_FUNDS, D_TYPES, D_CARRY, D_CLASS, D_TAGS, D_FUNC, D_ECO, D_N };

static uint32_t *mask_of(ys_query *q, int d)
{
	switch (d) {
	case D_FUNDS: return &q->funds;
	case D_TYPES: return &q->types;
	case D_CARRY: return (uint32_t *)&q->carry;
	case D_CLASS: return (uint32_t *)&q->eco_class;
	default: return &q->tags;
	}
}

#define MAX_ATOMS 256
#define MAX_PARTS 64

/* The atoms a prefix dimension of a splits into given the parts: each
 * member of a's set alone when it has several; else its children (the
 * prefixes the parts name right below it, or the space's children). */
static int prefix_atoms(const ys_query *a, const ys_query *const *parts, int n,
			int eco, const ys_qspace *s, ys_code *atoms)
{
	int any = eco ? a->eco_any : a->func_any;
	int na = eco ? a->neco : a->nfunc;
	const ys_code *av = eco ? a->eco : a->func;
	ys_code p = any ? 0 : av[0];
	ys_code named[MAX_ATOMS];
	int nn = 0, k = 0;

	if (!any && na > 1) {
		memcpy(atoms, av, (size_t)na * sizeof *av);
		return na;
	}
	if (s->children)
		return s->children(s->ctx, eco, p, atoms, MAX_ATOMS);
	for (int i = 0; i < n; i++) {
		int pany = eco ? parts[i]->eco_any : parts[i]->func_any;
		int np = eco ? parts[i]->neco : parts[i]->nfunc;
		const ys_code *pv = eco ? parts[i]->eco : parts[i]->func;

		for (int j = 0; !pany && j < np && nn < MAX_ATOMS; j++)
			if (pv[j] != p && (!p || ys_code_under(pv[j], p)))
				named[nn++] = pv[j];
	}
	/* The named prefixes closest to p. */
	for (int i = 0; i < nn; i++) {
		int below = 0, dup = 0;

		for (int j = 0; j < nn && !below; j++)
			if (named[j] != named[i] && ys_code_under(named[i], named[j]))
				below = 1;
		for (int j = 0; j < k && !dup; j++)
			if (atoms[j] == named[i])
				dup = 1;
		if (!below && !dup)
			atoms[k++] = named[i];
	}
	return k;
}

static int covers(const ys_query *a, const ys_query *const *parts, int n,
		  const ys_qspace *s, int depth)
{
	if (ys_query_empty(a, s))
		return 1;
	if (!n || depth > 64)
		return 0;
	for (int i = 0; i < n; i++)
		if (ys_query_equal(parts[i], a, s))
			return 1;
	for (int d = 0; d < D_N; d++) {
		ys_code atoms[MAX_ATOMS];
		int natoms = 0, differs = 0;

		for (int i = 0; i < n && !differs; i++) {
			if (d == D_FUNC)
				differs = !same_prefixes(a->func_any, a->func, a->nfunc,
							 parts[i]->func_any, parts[i]->func, parts[i]->nfunc);
			else if (d == D_ECO)
				differs = !same_prefixes(a->eco_any, a->eco, a->neco,
							 parts[i]->eco_any, parts[i]->eco, parts[i]->neco);
			else
				differs = *mask_of((ys_query *)parts[i], d) != *mask_of((ys_query *)a, d);
		}
		if (!differs)
			continue;
		if (d == D_FUNC || d == D_ECO) {
			natoms = prefix_atoms(a, parts, n, d == D_ECO, s, atoms);
		} else {
			uint32_t m = *mask_of((ys_query *)a, d);

			for (int b = 0; b < 32; b++)
				if (m & (1u << b))
					atoms[natoms++] = (ys_code)b;
			if (natoms < 2)
				continue;
		}
		if (!natoms)
			continue;
		for (int t = 0; t < natoms; t++) {
			ys_query sub = *a, g;
			const ys_query *sp[MAX_PARTS];
			ys_query spv[MAX_PARTS];
			int ns = 0;

			ys_query_all(&g, s);
			if (d == D_FUNC || d == D_ECO) {
				ys_query_and_code(&sub, d == D_ECO, atoms[t], s);
			} else {
				*mask_of(&g, d) = 1u << atoms[t];
				ys_query_and(&sub, &sub, &g, s);
			}
			/* No progress along this dimension: try the next. */
			if (natoms == 1 && ys_query_equal(&sub, a, s))
				goto next_dim;
			for (int i = 0; i < n && ns < MAX_PARTS; i++) {
				ys_query_and(&spv[ns], parts[i], &sub, s);
				if (!ys_query_empty(&spv[ns], s)) {
					sp[ns] = &spv[ns];
					ns++;
				}
			}
			if (!covers(&sub, sp, ns, s, depth + 1))
				return 0;
		}
		return 1;
next_dim:;
	}
	return 0;
}

int ys_query_union_of(const ys_query *a, const ys_query *const *parts, int n,
		      const ys_qspace *s)
{
	const ys_query *live[MAX_PARTS];
	int nl = 0;

	if (a->inexact || n > MAX_PARTS)
		return 0;
	for (int i = 0; i < n; i++) {
		if (parts[i]->inexact)
			return 0;
		if (ys_query_empty(parts[i], s))
			continue;
		if (!ys_query_subset(parts[i], a, s))
			return 0;
		for (int k = 0; k < nl; k++)
			if (!ys_query_disjoint(parts[i], live[k], s))
				return 0;
		live[nl++] = parts[i];
	}
	return covers(a, live, nl, s, 0);
}
