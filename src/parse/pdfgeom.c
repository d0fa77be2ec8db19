/*
 * pdfgeom.c - tables and paragraphs rebuilt from the word boxes of a PDF.
 * A PDF has no cells, only words at positions; the rules that put them
 * back together (all distances in units of the text height h, so they
 * hold for any font size):
 *
 *  - a line is the words that overlap vertically by half their height;
 *    in it a gap wider than 0.8 h ends a cell (a space between two
 *    amounts always does: narrow Excel columns);
 *  - a line is tabular when it holds two cells or more, or an amount; a
 *    run of tabular lines (with narrow lines between them: wrapped or
 *    merged cells) is a table;
 *  - a cell's text wrapped over several lines is joined when the next
 *    piece lies below it (gap under 0.35 h in the header, 0.6 h below
 *    it, where the next line must hold no amount);
 *  - columns are the x-extents of the cells below the header, merged
 *    where they overlap (narrow cells first, so that a cell across two
 *    columns is seen as spanning them); header cells take the columns
 *    they overlap, or the nearest one (a centred header over left-aligned
 *    codes);
 *  - rows are the y-extents of the cells (short cells first), a cell over
 *    several of them spanning them;
 *  - the rest is paragraphs: a line that starts at the left margin after
 *    a line that reached the right margin continues it, also across a
 *    page break.
 */
#include "pdfgeom.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"

#define GEOM_MAX_COLS 48
#define GEOM_MAX_ROWS 4096

struct seg {
	double x0, y0, x1, y1;
	ys_buf text;
	int num;		/* an amount (digits, separators, decimals) */
	int integer;		/* digits only (序号, 科目编码) */
};

struct line {
	double x0, y0, x1, y1, h;
	size_t a, b;		/* segments [a, b) */
	int tabular, label, junk, in_table;
};

struct gcell {
	char *text;		/* owned; NULL: empty */
	int colspan, rowspan;
	int covered;		/* covered by a span from above or the left */
};

struct grid {
	size_t nrows, ncols;
	struct gcell *c;	/* nrows × ncols */
	int *page;		/* per row */
};

enum { IT_PARA, IT_TABLE };

struct item {
	int kind, page;
	double y0;
	char *text;		/* paragraph */
	int starts_left, ends_right;
	struct grid g;		/* table */
};

struct items {
	struct item *v;
	size_t n, cap;
	int failed;
};

static double minf(double a, double b) { return a < b ? a : b; }
static double maxf(double a, double b) { return a > b ? a : b; }

static double overlap(double a0, double a1, double b0, double b1)
{
	return minf(a1, b1) - maxf(a0, b0);
}

/* ---- text classes ---------------------------------------------------- */

static int is_digit_run(const char *s, int allow_sep, int *seen_dot)
{
	int digits = 0;

	if (*s == '-')
		s++;
	else if (!strncmp(s, "－", 3))
		s += 3;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (allow_sep && *s == ',' && digits)
			;
		else if (allow_sep && *s == '.' && digits && !*seen_dot)
			*seen_dot = 1;
		else
			return 0;
	}
	return digits > 0;
}

static int text_is_amount(const char *s)
{
	int dot = 0;

	return is_digit_run(s, 1, &dot) && dot;
}

static int text_is_integer(const char *s)
{
	int dot = 0;

	return *s != '-' && is_digit_run(s, 0, &dot);
}

static int word_numeric(const char *s)
{
	int dot = 0;

	return is_digit_run(s, 1, &dot);
}

/* Page numbers: "3", "- 3 -", "—3—", "第3页", "第 3 页 共 9 页". */
static int is_page_number(const char *s)
{
	int digits = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s == '-' || *s == ' ' || *s == '/')
			;
		else if (!strncmp(s, "—", 3) || !strncmp(s, "第", 3) || !strncmp(s, "页", 3) ||
			 !strncmp(s, "共", 3) || !strncmp(s, "－", 3))
			s += 2;
		else
			return 0;
	}
	return digits > 0 && digits <= 6;
}

/* Header lines the recognizer reads as unit, year and money unit. */
static int is_label_text(const char *s)
{
	static const char *const labels[] = {"单位：", "单位:", "预算年度", "部门：", "部门:",
					     "编制单位", "编制部门", "单位名称", "金额单位"};

	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strstr(s, labels[i]))
			return 1;
	return 0;
}

static int ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Joins b to a: a space between two ASCII words, nothing between
 * Chinese characters (a wrapped line has no space). */
static void join_text(ys_buf *a, const char *b, int spaced)
{
	if (a->len && spaced && ascii_alnum((unsigned char)a->data[a->len - 1]) &&
	    ascii_alnum((unsigned char)b[0]))
		ys_buf_putc(a, ' ');
	ys_buf_puts(a, b);
}

/* ---- lines and cells on one page -------------------------------------- */

struct page {
	const ys_pdf_words *w;
	size_t *idx, n;		/* the page's words */
	struct line *lines;
	size_t nlines, lcap;
	struct seg *segs;
	size_t nsegs, scap;
	double left, right;
	int failed;
};

