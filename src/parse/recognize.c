/*
 * recognize.c - table recognition, written once for every reader: the
 * intermediate document (doc.h) into the Disclosure, driven by the
 * template. A table is identified by its title (template title or alias,
 * with or without the 部门预算 prefix, with a 表1-style number or a unit
 * name in front); its columns by their header labels, first by comparing
 * the whole published header with the template's, then label by label
 * across merged multi-row headers; 栏次 rows are skipped. Rows keep code
 * and name (ordinal prefix and 其中： removed); rows of item tables get the
 * template's item key and line. Header lines give unit, year and money
 * unit, one per line or all on one (our HTML and DOCX). The narrative is
 * split into the unnumbered intro and its numbered sections (a table of
 * contents listing them is recognised and skipped); tables inside a section
 * join its text; the 绩效目标表 become performance entries.
 */
#include "readers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../template/figures.h"
#include "../template/layout.h"

#define MAXW YS_MAX_PCOLS
#define SQ 1024

struct colmap {
	size_t w;
	ys_pcol p[MAXW];
	int known[MAXW];
};

struct rec {
	const ys_pdoc *doc;
	const char *path;
	const ys_template *t;
	ys_disclosure *ds;
	ys_diag *d;
	/* growing arrays, copied into the arena at the end */
	ys_dtable *tables;
	size_t ntables, ctables;
	ys_dsection *sections;
	size_t nsections, csections;
	ys_dperf *perf;
	size_t nperf, cperf;
	ys_indicator *inds;	/* of perf[nperf-1] while reading */
	size_t ninds, cinds;
	ys_buf sec_text;
	/* The last recognised table, for a continuation (续表) without header. */
	const ys_ttable *last_tt;
	struct colmap *last_map;
};

static void squash(const char *s, char *out)
{
	ys_squash_space(s ? s : "", out, SQ);
}

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static int ends(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && !strcmp(s + a - b, suffix);
}

static char *adup(struct rec *r, const char *s)
{
	return s ? ys_arena_strdup(&r->ds->arena, s) : NULL;
}

/* ---- titles ---------------------------------------------------------- */

/* Length of a table number at s ("表1", "表1-1", "公开表1-1", "附表3",
 * "表一"), with the separator after it (" ", "：", "、", "."), or 0. */
static size_t cn_number_len(const char *s);

static size_t number_len(const char *s, size_t *numlen)
{
	static const char *const lead[] = {"公开表", "附表", "表"};
	size_t n = 0, k, digits;

	for (k = 0; k < sizeof lead / sizeof *lead; k++)
		if (!strncmp(s, lead[k], strlen(lead[k]))) {
			n = strlen(lead[k]);
			break;
		}
	if (k == sizeof lead / sizeof *lead)
		return 0;
	digits = n;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	if (n == digits)
		n += cn_number_len(s + n);
	if (n == digits)
		return 0;
	while ((s[n] == '-' || s[n] == '.') && s[n + 1] >= '0' && s[n + 1] <= '9') {
		n++;
		while (s[n] >= '0' && s[n] <= '9')
			n++;
	}
	*numlen = n;
	if (!strncmp(s + n, "：", strlen("：")) || !strncmp(s + n, "、", strlen("、")))
		n += strlen("：");
	else if (s[n] == ':' || s[n] == '.')
		n++;
	return n;
}

/* The title as a template names it: spaces squashed, a table number in
 * front moved to number (cap bytes; "" when none), 《》 dropped and a
 * bracketed tail such as "（2023年）" cut. The unit name and year in front
 * stay: titles are matched by their end. */
static void title_core(const char *title, char *out, char *number, size_t cap)
{
	char sq[SQ];
	size_t n, numlen = 0, o = 0;
	const char *p;

	squash(title, sq);
	number[0] = '\0';
	p = sq;
	if ((n = number_len(p, &numlen))) {
		snprintf(number, cap, "%.*s", (int)(numlen < cap ? numlen : cap - 1), p);
		p += n;
	}
	for (; *p && o + 1 < SQ; p++) {
		if (!strncmp(p, "《", strlen("《")) || !strncmp(p, "》", strlen("》"))) {
			p += strlen("《") - 1;
			continue;
		}
		out[o++] = *p;
	}
	out[o] = '\0';
	/* A bracketed tail: （2023年）, (单位：万元). */
	if (o && (ends(out, "）") || out[o - 1] == ')')) {
		char *open = NULL;

		for (char *q = out; *q; q++)
			if (!strncmp(q, "（", strlen("（")) || *q == '(')
				open = q;
		if (open && open > out)
			*open = '\0';
	}
}

/* Length of the template name (title or alias, with or without 部门预算)
 * that title ends with, 0 when none. */
static size_t title_match(const char *title, const char *name)
{
	char n[SQ];

	squash(name, n);
	if (ends(title, n))
		return strlen(n);
	if (starts(n, "部门预算") && ends(title, n + strlen("部门预算")))
		return strlen(n) - strlen("部门预算");
	return 0;
}

static const ys_ttable *find_table(const ys_template *t, const char *title)
{
	char sq[SQ], number[64];
	const ys_ttable *best = NULL;
	size_t best_len = 0;

	title_core(title, sq, number, sizeof number);
	if (!sq[0])
		return NULL;
	for (size_t i = 0; i < t->ntables; i++) {
		const ys_ttable *tt = &t->tables[i];
		size_t n = title_match(sq, tt->title);

		for (size_t a = 0; a < tt->naliases; a++) {
			size_t m = title_match(sq, tt->aliases[a]);

			if (m > n)
				n = m;
		}
		if (n > best_len) {
			best_len = n;
			best = tt;
		}
	}
	return best;
}

/* ---- names and numbers ----------------------------------------------- */

static const char *const cn_digits[] = {"一", "二", "三", "四", "五", "六", "七",
					"八", "九", "十", "百", "零"};

/* Length of a run of Chinese numerals at s. */
static size_t cn_number_len(const char *s)
{
	size_t n = 0;

	for (;;) {
		size_t k;

		for (k = 0; k < sizeof cn_digits / sizeof *cn_digits; k++)
			if (starts(s + n, cn_digits[k]))
				break;
		if (k == sizeof cn_digits / sizeof *cn_digits)
			return n;
		n += strlen(cn_digits[k]);
	}
}

/* The row name without leading blanks, ordinal prefix ("一、", "（一）",
 * "1、", "1.") or "其中：". Returns a pointer into s or into out. */
