/*
 * build.c - cube + template → Disclosure tables.
 *
 * Rounding: each atom is converted to display units once (half away from
 * zero) and table cells are sums of those rounded atoms, so a total row
 * always equals the sum of its rows and the same figure is the same in
 * every table (the template's `rounding: atom`).
 */
#include "build.h"

#include <stdlib.h>
#include <string.h>

int ys_cell_measure(const ys_filter *table, const ys_filter *row, const ys_filter *col)
{
	if (row && row->measure)
		return row->measure;
	if (col && col->measure)
		return col->measure;
	return table ? table->measure : YS_MEASURE_BUDGET;
}

int ys_derive_value(ys_derive_op op, int64_t a, int64_t b, int decimals, int64_t *out)
{
	__int128 n, d = b, q, r, scale = 100;

	if (op == YS_DERIVE_DIFF)
		return ys_sub_ok(a, b, out);
	if (!b)
		return 0;
	for (int i = 0; i < decimals; i++)
		scale *= 10;
	n = ((__int128)a - (op == YS_DERIVE_PCT ? (__int128)b : 0)) * scale;
	if (d < 0) {
		n = -n;
		d = -d;
	}
	q = n / d;
	r = n % d;
	/* Half away from zero: a remainder of at least half of d. */
	if (r > 0 && r >= d - r)
		q++;
	else if (r < 0 && -r >= d + r)
		q--;
	if (q > INT64_MAX || q < -INT64_MAX)
		return 0;
	*out = (int64_t)q;
	return 1;
}

int ys_filter_match(const ys_filter *f, const ys_atom *a, const ys_budget *b)
{
	int ok;

	if (f->none)
		return 0;
	if (f->funds && !(f->funds & (1u << a->fund)))
		return 0;
	if (f->types && !(f->types & (1u << a->type)))
		return 0;
	if (f->carry >= 0 && f->carry != a->carry)
		return 0;
	if (f->eco_class && f->eco_class != a->eco_class)
		return 0;
	if (f->nfunc) {
		ok = 0;
		for (int i = 0; i < f->nfunc && !ok; i++)
			ok = ys_code_under(a->func, f->func[i]);
		if (!ok)
			return 0;
	}
	if (f->neco) {
		ok = 0;
		for (int i = 0; i < f->neco && !ok; i++)
			ok = ys_code_under(a->eco, f->eco[i]);
		if (!ok)
			return 0;
	}
	if (f->ntags) {
		const char *tag = a->tag ? b->tags.names[a->tag] : "";

		ok = 0;
		for (int i = 0; i < f->ntags && !ok; i++)
			ok = !strcmp(f->tags[i], tag);
		if (!ok)
			return 0;
	}
	return 1;
}

struct acc {
	ys_code code;
	int64_t *v;
};

struct build;
static ys_status fill_items(struct build *bd, const ys_ttable *tt, ys_dtable *dt,
			    const ys_atom *atoms, const int64_t *vals, size_t natoms);

/* Stride of the per-atom values of a collapsed table: one per measure. */
#define NM YS_NMEASURES

struct build {
	ys_disclosure *ds;
	const ys_template *t;
	const ys_budget *b;
	const ys_catalog *cat;
	const ys_cube *cube;
	int64_t *display[YS_NMEASURES];	/* per measure and atom, display units; NULL: absent */
	ys_diag *d;
};

static ys_status overflow(struct build *bd, const ys_ttable *tt)
{
	return ys_fail(bd->d, YS_ERANGE, bd->b->lines_path, 0, 0,
		       "表 %s 的合计超出范围（溢出）", tt->id);
}

static ys_drow *new_rows(struct build *bd, size_t n, size_t ncols)
{
	ys_drow *rows = ys_arena_alloc(&bd->ds->arena, (n + 1) * sizeof *rows);

	if (!rows)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		rows[i].values = ys_arena_alloc(&bd->ds->arena, (ncols + 1) * sizeof *rows[i].values);
		rows[i].has = ys_arena_alloc(&bd->ds->arena, ncols + 1);
		if (!rows[i].values || !rows[i].has)
			return NULL;
	}
	return rows;
}

static void set_has(ys_drow *r, size_t ncols)
{
	for (size_t c = 0; c < ncols; c++)
		r->has[c] = r->values[c] != 0;
}

static int row_nonzero(const ys_drow *r, size_t ncols)
{
	for (size_t c = 0; c < ncols; c++)
		if (r->values[c])
			return 1;
	return 0;
}