static const ys_pdf_words *sort_w;

static int by_ymid(const void *a, const void *b)
{
	const ys_pdf_word *x = &sort_w->v[*(const size_t *)a], *y = &sort_w->v[*(const size_t *)b];
	double mx = (x->y0 + x->y1) / 2, my = (y->y0 + y->y1) / 2;

	if (mx != my)
		return mx < my ? -1 : 1;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int by_x(const void *a, const void *b)
{
	const ys_pdf_word *x = &sort_w->v[*(const size_t *)a], *y = &sort_w->v[*(const size_t *)b];

	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static void add_seg(struct page *p, const ys_pdf_word *wd)
{
	struct seg *s;

	if (!ys_grow((void **)&p->segs, &p->scap, p->nsegs, sizeof *p->segs)) {
		p->failed = 1;
		return;
	}
	s = &p->segs[p->nsegs++];
	memset(s, 0, sizeof *s);
	s->x0 = wd->x0;
	s->y0 = wd->y0;
	s->x1 = wd->x1;
	s->y1 = wd->y1;
	ys_buf_puts(&s->text, wd->text);
}

/* Words into lines (sorted by their middle, a word joins the line it
 * overlaps by half its height) and lines into cells. The qsort
 * comparators see the words through sort_w: the layout runs on one
 * thread per process. */
static void make_lines(struct page *p)
{
	size_t start = 0;

	sort_w = p->w;
	qsort(p->idx, p->n, sizeof *p->idx, by_ymid);
	while (start < p->n && !p->failed) {
		const ys_pdf_word *f = &p->w->v[p->idx[start]];
		double y0 = f->y0, y1 = f->y1;
		size_t end = start + 1;
		struct line *l;

		while (end < p->n) {
			const ys_pdf_word *x = &p->w->v[p->idx[end]];
			double h = minf(x->y1 - x->y0, y1 - y0);

			if (overlap(x->y0, x->y1, y0, y1) < 0.5 * h)
				break;
			y0 = minf(y0, x->y0);
			y1 = maxf(y1, x->y1);
			end++;
		}
		qsort(p->idx + start, end - start, sizeof *p->idx, by_x);
		if (!ys_grow((void **)&p->lines, &p->lcap, p->nlines, sizeof *p->lines)) {
			p->failed = 1;
			return;
		}
		l = &p->lines[p->nlines++];
		memset(l, 0, sizeof *l);
		l->y0 = y0;
		l->y1 = y1;
		l->h = y1 - y0 > 1 ? y1 - y0 : 1;
		l->a = p->nsegs;
		for (size_t k = start; k < end; k++) {
			const ys_pdf_word *x = &p->w->v[p->idx[k]];
			struct seg *s = p->nsegs > l->a ? &p->segs[p->nsegs - 1] : NULL;
			double h = maxf(x->y1 - x->y0, 1), gap = s ? x->x0 - s->x1 : 0;
			int xn = word_numeric(x->text), sn = s && word_numeric(ys_buf_str(&s->text));

			if (!s || gap > 0.3 * h || (xn && sn && gap > 0.15 * h)) {
				add_seg(p, x);
				continue;
			}
			if (gap > 0.3 * h)
				ys_buf_putc(&s->text, ' ');
			ys_buf_puts(&s->text, x->text);
			s->x1 = maxf(s->x1, x->x1);
			s->y0 = minf(s->y0, x->y0);
			s->y1 = maxf(s->y1, x->y1);
		}
		l->b = p->nsegs;
		l->x0 = l->b > l->a ? p->segs[l->a].x0 : 0;
		l->x1 = l->b > l->a ? p->segs[l->b - 1].x1 : 0;
		start = end;
	}
	for (size_t i = 0; i < p->nsegs; i++) {
		struct seg *s = &p->segs[i];
		const char *t = ys_buf_str(&s->text);

		if (!ys_buf_ok(&s->text))
			p->failed = 1;
		s->num = text_is_amount(t);
		s->integer = text_is_integer(t);
	}
	p->left = 1e9;
	p->right = -1e9;
	for (size_t i = 0; i < p->nlines; i++) {
		p->left = minf(p->left, p->lines[i].x0);
		p->right = maxf(p->right, p->lines[i].x1);
	}
	for (size_t i = 0; i < p->nlines; i++) {
		struct line *l = &p->lines[i];
		const char *t = ys_buf_str(&p->segs[l->a].text);
		double maxgap = 0;

		for (size_t k = l->a + 1; k < l->b; k++)
			maxgap = maxf(maxgap, p->segs[k].x0 - p->segs[k - 1].x1);
		l->tabular = l->b - l->a >= 2 || p->segs[l->a].num;
		/* A justified line of prose with a number in it is not a row. */
		if (maxgap < 1.2 * l->h && l->x1 - l->x0 > 0.7 * (p->right - p->left))
			l->tabular = 0;
		for (size_t k = l->a; k < l->b; k++)
			if (is_label_text(ys_buf_str(&p->segs[k].text)))
				l->label = 1;
		if (l->label)
			l->tabular = 0;
		if ((i == 0 || i + 1 == p->nlines) && l->b - l->a == 1 && is_page_number(t))
			l->junk = 1;
	}
	p->left = 1e9;
	p->right = -1e9;
	for (size_t i = 0; i < p->nlines; i++)
		if (!p->lines[i].junk) {
			p->left = minf(p->left, p->lines[i].x0);
			p->right = maxf(p->right, p->lines[i].x1);
		}
}

/* ---- one table from lines [la, lb) ------------------------------------ */

struct cell {
	double x0, y0, x1, y1;
	ys_buf text;
	int num, integer, header;
	int c0, c1, r0, r1;
};

struct span {
	double a, b;
};

static int add_span(struct span **v, size_t *n, size_t *cap, double a, double b)
{
	if (!ys_grow((void **)v, cap, *n, sizeof **v))
		return 0;
	(*v)[(*n)].a = a;
	(*v)[(*n)++].b = b;
	return 1;
}

static const struct cell *sort_c;

static int by_bottom_desc(const void *a, const void *b)
{
	const struct cell *x = &sort_c[*(const size_t *)a], *y = &sort_c[*(const size_t *)b];

	return x->y1 > y->y1 ? -1 : x->y1 < y->y1;
}

static int by_height(const void *a, const void *b)
{
	const struct cell *x = &sort_c[*(const size_t *)a], *y = &sort_c[*(const size_t *)b];

	return (x->y1 - x->y0) < (y->y1 - y->y0) ? -1 : (x->y1 - x->y0) > (y->y1 - y->y0);
}

static int span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->a < y->a ? -1 : x->a > y->a;
}

/* Merges spans that overlap (after sorting). */
static void merge_spans(struct span *v, size_t *n)
{
	size_t k = 0;

	qsort(v, *n, sizeof *v, span_cmp);
	for (size_t i = 0; i < *n; i++) {
		if (k && overlap(v[k - 1].a, v[k - 1].b, v[i].a, v[i].b) > 0.5) {
			v[k - 1].b = maxf(v[k - 1].b, v[i].b);
			continue;
		}
		v[k++] = v[i];
	}
	*n = k;
}

/* Text and codes are printed from the left of their cell: their column
 * reaches halfway to the next one (where a centred header or 栏次
 * number lies). */
static void extend_text_spans(struct span *v, size_t nv, const uint8_t *amount)
{
	for (size_t j = 0; j + 1 < nv; j++)
		if (!amount[j] && v[j + 1].a - 1 > v[j].b)
			v[j].b = (v[j].b + v[j + 1].a) / 2;
	/* Amounts are printed from the right: theirs reaches halfway back. */
	for (size_t j = 1; j < nv; j++)
		if (amount[j] && v[j].a - 1 > v[j - 1].b)
			v[j].a = (v[j - 1].b + v[j].a) / 2;
}

/* 0 amounts and codes below the header, 1 text below it, 2 栏次 numbers
 * in the header, 3 header text. */
static int cell_kind(const struct cell *c)
{
	if (c->header)
		return c->num || c->integer ? 2 : 3;
	return c->num || c->integer ? 0 : 1;
}

/* Columns: returns their spans; cells get c0/c1. The amounts and codes
 * below the header come first (their extents, merged where they overlap,
 * are columns), then the text below it (a text overlapping one such
 * column is in it, two: it spans them; other texts are merged into text
 * columns, so that indented names stay one column), then the header. */
static int columns(struct cell *cs, size_t n, size_t *order, double h, struct span **out,
		   size_t *nout)
{
	struct span *v = NULL;
	size_t nv = 0, cap = 0;
	uint8_t *amount = NULL;

	for (int kind = 0; kind < 4; kind++) {
		size_t base = nv;
		uint8_t headed[GEOM_MAX_COLS * 4] = {0};

		if (kind == 2)
			extend_text_spans(v, nv, amount);

		/* A header cell beside every column (a centred 功能科目代码 over
		 * left-aligned codes) belongs to the nearest column that has no
		 * header of its own over it; else it is a column (经营支出 with
		 * no amounts). */
		for (size_t k = 0; kind >= 2 && k < n; k++)
			for (size_t j = 0; j < base && j < sizeof headed; j++)
				if (cell_kind(&cs[k]) >= 2 &&
				    overlap(cs[k].x0, cs[k].x1, v[j].a, v[j].b) > 0.5)
					headed[j] = 1;
		if (kind == 3) {
			/* Header text from the lowest row up: the leaves widen
			 * their columns, so that a group label above them
			 * (本年收入) spans them instead of making a column. */
			for (size_t k = 0; k < n; k++)
				order[k] = k;
			sort_c = cs;
			qsort(order, n, sizeof *order, by_bottom_desc);
		}
		for (size_t kk = 0; kk < n; kk++) {
			struct cell *c = &cs[kind == 3 ? order[kk] : kk];
			size_t hits = 0, near = 0, hit = 0, lim = kind == 3 ? nv : base;
			double best = 1e9;

			if (cell_kind(c) != kind)
				continue;
			for (size_t j = 0; j < lim; j++) {
				double ov = overlap(c->x0, c->x1, v[j].a, v[j].b);

				if (ov > 0.5) {
					hits++;
					hit = j;
				}
				if (kind >= 2 && ov <= 0.5 && j < sizeof headed && !headed[j] &&
				    -ov < best) {
					best = -ov;
					near = j;
				}
			}
			if (hits == 1 && kind == 3) {
				double a = minf(v[hit].a, c->x0), b = maxf(v[hit].b, c->x1);
				int clash = 0;

				for (size_t j = 0; j < nv; j++)
					if (j != hit && overlap(a, b, v[j].a, v[j].b) > 0.5)
						clash = 1;
				if (!clash) {
					v[hit].a = a;
					v[hit].b = b;
				}
			}
			if (hits)
				continue;
			if (kind >= 2 && best <= 3 * h) {
				/* Moved onto that column (the cell is placed by
				 * its x-extent below). */
				c->x0 = v[near].a;
				c->x1 = minf(v[near].b, v[near].a + 1);
				headed[near] = 1;
				continue;
			}
			if (!add_span(&v, &nv, &cap, c->x0, c->x1)) {
				free(v);
				return 0;
			}
		}
		/* Merge this kind's new spans among themselves. */
		if (nv > base) {
			size_t m = nv - base;

			merge_spans(v + base, &m);
			nv = base + m;
		}
		if (kind == 1) {
			qsort(v, nv, sizeof *v, span_cmp);
			free(amount);
			if (!(amount = calloc(nv + 1, 1))) {
				free(v);
				return 0;
			}
			for (size_t k = 0; k < n; k++)
				for (size_t j = 0; j < nv && cs[k].num && !cs[k].header; j++)
					if (overlap(cs[k].x0, cs[k].x1, v[j].a, v[j].b) > 0.5)
						amount[j] = 1;
		}
	}
	free(amount);
	qsort(v, nv, sizeof *v, span_cmp);
	(void)order;
	if (nv > GEOM_MAX_COLS)
		nv = GEOM_MAX_COLS;
	for (size_t k = 0; k < n; k++) {
		struct cell *c = &cs[k];
		int first = -1, last = -1, near = 0;
		double best = 1e9;

		for (size_t j = 0; j < nv; j++) {
			double ov = overlap(c->x0, c->x1, v[j].a, v[j].b);
			double dist = ov > 0 ? 0 : -ov;

			if (ov > 0.5) {
				if (first < 0)
					first = (int)j;
				last = (int)j;
			}
			if (dist < best) {
				best = dist;
				near = (int)j;
			}
		}
		c->c0 = first < 0 ? near : first;
		c->c1 = first < 0 ? near : last;
	}
	*out = v;
	*nout = nv;
	return 1;
}

/* Rows: the same on y, short cells first; cells get r0/r1. */
static int bands(struct cell *cs, size_t n, size_t *order, struct span **out, size_t *nout)
{
	struct span *v = NULL;
	size_t nv = 0, cap = 0;

	sort_c = cs;
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	qsort(order, n, sizeof *order, by_height);
	for (size_t k = 0; k < n; k++) {
		struct cell *c = &cs[order[k]];
		int hits = 0;

		for (size_t j = 0; j < nv; j++) {
			double h = minf(c->y1 - c->y0, v[j].b - v[j].a);

			if (overlap(c->y0, c->y1, v[j].a, v[j].b) > 0.5 * h)
				hits++;
		}
		if (!hits && !add_span(&v, &nv, &cap, c->y0, c->y1)) {
			free(v);
			return 0;
		}
	}
	qsort(v, nv, sizeof *v, span_cmp);
	if (nv > GEOM_MAX_ROWS)
		nv = GEOM_MAX_ROWS;
	for (size_t k = 0; k < n; k++) {
		struct cell *c = &cs[k];
		int first = -1, last = -1, best_j = 0;
		double best = -1e9;

		for (size_t j = 0; j < nv; j++) {
			double ov = overlap(c->y0, c->y1, v[j].a, v[j].b);

			if (ov > 0.5 * minf(c->y1 - c->y0, v[j].b - v[j].a)) {
				if (first < 0)
					first = (int)j;
				last = (int)j;
			}
			if (ov > best) {
				best = ov;
				best_j = (int)j;
			}
		}
		c->r0 = first < 0 ? best_j : first;
		c->r1 = first < 0 ? best_j : last;
	}
	*out = v;
	*nout = nv;
	return 1;
}

static void grid_free(struct grid *g)
{
	if (g->c)
		for (size_t i = 0; i < g->nrows * g->ncols; i++)
			free(g->c[i].text);
	free(g->c);
	free(g->page);
	memset(g, 0, sizeof *g);
}

static struct gcell *at(struct grid *g, size_t r, size_t c)
{
	return &g->c[r * g->ncols + c];
}

static const char *gtext(struct grid *g, size_t r, size_t c)
{
	struct gcell *x = at(g, r, c);

	return x->text && !x->covered ? x->text : "";
}

static int row_has_amount(struct grid *g, size_t r)
{
	for (size_t c = 0; c < g->ncols; c++)
		if (text_is_amount(gtext(g, r, c)))
			return 1;
	return 0;
}

/* Rows before the first with an amount, or up to the 栏次 row. */
static size_t header_rows(struct grid *g)
{
	for (size_t r = 0; r < g->nrows; r++) {
		const char *t = gtext(g, r, 0);

		if (!strcmp(t, "栏次") || !strcmp(t, "行次"))
			return r + 1;
		if (row_has_amount(g, r))
			return r;
	}
	return g->nrows;
}

/* Removes column c (its cells' text goes to nothing; spans over it
 * shrink). */
static void drop_column(struct grid *g, size_t c)
{
	for (size_t r = 0; r < g->nrows; r++) {
		struct gcell *x = at(g, r, c);

		/* A span over c starting to the left shrinks by one. */
		for (size_t k = c; k-- > 0;) {
			struct gcell *y = at(g, r, k);

			if (!y->covered) {
				if (k + (size_t)y->colspan > c)
					y->colspan--;
				break;
			}
		}
		if (!x->covered && x->colspan > 1 && c + 1 < g->ncols) {
			/* A span starting at c now starts at c + 1. */
			struct gcell *y = at(g, r, c + 1);

			y->covered = 0;
			y->text = x->text;
			y->colspan = x->colspan - 1;
			y->rowspan = x->rowspan;
		} else {
			free(x->text);
		}
		x->text = NULL;
		memmove(x, x + 1, (g->ncols - c - 1) * sizeof *x);
	}
	/* Rows are ncols apart: close the gaps left by the memmoves. */
	for (size_t r = 1; r < g->nrows; r++)
		memmove(&g->c[r * (g->ncols - 1)], &g->c[r * g->ncols], (g->ncols - 1) * sizeof *g->c);
	g->ncols--;
}

/* 类/款/项 printed in three columns become one code (201, 01, 02 →
 * 2010102); an empty 类 or 款 on a lower row is the one above. */
static void join_code_columns(struct grid *g)
{
	size_t hr = header_rows(g);

	for (size_t r = 0; r < hr; r++)
		for (size_t c = 0; c + 2 < g->ncols; c++) {
			char lei[16] = "", kuan[16] = "";

			if (strcmp(gtext(g, r, c), "类") || strcmp(gtext(g, r, c + 1), "款") ||
			    strcmp(gtext(g, r, c + 2), "项"))
				continue;
			for (size_t k = 0; k < 3; k++) {
				free(at(g, r, c + k)->text);
				at(g, r, c + k)->text = NULL;
			}
			for (size_t rr = hr; rr < g->nrows; rr++) {
				const char *p[3] = {gtext(g, rr, c), gtext(g, rr, c + 1),
						    gtext(g, rr, c + 2)};
				ys_buf code = YS_BUF_INIT;

				if (!p[0][0] && !p[1][0] && !p[2][0])
					continue;
				if (!text_is_integer(p[0]) && p[0][0])
					continue;	/* 合计 across the code columns */
				if (p[0][0])
					snprintf(lei, sizeof lei, "%s", p[0]);
				if (p[1][0])
					snprintf(kuan, sizeof kuan, "%s", p[1]);
				ys_buf_puts(&code, lei);
				if (p[1][0] || p[2][0])
					ys_buf_puts(&code, kuan);
				ys_buf_puts(&code, p[2]);
				if (!p[1][0] && !p[2][0])
					kuan[0] = '\0';
				if (!ys_buf_ok(&code))
					return;
				free(at(g, rr, c)->text);
				at(g, rr, c)->text = ys_buf_detach(&code);
				at(g, rr, c)->covered = 0;
			}
			drop_column(g, c + 2);
			drop_column(g, c + 1);
			return;
		}
}

static int make_grid(struct page *p, size_t la, size_t lb, int pageno, struct grid *g)
{
	struct cell *cs = NULL;
	size_t n = 0, cap = 0, hdr_end = lb, *order = NULL;
	struct span *cols = NULL, *rows = NULL;
	size_t ncols = 0, nrows = 0;
	double h = 0;
	int ok = 0;

	memset(g, 0, sizeof *g);
	/* The header ends at the first line with an amount, after the 栏次
	 * line, or at a line starting with a number (序号 or code). */
	for (size_t i = la; i < lb && hdr_end == lb; i++) {
		const struct seg *s0 = &p->segs[p->lines[i].a];
		const char *t0 = ys_buf_str(&s0->text);

		if (!strcmp(t0, "栏次") || !strcmp(t0, "行次")) {
			hdr_end = i + 1;
			break;
		}
		if (i > la && s0->integer && p->lines[i].b - p->lines[i].a >= 2)
			hdr_end = i;
		for (size_t k = p->lines[i].a; k < p->lines[i].b; k++)
			if (p->segs[k].num)
				hdr_end = i;
	}
	if (hdr_end == lb)
		hdr_end = la;
	for (size_t i = la; i < lb; i++)
		h += p->lines[i].h;
	h /= (double)(lb - la);
	for (size_t i = la; i < lb; i++) {
		int line_num = 0;

		for (size_t k = p->lines[i].a; k < p->lines[i].b; k++)
			line_num |= p->segs[k].num || p->segs[k].integer;
		for (size_t k = p->lines[i].a; k < p->lines[i].b; k++) {
			struct seg *s = &p->segs[k];
			const char *t = ys_buf_str(&s->text);
			int header = i < hdr_end, joined = 0;
			double sh = s->y1 - s->y0;

			/* A wrapped piece of a cell above. */
			for (size_t j = n; j-- > 0 && !joined;) {
				struct cell *c = &cs[j];
				double gap = s->y0 - c->y1, ov = overlap(s->x0, s->x1, c->x0, c->x1);
				double lim = header ? 0.35 * sh : 0.6 * sh;

				if (c->y1 < s->y0 - 3 * sh)
					break;
				if (gap < -0.2 * sh || gap > lim || ov < 0.5 * minf(s->x1 - s->x0, c->x1 - c->x0))
					continue;
				if (s->integer || c->integer || (!header && (line_num || s->num || c->num)))
					continue;
				join_text(&c->text, t, 1);
				c->x0 = minf(c->x0, s->x0);
				c->x1 = maxf(c->x1, s->x1);
				c->y1 = maxf(c->y1, s->y1);
				joined = 1;
			}
			if (joined)
				continue;
			if (!ys_grow((void **)&cs, &cap, n, sizeof *cs))
				goto out;
			memset(&cs[n], 0, sizeof *cs);
			cs[n].x0 = s->x0;
			cs[n].y0 = s->y0;
			cs[n].x1 = s->x1;
			cs[n].y1 = s->y1;
			cs[n].num = s->num;
			cs[n].integer = s->integer;
			cs[n].header = header;
			ys_buf_puts(&cs[n].text, t);
			n++;
		}
	}
	if (!n || !(order = malloc(n * sizeof *order)))
		goto out;
	if (!columns(cs, n, order, h, &cols, &ncols) || !bands(cs, n, order, &rows, &nrows))
		goto out;
	g->nrows = nrows;
	g->ncols = ncols ? ncols : 1;
	if (!(g->c = calloc(g->nrows * g->ncols, sizeof *g->c)) ||
	    !(g->page = calloc(g->nrows, sizeof *g->page)))
		goto out;
	for (size_t r = 0; r < g->nrows; r++)
		g->page[r] = pageno;
	/* Cells in reading order, so that two in one place join in order. */
	for (size_t k = 0; k < n; k++) {
		struct cell *c = &cs[k];
		struct gcell *x;

		if ((size_t)c->r1 >= g->nrows || (size_t)c->c1 >= g->ncols)
			continue;
		x = at(g, (size_t)c->r0, (size_t)c->c0);
		if (!ys_buf_ok(&c->text))
			goto out;
		if (x->text || x->covered) {
			ys_buf more = YS_BUF_INIT;

			if (x->covered)
				continue;
			ys_buf_puts(&more, x->text);
			join_text(&more, ys_buf_str(&c->text), 1);
			if (!ys_buf_ok(&more))
				goto out;
			free(x->text);
			x->text = ys_buf_detach(&more);
			continue;
		}
		x->text = ys_buf_detach(&c->text);
		x->colspan = c->c1 - c->c0 + 1;
		x->rowspan = c->r1 - c->r0 + 1;
		for (int r = c->r0; r <= c->r1; r++)
			for (int cc = c->c0; cc <= c->c1; cc++)
				if (r != c->r0 || cc != c->c0) {
					struct gcell *y = at(g, (size_t)r, (size_t)cc);

					if (y->text && !y->covered)
						continue;
					y->covered = 1;
				}
	}
	for (size_t i = 0; i < g->nrows * g->ncols; i++)
		if (!g->c[i].covered && !g->c[i].colspan) {
			g->c[i].colspan = 1;
			g->c[i].rowspan = 1;
		}
	join_code_columns(g);
	ok = 1;
out:
	for (size_t k = 0; k < n; k++)
		ys_buf_free(&cs[k].text);
	free(cs);
	free(order);
	free(cols);
	free(rows);
	if (!ok)
		grid_free(g);
	return ok;
}

/* ---- a page into items -------------------------------------------------- */

static struct item *new_item(struct items *it, int kind, int page, double y0)
{
	struct item *x;

	if (it->failed || !ys_grow((void **)&it->v, &it->cap, it->n, sizeof *it->v)) {
		it->failed = 1;
		return NULL;
	}
	x = &it->v[it->n++];
	memset(x, 0, sizeof *x);
	x->kind = kind;
	x->page = page;
	x->y0 = y0;
	return x;
}

static void line_text(struct page *p, struct line *l, ys_buf *b)
{
	for (size_t k = l->a; k < l->b; k++) {
		/* Wide gaps (unit, year and money unit on one line) become
		 * an ideographic space; a narrower one is a space. */
		if (k > l->a && p->segs[k].x0 - p->segs[k - 1].x1 > 1.2 * l->h)
			ys_buf_puts(b, "\xe3\x80\x80");
		else if (k > l->a)
			ys_buf_putc(b, ' ');
		ys_buf_puts(b, ys_buf_str(&p->segs[k].text));
	}
}

/* Is line i of a table (tabular, or narrow between tabular lines)? */
static size_t table_end(struct page *p, size_t i)
{
	size_t end = i + 1;
	double width = p->right - p->left;

	while (end < p->nlines) {
		size_t j = end;

		while (j < p->nlines && !p->lines[j].tabular && !p->lines[j].label &&
		       !p->lines[j].junk && p->lines[j].x1 - p->lines[j].x0 < 0.5 * width &&
		       p->lines[j].y0 - p->lines[j - 1].y1 < 3 * p->lines[j].h)
			j++;
		if (j < p->nlines && p->lines[j].tabular &&
		    p->lines[j].y0 - p->lines[j - 1].y1 < 3 * p->lines[j].h)
			end = j + 1;
		else
			break;
	}
	return end;
}

/* Lines [a, b) are a table of contents: each a text and a page number. */
static int is_toc(struct page *p, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		struct line *l = &p->lines[i];

		if (l->b - l->a != 2 || !p->segs[l->a + 1].integer || p->segs[l->a].num ||
		    p->segs[l->a + 1].text.len > 3)
			return 0;
	}
	return b - a >= 2;
}