static const char *strip_name(const char *s, char *out, size_t cap)
{
	size_t n;

	snprintf(out, cap, "%s", s);
	ys_trim(out);
	s = out;
	if ((n = cn_number_len(s)) && starts(s + n, "、"))
		s += n + strlen("、");
	else if (starts(s, "（") && (n = cn_number_len(s + 3)) && starts(s + 3 + n, "）"))
		s += 3 + n + 3;
	else {
		const char *q = s;

		while (*q >= '0' && *q <= '9')
			q++;
		if (q > s && starts(q, "、"))
			s = q + strlen("、");
		else if (q > s && *q == '.' && !(q[1] >= '0' && q[1] <= '9'))
			s = q + 1;
	}
	if (starts(s, "其中："))
		s += strlen("其中：");
	else if (starts(s, "其中:"))
		s += strlen("其中:");
	memmove(out, s, strlen(s) + 1);
	return ys_trim(out);
}

static int is_int(const char *s)
{
	char sq[SQ];
	size_t i;

	squash(s, sq);
	for (i = 0; sq[i]; i++)
		if (sq[i] < '0' || sq[i] > '9')
			return 0;
	return i > 0 && i < 6;
}

/* ---- header lines ---------------------------------------------------- */

struct hdr {
	const char *unit_name, *unit_code, *money_unit;
	int year;
};

/* "711平乡县总工会": a unit code and name on a line of their own, or
 * (labelled) in front of 预算年度 / 单位 on the same line. */
static int unit_line(struct rec *r, const char *sq, size_t len, struct hdr *h,
		     int labelled)
{
	size_t n = 0;

	while (n < len && sq[n] >= '0' && sq[n] <= '9')
		n++;
	/* Not "2023年，我部门…": a short line without punctuation. Before the
	 * labels the line is a header line anyway, so a long unit name (there
	 * are names of 100 characters and more) is still read. */
	if (n < 3 || n > 12 || n >= len || (unsigned char)sq[n] < 0x80 || starts(sq + n, "年") ||
	    (!labelled && len >= 80))
		return 0;
	for (size_t i = n; i < len; i++)
		if (sq[i] == ':' || starts(sq + i, "：") || starts(sq + i, "，") || starts(sq + i, "。"))
			return 0;
	h->unit_code = ys_arena_strndup(&r->ds->arena, sq, n);
	h->unit_name = ys_arena_strndup(&r->ds->arena, sq + n, len - n);
	return 1;
}

/* Where "label：" (full-width or ASCII colon) starts in sq, and its length. */
static const char *find_label(const char *sq, const char *label, size_t *len)
{
	char a[64], b[64];
	const char *p, *q;

	snprintf(a, sizeof a, "%s：", label);
	snprintf(b, sizeof b, "%s:", label);
	p = strstr(sq, a);
	q = strstr(sq, b);
	if (q && (!p || q < p)) {
		*len = strlen(b);
		return q;
	}
	*len = strlen(a);
	return p;
}

/* Reads one header line and returns 1 when s is one: "711平乡县总工会",
 * "预算年度：2023", "单位：万元", or all three on one line, as our HTML
 * (spans with no space between them) and DOCX (tab-separated runs) print
 * them and as the cover prints "预算年度：2023　金额单位：万元". */
static int header_line(struct rec *r, const char *s, struct hdr *h)
{
	char sq[SQ];
	const char *yp, *up, *end;
	size_t yl = 0, ul = 0;
	struct hdr out = *h;

	squash(s, sq);
	end = sq + strlen(sq);
	yp = find_label(sq, "预算年度", &yl);
	up = find_label(sq, "单位", &ul);
	/* "编制单位：…" names the unit: only a 单位 followed by the money unit. */
	while (up && !starts(up + ul, "万元") && !starts(up + ul, "元"))
		up = find_label(up + ul, "单位", &ul);
	if (!yp && !up)
		return unit_line(r, sq, strlen(sq), h, 0);
	if (up) {
		const char *v = up + ul;
		const char *after = v + (starts(v, "万元") ? strlen("万元") : strlen("元"));

		out.money_unit = starts(v, "万元") ? "万元" : "元";
		/* With a year on the same line, "单位：万元" ends the line or
		 * the year follows it. */
		if (yp && after != end && after != yp)
			return 0;
		if (up >= sq + strlen("金额") && !strncmp(up - strlen("金额"), "金额", strlen("金额")))
			up -= strlen("金额");
	}
	if (yp) {
		const char *v = yp + yl, *e = v;

		while (*e >= '0' && *e <= '9')
			e++;
		if (e - v != 4)
			return 0;
		out.year = atoi(v);
		if (starts(e, "年"))
			e += strlen("年");
		if (e != end && e != up)
			return 0;
	}
	{
		const char *first = yp && (!up || yp < up) ? yp : up;
		static const char *const labels[] = {"编制单位", "单位名称", "部门名称", "预算单位", "部门", NULL};

		/* "711平乡县总工会" before the year or money unit, or "编制单位：
		 * 平乡县总工会"; other text in front (a title printed on the same
		 * line) names no unit, as a line holding 单位：万元 always was a
		 * header line. */
		if (first > sq && !unit_line(r, sq, (size_t)(first - sq), &out, 1)) {
			int named = 0;

			for (int i = 0; labels[i] && !named; i++) {
				size_t ll;
				const char *lp = find_label(sq, labels[i], &ll);

				if (lp != sq || lp + ll >= first)
					continue;
				if (!unit_line(r, sq + ll, (size_t)(first - sq) - ll, &out, 1))
					out.unit_name = ys_arena_strndup(&r->ds->arena, sq + ll,
									 (size_t)(first - sq) - ll);
				named = 1;
			}
			/* A title before 预算年度 is a title, not a header line. */
			if (!named && yp)
				return 0;
		}
	}
	*h = out;
	return 1;
}

static int row_is_header_lines(struct rec *r, const ys_prow *row, struct hdr *h)
{
	int any = 0;

	for (size_t c = 0; c < row->ncells; c++) {
		struct hdr tmp = *h;

		if (!row->cells[c].text[0])
			continue;
		if (!header_line(r, row->cells[c].text, &tmp))
			return 0;
		*h = tmp;
		any = 1;
	}
	return any;
}

/* ---- header grid ------------------------------------------------------ */

struct grid {
	size_t nrows, w;
	const char *text[16][MAXW];
};

/* Places rows [a, b) on a grid with HTML span semantics. */
static void grid_html(const ys_pblock *t, size_t a, size_t b, struct grid *g)
{
	memset(g, 0, sizeof *g);
	g->nrows = b - a > 16 ? 16 : b - a;
	for (size_t r = 0; r < g->nrows; r++) {
		const ys_prow *row = &t->rows[a + r];
		size_t c = 0;

		for (size_t k = 0; k < row->ncells; k++) {
			const ys_pcell *cell = &row->cells[k];

			while (c < MAXW && g->text[r][c])
				c++;
			for (size_t rr = r; rr < g->nrows && rr < r + (size_t)cell->rowspan; rr++)
				for (size_t cc = c; cc < MAXW && cc < c + (size_t)cell->colspan; cc++)
					g->text[rr][cc] = cell->text;
			c += (size_t)cell->colspan;
			if (c > g->w)
				g->w = c > MAXW ? MAXW : c;
		}
	}
}

