/*
 * rules_text.c - hygiene rules (YS-H…: negative amounts, 元/万元 mix-ups,
 * placeholders, shares over 100%, performance-indicator levels and costs,
 * years in titles) and narrative rules (YS-N…: figures stated in the
 * sections against the tables, at the precision the text uses; sums
 * stated in the text against their parts). Numbers in Chinese text are read
 * digit by digit into integers, never through a double.
 */
#include "check_int.h"

#include <stdio.h>
#include <string.h>

#include "../base/money.h"
#include "../template/figures.h"

/* ---- amounts in tables ---- */

static void amounts(ys_ck *c)
{
	for (size_t i = 0; i < c->ds->ntables; i++) {
		const ys_dtable *t = &c->ds->tables[i];
		const ys_drow *tot = ysck_total_row(t);

		if (!t->id)
			continue;
		for (size_t k = 0; k < t->nrows; k++) {
			const ys_drow *r = &t->rows[k];

			for (size_t col = 0; col < t->ncols; col++) {
				int64_t v = ysck_val(r, (int)col), tv = ysck_val(tot, (int)col);
				char a[YS_MONEY_FMT_MAX];

				if (v < 0) {
					ys_money_format(v, c->ds->decimals, 0, a);
					ysck_emit(c, "YS-H001", t, r, t->cols[col].key, NULL,
						  "金额 %s 为负数", a);
				}
				if (r != tot && tv > 0 && v / 1000 >= tv) {
					ys_money_format(v, c->ds->decimals, 0, a);
					ysck_emit(c, "YS-H002", t, r, t->cols[col].key, NULL,
						  "金额 %s 是合计的1000倍以上，是否以元填入了%s表？", a,
						  c->ds->money_unit ? c->ds->money_unit : "万元");
				}
			}
		}
	}
}

/* ---- numbers in text ---- */

typedef struct num {
	const char *at, *end;	/* the digits; end is past the unit */
	int64_t v;		/* in 10^-dec units */
	int dec;
	int unit;		/* 'e' 亿元, 'w' 万元, 'y' 元, '%' percent, 0 none */
} num;

static int is_digit(const char *p)
{
	return *p >= '0' && *p <= '9';
}

/* Reads the number starting at p (ASCII digits, ',' between groups, one
 * '.') and its unit. Returns 0 when p holds no number. */
static int read_num(const char *p, num *n)
{
	char buf[40];
	size_t k = 0;
	const char *q = p, *why;
	int dot = 0;

	if (!is_digit(p))
		return 0;
	n->at = p;
	n->dec = 0;
	while (k + 1 < sizeof buf &&
	       (is_digit(q) || (*q == ',' && is_digit(q + 1)) || (*q == '.' && !dot && is_digit(q + 1)))) {
		if (*q == '.')
			dot = 1;
		else if (dot && is_digit(q))
			n->dec++;
		if (*q != ',')
			buf[k++] = *q;
		q++;
	}
	buf[k] = '\0';
	if (n->dec > 6 || ys_money_parse(buf, n->dec, &n->v, &why) != YS_MONEY_VALUE)
		return 0;
	n->unit = 0;
	if (!strncmp(q, "万元", 6)) {
		n->unit = 'w';
		q += 6;
	} else if (!strncmp(q, "亿元", 6)) {
		n->unit = 'e';
		q += 6;
	} else if (!strncmp(q, "元", 3)) {
		n->unit = 'y';
		q += 3;
	} else if (*q == '%') {
		n->unit = '%';
		q++;
	} else if (!strncmp(q, "％", 3)) {
		n->unit = '%';
		q += 3;
	}
	n->end = q;
	return 1;
}

static int64_t pow10i(int n)
{
	int64_t r = 1;

	while (n-- > 0)
		r *= 10;
	return r;
}

/* A 万元 figure in hundredths of 万元 (more decimals are rounded). */
static int64_t hundredths(const num *n)
{
	return n->dec <= 2 ? n->v * pow10i(2 - n->dec) : ys_money_rescale(n->v, n->dec, 2);
}

static int is_money(int unit)
{
	return unit == 'y' || unit == 'w' || unit == 'e';
}

/* Powers of ten of 元 in one 元, 万元, 亿元. */
static int unit_exp(int unit)
{
	return unit == 'e' ? 8 : unit == 'w' ? 4 : 0;
}

static int unit_of(const char *money_unit)
{
	return !money_unit || !strcmp(money_unit, "万元") ? 'w' : !strcmp(money_unit, "元") ? 'y'
	       : !strcmp(money_unit, "亿元") ? 'e' : 'w';
}

static const char *unit_word(int unit)
{
	return unit == 'e' ? "亿元" : unit == 'y' ? "元" : "万元";
}

/* The disclosure's money unit ('w' 万元 unless it says otherwise). */
static int table_unit(const ys_ck *c)
{
	return unit_of(c->ds->money_unit);
}

/* Does the number n, read as being in `unit`, state `v` (10^-decimals of
 * the table's unit) at the text's own precision? A number more precise
 * than the table is compared at the table's precision when its unit is
 * another, and exactly when it is the table's ("552.180万元"). */
static int states_as(const ys_ck *c, const num *n, int unit, int64_t v, int decimals)
{
	int st = unit_exp(unit) - n->dec, sd = unit_exp(table_unit(c)) - decimals;
	int64_t scaled;

	if (st >= sd)
		return st - sd > 18 || ys_money_rescale(v, st - sd, 0) == n->v;
	if (sd - st > 18)
		return 1;
	if (unit != table_unit(c))
		return ys_money_rescale(n->v, sd - st, 0) == v;
	return !ys_mul_ok(v, pow10i(sd - st), &scaled) || n->v == scaled;
}

/* n in 10^-decimals of the table's unit (rounded); 0 when out of range. */
static int in_table_units(const ys_ck *c, const num *n, int decimals, int64_t *out)
{
	int e = unit_exp(n->unit) - unit_exp(table_unit(c)) + decimals - n->dec;

	if (e < -18 || e > 18)
		return 0;
	if (e <= 0) {
		*out = ys_money_rescale(n->v, -e, 0);
		return 1;
	}
	return ys_mul_ok(n->v, pow10i(e), out);
}

static int states(const ys_ck *c, const num *n, int64_t v, int decimals)
{
	return !is_money(n->unit) || states_as(c, n, n->unit, v, decimals);
}

/* The row of a template cell (figures.h) in this disclosure, and its
 * column in *ci: by item key, code or name, or the table's total row by
 * the template's name for it. */
static const ys_drow *tcell(ys_ck *c, const ys_fcell *fc, int *ci, const ys_dtable **tab)
{
	const ys_dtable *t = ys_disclosure_table(c->ds, fc->table);
	const ys_ttable *tt = c->tpl ? ys_template_table(c->tpl, fc->table) : NULL;

	*tab = t;
	if (!t || (*ci = ys_dtable_col(t, fc->col, fc->side)) < 0)
		return NULL;
	for (size_t i = 0; i < t->nrows; i++) {
		const ys_drow *r = &t->rows[i];

		if (fc->side && (!r->side || strcmp(r->side, fc->side)))
			continue;
		if (((r->item && !strcmp(r->item, fc->row)) || (r->code && !strcmp(r->code, fc->row)) ||
		     (r->name && !strcmp(r->name, fc->row))) && !r->heading)
			return r;
	}
	if (tt && tt->total_row && !strcmp(tt->total_row, fc->row)) {
		const ys_drow *r = ysck_total_row(t);

		return r && !r->heading ? r : NULL;
	}
	return NULL;
}

