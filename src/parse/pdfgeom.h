/*
 * pdfgeom.h - word boxes of a PDF page (as pdftotext -bbox-layout prints
 * them: points from the top-left corner) and their layout into the
 * intermediate document: lines, table grids, paragraphs. Internal to
 * src/parse.
 *
 * Ownership: ys_pdf_words owns its array and every word's text
 * (ys_pdf_words_free).
 */
#ifndef YS_PARSE_PDFGEOM_H
#define YS_PARSE_PDFGEOM_H

#include <stddef.h>

#include "../base/status.h"
#include "doc.h"

typedef struct ys_pdf_word {
	double x0, y0, x1, y1;
	int page;		/* 1-based */
	char *text;
} ys_pdf_word;

typedef struct ys_pdf_words {
	ys_pdf_word *v;
	size_t n, cap;
	int npages;
	int failed;
} ys_pdf_words;

void ys_pdf_words_free(ys_pdf_words *w);

/* The XHTML `pdftotext -bbox-layout` prints (xml[len] must be writable:
 * control characters are blanked in place) into words, bounded by the PDF
 * limits. ys_read_pdf runs pdftotext and then this. */
ys_status ys_pdf_bbox_read(const char *path, char *xml, size_t len, ys_pdf_words *w,
			   ys_diag *d);

/* Lays the words (in page order) out into doc: on each page, lines from
 * the words' vertical overlap, cells from horizontal gaps, tables where
 * lines hold several cells or amounts, their columns from the cells'
 * x-extents, rows from their y-extents; wrapped cells and wrapped
 * paragraph lines joined; a table continued on the next page joined with
 * its repeated header dropped; 类/款/项 code columns made into one code. */
ys_status ys_pdf_layout(const char *path, const ys_pdf_words *w, ys_pdoc *doc, ys_diag *d);

#endif