static void page_items(struct page *p, int pageno, struct items *it)
{
	struct item *para = NULL;
	ys_buf b = YS_BUF_INIT;
	const struct line *prev = NULL;

	for (size_t i = 0; i < p->nlines && !it->failed;) {
		struct line *l = &p->lines[i];

		if (l->junk) {
			i++;
			continue;
		}
		if (l->tabular) {
			size_t end = table_end(p, i);
			struct item *t;

			if (is_toc(p, i, end)) {
				/* A table of contents: its headings as paragraphs,
				 * without their page numbers. */
				for (; i < end; i++) {
					struct seg *sg = &p->segs[p->lines[i].a];
					struct item *x = new_item(it, IT_PARA, pageno, p->lines[i].y0);

					if (x && !(x->text = strdup(ys_buf_str(&sg->text))))
						it->failed = 1;
				}
				para = NULL;
				prev = NULL;
				continue;
			}
			/* A header line above the first tabular one (功能分类科目
			 * alone over its two columns) was taken for a
			 * paragraph: it belongs to the table. */
			while (i > 0 && it->n && it->v[it->n - 1].kind == IT_PARA &&
			       it->v[it->n - 1].page == pageno && it->v[it->n - 1].y0 == p->lines[i - 1].y0 &&
			       !p->lines[i - 1].label && !p->lines[i - 1].junk &&
			       p->lines[i - 1].x1 - p->lines[i - 1].x0 < 0.5 * (p->right - p->left) &&
			       p->lines[i].y0 - p->lines[i - 1].y1 < 0.8 * p->lines[i].h) {
				free(it->v[--it->n].text);
				i--;
			}
			l = &p->lines[i];
			t = new_item(it, IT_TABLE, pageno, l->y0);

			if (t && !make_grid(p, i, end, pageno, &t->g))
				it->failed = 1;
			para = NULL;
			prev = NULL;
			i = end;
			continue;
		}
		ys_buf_reset(&b);
		line_text(p, l, &b);
		if (para && prev && !l->label && !prev->label && prev->x1 >= p->right - 2 * l->h &&
		    l->x0 <= p->left + 0.5 * l->h && l->y0 - prev->y1 < 1.2 * l->h) {
			ys_buf more = YS_BUF_INIT;

			ys_buf_puts(&more, para->text);
			join_text(&more, ys_buf_str(&b), 1);
			free(para->text);
			para->text = ys_buf_detach(&more);
			if (!para->text)
				it->failed = 1;
		} else {
			para = new_item(it, IT_PARA, pageno, l->y0);
			if (para) {
				para->text = ys_buf_detach(&b);
				para->starts_left = l->x0 <= p->left + 0.5 * l->h;
				if (!para->text)
					it->failed = 1;
			}
		}
		if (para)
			para->ends_right = !l->label && l->x1 >= p->right - 2 * l->h;
		prev = l;
		i++;
	}
	ys_buf_free(&b);
}