/* The template's figures (figures.h), or NULL: a disclosure checked
 * without its template has no narrative figures to compare. */
static const struct ys_tfigures *tfigures(const ys_ck *c)
{
	return c->tpl ? c->tpl->figures : NULL;
}

/* The words of a phrase binding before its "{}". */
static const char *phrase_words(const char *phrase, char *buf, size_t cap)
{
	const char *br = strstr(phrase, "{}");
	size_t n = br ? (size_t)(br - phrase) : strlen(phrase);

	if (n >= cap)
		n = cap - 1;
	memcpy(buf, phrase, n);
	buf[n] = '\0';
	return buf;
}

/* Words that may stand between a phrase and its figure. */
static const char *const fillers[] = {"预算", "为", "共计", "合计", "共", "是", "：", ":", "安排", " ", NULL};

static const char *skip_fillers(const char *p)
{
	for (int moved = 1; moved;) {
		moved = 0;
		for (int i = 0; fillers[i]; i++)
			if (!strncmp(p, fillers[i], strlen(fillers[i]))) {
				p += strlen(fillers[i]);
				moved = 1;
			}
	}
	return p;
}

/* Is the phrase at p about another year ("上年…", "2022年…")? Looks at the
 * bytes just before it. */
static int other_year(const char *text, const char *p, int year)
{
	const char *from = p - text > 24 ? p - 24 : text;
	char buf[32];
	size_t n = (size_t)(p - from);
	char y[8];

	memcpy(buf, from, n);
	buf[n] = '\0';
	snprintf(y, sizeof y, "%d", year);
	if (strstr(buf, "上年") || strstr(buf, "上一年"))
		return 1;
	for (const char *q = buf; *q; q++)
		if (q[0] == '2' && q[1] == '0' && is_digit(q + 2) && is_digit(q + 3) &&
		    !strncmp(q + 4, "年", 3) && strncmp(q, y, 4))
			return 1;
	return 0;
}

/* Is the phrase at p the end of a longer phrase of another figure
 * ("项目支出" in "基本支出比项目支出")? Then it states that figure. */
static int inside_longer(const ys_ck *c, const char *text, const char *p, const char *phrase)
{
	const struct ys_tfigures *fs = tfigures(c);
	size_t pl = strlen(phrase);

	for (size_t k = 0; fs && k < fs->n; k++)
		for (size_t ph = 0; ph < fs->v[k].nphrases; ph++) {
			char words[128];
			const char *q = phrase_words(fs->v[k].phrases[ph], words, sizeof words);
			size_t ql = strlen(q);

			if (ql > pl && !strcmp(q + ql - pl, phrase) && (size_t)(p - text) >= ql - pl &&
			    !strncmp(p - (ql - pl), q, ql))
				return 1;
		}
	return 0;
}

/* The next statement of phrase in text at or after from: an amount in
 * 元, 万元 or 亿元 right after the phrase and its filler words, not about
 * another year, and not right after one of the figure's not_after words
 * ("一般公共预算收入" is not the whole "预算收入"). Returns where the phrase
 * is and the figure in *n, or NULL. */
static const char *next_statement(const ys_ck *c, const char *text, const char *from,
				  const char *phrase, const ys_tfigure *f, num *n)
{
	if (!*phrase)
		return NULL;
	for (const char *p = strstr(from, phrase); p; p = strstr(p + 1, phrase)) {
		const char *q = skip_fillers(p + strlen(phrase));
		int after = 0;

		if (!read_num(q, n) || !is_money(n->unit))
			continue;
		if (other_year(text, p, c->ds->year) || inside_longer(c, text, p, phrase))
			continue;
		for (size_t i = 0; f && i < f->nnot_after && !after; i++) {
			size_t w = strlen(f->not_after[i]);

			after = (size_t)(p - text) >= w && !strncmp(p - w, f->not_after[i], w);
		}
		if (!after)
			return p;
	}
	return NULL;
}

/* A figure's only_if_equal: its two cells agree (for 人员经费 of all funds
 * against a table of 一般公共预算 only). Unknown (a cell missing): no. */
static int condition_holds(ys_ck *c, const ys_tfigure *f)
{
	const ys_dtable *t;
	const ys_drow *r0, *r1;
	int c0 = -1, c1 = -1;

	if (!f->only_if_equal)
		return 1;
	r0 = tcell(c, &f->only_if_equal[0], &c0, &t);
	r1 = tcell(c, &f->only_if_equal[1], &c1, &t);
	return r0 && r1 && ysck_val(r0, c0) == ysck_val(r1, c1);
}

/* YS-N001: each phrase a template figure binds, wherever a section states
 * it, against the figure's cells (any of them). A number that is right
 * only in the table's unit (万元 written for a 元 figure) says so. */
static void narrative_figures(ys_ck *c, const ys_dsection *s)
{
	const struct ys_tfigures *fs = tfigures(c);

	for (size_t k = 0; fs && k < fs->n; k++) {
		const ys_tfigure *f = &fs->v[k];
		const ys_dtable *t = NULL, *t2;
		const ys_drow *r = NULL;
		int col = -1;

		if (!f->nphrases || !f->ncells || !condition_holds(c, f))
			continue;
		r = tcell(c, &f->cells[0], &col, &t);
		if (!r)
			continue;
		for (size_t ph = 0; ph < f->nphrases; ph++) {
			char words[128];
			const char *phrase = phrase_words(f->phrases[ph], words, sizeof words);
			num n;

			for (const char *p = next_statement(c, s->text, s->text, phrase, f, &n); p;
			     p = next_statement(c, s->text, p + 1, phrase, f, &n)) {
				char a[YS_MONEY_FMT_MAX], said[64];
				int right = 0, in_table_unit = 0;

				for (size_t i = 0; i < f->ncells && !right; i++) {
					int ci = -1;
					const ys_drow *ri = tcell(c, &f->cells[i], &ci, &t2);

					right = ri && states(c, &n, ysck_val(ri, ci), c->ds->decimals);
					in_table_unit |= ri && states_as(c, &n, table_unit(c),
									 ysck_val(ri, ci), c->ds->decimals);
				}
				if (right)
					continue;
				ys_money_format(ysck_val(r, col), c->ds->decimals, 0, a);
				snprintf(said, sizeof said, "%.*s", (int)(n.end - n.at), n.at);
				if (in_table_unit && n.unit != table_unit(c))
					ysck_emit(c, "YS-N001", t, r, t->cols[col].key, s->id,
						  "说明中“%s%s”写作%s，表中为%s（%s 为 %s %s），数额差%s倍",
						  phrase, said, unit_word(n.unit), unit_word(table_unit(c)),
						  t->id, a, unit_word(table_unit(c)),
						  unit_exp(n.unit) - unit_exp(table_unit(c)) == 4 ||
						  unit_exp(n.unit) - unit_exp(table_unit(c)) == -4 ? "一万" : "一亿");
				else
					ysck_emit(c, "YS-N001", t, r, t->cols[col].key, s->id,
						  "说明写%s %s，%s 为 %s %s", phrase, said, t->id, a,
						  unit_word(table_unit(c)));
			}
		}
	}
}

/* The word of `words` (up, down, same) at p, or 0; *len its length. */
static int sign_word_at(const struct ys_tfigures *fs, const char *p, size_t *len)
{
	const char *w[3] = {fs->up, fs->down, fs->same};

	for (int i = 0; i < 3; i++)
		if (w[i] && *w[i] && !strncmp(p, w[i], strlen(w[i]))) {
			*len = strlen(w[i]);
			return i == 0 ? 1 : i == 1 ? -1 : 2;
		}
	return 0;
}

