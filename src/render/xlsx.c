/*
 * xlsx.c - the disclosure as an Excel workbook (libxlsxwriter): one sheet
 * per table laid out like the published template — title, the header line
 * (unit, 预算年度, 单位), the merged multi-row header, the 栏次 row, data
 * rows with amounts as numbers in format 0.00, the empty-table note — and
 * one sheet per performance-target table. Each sheet prints on A4, fitted
 * to the page width, with its header rows repeated on every page.
 *
 * libxlsxwriter 1.1 writes only to a named file, so the workbook goes to a
 * private temporary file that is read back into the buffer and removed.
 */
#include "render.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "../base/file.h"
#include "../base/money.h"
#include "../base/text.h"
#include "ooxml.h"

#define FONT "宋体"

/* Excel's limits: 31 characters in a sheet name, 32,767 in a cell. */
#define YS_SHEET_NAME_MAX 31
#define YS_CELL_CHARS_MAX 32767

typedef struct xl {
	lxw_workbook *wb;
	const ys_disclosure *ds;
	const ys_template *tpl;
	lxw_format *title, *left, *center, *right, *head, *text, *text_bold,
		*seq, *amount, *amount_bold, *amount_left, *note, *wrap, *label, *label_plain;
	lxw_format *indent[3];
	int nsheets;
	char sheet[YS_SHEET_NAME_MAX * 4 + 1];	/* the sheet being written */
	char **names;		/* the sheet names so far, for uniqueness */
	size_t nnames, cap_names;
	/* The first text too long for a cell: its sheet, row (1-based) and
	 * length; the workbook is refused rather than written without it. */
	char long_sheet[YS_SHEET_NAME_MAX * 4 + 1];
	long long_row;
	size_t long_chars;
	int enomem;
} xl;

/*
 * The one place where an amount becomes floating point: an XLSX cell holds
 * an IEEE double. Amounts are int64 counts of 10^-decimals display units;
 * v / 10^decimals is the double nearest the decimal value (exact to the
 * cent for any budget below 10^13 万元), and the 0.00 format prints it back
 * as the same decimal string the other formats show.
 */
static double amount_double(const ys_disclosure *ds, int64_t v)
{
	double scale = 1;

	for (int i = 0; i < ds->decimals; i++)
		scale *= 10;
	return (double)v / scale;
}

/* Display width in Excel's character units: a CJK character takes two,
 * plus a little for the bold and the cell margins. */
static double text_width(const char *s)
{
	return ys_text_width(s) * 1.05;
}

static lxw_format *fmt(xl *x, int bold, int size, int align, int border)
{
	lxw_format *f = workbook_add_format(x->wb);

	format_set_font_name(f, FONT);
	/* GB2312 charset: tells spreadsheet programs that lack 宋体 to fall
	 * back on a Simplified Chinese face, not a Japanese one. */
	format_set_font_charset(f, 134);
	format_set_font_size(f, size);
	if (bold)
		format_set_bold(f);
	if (align)
		format_set_align(f, (uint8_t)align);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	return f;
}

