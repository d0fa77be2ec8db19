/*
 * template.c - reading a template YAML file into ys_template, with every
 * error naming the template file and line. What a template may say is one
 * table per kind of mapping (the template, a table, a column, an item, a
 * filter …): each lists its keys with their type, whether they are
 * required and, for a choice, the allowed values. Every mapping is checked
 * against its table before it is read, so a typo such as `colums` is an
 * error, never silently ignored; docs/template.md documents the same keys.
 */
#include "template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/limits.h"
#include "../base/text.h"
#include "../base/yaml.h"
#include "figures.h"
#include "layout.h"

struct tctx {
	ys_template *t;
	ys_yaml *y;
	const ys_catalog *cat;
	const char *path;
	ys_diag *d;
	const char *table;	/* id of the table being read, for messages */
};

/* Value types of template keys. */
enum vtype {
	V_ANY,		/* read by another part (the narrative) */
	V_STR,		/* a scalar */
	V_INT,		/* a decimal integer */
	V_BOOL,		/* true | false */
	V_STRS,		/* a list of scalars */
	V_LIST,		/* a list */
	V_MAP,		/* a mapping */
	V_FILTER,	/* a mapping or the word none */
	V_COLUMNS,	/* a list, or a mapping income/expense of lists */
	V_CHOICE,	/* one of the listed words */
};

struct kspec {
	const char *key;
	enum vtype type;
	int required;
	const char *const *choices;	/* V_CHOICE */
};

static const char *const kind_words[] = {"budget", "final", "预算", "决算", NULL};
static const char *const unit_words[] = {"元", "万元", "亿元", NULL};
static const char *const rows_words[] = {"func", "eco", "items", "projects", "units", NULL};
static const char *const side_words[] = {"income", "expense", NULL};
static const char *const carry_words[] = {"current", "carryover", "any", NULL};
static const char *const class_words[] = {"personnel", "public", NULL};
static const char *const op_words[] = {"diff", "pct", "share", NULL};
static const char *const rounding_words[] = {"atom", NULL};
static const char *const zero_words[] = {"blank", NULL};
static const char *const measure_words[] = {"budget", "initial", "adjusted", "final",
	"previous", "carry_start", "carry_end", "income", "distribution", NULL};

static const struct kspec root_keys[] = {
	{"format", V_INT, 0, NULL}, {"id", V_STR, 0, NULL}, {"name", V_STR, 0, NULL},
	{"extends", V_STR, 0, NULL}, {"years", V_STRS, 0, NULL},
	{"kind", V_CHOICE, 0, kind_words}, {"money_unit", V_CHOICE, 0, unit_words},
	{"decimals", V_INT, 0, NULL}, {"rounding", V_CHOICE, 0, rounding_words},
	{"zero", V_CHOICE, 0, zero_words}, {"header_lines", V_STRS, 0, NULL},
	{"empty_tables_note", V_STR, 0, NULL}, {"total_words", V_STRS, 0, NULL},
	{"universe", V_FILTER, 0, NULL},
	{"tables", V_LIST, 1, NULL},
	/* The narrative part, read and checked by src/narrative. */
	{"words", V_ANY, 0, NULL}, {"phrases", V_ANY, 0, NULL}, {"sections", V_ANY, 0, NULL},
	{"glossary", V_ANY, 0, NULL}, {"figures", V_ANY, 0, NULL},
	{"asset_rows", V_ANY, 0, NULL}, {"identities", V_LIST, 0, NULL}, {NULL, 0, 0, NULL},
};
static const struct kspec identity_keys[] = {
	{"name", V_STR, 1, NULL}, {"plus", V_LIST, 1, NULL}, {"minus", V_LIST, 0, NULL},
	{"equals", V_MAP, 1, NULL}, {NULL, 0, 0, NULL},
};
static const struct kspec cellref_keys[] = {
	{"table", V_STR, 1, NULL}, {"side", V_CHOICE, 0, side_words}, {"row", V_STR, 0, NULL},
	{"col", V_STR, 1, NULL}, {NULL, 0, 0, NULL},
};
static const struct kspec table_keys[] = {
	{"id", V_STR, 1, NULL}, {"title", V_STR, 1, NULL}, {"number", V_STR, 0, NULL},
	{"aliases", V_STRS, 0, NULL}, {"rows", V_CHOICE, 0, rows_words},
	{"depth", V_INT, 0, NULL}, {"two_sided", V_BOOL, 0, NULL},
	{"total_row", V_STR, 0, NULL}, {"filter", V_FILTER, 0, NULL},
	{"columns", V_COLUMNS, 1, NULL}, {"header", V_LIST, 0, NULL},
	{"numbering", V_BOOL, 0, NULL}, {"seq", V_BOOL, 0, NULL},
	{"items", V_LIST, 0, NULL}, {"empty_note", V_STR, 0, NULL}, {NULL, 0, 0, NULL},
};
static const struct kspec sides_keys[] = {
	{"income", V_LIST, 1, NULL}, {"expense", V_LIST, 1, NULL}, {NULL, 0, 0, NULL},
};
static const struct kspec col_keys[] = {
	{"key", V_STR, 1, NULL}, {"label", V_STR, 1, NULL}, {"aliases", V_STRS, 0, NULL},
	{"filter", V_FILTER, 0, NULL}, {"measure", V_CHOICE, 0, measure_words},
	{"derive", V_MAP, 0, NULL}, {NULL, 0, 0, NULL},
};
static const struct kspec derive_keys[] = {
	{"op", V_CHOICE, 1, op_words}, {"of", V_STRS, 1, NULL}, {NULL, 0, 0, NULL},
};
static const struct kspec item_keys[] = {
	{"item", V_STR, 1, NULL}, {"name", V_STR, 1, NULL}, {"label", V_STR, 0, NULL},
	{"side", V_CHOICE, 0, side_words}, {"line", V_INT, 0, NULL}, {"group", V_STR, 0, NULL},
	{"code", V_STR, 0, NULL}, {"indent", V_INT, 0, NULL}, {"total", V_BOOL, 0, NULL},
	{"heading", V_BOOL, 0, NULL}, {"filter", V_FILTER, 0, NULL}, {"sum_of", V_STRS, 0, NULL},
	{"measure", V_CHOICE, 0, measure_words}, {NULL, 0, 0, NULL},
};
static const struct kspec filter_keys[] = {
	{"fund", V_STRS, 0, NULL}, {"type", V_STRS, 0, NULL},
	{"carry", V_CHOICE, 0, carry_words}, {"func", V_STRS, 0, NULL},
	{"eco", V_STRS, 0, NULL}, {"eco_class", V_CHOICE, 0, class_words},
	{"tag", V_STRS, 0, NULL}, {"measure", V_CHOICE, 0, measure_words}, {NULL, 0, 0, NULL},
};
static const struct kspec hcell_keys[] = {
	{"text", V_STR, 1, NULL}, {"colspan", V_INT, 0, NULL}, {"rowspan", V_INT, 0, NULL},
	{NULL, 0, 0, NULL},
};