/* YS-N004 / YS-N001 for sums and differences of cells a text states
 * ("基本支出比项目支出减少1407800.00元"): the template's sign word
 * (words: up/down/same) agrees with the sign of the difference and the
 * amount with its size. */
static void narrative_computed(ys_ck *c, const ys_dsection *s)
{
	const struct ys_tfigures *fs = tfigures(c);
	ys_fig_env e = {c->tpl, NULL, NULL, NULL, c->ds};

	for (size_t k = 0; fs && k < fs->n; k++) {
		const ys_tfigure *f = &fs->v[k];
		int64_t v = 0, mag;
		int known = 0;
		ys_diag d;

		if (f->kind != YS_FIG_SUM || f->ncells || !f->nphrases ||
		    ys_figure_eval(&e, f->name, &v, &known, &d) != YS_OK || !known)
			continue;
		mag = v < 0 ? -v : v;
		for (size_t ph = 0; ph < f->nphrases; ph++) {
			char words[128], a[YS_MONEY_FMT_MAX];
			const char *phrase = phrase_words(f->phrases[ph], words, sizeof words);

			for (const char *p = *phrase ? strstr(s->text, phrase) : NULL; p;
			     p = strstr(p + 1, phrase)) {
				const char *q = skip_fillers(p + strlen(phrase));
				size_t wl = 0;
				int sign = f->diff ? sign_word_at(fs, q, &wl) : 0;
				num n;

				if (other_year(s->text, p, c->ds->year) ||
				    inside_longer(c, s->text, p, phrase))
					continue;
				ys_money_format(v, c->ds->decimals, 0, a);
				if (sign == 2) {
					if (v != 0)
						ysck_emit(c, "YS-N004", NULL, NULL, NULL, s->id,
							  "说明写%s%s，按表格为 %s %s", phrase, fs->same, a,
							  unit_word(table_unit(c)));
					continue;
				}
				if (!read_num(skip_fillers(q + wl), &n) || !is_money(n.unit))
					continue;
				if (sign && (sign > 0) != (v > 0)) {
					ysck_emit(c, "YS-N004", NULL, NULL, NULL, s->id,
						  "说明写%s%s%.*s，按表格为 %s %s（%s）", phrase,
						  sign > 0 ? fs->up : fs->down, (int)(n.end - n.at), n.at, a,
						  unit_word(table_unit(c)),
						  v > 0 ? fs->up : v < 0 ? fs->down : fs->same ? fs->same : "0");
					continue;
				}
				if (!states(c, &n, sign ? mag : v, c->ds->decimals))
					ysck_emit(c, "YS-N001", NULL, NULL, NULL, s->id,
						  "说明写%s %.*s，按表格为 %s %s", phrase,
						  (int)(n.end - n.at), n.at, a, unit_word(table_unit(c)));
			}
		}
	}
}

/* YS-N008: a figure stated in two sections with amounts that cannot both
 * be right at their precision ("基本支出206万元" in one, "基本支出211万元"
 * in another). A phrase with a qualifier in front ("一般公共预算基本支出")
 * is another figure, compared only with the same qualifier. Phrases that
 * documents use for two different figures (预算收入: this year's income
 * or the grand total) are left out. */
static const char *const qualifiers[] = {"一般公共预算", "公共预算", "财政拨款", "拨款", "基金",
					 "专户", "事业", "经营", "本级", NULL};
#define NQUAL (sizeof qualifiers / sizeof *qualifiers)

static size_t qualifier(const char *text, const char *p)
{
	for (size_t i = 0; qualifiers[i]; i++) {
		size_t n = strlen(qualifiers[i]);

		if ((size_t)(p - text) >= n && !strncmp(p - n, qualifiers[i], n))
			return i + 1;
	}
	return 0;
}

/* Can a and b (万元 or 元) state the same amount? The more precise one,
 * rounded to the other's precision, must equal it. */
static int same_amount(const num *a, const num *b)
{
	int da = a->dec + 8 - unit_exp(a->unit), db = b->dec + 8 - unit_exp(b->unit);

	return da <= db ? ys_money_rescale(b->v, db, da) == a->v : ys_money_rescale(a->v, da, db) == b->v;
}

/* Does the figure's phrase stand for two different amounts (its cells are
 * two of one table: 预算收入 is this year's income or the grand total)? */
static int ambiguous(const ys_tfigure *f)
{
	for (size_t i = 1; i < f->ncells; i++)
		if (!strcmp(f->cells[i].table, f->cells[0].table))
			return 1;
	return 0;
}

static void same_figure(ys_ck *c)
{
	const struct ys_tfigures *fs = tfigures(c);

	for (size_t k = 0; fs && k < fs->n; k++)
	for (size_t ph = 0; ph < fs->v[k].nphrases; ph++) {
		const ys_tfigure *f = &fs->v[k];
		char words[128];
		const char *phrase = phrase_words(f->phrases[ph], words, sizeof words);
		struct {
			num n;
			const ys_dsection *s;
		} first[NQUAL];

		if (ambiguous(f))
			continue;
		memset(first, 0, sizeof first);
		for (size_t i = 0; i < c->ds->nsections; i++) {
			const ys_dsection *s = &c->ds->sections[i];
			num n;

			if (!s->text)
				continue;
			for (const char *p = next_statement(c, s->text, s->text, phrase, f, &n); p;
			     p = next_statement(c, s->text, p + 1, phrase, f, &n)) {
				size_t q = qualifier(s->text, p);

				if (n.dec > 6)
					continue;
				if (!first[q].s) {
					first[q].n = n;
					first[q].s = s;
				} else if (first[q].s != s && !same_amount(&first[q].n, &n)) {
					ysck_emit(c, "YS-N008", NULL, NULL, NULL, s->id,
						  "%s%s在§%s写 %.*s，在§%s写 %.*s", q ? qualifiers[q - 1] : "",
						  phrase, first[q].s->id ? first[q].s->id : "",
						  (int)(first[q].n.end - first[q].n.at), first[q].n.at,
						  s->id ? s->id : "", (int)(n.end - n.at), n.at);
				}
			}
		}
	}
}

/* YS-N003: "基本支出206万元，占支出总额的37.3%": the share stated must be
 * the share in the tables, at the text's precision. The whole is 基本支出
 * when the 占 clause names it (人员经费占基本支出的…), else total
 * expenditure. A gap of one unit in the last digit (truncating instead of
 * rounding) is a warning. */
