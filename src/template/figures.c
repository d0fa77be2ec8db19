/*
 * figures.c - loading and evaluating the template's named narrative
 * figures. A figure is computed the way the tables are (each cube atom
 * rounded to display units once, then summed), so a figure equals the
 * table cell that holds the same facts; the C knows kinds of figures, never
 * their names, which are the template's.
 */
#include "figures.h"

#include <stdlib.h>
#include <string.h>

#include "../base/money.h"
#include "build.h"

#define FIG_DEPTH 8

static ys_status bad(ys_template *t, ys_ynode *n, ys_diag *d, const char *msg, const char *what)
{
	return ys_fail(d, YS_EINPUT, t->path, ys_yaml_line(n), ys_yaml_col(n), msg, what);
}

static ys_status strs(ys_template *t, ys_yaml *y, ys_ynode *n, const char *what,
		      const char ***out, size_t *count, ys_diag *d)
{
	size_t len;

	*out = NULL;
	*count = 0;
	if (!n)
		return YS_OK;
	if (ys_yaml_str(n)) {	/* one word for a list of one */
		if (!(*out = ys_arena_alloc(&t->arena, 2 * sizeof **out)) ||
		    !((*out)[0] = ys_arena_strdup(&t->arena, ys_yaml_str(n))))
			return YS_ENOMEM;
		*count = 1;
		return YS_OK;
	}
	if (!ys_yaml_is_seq(n))
		return bad(t, n, d, "figures 中的“%s”应为文本列表", what);
	len = ys_yaml_seq_len(n);
	if (!(*out = ys_arena_alloc(&t->arena, (len + 1) * sizeof **out)))
		return YS_ENOMEM;
	for (size_t i = 0; i < len; i++) {
		const char *s = ys_yaml_str(ys_yaml_seq_at(y, n, i));

		if (!s)
			return bad(t, ys_yaml_seq_at(y, n, i), d, "“%s”的每一项应为文本", what);
		if (!((*out)[i] = ys_arena_strdup(&t->arena, s)))
			return YS_ENOMEM;
	}
	*count = len;
	return YS_OK;
}

/* The first key of mapping n that is not in known (its value node in
 * *at, for the error's line), or NULL when every key is known. */
static const char *unknown_key(ys_yaml *y, ys_ynode *n, const char *const *known,
			       ys_ynode **at)
{
	for (size_t i = 0; i < ys_yaml_map_len(n); i++) {
		const char *k;
		int ok = 0;

		*at = ys_yaml_map_at(y, n, i, &k);
		for (const char *const *p = known; *p; p++)
			ok |= !strcmp(*p, k);
		if (!ok)
			return k;
	}
	return NULL;
}

static ys_status one_cell(ys_template *t, ys_yaml *y, ys_ynode *n, ys_fcell *fc, ys_diag *d)
{
	static const char *const known[] = {"table", "row", "col", "side", NULL};
	const char *s, *k;
	ys_ynode *kn;

	if (!ys_yaml_is_map(n))
		return bad(t, n, d, "cell 应为 {table, row, col} 映射%s", "");
	if ((k = unknown_key(y, n, known, &kn)))
		return bad(t, kn, d, "cell 中的“%s”不是可识别的字段（table, row, col, side）", k);
	fc->table = ys_yaml_get_str(y, n, "table");
	fc->row = ys_yaml_get_str(y, n, "row");
	fc->col = ys_yaml_get_str(y, n, "col");
	if (!fc->table || !fc->row || !fc->col)
		return bad(t, n, d, "cell 需要 table、row 和 col%s", "");
	if (!ys_template_table(t, fc->table))
		return bad(t, n, d, "cell 引用的表格“%s”不在模板中", fc->table);
	fc->table = ys_arena_strdup(&t->arena, fc->table);
	fc->row = ys_arena_strdup(&t->arena, fc->row);
	fc->col = ys_arena_strdup(&t->arena, fc->col);
	if ((s = ys_yaml_get_str(y, n, "side")))
		fc->side = ys_arena_strdup(&t->arena, s);
	return fc->table && fc->row && fc->col ? YS_OK : YS_ENOMEM;
}