/* Text exports: a merged cell appears once and its row is short. A short
 * row's cell covers one place when the row below is empty there (it was
 * merged downwards), else the places below up to the next empty place or
 * to where the label below repeats (the second 项目 of a two-sided
 * table). */
static void grid_text(const ys_pblock *t, size_t a, size_t b, size_t w, struct grid *g)
{
	memset(g, 0, sizeof *g);
	g->nrows = b - a > 16 ? 16 : b - a;
	g->w = w > MAXW ? MAXW : w;
	for (size_t r = g->nrows; r-- > 0;) {
		const ys_prow *row = &t->rows[a + r];
		size_t pos = 0;

		if (row->ncells >= g->w || r + 1 == g->nrows) {
			for (size_t c = 0; c < g->w && c < row->ncells; c++)
				g->text[r][c] = row->cells[c].text;
			continue;
		}
		for (size_t k = 0; k < row->ncells && pos < g->w; k++) {
			const char *const *below = g->text[r + 1];
			size_t left = row->ncells - k - 1, start = pos;
			char s0[SQ], sp[SQ];

			if (!below[pos] || !below[pos][0]) {
				g->text[r][pos] = row->cells[k].text;
				g->text[r + 1][pos] = row->cells[k].text;
				pos++;
				continue;
			}
			squash(below[start], s0);
			while (pos < g->w && below[pos] && below[pos][0] && g->w - pos > left) {
				squash(below[pos], sp);
				if (pos > start && !strcmp(sp, s0))
					break;
				g->text[r][pos++] = row->cells[k].text;
			}
		}
	}
}

/* ---- one table ------------------------------------------------------- */

static size_t template_layout(const ys_ttable *tt, ys_dtable *dt, ys_pcol *pc)
{
	return ys_table_layout(dt, ys_table_by_code(dt, tt), pc);
}

/* Strategy 1: the published header is the template's, text for text. */
static int header_same(const ys_ttable *tt, const ys_pblock *t, size_t a, size_t b)
{
	size_t hr = 0, hc = 0;
	char x[SQ], y[SQ];

	for (size_t r = a; r < b; r++)
		for (size_t c = 0; c < t->rows[r].ncells; c++) {
			squash(t->rows[r].cells[c].text, x);
			if (!x[0])
				continue;
			while (hr < tt->nheader && hc >= tt->header[hr].ncells) {
				hr++;
				hc = 0;
			}
			if (hr >= tt->nheader)
				return 0;
			squash(tt->header[hr].cells[hc++].text, y);
			if (strcmp(x, y))
				return 0;
		}
	while (hr < tt->nheader && hc >= tt->header[hr].ncells) {
		hr++;
		hc = 0;
	}
	return hr == tt->nheader;
}

/* Strategy 2: each published column against the template's printed
 * columns by header labels: the lowest label must agree (or equal the
 * column's label), the labels above break ties (收入/支出 sides). */
static void map_by_labels(const ys_ttable *tt, const ys_dtable *dt, const ys_pcol *tp,
			  size_t tw, const struct grid *g, struct colmap *m)
{
	ys_hpos *tg = calloc(tt->nheader * tw + 1, sizeof *tg);
	int used[MAXW] = {0};

	if (!tg)
		return;
	if (!tt->nheader || !ys_header_grid(tt, tw, tg)) {
		free(tg);
		return;
	}
	for (size_t c = 0; c < g->w; c++) {
		char leaf[SQ] = "", lab[SQ];
		int best = -1, best_score = 0;

		for (size_t r = g->nrows; r-- > 0;)
			if (g->text[r][c] && g->text[r][c][0]) {
				squash(g->text[r][c], leaf);
				break;
			}
		if (!leaf[0])
			continue;
		for (size_t p = 0; p < tw; p++) {
			int score = 0;

			if (used[p])
				continue;
			squash(tg[(tt->nheader - 1) * tw + p].cell->text, lab);
			if (!strcmp(lab, leaf))
				score = 10;
			else if (tp[p].kind == YS_PCOL_VALUE) {
				squash(dt->cols[tp[p].col].label, lab);
				if (!strcmp(lab, leaf))
					score = 10;
			}
			if (!score)
				continue;
			for (size_t r = 0; r < g->nrows; r++) {
				char x[SQ];

				if (!g->text[r][c])
					continue;
				squash(g->text[r][c], x);
				for (size_t hr = 0; hr < tt->nheader; hr++) {
					squash(tg[hr * tw + p].cell->text, lab);
					if (!strcmp(lab, x))
						score++;
				}
			}
			if (score > best_score) {
				best_score = score;
				best = (int)p;
			}
		}
		if (best >= 0) {
			used[best] = 1;
			m->p[c] = tp[best];
			m->known[c] = 1;
		}
	}
	free(tg);
}

static ys_status cell_value(struct rec *r, const char *text, int64_t factor_num,
			    int64_t factor_den, int64_t *v, uint8_t *has,
			    const char **note)
{
	const char *why;
	int64_t x;

	switch (ys_money_parse(text, r->ds->decimals, &x, &why)) {
	case YS_MONEY_VALUE:
		if (factor_den > 1)
			x = ys_div_round(x, factor_den);
		if (factor_num > 1 && !ys_mul_ok(x, factor_num, &x)) {
			*note = adup(r, text);
			return YS_OK;
		}
		*v = x;
		*has = 1;
		return YS_OK;
	case YS_MONEY_EMPTY:
		return YS_OK;
	default:
		/* "单位不需填列", "以前年度结转资金9.83": kept as the cell's note. */
		*note = adup(r, ys_trim((char *)adup(r, text)));
		return *note ? YS_OK : YS_ENOMEM;
	}
}

struct rowtmp {
	ys_drow row;
	size_t order;
};

static int rowtmp_cmp(const void *a, const void *b)
{
	const struct rowtmp *x = a, *y = b;

	return x->order < y->order ? -1 : x->order > y->order;
}

/* The template's item names and labels normalised once per table (white
 * space removed, label without ordinal), not once per published row. */
struct item_keys {
	char **name, **label;
	size_t n;
};

static void item_keys_free(struct item_keys *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free(k->name[i]);
		free(k->label[i]);
	}
	free(k->name);
	free(k->label);
	memset(k, 0, sizeof *k);
}