#define A(s) ys_arena_strdup(&c->t->arena, (s))

static ys_status bad(struct tctx *c, ys_ynode *n, const char *msg, const char *what)
{
	return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(n), ys_yaml_col(n),
		       msg, what);
}

/* "（表 T2）" when a table is being read. */
static const char *where(struct tctx *c, char *buf, size_t cap)
{
	if (c->table)
		snprintf(buf, cap, "（表 %s）", c->table);
	else
		buf[0] = '\0';
	return buf;
}

static void join_words(const char *const *w, char *out, size_t cap)
{
	size_t len = 0;

	out[0] = '\0';
	for (; *w && len < cap; w++)
		len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? "、" : "", *w);
}

static int is_int(const char *s)
{
	if (*s == '-')
		s++;
	if (!*s || strlen(s) > 9)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static int in_words(const char *const *w, const char *s)
{
	for (; *w; w++)
		if (!strcmp(*w, s))
			return 1;
	return 0;
}

static const char *type_name(enum vtype t)
{
	switch (t) {
	case V_STR: return "文本";
	case V_INT: return "整数";
	case V_BOOL: return "true 或 false";
	case V_STRS: return "文本列表";
	case V_LIST: return "列表";
	case V_MAP: return "映射";
	case V_FILTER: return "映射或 none";
	case V_COLUMNS: return "列表（两栏式表格为 income/expense 映射）";
	default: return "文本";
	}
}

/* Does value n have type t? */
static int type_ok(ys_yaml *y, const ys_ynode *n, enum vtype t)
{
	const char *s = ys_yaml_str(n);

	switch (t) {
	case V_ANY: return 1;
	case V_STR: case V_CHOICE: return s != NULL;
	case V_INT: return s && is_int(s);
	case V_BOOL: return s && (!strcmp(s, "true") || !strcmp(s, "false"));
	case V_LIST: return ys_yaml_is_seq(n);
	case V_MAP: return ys_yaml_is_map(n);
	case V_FILTER: return ys_yaml_is_map(n) || (s && !strcmp(s, "none"));
	case V_COLUMNS: return ys_yaml_is_seq(n) || ys_yaml_is_map(n);
	case V_STRS:
		if (!ys_yaml_is_seq(n))
			return 0;
		for (size_t i = 0; i < ys_yaml_seq_len(n); i++)
			if (!ys_yaml_str(ys_yaml_seq_at((ys_yaml *)y, (ys_ynode *)n, i)))
				return 0;
		return 1;
	}
	return 0;
}

/*
 * Checks mapping n against its key table: every key known, every value of
 * its type (a choice one of its words), every required key present. what
 * names the mapping in messages ("表格", "列" …).
 */
static ys_status check_keys(struct tctx *c, ys_ynode *n, const struct kspec *spec,
			    const char *what)
{
	char wh[96], list[512];

	if (!ys_yaml_is_map(n))
		return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(n), 0,
			       "%s应为映射%s", what, where(c, wh, sizeof wh));
	for (size_t i = 0; i < ys_yaml_map_len(n); i++) {
		yaml_node_pair_t *p = n->data.mapping.pairs.start + i;
		ys_ynode *kn = yaml_document_get_node(&c->y->doc, p->key);
		ys_ynode *v = yaml_document_get_node(&c->y->doc, p->value);
		const char *k = ys_yaml_str(kn);
		const struct kspec *ks = NULL;

		for (const struct kspec *q = spec; k && q->key; q++)
			if (!strcmp(q->key, k))
				ks = q;
		if (!ks) {
			size_t len = 0;

			list[0] = '\0';
			for (const struct kspec *q = spec; q->key && len < sizeof list; q++)
				len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
							len ? "、" : "", q->key);
			return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(kn), 0,
				       "未知的键“%s”%s；可用的键：%s", k ? k : "?",
				       where(c, wh, sizeof wh), list);
		}
		if (!type_ok(c->y, v, ks->type))
			return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(v), 0,
				       "键“%s”应为%s，而不是“%s”%s", k, type_name(ks->type),
				       ys_yaml_str(v) ? ys_yaml_str(v) : ys_yaml_is_seq(v) ? "列表" : "映射",
				       where(c, wh, sizeof wh));
		if (ks->type == V_CHOICE && !in_words(ks->choices, ys_yaml_str(v))) {
			join_words(ks->choices, list, sizeof list);
			return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(v), 0,
				       "键“%s”的值“%s”无效%s；可用的值：%s", k, ys_yaml_str(v),
				       where(c, wh, sizeof wh), list);
		}
	}
	for (const struct kspec *q = spec; q->key; q++)
		if (q->required && !ys_yaml_get(c->y, n, q->key))
			return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(n), 0,
				       "%s缺少键“%s”%s", what, q->key, where(c, wh, sizeof wh));
	return YS_OK;
}

