/*
 * md.c - Markdown: each table as a GFM pipe table under its title and the
 * published header lines (unit, year, 单位). Merged header cells cannot be
 * merged in Markdown, so each printed column is labelled by the header
 * texts above it joined with "/" (本年收入/小计); the 栏次 row follows.
 */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/money.h"
#include "../template/layout.h"
#include "ooxml.h"

/*
 * Text from the budget is text, never markup: a unit or project name like
 * "[x](javascript:alert(1))" must not become a live link, "<img …>" no
 * HTML. Every Markdown metacharacter is backslash-escaped, & is written as
 * &amp; (so no entity is read), and at the start of a line - + = are
 * escaped too (list items and setext headings). A newline in a table cell
 * or heading would break it and becomes a space.
 */
static void put_text_n(ys_buf *b, const char *s, size_t n, int one_line)
{
	int line_start = 1;

	for (size_t i = 0; s && i < n && s[i]; i++) {
		char ch = s[i];

		if (ch == '\n' || ch == '\r') {
			if (one_line) {
				ys_buf_putc(b, ' ');
			} else {
				ys_buf_putc(b, ch);
				line_start = 1;
				continue;
			}
		} else if (ch == '&') {
			ys_buf_puts(b, "&amp;");
		} else if (strchr("\\`*_[]()<>|#!~", ch) ||
			   (line_start && strchr("-+=", ch))) {
			ys_buf_putc(b, '\\');
			ys_buf_putc(b, ch);
		} else {
			ys_buf_putc(b, ch);
		}
		line_start = 0;
	}
}

static void put_cell(ys_buf *b, const char *s)
{
	put_text_n(b, s, s ? strlen(s) : 0, 1);
}

static const char *row_name(const ys_drow *r)
{
	return r->label ? r->label : r->name;
}

static void print_header_lines(const ys_disclosure *ds, ys_buf *b)
{
	put_cell(b, ds->unit_code);
	put_cell(b, ds->unit_name);
	ys_buf_printf(b, "　预算年度：%d　单位：", ds->year);
	put_cell(b, ds->money_unit ? ds->money_unit : "万元");
	ys_buf_puts(b, "\n\n");
}

static void put_value(ys_buf *b, const ys_disclosure *ds, const ys_drow *r, int col)
{
	char buf[YS_MONEY_FMT_MAX];

	if (r && col >= 0)
		ys_buf_puts(b, ys_render_amount(ds, r, (size_t)col, buf));
}

static ys_status table_md(const ys_disclosure *ds, const ys_dtable *t,
			  const ys_ttable *tt, ys_buf *b)
{
	ys_pcol pc[YS_MAX_PCOLS];
	size_t np = ys_table_layout(t, ys_table_by_code(t, tt), pc);
	ys_hpos *grid = NULL;
	ys_pline *lines;
	size_t nl;
	char label[512];
	int have_grid = 0;
	ys_buf heading = YS_BUF_INIT;

	ys_buf_puts(b, "## ");
	ys_dtable_heading(t, &heading);
	put_cell(b, ys_buf_str(&heading));
	ys_buf_free(&heading);
	ys_buf_puts(b, "\n\n");
	print_header_lines(ds, b);
	if (tt && tt->nheader) {
		grid = calloc(tt->nheader * np + 1, sizeof *grid);
		if (!grid)
			return YS_ENOMEM;
		have_grid = ys_header_grid(tt, np, grid);
	}
	ys_buf_putc(b, '|');
	for (size_t c = 0; c < np; c++) {
		const char *lab;

		/* The template's labels are short; a parsed table's own label
		 * is used as it is, never cut. */
		if (have_grid) {
			ys_header_label(tt, np, grid, c, label, sizeof label);
			lab = label;
		} else if (pc[c].kind == YS_PCOL_SEQ) {
			lab = "序号";
		} else if (pc[c].kind == YS_PCOL_CODE) {
			lab = "科目编码";
		} else if (pc[c].kind == YS_PCOL_NAME) {
			lab = t->two_sided ? (strcmp(pc[c].side, "income") ? "支出项目" : "收入项目") : "项目";
		} else {
			lab = t->cols[pc[c].col].label;
		}
		ys_buf_putc(b, ' ');
		put_cell(b, lab);
		ys_buf_puts(b, " |");
	}
	ys_buf_puts(b, "\n|");
	for (size_t c = 0; c < np; c++)
		ys_buf_puts(b, pc[c].kind == YS_PCOL_VALUE ? " ---: |" : " --- |");
	ys_buf_putc(b, '\n');
	if (!t->no_numbering) {
		ys_buf_puts(b, "| 栏次 |");
		for (size_t c = 1; c < np; c++)
			ys_buf_printf(b, " %zu |", c);
		ys_buf_putc(b, '\n');
	}
	free(grid);

	lines = calloc(t->nrows + 1, sizeof *lines);
	if (!lines)
		return YS_ENOMEM;
	nl = ys_table_lines(t, lines);
	for (size_t i = 0; i < nl; i++) {
		ys_buf_putc(b, '|');
		for (size_t c = 0; c < np; c++) {
			const ys_drow *r = t->two_sided
				? (!pc[c].side ? NULL : strcmp(pc[c].side, "income") ? lines[i].expense : lines[i].income)
				: lines[i].row;

			ys_buf_putc(b, ' ');
			if (pc[c].kind == YS_PCOL_SEQ)
				ys_buf_printf(b, "%d", lines[i].seq);
			else if (r && pc[c].kind == YS_PCOL_CODE)
				put_cell(b, r->code);
			else if (r && pc[c].kind == YS_PCOL_NAME)
				put_cell(b, row_name(r));
			else if (pc[c].kind == YS_PCOL_VALUE)
				put_value(b, ds, r, pc[c].col);
			ys_buf_puts(b, " |");
		}
		ys_buf_putc(b, '\n');
	}
	free(lines);
	if (t->note) {
		ys_buf_puts(b, "\n注：");
		put_cell(b, t->note);
		ys_buf_putc(b, '\n');
	}
	ys_buf_putc(b, '\n');
	return YS_OK;
}