/* Fills the derived columns of row r from its other cells. */
static void derive_row(struct build *bd, const ys_ttable *tt, ys_drow *r)
{
	for (size_t c = 0; c < tt->ncols; c++) {
		const ys_tcol *col = &tt->cols[c];
		int64_t v = 0;

		if (!col->derive)
			continue;
		r->values[c] = 0;
		r->has[c] = 0;
		if (ys_derive_value(col->derive, r->values[col->derive_a], r->values[col->derive_b],
				    bd->t->decimals, &v)) {
			r->values[c] = v;
			r->has[c] = v != 0;
		}
	}
}

/* The finest code level any filter of an item table looks at (0: none). */
static int filter_depth(const ys_filter *f, int eco)
{
	int depth = 0, n = eco ? f->neco : f->nfunc;

	for (int i = 0; i < n; i++) {
		int dg = ys_code_digits(eco ? f->eco[i] : f->func[i]);

		if (dg > depth)
			depth = dg;
	}
	return depth;
}

static int table_depth(const ys_ttable *tt, int eco)
{
	int depth = filter_depth(&tt->filter, eco);

	for (size_t i = 0; i < tt->nitems; i++)
		if (filter_depth(&tt->items[i].filter, eco) > depth)
			depth = filter_depth(&tt->items[i].filter, eco);
	for (size_t c = 0; c < tt->ncols; c++)
		if (filter_depth(&tt->cols[c].filter, eco) > depth)
			depth = filter_depth(&tt->cols[c].filter, eco);
	return depth;
}

/*
 * An item table only looks at codes down to some level (T1: functional 类)
 * and never at projects, so its atoms are first merged to that grain: a
 * million line items over thousands of codes become a few hundred atoms,
 * and every item then scans those.
 */
static ys_status collapse(struct build *bd, const ys_ttable *tt, ys_atom **out,
			  int64_t **vals, size_t *n)
{
	int fd = table_depth(tt, 0), ed = table_depth(tt, 1);
	size_t nslots = 64, cap = 0;
	uint32_t *slots;
	ys_atom *v = NULL;
	int64_t *dv = NULL;

	while (nslots < bd->cube->n * 2 && nslots < ((size_t)1 << 24))
		nslots *= 2;
	slots = calloc(nslots, sizeof *slots);
	if (!slots)
		return YS_ENOMEM;
	*n = 0;
	for (size_t a = 0; a < bd->cube->n; a++) {
		ys_atom k = bd->cube->atoms[a];
		uint64_t h;
		size_t i;

		if (!ys_filter_match(&tt->filter, &k, bd->b))
			continue;
		k.func = fd ? ys_code_at(k.func, fd) : 0;
		k.eco = ed ? ys_code_at(k.eco, ed) : 0;
		k.project = 0;
		h = ((uint64_t)(uint32_t)k.func * 0x9E3779B97F4A7C15ULL) ^
		    ((uint64_t)(uint32_t)k.eco * 0xC2B2AE3D27D4EB4FULL) ^
		    ((uint64_t)k.fund << 40 | (uint64_t)k.type << 32 | (uint64_t)k.carry << 24 |
		     (uint64_t)k.tag << 16 | k.eco_class);
		h ^= h >> 29;
		i = (size_t)(h & (nslots - 1));
		while (slots[i]) {
			ys_atom *o = &v[slots[i] - 1];

			if (o->func == k.func && o->eco == k.eco && o->fund == k.fund &&
			    o->type == k.type && o->carry == k.carry && o->tag == k.tag &&
			    o->eco_class == k.eco_class)
				break;
			i = (i + 1) & (nslots - 1);
		}
		if (!slots[i]) {
			if (*n == cap) {
				size_t nc = cap ? cap * 2 : 256;
				ys_atom *nv = realloc(v, nc * sizeof *nv);
				int64_t *nd = realloc(dv, nc * NM * sizeof *nd);

				if (nv)
					v = nv;
				if (nd)
					dv = nd;
				if (!nv || !nd || *n + 1 >= nslots / 2) {
					free(slots);
					free(v);
					free(dv);
					return YS_ENOMEM;
				}
				cap = nc;
			}
			v[*n] = k;
			memset(&dv[*n * NM], 0, NM * sizeof *dv);
			slots[i] = (uint32_t)++*n;
		}
		for (int m = 0; m < NM; m++) {
			int64_t *sum = &dv[(size_t)(slots[i] - 1) * NM + (size_t)m];

			if (!bd->display[m])
				continue;
			if (!ys_add_ok(*sum, bd->display[m][a], sum)) {
				free(slots);
				free(v);
				free(dv);
				return overflow(bd, tt);
			}
		}
	}
	free(slots);
	*out = v;
	*vals = dv;
	return YS_OK;
}