static int get_bool(struct tctx *c, ys_ynode *n, const char *key, int dflt)
{
	const char *s = ys_yaml_get_str(c->y, n, key);

	return s ? !strcmp(s, "true") : dflt;
}

static ys_status str_list(struct tctx *c, ys_ynode *n, const char *what,
			  const char ***out, size_t *count)
{
	size_t len = ys_yaml_seq_len(n);

	*out = NULL;
	*count = 0;
	if (!n)
		return YS_OK;
	if (!ys_yaml_is_seq(n))
		return bad(c, n, "“%s”应为列表", what);
	*out = ys_arena_alloc(&c->t->arena, (len + 1) * sizeof **out);
	if (!*out)
		return YS_ENOMEM;
	for (size_t i = 0; i < len; i++) {
		const char *s = ys_yaml_str(ys_yaml_seq_at(c->y, n, i));

		if (!s)
			return bad(c, ys_yaml_seq_at(c->y, n, i), "“%s”的每一项应为文本", what);
		(*out)[i] = A(s);
	}
	*count = len;
	return YS_OK;
}

static ys_status code_list(struct tctx *c, ys_ynode *n, ys_code **out, int *count)
{
	const char **s;
	size_t len;
	ys_status st = str_list(c, n, "科目编码", &s, &len);

	if (st)
		return st;
	*out = ys_arena_alloc(&c->t->arena, (len + 1) * sizeof **out);
	if (!*out)
		return YS_ENOMEM;
	for (size_t i = 0; i < len; i++) {
		(*out)[i] = ys_code_parse(s[i]);
		if (!(*out)[i])
			return bad(c, ys_yaml_seq_at(c->y, n, i),
				   "科目编码“%s”无效（应为 3、5 或 7 位数字）", s[i]);
	}
	*count = (int)len;
	return YS_OK;
}

static ys_status parse_filter(struct tctx *c, ys_ynode *n, ys_filter *f)
{
	const char **keys;
	size_t nk;
	ys_status st;
	const char *s;

	memset(f, 0, sizeof *f);
	f->carry = -1;
	if (!n)
		return YS_OK;
	if (n->type == YAML_SCALAR_NODE) {
		if (!strcmp(ys_yaml_str(n), "none")) {
			f->none = 1;
			return YS_OK;
		}
		return bad(c, n, "filter 应为映射或 none，而不是“%s”", ys_yaml_str(n));
	}
	if ((st = check_keys(c, n, filter_keys, "filter ")))
		return st;
	if ((s = ys_yaml_get_str(c->y, n, "measure")))
		for (int m = 0; m < YS_NMEASURES; m++)
			if (!strcmp(ys_measure_names[m], s))
				f->measure = m;
	if ((st = str_list(c, ys_yaml_get(c->y, n, "fund"), "fund", &keys, &nk)))
		return st;
	for (size_t i = 0; i < nk; i++) {
		int k = ys_catalog_fund(c->cat, keys[i]);

		if (k < 0)
			return bad(c, ys_yaml_get(c->y, n, "fund"),
				   "资金来源“%s”不在 data/catalog/funds.csv 中", keys[i]);
		f->funds |= 1u << k;
	}
	if ((st = str_list(c, ys_yaml_get(c->y, n, "type"), "type", &keys, &nk)))
		return st;
	for (size_t i = 0; i < nk; i++) {
		int k = ys_catalog_type(c->cat, keys[i]);

		if (k < 0)
			return bad(c, ys_yaml_get(c->y, n, "type"),
				   "支出类型“%s”不在 data/catalog/types.csv 中", keys[i]);
		f->types |= 1u << k;
	}
	s = ys_yaml_get_str(c->y, n, "carry");
	if (s) {
		if (!strcmp(s, "current"))
			f->carry = 0;
		else if (!strcmp(s, "carryover"))
			f->carry = 1;
		else if (strcmp(s, "any"))
			return bad(c, ys_yaml_get(c->y, n, "carry"),
				   "carry 应为 current、carryover 或 any，而不是“%s”", s);
	}
	if ((st = code_list(c, ys_yaml_get(c->y, n, "func"), &f->func, &f->nfunc)) ||
	    (st = code_list(c, ys_yaml_get(c->y, n, "eco"), &f->eco, &f->neco)))
		return st;
	s = ys_yaml_get_str(c->y, n, "eco_class");
	if (s) {
		if (!strcmp(s, "personnel"))
			f->eco_class = YS_ECO_PERSONNEL;
		else if (!strcmp(s, "public"))
			f->eco_class = YS_ECO_PUBLIC;
		else
			return bad(c, ys_yaml_get(c->y, n, "eco_class"),
				   "eco_class 应为 personnel 或 public，而不是“%s”", s);
	}
	{
		size_t nt;

		if ((st = str_list(c, ys_yaml_get(c->y, n, "tag"), "tag", &f->tags, &nt)))
			return st;
		f->ntags = (int)nt;
	}
	return YS_OK;
}