static void narrative_shares(ys_ck *c, const ys_dsection *s)
{
	const struct ys_tfigures *fs = tfigures(c);
	const ys_tfigure *whole_fig = NULL;
	const ys_dtable *wt;
	const ys_drow *wr;
	int wcol = -1;

	for (size_t k = 0; fs && k < fs->n && !whole_fig; k++)
		if (fs->v[k].share == 2 && fs->v[k].ncells)
			whole_fig = &fs->v[k];
	if (!whole_fig || !(wr = tcell(c, &whole_fig->cells[0], &wcol, &wt)))
		return;
	for (size_t k = 0; k < fs->n; k++) {
		const ys_tfigure *f = &fs->v[k];
		const ys_dtable *pt;
		const ys_drow *pr;
		int pc = -1;

		if (f->share != 1 || !f->ncells || !f->nphrases || !condition_holds(c, f) ||
		    !(pr = tcell(c, &f->cells[0], &pc, &pt)))
			continue;
		for (size_t ph = 0; ph < f->nphrases; ph++) {
		char words[128];
		const char *part_words = phrase_words(f->phrases[ph], words, sizeof words);

		for (const char *p = *part_words ? strstr(s->text, part_words) : NULL; p;
		     p = strstr(p + 1, part_words)) {
			const char *q = skip_fillers(p + strlen(part_words)), *zhan, *r;
			const ys_dtable *ot = wt;
			const ys_drow *or = wr;
			int oc = wcol;
			num amount, pct;
			int64_t part, whole, want, gap;
			char clause[64];

			if (!read_num(q, &amount) || !is_money(amount.unit) || other_year(s->text, p, c->ds->year))
				continue;
			q = amount.end;
			if (!strncmp(q, "，", 3))
				q += 3;
			if (strncmp(q, "占", 3))
				continue;
			zhan = q + 3;
			for (r = zhan; *r && r - zhan < 40 && !is_digit(r); r++)
				;
			if (!read_num(r, &pct) || pct.unit != '%' || pct.dec > 4)
				continue;
			snprintf(clause, sizeof clause, "%.*s", (int)(r - zhan), zhan);
			part = ysck_val(pr, pc);
			/* The whole is a part figure the 占 clause names
			 * (人员经费占基本支出的…), else the template's whole. */
			for (size_t j = 0; j < fs->n; j++) {
				const ys_tfigure *g = &fs->v[j];
				char gw[128];

				if (g->share == 1 && g != f && g->ncells && g->nphrases &&
				    *phrase_words(g->phrases[0], gw, sizeof gw) && strstr(clause, gw)) {
					if (!(or = tcell(c, &g->cells[0], &oc, &ot)))
						break;
					break;
				}
			}
			if (!or)
				continue;
			whole = ysck_val(or, oc);
			if (whole <= 0 || part < 0 || part > INT64_MAX / 1000000)
				continue;
			want = ys_div_round(part * 100 * pow10i(pct.dec), whole);
			gap = pct.v - want;
			if (gap == 0)
				continue;
			ysck_emit_sev(c, "YS-N003", gap == 1 || gap == -1 ? YS_SEV_WARNING : YS_SEV_ERROR,
				      pt, pr, ot->cols[oc].key, s->id,
				      "说明写%s占%s%.*s，按表格应为 %lld.%0*lld%%", part_words, clause,
				      (int)(pct.end - pct.at), pct.at,
				      (long long)(want / pow10i(pct.dec)), pct.dec,
				      (long long)(want % pow10i(pct.dec)));
		}
		}
	}
}

/* The direction a change figure states: +1 after 增加/增长, -1 after
 * 减少/下降, 0 for a plain amount. */
static int direction(const char *text, const char *at)
{
	if (at - text < 6)
		return 0;
	if (!strncmp(at - 6, "增加", 6) || !strncmp(at - 6, "增长", 6))
		return 1;
	if (!strncmp(at - 6, "减少", 6) || !strncmp(at - 6, "下降", 6))
		return -1;
	return 0;
}

/* YS-N002: "X万元，其中A万元、B万元…": the parts must not exceed X by
 * more than their rounding (half a unit of each figure's precision). A
 * list of parts may be incomplete, so falling short is not reported. In a
 * change ("增加10万元，其中：基本支出增加50万元，项目支出减少40万元") a
 * part that goes the other way from the whole counts negative. */
static void narrative_sums(ys_ck *c, const ys_dsection *s)
{
	for (const char *p = strstr(s->text, "其中"); p; p = strstr(p + 1, "其中")) {
		const char *q, *back = p - s->text > 40 ? p - 40 : s->text;
		num whole = {0}, part;
		int found = 0, nparts = 0, depth = 0, wdir = 0;
		int64_t sum = 0, slack;

		/* The last figure in the table's unit in the 40 bytes before 其中. A number is
		 * read from its first digit only: the window may begin inside
		 * one, and after a number is read the scan goes on past its
		 * end, not into its decimals ("5694.39万元" is not "39万元"). */
		while (back > s->text && (is_digit(back - 1) || back[-1] == '.' || back[-1] == ','))
			back--;
		for (q = back; q < p; q++) {
			num n;

			if (!is_digit(q) || !read_num(q, &n))
				continue;
			if (n.unit == table_unit(c) && n.end <= p) {
				whole = n;
				wdir = direction(s->text, q);
				found = 1;
			}
			q = n.end - 1;
		}
		if (!found || whole.dec > 6)
			continue;
		slack = pow10i(2 - (whole.dec < 2 ? whole.dec : 2)) / 2;
		/* The figures in the table's unit up to the end of the sentence. */
		for (q = p + 6; *q && strncmp(q, "。", 3) && strncmp(q, "；", 3) && *q != '\n' &&
				strncmp(q, "包括", 6); q++) {
			/* Figures in brackets detail a part; a closing bracket
			 * ends a list that began inside brackets. */
			if (!strncmp(q, "（", 3) || *q == '(') {
				depth++;
				continue;
			}
			if (!strncmp(q, "）", 3) || *q == ')') {
				if (--depth < 0)
					break;
				continue;
			}
			if (depth || !is_digit(q) || is_digit(q - 1) || !read_num(q, &part))
				continue;
			if (part.unit == table_unit(c)) {
				int pdir = direction(s->text, q);

				if (wdir && pdir && pdir != wdir)
					sum -= hundredths(&part);
				else
					sum += hundredths(&part);
				slack += pow10i(2 - (part.dec < 2 ? part.dec : 2)) / 2;
				nparts++;
			}
			q = part.end - 1;
		}
		if (nparts >= 2 && sum - hundredths(&whole) > slack) {
			char a[YS_MONEY_FMT_MAX], b[YS_MONEY_FMT_MAX];

			ys_money_format(hundredths(&whole), 2, 0, a);
			ys_money_format(sum, 2, 0, b);
			ysck_emit(c, "YS-N002", NULL, NULL, NULL, s->id,
				  "说明写合计 %s %s，其中各项之和为 %s %s", a,
				  unit_word(table_unit(c)), b, unit_word(table_unit(c)));
		}
	}
}

/* YS-N004: "A万元，比上年增加X万元，增长Y%": the direction words agree
 * with each other and with the sign, and Y is X over last year's amount
 * (A − X for an increase, A + X for a decrease) — not over this year's.
 * The figures are rounded, so Y is accepted anywhere in the range their
 * rounding allows, plus one unit of its last digit. */
static int rate_in(int64_t x, int64_t hx, int64_t base, int64_t hb, const num *y)
{
	int64_t scale = 100 * pow10i(y->dec), lo, hi;

	if (base - hb <= 0 || x > INT64_MAX / scale / 2)
		return 1;
	lo = (x - hx > 0 ? x - hx : 0) * scale / (base + hb);
	hi = (x + hx) * scale / (base - hb) + 1;
	return y->v >= lo - 1 && y->v <= hi + 1;
}

static const char *after_word(const char *p, const char *const *words, int *which)
{
	for (int i = 0; words[i]; i++)
		if (!strncmp(p, words[i], strlen(words[i]))) {
			*which = i;
			return p + strlen(words[i]);
		}
	return NULL;
}

