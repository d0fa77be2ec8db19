/*
 * pdf.c - the disclosure as a PDF drawn with pango + cairo: a title page,
 * a table of contents with links, the nine tables as published (title,
 * header line, merged header, 栏次, rows; a table that runs over a page
 * break repeats its header rows), the narrative sections and the
 * performance-target tables, page numbers in the footer and an outline.
 * Fonts are named explicitly (Noto Serif CJK SC for text, Noto Sans CJK SC
 * for headings and table headers), embedded by cairo, and the text stays
 * extractable.
 *
 * The document is laid out twice: the first pass, into a discarded PDF,
 * finds the page of every heading for the table of contents; the second
 * writes the file. Positions are in points (double) — drawing only; every
 * figure printed is a string from the model.
 */
#include "render.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/money.h"
#include "ooxml.h"

#define SERIF "Noto Serif CJK SC"
#define SANS "Noto Sans CJK SC"

/* A4 in points; margins. */
#define A4_W 595.28
#define A4_H 841.89
#define M_SIDE 56.7
#define M_TOP 62.0
#define M_BOTTOM 62.0
#define PAD 2.2		/* cell padding */
#define TABLE_PT 9.0	/* table text size (smaller for very wide tables) */
#define TABLE_PT_MIN 7.0
#define BODY_PT 11.5	/* narrative text size */
#define MAX_HEADINGS 256

typedef enum { AL_LEFT, AL_CENTER, AL_RIGHT } align;

typedef struct heading {
	int level;
	char *text;		/* malloc'd; freed with the render */
	int page;
	double y;
	int outline;		/* cairo outline id (level 1, final pass) */
} heading;

typedef struct pdf {
	const ys_disclosure *ds;
	const ys_template *tpl;
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoLayout *layout;
	PangoFontMap *fonts;	/* our own, released after the render */
	PangoContext *context;
	double pw, ph;		/* page size */
	double y;		/* next free position */
	int page;		/* current page number, 1-based */
	int page_open;
	int landscape;
	double tpt;		/* table text size of the table being drawn */
	int final;		/* second pass: links, outline */
	heading *heads;
	size_t nheads;
	const heading *toc;	/* the headings found by the first pass */
	size_t ntoc;
	int nomem;		/* an allocation failed */
} pdf;

#if defined(__SANITIZE_ADDRESS__)
#define YS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define YS_ASAN 1
#endif
#endif

#ifdef YS_ASAN
/*
 * LeakSanitizer hook (sanitized builds only). cairo 1.16 loses three small
 * blocks in its CFF font subsetter on every PDF it finishes, and
 * fontconfig one while parsing its configuration; neither can be freed
 * from here. Every object we create (surface, context, font map, layouts)
 * is released, and the tests run the PDF renderer under ASan.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libcairo.so.2\nleak:libfontconfig.so.1\n";
}

const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}
#endif

static cairo_status_t write_buf(void *closure, const unsigned char *data, unsigned int len)
{
	ys_buf_add(closure, data, len);
	return ys_buf_ok(closure) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static cairo_status_t write_none(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure;
	(void)data;
	(void)len;
	return CAIRO_STATUS_SUCCESS;
}

static double bottom(const pdf *p)
{
	return p->ph - M_BOTTOM;
}

static double text_w(const pdf *p)
{
	return p->pw - 2 * M_SIDE;
}

/* Sets the text, without the C0 controls pango would draw as hex boxes. */
static void set_clean_text(PangoLayout *l, const char *s, int len)
{
	size_t n = len < 0 ? strlen(s) : (size_t)len, k = 0;
	char *clean;

	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 && s[i] != '\n' && s[i] != '\t')
			break;
		else
			k++;
	if (k == n || !(clean = malloc(n + 1))) {
		pango_layout_set_text(l, s, (int)n);
		return;
	}
	k = 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x20 || s[i] == '\n' || s[i] == '\t')
			clean[k++] = s[i];
	pango_layout_set_text(l, clean, (int)k);
	free(clean);
}

