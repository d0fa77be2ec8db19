/*
 * render.h - the renderers: a Disclosure (plus the template for layout)
 * into bytes of one format. Renderers compute no numbers: they print what
 * the model holds. Each appends to a ys_buf; the caller writes the file
 * atomically.
 */
#ifndef YS_RENDER_H
#define YS_RENDER_H

#include "../base/buf.h"
#include "../model/disclosure.h"
#include "../template/template.h"

/* yusuan/disclosure@1 JSON (DESIGN.md). */
ys_status ys_render_json(const ys_disclosure *ds, ys_buf *out, ys_diag *d);

/* Markdown with the published header layout (template may be NULL: plain
 * one-row headers from the column labels). */
ys_status ys_render_md(const ys_disclosure *ds, const ys_template *t,
		       ys_buf *out, ys_diag *d);

/* One CSV of every cell: table,line,side,item,code,name,column,label,value.
 * Cells that start with = + - @ are prefixed with ' so spreadsheets do not
 * run them as formulas. */
ys_status ys_render_csv(const ys_disclosure *ds, ys_buf *out, ys_diag *d);

/* An Excel workbook: one sheet per table as published (merged header,
 * 栏次, amounts as numbers in format 0.00) and one per performance table. */
ys_status ys_render_xlsx(const ys_disclosure *ds, const ys_template *t,
			 ys_buf *out, ys_diag *d);

/* A Word document (WordprocessingML written by us, zipped with libzip). */
ys_status ys_render_docx(const ys_disclosure *ds, const ys_template *t,
			 ys_buf *out, ys_diag *d);

/* A PDF drawn with pango + cairo in Noto CJK fonts, A4. */
ys_status ys_render_pdf(const ys_disclosure *ds, const ys_template *t,
			ys_buf *out, ys_diag *d);

/* One self-contained HTML file (inline CSS and SVG charts, no external
 * reference), A4 print stylesheet; every text escaped. */
ys_status ys_render_html(const ys_disclosure *ds, const ys_template *t,
			 ys_buf *out, ys_diag *d);

/* An output format: its name for -f, the file extension for -f all, and
 * the renderer (which appends the whole file, text or binary, to out). */
typedef struct ys_format {
	const char *name;
	const char *ext;
	ys_status (*render)(const ys_disclosure *ds, const ys_template *t,
			    ys_buf *out, ys_diag *d);
} ys_format;

/* The format called name, or NULL. */
const ys_format *ys_format_find(const char *name);
/* The i-th format (for listing and -f all), NULL past the end. */
const ys_format *ys_format_at(size_t i);

/* The text of an amount cell, or "" when the cell has no value. out must
 * hold YS_MONEY_FMT_MAX bytes. */
const char *ys_render_amount(const ys_disclosure *ds, const ys_drow *r,
			     size_t col, char *out);

#endif
