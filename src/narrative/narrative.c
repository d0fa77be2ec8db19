/*
 * narrative.c - expands the template's section wording with the figures
 * the 情况说明 states. Figures are the template's (`figures:`, evaluated by
 * src/template/figures.c from the cube with the tables' rounding) and so
 * are the sentences: the C knows neither a figure's name nor a table, so
 * another province's figures and phrasing are a template edit.
 *
 * Placeholders: {var} or {var:fmt} for a figure (fmt wanN rounds to N
 * decimals of the display unit half away from zero; wanNt drops trailing
 * zeros, "0.16", "0"; changes print without sign, wanNs with it), {var} for a text
 * figure (unit_name, year, project_names …), {text:key} for a bundle text,
 * {word:var} for 增加/减少/无增减变化 of a change, {phrase:var} for the
 * template's phrases.<var>.up|down|same|none, "{{" for a literal brace.
 */
#include "narrative.h"

#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/limits.h"
#include "../base/text.h"
#include "../base/yaml.h"
#include "../template/build.h"
#include "../template/figures.h"

#define MAX_DEPTH 6

typedef struct fig {
	int64_t v;	/* display units (10^-decimals of money_unit) */
	int has;
	int change;	/* a difference of figures, worded 增加/减少 */
} fig;

struct nctx {
	ys_disclosure *ds;
	const ys_template *t;
	const ys_budget *b;
	const ys_catalog *cat;
	const ys_cube *cube;
	ys_yaml *y;
	ys_ynode *phrases, *words;
	const char *strs[16][2];	/* name, text */
	int nstrs;
	long line;	/* template line of the text being expanded */
	ys_diag *d;
	int nomem;	/* a text built on the side ran out of memory */
};

static void str_set(struct nctx *c, const char *name, const char *text)
{
	if (c->nstrs < 16) {
		c->strs[c->nstrs][0] = name;
		c->strs[c->nstrs][1] = text;
		c->nstrs++;
	}
}

static int64_t to_display(const struct nctx *c, ys_fen fen)
{
	return ys_div_round(fen, c->t->fen_per_display);
}

/* The template figure `name` (figures.h). YS_ENOTFOUND: no such figure;
 * other failures are reported with the template line of the text. */
static ys_status figure(struct nctx *c, const char *name, fig *f)
{
	ys_fig_env e = {c->t, c->b, c->cat, c->cube, c->ds};
	ys_status st;

	c->d->msg[0] = '\0';
	st = ys_figure_eval(&e, name, &f->v, &f->has, c->d);
	f->change = ys_figure_is_change(c->t, name);

	if (st == YS_ERANGE)
		return ys_fail(c->d, YS_ERANGE, c->t->path, c->line, 0,
			       "情况说明的金额“%s”超出范围（溢出）", name);
	if (st == YS_EINPUT && !c->d->msg[0])
		return ys_fail(c->d, YS_EINPUT, c->t->path, c->line, 0,
			       "模板占位符“{%s}”的编码或键不存在", name);
	return st;
}

/* ---- text figures ---- */

static const char *join_projects(struct nctx *c)
{
	ys_buf buf = YS_BUF_INIT;
	const char *s;

	for (size_t i = 0; i < c->b->nprojects; i++) {
		if (i)
			ys_buf_puts(&buf, "、");
		ys_buf_puts(&buf, c->b->projects[i].name);
	}
	s = ys_arena_strdup(&c->ds->arena, ys_buf_str(&buf));
	if (!s)
		c->nomem = 1;
	ys_buf_release(&buf, &c->nomem);
	return s;
}

/* A table cell of the pipe-table convention: "|" inside a value would
 * split the cell, so it is shown as the full-width "｜". */
static void put_cell(ys_buf *buf, const char *s)
{
	ys_buf_puts(buf, " ");
	for (s = s ? s : ""; *s; s++) {
		if (*s == '|')
			ys_buf_puts(buf, "｜");
		else if (*s == '\n' || *s == '\r')
			ys_buf_putc(buf, ' ');
		else
			ys_buf_putc(buf, *s);
	}
	ys_buf_puts(buf, " |");
}