static ys_status parse_cols(struct tctx *c, ys_ynode *n, const char *side,
			    ys_tcol *out, size_t *count)
{
	ys_status st;

	if (!ys_yaml_is_seq(n))
		return bad(c, n, "columns 应为列表%s", "");
	for (size_t i = 0; i < ys_yaml_seq_len(n); i++) {
		ys_ynode *e = ys_yaml_seq_at(c->y, n, i);
		ys_tcol *col = &out[(*count)++];
		const char *s;

		if ((st = check_keys(c, e, col_keys, "列")))
			return st;
		col->key = A(ys_yaml_get_str(c->y, e, "key"));
		col->label = A(ys_yaml_get_str(c->y, e, "label"));
		col->side = side;
		for (size_t k = 0; k + 1 < *count; k++)
			if (!strcmp(out[k].key, col->key) &&
			    (!side || !out[k].side || !strcmp(side, out[k].side)))
				return bad(c, e, "列键“%s”重复", col->key);
		if ((st = str_list(c, ys_yaml_get(c->y, e, "aliases"), "aliases", &col->aliases,
				   &col->naliases)))
			return st;
		if ((st = parse_filter(c, ys_yaml_get(c->y, e, "filter"), &col->filter)))
			return st;
		/* `measure:` on the column is short for the same key in its
		 * filter (the column's amount, whatever it selects). */
		if ((s = ys_yaml_get_str(c->y, e, "measure")))
			for (int m = 0; m < YS_NMEASURES; m++)
				if (!strcmp(ys_measure_names[m], s))
					col->filter.measure = m;
	}
	return YS_OK;
}

/* Derived columns name two columns of their table (same side); resolved
 * once all columns are read, so `of:` may name a later column too. */
static ys_status parse_derives(struct tctx *c, ys_ynode *cols_node, ys_ttable *tb)
{
	ys_status st;

	for (size_t i = 0; i < tb->ncols; i++) {
		ys_tcol *col = &tb->cols[i];
		ys_ynode *list = cols_node, *e = NULL, *dn, *of;
		const char *op;

		if (tb->two_sided)
			list = ys_yaml_get(c->y, cols_node, col->side);
		for (size_t k = 0; k < ys_yaml_seq_len(list); k++) {
			ys_ynode *x = ys_yaml_seq_at(c->y, list, k);

			if (!strcmp(ys_yaml_get_str(c->y, x, "key"), col->key))
				e = x;
		}
		if (!e || !(dn = ys_yaml_get(c->y, e, "derive")))
			continue;
		if ((st = check_keys(c, dn, derive_keys, "derive ")))
			return st;
		op = ys_yaml_get_str(c->y, dn, "op");
		col->derive = !strcmp(op, "diff") ? YS_DERIVE_DIFF
			      : !strcmp(op, "pct") ? YS_DERIVE_PCT : YS_DERIVE_SHARE;
		of = ys_yaml_get(c->y, dn, "of");
		if (ys_yaml_seq_len(of) != 2)
			return bad(c, of, "derive 的 of 应正好列出两个列键%s", "");
		for (int k = 0; k < 2; k++) {
			const char *key = ys_yaml_str(ys_yaml_seq_at(c->y, of, (size_t)k));
			int found = -1;

			for (size_t j = 0; j < tb->ncols; j++)
				if (j != i && !strcmp(tb->cols[j].key, key) &&
				    (!col->side || !strcmp(col->side, tb->cols[j].side)))
					found = (int)j;
			if (found < 0)
				return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(of), 0,
					       "派生列“%s”引用的列“%s”不存在（表 %s）", col->key, key, tb->id);
			if (tb->cols[found].derive)
				return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(of), 0,
					       "派生列“%s”引用的列“%s”本身是派生列（表 %s）", col->key, key, tb->id);
			if (k == 0)
				col->derive_a = found;
			else
				col->derive_b = found;
		}
	}
	return YS_OK;
}

static ys_status parse_header(struct tctx *c, ys_ynode *n, ys_ttable *tb)
{
	size_t nr = ys_yaml_seq_len(n);

	if (!n)
		return YS_OK;
	if (!ys_yaml_is_seq(n))
		return bad(c, n, "header 应为表头行的列表%s", "");
	tb->header = ys_arena_alloc(&c->t->arena, (nr + 1) * sizeof *tb->header);
	if (!tb->header)
		return YS_ENOMEM;
	for (size_t r = 0; r < nr; r++) {
		ys_ynode *row = ys_yaml_seq_at(c->y, n, r);
		size_t nc = ys_yaml_seq_len(row);
		ys_hrow *hr = &tb->header[r];

		if (!ys_yaml_is_seq(row))
			return bad(c, row, "表头行应为单元格列表%s", "");
		hr->cells = ys_arena_alloc(&c->t->arena, (nc + 1) * sizeof *hr->cells);
		if (!hr->cells)
			return YS_ENOMEM;
		for (size_t k = 0; k < nc; k++) {
			ys_ynode *cell = ys_yaml_seq_at(c->y, row, k);
			ys_hcell *hc = &hr->cells[k];
			const char *s;
			ys_status st;

			if ((st = check_keys(c, cell, hcell_keys, "表头单元格")))
				return st;
			hc->text = A(ys_yaml_get_str(c->y, cell, "text"));
			s = ys_yaml_get_str(c->y, cell, "colspan");
			hc->colspan = s ? atoi(s) : 1;
			s = ys_yaml_get_str(c->y, cell, "rowspan");
			hc->rowspan = s ? atoi(s) : 1;
			if (hc->colspan < 1 || hc->colspan > 64 || hc->rowspan < 1 || hc->rowspan > 8)
				return bad(c, cell, "colspan/rowspan 超出范围%s", "");
		}
		hr->ncells = nc;
	}
	tb->nheader = nr;
	return YS_OK;
}