/* `cell:` is one cell or a list of cells (all accepted by check). */
static ys_status cells(ys_template *t, ys_yaml *y, ys_ynode *n, ys_fcell **out,
		       size_t *count, ys_diag *d)
{
	size_t len = ys_yaml_is_seq(n) ? ys_yaml_seq_len(n) : 1;
	ys_status st;

	if (!(*out = ys_arena_alloc(&t->arena, (len + 1) * sizeof **out)))
		return YS_ENOMEM;
	memset(*out, 0, (len + 1) * sizeof **out);
	for (size_t i = 0; i < len; i++)
		if ((st = one_cell(t, y, ys_yaml_is_seq(n) ? ys_yaml_seq_at(y, n, i) : n,
				   &(*out)[i], d)))
			return st;
	*count = len;
	return YS_OK;
}

static ys_status one_figure(ys_template *t, ys_yaml *y, ys_ynode *n, ys_tfigure *f,
			    const ys_catalog *cat, ys_diag *d)
{
	static const char *const known[] = {"name", "query", "nature", "cell", "sum", "diff",
		"bundle", "by", "phrases", "not_after", "only_if_equal", "row_labels", "share", NULL};
	const char *s, *name, *k;
	ys_ynode *kn;
	size_t len, nkinds = 0;
	ys_status st;

	if (!ys_yaml_is_map(n))
		return bad(t, n, d, "figures 的每一项应为映射%s", "");
	if ((k = unknown_key(y, n, known, &kn)))
		return bad(t, kn, d,
			   "figures 中的“%s”不是可识别的字段（name, query, nature, cell, sum, diff, bundle, by, phrases, not_after, only_if_equal, row_labels, share）", k);
	f->line = ys_yaml_line(n);
	if (!(name = ys_yaml_get_str(y, n, "name")) || !*name)
		return bad(t, n, d, "figures 的每一项需要 name%s", "");
	len = strlen(name);
	if (name[len - 1] == '*') {
		len--;
		if (!(s = ys_yaml_get_str(y, n, "by")))
			return bad(t, n, d, "族“%s”需要 by（func、eco、fund 或 type）", name);
		f->family = !strcmp(s, "func") ? YS_FAM_FUNC : !strcmp(s, "eco") ? YS_FAM_ECO :
			    !strcmp(s, "fund") ? YS_FAM_FUND : !strcmp(s, "type") ? YS_FAM_TYPE :
			    YS_FAM_NONE;
		if (f->family == YS_FAM_NONE)
			return bad(t, ys_yaml_get(y, n, "by"), d,
				   "by 应为 func、eco、fund 或 type，而不是“%s”", s);
	} else if (ys_yaml_get(y, n, "by")) {
		return bad(t, ys_yaml_get(y, n, "by"), d, "只有以“*”结尾的族才有 by：“%s”", name);
	}
	if (!(f->name = ys_arena_strndup(&t->arena, name, len)))
		return YS_ENOMEM;
	f->filter.carry = -1;
	if (ys_yaml_get(y, n, "query")) {
		f->kind = YS_FIG_QUERY;
		nkinds++;
		if ((st = ys_template_parse_filter(t, y, ys_yaml_get(y, n, "query"), cat, &f->filter, d)))
			return st;
	}
	if (ys_yaml_get(y, n, "sum") || ys_yaml_get(y, n, "diff")) {
		f->kind = YS_FIG_SUM;
		f->diff = ys_yaml_get(y, n, "diff") != NULL;
		nkinds += 1 + (ys_yaml_get(y, n, "sum") && f->diff);
		if ((st = strs(t, y, ys_yaml_get(y, n, f->diff ? "diff" : "sum"), "sum", &f->parts,
			       &f->nparts, d)))
			return st;
		if (!f->nparts)
			return bad(t, n, d, "figure“%s”的 sum/diff 为空", name);
	}
	if ((s = ys_yaml_get_str(y, n, "bundle"))) {
		static const char *const facts[] = {"procurement", "procurement.goods",
			"procurement.works", "procurement.services", "assets.total",
			"planned_purchase", "previous.total", "previous.basic",
			"previous.project", "previous.three_public", NULL};
		int ok = 0;

		for (const char *const *p = facts; *p; p++)
			ok |= !strcmp(*p, s);
		if (!ok)
			return bad(t, ys_yaml_get(y, n, "bundle"), d,
				   "bundle 应为数据包中的一项（procurement[.goods|.works|.services]、assets.total、planned_purchase、previous.total|basic|project|three_public），而不是“%s”", s);
		f->kind = YS_FIG_BUNDLE;
		f->bundle = ys_arena_strdup(&t->arena, s);
		nkinds++;
	}
	if (ys_yaml_get(y, n, "cell")) {
		if ((st = cells(t, y, ys_yaml_get(y, n, "cell"), &f->cells, &f->ncells, d)))
			return st;
		if (!nkinds++)
			f->kind = YS_FIG_CELL;
		else
			nkinds--;	/* a query's cell: where check finds it */
	}
	if (nkinds != 1)
		return bad(t, n, d, "figure“%s”应正好有 query、cell、sum/diff、bundle 之一", name);
	if (f->family && f->kind != YS_FIG_QUERY)
		return bad(t, n, d, "族“%s”应为 query", name);
	if ((st = strs(t, y, ys_yaml_get(y, n, "nature"), "nature", &f->natures, &f->nnatures, d)) ||
	    (st = strs(t, y, ys_yaml_get(y, n, "phrases"), "phrases", &f->phrases, &f->nphrases, d)) ||
	    (st = strs(t, y, ys_yaml_get(y, n, "not_after"), "not_after", &f->not_after,
		       &f->nnot_after, d)))
		return st;
	if ((st = strs(t, y, ys_yaml_get(y, n, "row_labels"), "row_labels", &f->row_labels,
		       &f->nrow_labels, d)))
		return st;
	if ((s = ys_yaml_get_str(y, n, "share"))) {
		f->share = !strcmp(s, "part") ? 1 : !strcmp(s, "whole") ? 2 : 0;
		if (!f->share)
			return bad(t, ys_yaml_get(y, n, "share"), d,
				   "share 应为 part 或 whole，而不是“%s”", s);
	}
	if (ys_yaml_get(y, n, "only_if_equal")) {
		size_t nc = 0;

		if ((st = cells(t, y, ys_yaml_get(y, n, "only_if_equal"), &f->only_if_equal, &nc, d)))
			return st;
		if (nc != 2)
			return bad(t, ys_yaml_get(y, n, "only_if_equal"), d,
				   "only_if_equal 应为两个单元格%s", "");
	}
	if (f->nphrases && !f->ncells && f->kind != YS_FIG_SUM)
		return bad(t, n, d, "figure“%s”有 phrases 但没有 cell：check 无从比较", name);
	return YS_OK;
}

