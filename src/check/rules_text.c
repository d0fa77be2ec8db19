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
	int unit;		/* 'w' 万元, 'y' 元, '%' percent, 0 none */
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

/* A 万元 figure in 10^-decimals units. */
static int64_t at_decimals(const num *n, int decimals)
{
	return n->dec <= decimals ? n->v * pow10i(decimals - n->dec)
				  : ys_money_rescale(n->v, n->dec, decimals);
}

/* Does the text state `v` (10^-decimals 万元) at its own precision? A
 * figure in 元 is compared at the table's precision. */
static int states(const num *n, int64_t v, int decimals)
{
	if (n->unit == 'w') {
		if (n->dec >= decimals)
			return n->v == v * pow10i(n->dec - decimals);
		return ys_money_rescale(v, decimals, n->dec) == n->v;
	}
	if (n->unit == 'y')
		return ys_money_rescale(n->v, n->dec + 4, decimals) == v;
	return 1;
}

/* A figure the narrative states and where the tables hold it; a second
 * place (table2 …) is accepted too, for phrases documents use for either
 * all funds or the 一般公共预算 only (基本支出 in T3 or T5). */
typedef struct figure {
	const char *phrase;
	const char *table, *side, *item, *col;	/* item NULL: the 合计 row */
	const char *table2, *item2, *col2;
} figure;

static const figure figures[] = {
	{"收入总计", "T1", "income", "income_grand", "amount", NULL, NULL, NULL},
	{"一般公共预算收入", "T1", "income", "gpb", "amount", NULL, NULL, NULL},
	{"预算收入", "T1", "income", "income_total", "amount", "T1", "income_grand", "amount"},
	{"收入预算", "T1", "income", "income_total", "amount", "T1", "income_grand", "amount"},
	{"支出预算", "T1", "expense", "expense_total", "amount", "T1", "expense_grand", "amount"},
	{"支出总计", "T1", "expense", "expense_grand", "amount", NULL, NULL, NULL},
	{"机关运行经费", "T6", NULL, NULL, "public", NULL, NULL, NULL},
	{"基本支出", "T3", NULL, NULL, "basic", "T5", NULL, "basic"},
	{"项目支出", "T3", NULL, NULL, "project", "T5", NULL, "project"},
	{"人员经费", "T6", NULL, NULL, "personnel", NULL, NULL, NULL},
	{"公用经费", "T6", NULL, NULL, "public", NULL, NULL, NULL},
	{"“三公”经费", "T9", NULL, "total", "total", NULL, NULL, NULL},
	{"公务接待费", "T9", NULL, "reception", "total", NULL, NULL, NULL},
	{"公务用车运行维护费", "T9", NULL, "vehicle_operation", "total", NULL, NULL, NULL},
	{"公务用车购置费", "T9", NULL, "vehicle_purchase", "total", NULL, NULL, NULL},
};

