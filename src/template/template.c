/*
 * template.c - reading a template YAML file into ys_template, with every
 * error naming the template file and line.
 */
#include "template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
};

#define A(s) ys_arena_strdup(&c->t->arena, (s))

static ys_status bad(struct tctx *c, ys_ynode *n, const char *msg, const char *what)
{
	return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(n), ys_yaml_col(n),
		       msg, what);
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
	static const char *const known[] = {"fund", "type", "carry", "func", "eco",
		"eco_class", "tag", NULL};
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
	if (!ys_yaml_is_map(n))
		return bad(c, n, "filter 应为映射%s", "");
	for (size_t i = 0; i < ys_yaml_map_len(n); i++) {
		const char *k;
		int ok = 0;

		ys_yaml_map_at(c->y, n, i, &k);
		for (const char *const *p = known; *p; p++)
			ok |= !strcmp(*p, k);
		if (!ok)
			return bad(c, n, "filter 中的“%s”不是可识别的字段（fund, type, carry, func, eco, eco_class, tag）", k);
	}
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

		col->key = ys_yaml_get_str(c->y, e, "key");
		col->label = ys_yaml_get_str(c->y, e, "label");
		if (!col->key || !col->label)
			return bad(c, e, "每一列需要 key 和 label%s", "");
		col->key = A(col->key);
		col->label = A(col->label);
		col->side = side;
		if ((st = parse_filter(c, ys_yaml_get(c->y, e, "filter"), &col->filter)))
			return st;
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

			hc->text = ys_yaml_get_str(c->y, cell, "text");
			if (!hc->text)
				return bad(c, cell, "表头单元格需要 text%s", "");
			hc->text = A(hc->text);
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

		if (!ys_yaml_is_map(e))
			return bad(c, e, "item 应为映射%s", "");
		it->item = ys_yaml_get_str(c->y, e, "item");
		it->name = ys_yaml_get_str(c->y, e, "name");
		if (!it->item || !it->name)
			return bad(c, e, "item 需要 item 和 name%s", "");
		it->item = A(it->item);
		it->name = A(it->name);
		it->label = A((s = ys_yaml_get_str(c->y, e, "label")) ? s : it->name);
		if ((s = ys_yaml_get_str(c->y, e, "group")))
			it->group = A(s);
		if ((s = ys_yaml_get_str(c->y, e, "code")))
			it->code = A(s);
		if ((s = ys_yaml_get_str(c->y, e, "side"))) {
			if (strcmp(s, "income") && strcmp(s, "expense"))
				return bad(c, e, "side 应为 income 或 expense，而不是“%s”", s);
			it->side = !strcmp(s, "income") ? "income" : "expense";
		} else if (tb->two_sided) {
			return bad(c, e, "两栏式表格的 item 需要 side%s", "");
		}
		it->line = (s = ys_yaml_get_str(c->y, e, "line")) ? atoi(s) : (int)i + 1;
		it->indent = (s = ys_yaml_get_str(c->y, e, "indent")) ? atoi(s) : 0;
		it->total = (s = ys_yaml_get_str(c->y, e, "total")) && !strcmp(s, "true");
		it->heading = (s = ys_yaml_get_str(c->y, e, "heading")) && !strcmp(s, "true");
		if (!ys_yaml_get(c->y, e, "filter"))
			return bad(c, e, "item“%s”缺少 filter（不限条件写 {}，恒为空写 none）", it->name);
		if ((st = parse_filter(c, ys_yaml_get(c->y, e, "filter"), &it->filter)))
			return st;
		if (it->heading && !it->filter.none)
			return bad(c, e, "标题行（heading: true）的 filter 应为 none：“%s”", it->name);
		for (size_t k = 0; k < i; k++)
			if (!strcmp(tb->items[k].item, it->item))
				return bad(c, e, "item 键“%s”重复", it->item);
	}
	tb->nitems = ni;
	return YS_OK;
}

/* The header rows must exactly cover the printed columns (序号, code and
 * name or 项目, amounts; two-sided: both sides), or every renderer would
 * draw a broken table. */