static int item_keys_make(const ys_ttable *tt, struct item_keys *k)
{
	char sq[SQ], lab[SQ];

	memset(k, 0, sizeof *k);
	k->name = calloc(tt->nitems + 1, sizeof *k->name);
	k->label = calloc(tt->nitems + 1, sizeof *k->label);
	if (!k->name || !k->label) {
		item_keys_free(k);
		return 0;
	}
	for (size_t i = 0; i < tt->nitems; i++) {
		const ys_titem *x = &tt->items[i];

		k->n = i + 1;
		squash(x->name, sq);
		if (!(k->name[i] = strdup(sq)))
			break;
		squash(strip_name(x->label ? x->label : "", lab, sizeof lab), sq);
		if (!(k->label[i] = strdup(sq)))
			break;
	}
	if (tt->nitems && !k->label[tt->nitems - 1]) {
		item_keys_free(k);
		return 0;
	}
	return 1;
}

static const ys_titem *match_item(const ys_ttable *tt, const struct item_keys *keys,
				  const char *side, const char *name, int line,
				  const uint8_t *used, size_t *idx)
{
	char sq[SQ];
	const ys_titem *best = NULL;
	int best_score = 0;

	squash(name, sq);
	for (size_t i = 0; i < tt->nitems; i++) {
		const ys_titem *x = &tt->items[i];
		int score = 0;

		if (side && x->side && strcmp(side, x->side))
			continue;
		if (!strcmp(keys->name[i], sq))
			score = 4;
		else if (!strcmp(keys->label[i], sq))
			score = 3;
		if (!score)
			continue;
		if (line && x->line == line)
			score += 4;
		if (!used[i])
			score += 2;
		if (score > best_score) {
			best_score = score;
			best = x;
			*idx = i;
		}
	}
	return best;
}

static ys_status add_row(struct rowtmp **rows, size_t *n, size_t *cap,
			 const ys_drow *row, size_t order)
{
	if (!ys_grow((void **)rows, cap, *n, sizeof **rows))
		return YS_ENOMEM;
	(*rows)[*n].row = *row;
	(*rows)[(*n)++].order = order;
	return YS_OK;
}

static int is_amount(const char *s)
{
	char sq[SQ];
	const char *dot;
	int64_t v;
	const char *why;

	squash(s, sq);
	dot = strchr(sq, '.');
	if (!dot)
		dot = strstr(sq, "．");
	return dot && ys_money_parse(sq, 2, &v, &why) == YS_MONEY_VALUE;
}

static int is_data_row(const ys_prow *row)
{
	char sq[SQ];

	squash(row->ncells ? row->cells[0].text : "", sq);
	if (!strcmp(sq, "栏次") || !strcmp(sq, "行次") || is_int(sq))
		return 1;
	for (size_t c = 1; c < row->ncells; c++)
		if (is_amount(row->cells[c].text))
			return 1;
	return 0;
}