static ys_status parse_items(struct tctx *c, ys_ynode *n, ys_ttable *tb)
{
	size_t ni = ys_yaml_seq_len(n);
	ys_status st;

	if (!ys_yaml_is_seq(n))
		return bad(c, n, "rows: items 的表需要 items 列表%s", "");
	tb->items = ys_arena_alloc(&c->t->arena, (ni + 1) * sizeof *tb->items);
	if (!tb->items)
		return YS_ENOMEM;
	for (size_t i = 0; i < ni; i++) {
		ys_ynode *e = ys_yaml_seq_at(c->y, n, i);
		ys_titem *it = &tb->items[i];
		const char *s;

		if ((st = check_keys(c, e, item_keys, "行（item）")))
			return st;
		it->item = A(ys_yaml_get_str(c->y, e, "item"));
		it->name = ys_yaml_get_str(c->y, e, "name");
		it->name = A(it->name);
		it->label = A((s = ys_yaml_get_str(c->y, e, "label")) ? s : it->name);
		if ((s = ys_yaml_get_str(c->y, e, "group")))
			it->group = A(s);
		if ((s = ys_yaml_get_str(c->y, e, "code")))
			it->code = A(s);
		if ((s = ys_yaml_get_str(c->y, e, "side"))) {
			it->side = !strcmp(s, "income") ? "income" : "expense";
		} else if (tb->two_sided) {
			return bad(c, e, "两栏式表格的 item 需要 side%s", "");
		}
		it->line = (s = ys_yaml_get_str(c->y, e, "line")) ? atoi(s) : (int)i + 1;
		it->indent = (s = ys_yaml_get_str(c->y, e, "indent")) ? atoi(s) : 0;
		it->total = get_bool(c, e, "total", 0);
		it->heading = get_bool(c, e, "heading", 0);
		if (!ys_yaml_get(c->y, e, "filter") && !ys_yaml_get(c->y, e, "sum_of"))
			return bad(c, e, "行（item）缺少键“filter”（或 sum_of）：“%s”", it->name);
		if ((st = parse_filter(c, ys_yaml_get(c->y, e, "filter"), &it->filter)))
			return st;
		/* `measure:` on the row is short for the same key in its filter. */
		if ((s = ys_yaml_get_str(c->y, e, "measure")))
			for (int m = 0; m < YS_NMEASURES; m++)
				if (!strcmp(ys_measure_names[m], s))
					it->filter.measure = m;
		if (it->heading && !it->filter.none)
			return bad(c, e, "标题行（heading: true）的 filter 应为 none：“%s”", it->name);
		for (size_t k = 0; k < i; k++)
			if (!strcmp(tb->items[k].item, it->item))
				return bad(c, e, "item 键“%s”重复", it->item);
	}
	tb->nitems = ni;
	/* sum_of names rows of the same side, by item key, that are no sums. */
	for (size_t i = 0; i < ni; i++) {
		ys_ynode *e = ys_yaml_seq_at(c->y, n, i), *so = ys_yaml_get(c->y, e, "sum_of");
		ys_titem *it = &tb->items[i];

		if (!so)
			continue;
		it->sum_of = ys_arena_alloc(&c->t->arena, (ys_yaml_seq_len(so) + 1) * sizeof *it->sum_of);
		if (!it->sum_of)
			return YS_ENOMEM;
		for (size_t k = 0; k < ys_yaml_seq_len(so); k++) {
			const char *key = ys_yaml_str(ys_yaml_seq_at(c->y, so, k));
			int found = -1;

			for (size_t j = 0; j < ni; j++)
				if (j != i && !strcmp(tb->items[j].item, key) &&
				    (!it->side || !tb->items[j].side || !strcmp(it->side, tb->items[j].side)))
					found = (int)j;
			if (found < 0)
				return bad(c, so, "sum_of 引用的行“%s”不存在（同一方）", key);
			if (ys_yaml_get(c->y, ys_yaml_seq_at(c->y, n, (size_t)found), "sum_of"))
				return bad(c, so, "sum_of 引用的行“%s”本身是 sum_of 行", key);
			it->sum_of[it->nsum_of++] = found;
		}
	}
	return YS_OK;
}

/* Printed columns of a template table, as layout.c lays them out. */
static size_t table_width(const ys_ttable *tb)
{
	int by_code = tb->rows_by == YS_ROWS_FUNC || tb->rows_by == YS_ROWS_ECO ||
		      tb->rows_by == YS_ROWS_UNITS;

	return (tb->seq ? 1u : 0u) + (tb->two_sided ? 2u : by_code ? 2u : 1u) + tb->ncols;
}

/* The header rows must exactly cover the printed columns (序号 when shown,
 * code and name or 项目, amounts; two-sided: both sides), or every renderer
 * would draw a broken table. */
static ys_status check_header(struct tctx *c, ys_ynode *n, ys_ttable *tb)
{
	size_t width = table_width(tb);
	ys_hpos *grid;
	int ok;

	if (!tb->nheader)
		return YS_OK;
	grid = calloc(tb->nheader * width + 1, sizeof *grid);
	if (!grid)
		return YS_ENOMEM;
	ok = ys_header_grid(tb, width, grid);
	free(grid);
	if (!ok)
		return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(ys_yaml_get(c->y, n, "header")), 0,
			       "表格 %s 的表头单元格（含 colspan/rowspan）应正好铺满 %zu 列", tb->id, width);
	return YS_OK;
}