static ys_status build_items(struct build *bd, const ys_ttable *tt, ys_dtable *dt)
{
	ys_atom *atoms = NULL;
	int64_t *vals = NULL;
	size_t natoms = 0;
	ys_status st = collapse(bd, tt, &atoms, &vals, &natoms);

	if (st != YS_OK)
		return st;
	st = fill_items(bd, tt, dt, atoms, vals, natoms);
	free(atoms);
	free(vals);
	return st;
}

static ys_status fill_items(struct build *bd, const ys_ttable *tt, ys_dtable *dt,
			    const ys_atom *atoms, const int64_t *vals, size_t natoms)
{
	dt->rows = new_rows(bd, tt->nitems, tt->ncols);
	if (!dt->rows)
		return YS_ENOMEM;
	dt->nrows = tt->nitems;
	for (size_t i = 0; i < tt->nitems; i++) {
		const ys_titem *it = &tt->items[i];
		ys_drow *r = &dt->rows[i];

		r->name = it->name;
		r->label = it->label;
		r->side = it->side;
		r->item = it->item;
		r->group = it->group;
		r->code = it->code;
		r->line = it->line;
		r->indent = it->indent;
		r->total = it->total;
		r->heading = it->heading;
		if (it->filter.none || it->nsum_of)
			continue;
		for (size_t a = 0; a < natoms; a++) {
			const ys_atom *at = &atoms[a];

			if (!ys_filter_match(&it->filter, at, bd->b))
				continue;
			for (size_t c = 0; c < tt->ncols; c++) {
				int m = ys_cell_measure(&tt->filter, &it->filter, &tt->cols[c].filter);

				if (tt->cols[c].derive)
					continue;
				if (tt->cols[c].side && it->side && strcmp(tt->cols[c].side, it->side))
					continue;
				if (!ys_filter_match(&tt->cols[c].filter, at, bd->b))
					continue;
				if (!ys_add_ok(r->values[c], vals[a * NM + (size_t)m], &r->values[c]))
					return overflow(bd, tt);
			}
		}
		set_has(r, tt->ncols);
		derive_row(bd, tt, r);
	}
	/* Rows that are sums of others (总计 over several measures). */
	for (size_t i = 0; i < tt->nitems; i++) {
		const ys_titem *it = &tt->items[i];
		ys_drow *r = &dt->rows[i];

		for (int k = 0; k < it->nsum_of; k++)
			for (size_t c = 0; c < tt->ncols; c++)
				if (!tt->cols[c].derive &&
				    !ys_add_ok(r->values[c], dt->rows[it->sum_of[k]].values[c], &r->values[c]))
					return overflow(bd, tt);
		if (it->nsum_of) {
			set_has(r, tt->ncols);
			derive_row(bd, tt, r);
		}
	}
	/* Fixed rows all zero (a unit without 三公 经费): the rows are printed
	 * as the template lays them out, with the empty-table note, as a code
	 * table without rows is. */
	for (size_t i = 0; i < dt->nrows; i++)
		if (row_nonzero(&dt->rows[i], tt->ncols))
			return YS_OK;
	dt->note = tt->empty_note ? tt->empty_note : "本表无数据，空表列示。";
	return YS_OK;
}

/* Code tables: accumulate every atom into its code and all its ancestors. */
struct codemap {
	struct acc *v;
	size_t n, cap;
	uint32_t *slots;
	size_t nslots;
	size_t ncols;
};

/* Returns the index of code's accumulator (creating it), or -1 when out of
 * memory. An index, not a pointer: inserting may move the array. */