static ys_status recognize_table(struct rec *r, const ys_ttable *tt, const ys_pblock *t,
				 const char *title, struct hdr *h, const struct colmap *cont,
				 ys_dtable *dt)
{
	ys_disclosure *ds = r->ds;
	ys_pcol tp[MAXW];
	struct colmap m;
	struct grid g;
	size_t first = 0, hend, data, tw, nrows = 0, crows = 0;
	struct rowtmp *rows = NULL;
	uint8_t *used = NULL;
	struct item_keys keys = {0};
	int64_t fnum = 1, fden = 1;
	int pline = 0;
	ys_status st = YS_OK;

	memset(dt, 0, sizeof *dt);
	memset(&m, 0, sizeof m);
	dt->id = tt->id;
	{
		char core[SQ], number[64];

		title_core(title, core, number, sizeof number);
		dt->title = adup(r, core[0] ? core : title);
		if (number[0])
			dt->number = adup(r, number);
	}
	dt->two_sided = tt->two_sided;
	dt->no_seq = !tt->seq;
	dt->no_numbering = !tt->numbering;
	dt->src_line = t->line;
	dt->page = t->page;
	dt->ncols = tt->ncols;
	dt->cols = ys_arena_alloc(&ds->arena, (tt->ncols + 1) * sizeof *dt->cols);
	if (!dt->cols)
		return YS_ENOMEM;
	for (size_t c = 0; c < tt->ncols; c++) {
		dt->cols[c].key = tt->cols[c].key;
		dt->cols[c].label = tt->cols[c].label;
		dt->cols[c].side = tt->cols[c].side;
	}
	while (first < t->nrows && row_is_header_lines(r, &t->rows[first], h))
		first++;
	dt->unit_name = h->unit_name;
	dt->year = h->year;
	dt->money_unit = h->money_unit;
	if (h->money_unit && !ds->money_unit)
		ds->money_unit = h->money_unit;
	if (h->money_unit && ds->money_unit && strcmp(h->money_unit, ds->money_unit)) {
		/* Amounts are normalised to the document's unit. */
		if (!strcmp(h->money_unit, "元"))
			fden = 10000;
		else
			fnum = 10000;
	}
	/* Header rows: up to the 栏次 row, or to the first data row (a 序号,
	 * or an amount with decimals: tables published without 序号). */
	for (hend = first; hend < t->nrows; hend++)
		if (is_data_row(&t->rows[hend]))
			break;
	data = hend;
	if (data < t->nrows) {
		char sq[SQ];

		squash(t->rows[data].cells[0].text, sq);
		if (!strcmp(sq, "栏次") || !strcmp(sq, "行次"))
			data++;
	}
	tw = template_layout(tt, dt, tp);
	if (cont && hend == first) {
		/* A continuation without its own header: the first part's columns. */
		m = *cont;
	} else if (header_same(tt, t, first, hend)) {
		m.w = tw;
		for (size_t c = 0; c < tw; c++) {
			m.p[c] = tp[c];
			m.known[c] = 1;
		}
	} else {
		size_t w = 0;

		for (size_t i = first; i < t->nrows; i++)
			if (t->rows[i].ncells > w)
				w = t->rows[i].ncells;
		if (r->doc->spans_unknown)
			grid_text(t, first, hend, w, &g);
		else
			grid_html(t, first, hend, &g);
		m.w = g.w;
		map_by_labels(tt, dt, tp, tw, &g, &m);
	}
	/* Every amount column of the template must be there. */
	for (size_t c = 0; c < tt->ncols; c++) {
		size_t k;

		for (k = 0; k < m.w; k++)
			if (m.known[k] && m.p[k].kind == YS_PCOL_VALUE && m.p[k].col == (int)c)
				break;
		if (k == m.w)
			return ys_fail(r->d, YS_EINPUT, r->path, t->line, 0,
				       "表“%s”缺少列“%s%s”（表头中没有找到）", title,
				       tt->cols[c].side ? (strcmp(tt->cols[c].side, "income") ? "支出/" : "收入/") : "",
				       tt->cols[c].label);
	}
	used = calloc(tt->nitems + 1, 1);
	if (!used)
		return YS_ENOMEM;
	if (tt->rows_by == YS_ROWS_ITEMS && !item_keys_make(tt, &keys)) {
		free(used);
		return YS_ENOMEM;
	}
	for (size_t i = data; i < t->nrows && st == YS_OK; i++) {
		const ys_prow *row = &t->rows[i];
		const char *sides[2] = {NULL, NULL};
		int nsides = tt->two_sided ? 2 : 1, seq = 0, any = 0;

		for (size_t c = 0; c < row->ncells; c++)
			if (row->cells[c].text[0])
				any = 1;
		if (!any)
			continue;
		/* Without a 序号 column the printed line is the line's place. */
		pline++;
		if (tt->two_sided) {
			sides[0] = "income";
			sides[1] = "expense";
		}
		for (size_t c = 0; c < row->ncells && c < m.w; c++)
			if (m.known[c] && m.p[c].kind == YS_PCOL_SEQ && is_int(row->cells[c].text))
				seq = atoi(row->cells[c].text);
		for (int s = 0; s < nsides && st == YS_OK; s++) {
			ys_drow dr;
			/* squash() writes up to SQ bytes: a code cell may hold
			 * any text, not just a short code. */
			char namebuf[SQ], codebuf[SQ] = "";
			const char *name = NULL;
			int anyval = 0;
			size_t order = nrows + 100000;

			memset(&dr, 0, sizeof dr);
			namebuf[0] = '\0';
			dr.values = ys_arena_alloc(&ds->arena, (tt->ncols + 1) * sizeof *dr.values);
			dr.has = ys_arena_alloc(&ds->arena, tt->ncols + 1);
			if (!dr.values || !dr.has) {
				st = YS_ENOMEM;
				break;
			}
			dr.side = sides[s];
			dr.src_line = row->line;
			dr.page = row->page;
			for (size_t c = 0; c < row->ncells && c < m.w; c++) {
				const ys_pcol *pc = &m.p[c];
				const char *txt = row->cells[c].text;

				if (!m.known[c])
					continue;
				if (pc->side && sides[s] && strcmp(pc->side, sides[s]))
					continue;
				if (pc->kind == YS_PCOL_CODE) {
					squash(txt, codebuf);
				} else if (pc->kind == YS_PCOL_NAME) {
					if (txt[0]) {
						dr.label = adup(r, txt);
						name = strip_name(txt, namebuf, sizeof namebuf);
					}
				} else if (pc->kind == YS_PCOL_VALUE) {
					const char *note = NULL;

					st = cell_value(r, txt, fnum, fden, &dr.values[pc->col],
							&dr.has[pc->col], &note);
					if (note) {
						if (!dr.notes && !(dr.notes = ys_arena_alloc(&ds->arena, (tt->ncols + 1) * sizeof *dr.notes)))
							st = YS_ENOMEM;
						else
							dr.notes[pc->col] = note;
					}
					anyval |= dr.has[pc->col] || note;
				}
			}
			if (st != YS_OK)
				break;
			if (!name && !codebuf[0] && !anyval)
				continue;
			dr.name = name ? adup(r, name) : NULL;
			dr.code = codebuf[0] ? adup(r, codebuf) : NULL;
			if (tt->rows_by == YS_ROWS_ITEMS) {
				size_t idx = 0;
				const ys_titem *it = name ? match_item(tt, &keys, sides[s], name, seq, used, &idx) : NULL;

				if (it) {
					used[idx] = 1;
					order = idx;
					dr.item = it->item;
					dr.name = it->name;
					dr.code = it->code;
					dr.group = it->group;
					dr.line = it->line;
					dr.indent = it->indent;
					dr.total = it->total;
					dr.heading = it->heading;
				} else {
					dr.line = seq ? seq : pline;
				}
			} else {
				char sq[SQ];

				squash(dr.name, sq);
				if (!dr.code && tt->total_row && (!strcmp(sq, tt->total_row) || !strcmp(sq, "总计"))) {
					dr.total = 1;
					dr.name = tt->total_row;
				}
				if (dr.code)
					dr.indent = (int)(strlen(dr.code) >= 3 ? (strlen(dr.code) - 3) / 2 : 0);
			}
			st = add_row(&rows, &nrows, &crows, &dr, order);
		}
	}
	if (st == YS_OK && nrows) {
		if (tt->rows_by == YS_ROWS_ITEMS)
			qsort(rows, nrows, sizeof *rows, rowtmp_cmp);
		dt->rows = ys_arena_alloc(&ds->arena, nrows * sizeof *dt->rows);
		if (!dt->rows)
			st = YS_ENOMEM;
		for (size_t i = 0; st == YS_OK && i < nrows; i++)
			dt->rows[i] = rows[i].row;
		dt->nrows = nrows;
	}
	if (st == YS_OK && r->last_map) {
		*r->last_map = m;
		r->last_tt = tt;
	}
	free(rows);
	free(used);
	item_keys_free(&keys);
	return st;
}

/* An unrecognised table: title and cells as text. */
static ys_status keep_table(struct rec *r, const ys_pblock *t, const char *title,
			    ys_dtable *dt)
{
	struct grid g;
	size_t w = 0, n = t->nrows;

	memset(dt, 0, sizeof *dt);
	dt->title = adup(r, title);
	dt->src_line = t->line;
	dt->page = t->page;
	for (size_t i = 0; i < n; i++)
		if (t->rows[i].ncells > w)
			w = t->rows[i].ncells;
	if (w > MAXW)
		w = MAXW;
	dt->cells = ys_arena_alloc(&r->ds->arena, (n + 1) * sizeof *dt->cells);
	if (!dt->cells)
		return YS_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		dt->cells[i] = ys_arena_alloc(&r->ds->arena, (w + 1) * sizeof **dt->cells);
		if (!dt->cells[i])
			return YS_ENOMEM;
		if (r->doc->spans_unknown) {
			for (size_t c = 0; c < w && c < t->rows[i].ncells; c++)
				dt->cells[i][c] = adup(r, t->rows[i].cells[c].text);
		} else {
			grid_html(t, i, i + 1, &g);
			for (size_t c = 0; c < w && c < g.w; c++)
				dt->cells[i][c] = adup(r, g.text[0][c]);
		}
	}
	dt->ncell_rows = n;
	dt->ncell_cols = w;
	return YS_OK;
}

/* ---- narrative -------------------------------------------------------- */

/* "一、部门职责及机构设置情况" → "duties", title "部门职责及机构设置情况":
 * the template section whose longest `match:` word the heading contains. */
static const char *section_id(const ys_template *t, const char *s, const char **title)
{
	size_t n = cn_number_len(s), best = 0;
	const char *id = NULL;

	if (!n || !starts(s + n, "、") || strlen(s) > 120)
		return NULL;
	*title = s + n + strlen("、");
	for (size_t i = 0; t->figures && i < t->figures->nsections; i++) {
		const ys_tsection *sec = &t->figures->sections[i];

		for (size_t k = 0; k < sec->nmatch; k++)
			if (strlen(sec->match[k]) > best && strstr(*title, sec->match[k])) {
				best = strlen(sec->match[k]);
				id = sec->id;
			}
	}
	return id;
}