/* The sections' ids, titles and recognition words (the narrative reads
 * their texts itself, with the budget). */
static ys_status load_sections(ys_template *t, ys_yaml *y, ys_ynode *n,
			       struct ys_tfigures *fs, ys_diag *d)
{
	size_t len = ys_yaml_is_seq(n) ? ys_yaml_seq_len(n) : 0;
	ys_status st;

	if (!(fs->sections = ys_arena_alloc(&t->arena, (len + 1) * sizeof *fs->sections)))
		return YS_ENOMEM;
	memset(fs->sections, 0, (len + 1) * sizeof *fs->sections);
	for (size_t i = 0; i < len; i++) {
		static const char *const known[] = {"id", "title", "match", "text", "empty_if",
			"text_empty", "required", "mentions", NULL};
		ys_ynode *e = ys_yaml_seq_at(y, n, i), *kn, *m;
		ys_tsection *sec = &fs->sections[fs->nsections];
		const char *id = ys_yaml_get_str(y, e, "id"), *title = ys_yaml_get_str(y, e, "title");
		const char *k, *req;

		if (!id)
			continue;	/* the narrative reports it with the rest */
		if ((k = unknown_key(y, e, known, &kn)))
			return bad(t, kn, d, "sections 中的“%s”不是可识别的字段（id, title, match, text, "
				   "empty_if, text_empty, required, mentions）", k);
		if (!(sec->id = ys_arena_strdup(&t->arena, id)) ||
		    (title && !(sec->title = ys_arena_strdup(&t->arena, title))))
			return YS_ENOMEM;
		if ((st = strs(t, y, ys_yaml_get(y, e, "match"), "match", &sec->match, &sec->nmatch, d)))
			return st;
		if ((req = ys_yaml_get_str(y, e, "required"))) {
			if (strcmp(req, "true") && strcmp(req, "false"))
				return bad(t, ys_yaml_get(y, e, "required"), d,
					   "sections 的 required 应为 true 或 false，而不是“%s”", req);
			sec->required = !strcmp(req, "true");
		}
		/* mentions: [{label: 比上年增减, words: [比上年, 较上年, "较{prev_year}年"]}] */
		if ((m = ys_yaml_get(y, e, "mentions"))) {
			size_t nm = ys_yaml_is_seq(m) ? ys_yaml_seq_len(m) : 0;

			if (!ys_yaml_is_seq(m))
				return bad(t, m, d, "sections 的 mentions 应为列表%s", "");
			if (!(sec->mentions = ys_arena_alloc(&t->arena, (nm + 1) * sizeof *sec->mentions)))
				return YS_ENOMEM;
			for (size_t j = 0; j < nm; j++) {
				static const char *const mknown[] = {"label", "words", NULL};
				ys_ynode *me = ys_yaml_seq_at(y, m, j);
				struct ys_tmention *mt = &sec->mentions[j];
				const char *label = ys_yaml_get_str(y, me, "label");

				if (!ys_yaml_is_map(me) || !label || !ys_yaml_get(y, me, "words"))
					return bad(t, me, d, "mentions 的每一项应为 {label, words}%s", "");
				if ((k = unknown_key(y, me, mknown, &kn)))
					return bad(t, kn, d, "mentions 中的“%s”不是可识别的字段（label, words）", k);
				if (!(mt->label = ys_arena_strdup(&t->arena, label)))
					return YS_ENOMEM;
				if ((st = strs(t, y, ys_yaml_get(y, me, "words"), "words", &mt->words,
					       &mt->nwords, d)))
					return st;
				sec->nmentions = j + 1;
			}
		}
		fs->nsections++;
	}
	return YS_OK;
}