static long codemap_get(struct codemap *m, ys_code code)
{
	size_t h;

	if ((m->n + 1) * 2 > m->nslots) {
		size_t ns = m->nslots ? m->nslots * 2 : 256;
		uint32_t *s = calloc(ns, sizeof *s);

		if (!s)
			return -1;
		for (size_t i = 0; i < m->n; i++) {
			size_t k = ((uint32_t)m->v[i].code * 2654435761u) & (ns - 1);

			while (s[k])
				k = (k + 1) & (ns - 1);
			s[k] = (uint32_t)i + 1;
		}
		free(m->slots);
		m->slots = s;
		m->nslots = ns;
	}
	h = ((uint32_t)code * 2654435761u) & (m->nslots - 1);
	while (m->slots[h]) {
		if (m->v[m->slots[h] - 1].code == code)
			return (long)m->slots[h] - 1;
		h = (h + 1) & (m->nslots - 1);
	}
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		struct acc *v = realloc(m->v, cap * sizeof *v);

		if (!v)
			return -1;
		m->v = v;
		m->cap = cap;
	}
	m->v[m->n].code = code;
	m->v[m->n].v = calloc(m->ncols + 1, sizeof(int64_t));
	if (!m->v[m->n].v)
		return -1;
	m->slots[h] = (uint32_t)++m->n;
	return (long)m->n - 1;
}

static void codemap_free(struct codemap *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->v[i].v);
	free(m->v);
	free(m->slots);
}

static int acc_cmp(const void *a, const void *b)
{
	return ys_code_cmp(((const struct acc *)a)->code, ((const struct acc *)b)->code);
}

static ys_status build_codes(struct build *bd, const ys_ttable *tt, ys_dtable *dt)
{
	struct codemap m = {0};
	int64_t *total = calloc(tt->ncols + 1, sizeof *total);
	ys_cat_kind kind = tt->rows_by == YS_ROWS_ECO ? YS_CAT_ECO : YS_CAT_FUNC;
	ys_status st = YS_OK;
	size_t nrows = 0;

	m.ncols = tt->ncols;
	if (!total)
		return YS_ENOMEM;
	for (size_t a = 0; a < bd->cube->n && st == YS_OK; a++) {
		const ys_atom *at = &bd->cube->atoms[a];
		ys_code code = kind == YS_CAT_ECO ? at->eco : at->func;
		long lv[3];
		int nlv = 0;

		if (!ys_filter_match(&tt->filter, at, bd->b))
			continue;
		for (ys_code c = code; c; c = ys_code_parent(c)) {
			if ((lv[nlv++] = codemap_get(&m, c)) < 0) {
				st = YS_ENOMEM;
				break;
			}
		}
		for (size_t c = 0; c < tt->ncols && st == YS_OK; c++) {
			int ms = ys_cell_measure(&tt->filter, NULL, &tt->cols[c].filter);
			int64_t v;

			if (tt->cols[c].derive || !bd->display[ms])
				continue;
			v = bd->display[ms][a];
			if (!ys_filter_match(&tt->cols[c].filter, at, bd->b))
				continue;
			if (!ys_add_ok(total[c], v, &total[c]))
				st = overflow(bd, tt);
			for (int k = 0; k < nlv && st == YS_OK; k++)
				if (!ys_add_ok(m.v[lv[k]].v[c], v, &m.v[lv[k]].v[c]))
					st = overflow(bd, tt);
		}
	}
	if (st != YS_OK)
		goto out;
	if (m.n)
		qsort(m.v, m.n, sizeof *m.v, acc_cmp);
	dt->rows = new_rows(bd, m.n + 1, tt->ncols);
	if (!dt->rows) {
		st = YS_ENOMEM;
		goto out;
	}
	dt->rows[0].name = tt->total_row;
	dt->rows[0].total = 1;
	memcpy(dt->rows[0].values, total, tt->ncols * sizeof *total);
	set_has(&dt->rows[0], tt->ncols);
	derive_row(bd, tt, &dt->rows[0]);
	nrows = 1;
	for (size_t i = 0; i < m.n; i++) {
		ys_drow *r = &dt->rows[nrows];
		const ys_cat_entry *e = ys_catalog_find(bd->cat, kind, m.v[i].code);
		char code[8];

		memcpy(r->values, m.v[i].v, tt->ncols * sizeof *total);
		if (!row_nonzero(r, tt->ncols))
			continue;
		set_has(r, tt->ncols);
		derive_row(bd, tt, r);
		r->code = ys_arena_strdup(&bd->ds->arena, ys_code_str(m.v[i].code, code));
		r->name = e ? e->name : "（科目表中没有此编码）";
		r->indent = (ys_code_digits(m.v[i].code) - 3) / 2;
		nrows++;
	}
	if (nrows == 1) {
		/* Nothing in this table: published as an empty table with a note. */
		nrows = 0;
		dt->note = tt->empty_note ? tt->empty_note : "本表无数据，空表列示。";
	}
	dt->nrows = nrows;
out:
	codemap_free(&m);
	free(total);
	return st;
}