/* The unnumbered heading of the narrative, "平乡县总工会2023年部门预算信息
 * 公开情况说明", possibly after "第二部分": the template's first section
 * (the intro), whose heading ends with one of its match words and whose
 * text runs to 一、. Its id goes to *id, the title (without 第二部分) to
 * out. */
static int intro_title(const ys_template *t, const char *s, const char **id, char *out,
		       size_t cap)
{
	const ys_tsection *intro = t->figures && t->figures->nsections ? &t->figures->sections[0] : NULL;
	char sq[SQ];
	const char *p = sq;
	size_t n;
	int ended = 0;

	squash(s, sq);
	for (size_t k = 0; intro && k < intro->nmatch && !ended; k++)
		ended = ends(sq, intro->match[k]);
	if (strlen(s) > 200 || !ended || strstr(sq, "。"))
		return 0;
	*id = intro->id;
	if (starts(p, "第") && (n = cn_number_len(p + strlen("第"))) &&
	    starts(p + strlen("第") + n, "部分"))
		p += strlen("第") + n + strlen("部分");
	snprintf(out, cap, "%s", p);
	return out[0] != '\0';
}

/* Sections k … nsections-1 were a table of contents: headings one after
 * another with no text between them (the last one's text is whatever came
 * after the contents). A heading seen again then starts the real sections. */
static int toc_run(const struct rec *r, size_t k)
{
	if (r->nsections - k < 2)
		return 0;
	for (size_t i = k; i + 1 < r->nsections; i++)
		if (r->sections[i].text && r->sections[i].text[0])
			return 0;
	return 1;
}

static ys_status end_section(struct rec *r)
{
	const char *s = ys_buf_str(&r->sec_text);
	size_t n = strlen(s);

	if (!r->nsections)
		return YS_OK;
	while (n && s[n - 1] == '\n')
		n--;
	r->sections[r->nsections - 1].text = ys_arena_strndup(&r->ds->arena, s, n);
	ys_buf_reset(&r->sec_text);
	return r->sections[r->nsections - 1].text ? YS_OK : YS_ENOMEM;
}

/* A table inside a narrative section (机构设置, 比上年增减, 政府采购, 资产)
 * joins the section's text as "| a | b |" lines, as the disclosure JSON
 * holds it: each cell once, however many grid columns it spans (a
 * spreadsheet made from a web page spreads cells over many), up to the
 * table's last non-empty column. */
static void fold_table(struct rec *r, const ys_pblock *t)
{
	size_t w = 0;

	for (size_t i = 0; i < t->nrows; i++)
		for (size_t c = 0; c < t->rows[i].ncells; c++)
			if (t->rows[i].cells[c].text[0] && c + 1 > w)
				w = c + 1;
	for (size_t i = 0; i < t->nrows; i++) {
		const ys_prow *row = &t->rows[i];

		if (!row->ncells)
			continue;
		ys_buf_putc(&r->sec_text, '|');
		for (size_t c = 0; c < w; c++) {
			const char *x = c < row->ncells ? row->cells[c].text : "";

			ys_buf_putc(&r->sec_text, ' ');
			for (; *x; x++)
				ys_buf_putc(&r->sec_text, *x == '\n' || *x == '|' ? ' ' : *x);
			ys_buf_puts(&r->sec_text, " |");
		}
		ys_buf_putc(&r->sec_text, '\n');
	}
}

/* A paragraph that can title a table ("机构设置：", "部门固定资产占用情况表
 * （截止时间：2022-12-31）"), not a sentence ending in 。 that leads into
 * one ("…具体内容见下表。"). */
static int title_like(const char *s)
{
	char sq[SQ];

	if (!s)
		return 0;
	squash(s, sq);
	return sq[0] && strlen(sq) <= 90 && !strstr(sq, "。") && !strstr(sq, "，");
}

static ys_status end_perf(struct rec *r)
{
	ys_dperf *p;

	if (!r->nperf)
		return YS_OK;
	p = &r->perf[r->nperf - 1];
	if (r->ninds) {
		p->indicators = ys_arena_alloc(&r->ds->arena, r->ninds * sizeof *p->indicators);
		if (!p->indicators)
			return YS_ENOMEM;
		memcpy(p->indicators, r->inds, r->ninds * sizeof *r->inds);
		p->nindicators = r->ninds;
	}
	r->ninds = 0;
	return YS_OK;
}

/* "1、工会经费项目绩效目标表" → "工会经费项目". */
static int perf_title(const char *s, char *name, size_t cap)
{
	char sq[SQ];

	strip_name(s, sq, sizeof sq);
	if (!ends(sq, "绩效目标表"))
		return 0;
	sq[strlen(sq) - strlen("绩效目标表")] = '\0';
	snprintf(name, cap, "%s", sq);
	return 1;
}

/* The whole table on a grid of nrows × *w places, with HTML span
 * semantics (a place covered by a span holds the spanning cell's text) or,
 * for text exports, as printed. NULL when out of memory. */
static const char **table_grid(const ys_pdoc *doc, const ys_pblock *t, size_t *w)
{
	enum { MAXG = 512 };
	const char **g;

	*w = 0;
	for (size_t i = 0; i < t->nrows; i++) {
		size_t n = 0;

		for (size_t k = 0; k < t->rows[i].ncells; k++)
			n += doc->spans_unknown || t->rows[i].cells[k].colspan < 1
				     ? 1 : (size_t)t->rows[i].cells[k].colspan;
		if (n > *w)
			*w = n > MAXG ? MAXG : n;
	}
	if (!(g = calloc(t->nrows * *w + 1, sizeof *g)))
		return NULL;
	for (size_t i = 0; i < t->nrows; i++) {
		const ys_prow *row = &t->rows[i];
		size_t c = 0;

		for (size_t k = 0; k < row->ncells; k++) {
			const ys_pcell *cell = &row->cells[k];
			size_t cs = doc->spans_unknown || cell->colspan < 1 ? 1 : (size_t)cell->colspan;
			size_t rs = doc->spans_unknown || cell->rowspan < 1 ? 1 : (size_t)cell->rowspan;

			while (c < *w && g[i * *w + c])
				c++;
			for (size_t rr = i; rr < t->nrows && rr < i + rs; rr++)
				for (size_t cc = c; cc < *w && cc < c + cs; cc++)
					g[rr * *w + cc] = cell->text;
			c += cs;
		}
	}
	return g;
}

/* A 绩效目标表: the row 绩效目标 gives the goal, the rows under the
 * 一级指标 header the indicators, read at the header's columns (a sheet
 * made from a web page spreads each over several grid columns). Levels
 * are merged cells: a place covered by a span has the text above; text
 * exports print merged places empty, so an empty level carries the one
 * above too. */