static ys_status check_header(struct tctx *c, ys_ynode *n, ys_ttable *tb)
{
	size_t width = 1 + (tb->two_sided ? 2 : tb->rows_by == YS_ROWS_ITEMS ? 1 : 2) + tb->ncols;
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

	if (!ys_yaml_is_map(n))
		return bad(c, n, "tables 的每一项应为映射%s", "");
	tb->id = ys_yaml_get_str(c->y, n, "id");
	tb->title = ys_yaml_get_str(c->y, n, "title");
	if (!tb->id || !tb->title)
		return bad(c, n, "表格需要 id 和 title%s", "");
	tb->id = A(tb->id);
	tb->title = A(tb->title);
	if ((st = str_list(c, ys_yaml_get(c->y, n, "aliases"), "aliases", &tb->aliases, &tb->naliases)))
		return st;
	s = ys_yaml_get_str(c->y, n, "rows");
	if (!s || !strcmp(s, "func"))
		tb->rows_by = YS_ROWS_FUNC;
	else if (!strcmp(s, "eco"))
		tb->rows_by = YS_ROWS_ECO;
	else if (!strcmp(s, "items"))
		tb->rows_by = YS_ROWS_ITEMS;
	else
		return bad(c, ys_yaml_get(c->y, n, "rows"), "rows 应为 func、eco 或 items，而不是“%s”", s);
	tb->two_sided = (s = ys_yaml_get_str(c->y, n, "two_sided")) && !strcmp(s, "true");
	tb->numbering = (s = ys_yaml_get_str(c->y, n, "numbering")) && !strcmp(s, "true");
	if ((s = ys_yaml_get_str(c->y, n, "total_row")))
		tb->total_row = A(s);
	else if (tb->rows_by != YS_ROWS_ITEMS)
		tb->total_row = "合计";
	if ((s = ys_yaml_get_str(c->y, n, "empty_note")))
		tb->empty_note = A(s);
	if ((st = parse_filter(c, ys_yaml_get(c->y, n, "filter"), &tb->filter)))
		return st;
	cols = ys_yaml_get(c->y, n, "columns");
	if (!cols)
		return bad(c, n, "表格“%s”缺少 columns", tb->id);
	maxcols = ys_yaml_seq_len(cols) + ys_yaml_seq_len(ys_yaml_get(c->y, cols, "income")) +
		  ys_yaml_seq_len(ys_yaml_get(c->y, cols, "expense"));
	tb->cols = ys_arena_alloc(&c->t->arena, (maxcols + 1) * sizeof *tb->cols);
	if (!tb->cols)
		return YS_ENOMEM;
	if (tb->two_sided) {
		if (!ys_yaml_is_map(cols) || !ys_yaml_get(c->y, cols, "income") ||
		    !ys_yaml_get(c->y, cols, "expense"))
			return bad(c, cols, "两栏式表格的 columns 需要 income 和 expense 两部分%s", "");
		if ((st = parse_cols(c, ys_yaml_get(c->y, cols, "income"), "income", tb->cols, &tb->ncols)) ||
		    (st = parse_cols(c, ys_yaml_get(c->y, cols, "expense"), "expense", tb->cols, &tb->ncols)))
			return st;
	} else if ((st = parse_cols(c, cols, NULL, tb->cols, &tb->ncols))) {
		return st;
	}
	if (tb->rows_by == YS_ROWS_ITEMS &&
	    (st = parse_items(c, ys_yaml_get(c->y, n, "items"), tb)))
		return st;
	if ((st = parse_header(c, ys_yaml_get(c->y, n, "header"), tb)))
		return st;
	return check_header(c, n, tb);
}