static void page_free(struct page *p)
{
	for (size_t i = 0; i < p->nsegs; i++)
		ys_buf_free(&p->segs[i].text);
	free(p->segs);
	free(p->lines);
	p->segs = NULL;
	p->lines = NULL;
	p->nsegs = p->scap = p->nlines = p->lcap = 0;
}

/* ---- across pages ---------------------------------------------------- */

static int rows_equal(struct grid *a, size_t ra, struct grid *b, size_t rb)
{
	for (size_t c = 0; c < a->ncols; c++)
		if (strcmp(gtext(a, ra, c), gtext(b, rb, c)))
			return 0;
	return 1;
}

/* b continues a (the next page): the same columns, and its header is a's
 * header again or it has none. b's rows (without the header) go to a. */
static int join_tables(struct grid *a, struct grid *b)
{
	size_t ha = header_rows(a), hb = header_rows(b), keep;
	struct gcell *c;
	int *pg;

	if (a->ncols != b->ncols || a->nrows + b->nrows > GEOM_MAX_ROWS)
		return 0;
	if (hb && (hb != ha || hb == b->nrows))
		return 0;
	for (size_t r = 0; r < hb; r++)
		if (!rows_equal(a, r, b, r))
			return 0;
	/* A span from b's header into its data would be cut: keep it. */
	for (size_t col = 0; col < b->ncols; col++)
		if (hb && at(b, hb, col)->covered)
			return 0;
	keep = b->nrows - hb;
	c = realloc(a->c, (a->nrows + keep) * a->ncols * sizeof *c);
	if (!c)
		return 0;
	a->c = c;
	pg = realloc(a->page, (a->nrows + keep) * sizeof *pg);
	if (!pg)
		return 0;
	a->page = pg;
	memcpy(&a->c[a->nrows * a->ncols], &b->c[hb * b->ncols], keep * b->ncols * sizeof *c);
	memcpy(&a->page[a->nrows], &b->page[hb], keep * sizeof *pg);
	for (size_t i = hb * b->ncols; i < b->nrows * b->ncols; i++)
		b->c[i].text = NULL;
	a->nrows += keep;
	grid_free(b);
	return 1;
}