static void narrative_changes(ys_ck *c, const ys_dsection *s)
{
	static const char *const cmp[] = {"比上年", "较上年", "比2", "较2", NULL};
	static const char *const dir[] = {"增加", "增长", "减少", "下降", NULL};
	/* Odd indexes are decreases; longer words first. */
	static const char *const rate[] = {"，增幅为", "，降幅为", "，增长", "，下降", "，增幅", "，降幅", "，增加", "，减少", NULL};

	for (const char *p = s->text; *p; p++) {
		const char *q, *start;
		num a = {0}, x, y;
		int w, d, rd, found = 0;
		int64_t ha, hx, base;

		if (!after_word(p, cmp, &w))
			continue;
		/* This year's amount: the last figure in the table's unit
		 * earlier in the sentence. */
		for (start = p; start > s->text && strncmp(start, "。", 3) && strncmp(start, "；", 3) &&
				*start != '\n' && p - start < 90; start--)
			;
		for (q = start; q < p; q++) {
			num n;

			if (is_digit(q) && (q == s->text || !is_digit(q - 1)) && read_num(q, &n) &&
			    n.unit == table_unit(c) && n.end <= p) {
				a = n;
				found = 1;
				q = n.end - 1;
			}
		}
		q = p + (w < 2 ? 9 : 4);
		while (*q && (is_digit(q) || !strncmp(q, "年", 3) || !strncmp(q, "预算", 6)))
			q += is_digit(q) ? 1 : strncmp(q, "年", 3) ? 6 : 3;
		if (!(q = after_word(q, dir, &d)))
			continue;
		if (*q == '-' || !strncmp(q, "－", 3) || !strncmp(q, "负", 3)) {
			ysck_emit(c, "YS-N004", NULL, NULL, NULL, s->id, "“%s”后面是负数：增减方向自相矛盾", dir[d]);
			continue;
		}
		if (!read_num(q, &x) || x.unit != table_unit(c) || x.dec > 4)
			continue;
		q = x.end;
		if (!(q = after_word(q, rate, &rd)) || !read_num(q, &y) || y.unit != '%' || y.dec > 4)
			continue;
		if ((d >= 2) != (rd % 2 == 1)) {
			ysck_emit(c, "YS-N004", NULL, NULL, NULL, s->id, "先说“%s”，后说“%s”：增减方向矛盾",
				  dir[d], rate[rd] + 3);
			continue;
		}
		if (!found || a.dec > 4)
			continue;
		ha = pow10i(2 - (a.dec < 2 ? a.dec : 2)) / 2;
		hx = pow10i(2 - (x.dec < 2 ? x.dec : 2)) / 2;
		base = d < 2 ? hundredths(&a) - hundredths(&x) : hundredths(&a) + hundredths(&x);
		if (rate_in(hundredths(&x), hx, base, ha + hx, &y))
			continue;
		ysck_emit(c, "YS-N004", NULL, NULL, NULL, s->id,
			  "%.*s 与 %.*s、%.*s 不符：增减率应除以上年数%s",
			  (int)(y.end - y.at), y.at, (int)(a.end - a.at), a.at, (int)(x.end - x.at), x.at,
			  rate_in(hundredths(&x), hx, hundredths(&a), ha, &y) ? "，而不是本年数" : "");
	}
}

/* YS-N005 (and YS-N001 for its figures): a comparison table in a section
 * ("| 项目 | 2022年预算（万元） | 2023年预算（万元） | 增减（万元） |"):
 * each row's change equals this year minus last year, and this year's
 * figures of known rows equal the tables. */
#define MAX_CELLS 8

static size_t split_row(const char *line, const char *end, char cells[][96])
{
	size_t n = 0;
	const char *p = line + 1;

	while (p < end && n < MAX_CELLS) {
		const char *q = p;
		size_t len;

		while (q < end && *q != '|')
			q++;
		if (q >= end)
			break;
		while (p < q && *p == ' ')
			p++;
		len = (size_t)(q - p);
		while (len && p[len - 1] == ' ')
			len--;
		if (len >= 96)
			len = 95;
		memcpy(cells[n], p, len);
		cells[n++][len] = '\0';
		p = q + 1;
	}
	return n;
}

static void narrative_tables(ys_ck *c, const ys_dsection *s)
{
	const struct ys_tfigures *fs = tfigures(c);
	int cur = -1, prev = -1, chg = -1;
	char y[16], py[16];

	snprintf(y, sizeof y, "%d年", c->ds->year);
	snprintf(py, sizeof py, "%d年", c->ds->year - 1);
	for (const char *line = s->text; line && *line;) {
		const char *end = strchr(line, '\n');
		char cells[MAX_CELLS][96];
		size_t n;

		if (!end)
			end = line + strlen(line);
		if (*line != '|') {
			cur = prev = chg = -1;
			line = *end ? end + 1 : end;
			continue;
		}
		n = split_row(line, end, cells);
		if (cur < 0 || prev < 0 || chg < 0) {
			for (size_t i = 0; i < n; i++) {
				if (strstr(cells[i], "增减"))
					chg = (int)i;
				else if (c->ds->year && strstr(cells[i], y))
					cur = (int)i;
				else if (strstr(cells[i], py) || strstr(cells[i], "上年"))
					prev = (int)i;
			}
		} else if ((size_t)cur < n && (size_t)prev < n && (size_t)chg < n) {
			int64_t a, b, d;
			const char *why;

			if (ys_money_parse(cells[cur], c->ds->decimals, &a, &why) == YS_MONEY_VALUE &&
			    ys_money_parse(cells[prev], c->ds->decimals, &b, &why) == YS_MONEY_VALUE &&
			    ys_money_parse(cells[chg], c->ds->decimals, &d, &why) == YS_MONEY_VALUE &&
			    a - b != d)
				ysck_emit(c, "YS-N005", NULL, NULL, NULL, s->id,
					  "“%s”增减 %s 不等于 %s − %s", cells[0], cells[chg], cells[cur], cells[prev]);
			/* A row a template figure names (row_labels): this
			 * year's column is that figure. */
			for (size_t k = 0; fs && k < fs->n; k++) {
				const ys_tfigure *f = &fs->v[k];
				const ys_dtable *t;
				const ys_drow *r;
				int col = -1, named = 0;
				char want[YS_MONEY_FMT_MAX];

				for (size_t l = 0; l < f->nrow_labels && !named; l++)
					named = !strcmp(cells[0], f->row_labels[l]);
				if (!named || !f->ncells)
					continue;
				r = tcell(c, &f->cells[0], &col, &t);
				if (!r || ys_money_parse(cells[cur], c->ds->decimals, &a, &why) != YS_MONEY_VALUE ||
				    a == ysck_val(r, col))
					continue;
				ys_money_format(ysck_val(r, col), c->ds->decimals, 0, want);
				ysck_emit(c, "YS-N001", t, r, t->cols[col].key, s->id,
					  "说明中的表列“%s”本年 %s，%s 为 %s", cells[0], cells[cur], t->id, want);
			}
		}
		line = *end ? end + 1 : end;
	}
}

/* YS-H003: "占…%" over 100, and the shares of one whole stated in one
 * sentence adding to over 100% ("基本支出占37.3%，项目支出占72.7%"). Shares
 * are added only when their 占 clauses name the same whole ("占支出总额的",
 * or nothing); a sentence ends at 。 or a line break, and 其中 starts a new
 * list (its shares are of a part). Each share may be rounded by half a unit
 * of its last digit. */
#define MAX_SHARE_GROUPS 8

typedef struct share_group {
	char whole[48];
	int64_t sum, slack;	/* in 10^-4 percent */
	int n;
} share_group;