/* Sets the layout's text, font, width (≤ 0: no wrapping) and alignment. */
static void set_text(pdf *p, const char *s, int len, const char *family, double size,
		     int bold, double width, align al)
{
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, family);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(p->layout, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(p->layout, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_wrap(p->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_indent(p->layout, 0);
	pango_layout_set_spacing(p->layout, 0);
	pango_layout_set_alignment(p->layout, al == AL_CENTER ? PANGO_ALIGN_CENTER
				   : al == AL_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
	set_clean_text(p->layout, s ? s : "", len);
}

static double layout_h(pdf *p)
{
	int w, h;

	pango_layout_get_size(p->layout, &w, &h);
	return (double)h / PANGO_SCALE;
}

/* The first pass only measures (page numbers for the contents): drawing no
 * glyphs there spares cairo subsetting the CJK fonts twice. */
static void show_at(pdf *p, double x, double y)
{
	if (!p->final)
		return;
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->layout);
}

/* Draws text in a box of width w at (x, y); returns its height. */
static double draw_text(pdf *p, double x, double y, double w, const char *s,
			const char *family, double size, int bold, align al)
{
	double h;

	set_text(p, s, -1, family, size, bold, w, al);
	h = layout_h(p);
	show_at(p, x, y);
	return h;
}

static void end_page(pdf *p)
{
	char num[32];

	if (!p->page_open)
		return;
	snprintf(num, sizeof num, "— %d —", p->page);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	if (p->page > 1)	/* not on the title page */
		draw_text(p, M_SIDE, p->ph - M_BOTTOM / 2 - 5, text_w(p), num, SERIF, 9, 0,
			  AL_CENTER);
	cairo_show_page(p->cr);
	p->page_open = 0;
}

static void new_page(pdf *p, int landscape)
{
	end_page(p);
	p->landscape = landscape;
	p->pw = landscape ? A4_H : A4_W;
	p->ph = landscape ? A4_W : A4_H;
	cairo_pdf_surface_set_size(p->surface, p->pw, p->ph);
	p->page++;
	p->page_open = 1;
	p->y = M_TOP;
}

/* Makes room for h points, starting a page (same orientation) if needed.
 * Returns 1 when it started a page. */
static int need(pdf *p, double h)
{
	if (p->y + h <= bottom(p) || p->y <= M_TOP + 0.1)
		return 0;
	new_page(p, p->landscape);
	return 1;
}

/* A heading for the TOC and outline (level 1 or 2), drawn by the caller
 * at p->y on the current page. */
static void note_heading(pdf *p, int level, const char *text)
{
	heading *h;

	if (p->nheads >= MAX_HEADINGS)
		return;
	h = &p->heads[p->nheads++];
	h->level = level;
	free(h->text);
	h->text = strdup(text ? text : "");
	if (!h->text)
		p->nomem = 1;
	h->page = p->page;
	h->y = p->y;
	if (p->final) {
		char attrs[64];
		int parent = CAIRO_PDF_OUTLINE_ROOT;

		snprintf(attrs, sizeof attrs, "page=%d pos=[%.1f %.1f]", p->page, M_SIDE,
			 p->y > 20 ? p->y - 20 : p->y);
		/* Level 2 entries hang under the last level 1 entry. */
		for (size_t i = p->nheads - 1; level > 1 && i-- > 0;)
			if (p->heads[i].level == 1) {
				parent = p->heads[i].outline;
				break;
			}
		h->outline = cairo_pdf_surface_add_outline(p->surface, parent,
							   h->text ? h->text : "", attrs, 0);
	}
}

static void heading1(pdf *p, const char *text)
{
	note_heading(p, 1, text);
	p->y += 20;
	p->y += draw_text(p, M_SIDE, p->y, text_w(p), text, SANS, 20, 1, AL_CENTER) + 24;
}

static void heading2(pdf *p, const char *text, align al)
{
	need(p, 60);
	note_heading(p, 2, text);
	p->y += 4;
	p->y += draw_text(p, M_SIDE, p->y, text_w(p), text, SANS, 15, 1, al) + 10;
}

/* ---- table cells ---- */

typedef struct pcell {
	const char *text;
	int span;	/* columns covered */
	align al;
	int bold;	/* set in the Hei face (header cells, totals) */
	int fill;	/* grey background (header cells) */
	int indent;	/* level of a row name, one character each */
} pcell;

static double cell_height(pdf *p, const pcell *c, double w)
{
	set_text(p, c->text, -1, c->bold ? SANS : SERIF, p->tpt, c->bold,
		 w - 2 * PAD - c->indent * p->tpt, c->al);
	return layout_h(p) + 2 * PAD;
}

static void draw_cell(pdf *p, double x, double y, double w, double h, const pcell *c)
{
	if (c->fill) {
		cairo_set_source_rgb(p->cr, 0.93, 0.93, 0.93);
		cairo_rectangle(p->cr, x, y, w, h);
		cairo_fill(p->cr);
	}
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_set_line_width(p->cr, 0.5);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_stroke(p->cr);
	if (c->text && *c->text) {
		double th;

		set_text(p, c->text, -1, c->bold ? SANS : SERIF, p->tpt, c->bold,
			 w - 2 * PAD - c->indent * p->tpt, c->al);
		th = layout_h(p);
		show_at(p, x + PAD + c->indent * p->tpt, y + (h - th) / 2);
	}
}

/* A row of cells (spans over the column widths w); returns its height. */
static double row_height(pdf *p, const double *w, const pcell *cells, size_t n)
{
	double h = p->tpt + 2 * PAD + 4;
	size_t col = 0;

	for (size_t i = 0; i < n; i++) {
		double cw = 0, ch;

		for (int k = 0; k < cells[i].span; k++)
			cw += w[col++];
		ch = cell_height(p, &cells[i], cw);
		if (ch > h)
			h = ch;
	}
	return h;
}

static void draw_row(pdf *p, double x, const double *w, const pcell *cells, size_t n, double h)
{
	size_t col = 0;

	for (size_t i = 0; i < n; i++) {
		double cw = 0;

		for (int k = 0; k < cells[i].span; k++)
			cw += w[col++];
		draw_cell(p, x, p->y, cw, h, &cells[i]);
		x += cw;
	}
	p->y += h;
}

/* ---- the nine tables ---- */

static void header_line(pdf *p)
{
	ys_buf parts[3] = {YS_BUF_INIT, YS_BUF_INIT, YS_BUF_INIT};
	size_t n = ys_office_header_parts(p->ds, p->tpl, parts);
	static const align al[] = {AL_LEFT, AL_CENTER, AL_RIGHT};
	double h = 0;

	/* A unit name longer than the left third of the line (a half-em of
	 * 9.5 pt is 4.75 pt) takes a line of its own, so that 预算年度 and
	 * 单位 are not drawn over it. */
	if (n == 3 && ys_text_width(ys_buf_str(&parts[0])) * 4.75 > text_w(p) / 3) {
		p->y += draw_text(p, M_SIDE, p->y, text_w(p), ys_buf_str(&parts[0]), SERIF,
				  9.5, 0, AL_LEFT) + 2;
		ys_buf_reset(&parts[0]);
	}
	for (size_t i = 0; i < n; i++) {
		double th = draw_text(p, M_SIDE, p->y, text_w(p), ys_buf_str(&parts[i]), SERIF,
				      9.5, 0, n == 3 ? al[i] : AL_LEFT);

		if (th > h)
			h = th;
		if (n != 3)
			p->y += th;
	}
	p->y += (n == 3 ? h : 0) + 4;
	for (size_t i = 0; i < 3; i++) {
		if (!ys_buf_ok(&parts[i]))
			p->nomem = 1;
		ys_buf_free(&parts[i]);
	}
}

/* The merged header and the 栏次 row at p->y, column x positions cx[]. */
static void table_header(pdf *p, const ys_ptable *t, const double *cx, const double *rh)
{
	double y0 = p->y;
	pcell c = {NULL, 1, AL_CENTER, 1, 1, 0};
	double ry[65];

	ry[0] = y0;
	for (size_t h = 0; h < t->nhead; h++)
		ry[h + 1] = ry[h] + rh[h];
	for (size_t h = 0; h < t->nhead; h++)
		for (size_t col = 0; col < t->np; col++) {
			const ys_hpos *g = &t->grid[h * t->np + col];
			size_t cs = (size_t)g->cell->colspan, rs = (size_t)g->cell->rowspan;

			if (!g->origin)
				continue;
			if (col + cs > t->np)
				cs = t->np - col;
			if (h + rs > t->nhead)
				rs = t->nhead - h;
			c.text = g->cell->text;
			draw_cell(p, cx[col], ry[h], cx[col + cs] - cx[col], ry[h + rs] - ry[h], &c);
		}
	p->y = ry[t->nhead];
	if (t->numbering) {
		char num[24];
		double h = p->tpt + 2 * PAD + 3;

		for (size_t col = 0; col < t->np; col++) {
			snprintf(num, sizeof num, "%zu", col);
			c.text = col ? num : "栏次";
			draw_cell(p, cx[col], p->y, cx[col + 1] - cx[col], h, &c);
		}
		p->y += h;
	}
}

static ys_status table_pdf(pdf *p, const ys_dtable *tb, const ys_ttable *tt)
{
	ys_ptable t;
	double w[YS_MAX_PCOLS], cx[YS_MAX_PCOLS + 1], rh[64], sum = 0;
	char bufs[YS_MAX_PCOLS][YS_MONEY_FMT_MAX];
	pcell cells[YS_MAX_PCOLS];
	int landscape;

	if (ys_ptable_init(&t, tb, tt) != YS_OK)
		return YS_ENOMEM;
	if (t.nhead > 64) {
		ys_ptable_free(&t);
		return YS_ELIMIT;
	}
	ys_ptable_widths(&t, p->ds, w);
	for (size_t c = 0; c < t.np; c++)
		sum += (w[c] += 2);
	landscape = sum > 104 || t.np > 9;
	new_page(p, landscape);
	/* A table too wide for the page at 9 pt is set smaller, down to 7 pt,
	 * as published 13-column tables are. */
	p->tpt = TABLE_PT;
	if (sum * TABLE_PT / 2 > text_w(p))
		p->tpt = text_w(p) / sum * 2 < TABLE_PT_MIN ? TABLE_PT_MIN : text_w(p) / sum * 2;
	ys_ptable_fit(&t, w, text_w(p) / (p->tpt / 2));
	cx[0] = M_SIDE;
	for (size_t c = 0; c < t.np; c++)
		cx[c + 1] = cx[c] + w[c] * p->tpt / 2;

	/* Header row heights: each row fits its one-row cells; a cell over
	 * several rows stretches the last of them. */
	for (size_t h = 0; h < t.nhead; h++)
		rh[h] = p->tpt + 2 * PAD + 6;
	for (int pass = 0; pass < 2; pass++)
		for (size_t h = 0; h < t.nhead; h++)
			for (size_t c = 0; c < t.np; c++) {
				const ys_hpos *g = &t.grid[h * t.np + c];
				size_t cs = (size_t)g->cell->colspan, rs = (size_t)g->cell->rowspan;
				pcell hc = {g->cell->text, 1, AL_CENTER, 1, 1, 0};
				double need_h, have = 0;

				if (!g->origin || (pass == 0) != (rs == 1))
					continue;
				if (c + cs > t.np)
					cs = t.np - c;
				if (h + rs > t.nhead)
					rs = t.nhead - h;
				need_h = cell_height(p, &hc, cx[c + cs] - cx[c]);
				for (size_t k = h; k < h + rs; k++)
					have += rh[k];
				if (need_h > have)
					rh[h + rs - 1] += need_h - have;
			}

	{
		ys_buf head = YS_BUF_INIT;

		ys_dtable_heading(tb, &head);
		heading2(p, ys_buf_str(&head), AL_CENTER);
		ys_buf_free(&head);
	}
	header_line(p);
	table_header(p, &t, cx, rh);
	for (size_t i = 0; i < t.nlines; i++) {
		int bold = ys_ptable_is_total(&t, i);
		double h;

		for (size_t c = 0; c < t.np; c++) {
			const ys_drow *r = ys_ptable_row(&t, i, c);

			cells[c] = (pcell){ys_ptable_text(&t, p->ds, i, c, bufs[c]), 1,
				ys_ptable_is_amount(&t, c) ? AL_RIGHT
				: t.pc[c].kind == YS_PCOL_SEQ ? AL_CENTER : AL_LEFT,
				bold, 0, t.pc[c].kind == YS_PCOL_NAME && r ? r->indent : 0};
		}
		h = p->tpt + 2 * PAD + 2;
		for (size_t c = 0; c < t.np; c++) {
			double ch = cell_height(p, &cells[c], cx[c + 1] - cx[c]);

			if (ch > h)
				h = ch;
		}
		if (need(p, h))
			table_header(p, &t, cx, rh);
		for (size_t c = 0; c < t.np; c++)
			draw_cell(p, cx[c], p->y, cx[c + 1] - cx[c], h, &cells[c]);
		p->y += h;
	}
	if (tb->note) {
		ys_buf note = YS_BUF_INIT;

		ys_buf_printf(&note, "注：%s", tb->note);
		p->y += 6;
		p->y += draw_text(p, M_SIDE, p->y, text_w(p), ys_buf_str(&note), SERIF, 10, 0,
				  AL_LEFT);
		ys_buf_release(&note, &p->nomem);
	}
	ys_ptable_free(&t);
	p->tpt = TABLE_PT;
	return YS_OK;
}

/* ---- narrative ---- */

/* A paragraph drawn line by line, so that it can break across pages. */
static void paragraph(pdf *p, const char *s, size_t len, double size, int first_indent)
{
	PangoLayoutIter *it;
	PangoLayout *para;
	double line_gap = size * 0.55;

	char *text = malloc(len + 8);

	/* The first-line indent as two ideographic spaces, as typed in
	 * Chinese documents (and kept by text extraction). */
	if (!text) {
		p->nomem = 1;
		return;
	}
	snprintf(text, len + 8, "%s%.*s", first_indent ? "　　" : "", (int)len, s);
	set_text(p, text, -1, SERIF, size, 0, text_w(p), AL_LEFT);
	free(text);
	pango_layout_set_justify(p->layout, TRUE);
	pango_layout_set_spacing(p->layout, (int)(line_gap * PANGO_SCALE));
	/* A copy: a page break draws the footer with p->layout. */
	para = pango_layout_copy(p->layout);
	it = pango_layout_get_iter(para);
	do {
		PangoRectangle logical;
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		double h, base;

		pango_layout_iter_get_line_extents(it, NULL, &logical);
		h = (double)logical.height / PANGO_SCALE;
		base = (double)(pango_layout_iter_get_baseline(it) - logical.y) / PANGO_SCALE;
		if (p->y + h > bottom(p))
			new_page(p, p->landscape);
		if (p->final) {
			cairo_move_to(p->cr, M_SIDE + (double)logical.x / PANGO_SCALE, p->y + base);
			pango_cairo_show_layout_line(p->cr, line);
		}
		p->y += h + line_gap;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(para);
	pango_layout_set_justify(p->layout, FALSE);
	p->y += 2;
}

/* Lines "| a | b |" of section text as a table with a header row. */
static const char *text_table(pdf *p, const char *s)
{
	size_t start[YS_TEXT_MAX_CELLS], len[YS_TEXT_MAX_CELLS], n, ncols = 0, row = 0;
	ys_buf text[YS_TEXT_MAX_CELLS];
	double w[YS_TEXT_MAX_CELLS] = {0}, sum = 0;
	pcell cells[YS_TEXT_MAX_CELLS];
	const char *q;

	for (size_t c = 0; c < YS_TEXT_MAX_CELLS; c++)
		text[c] = (ys_buf)YS_BUF_INIT;
	for (q = s; *q;) {
		const char *nl = strchr(q, '\n');
		size_t l = nl ? (size_t)(nl - q) : strlen(q);

		if (!ys_text_is_row(q, l))
			break;
		n = ys_text_row_cells(q, l, start, len, YS_TEXT_MAX_CELLS);
		for (size_t c = 0; c < n; c++) {
			ys_buf_reset(&text[c]);
			ys_buf_add(&text[c], q + start[c], len[c]);
			if (ys_text_width(ys_buf_str(&text[c])) > w[c])
				w[c] = ys_text_width(ys_buf_str(&text[c]));
		}
		if (n > ncols)
			ncols = n;
		q += l + (nl ? 1 : 0);
	}
	for (size_t c = 0; c < ncols; c++)
		sum += (w[c] = (w[c] > 30 ? 30 : w[c]) + 3);
	for (size_t c = 0; c < ncols; c++)
		w[c] = text_w(p) * w[c] / sum;
	p->y += 4;
	while (s < q) {
		const char *nl = strchr(s, '\n');
		size_t l = nl ? (size_t)(nl - s) : strlen(s);
		double h;

		n = ys_text_row_cells(s, l, start, len, YS_TEXT_MAX_CELLS);
		if (n) {
			for (size_t c = 0; c < ncols; c++) {
				const char *tc;

				ys_buf_reset(&text[c]);
				if (c < n)
					ys_buf_add(&text[c], s + start[c], len[c]);
				tc = ys_buf_str(&text[c]);
				cells[c] = (pcell){tc, 1,
					!row ? AL_CENTER : ys_text_is_number(tc, strlen(tc))
					? AL_RIGHT : AL_LEFT, !row, !row, 0};
			}
			h = row_height(p, w, cells, ncols);
			need(p, h);
			draw_row(p, M_SIDE, w, cells, ncols, h);
			row++;
		}
		s += l + (nl ? 1 : 0);
	}
	p->y += 8;
	for (size_t c = 0; c < YS_TEXT_MAX_CELLS; c++)
		ys_buf_release(&text[c], &p->nomem);
	return q;
}

static void section_pdf(pdf *p, const ys_dsection *sec, const char *title)
{
	const char *s = sec->text ? sec->text : "";

	p->y += 6;
	heading2(p, title, AL_LEFT);
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);

		if (ys_text_is_row(s, len)) {
			s = text_table(p, s);
			continue;
		}
		if (len)
			paragraph(p, s, len, BODY_PT, 1);
		s += len;
		if (*s)
			s++;
	}
}

/* A cell merged down several rows (一级/二级指标), drawn when it closes:
 * at the end of its run or at a page break. */
typedef struct vrun {
	const char *text;
	double y0;
	size_t end;		/* last row of the run */
	int open;
} vrun;

static void close_run(pdf *p, vrun *r, double x, double w)
{
	pcell c = {r->text, 1, AL_CENTER, 0, 0, 0};

	if (!r->open)
		return;
	draw_cell(p, x, r->y0, w, p->y - r->y0, &c);
	r->open = 0;
}

static void perf_pdf(pdf *p, const ys_dperf *pf, size_t n)
{
	static const char *const heads[] = {"一级指标", "二级指标", "三级指标",
					    "绩效指标描述", "指标值", "指标值确定依据"};
	static const double weights[] = {12, 12, 19, 29, 12, 16};
	const char *name = pf->name ? pf->name : "";
	char buf[YS_MONEY_FMT_MAX];
	ys_buf title = YS_BUF_INIT, label = YS_BUF_INIT;
	double w[6], x[7], h;
	pcell cells[6];
	vrun runs[2] = {{0}};

	if (p->landscape)
		new_page(p, 0);
	x[0] = M_SIDE;
	for (int c = 0; c < 6; c++) {
		w[c] = text_w(p) * weights[c] / 100;
		x[c + 1] = x[c] + w[c];
	}
	ys_buf_printf(&title, "%zu、%s%s", n, name,
		      strstr(name, "绩效目标表") ? "" : "绩效目标表");
	need(p, 160);
	p->y += 10;
	p->y += draw_text(p, M_SIDE, p->y, text_w(p), ys_buf_str(&title), SANS, 12.5, 1,
			  AL_CENTER) + 8;
	if (!ys_buf_ok(&title))
		p->nomem = 1;
	ys_buf_free(&title);

	cells[0] = (pcell){pf->scope && !strcmp(pf->scope, "department") ? "部门名称" : "项目名称",
			   1, AL_CENTER, 1, 1, 0};
	cells[1] = (pcell){name, 5, AL_LEFT, 0, 0, 0};
	h = row_height(p, w, cells, 2);
	draw_row(p, M_SIDE, w, cells, 2, h);
	if (pf->has_budget) {
		ys_buf_printf(&label, "预算金额（%s）",
			      p->ds->money_unit ? p->ds->money_unit : "万元");
		cells[0].text = ys_buf_str(&label);
		cells[1].text = ys_money_format(pf->budget, p->ds->decimals, 0, buf);
		h = row_height(p, w, cells, 2);
		draw_row(p, M_SIDE, w, cells, 2, h);
	}
	cells[0].text = "绩效目标";
	cells[1].text = pf->goal ? pf->goal : "";
	h = row_height(p, w, cells, 2);
	need(p, h);
	draw_row(p, M_SIDE, w, cells, 2, h);

	for (int c = 0; c < 6; c++)
		cells[c] = (pcell){heads[c], 1, AL_CENTER, 1, 1, 0};
	h = row_height(p, w, cells, 6);
	need(p, h * 3);
	draw_row(p, M_SIDE, w, cells, 6, h);
	for (size_t i = 0; i < pf->nindicators; i++) {
		const ys_indicator *in = &pf->indicators[i];
		const char *f[6] = {in->lv1, in->lv2, in->lv3, in->desc, in->value, in->basis};
		double rh;

		for (int c = 0; c < 6; c++)
			cells[c] = (pcell){f[c] ? f[c] : "", 1, c < 2 || c == 4 ? AL_CENTER : AL_LEFT,
					   0, 0, 0};
		rh = row_height(p, w, cells, 6);
		if (p->y + rh > bottom(p)) {
			int was_open[2];

			for (int c = 0; c < 2; c++) {
				was_open[c] = runs[c].open && runs[c].end >= i;
				close_run(p, &runs[c], x[c], w[c]);
			}
			new_page(p, 0);
			for (int c = 0; c < 6; c++)
				cells[c] = (pcell){heads[c], 1, AL_CENTER, 1, 1, 0};
			draw_row(p, M_SIDE, w, cells, 6, h);
			for (int c = 0; c < 6; c++)
				cells[c] = (pcell){f[c] ? f[c] : "", 1,
						   c < 2 || c == 4 ? AL_CENTER : AL_LEFT, 0, 0, 0};
			/* A run cut by the page goes on, without repeating its text. */
			for (int c = 0; c < 2; c++)
				if (was_open[c])
					runs[c] = (vrun){"", p->y, runs[c].end, 1};
		}
		for (int c = 0; c < 2; c++)
			if (!runs[c].open || runs[c].end < i)
				runs[c] = (vrun){cells[c].text, p->y, i + ys_dperf_run(pf, i, c) - 1, 1};
		for (int c = 2; c < 6; c++)
			draw_cell(p, x[c], p->y, w[c], rh, &cells[c]);
		p->y += rh;
		for (int c = 0; c < 2; c++)
			if (runs[c].end == i)
				close_run(p, &runs[c], x[c], w[c]);
	}
	p->y += 12;
	ys_buf_release(&label, &p->nomem);
}

/* ---- the document ---- */

static void title_page(pdf *p)
{
	ys_buf title = YS_BUF_INIT;
	char line[32];
	double size = 28;

	new_page(p, 0);
	ys_office_doc_title(p->ds, &title);
	p->y = p->ph * 0.3;
	/* 28 pt, smaller (down to 16 pt) for a title that would take more
	 * than four lines: the unit name and year must stay on the page. */
	while (size > 16 && ys_text_width(ys_buf_str(&title)) / 2 * size > 4 * text_w(p))
		size -= 2;
	p->y += draw_text(p, M_SIDE, p->y, text_w(p), ys_buf_str(&title), SANS, size, 1,
			  AL_CENTER);
	if (!ys_buf_ok(&title))
		p->nomem = 1;
	ys_buf_free(&title);
	/* Below a long title that reaches past the usual place. */
	p->y = p->y + 24 > p->ph * 0.62 ? p->y + 24 : p->ph * 0.62;
	p->y += draw_text(p, M_SIDE, p->y, text_w(p), p->ds->unit_name ? p->ds->unit_name : "",
			  SERIF, 16, 0, AL_CENTER) + 10;
	snprintf(line, sizeof line, "%d年", p->ds->year);
	draw_text(p, M_SIDE, p->y, text_w(p), line, SERIF, 16, 0, AL_CENTER);
}

#define TOC_PER_PAGE 25

/* The table of contents: the headings the first pass found, each a link
 * to its page. */
static void toc_pages(pdf *p, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		const heading *h = i < p->ntoc ? &p->toc[i] : NULL;
		char num[16];
		double indent = h && h->level == 2 ? 24 : 0, y;

		if (i % TOC_PER_PAGE == 0) {
			new_page(p, 0);
			if (i == 0)
				p->y += draw_text(p, M_SIDE, p->y, text_w(p), "目　录", SANS, 20, 1,
						  AL_CENTER) + 24;
		}
		if (!h)
			continue;
		y = p->y + (h->level == 1 ? 6 : 0);
		if (p->final) {
			char attrs[64];

			snprintf(attrs, sizeof attrs, "page=%d pos=[%.1f %.1f]", h->page, M_SIDE,
				 h->y > 20 ? h->y - 20 : h->y);
			cairo_tag_begin(p->cr, CAIRO_TAG_LINK, attrs);
		}
		draw_text(p, M_SIDE + indent, y, text_w(p) - indent - 30, h->text,
			  h->level == 1 ? SANS : SERIF, h->level == 1 ? 13 : 12, h->level == 1,
			  AL_LEFT);
		snprintf(num, sizeof num, "%d", h->page);
		draw_text(p, M_SIDE, y, text_w(p), num, SERIF, 12, 0, AL_RIGHT);
		if (p->final)
			cairo_tag_end(p->cr, CAIRO_TAG_LINK);
		/* Dot leader between the text and the page number. */
		{
			int tw, th;
			double x0, x1;

			set_text(p, h->text, -1, h->level == 1 ? SANS : SERIF,
				 h->level == 1 ? 13 : 12, h->level == 1, -1, AL_LEFT);
			pango_layout_get_size(p->layout, &tw, &th);
			x0 = M_SIDE + indent + (double)tw / PANGO_SCALE + 6;
			x1 = M_SIDE + text_w(p) - 24;
			cairo_set_source_rgb(p->cr, 0.45, 0.45, 0.45);
			/* Each dot its own sub-path: no line from the text's
			 * current point to the first dot. */
			cairo_new_path(p->cr);
			for (double dx = x0; dx < x1; dx += 4.5) {
				cairo_new_sub_path(p->cr);
				cairo_arc(p->cr, dx, y + 12, 0.55, 0, 6.2832);
			}
			cairo_fill(p->cr);
			cairo_set_source_rgb(p->cr, 0, 0, 0);
		}
		p->y = y + 24;
	}
}