static const char *orgs_rows(struct nctx *c)
{
	ys_buf buf = YS_BUF_INIT;
	const char *s;

	for (size_t i = 0; i < c->b->norgs; i++) {
		const ys_org *o = &c->b->orgs[i];

		if (i)
			ys_buf_putc(&buf, '\n');
		ys_buf_puts(&buf, "|");
		put_cell(&buf, o->name);
		put_cell(&buf, o->nature);
		put_cell(&buf, o->level);
		put_cell(&buf, o->funding);
	}
	s = ys_arena_strdup(&c->ds->arena, ys_buf_str(&buf));
	if (!s)
		c->nomem = 1;
	ys_buf_release(&buf, &c->nomem);
	return s;
}

static void put_amount_cell(struct nctx *c, ys_buf *buf, int64_t display, int has)
{
	char m[YS_MONEY_FMT_MAX];

	put_cell(buf, has ? ys_money_format(display, c->t->decimals, 0, m) : "");
}

/* The rows of the 固定资产占用情况 table: the template's `asset_rows:`
 * (bundle asset key and printed label, in order). */
static const char *assets_rows(struct nctx *c)
{
	ys_ynode *list = ys_yaml_get(c->y, ys_yaml_root(c->y), "asset_rows");
	size_t n = ys_yaml_seq_len(list);
	ys_buf buf = YS_BUF_INIT;
	const char *s;

	for (size_t k = 0; k < n; k++) {
		ys_ynode *e = ys_yaml_seq_at(c->y, list, k);
		const char *key = ys_yaml_get_str(c->y, e, "key");
		const char *label = ys_yaml_get_str(c->y, e, "label");
		const ys_asset *as = NULL;

		for (int i = 0; key && i < c->b->nassets; i++)
			if (c->b->assets[i].key && !strcmp(c->b->assets[i].key, key))
				as = &c->b->assets[i];
		if (k)
			ys_buf_putc(&buf, '\n');
		ys_buf_puts(&buf, "|");
		put_cell(&buf, label ? label : key);
		put_cell(&buf, as && as->count ? as->count : "");
		put_amount_cell(c, &buf, as ? to_display(c, as->value) : 0, as && as->has_value);
	}
	s = ys_arena_strdup(&c->ds->arena, ys_buf_str(&buf));
	if (!s)
		c->nomem = 1;
	ys_buf_release(&buf, &c->nomem);
	return s;
}

static const char *procurement_rows(struct nctx *c)
{
	ys_buf buf = YS_BUF_INIT;
	const char *s;

	for (size_t i = 0; i < c->b->nprocurement; i++) {
		const ys_procurement *p = &c->b->procurement[i];
		int f = p->fund ? ys_catalog_fund(c->cat, p->fund) : -1;

		if (i)
			ys_buf_putc(&buf, '\n');
		ys_buf_puts(&buf, "|");
		put_cell(&buf, p->project);
		put_cell(&buf, p->item);
		put_cell(&buf, p->catalog_no);
		put_cell(&buf, p->unit);
		put_cell(&buf, p->quantity);
		put_amount_cell(c, &buf, to_display(c, p->unit_price), 1);
		put_amount_cell(c, &buf, to_display(c, p->amount), 1);
		put_cell(&buf, f >= 0 ? c->cat->funds[f].name : p->fund);
	}
	s = ys_arena_strdup(&c->ds->arena, ys_buf_str(&buf));
	if (!s)
		c->nomem = 1;
	ys_buf_release(&buf, &c->nomem);
	return s;
}

/* ---- expansion ---- */

static ys_status bad(struct nctx *c, const char *fmt, const char *what)
{
	return ys_fail(c->d, YS_EINPUT, c->t->path, c->line, 0, fmt, what);
}