static void make_formats(xl *x)
{
	x->title = fmt(x, 1, 16, LXW_ALIGN_CENTER, 0);
	format_set_text_wrap(x->title);
	x->left = fmt(x, 0, 10, LXW_ALIGN_LEFT, 0);
	x->center = fmt(x, 0, 10, LXW_ALIGN_CENTER, 0);
	x->right = fmt(x, 0, 10, LXW_ALIGN_RIGHT, 0);
	x->head = fmt(x, 1, 10, LXW_ALIGN_CENTER, 1);
	format_set_text_wrap(x->head);
	x->text = fmt(x, 0, 10, LXW_ALIGN_LEFT, 1);
	x->text_bold = fmt(x, 1, 10, LXW_ALIGN_LEFT, 1);
	x->seq = fmt(x, 0, 10, LXW_ALIGN_CENTER, 1);
	x->amount = fmt(x, 0, 10, LXW_ALIGN_RIGHT, 1);
	format_set_num_format(x->amount, "0.00");
	x->amount_left = fmt(x, 0, 10, LXW_ALIGN_LEFT, 1);
	format_set_num_format(x->amount_left, "0.00");
	x->amount_bold = fmt(x, 1, 10, LXW_ALIGN_RIGHT, 1);
	format_set_num_format(x->amount_bold, "0.00");
	x->note = fmt(x, 0, 10, LXW_ALIGN_LEFT, 0);
	format_set_text_wrap(x->note);
	x->wrap = fmt(x, 0, 10, LXW_ALIGN_LEFT, 1);
	format_set_text_wrap(x->wrap);
	x->label = fmt(x, 1, 10, LXW_ALIGN_CENTER, 1);
	format_set_text_wrap(x->label);
	x->label_plain = fmt(x, 0, 10, LXW_ALIGN_CENTER, 1);
	format_set_text_wrap(x->label_plain);
	for (int i = 0; i < 3; i++) {
		x->indent[i] = fmt(x, 0, 10, LXW_ALIGN_LEFT, 1);
		format_set_indent(x->indent[i], (uint8_t)i);
	}
}

/* Is s short enough for a cell? Notes the first one that is not: a cell
 * that Excel cannot hold makes the whole workbook refused, since a
 * silently missing or shortened cell would publish a half-true document. */
static int fits(xl *x, lxw_row_t r, const char *s)
{
	size_t n = s ? ys_utf8_len(s) : 0;

	if (n <= YS_CELL_CHARS_MAX)
		return 1;
	if (!x->long_chars) {
		snprintf(x->long_sheet, sizeof x->long_sheet, "%s", x->sheet);
		x->long_row = (long)r + 1;
		x->long_chars = n;
	}
	return 0;
}

/*
 * Text cells are always written as strings, never as formulas, so a name
 * like "=HYPERLINK(…)" is shown, not run. (The quote-prefix flag that also
 * protects a cell on re-entry needs libxlsxwriter ≥ 1.1.5.)
 */
static void put_text(xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		     lxw_format *f)
{
	if (s && *s && fits(x, r, s))
		worksheet_write_string(ws, r, c, s, f);
	else
		worksheet_write_blank(ws, r, c, f);
}

/* Merges r0..r1 × c0..c1 holding s. */
static void merge(xl *x, lxw_worksheet *ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1,
		  lxw_col_t c1, const char *s, lxw_format *f)
{
	worksheet_merge_range(ws, r0, c0, r1, c1, s && fits(x, r0, s) ? s : "", f);
}

/* Writes s over columns c0..c1 of row r (merged when wider than one). */
static void put_span(xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c0, lxw_col_t c1,
		     const char *s, lxw_format *f)
{
	if (c1 > c0)
		merge(x, ws, r, c0, r, c1, s, f);
	else
		put_text(x, ws, r, c0, s, f);
}

/* Is name already a sheet's? Excel compares sheet names without case. */
static int name_taken(const xl *x, const char *name)
{
	for (size_t i = 0; i < x->nnames; i++)
		if (!strcasecmp(x->names[i], name))
			return 1;
	return 0;
}

/* Appends up to max characters of s to name (n bytes so far), each of
 * []:*?/\ and the control characters as "_"; returns the new length. */
static size_t name_add(char *name, size_t n, const char *s, size_t *chars, size_t max)
{
	while (*s && *chars < max) {
		size_t k = 1;

		while (((unsigned char)s[k] & 0xC0) == 0x80)
			k++;
		if (strchr("[]:*?/\\", *s) || (unsigned char)*s < 0x20)
			name[n++] = '_';
		else
			for (size_t i = 0; i < k; i++)
				name[n++] = s[i];
		s += k;
		(*chars)++;
	}
	name[n] = '\0';
	return n;
}