static ys_status layout_doc(pdf *p, size_t ntoc_entries)
{
	const ys_disclosure *ds = p->ds;
	ys_status st = YS_OK;
	size_t perf_done = 0;

	p->nheads = 0;
	p->page = 0;
	title_page(p);
	toc_pages(p, ntoc_entries);
	new_page(p, 0);
	p->y = p->ph * 0.35;
	heading1(p, "第一部分　部门预算公开表");
	for (size_t i = 0; st == YS_OK && i < ds->ntables; i++) {
		const ys_dtable *tb = &ds->tables[i];

		st = table_pdf(p, tb, p->tpl && tb->id ? ys_template_table(p->tpl, tb->id) : NULL);
	}
	if (st == YS_OK && ds->empty_tables_note) {
		ys_buf note = YS_BUF_INIT;

		ys_buf_printf(&note, "注：%s", ds->empty_tables_note);
		need(p, 40);
		p->y += 8;
		p->y += draw_text(p, M_SIDE, p->y, text_w(p), ys_buf_str(&note), SERIF, 10, 0,
				  AL_LEFT);
		ys_buf_free(&note);
	}
	if (st == YS_OK && (ds->nsections || ds->nperf)) {
		new_page(p, 0);
		heading1(p, "第二部分　部门预算情况说明");
		for (size_t i = 0, num = 0; i < ds->nsections; i++) {
			const ys_dsection *s = &ds->sections[i];
			ys_buf head = YS_BUF_INIT;

			ys_section_heading(s, &num, &head);
			section_pdf(p, s, ys_buf_str(&head));
			ys_buf_release(&head, &p->nomem);
			/* Performance tables stand in the section that presents them. */
			if (s->id && strstr(s->id, "perf"))
				for (; perf_done < ds->nperf; perf_done++)
					perf_pdf(p, &ds->perf[perf_done], perf_done + 1);
		}
		for (; perf_done < ds->nperf; perf_done++)
			perf_pdf(p, &ds->perf[perf_done], perf_done + 1);
	}
	end_page(p);
	return st;
}