static void put_figure(struct nctx *c, ys_buf *out, const fig *f, const char *fmt)
{
	char m[YS_MONEY_FMT_MAX];
	int dec = c->t->decimals, to = dec, trim = 0;
	int sign = 0;
	/* A change (x_change) is worded by its phrase, 增加 or 减少, and
	 * printed without its sign unless the format asks for it (wan2s, a
	 * column of changes); any other figure is what it is, and a negative
	 * one keeps its minus: "-3万元", never "3万元" or "0万元". */
	int64_t v = f->change && f->v < 0 ? -f->v : f->v;

	if (!f->has) {
		ys_buf_puts(out, "—");
		return;
	}
	if (fmt && !strncmp(fmt, "wan", 3) && fmt[3] >= '0' && fmt[3] <= '9') {
		to = fmt[3] - '0';
		trim = strchr(fmt + 4, 't') != NULL;
		sign = strchr(fmt + 4, 's') != NULL;
	}
	if (sign)	/* keep the sign: a column of changes */
		v = f->v;
	if (to > dec)
		to = dec;
	v = ys_money_rescale(v, dec, to);
	ys_money_format(v, to, 0, m);
	if (trim && strchr(m, '.')) {
		size_t n = strlen(m);

		while (n && m[n - 1] == '0')
			m[--n] = 0;
		if (n && m[n - 1] == '.')
			m[--n] = 0;
	}
	ys_buf_puts(out, m);
}

/* "up", "down" or "same" for a change, "none" when it is unknown. */
static const char *sign_key(const fig *f)
{
	if (!f || !f->has)
		return "none";
	return f->v > 0 ? "up" : f->v < 0 ? "down" : "same";
}

static ys_status expand(struct nctx *c, const char *s, ys_buf *out, int depth);

static ys_status put_placeholder(struct nctx *c, const char *ph, ys_buf *out,
				 int depth)
{
	const char *colon = strchr(ph, ':');
	char name[96];
	size_t n = colon ? (size_t)(colon - ph) : strlen(ph);
	const char *arg = colon ? colon + 1 : NULL;
	ys_status st;
	fig f;

	if (n >= sizeof name)
		return bad(c, "模板占位符“{%s}”过长", ph);
	memcpy(name, ph, n);
	name[n] = 0;
	if (!strcmp(name, "text") && arg) {
		const char *tx = ys_budget_text(c->b, arg);
		size_t len = tx ? strlen(tx) : 0;

		while (len && (tx[len - 1] == '\n' || tx[len - 1] == ' '))
			len--;
		if (tx)
			ys_buf_add(out, tx, len);
		return YS_OK;
	}
	if ((!strcmp(name, "word") || !strcmp(name, "phrase")) && arg) {
		fig sf;
		const char *key;
		ys_status fs = figure(c, arg, &sf);

		if (fs == YS_ENOTFOUND)
			return bad(c, "模板措辞引用的“%s”不在 figures 中", arg);
		if (fs != YS_OK)
			return fs;
		key = sign_key(&sf);
		ys_ynode *set = name[0] == 'w' ? c->words : ys_yaml_get(c->y, c->phrases, arg);
		const char *text = ys_yaml_get_str(c->y, set, key);

		if (name[0] == 'p' && !set)
			return bad(c, "模板中没有措辞“phrases.%s”", arg);
		if (!text && !strcmp(key, "none"))
			return YS_OK;	/* unknown last year: say nothing */
		if (!text)
			return bad(c, "模板措辞缺少“%s”", key);
		if (depth >= MAX_DEPTH)
			return bad(c, "模板措辞“%s”嵌套过深", arg);
		return expand(c, text, out, depth + 1);
	}
	for (int i = 0; i < c->nstrs; i++)
		if (!strcmp(c->strs[i][0], name)) {
			ys_buf_puts(out, c->strs[i][1] ? c->strs[i][1] : "");
			return YS_OK;
		}
	if ((st = figure(c, name, &f)) == YS_OK) {
		put_figure(c, out, &f, arg);
		return YS_OK;
	}
	if (st != YS_ENOTFOUND)
		return st;
	return bad(c, "未知的模板占位符“{%s}”", ph);
}