/*
 * A valid, unique sheet name of at most 31 characters (Excel's limits):
 * "T1 部门预算收支总表", cut on a character boundary; the characters Excel
 * forbids become "_", and an apostrophe may not open or close the name.
 * A name already taken (without regard to case) gets " (2)", " (3)" … in
 * place of its last characters, as Excel does, so the result depends only
 * on the order of the sheets.
 */
static lxw_worksheet *add_sheet(xl *x, const char *id, const char *title)
{
	char base[YS_SHEET_NAME_MAX * 4 + 1], name[YS_SHEET_NAME_MAX * 4 + 1], num[16];
	size_t n = 0, chars = 0;
	char *copy;

	x->nsheets++;
	if (id && *id) {
		n = name_add(base, n, id, &chars, YS_SHEET_NAME_MAX);
		n = name_add(base, n, " ", &chars, YS_SHEET_NAME_MAX);
	} else {
		snprintf(num, sizeof num, "表%d ", x->nsheets);
		n = name_add(base, n, num, &chars, YS_SHEET_NAME_MAX);
	}
	n = name_add(base, n, title ? title : "", &chars, YS_SHEET_NAME_MAX);
	while (n > 0 && base[n - 1] == ' ')
		base[--n] = '\0';
	if (n && base[0] == '\'')
		base[0] = '_';
	if (n && base[n - 1] == '\'')
		base[n - 1] = '_';
	if (!n)
		snprintf(base, sizeof base, "Sheet%d", x->nsheets);
	snprintf(name, sizeof name, "%s", base);
	for (int k = 2; name_taken(x, name) ||
	     workbook_validate_sheet_name(x->wb, name) != LXW_NO_ERROR; k++) {
		size_t m = 0, c = 0;

		snprintf(num, sizeof num, " (%d)", k);
		m = name_add(name, m, base, &c, YS_SHEET_NAME_MAX - strlen(num));
		while (m > 0 && name[m - 1] == ' ')
			name[--m] = '\0';
		snprintf(name + m, sizeof name - m, "%s", num);
		if (k > 100000) {
			snprintf(name, sizeof name, "Sheet%d", x->nsheets);
			break;
		}
	}
	if (!ys_grow((void **)&x->names, &x->cap_names, x->nnames, sizeof *x->names) ||
	    !(copy = strdup(name))) {
		x->enomem = 1;
		return NULL;
	}
	x->names[x->nnames++] = copy;
	snprintf(x->sheet, sizeof x->sheet, "%s", name);
	return workbook_add_worksheet(x->wb, name);
}