/* 一 … 九十九 for section numbers. */
static const char *cn_ordinal(size_t n)
{
	static const char *const digit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	static char buf[32];

	if (n < 10)
		return digit[n];
	snprintf(buf, sizeof buf, "%s十%s", n / 10 > 1 ? digit[n / 10 % 10] : "", digit[n % 10]);
	return buf;
}

/* A row "| a | b |" of section text, its cells escaped. */
static size_t section_row(ys_buf *out, const char *p, size_t n)
{
	size_t start[YS_TEXT_MAX_CELLS], len[YS_TEXT_MAX_CELLS];
	size_t cells = ys_text_row_cells(p, n, start, len, YS_TEXT_MAX_CELLS);

	ys_buf_putc(out, '|');
	for (size_t c = 0; c < cells; c++) {
		ys_buf_putc(out, ' ');
		put_text_n(out, p + start[c], len[c], 1);
		ys_buf_puts(out, " |");
	}
	ys_buf_putc(out, '\n');
	return cells;
}

/* Section text: one paragraph per line; a run of lines "| a | b |" is a
 * small table whose first line is its header. */
static void section_text(ys_buf *out, const char *text)
{
	const char *p = text ? text : "";
	int in_table = 0;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		if (n && ys_text_is_row(p, n)) {
			size_t start[YS_TEXT_MAX_CELLS], len[YS_TEXT_MAX_CELLS], cells;

			if (!ys_text_row_cells(p, n, start, len, YS_TEXT_MAX_CELLS)) {
				/* a "| --- |" line: the separator is written below */
			} else if (!in_table) {
				cells = section_row(out, p, n);
				ys_buf_putc(out, '|');
				for (size_t k = 0; k < cells; k++)
					ys_buf_puts(out, " --- |");
				ys_buf_putc(out, '\n');
				in_table = 1;
			} else {
				section_row(out, p, n);
			}
		} else if (n) {
			if (in_table)
				ys_buf_putc(out, '\n');
			in_table = 0;
			put_text_n(out, p, n, 1);
			ys_buf_puts(out, "\n\n");
		}
		p += n + (nl ? 1 : 0);
	}
	ys_buf_putc(out, '\n');
}

ys_status ys_render_md(const ys_disclosure *ds, const ys_template *t,
		       ys_buf *out, ys_diag *d)
{
	ys_buf_puts(out, "# ");
	put_cell(out, ds->unit_name);
	ys_buf_printf(out, "%d年部门预算\n\n", ds->year);
	for (size_t i = 0; i < ds->ntables; i++) {
		const ys_dtable *tb = &ds->tables[i];
		const ys_ttable *tt = t && tb->id ? ys_template_table(t, tb->id) : NULL;

		if (table_md(ds, tb, tt, out) != YS_OK)
			return ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
	}
	if (ds->empty_tables_note) {
		ys_buf_puts(out, "注：");
		put_cell(out, ds->empty_tables_note);
		ys_buf_puts(out, "\n\n");
	}
	for (size_t i = 0, num = 0; i < ds->nsections; i++) {
		const ys_dsection *sec = &ds->sections[i];

		/* The opening 情况说明 is not numbered; the sections after it are
		 * 一、 to 九、 as published. */
		if (sec->id && !strcmp(sec->id, "intro"))
			ys_buf_puts(out, "## ");
		else
			ys_buf_printf(out, "## %s、", cn_ordinal(++num));
		put_cell(out, sec->title);
		ys_buf_puts(out, "\n\n");
		section_text(out, sec->text);
	}
	for (size_t i = 0; i < ds->nperf; i++) {
		const ys_dperf *p = &ds->perf[i];

		ys_buf_puts(out, "## ");
		put_cell(out, p->name);
		ys_buf_puts(out, "绩效目标表\n\n");
		ys_buf_puts(out, "| 绩效目标 | ");
		put_cell(out, p->goal);
		ys_buf_puts(out, " | | | | |\n| --- | --- | --- | --- | --- | --- |\n");
		ys_buf_puts(out, "| 一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据 |\n");
		for (size_t k = 0; k < p->nindicators; k++) {
			const ys_indicator *in = &p->indicators[k];
			const char *f[6] = {in->lv1, in->lv2, in->lv3, in->desc, in->value, in->basis};

			ys_buf_putc(out, '|');
			for (int j = 0; j < 6; j++) {
				ys_buf_putc(out, ' ');
				put_cell(out, f[j]);
				ys_buf_puts(out, " |");
			}
			ys_buf_putc(out, '\n');
		}
		ys_buf_putc(out, '\n');
	}
	return ys_buf_ok(out) ? YS_OK : ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
}