static void share_sum_report(ys_ck *c, const ys_dsection *s, share_group *g, int ng)
{
	for (int i = 0; i < ng; i++) {
		if (g[i].n >= 2 && g[i].sum - g[i].slack > 100 * 10000) {
			char a[YS_MONEY_FMT_MAX];
			size_t k;

			ys_money_format(g[i].sum, 4, 0, a);
			/* 100.3000 → 100.3 */
			for (k = strlen(a); k && a[k - 1] == '0'; k--)
				a[k - 1] = '\0';
			if (k && a[k - 1] == '.')
				a[k - 1] = '\0';
			k = strlen(g[i].whole);
			if (k >= 3 && !strcmp(g[i].whole + k - 3, "的"))
				g[i].whole[k - 3] = '\0';
			if (g[i].whole[0])
				ysck_emit(c, "YS-H003", NULL, NULL, NULL, s->id,
					  "同一句中占“%s”的 %d 个占比之和为 %s%%，超过100%%",
					  g[i].whole, g[i].n, a);
			else
				ysck_emit(c, "YS-H003", NULL, NULL, NULL, s->id,
					  "同一句中的 %d 个占比之和为 %s%%，超过100%%", g[i].n, a);
		}
	}
}

static void shares(ys_ck *c, const ys_dsection *s)
{
	share_group g[MAX_SHARE_GROUPS];
	int ng = 0;

	for (const char *p = s->text; *p; p++) {
		const char *q = p + 3;
		int hops = 0, k;
		num n;
		char whole[48];

		if (!strncmp(p, "。", 3) || *p == '\n' || !strncmp(p, "其中", 6)) {
			share_sum_report(c, s, g, ng);
			ng = 0;
			continue;
		}
		if (strncmp(p, "占", 3))
			continue;
		while (*q && hops < 30 && !is_digit(q) && strncmp(q, "。", 3) && strncmp(q, "，", 3)) {
			q++;
			hops++;
		}
		if (!read_num(q, &n) || n.unit != '%')
			continue;
		if (n.v > 100 * pow10i(n.dec))
			ysck_emit(c, "YS-H003", NULL, NULL, NULL, s->id, "占比 %.*s 超过100%%",
				  (int)(n.end - n.at), n.at);
		if (n.dec > 4 || n.v > 1000 * pow10i(n.dec))
			continue;	/* already reported; not added (no overflow) */
		snprintf(whole, sizeof whole, "%.*s", (int)(q - (p + 3)), p + 3);
		for (k = 0; k < ng && strcmp(g[k].whole, whole); k++)
			;
		if (k == ng) {
			if (ng == MAX_SHARE_GROUPS)
				continue;
			memset(&g[ng], 0, sizeof g[ng]);
			memcpy(g[ng].whole, whole, sizeof whole);
			ng++;
		}
		g[k].sum += n.v * pow10i(4 - n.dec);
		g[k].slack += pow10i(4 - n.dec) / 2;
		g[k].n++;
		p = n.end - 1;
	}
	share_sum_report(c, s, g, ng);
}

/* ---- procurement and asset tables (YS-N006, YS-N007) ----
 *
 * These tables are not among the nine: a parsed document keeps them as
 * unrecognised tables with their cells (titled 政府采购…, 固定资产…), a
 * generated one writes them into the section text as lines starting with
 * "|". A grid reads either the same way. */
#define GRID_MAX_ROWS 2000
#define GRID_MAX_COLS 64
#define GRID_CELL 256

typedef struct grid {
	const ys_dtable *t;	/* an unrecognised table, or NULL */
	const char *line[GRID_MAX_ROWS];	/* else its "|" lines in a section's text */
	size_t nrows, ncols;
	const char *title;	/* the table's title, or the line before the "|" lines */
	size_t title_len;
} grid;

/* Cell (r, c) as text in buf (spaces trimmed); "" when missing. */
static const char *grid_cell(const grid *g, size_t r, size_t c, char *buf, size_t cap)
{
	const char *p, *q, *end;
	size_t len;

	buf[0] = '\0';
	if (r >= g->nrows || c >= g->ncols)
		return buf;
	if (g->t) {
		p = g->t->cells[r] ? g->t->cells[r][c] : NULL;
		if (!p)
			return buf;
		end = p + strlen(p);
	} else {
		p = g->line[r];
		end = strchr(p, '\n');
		if (!end)
			end = p + strlen(p);
		p++;	/* the leading '|' */
		for (size_t k = 0; k < c && p < end; k++) {
			q = memchr(p, '|', (size_t)(end - p));
			p = q ? q + 1 : end;
		}
		q = memchr(p, '|', (size_t)(end - p));
		if (!q)
			return buf;
		end = q;
	}
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	len = (size_t)(end - p) < cap - 1 ? (size_t)(end - p) : cap - 1;
	memcpy(buf, p, len);
	buf[len] = '\0';
	return buf;
}

/* The text without white space (ASCII and U+3000): "项   目" is "项目". */
static void squeeze(char *s)
{
	char *w = s;

	for (const char *p = s; *p;) {
		if (*p == ' ' || *p == '\t') {
			p++;
		} else if (!strncmp(p, "\u3000", 3)) {
			p += 3;
		} else {
			*w++ = *p++;
		}
	}
	*w = '\0';
}

/* Does any cell of the first rows, or the title, contain word? */
static int grid_mentions(const grid *g, const char *word)
{
	char buf[GRID_CELL];

	if (g->title && g->title_len && memmem(g->title, g->title_len, word, strlen(word)))
		return 1;
	for (size_t r = 0; r < g->nrows && r < 4; r++)
		for (size_t c = 0; c < g->ncols; c++)
			if (strstr(grid_cell(g, r, c, buf, sizeof buf), word))
				return 1;
	return 0;
}

/* The first grid for which `is` holds: unrecognised tables first, then
 * "|" tables in the section texts. */
static int find_grid(ys_ck *c, int (*is)(const grid *), grid *g)
{
	for (size_t i = 0; i < c->ds->ntables; i++) {
		const ys_dtable *t = &c->ds->tables[i];

		if (t->id || !t->cells || !t->ncell_rows)
			continue;
		memset(g, 0, sizeof *g);
		g->t = t;
		g->nrows = t->ncell_rows < GRID_MAX_ROWS ? t->ncell_rows : GRID_MAX_ROWS;
		g->ncols = t->ncell_cols < GRID_MAX_COLS ? t->ncell_cols : GRID_MAX_COLS;
		g->title = t->title;
		g->title_len = t->title ? strlen(t->title) : 0;
		if (is(g))
			return 1;
	}
	for (size_t i = 0; i < c->ds->nsections; i++) {
		const char *text = c->ds->sections[i].text, *prev = NULL, *line;

		for (line = text; line && *line;) {
			const char *end = strchr(line, '\n');

			if (*line == '|') {
				memset(g, 0, sizeof *g);
				g->title = prev;
				g->title_len = prev ? (size_t)(line - 1 - prev) : 0;
				while (line && *line == '|' && g->nrows < GRID_MAX_ROWS) {
					size_t bars = 0;

					end = strchr(line, '\n');
					for (const char *q = line; q < (end ? end : line + strlen(line)); q++)
						bars += *q == '|';
					if (bars > 1 && bars - 1 > g->ncols)
						g->ncols = bars - 1 < GRID_MAX_COLS ? bars - 1 : GRID_MAX_COLS;
					g->line[g->nrows++] = line;
					line = end ? end + 1 : NULL;
				}
				if (is(g))
					return 1;
				prev = NULL;
				continue;
			}
			prev = line;
			line = end ? end + 1 : NULL;
		}
	}
	return 0;
}