static void print_setup(lxw_worksheet *ws, int landscape, lxw_row_t first, lxw_row_t last)
{
	worksheet_set_paper(ws, 9);	/* A4 */
	if (landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_center_horizontally(ws);
	worksheet_set_margins(ws, 0.5, 0.5, 0.7, 0.7);
	worksheet_set_footer(ws, "&C第 &P 页，共 &N 页");
	worksheet_repeat_rows(ws, first, last);
}

/* The title row and the header line (unit at the left, 预算年度 in the
 * middle, 单位 at the right, each spanning the columns its text needs);
 * returns the next row. */
static lxw_row_t sheet_top(xl *x, lxw_worksheet *ws, const char *title,
			   const double *width, lxw_col_t last)
{
	ys_buf parts[3] = {YS_BUF_INIT, YS_BUF_INIT, YS_BUF_INIT}, line = YS_BUF_INIT;
	size_t np = ys_office_header_parts(x->ds, x->tpl, parts);
	const char *part[3] = {ys_buf_str(&parts[0]), ys_buf_str(&parts[1]),
			       ys_buf_str(&parts[2])};
	lxw_col_t a = 1, b = last;
	double w = width[0];

	worksheet_set_row(ws, 0, 32, NULL);
	put_span(x, ws, 0, 0, last, title, x->title);
	worksheet_set_row(ws, 1, 20, NULL);
	while (a <= last && w < text_width(part[0]) + 1)
		w += width[a++];
	for (w = width[last]; np == 3 && b > a && w < text_width(part[2]) + 1;)
		w += width[--b];
	if (np < 3 || b <= a || a > last) {
		for (size_t i = 0; i < np; i++)
			ys_buf_printf(&line, "%s%s", i ? "　　" : "", part[i]);
		put_span(x, ws, 1, 0, last, ys_buf_str(&line), x->left);
	} else {
		put_span(x, ws, 1, 0, (lxw_col_t)(a - 1), part[0], x->left);
		put_span(x, ws, 1, a, (lxw_col_t)(b - 1), part[1], x->center);
		put_span(x, ws, 1, b, last, part[2], x->right);
	}
	for (size_t i = 0; i < 3; i++) {
		if (!ys_buf_ok(&parts[i]))
			x->enomem = 1;
		ys_buf_free(&parts[i]);
	}
	if (!ys_buf_ok(&line))
		x->enomem = 1;
	ys_buf_free(&line);
	return 2;
}

static ys_status table_sheet(xl *x, const ys_dtable *t, const ys_ttable *tt,
			     const char *tables_note)
{
	ys_buf heading = YS_BUF_INIT;
	ys_ptable p;
	lxw_worksheet *ws;
	lxw_row_t r, head0;
	lxw_col_t last;
	double width[YS_MAX_PCOLS], total_width = 0;
	char buf[YS_MONEY_FMT_MAX];

	if (ys_ptable_init(&p, t, tt) != YS_OK)
		return YS_ENOMEM;
	if (!(ws = add_sheet(x, t->id, t->title))) {
		ys_ptable_free(&p);
		return x->enomem ? YS_ENOMEM : YS_EIO;
	}
	last = (lxw_col_t)(p.np - 1);

	/* Column widths from the single-column header cells and the body. */
	for (size_t c = 0; c < p.np; c++) {
		double w = ys_ptable_is_amount(&p, c) ? 11 : 6;

		for (size_t h = 0; h < p.nhead; h++) {
			const ys_hpos *g = &p.grid[h * p.np + c];

			if (g->origin && g->cell->colspan == 1) {
				double tw = text_width(g->cell->text) + 2;

				if (tw > w)
					w = tw > 14 && p.pc[c].kind == YS_PCOL_VALUE ? 14 : tw;
			}
		}
		for (size_t i = 0; i < p.nlines; i++) {
			const ys_drow *row = ys_ptable_row(&p, i, c);
			double tw = text_width(ys_ptable_text(&p, x->ds, i, c, buf)) + 2;

			/* An indent level is about three character widths in Excel. */
			if (p.pc[c].kind == YS_PCOL_NAME && row && row->indent > 0)
				tw += 3 * (row->indent > 2 ? 2 : row->indent);
			if (tw > w)
				w = tw;
		}
		width[c] = w > 48 ? 48 : w;
		total_width += width[c];
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c], NULL);
	}

	ys_dtable_heading(t, &heading);
	r = sheet_top(x, ws, ys_buf_str(&heading), width, last);
	ys_buf_free(&heading);

	/* The merged header as published. */
	head0 = r;
	for (size_t h = 0; h < p.nhead; h++) {
		worksheet_set_row(ws, r + (lxw_row_t)h, 28, NULL);
		for (size_t c = 0; c < p.np; c++) {
			const ys_hpos *g = &p.grid[h * p.np + c];

			if (!g->origin)
				continue;
			if (g->cell->colspan > 1 || g->cell->rowspan > 1)
				merge(x, ws, r + (lxw_row_t)h, (lxw_col_t)c,
						      r + (lxw_row_t)(h + (size_t)g->cell->rowspan - 1),
						      (lxw_col_t)(c + (size_t)g->cell->colspan - 1),
						      g->cell->text, x->head);
			else
				put_text(x, ws, r + (lxw_row_t)h, (lxw_col_t)c, g->cell->text, x->head);
		}
	}
	r += (lxw_row_t)p.nhead;
	if (p.numbering) {
		put_text(x, ws, r, 0, "栏次", x->head);
		for (size_t c = 1; c < p.np; c++) {
			snprintf(buf, sizeof buf, "%zu", c);
			put_text(x, ws, r, (lxw_col_t)c, buf, x->head);
		}
		r++;
	}
	worksheet_freeze_panes(ws, r, 0);
	print_setup(ws, total_width > 100 || p.np > 7, head0, r - 1);

	for (size_t i = 0; i < p.nlines; i++, r++) {
		int bold = ys_ptable_is_total(&p, i);

		for (size_t c = 0; c < p.np; c++) {
			const ys_drow *row = ys_ptable_row(&p, i, c);
			lxw_col_t col = (lxw_col_t)c;

			switch (p.pc[c].kind) {
			case YS_PCOL_SEQ:
				worksheet_write_number(ws, r, col, p.lines[i].seq, x->seq);
				break;
			case YS_PCOL_CODE:
				put_text(x, ws, r, col, ys_ptable_text(&p, x->ds, i, c, buf),
					 bold ? x->text_bold : x->text);
				break;
			case YS_PCOL_NAME: {
				int ind = row && row->indent > 0 ? (row->indent > 2 ? 2 : row->indent) : 0;

				put_text(x, ws, r, col, ys_ptable_text(&p, x->ds, i, c, buf),
					 bold ? x->text_bold : x->indent[ind]);
				break;
			}
			case YS_PCOL_VALUE: {
				size_t k = (size_t)p.pc[c].col;

				if (row && ys_drow_has_col(t, row, k) && row->has[k])
					worksheet_write_number(ws, r, col,
							       amount_double(x->ds, row->values[k]),
							       bold ? x->amount_bold : x->amount);
				else if (row && row->notes && row->notes[k])
					put_text(x, ws, r, col, row->notes[k], x->amount);
				else
					worksheet_write_blank(ws, r, col, x->amount);
				break;
			}
			}
		}
	}
	/* The table's own note; the last table also carries the one note
	 * for all empty tables, the place the other formats print it. */
	for (int k = 0; k < 2; k++) {
		const char *text = k ? tables_note : t->note;
		ys_buf note = YS_BUF_INIT;

		if (!text)
			continue;
		ys_buf_printf(&note, "注：%s", text);
		worksheet_set_row(ws, r, 22, NULL);
		put_span(x, ws, r++, 0, last, ys_buf_str(&note), x->note);
		ys_buf_release(&note, &x->enomem);
	}
	ys_ptable_free(&p);
	return YS_OK;
}