static ys_status perf_table(struct rec *r, const ys_pblock *t)
{
	static const char *const labels[6] = {"一级指标", "二级指标", "三级指标", "描述", "指标值", "依据"};
	size_t w, pos[6];
	const char **g;
	char sq[SQ];
	int in_inds = 0;
	ys_status st = YS_OK;

	if (!r->nperf)
		return YS_OK;
	if (!(g = table_grid(r->doc, t, &w)))
		return YS_ENOMEM;
	for (size_t k = 0; k < 6; k++)
		pos[k] = k;
	for (size_t i = 0; i < t->nrows && st == YS_OK; i++) {
		const char **row = g + i * w;
		ys_indicator *in;
		const char *f[6];

		if (!w || !row[0])
			continue;
		squash(row[0], sq);
		if (!strcmp(sq, "绩效目标")) {
			for (size_t c = 1; c < w; c++)
				if (row[c] && row[c] != row[0] && row[c][0]) {
					r->perf[r->nperf - 1].goal = adup(r, row[c]);
					break;
				}
			continue;
		}
		if (!strcmp(sq, "一级指标")) {
			in_inds = 1;
			for (size_t k = 1; k < 6; k++) {
				for (size_t c = pos[k - 1] + 1; c < w; c++) {
					char x[SQ];

					squash(row[c], x);
					if (row[c] != row[pos[k - 1]] &&
					    (k == 4 ? !strcmp(x, labels[k]) : strstr(x, labels[k]) != NULL)) {
						pos[k] = c;
						break;
					}
				}
				if (pos[k] <= pos[k - 1])
					pos[k] = pos[k - 1] + 1;
			}
			continue;
		}
		if (!in_inds || pos[5] >= w)
			continue;
		for (size_t k = 0; k < 6; k++)
			f[k] = row[pos[k]] ? row[pos[k]] : "";
		if (!f[2][0] && !f[4][0])
			continue;
		if (!ys_grow((void **)&r->inds, &r->cinds, r->ninds, sizeof *r->inds)) {
			st = YS_ENOMEM;
			break;
		}
		in = &r->inds[r->ninds++];
		in->lv1 = f[0][0] ? adup(r, f[0]) : r->ninds > 1 ? r->inds[r->ninds - 2].lv1 : NULL;
		in->lv2 = f[1][0] ? adup(r, f[1]) : r->ninds > 1 ? r->inds[r->ninds - 2].lv2 : NULL;
		in->lv3 = adup(r, f[2]);
		in->desc = adup(r, f[3]);
		in->value = adup(r, f[4]);
		in->basis = adup(r, f[5]);
	}
	free(g);
	return st;
}

/* ---- continuations (续表) --------------------------------------------- */

/* A table right after a recognised one with no title of its own, or titled
 * 续表 / …（续）, continues it (a table split across pages). */
static int is_continuation(const struct rec *r, const char *title, int prev_table)
{
	char sq[SQ];

	if (!r->ntables || !r->tables[r->ntables - 1].id || !r->last_tt)
		return 0;
	if (!title)
		return prev_table;
	squash(title, sq);
	return starts(sq, "续表") || ends(sq, "（续）") || ends(sq, "(续)") ||
	       ends(sq, "续表");
}

static size_t item_order(const ys_ttable *tt, const ys_drow *row)
{
	for (size_t i = 0; row->item && i < tt->nitems; i++)
		if (!strcmp(tt->items[i].item, row->item) &&
		    (!row->side || !tt->items[i].side || !strcmp(row->side, tt->items[i].side)))
			return i;
	return tt->nitems + (size_t)row->line;
}

static ys_status append_rows(struct rec *r, const ys_ttable *tt, ys_dtable *to,
			     const ys_dtable *part)
{
	size_t n = to->nrows + part->nrows;
	struct rowtmp *tmp;

	if (!part->nrows)
		return YS_OK;
	tmp = malloc(n * sizeof *tmp);
	if (!tmp)
		return YS_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		tmp[i].row = i < to->nrows ? to->rows[i] : part->rows[i - to->nrows];
		tmp[i].order = tt->rows_by == YS_ROWS_ITEMS ? item_order(tt, &tmp[i].row) : i;
	}
	/* qsort is not stable, so ties keep their place through the index. */
	if (tt->rows_by == YS_ROWS_ITEMS)
		qsort(tmp, n, sizeof *tmp, rowtmp_cmp);
	to->rows = ys_arena_alloc(&r->ds->arena, n * sizeof *to->rows);
	if (!to->rows) {
		free(tmp);
		return YS_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		to->rows[i] = tmp[i].row;
	to->nrows = n;
	to->note = NULL;
	free(tmp);
	return YS_OK;
}

/* ---- the document ----------------------------------------------------- */

/* Does table t hold no figure but 0 (no rows, or rows of zeros, as a
 * 三公 table of a unit without 三公 经费 is published)? Then a "注：" line
 * after it is its empty-table note. */
static int no_figures(const ys_dtable *t)
{
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t c = 0; c < t->ncols; c++)
			if (t->rows[i].has && t->rows[i].has[c] && t->rows[i].values[c])
				return 0;
	return 1;
}