/* The cell a figure refers to: its row and column in table `tid`. */
static const ys_drow *figure_cell(ys_ck *c, const char *tid, const char *side,
				  const char *item, const char *col, int *ci,
				  const ys_dtable **tab)
{
	const ys_dtable *t = tid ? ys_disclosure_table(c->ds, tid) : NULL;
	const ys_drow *r;

	*tab = t;
	if (!t)
		return NULL;
	r = item ? ysck_item(t, side, item, NULL) : ysck_total_row(t);
	*ci = ys_dtable_col(t, col, side);
	return r && *ci >= 0 && !r->heading ? r : NULL;
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

static void narrative_figures(ys_ck *c, const ys_dsection *s)
{
	for (size_t k = 0; k < sizeof figures / sizeof *figures; k++) {
		const figure *f = &figures[k];
		const ys_dtable *t, *t2;
		const ys_drow *r, *r2;
		int col = -1, col2 = -1;

		r = figure_cell(c, f->table, f->side, f->item, f->col, &col, &t);
		r2 = figure_cell(c, f->table2, f->side, f->item2, f->col2, &col2, &t2);
		if (!r)
			continue;
		for (const char *p = strstr(s->text, f->phrase); p; p = strstr(p + 1, f->phrase)) {
			const char *q = skip_fillers(p + strlen(f->phrase));
			num n;
			char a[YS_MONEY_FMT_MAX], said[64];

			if (!read_num(q, &n) || (n.unit != 'w' && n.unit != 'y'))
				continue;
			if (other_year(s->text, p, c->ds->year))
				continue;
			/* "一般公共预算收入" and "基金预算收入" are not the whole
			 * "预算收入". */
			if (!strcmp(f->phrase, "预算收入") && p - s->text >= 6 &&
			    (!strncmp(p - 6, "公共", 6) || !strncmp(p - 6, "基金", 6) ||
			     !strncmp(p - 6, "专户", 6)))
				continue;
			if (states(&n, ysck_val(r, col), c->ds->decimals) ||
			    (r2 && states(&n, ysck_val(r2, col2), c->ds->decimals)))
				continue;
			ys_money_format(ysck_val(r, col), c->ds->decimals, 0, a);
			snprintf(said, sizeof said, "%.*s", (int)(n.end - n.at), n.at);
			ysck_emit(c, "YS-N001", t, r, t->cols[col].key, s->id,
				  "说明写%s %s，%s 为 %s 万元", f->phrase, said, t->id, a);
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
	static const char *const parts[] = {"基本支出", "项目支出", "人员经费", "公用经费", NULL};
	const ys_dtable *t3 = ys_disclosure_table(c->ds, "T3"), *t6 = ys_disclosure_table(c->ds, "T6");
	const ys_drow *tot3 = ysck_total_row(t3), *tot6 = ysck_total_row(t6);

	if (!tot3)
		return;
	for (int k = 0; parts[k]; k++) {
		int pers = k >= 2;
		const ys_drow *pr = pers ? tot6 : tot3;
		const ys_dtable *pt = pers ? t6 : t3;
		int pc = pt ? ys_dtable_col(pt, k == 0 ? "basic" : k == 1 ? "project" :
						k == 2 ? "personnel" : "public", NULL) : -1;

		if (!pr || pc < 0)
			continue;
		for (const char *p = strstr(s->text, parts[k]); p; p = strstr(p + 1, parts[k])) {
			const char *q = skip_fillers(p + strlen(parts[k])), *zhan, *r;
			num amount, pct;
			int64_t part, whole, want, gap;
			int wc;
			char clause[64];

			if (!read_num(q, &amount) || amount.unit != 'w' || other_year(s->text, p, c->ds->year))
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
			if (strstr(clause, "基本支出")) {
				if ((wc = ys_dtable_col(t3, "basic", NULL)) < 0)
					continue;
			} else if ((wc = ys_dtable_col(t3, "total", NULL)) < 0) {
				continue;
			}
			whole = ysck_val(tot3, wc);
			if (whole <= 0 || part < 0 || part > INT64_MAX / 1000000)
				continue;
			want = ys_div_round(part * 100 * pow10i(pct.dec), whole);
			gap = pct.v - want;
			if (gap == 0)
				continue;
			ysck_emit_sev(c, "YS-N003", gap == 1 || gap == -1 ? YS_SEV_WARNING : YS_SEV_ERROR,
				      pt, pr, t3->cols[wc].key, s->id,
				      "说明写%s占%s%.*s，按表格应为 %lld.%0*lld%%", parts[k], clause,
				      (int)(pct.end - pct.at), pct.at,
				      (long long)(want / pow10i(pct.dec)), pct.dec,
				      (long long)(want % pow10i(pct.dec)));
		}
	}
}

/* YS-N002: "X万元，其中A万元、B万元…": the parts must not exceed X by
 * more than their rounding (half a unit of each figure's precision). A
 * list of parts may be incomplete, so falling short is not reported. */
static void narrative_sums(ys_ck *c, const ys_dsection *s)
{
	for (const char *p = strstr(s->text, "其中"); p; p = strstr(p + 1, "其中")) {
		const char *q, *back = p - s->text > 40 ? p - 40 : s->text;
		num whole = {0}, part;
		int found = 0, nparts = 0, depth = 0;
		int64_t sum = 0, slack;

		/* The last 万元 figure in the 40 bytes before 其中. */
		for (q = back; q < p; q++) {
			num n;

			if (is_digit(q) && (q == s->text || !is_digit(q - 1)) && read_num(q, &n) &&
			    n.unit == 'w' && n.end <= p) {
				whole = n;
				found = 1;
			}
		}
		if (!found || whole.dec > 6)
			continue;
		slack = pow10i(2 - (whole.dec < 2 ? whole.dec : 2)) / 2;
		/* The 万元 figures up to the end of the sentence. */
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
			if (part.unit == 'w') {
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
				  "说明写合计 %s 万元，其中各项之和为 %s 万元", a, b);
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
		/* This year's amount: the last 万元 figure earlier in the sentence. */
		for (start = p; start > s->text && strncmp(start, "。", 3) && strncmp(start, "；", 3) &&
				*start != '\n' && p - start < 90; start--)
			;
		for (q = start; q < p; q++) {
			num n;

			if (is_digit(q) && (q == s->text || !is_digit(q - 1)) && read_num(q, &n) &&
			    n.unit == 'w' && n.end <= p) {
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
		if (!read_num(q, &x) || x.unit != 'w' || x.dec > 4)
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
	static const struct {
		const char *name, *table, *side, *item, *col;
	} known[] = {
		{"支出合计", "T1", "expense", "expense_total", "amount"},
		{"收入合计", "T1", "income", "income_total", "amount"},
		{"基本支出", "T3", NULL, NULL, "basic"},
		{"项目支出", "T3", NULL, NULL, "project"},
		{"财政拨款“三公”经费", "T9", NULL, "total", "total"},
		{"“三公”经费", "T9", NULL, "total", "total"},
	};
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
			for (size_t k = 0; k < sizeof known / sizeof *known; k++) {
				const ys_dtable *t;
				const ys_drow *r;
				int col = -1;
				char want[YS_MONEY_FMT_MAX];

				if (strcmp(cells[0], known[k].name))
					continue;
				r = figure_cell(c, known[k].table, known[k].side, known[k].item, known[k].col, &col, &t);
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

/* YS-H003: "占…%" over 100. */
static void shares(ys_ck *c, const ys_dsection *s)
{
	for (const char *p = strstr(s->text, "占"); p; p = strstr(p + 1, "占")) {
		const char *q = p + 3;
		int hops = 0;
		num n;

		while (*q && hops < 30 && !is_digit(q) && strncmp(q, "。", 3) && strncmp(q, "，", 3)) {
			q++;
			hops++;
		}
		if (!read_num(q, &n) || n.unit != '%')
			continue;
		if (n.v > 100 * pow10i(n.dec))
			ysck_emit(c, "YS-H003", NULL, NULL, NULL, s->id, "占比 %.*s 超过100%%",
				  (int)(n.end - n.at), n.at);
	}
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

				while (*q && !is_digit(q))
					q++;
				if (read_num(q, &n) && n.unit == 'w' &&
				    n.dec <= 6 && at_decimals(&n, c->ds->decimals) > p->budget) {
					char b[YS_MONEY_FMT_MAX];

					ys_money_format(p->budget, c->ds->decimals, 0, b);
					ysck_emit(c, "YS-H005", NULL, NULL, NULL, sect,
						  "成本指标“%s”为 %s，大于项目预算 %s 万元",
						  in->lv3 ? in->lv3 : "", in->value, b);
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
		narrative_sums(c, s);
		narrative_shares(c, s);
		narrative_changes(c, s);
		narrative_tables(c, s);
	}
}