static ys_status expand(struct nctx *c, const char *s, ys_buf *out, int depth)
{
	ys_status st;

	while (*s) {
		const char *close;
		char ph[128];

		if (s[0] == '{' && s[1] == '{') {
			ys_buf_putc(out, '{');
			s += 2;
			continue;
		}
		if (s[0] == '}' && s[1] == '}') {
			ys_buf_putc(out, '}');
			s += 2;
			continue;
		}
		if (*s != '{') {
			ys_buf_putc(out, *s++);
			continue;
		}
		if (!(close = strchr(s, '}')))
			return bad(c, "模板文本中“{”没有对应的“}”：%s", s);
		if ((size_t)(close - s - 1) >= sizeof ph)
			return bad(c, "模板占位符过长：%s", s);
		memcpy(ph, s + 1, (size_t)(close - s - 1));
		ph[close - s - 1] = 0;
		if ((st = put_placeholder(c, ph, out, depth)) != YS_OK)
			return st;
		s = close + 1;
	}
	return YS_OK;
}

/* The glossary: the template's entries, each replaced by the bundle's
 * entry with the same term, then the bundle's new terms; numbered 1、2、… */
static const char *glossary_text(struct nctx *c, ys_ynode *list)
{
	ys_buf buf = YS_BUF_INIT;
	size_t n = ys_yaml_seq_len(list), num = 0;
	const char *s;

	for (size_t i = 0; i < n; i++) {
		ys_ynode *e = ys_yaml_seq_at(c->y, list, i);
		const char *term = ys_yaml_get_str(c->y, e, "term");
		const char *text = ys_yaml_get_str(c->y, e, "text");

		if (!term)
			continue;
		for (size_t k = 0; k < c->b->nglossary; k++)
			if (c->b->glossary[k].key && !strcmp(c->b->glossary[k].key, term))
				text = c->b->glossary[k].value;
		ys_buf_printf(&buf, "%s%zu、%s：%s", num ? "\n" : "", num + 1, term,
			      text ? text : "");
		num++;
	}
	for (size_t k = 0; k < c->b->nglossary; k++) {
		const char *term = c->b->glossary[k].key;
		int known = 0;

		for (size_t i = 0; i < n && term && !known; i++) {
			const char *t = ys_yaml_get_str(c->y, ys_yaml_seq_at(c->y, list, i), "term");

			known = t && !strcmp(t, term);
		}
		if (!term || known)
			continue;
		ys_buf_printf(&buf, "%s%zu、%s：%s", num ? "\n" : "", num + 1, term,
			      c->b->glossary[k].value ? c->b->glossary[k].value : "");
		num++;
	}
	s = ys_buf_ok(&buf) ? ys_arena_strdup(&c->ds->arena, ys_buf_str(&buf)) : NULL;
	if (!s)
		c->nomem = 1;
	ys_buf_free(&buf);
	return s;
}