ys_status ys_template_load(ys_template *t, const char *datadir,
			   const char *name, const ys_catalog *cat, ys_diag *d)
{
	char path[4096];
	char *text = NULL;
	size_t len, n;
	ys_yaml y;
	ys_ynode *root, *tables;
	struct tctx c;
	ys_status st;
	const char *s;

	memset(t, 0, sizeof *t);
	n = strlen(name);
	if (n > 5 && !strcmp(name + n - 5, ".yaml"))
		snprintf(path, sizeof path, "%s", name);
	else
		snprintf(path, sizeof path, "%s/templates/%s.yaml", datadir, name);
	t->path = ys_arena_strdup(&t->arena, path);
	if ((st = ys_read_file(path, 16u << 20, &text, &len, d)) != YS_OK) {
		if (st == YS_EIO)
			st = ys_fail(d, YS_ENOTFOUND, path, 0, 0,
				     "找不到模板“%s”（模板在 %s/templates/ 中）", name, datadir);
		ys_template_free(t);
		return st;
	}
	st = ys_yaml_load(&y, t->path, text, len, d);
	free(text);
	if (st != YS_OK) {
		ys_template_free(t);
		return st;
	}
	c.t = t;
	c.y = &y;
	c.cat = cat;
	c.path = t->path;
	c.d = d;
	root = ys_yaml_root(&y);
	t->id = ys_arena_strdup(&t->arena, (s = ys_yaml_get_str(&y, root, "id")) ? s : name);
	t->name = ys_arena_strdup(&t->arena, (s = ys_yaml_get_str(&y, root, "name")) ? s : name);
	t->money_unit = ys_arena_strdup(&t->arena, (s = ys_yaml_get_str(&y, root, "money_unit")) ? s : "万元");
	t->decimals = (s = ys_yaml_get_str(&y, root, "decimals")) ? atoi(s) : 2;
	if (strcmp(t->money_unit, "万元") && strcmp(t->money_unit, "元")) {
		st = bad(&c, ys_yaml_get(&y, root, "money_unit"), "money_unit 应为 万元 或 元，而不是“%s”", t->money_unit);
		goto out;
	}
	if (t->decimals < 0 || t->decimals > 2 + (strcmp(t->money_unit, "万元") ? 0 : 4)) {
		st = bad(&c, ys_yaml_get(&y, root, "decimals"), "decimals 超出范围%s", "");
		goto out;
	}
	{
		int64_t unit = strcmp(t->money_unit, "万元") ? 100 : 1000000;

		for (int i = 0; i < t->decimals; i++)
			unit /= 10;
		t->fen_per_display = unit;
	}
	if ((st = str_list(&c, ys_yaml_get(&y, root, "header_lines"), "header_lines",
			   &t->header_lines, &t->nheader_lines)))
		goto out;
	tables = ys_yaml_get(&y, root, "tables");
	if (!ys_yaml_is_seq(tables)) {
		st = bad(&c, root, "模板缺少 tables 列表%s", "");
		goto out;
	}
	t->ntables = ys_yaml_seq_len(tables);
	t->tables = ys_arena_alloc(&t->arena, (t->ntables + 1) * sizeof *t->tables);
	if (!t->tables) {
		st = YS_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < t->ntables; i++)
		if ((st = parse_table(&c, ys_yaml_seq_at(&y, tables, i), &t->tables[i])))
			goto out;
	st = ys_figures_load(t, &y, root, cat, d);
out:
	if (st == YS_ENOMEM)
		st = ys_fail(d, YS_ENOMEM, t->path, 0, 0, "内存不足");
	ys_yaml_free(&y);
	if (st != YS_OK)
		ys_template_free(t);
	return st;
}

void ys_template_free(ys_template *t)
{
	ys_arena_free(&t->arena);
	memset(t, 0, sizeof *t);
}

ys_status ys_template_parse_filter(ys_template *t, ys_yaml *y, ys_ynode *n,
				   const ys_catalog *cat, ys_filter *f, ys_diag *d)
{
	struct tctx c = {t, y, cat, t->path, d};

	return parse_filter(&c, n, f);
}

const ys_ttable *ys_template_table(const ys_template *t, const char *id)
{
	for (size_t i = 0; i < t->ntables; i++)
		if (!strcmp(t->tables[i].id, id))
			return &t->tables[i];
	return NULL;
}