ys_status ys_figures_load(ys_template *t, ys_yaml *y, ys_ynode *root,
			  const ys_catalog *cat, ys_diag *d)
{
	ys_ynode *n = ys_yaml_get(y, root, "figures"), *words = ys_yaml_get(y, root, "words");
	struct ys_tfigures *fs;
	size_t len = ys_yaml_seq_len(n);
	const char *w;
	ys_status st;

	t->figures = NULL;
	if (n && !ys_yaml_is_seq(n))
		return bad(t, n, d, "“figures”应为列表%s", "");
	if (!(fs = ys_arena_alloc(&t->arena, sizeof *fs)) ||
	    !(fs->v = ys_arena_alloc(&t->arena, (len + 1) * sizeof *fs->v)))
		return YS_ENOMEM;
	memset(fs->v, 0, (len + 1) * sizeof *fs->v);
	fs->n = 0;
	fs->up = fs->down = fs->same = NULL;
	if ((w = ys_yaml_get_str(y, words, "up")))
		fs->up = ys_arena_strdup(&t->arena, w);
	if ((w = ys_yaml_get_str(y, words, "down")))
		fs->down = ys_arena_strdup(&t->arena, w);
	if ((w = ys_yaml_get_str(y, words, "same")))
		fs->same = ys_arena_strdup(&t->arena, w);
	for (size_t i = 0; i < len; i++) {
		ys_tfigure *f = &fs->v[i];

		if ((st = one_figure(t, y, ys_yaml_seq_at(y, n, i), f, cat, d)))
			return st;
		for (size_t k = 0; k < i; k++)
			if (!strcmp(fs->v[k].name, f->name) && fs->v[k].family == f->family)
				return bad(t, ys_yaml_seq_at(y, n, i), d, "figure“%s”重复", f->name);
		fs->n = i + 1;
	}
	/* Parts of sums must name figures: a typo is an error here, not a
	 * "—" in a published text. */
	for (size_t i = 0; i < fs->n; i++)
		for (size_t k = 0; k < fs->v[i].nparts; k++) {
			int found = 0;

			for (size_t j = 0; j < fs->n && !found; j++)
				found = !fs->v[j].family ? !strcmp(fs->v[j].name, fs->v[i].parts[k])
					: !strncmp(fs->v[j].name, fs->v[i].parts[k], strlen(fs->v[j].name));
			if (!found)
				return ys_fail(d, YS_EINPUT, t->path, fs->v[i].line, 0,
					       "figure“%s”引用的“%s”不在 figures 中",
					       fs->v[i].name, fs->v[i].parts[k]);
		}
	if ((st = load_sections(t, y, ys_yaml_get(y, root, "sections"), fs, d)))
		return st;
	t->figures = fs;
	return YS_OK;
}