/* Rows needed by text in a cell of width w (wrapped), for the row height. */
static double text_lines(const char *s, double w)
{
	double lines = 0, cur = 0;

	for (const char *p = s ? s : ""; ; p++) {
		if (!*p || *p == '\n') {
			lines += cur / w > 1 ? (double)(int)(cur / w + 0.999) : 1;
			cur = 0;
			if (!*p)
				break;
		} else if ((unsigned char)*p < 0x80) {
			cur += 1.1;
		} else if (((unsigned char)*p & 0xC0) == 0xC0) {
			cur += 2.1;
		}
	}
	return lines;
}

static ys_status perf_sheet(xl *x, const ys_dperf *pf, size_t n)
{
	static const char *const heads[] = {"一级指标", "二级指标", "三级指标",
					    "绩效指标描述", "指标值", "指标值确定依据"};
	static const double widths[] = {14, 13, 24, 40, 14, 22};
	char id[32];
	ys_buf title = YS_BUF_INIT;
	const char *name = pf->name ? pf->name : "";
	lxw_worksheet *ws;
	lxw_row_t r, head;

	snprintf(id, sizeof id, "绩效%zu", n);
	if (!(ws = add_sheet(x, id, name)))
		return x->enomem ? YS_ENOMEM : YS_EIO;
	ys_buf_printf(&title, "%s%s", name, strstr(name, "绩效目标表") ? "" : "绩效目标表");
	for (lxw_col_t c = 0; c < 6; c++)
		worksheet_set_column(ws, c, c, widths[c], NULL);
	r = sheet_top(x, ws, ys_buf_str(&title), widths, 5);
	worksheet_set_row(ws, 0, text_lines(ys_buf_str(&title), 80) * 24 + 8, NULL);
	if (!ys_buf_ok(&title))
		x->enomem = 1;
	ys_buf_free(&title);

	put_text(x, ws, r, 0, pf->scope && !strcmp(pf->scope, "department") ? "部门名称" : "项目名称",
		 x->label);
	merge(x, ws, r, 1, r, 5, name, x->wrap);
	worksheet_set_row(ws, r, text_lines(name, 110) * 15 + 6, NULL);
	r++;
	if (pf->has_budget) {
		ys_buf money = YS_BUF_INIT;

		ys_buf_printf(&money, "预算金额（%s）",
			      x->ds->money_unit ? x->ds->money_unit : "万元");
		put_text(x, ws, r, 0, ys_buf_str(&money), x->label);
		ys_buf_release(&money, &x->enomem);
		/* A merged cell holding a number: merge, then overwrite the
		 * first cell (libxlsxwriter's documented way). */
		merge(x, ws, r, 1, r, 5, "", x->amount_left);
		worksheet_write_number(ws, r, 1, amount_double(x->ds, pf->budget), x->amount_left);
		r++;
	}
	put_text(x, ws, r, 0, "绩效目标", x->label);
	merge(x, ws, r, 1, r, 5, pf->goal ? pf->goal : "", x->wrap);
	worksheet_set_row(ws, r, text_lines(pf->goal, 110) * 15 + 6, NULL);
	r++;
	head = r;
	worksheet_set_row(ws, r, 22, NULL);
	for (lxw_col_t c = 0; c < 6; c++)
		put_text(x, ws, r, c, heads[c], x->head);
	r++;
	print_setup(ws, 0, head, head);
	for (size_t i = 0; i < pf->nindicators; i++) {
		const ys_indicator *in = &pf->indicators[i];
		const char *f[6] = {in->lv1, in->lv2, in->lv3, in->desc, in->value, in->basis};
		lxw_row_t row = r + (lxw_row_t)i;
		double lines = 1;

		for (int c = 0; c < 6; c++) {
			double l = text_lines(f[c], widths[c] - 1);

			if (l > lines)
				lines = l;
		}
		worksheet_set_row(ws, row, lines * 14 + 6, NULL);
		for (int c = 2; c < 6; c++)
			put_text(x, ws, row, (lxw_col_t)c, f[c], c == 4 ? x->label_plain : x->wrap);
		/* 一级 and 二级指标 merged down their runs, as published. */
		for (int c = 0; c < 2; c++) {
			size_t len;

			if (i > 0 && ys_dperf_run(pf, i - 1, c) > 1)
				continue;
			len = ys_dperf_run(pf, i, c);
			if (len > 1)
				merge(x, ws, row, (lxw_col_t)c,
						      row + (lxw_row_t)(len - 1), (lxw_col_t)c,
						      f[c] ? f[c] : "", x->label);
			else
				put_text(x, ws, row, (lxw_col_t)c, f[c], x->label);
		}
	}
	return YS_OK;
}