static void emit(struct items *it, ys_pdoc *doc)
{
	for (size_t i = 0; i < it->n; i++) {
		struct item *x = &it->v[i];

		doc->page = x->page;
		if (x->kind == IT_PARA) {
			ys_pdoc_para(doc, x->text, strlen(x->text), 0);
			continue;
		}
		if (!x->g.nrows)
			continue;
		ys_pdoc_table(doc, 0);
		for (size_t r = 0; r < x->g.nrows; r++) {
			doc->page = x->g.page[r];
			ys_pdoc_row(doc, 0);
			for (size_t c = 0; c < x->g.ncols; c++) {
				struct gcell *g = at(&x->g, r, c);
				const char *t = g->text ? g->text : "";

				if (g->covered)
					continue;
				ys_pdoc_cell(doc, t, strlen(t), g->colspan, g->rowspan);
			}
		}
	}
}

ys_status ys_pdf_layout(const char *path, const ys_pdf_words *w, ys_pdoc *doc, ys_diag *d)
{
	struct items it = {0};
	struct page p = {0};
	size_t first = 0;
	ys_status st = YS_OK;

	p.w = w;
	if (!(p.idx = malloc((w->n + 1) * sizeof *p.idx)))
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	for (int pg = 1; pg <= w->npages && !it.failed && !p.failed; pg++) {
		size_t before = it.n;

		p.n = 0;
		while (first < w->n && w->v[first].page == pg)
			p.idx[p.n++] = first++;
		make_lines(&p);
		if (!p.failed)
			page_items(&p, pg, &it);
		page_free(&p);
		/* The first item of this page may continue the last of the
		 * previous one. */
		if (before > 0 && it.n > before) {
			struct item *a = &it.v[before - 1], *b = &it.v[before];

			if (a->kind == IT_TABLE && b->kind == IT_TABLE && join_tables(&a->g, &b->g)) {
				memmove(b, b + 1, (it.n - before - 1) * sizeof *b);
				it.n--;
			} else if (a->kind == IT_PARA && b->kind == IT_PARA && a->ends_right &&
				   b->starts_left) {
				ys_buf more = YS_BUF_INIT;

				ys_buf_puts(&more, a->text);
				join_text(&more, b->text, 1);
				if (!ys_buf_ok(&more)) {
					it.failed = 1;
				} else {
					free(a->text);
					a->text = ys_buf_detach(&more);
					a->ends_right = b->ends_right;
					free(b->text);
					memmove(b, b + 1, (it.n - before - 1) * sizeof *b);
					it.n--;
				}
			}
		}
	}
	if (it.failed || p.failed)
		st = ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	else
		emit(&it, doc);
	for (size_t i = 0; i < it.n; i++) {
		free(it.v[i].text);
		grid_free(&it.v[i].g);
	}
	free(it.v);
	free(p.idx);
	page_free(&p);
	if (st == YS_OK && doc->failed)
		st = ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	return st;
}
