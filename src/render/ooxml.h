/*
 * ooxml.h - what the office renderers (xlsx.c, docx.c, pdf.c) share: a
 * table as it is printed (the template's merged header placed on a grid,
 * or one row of column labels when there is no template; the 栏次 row;
 * the body cells as text), the header line above each table, and an
 * in-memory zip writer for the DOCX package.
 *
 * Ownership: ys_ptable_init allocates the grid and the lines with malloc;
 * ys_ptable_free releases them. The texts point into the disclosure and
 * the template, which must outlive the ys_ptable.
 */
#ifndef YS_OOXML_H
#define YS_OOXML_H

#include <stddef.h>

#include "../base/buf.h"
#include "../template/layout.h"
#include "render.h"

typedef struct ys_ptable {
	const ys_dtable *t;
	ys_pcol pc[YS_MAX_PCOLS];
	size_t np;		/* printed columns */
	size_t nhead;		/* header rows, at least 1 */
	ys_hpos *grid;		/* nhead × np, row-major */
	ys_hcell own[YS_MAX_PCOLS];	/* labels made up without a template header */
	int numbering;		/* print the 栏次 row */
	ys_pline *lines;
	size_t nlines;
} ys_ptable;

ys_status ys_ptable_init(ys_ptable *p, const ys_dtable *t, const ys_ttable *tt);
void ys_ptable_free(ys_ptable *p);

/* The row printed in column c of line i (two-sided tables: the income or
 * expense row), or NULL. */
const ys_drow *ys_ptable_row(const ys_ptable *p, size_t i, size_t c);

/* The text of body cell (line i, column c): 序号, code, name, amount, or
 * the cell's note when a parsed cell holds text ("" for an empty cell).
 * buf holds YS_MONEY_FMT_MAX bytes. */
const char *ys_ptable_text(const ys_ptable *p, const ys_disclosure *ds,
			   size_t i, size_t c, char *buf);

/* Is column c right-aligned (an amount)? */
int ys_ptable_is_amount(const ys_ptable *p, size_t c);

/* Is line i a total row (合计, 收入总计 …), printed bold? */
int ys_ptable_is_total(const ys_ptable *p, size_t i);

/* Natural widths of the printed columns in half-em units (a CJK character
 * is 2): the widest body text (names with their indent of one character a
 * level) and single-column header text, headers over amounts capped at four
 * characters so that they wrap. */
void ys_ptable_widths(const ys_ptable *p, const ys_disclosure *ds, double *w);

/* Scales widths w (natural widths plus padding, half-em units) to fill
 * avail. When they do not fit, 序号, codes and amounts keep their width
 * (they must not wrap) and the name columns share what is left. */
void ys_ptable_fit(const ys_ptable *p, double *w, double avail);

/* Width of s in half-em units (ASCII 1.2, anything else 2). */
double ys_text_width(const char *s);

/* The header line above a table in up to 3 parts (unit, 预算年度, 单位),
 * from the template's header_lines with {unit_code} {unit_name} {year}
 * {money_unit} filled in, appended to parts[0..2] (initialised buffers the
 * caller frees). Returns the number of parts. */
size_t ys_office_header_parts(const ys_disclosure *ds, const ys_template *t,
			      ys_buf parts[3]);

/* The heading of a narrative section as published: the opening section
 * ("intro") as it is, the others numbered 一、二、… in order (*num counts
 * them; start it at 0), appended to out. */
void ys_section_heading(const ys_dsection *s, size_t *num, ys_buf *out);

/* The document title, appended to out: "平乡县总工会2023年部门预算". */
void ys_office_doc_title(const ys_disclosure *ds, ys_buf *out);

/* Section text may hold tables as lines "| a | b |" (the narrative's
 * 机构设置 and 资产 tables). Is the line of len bytes at s such a row? */
int ys_text_is_row(const char *s, size_t len);
/* Splits such a row into at most max cells (start offsets and lengths,
 * trimmed); returns the number of cells, 0 for a "| --- |" separator. */
#define YS_TEXT_MAX_CELLS 16
size_t ys_text_row_cells(const char *s, size_t len, size_t *start, size_t *clen,
			 size_t max);
/* Does the cell text look like a number (right-aligned)? */
int ys_text_is_number(const char *s, size_t len);

/* Appends n bytes of s escaped as XML text (ys_buf_put_xml), leaving out
 * the C0 control characters XML 1.0 forbids (all but tab, LF, CR). */
void ys_xml_text(ys_buf *b, const char *s, size_t n);

/* An in-memory zip archive: add named members, then take the bytes. */
typedef struct ys_zip ys_zip;
ys_status ys_zip_new(ys_zip **z, ys_diag *d);
/* Copies data; the member is deflated. */
ys_status ys_zip_add(ys_zip *z, const char *name, const void *data, size_t len,
		     ys_diag *d);
/* Closes the archive, appends its bytes to out and frees z. */
ys_status ys_zip_finish(ys_zip *z, ys_buf *out, ys_diag *d);
/* Frees z without output (after an error). */
void ys_zip_discard(ys_zip *z);

#endif