static ys_status parse_table(struct tctx *c, ys_ynode *n, ys_ttable *tb)
{
	ys_ynode *cols;
	const char *s;
	ys_status st;
	size_t maxcols;

	c->table = NULL;
	if (ys_yaml_is_map(n) && (s = ys_yaml_get_str(c->y, n, "id")))
		c->table = s;
	if ((st = check_keys(c, n, table_keys, "表格")))
		return st;
	tb->line = ys_yaml_line(n);
	tb->id = A(ys_yaml_get_str(c->y, n, "id"));
	tb->title = A(ys_yaml_get_str(c->y, n, "title"));
	if ((s = ys_yaml_get_str(c->y, n, "number")))
		tb->number = A(s);
	if ((st = str_list(c, ys_yaml_get(c->y, n, "aliases"), "aliases", &tb->aliases, &tb->naliases)))
		return st;
	s = ys_yaml_get_str(c->y, n, "rows");
	if (!s || !strcmp(s, "func"))
		tb->rows_by = YS_ROWS_FUNC;
	else if (!strcmp(s, "eco"))
		tb->rows_by = YS_ROWS_ECO;
	else if (!strcmp(s, "items"))
		tb->rows_by = YS_ROWS_ITEMS;
	else if (!strcmp(s, "projects"))
		tb->rows_by = YS_ROWS_PROJECTS;
	else
		tb->rows_by = YS_ROWS_UNITS;
	tb->depth = tb->rows_by == YS_ROWS_FUNC ? 3 : tb->rows_by == YS_ROWS_ECO ? 2 : 0;
	if ((s = ys_yaml_get_str(c->y, n, "depth"))) {
		int max = tb->rows_by == YS_ROWS_FUNC ? 3 : tb->rows_by == YS_ROWS_ECO ? 2 : 0;

		tb->depth = atoi(s);
		if (!max)
			return bad(c, ys_yaml_get(c->y, n, "depth"),
				   "depth 只用于 rows: func 或 rows: eco 的表格%s", "");
		if (tb->depth < 1 || tb->depth > max)
			return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(ys_yaml_get(c->y, n, "depth")), 0,
				       "depth 应为 1 到 %d（类、款%s），而不是“%s”（表 %s）", max,
				       max == 3 ? "、项" : "", s, tb->id);
	}
	tb->two_sided = get_bool(c, n, "two_sided", 0);
	if (tb->two_sided && tb->rows_by != YS_ROWS_ITEMS)
		return bad(c, n, "两栏式表格（two_sided: true）应为 rows: items（表 %s）", tb->id);
	tb->numbering = get_bool(c, n, "numbering", 0);
	tb->seq = get_bool(c, n, "seq", 1);
	if ((s = ys_yaml_get_str(c->y, n, "total_row")))
		tb->total_row = A(s);
	else if (tb->rows_by == YS_ROWS_FUNC || tb->rows_by == YS_ROWS_ECO ||
		 tb->rows_by == YS_ROWS_PROJECTS)
		tb->total_row = "合计";
	if ((s = ys_yaml_get_str(c->y, n, "empty_note")))
		tb->empty_note = A(s);
	if ((st = parse_filter(c, ys_yaml_get(c->y, n, "filter"), &tb->filter)))
		return st;
	cols = ys_yaml_get(c->y, n, "columns");
	maxcols = ys_yaml_seq_len(cols) + ys_yaml_seq_len(ys_yaml_get(c->y, cols, "income")) +
		  ys_yaml_seq_len(ys_yaml_get(c->y, cols, "expense"));
	tb->cols = ys_arena_alloc(&c->t->arena, (maxcols + 1) * sizeof *tb->cols);
	if (!tb->cols)
		return YS_ENOMEM;
	if (tb->two_sided) {
		if (!ys_yaml_is_map(cols))
			return bad(c, cols, "两栏式表格的 columns 需要 income 和 expense 两部分（表 %s）", tb->id);
		if ((st = check_keys(c, cols, sides_keys, "两栏式表格的 columns ")))
			return st;
		if ((st = parse_cols(c, ys_yaml_get(c->y, cols, "income"), "income", tb->cols, &tb->ncols)) ||
		    (st = parse_cols(c, ys_yaml_get(c->y, cols, "expense"), "expense", tb->cols, &tb->ncols)))
			return st;
	} else if (!ys_yaml_is_seq(cols)) {
		return bad(c, cols, "columns 应为列表（表 %s）", tb->id);
	} else if ((st = parse_cols(c, cols, NULL, tb->cols, &tb->ncols))) {
		return st;
	}
	if (!tb->ncols)
		return bad(c, cols, "表格“%s”至少需要一列", tb->id);
	if ((st = parse_derives(c, cols, tb)))
		return st;
	if (tb->rows_by == YS_ROWS_ITEMS) {
		if (!ys_yaml_get(c->y, n, "items"))
			return bad(c, n, "rows: items 的表格缺少键“items”（表 %s）", tb->id);
		if ((st = parse_items(c, ys_yaml_get(c->y, n, "items"), tb)))
			return st;
	} else if (ys_yaml_get(c->y, n, "items")) {
		return bad(c, ys_yaml_get(c->y, n, "items"),
			   "键“items”只用于 rows: items 的表格（表 %s）", tb->id);
	}
	if ((st = parse_header(c, ys_yaml_get(c->y, n, "header"), tb)))
		return st;
	return check_header(c, n, tb);
}

/* Money units and how many fen one display step is: 元 with up to 2
 * decimals (a fen), 万元 and 亿元 down to the fen as well. */
static ys_status read_money_unit(struct tctx *c, ys_ynode *root)
{
	ys_template *t = c->t;
	const char *s;
	int64_t unit;
	int maxdec;

	if ((s = ys_yaml_get_str(c->y, root, "money_unit")))
		t->money_unit = A(s);
	if ((s = ys_yaml_get_str(c->y, root, "decimals")))
		t->decimals = atoi(s);
	if (!strcmp(t->money_unit, "元"))
		unit = 100, maxdec = 2;
	else if (!strcmp(t->money_unit, "万元"))
		unit = 1000000, maxdec = 6;
	else
		unit = 10000000000LL, maxdec = 10;
	if (t->decimals < 0 || t->decimals > maxdec)
		return ys_fail(c->d, YS_EINPUT, c->path,
			       ys_yaml_line(ys_yaml_get(c->y, root, "decimals")), 0,
			       "decimals 应为 0 到 %d（以%s为单位，最小到分），而不是 %d",
			       maxdec, t->money_unit, t->decimals);
	for (int i = 0; i < t->decimals; i++)
		unit /= 10;
	t->fen_per_display = unit;
	return YS_OK;
}