/* One pass: a PDF surface writing to out (or nowhere when out is NULL). */
static ys_status run_pass(pdf *p, ys_buf *out, size_t ntoc_entries, ys_diag *d)
{
	ys_buf title = YS_BUF_INIT;
	ys_status st;
	cairo_status_t cs;

	p->surface = out ? cairo_pdf_surface_create_for_stream(write_buf, out, A4_W, A4_H)
			 : cairo_pdf_surface_create_for_stream(write_none, NULL, A4_W, A4_H);
	p->cr = cairo_create(p->surface);
	p->context = pango_font_map_create_context(p->fonts);
	pango_cairo_update_context(p->cr, p->context);
	pango_cairo_context_set_resolution(p->context, 72);
	p->layout = pango_layout_new(p->context);
	p->final = out != NULL;
	p->tpt = TABLE_PT;
	p->page_open = 0;
	p->landscape = 0;
	if (out) {
		ys_office_doc_title(p->ds, &title);
		cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE,
					       ys_buf_str(&title));
		if (!ys_buf_ok(&title))
			p->nomem = 1;
		ys_buf_free(&title);
		if (p->ds->unit_name)
			cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_AUTHOR,
						       p->ds->unit_name);
		cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, "yusuan");
	}
	st = layout_doc(p, ntoc_entries);
	g_object_unref(p->layout);
	g_object_unref(p->context);
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surface);
	cs = cairo_surface_status(p->surface);
	cairo_surface_destroy(p->surface);
	if (st == YS_OK && p->nomem)
		st = YS_ENOMEM;
	if (st != YS_OK)
		return ys_fail(d, st, NULL, 0, 0, st == YS_ENOMEM ? "内存不足" : "表头行过多");
	/* The stream writes into memory (write_buf): a write error there is
	 * a buffer that could not grow. */
	if (cs == CAIRO_STATUS_WRITE_ERROR || cs == CAIRO_STATUS_NO_MEMORY)
		return ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
	if (cs != CAIRO_STATUS_SUCCESS)
		return ys_fail(d, YS_EIO, NULL, 0, 0, "无法生成 PDF：%s", cairo_status_to_string(cs));
	return YS_OK;
}