/* ---- evaluation ---- */

static int row_is(const ys_drow *r, const ys_fcell *fc)
{
	if (fc->side && (!r->side || strcmp(r->side, fc->side)))
		return 0;
	return (r->item && !strcmp(r->item, fc->row)) || (r->code && !strcmp(r->code, fc->row)) ||
	       (r->name && !strcmp(r->name, fc->row));
}

int ys_figure_cell(const ys_disclosure *ds, const ys_fcell *fc, int64_t *v)
{
	const ys_dtable *tb = ds ? ys_disclosure_table(ds, fc->table) : NULL;
	int col = tb ? ys_dtable_col(tb, fc->col, fc->side) : -1;

	*v = 0;
	if (col < 0)
		return 0;
	/* A row named by item or code first: a name may repeat across sides. */
	for (size_t i = 0; i < tb->nrows; i++) {
		const ys_drow *r = &tb->rows[i];

		if (row_is(r, fc) && !r->heading) {
			*v = r->has && r->has[col] ? r->values[col] : 0;
			return 1;
		}
	}
	/* A published table that leaves out a zero row still states it. */
	return tb->nrows > 0;
}

static int64_t display(const ys_fig_env *e, ys_fen fen)
{
	return ys_div_round(fen, e->t->fen_per_display);
}

static const ys_tfigure *lookup(const ys_template *t, const char *name, const char **suffix)
{
	const struct ys_tfigures *fs = t->figures;
	const ys_tfigure *fam = NULL;

	if (!fs)
		return NULL;
	for (size_t i = 0; i < fs->n; i++) {
		const ys_tfigure *f = &fs->v[i];
		size_t n = strlen(f->name);

		if (!f->family && !strcmp(f->name, name))
			return f;
		if (f->family && !strncmp(f->name, name, n) && name[n] &&
		    (!fam || strlen(fam->name) < n))
			fam = f;
	}
	if (fam)
		*suffix = name + strlen(fam->name);
	return fam;
}

int ys_figure_is_change(const ys_template *t, const char *name)
{
	const char *suffix = NULL;
	const ys_tfigure *f = lookup(t, name, &suffix);

	return f && f->kind == YS_FIG_SUM && f->diff;
}

static ys_status eval(const ys_fig_env *e, const char *name, int64_t *v, int *known,
		      int depth, ys_diag *d);

static ys_status eval_query(const ys_fig_env *e, const ys_tfigure *f, const char *suffix,
			    int64_t *v, int *known, ys_diag *d)
{
	ys_filter q = f->filter;
	ys_code code;
	int ok = 1;

	*v = 0;
	*known = 1;
	if (!e->cube || !e->b) {
		if (f->ncells)
			*known = ys_figure_cell(e->ds, &f->cells[0], v);
		else
			*known = 0;
		return YS_OK;
	}
	if (f->family == YS_FAM_FUNC || f->family == YS_FAM_ECO) {
		if (!(code = ys_code_parse(suffix)))
			return YS_EINPUT;
		if (f->family == YS_FAM_FUNC) {
			q.func = &code;
			q.nfunc = 1;
		} else {
			q.eco = &code;
			q.neco = 1;
		}
	} else if (f->family == YS_FAM_FUND || f->family == YS_FAM_TYPE) {
		int k = f->family == YS_FAM_FUND ? ys_catalog_fund(e->cat, suffix)
						 : ys_catalog_type(e->cat, suffix);

		if (k < 0 || k >= 32)
			return YS_EINPUT;
		if (f->family == YS_FAM_FUND)
			q.funds = 1u << k;
		else
			q.types = 1u << k;
	}
	if (f->nnatures) {
		int in = 0;

		for (size_t i = 0; i < f->nnatures && !in; i++)
			in = e->b->nature && !strcmp(e->b->nature, f->natures[i]);
		if (!in)
			return YS_OK;
	}
	for (size_t i = 0; i < e->cube->n && ok; i++)
		if (ys_filter_match(&q, &e->cube->atoms[i], e->b))
			ok = ys_add_ok(*v, display(e, e->cube->atoms[i].amount), v);
	(void)d;
	return ok ? YS_OK : YS_ERANGE;
}