static int is_procurement(const grid *g)
{
	return grid_mentions(g, "采购");
}

static int is_assets(const grid *g)
{
	return grid_mentions(g, "固定资产") || grid_mentions(g, "资产总额");
}

/* An amount cell: 1 with *v in hundredths (more decimals are rounded), 0
 * for an empty one ("", "-"), -1 for text. */
static int cell_amount(const char *cell, int64_t *v)
{
	const char *dot = strchr(cell, '.'), *why;
	int dec = 0;
	int64_t x;
	ys_money_parse_result r;

	if (dot)
		for (const char *p = dot + 1; is_digit(p); p++)
			dec++;
	if (dec > 6)
		return -1;
	r = ys_money_parse(cell, dec > 2 ? dec : 2, &x, &why);
	if (r == YS_MONEY_EMPTY) {
		*v = 0;
		return 0;
	}
	if (r != YS_MONEY_VALUE)
		return -1;
	*v = dec > 2 ? ys_money_rescale(x, dec, 2) : x;
	return 1;
}

/* The money unit of a grid's column: its label's （元）/（万元）, else a
 * 单位： line in the first rows, else the document's. 1 for 元. */
static int grid_in_yuan(ys_ck *c, const grid *g, size_t label_row, size_t col)
{
	char buf[GRID_CELL];
	const char *u;

	grid_cell(g, label_row, col, buf, sizeof buf);
	if (strstr(buf, "万元"))
		return 0;
	if (strstr(buf, "（元）") || strstr(buf, "(元)") || strstr(buf, "单位：元"))
		return 1;
	for (size_t r = 0; r < g->nrows && r < 4; r++)
		for (size_t k = 0; k < g->ncols; k++) {
			grid_cell(g, r, k, buf, sizeof buf);
			if ((u = strstr(buf, "单位：")) || (u = strstr(buf, "单位:")))
				return !strstr(u, "万元") && strstr(u, "元");
		}
	return c->ds->money_unit && !strcmp(c->ds->money_unit, "元");
}

/* A table total: hundredths of the document's 万元. blank: the table has no
 * amount in the column (published empty). Returns 0 when the column or the
 * total cannot be read safely. */
typedef struct grid_total {
	int64_t v;
	int blank;
	size_t row, col;
} grid_total;

static int to_doc_unit(ys_ck *c, const grid *g, size_t label_row, grid_total *gt, int64_t hundredths)
{
	/* Hundredths of 元 are 10^-6 万元. */
	int from = grid_in_yuan(c, g, label_row, gt->col) ? 6 : 2, to = c->ds->decimals;

	/* Beyond 10^12 万元 nothing is compared (and nothing overflows). */
	if (to < 0 || to > 6 || hundredths > INT64_MAX / 1000000 || hundredths < -(INT64_MAX / 1000000))
		return 0;
	gt->v = to <= from ? ys_money_rescale(hundredths, from, to) : hundredths * pow10i(to - from);
	return gt->v <= 100000000000000LL && gt->v >= -100000000000000LL;
}

/* Procurement: the 政府采购金额 column (its 合计 sub-column when the header
 * is split by fund), the 合计 row if there is one, else the sum of the rows
 * below the header. */
static int procurement_total(ys_ck *c, const grid *g, grid_total *gt)
{
	char buf[GRID_CELL];
	size_t hr = 0, col = 0, last = 0, r;
	int found = 0, any = 0;
	int64_t sum = 0, v;

	for (r = 0; r < g->nrows && r < 6 && !found; r++)
		for (size_t k = 0; k < g->ncols && !found; k++) {
			grid_cell(g, r, k, buf, sizeof buf);
			if (strstr(buf, "采购金额") || strstr(buf, "采购预算")) {
				hr = last = r;
				col = k;
				found = 1;
			}
		}
	if (!found)
		return 0;
	for (r = hr + 1; r < g->nrows && r < hr + 3; r++) {
		int header = 0;

		for (size_t k = 0; k < g->ncols; k++) {
			grid_cell(g, r, k, buf, sizeof buf);
			squeeze(buf);
			if (!strcmp(buf, "合计") && k >= col) {
				col = k;
				last = r;
				header = 1;
				break;
			}
		}
		if (!header)
			break;
	}
	gt->col = col;
	gt->blank = 1;
	for (r = last + 1; r < g->nrows; r++) {
		int kind = cell_amount(grid_cell(g, r, col, buf, sizeof buf), &v), first = 1;

		for (size_t k = 0; k < g->ncols && first; k++) {
			grid_cell(g, r, k, buf, sizeof buf);
			squeeze(buf);
			if (!buf[0])
				continue;
			first = 0;
			if (!strcmp(buf, "栏次")) {
				kind = 0;	/* column numbers, not amounts */
			} else if (strstr(buf, "合计") || strstr(buf, "总计")) {
				if (kind < 0)
					return 0;
				gt->row = r;
				gt->blank = kind == 0;
				return to_doc_unit(c, g, hr, gt, v);
			}
		}
		if (kind < 0) {
			grid_cell(g, r, col, buf, sizeof buf);
			squeeze(buf);
			if (!strcmp(buf, "栏次") || strstr(buf, "万元") || strstr(buf, "元）"))
				continue;	/* a header line repeated */
			return 0;
		}
		if (kind > 0) {
			any = 1;
			if (!ys_add_ok(sum, v, &sum))
				return 0;
		}
	}
	gt->blank = !any;
	gt->row = 0;
	return to_doc_unit(c, g, hr, gt, sum);
}

/* Assets: the 价值 (or 金额) column of the 资产总额 (or 合计) row. */
static int assets_total(ys_ck *c, const grid *g, grid_total *gt)
{
	char buf[GRID_CELL];
	size_t hr = 0, col = 0;
	int found = 0;
	int64_t v;

	for (size_t r = 0; r < g->nrows && r < 6 && !found; r++)
		for (size_t k = 1; k < g->ncols && !found; k++) {
			grid_cell(g, r, k, buf, sizeof buf);
			if (strstr(buf, "价值") || strstr(buf, "金额") || strstr(buf, "原值")) {
				hr = r;
				col = k;
				found = 1;
			}
		}
	if (!found)
		return 0;
	for (size_t r = hr + 1; r < g->nrows; r++) {
		int kind;

		grid_cell(g, r, 0, buf, sizeof buf);
		squeeze(buf);
		if (strncmp(buf, "资产总额", 12) && strcmp(buf, "合计") && strcmp(buf, "总计"))
			continue;
		if ((kind = cell_amount(grid_cell(g, r, col, buf, sizeof buf), &v)) < 0)
			return 0;
		gt->col = col;
		gt->row = r;
		gt->blank = kind == 0;
		return to_doc_unit(c, g, hr, gt, v);
	}
	return 0;
}

/* Compares each statement of the phrases in the sections with the table
 * total. A blank table against a figure other than 0 is a warning: the
 * table may have been left out rather than be wrong. */