ys_status ys_render_pdf(const ys_disclosure *ds, const ys_template *t,
			ys_buf *out, ys_diag *d)
{
	heading *first = calloc(MAX_HEADINGS, sizeof *first);
	heading *second = calloc(MAX_HEADINGS, sizeof *second);
	pdf p = {0};
	size_t n;
	ys_status st;

	if (!first || !second) {
		free(first);
		free(second);
		return ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
	}
	p.ds = ds;
	p.tpl = t;
	/* A font map of our own rather than pango's process-wide one, so that
	 * its caches go when the render is done. */
	p.fonts = pango_cairo_font_map_new();
	/* The headings are part 1, the tables, and part 2 with the sections:
	 * their number is known, so the TOC's length is. Pass 1 finds their
	 * pages; pass 2 writes the file with them. */
	n = 1 + ds->ntables + (ds->nsections || ds->nperf ? 1 + ds->nsections : 0);
	p.heads = first;
	st = run_pass(&p, NULL, n, d);
	if (st == YS_OK) {
		p.toc = first;
		p.ntoc = p.nheads;
		p.heads = second;
		st = run_pass(&p, out, n, d);
	}
	g_object_unref(p.fonts);
	for (size_t i = 0; i < MAX_HEADINGS; i++) {
		free(first[i].text);
		free(second[i].text);
	}
	free(first);
	free(second);
	return st;
}