ys_status ys_recognize(const ys_pdoc *doc, const char *path, const ys_template *t,
		       ys_disclosure *ds, ys_diag *d)
{
	struct rec r = {0};
	struct hdr h = {0};
	struct colmap lastmap;
	const char *title = NULL;
	ys_status st = YS_OK;
	size_t recognised = 0;
	int last_was_table = 0;

	r.last_map = &lastmap;
	r.doc = doc;
	r.path = path;
	r.t = t;
	r.ds = ds;
	r.d = d;
	ds->template_name = t->id;
	ds->decimals = t->decimals;
	ds->source = ys_arena_strdup(&ds->arena, path);
	for (size_t i = 0; i < doc->nblocks && st == YS_OK; i++) {
		const ys_pblock *b = &doc->blocks[i];

		if (b->kind == YS_PB_PARA) {
			const char *stitle = NULL, *sid = section_id(t, b->text, &stitle);
			char pname[SQ], sq[SQ], ititle[SQ];

			squash(b->text, sq);
			if ((starts(sq, "注：") || starts(sq, "注:")) && last_was_table &&
			    r.ntables && r.tables[r.ntables - 1].id &&
			    no_figures(&r.tables[r.ntables - 1]) && !r.tables[r.ntables - 1].note) {
				const char *note = b->text + (starts(b->text, "注：") ? strlen("注：") : 0);

				if (!starts(b->text, "注："))
					note = strchr(b->text, ':') ? strchr(b->text, ':') + 1 : b->text;
				r.tables[r.ntables - 1].note = adup(&r, ys_trim((char *)adup(&r, note)));
				continue;
			}
			/* The one note for all empty tables, after a table with
			 * figures, in a template that prints one. */
			if ((starts(sq, "注：") || starts(sq, "注:")) && last_was_table &&
			    t->empty_tables_note && !ds->empty_tables_note) {
				const char *note = b->text + (starts(b->text, "注：") ? strlen("注：") : 0);

				if (!starts(b->text, "注："))
					note = strchr(b->text, ':') ? strchr(b->text, ':') + 1 : b->text;
				ds->empty_tables_note = adup(&r, ys_trim((char *)adup(&r, note)));
				continue;
			}
			last_was_table = 0;
			if (header_line(&r, b->text, &h)) {
				/* The cover's unit and year stand for the document. */
				if (h.year && !ds->year)
					ds->year = h.year;
				if (h.unit_name && !ds->unit_name) {
					ds->unit_name = h.unit_name;
					ds->unit_code = h.unit_code;
				}
				continue;
			}
			if (!sid && intro_title(t, b->text, &sid, ititle, sizeof ititle)) {
				stitle = ititle;
			}
			if (sid && !ys_disclosure_section(ds, sid)) {
				int dup = 0, restart = 0;

				for (size_t k = 0; k < r.nsections && !dup && !restart; k++)
					if (!strcmp(r.sections[k].id, sid)) {
						if (toc_run(&r, k)) {
							/* The contents listed the headings: the
							 * sections start again here, and the
							 * text since then was not theirs. */
							r.nsections = k;
							ys_buf_reset(&r.sec_text);
							restart = 1;
						} else {
							dup = 1;
						}
					}
				if (!dup) {
					if (!restart && (st = end_section(&r)) != YS_OK)
						break;
					if (!ys_grow((void **)&r.sections, &r.csections, r.nsections, sizeof *r.sections)) {
						st = YS_ENOMEM;
						break;
					}
					r.sections[r.nsections].id = sid;
					r.sections[r.nsections].title = adup(&r, stitle);
					r.sections[r.nsections++].text = NULL;
					title = NULL;
					continue;
				}
			}
			/* A 绩效目标表's title belongs to its performance entry. */
			if (r.nsections && !perf_title(b->text, pname, sizeof pname)) {
				ys_buf_puts(&r.sec_text, b->text);
				ys_buf_putc(&r.sec_text, '\n');
			}
			if (perf_title(b->text, pname, sizeof pname)) {
				if ((st = end_perf(&r)) != YS_OK)
					break;
				if (!ys_grow((void **)&r.perf, &r.cperf, r.nperf, sizeof *r.perf)) {
					st = YS_ENOMEM;
					break;
				}
				memset(&r.perf[r.nperf], 0, sizeof *r.perf);
				r.perf[r.nperf].scope = "project";
				r.perf[r.nperf++].name = adup(&r, pname);
				title = b->text;
				continue;
			}
			title = b->text;
			memset(&h, 0, sizeof h);
			continue;
		}
		/* A table. */
		{
			const ys_ttable *tt = title ? find_table(t, title) : NULL;
			char pname[SQ];

			int prev_table = last_was_table;

			last_was_table = 1;
			if (title && perf_title(title, pname, sizeof pname)) {
				st = perf_table(&r, b);
				continue;
			}
			if (is_continuation(&r, title, prev_table)) {
				ys_dtable part;
				ys_diag keep;

				if (d)
					keep = *d;

				st = recognize_table(&r, r.last_tt, b, r.tables[r.ntables - 1].title, &h,
						     &lastmap, &part);
				if (st == YS_OK) {
					st = append_rows(&r, r.last_tt, &r.tables[r.ntables - 1], &part);
					title = NULL;
					continue;
				}
				if (st != YS_EINPUT)
					break;
				/* Not a continuation after all: kept as it is. */
				if (d)
					*d = keep;
				st = YS_OK;
			}
			if (!ys_grow((void **)&r.tables, &r.ctables, r.ntables, sizeof *r.tables)) {
				st = YS_ENOMEM;
				break;
			}
			if (tt && !ys_disclosure_table(ds, tt->id)) {
				int dup = 0;

				for (size_t k = 0; k < r.ntables; k++)
					dup |= r.tables[k].id && !strcmp(r.tables[k].id, tt->id);
				if (dup)
					tt = NULL;
			}
			if (!tt && r.nsections) {
				fold_table(&r, b);
				if (!title_like(title)) {
					title = NULL;
					memset(&h, 0, sizeof h);
					continue;
				}
			}
			if (tt) {
				st = recognize_table(&r, tt, b, title, &h, NULL, &r.tables[r.ntables]);
				if (st == YS_OK) {
					recognised++;
					if (h.year && !ds->year)
						ds->year = h.year;
					if (h.unit_name && !ds->unit_name) {
						ds->unit_name = h.unit_name;
						ds->unit_code = h.unit_code;
					}
				}
			} else {
				st = keep_table(&r, b, title, &r.tables[r.ntables]);
			}
			if (st == YS_OK)
				r.ntables++;
			title = NULL;
			memset(&h, 0, sizeof h);
		}
	}
	if (st == YS_OK)
		st = end_section(&r);
	if (st == YS_OK)
		st = end_perf(&r);
	if (st == YS_OK && !recognised && ds->accept_partial && (r.nsections || r.ntables))
		ds->partial = 1;
	else if (st == YS_OK && !recognised)
		st = ys_fail(d, YS_EINPUT, path, 0, 0,
			     "没有找到可识别的部门预算公开表格（模板 %s 中的表名均未出现）", t->id);
	if (st == YS_OK) {
		ds->tables = ys_arena_alloc(&ds->arena, (r.ntables + 1) * sizeof *ds->tables);
		ds->sections = ys_arena_alloc(&ds->arena, (r.nsections + 1) * sizeof *ds->sections);
		ds->perf = ys_arena_alloc(&ds->arena, (r.nperf + 1) * sizeof *ds->perf);
		if (!ds->tables || !ds->sections || !ds->perf) {
			st = YS_ENOMEM;
		} else {
			if (r.ntables)
				memcpy(ds->tables, r.tables, r.ntables * sizeof *r.tables);
			ds->ntables = r.ntables;
			if (r.nsections)
				memcpy(ds->sections, r.sections, r.nsections * sizeof *r.sections);
			ds->nsections = r.nsections;
			if (r.nperf)
				memcpy(ds->perf, r.perf, r.nperf * sizeof *r.perf);
			ds->nperf = r.nperf;
		}
	}
	if (!ds->money_unit)
		ds->money_unit = t->money_unit;
	if (st == YS_ENOMEM)
		st = ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	free(r.tables);
	free(r.sections);
	free(r.perf);
	free(r.inds);
	ys_buf_free(&r.sec_text);
	return st;
}