/* libxlsxwriter's errors in Chinese: the common ones are a full disk or an
 * unwritable directory, where errno says more than lxw_strerror. */
static ys_status xlsx_error(lxw_error err, int sys, ys_diag *d)
{
	switch (err) {
	case LXW_ERROR_MEMORY_MALLOC_FAILED:
		return ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
	case LXW_ERROR_CREATING_XLSX_FILE:
	case LXW_ERROR_CREATING_TMPFILE:
		return ys_fail(d, YS_EIO, ys_scratch_where(), 0, 0,
			       "无法生成 XLSX：无法创建临时文件：%s", ys_errno_text(sys));
	case LXW_ERROR_ZIP_FILE_OPERATION:
	case LXW_ERROR_ZIP_FILE_ADD:
		return ys_fail(d, YS_EIO, ys_scratch_where(), 0, 0,
			       "无法生成 XLSX：写入失败：%s", ys_errno_text(sys));
	default:
		return ys_fail(d, YS_EIO, NULL, 0, 0, "无法生成 XLSX：%s", lxw_strerror(err));
	}
}

ys_status ys_render_xlsx(const ys_disclosure *ds, const ys_template *t,
			 ys_buf *out, ys_diag *d)
{
	char tmpl[4096], scratch[4096];
	ys_buf doc_title = YS_BUF_INIT;
	xl x = {0};
	ys_status st = YS_OK;
	lxw_error err;
	lxw_doc_properties props = {0};
	lxw_workbook_options wopt = {0};
	char *data = NULL;
	size_t len = 0;

	/* libxlsxwriter writes the workbook to a file, and its parts to
	 * temporary files: both go in a private scratch directory beside the
	 * output (ys_scratch_dir), never in $TMPDIR, removed on signals. */
	if ((st = ys_scratch_create(tmpl, sizeof tmpl, d)) != YS_OK)
		return st;
	snprintf(scratch, sizeof scratch, "%s", tmpl);
	*strrchr(scratch, '/') = '\0';
	wopt.tmpdir = scratch;
	x.ds = ds;
	x.tpl = t;
	if (!(x.wb = workbook_new_opt(tmpl, &wopt))) {
		ys_scratch_remove(tmpl);
		return ys_fail(d, YS_EIO, tmpl, 0, 0, "无法创建 XLSX 工作簿");
	}
	ys_office_doc_title(ds, &doc_title);
	props.title = (char *)ys_buf_str(&doc_title);
	props.author = ds->unit_name ? (char *)ds->unit_name : "";
	props.comments = "yusuan";
	workbook_set_properties(x.wb, &props);
	make_formats(&x);
	for (size_t i = 0; st == YS_OK && i < ds->ntables; i++) {
		const ys_dtable *tb = &ds->tables[i];

		st = table_sheet(&x, tb, t && tb->id ? ys_template_table(t, tb->id) : NULL,
				 i + 1 == ds->ntables ? ds->empty_tables_note : NULL);
	}
	for (size_t i = 0; st == YS_OK && i < ds->nperf; i++)
		st = perf_sheet(&x, &ds->perf[i], i + 1);
	err = workbook_close(x.wb);
	if (!ys_buf_ok(&doc_title))
		x.enomem = 1;
	ys_buf_free(&doc_title);
	for (size_t i = 0; i < x.nnames; i++)
		free(x.names[i]);
	free(x.names);
	if (st == YS_OK && x.enomem)
		st = ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
	else if (st == YS_OK && x.long_chars)
		st = ys_fail(d, YS_EINPUT, NULL, 0, 0,
			     "工作表“%s”第 %ld 行有一段 %zu 个字符的文字，超过 XLSX 单元格上限 "
			     "32767 个字符；未生成 XLSX（请缩短该文字，或改用 docx、pdf、html 格式）",
			     x.long_sheet, x.long_row, x.long_chars);
	else if (st == YS_OK && err != LXW_NO_ERROR)
		st = xlsx_error(err, errno, d);
	else if (st != YS_OK)
		st = ys_fail(d, st, NULL, 0, 0, st == YS_ENOMEM ? "内存不足" : "无法生成 XLSX 工作表");
	if (st == YS_OK && (st = ys_read_file(tmpl, YS_MAX_FILE, &data, &len, d)) == YS_OK)
		ys_buf_add(out, data, len);
	free(data);
	ys_scratch_remove(tmpl);
	if (st == YS_OK && !ys_buf_ok(out))
		st = ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
	return st;
}