static ys_status build_sections(struct nctx *c)
{
	ys_ynode *root = ys_yaml_root(c->y);
	ys_ynode *list = ys_yaml_get(c->y, root, "sections");
	size_t n = ys_yaml_seq_len(list);
	char year[16], prev_year[16];
	const char *glossary;
	ys_status st = YS_OK;

	if (!list)
		return YS_OK;
	if (!ys_yaml_is_seq(list))
		return ys_fail(c->d, YS_EINPUT, c->t->path, ys_yaml_line(list), 0,
			       "“sections”应为列表");
	c->phrases = ys_yaml_get(c->y, root, "phrases");
	c->words = ys_yaml_get(c->y, root, "words");
	if (!(glossary = glossary_text(c, ys_yaml_get(c->y, root, "glossary"))))
		return YS_ENOMEM;

	snprintf(year, sizeof year, "%d", c->b->year);
	if (c->b->previous.present && c->b->previous.year)
		snprintf(prev_year, sizeof prev_year, "%d", c->b->previous.year);
	else
		snprintf(prev_year, sizeof prev_year, "%d", c->b->year - 1);
	str_set(c, "unit_name", c->b->unit_name);
	/* Empty for a 事业 unit, which by definition has no 机关运行经费 (a
	 * section says so with `empty_if: admin_unit`); "1" otherwise. */
	str_set(c, "admin_unit", c->b->nature && !strcmp(c->b->nature, "事业") ? "" : "1");
	str_set(c, "unit_code", c->b->unit_code);
	str_set(c, "year", ys_arena_strdup(&c->ds->arena, year));
	str_set(c, "prev_year", ys_arena_strdup(&c->ds->arena, prev_year));
	str_set(c, "duties", c->b->duties);
	str_set(c, "project_names", join_projects(c));
	str_set(c, "orgs_rows", orgs_rows(c));
	str_set(c, "assets_rows", assets_rows(c));
	str_set(c, "assets_as_of", c->b->assets_as_of ? c->b->assets_as_of : "");
	str_set(c, "procurement_rows", procurement_rows(c));
	str_set(c, "glossary", glossary);

	c->ds->sections = ys_arena_alloc(&c->ds->arena, (n + 1) * sizeof *c->ds->sections);
	if (!c->ds->sections)
		return YS_ENOMEM;
	for (size_t i = 0; i < n && st == YS_OK; i++) {
		ys_ynode *e = ys_yaml_seq_at(c->y, list, i);
		ys_dsection *sec = &c->ds->sections[i];
		const char *id = ys_yaml_get_str(c->y, e, "id");
		const char *title = ys_yaml_get_str(c->y, e, "title");
		const char *text = ys_yaml_get_str(c->y, e, "text");
		/* A section can have a second wording for when a table it
		 * shows is empty: `empty_if: procurement_rows` + `text_empty`. */
		const char *empty_if = ys_yaml_get_str(c->y, e, "empty_if");
		const char *text_empty = ys_yaml_get_str(c->y, e, "text_empty");
		ys_buf buf = YS_BUF_INIT;

		if (!id || !title || !text)
			return ys_fail(c->d, YS_EINPUT, c->t->path, ys_yaml_line(e), 0,
				       "sections 的每一项应有 id、title 和 text");
		if (empty_if && text_empty) {
			for (int k = 0; k < c->nstrs; k++)
				if (!strcmp(c->strs[k][0], empty_if) &&
				    (!c->strs[k][1] || !*c->strs[k][1]))
					text = text_empty;
		}
		c->line = ys_yaml_line(e);
		if ((st = expand(c, title, &buf, 0)) == YS_OK) {
			sec->title = ys_arena_strdup(&c->ds->arena, ys_buf_str(&buf));
			ys_buf_reset(&buf);
			st = expand(c, text, &buf, 0);
		}
		if (st == YS_OK) {
			size_t len = buf.len;

			/* YAML block scalars end with a newline; the text does not. */
			while (len && buf.data[len - 1] == '\n')
				len--;
			sec->id = ys_arena_strdup(&c->ds->arena, id);
			sec->text = ys_arena_strndup(&c->ds->arena, ys_buf_str(&buf), len);
			if (!ys_buf_ok(&buf) || !sec->id || !sec->title || !sec->text)
				st = YS_ENOMEM;
		}
		ys_buf_free(&buf);
		c->ds->nsections = i + 1;
	}
	return st;
}

ys_status ys_narrative_build(ys_disclosure *ds, const ys_template *t,
			     const ys_budget *b, const ys_catalog *cat,
			     const ys_cube *cube, ys_diag *d)
{
	struct nctx c;
	ys_yaml y;
	char *text = NULL;
	size_t len = 0;
	ys_status st;

	memset(&c, 0, sizeof c);
	c.ds = ds;
	c.t = t;
	c.b = b;
	c.cat = cat;
	c.y = &y;
	c.d = d;
	if (!t->path)
		return YS_OK;
	if ((st = ys_read_file_limited(t->path, template_bytes, &text, &len, d)) != YS_OK)
		return st;
	memset(&y, 0, sizeof y);
	st = ys_yaml_load(&y, t->path, text, len, d);
	free(text);
	if (st != YS_OK)
		return st;
	c.cube = cube;
	st = build_sections(&c);
	if (st == YS_OK && c.nomem)
		st = ys_fail(d, YS_ENOMEM, t->path, 0, 0, "内存不足");
	ys_yaml_free(&y);
	return st;
}
