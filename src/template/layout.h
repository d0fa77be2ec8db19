/*
 * layout.h - how a table is printed: its printed columns (序号, 科目编码,
 * 科目名称 / 项目, amounts; two-sided tables side by side), its printed
 * lines, and the template's merged header placed on a grid. Shared by every
 * renderer and by the parser, so that all of them agree on the layout.
 */
#ifndef YS_LAYOUT_H
#define YS_LAYOUT_H

#include <stddef.h>

#include "../model/disclosure.h"
#include "template.h"

typedef enum {
	YS_PCOL_SEQ,	/* 序号 */
	YS_PCOL_CODE,	/* 科目编码 */
	YS_PCOL_NAME,	/* 科目名称 / 项目 */
	YS_PCOL_VALUE,	/* an amount column */
} ys_pcol_kind;

typedef struct ys_pcol {
	ys_pcol_kind kind;
	const char *side;	/* two-sided tables */
	int col;		/* YS_PCOL_VALUE: index into the table's columns */
} ys_pcol;

#define YS_MAX_PCOLS 64

/* The printed columns of t (code tables: 序号, 编码, 名称, amounts; item
 * tables: 序号, 项目, amounts; two-sided: 序号, income 项目 + amounts,
 * expense 项目 + amounts; no 序号 when t->no_seq). Returns their number. */
size_t ys_table_layout(const ys_dtable *t, int by_code, ys_pcol *out);

/* Is t a code table (rows carry classification codes)? */
int ys_table_by_code(const ys_dtable *t, const ys_ttable *tt);

/* One printed line: a one-sided table prints one row per line; a two-sided
 * table pairs the income and expense rows that share a line number. */
typedef struct ys_pline {
	int seq;		/* 序号 */
	const ys_drow *row;	/* one-sided */
	const ys_drow *income, *expense;
} ys_pline;

/* Fills lines (cap ≥ t->nrows) and returns how many. */
size_t ys_table_lines(const ys_dtable *t, ys_pline *lines);

typedef struct ys_hpos {
	const ys_hcell *cell;	/* the header cell covering this place */
	int origin;		/* 1 at the cell's top-left place */
} ys_hpos;

/* Places tt's header rows on a nheader × width grid (row-major). Returns 0
 * when the cells do not exactly fill the grid. */
int ys_header_grid(const ys_ttable *tt, size_t width, ys_hpos *grid);

/* The label of printed column c: the distinct texts above it, top to
 * bottom, joined with "/" ("本年收入/小计"). Empty when no header. */
void ys_header_label(const ys_ttable *tt, size_t width, const ys_hpos *grid,
		     size_t c, char *out, size_t cap);

#endif