static ys_status parse_cellref(struct tctx *c, ys_ynode *n, ys_cellref *r)
{
	const char *tid, *col, *s;
	const ys_ttable *tb = NULL;
	ys_status st;

	if ((st = check_keys(c, n, cellref_keys, "identities 的单元格")))
		return st;
	tid = ys_yaml_get_str(c->y, n, "table");
	col = ys_yaml_get_str(c->y, n, "col");
	r->table = -1;
	r->col = -1;
	for (size_t i = 0; i < c->t->ntables; i++)
		if (!strcmp(c->t->tables[i].id, tid)) {
			r->table = (int)i;
			tb = &c->t->tables[i];
		}
	if (!tb)
		return bad(c, n, "identities 引用的表格“%s”不存在", tid);
	if ((s = ys_yaml_get_str(c->y, n, "side")))
		r->side = !strcmp(s, "income") ? "income" : "expense";
	else if (tb->two_sided)
		return bad(c, n, "identities 引用两栏式表格 %s 的单元格需要 side", tb->id);
	for (size_t k = 0; k < tb->ncols; k++)
		if (!strcmp(tb->cols[k].key, col) &&
		    (!r->side || !tb->cols[k].side || !strcmp(r->side, tb->cols[k].side)))
			r->col = (int)k;
	if (r->col < 0)
		return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(n), 0,
			       "identities 引用的列“%s”不在表格 %s 中", col, tb->id);
	if ((s = ys_yaml_get_str(c->y, n, "row"))) {
		int found = tb->rows_by != YS_ROWS_ITEMS;

		for (size_t k = 0; k < tb->nitems && !found; k++)
			found = !strcmp(tb->items[k].item, s) &&
				(!r->side || !tb->items[k].side || !strcmp(r->side, tb->items[k].side));
		if (!found)
			return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(n), 0,
				       "identities 引用的行“%s”不在表格 %s 中", s, tb->id);
		r->row = A(s);
	}
	return YS_OK;
}

static ys_status parse_refs(struct tctx *c, ys_ynode *n, ys_cellref **out, size_t *count)
{
	size_t len = ys_yaml_seq_len(n);
	ys_status st;

	*count = 0;
	if (!n)
		return YS_OK;
	if (!ys_yaml_is_seq(n))
		return bad(c, n, "identities 的 plus/minus 应为单元格列表%s", "");
	if (!(*out = ys_arena_alloc(&c->t->arena, (len + 1) * sizeof **out)))
		return YS_ENOMEM;
	for (size_t i = 0; i < len; i++)
		if ((st = parse_cellref(c, ys_yaml_seq_at(c->y, n, i), &(*out)[(*count)++])))
			return st;
	return YS_OK;
}

/* `identities:` (docs/template.md), read once the tables are: every cell
 * names a table, column and row of this template. */
static ys_status parse_identities(struct tctx *c, ys_ynode *n)
{
	size_t len = ys_yaml_seq_len(n);
	ys_status st;

	c->table = NULL;
	if (!(c->t->identities = ys_arena_alloc(&c->t->arena, (len + 1) * sizeof *c->t->identities)))
		return YS_ENOMEM;
	c->t->nidentities = 0;
	for (size_t i = 0; i < len; i++) {
		ys_ynode *e = ys_yaml_seq_at(c->y, n, i);
		ys_identity *id = &c->t->identities[i];

		memset(id, 0, sizeof *id);
		if ((st = check_keys(c, e, identity_keys, "identities 的一项")))
			return st;
		id->name = A(ys_yaml_get_str(c->y, e, "name"));
		id->line = ys_yaml_line(e);
		if ((st = parse_refs(c, ys_yaml_get(c->y, e, "plus"), &id->plus, &id->nplus)) ||
		    (st = parse_refs(c, ys_yaml_get(c->y, e, "minus"), &id->minus, &id->nminus)) ||
		    (st = parse_cellref(c, ys_yaml_get(c->y, e, "equals"), &id->equals)))
			return st;
		c->t->nidentities++;
	}
	return YS_OK;
}

#define YS_MAX_EXTENDS 4

/*
 * Reads one template file into t. With `extends: base` the base is read
 * first (at most YS_MAX_EXTENDS deep) and this file's keys replace the
 * base's: scalars and lists as a whole, tables by id (a new id is added at
 * the end). The narrative part is inherited as a whole: t->path names the
 * nearest file that has `sections`.
 */