static ys_status eval_bundle(const ys_fig_env *e, const char *key, int64_t *v, int *known)
{
	const ys_budget *b = e->b;
	const ys_previous *p;
	int ok = 1;

	*v = 0;
	*known = b != NULL;
	if (!b)
		return YS_OK;
	p = &b->previous;
	if (!strncmp(key, "procurement", 11)) {
		const char *cat = key[11] == '.' ? key + 12 : NULL;

		for (size_t i = 0; i < b->nprocurement && ok; i++)
			if (!cat || (b->procurement[i].category &&
				     !strcmp(b->procurement[i].category, cat)))
				ok = ys_add_ok(*v, display(e, b->procurement[i].amount), v);
	} else if (!strcmp(key, "assets.total")) {
		for (int i = 0; i < b->nassets; i++)
			if (b->assets[i].has_value && b->assets[i].key &&
			    !strcmp(b->assets[i].key, "total"))
				*v = display(e, b->assets[i].value);
	} else if (!strcmp(key, "planned_purchase")) {
		if (b->has_planned_purchase)
			*v = display(e, b->planned_purchase);
	} else if (!strcmp(key, "previous.total")) {
		*v = display(e, p->total);
		*known = p->present && p->has_total;
	} else if (!strcmp(key, "previous.basic")) {
		*v = display(e, p->basic);
		*known = p->present && p->has_basic;
	} else if (!strcmp(key, "previous.project")) {
		*v = display(e, p->project);
		*known = p->present && p->has_project;
	} else if (!strcmp(key, "previous.three_public")) {
		for (int k = 0; k < 4 && ok; k++)
			ok = ys_add_ok(*v, display(e, p->three_public[k]), v);
		*known = p->present && p->has_three_public;
	}
	if (!*known)
		*v = 0;
	return ok ? YS_OK : YS_ERANGE;
}

static ys_status eval(const ys_fig_env *e, const char *name, int64_t *v, int *known,
		      int depth, ys_diag *d)
{
	const char *suffix = NULL;
	const ys_tfigure *f = lookup(e->t, name, &suffix);
	ys_status st;

	*v = 0;
	*known = 0;
	if (!f)
		return YS_ENOTFOUND;
	if (depth > FIG_DEPTH)
		return ys_fail(d, YS_EINPUT, e->t->path, f->line, 0,
			       "figure“%s”的 sum/diff 嵌套过深（是否互相引用？）", name);
	switch (f->kind) {
	case YS_FIG_QUERY:
		return eval_query(e, f, suffix, v, known, d);
	case YS_FIG_CELL:
		*known = ys_figure_cell(e->ds, &f->cells[0], v);
		return YS_OK;
	case YS_FIG_BUNDLE:
		return eval_bundle(e, f->bundle, v, known);
	case YS_FIG_SUM:
		*known = 1;
		for (size_t i = 0; i < f->nparts; i++) {
			int64_t pv;
			int pk;

			if ((st = eval(e, f->parts[i], &pv, &pk, depth + 1, d)) != YS_OK)
				return st == YS_ENOTFOUND ? YS_EINPUT : st;
			if (!pk) {
				*known = 0;
				*v = 0;
				return YS_OK;
			}
			if (!(i && f->diff ? ys_sub_ok(*v, pv, v) : ys_add_ok(*v, pv, v)))
				return YS_ERANGE;
		}
		return YS_OK;
	}
	return YS_OK;
}

ys_status ys_figure_eval(const ys_fig_env *e, const char *name, int64_t *v,
			 int *known, ys_diag *d)
{
	return eval(e, name, v, known, 0, d);
}