ys_status ys_build_disclosure(ys_disclosure *ds, const ys_template *t,
			      const ys_budget *b, const ys_catalog *cat,
			      const ys_cube *cube, ys_diag *d)
{
	struct build bd = {ds, t, b, cat, cube, {NULL}, d};
	ys_status st = YS_OK;
	int pm;

	ds->year = b->year;
	ds->unit_code = b->unit_code;
	ds->unit_name = b->unit_name;
	ds->money_unit = t->money_unit;
	ds->kind = t->kind;	/* budget 预算 or final 决算 */
	ds->decimals = t->decimals;
	ds->template_name = t->id;
	ds->source = b->dir;
	for (int m = 0; m < YS_NMEASURES; m++) {
		if (m && !cube->mamount[m])
			continue;
		bd.display[m] = malloc((cube->n + 1) * sizeof *bd.display[m]);
		if (!bd.display[m]) {
			st = YS_ENOMEM;
			goto out;
		}
		for (size_t a = 0; a < cube->n; a++)
			bd.display[m][a] = ys_div_round(ys_cube_value(cube, a, m), t->fen_per_display);
	}
	ds->tables = ys_arena_alloc(&ds->arena, (t->ntables + 1) * sizeof *ds->tables);
	if (!ds->tables) {
		st = YS_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < t->ntables && st == YS_OK; i++) {
		const ys_ttable *tt = &t->tables[i];
		ys_dtable *dt = &ds->tables[i];

		dt->id = tt->id;
		dt->title = tt->title;
		dt->number = tt->number;
		dt->no_seq = !tt->seq;
		dt->no_numbering = !tt->numbering;
		dt->two_sided = tt->two_sided;
		dt->ncols = tt->ncols;
		dt->cols = ys_arena_alloc(&ds->arena, (tt->ncols + 1) * sizeof *dt->cols);
		if (!dt->cols) {
			st = YS_ENOMEM;
			break;
		}
		for (size_t c = 0; c < tt->ncols; c++) {
			dt->cols[c].key = tt->cols[c].key;
			dt->cols[c].label = tt->cols[c].label;
			dt->cols[c].side = tt->cols[c].side;
		}
		st = tt->rows_by == YS_ROWS_ITEMS ? build_items(&bd, tt, dt)
						  : build_codes(&bd, tt, dt);
		ds->ntables++;
	}
	if (st != YS_OK || (t->empty_tables_note && (st = ys_build_tables_note(ds, t)) != YS_OK))
		goto out;
	/* Performance targets travel with the disclosure as the bundle has
	 * them; each project's budget is the sum of its line items. */
	ds->perf = ys_arena_alloc(&ds->arena, (b->nprojects + 1) * sizeof *ds->perf);
	if (!ds->perf) {
		st = YS_ENOMEM;
		goto out;
	}
	/* Final accounts state a project's 全年预算 when they have one. */
	pm = t->kind && !strcmp(t->kind, "final") && bd.display[YS_MEASURE_ADJUSTED]
		     ? YS_MEASURE_ADJUSTED : YS_MEASURE_BUDGET;
	for (size_t i = 0; i < b->nprojects; i++) {
		ys_dperf *p = &ds->perf[i];
		uint32_t idx = ys_intern_find(&b->project_names, b->projects[i].name);

		p->scope = "project";
		p->name = b->projects[i].name;
		p->goal = b->projects[i].goal;
		p->indicators = b->projects[i].indicators;
		p->nindicators = b->projects[i].nindicators;
		for (size_t a = 0; idx && a < cube->n; a++)
			if (cube->atoms[a].project == idx) {
				if (!ys_add_ok(p->budget, bd.display[pm][a], &p->budget)) {
					st = ys_fail(d, YS_ERANGE, b->lines_path, 0, 0, "项目金额溢出");
					goto out;
				}
				p->has_budget = 1;
			}
	}
	ds->nperf = b->nprojects;
out:
	for (int m = 0; m < YS_NMEASURES; m++)
		free(bd.display[m]);
	if (st == YS_ENOMEM)
		st = ys_fail(d, YS_ENOMEM, b->dir, 0, 0, "内存不足");
	return st;
}