static void aux_total(ys_ck *c, const char *rule, const char *what, const char *table_name,
		      int (*is)(const grid *),
		      int (*total)(ys_ck *, const grid *, grid_total *),
		      const char *const *phrases, const char *const *not_after)
{
	grid g;
	grid_total gt = {0};
	const char *title;

	if (!find_grid(c, is, &g) || !total(c, &g, &gt))
		return;
	/* A table in the text has the line before it as title, often a
	 * sentence: the rule's name for the table reads better. */
	title = g.t && g.t->title ? g.t->title : table_name;
	for (size_t i = 0; i < c->ds->nsections; i++) {
		const ys_dsection *s = &c->ds->sections[i];

		if (!s->text)
			continue;
		for (int k = 0; phrases[k]; k++) {
			for (const char *p = strstr(s->text, phrases[k]); p; p = strstr(p + 1, phrases[k])) {
				const char *q = skip_fillers(p + strlen(phrases[k]));
				int skip = 0;
				num n;
				char a[YS_MONEY_FMT_MAX];

				/* A longer phrase of the list ending here was found as such. */
				for (int m = 0; phrases[m] && !skip; m++) {
					size_t extra = strlen(phrases[m]) - strlen(phrases[k]);

					skip = strlen(phrases[m]) > strlen(phrases[k]) &&
					       (size_t)(p - s->text) >= extra &&
					       !strncmp(p - extra, phrases[m], strlen(phrases[m]));
				}
				for (int m = 0; not_after[m] && !skip; m++) {
					size_t len = strlen(not_after[m]);
					const char *from = p - s->text > 18 ? p - 18 : s->text;

					skip = memmem(from, (size_t)(p - from), not_after[m], len) != NULL;
				}
				if (skip || !read_num(q, &n) || !is_money(n.unit) || n.dec > 6 ||
				    states(c, &n, gt.v, c->ds->decimals))
					continue;
				ys_money_format(gt.v, c->ds->decimals, 0, a);
				ysck_emit_sev(c, rule, gt.blank && gt.v == 0 ? YS_SEV_WARNING : YS_SEV_ERROR,
					      NULL, NULL, NULL, s->id, "说明写%s %.*s，%s%s %s %s", what,
					      (int)(n.end - n.at), n.at, title,
					      gt.blank ? "中没有数字，按" : "为", a, unit_word(table_unit(c)));
			}
		}
	}
}

static void procurement_and_assets(ys_ck *c)
{
	static const char *const proc[] = {"政府采购预算", "政府采购金额", "政府采购总额", "政府采购资金", NULL};
	static const char *const proc_not[] = {"上年", "上一年", NULL};
	static const char *const assets[] = {"固定资产金额", "固定资产总额", "固定资产原值", "固定资产价值",
					       "资产总额", NULL};
	static const char *const assets_not[] = {"购置", "购买", "新增", "处置", "采购", NULL};

	aux_total(c, "YS-N006", "政府采购预算", "政府采购预算表", is_procurement, procurement_total, proc, proc_not);
	aux_total(c, "YS-N007", "固定资产", "固定资产占用情况表的资产总额", is_assets, assets_total, assets, assets_not);
}

/* YS-H006: placeholders left unfilled. */
static void placeholders(ys_ck *c, const char *text, const char *section)
{
	static const char *const marks[] = {"XX", "xx", "××", "＿＿", "___", "占%", "占 %", "为%", "（ ）万元", NULL};

	if (!text)
		return;
	for (int i = 0; marks[i]; i++) {
		const char *p = strstr(text, marks[i]);

		if (p) {
			ysck_emit(c, "YS-H006", NULL, NULL, NULL, section,
				  "留有未填写的占位内容“%.*s”", (int)strlen(marks[i]), p);
			break;
		}
	}
}

/* YS-H007: a year in a title differs from the document's. */
static void title_year(ys_ck *c, const char *title, const ys_dtable *t, const char *section)
{
	if (!title || !c->ds->year)
		return;
	for (const char *p = title; *p; p++) {
		if (p[0] == '2' && p[1] == '0' && is_digit(p + 2) && is_digit(p + 3) &&
		    !is_digit(p + 4) && !strncmp(p + 4, "年", 3) &&
		    (p == title || !is_digit(p - 1))) {
			int y = (p[2] - '0') * 10 + (p[3] - '0') + 2000;

			if (y != c->ds->year && y != c->ds->year - 1) {
				ysck_emit(c, "YS-H007", t, NULL, NULL, section,
					  "标题“%s”中的年度 %d 与文件年度 %d 不同", title, y, c->ds->year);
				return;
			}
		}
	}
}

/* YS-H004, YS-H005: performance targets. */
static const struct {
	const char *lv1;
	const char *lv2[5];
} framework[] = {
	{"产出指标", {"数量指标", "质量指标", "时效指标", "成本指标"}},
	{"效益指标", {"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}},
	{"满意度指标", {"服务对象满意度指标"}},
	{"成本指标", {"经济成本指标", "社会成本指标", "生态环境成本指标"}},
};

static void performance(ys_ck *c)
{
	for (size_t i = 0; i < c->ds->nperf; i++) {
		const ys_dperf *p = &c->ds->perf[i];

		for (size_t k = 0; k < p->nindicators; k++) {
			const ys_indicator *in = &p->indicators[k];
			int f = -1, ok2 = 0;
			char sect[48];

			snprintf(sect, sizeof sect, "performance[%zu]", i);
			for (int m = 0; m < 4; m++)
				if (in->lv1 && !strcmp(in->lv1, framework[m].lv1))
					f = m;
			if (in->lv1 && f < 0) {
				ysck_emit(c, "YS-H004", NULL, NULL, NULL, sect,
					  "一级指标“%s”不在指标框架中", in->lv1);
				continue;
			}
			for (int m = 0; f >= 0 && m < 5 && framework[f].lv2[m]; m++)
				if (in->lv2 && !strcmp(in->lv2, framework[f].lv2[m]))
					ok2 = 1;
			if (in->lv2 && f >= 0 && !ok2)
				ysck_emit(c, "YS-H004", NULL, NULL, NULL, sect,
					  "二级指标“%s”不属于一级指标“%s”", in->lv2, in->lv1);
			if (p->has_budget && in->lv2 && strstr(in->lv2, "成本") && in->value) {
				const char *q = in->value;
				num n;
				int64_t cost;

				while (*q && !is_digit(q))
					q++;
				if (read_num(q, &n) && is_money(n.unit) && n.dec <= 6 &&
				    in_table_units(c, &n, c->ds->decimals, &cost) && cost > p->budget) {
					char b[YS_MONEY_FMT_MAX];

					ys_money_format(p->budget, c->ds->decimals, 0, b);
					ysck_emit(c, "YS-H005", NULL, NULL, NULL, sect,
						  "成本指标“%s”为 %s，大于项目预算 %s %s",
						  in->lv3 ? in->lv3 : "", in->value, b, unit_word(table_unit(c)));
				}
			}
		}
		placeholders(c, p->goal, "performance");
	}
}

void ysck_rules_text(ys_ck *c)
{
	amounts(c);
	performance(c);
	for (size_t i = 0; i < c->ds->ntables; i++)
		title_year(c, c->ds->tables[i].title, &c->ds->tables[i], NULL);
	for (size_t i = 0; i < c->ds->nsections; i++) {
		const ys_dsection *s = &c->ds->sections[i];

		title_year(c, s->title, NULL, s->id);
		if (!s->text)
			continue;
		placeholders(c, s->text, s->id);
		shares(c, s);
		narrative_figures(c, s);
		narrative_computed(c, s);
		narrative_sums(c, s);
		narrative_shares(c, s);
		narrative_changes(c, s);
		narrative_tables(c, s);
	}
	same_figure(c);
	procurement_and_assets(c);
}