static ys_status load_file(ys_template *t, const char *datadir, const char *name,
			   const ys_catalog *cat, int depth, ys_diag *d)
{
	char path[4096];
	char *text = NULL;
	size_t len, n;
	ys_yaml y;
	ys_ynode *root, *tables;
	struct tctx c;
	ys_status st;
	const char *s, *file;

	n = strlen(name);
	if (n > 5 && !strcmp(name + n - 5, ".yaml"))
		snprintf(path, sizeof path, "%s", name);
	else
		snprintf(path, sizeof path, "%s/templates/%s.yaml", datadir, name);
	if (!(file = ys_arena_strdup(&t->arena, path)))
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	if ((st = ys_read_file_limited(path, template_bytes, &text, &len, d)) != YS_OK) {
		if (st == YS_EIO)
			st = ys_fail(d, YS_ENOTFOUND, path, 0, 0,
				     "找不到模板“%s”（模板在 %s/templates/ 中）", name, datadir);
		return st;
	}
	st = ys_yaml_load(&y, file, text, len, d);
	free(text);
	if (st != YS_OK)
		return st;
	memset(&c, 0, sizeof c);
	c.t = t;
	c.y = &y;
	c.cat = cat;
	c.path = file;
	c.d = d;
	root = ys_yaml_root(&y);
	if ((st = check_keys(&c, root, root_keys, "模板")))
		goto out;
	if ((s = ys_yaml_get_str(&y, root, "format"))) {
		if (strcmp(s, "1") && strcmp(s, "2")) {
			st = bad(&c, ys_yaml_get(&y, root, "format"),
				 "不支持的模板格式“%s”（支持 1 和 2）", s);
			goto out;
		}
		t->format = atoi(s);
	}
	if ((s = ys_yaml_get_str(&y, root, "extends"))) {
		char base[4096];

		if (depth >= YS_MAX_EXTENDS) {
			st = ys_fail(d, YS_EINPUT, file, ys_yaml_line(ys_yaml_get(&y, root, "extends")), 0,
				     "extends 嵌套过深（最多 %d 层）", YS_MAX_EXTENDS);
			goto out;
		}
		/* A base is named like a template, and found beside this one
		 * when this one was given as a path. */
		if (strchr(s, '/') || (strlen(s) > 5 && !strcmp(s + strlen(s) - 5, ".yaml"))) {
			snprintf(base, sizeof base, "%s", s);
		} else if (n > 5 && !strcmp(name + n - 5, ".yaml")) {
			const char *slash = strrchr(path, '/');

			snprintf(base, sizeof base, "%.*s%s.yaml",
				 slash ? (int)(slash - path + 1) : 0, path, s);
			if (access(base, R_OK))
				snprintf(base, sizeof base, "%s/templates/%s.yaml", datadir, s);
		} else {
			snprintf(base, sizeof base, "%s/templates/%s.yaml", datadir, s);
		}
		if ((st = load_file(t, datadir, base, cat, depth + 1, d)))
			goto out;
	}
	if ((s = ys_yaml_get_str(&y, root, "id")))
		t->id = ys_arena_strdup(&t->arena, s);
	if ((s = ys_yaml_get_str(&y, root, "name")))
		t->name = ys_arena_strdup(&t->arena, s);
	if ((s = ys_yaml_get_str(&y, root, "kind")))
		t->kind = !strcmp(s, "final") || !strcmp(s, "决算") ? "final" : "budget";
	if ((s = ys_yaml_get_str(&y, root, "empty_tables_note")))
		t->empty_tables_note = ys_arena_strdup(&t->arena, s);
	if ((st = read_money_unit(&c, root)))
		goto out;
	if (ys_yaml_get(&y, root, "header_lines") &&
	    (st = str_list(&c, ys_yaml_get(&y, root, "header_lines"), "header_lines",
			   &t->header_lines, &t->nheader_lines)))
		goto out;
	if (ys_yaml_get(&y, root, "universe")) {
		if ((st = parse_filter(&c, ys_yaml_get(&y, root, "universe"), &t->universe)))
			goto out;
		t->has_universe = 1;
	}
	if (ys_yaml_get(&y, root, "total_words") &&
	    (st = str_list(&c, ys_yaml_get(&y, root, "total_words"), "total_words",
			   &t->total_words, &t->ntotal_words)))
		goto out;
	if (ys_yaml_get(&y, root, "sections") || !t->path)
		t->path = file;

	t->file = file;
	tables = ys_yaml_get(&y, root, "tables");
	{
		size_t nt = ys_yaml_seq_len(tables), base_n = t->ntables;
		ys_ttable *all = ys_arena_alloc(&t->arena, (t->ntables + nt + 1) * sizeof *all);

		if (!all) {
			st = YS_ENOMEM;
			goto out;
		}
		if (t->ntables)
			memcpy(all, t->tables, t->ntables * sizeof *all);
		t->tables = all;
		for (size_t i = 0; i < nt; i++) {
			ys_ttable tb;
			size_t k;

			memset(&tb, 0, sizeof tb);
			if ((st = parse_table(&c, ys_yaml_seq_at(&y, tables, i), &tb)))
				goto out;
			for (k = 0; k < t->ntables; k++)
				if (!strcmp(t->tables[k].id, tb.id))
					break;
			if (k < t->ntables && k >= base_n) {
				st = ys_fail(d, YS_EINPUT, file, tb.line, 0, "表格 id“%s”重复", tb.id);
				goto out;
			}
			if (k == t->ntables)
				t->ntables++;
			t->tables[k] = tb;
		}
	}
	if (ys_yaml_get(&y, root, "identities") &&
	    (st = parse_identities(&c, ys_yaml_get(&y, root, "identities"))))
		goto out;
	/* A template that extends another keeps its base's figures unless it
	 * has figures of its own. */
	if (ys_yaml_get(&y, root, "figures") || !t->figures)
		st = ys_figures_load(t, &y, root, cat, d);
out:
	if (st == YS_ENOMEM)
		st = ys_fail(d, YS_ENOMEM, file, 0, 0, "内存不足");
	ys_yaml_free(&y);
	return st;
}

ys_status ys_template_load(ys_template *t, const char *datadir,
			   const char *name, const ys_catalog *cat, ys_diag *d)
{
	ys_status st;

	memset(t, 0, sizeof *t);
	t->format = 1;
	t->kind = "budget";
	t->money_unit = "万元";
	t->decimals = 2;
	if ((st = load_file(t, datadir, name, cat, 0, d)) != YS_OK) {
		ys_template_free(t);
		return st;
	}
	if (!t->id)
		t->id = ys_arena_strdup(&t->arena, name);
	if (!t->name)
		t->name = t->id;
	if (!t->id || !t->name) {
		ys_template_free(t);
		return ys_fail(d, YS_ENOMEM, name, 0, 0, "内存不足");
	}
	return YS_OK;
}

void ys_template_free(ys_template *t)
{
	ys_arena_free(&t->arena);
	memset(t, 0, sizeof *t);
}

ys_status ys_template_parse_filter(ys_template *t, ys_yaml *y, ys_ynode *n,
				   const ys_catalog *cat, ys_filter *f, ys_diag *d)
{
	struct tctx c = {.t = t, .y = y, .cat = cat, .path = t->path, .d = d};

	return parse_filter(&c, n, f);
}

const ys_ttable *ys_template_table(const ys_template *t, const char *id)
{
	for (size_t i = 0; i < t->ntables; i++)
		if (!strcmp(t->tables[i].id, id))
			return &t->tables[i];
	return NULL;
}
