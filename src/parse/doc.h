/*
 * doc.h - the parser's intermediate document: what every reader (text
 * export, HTML, DOCX, XLSX) produces and what table recognition reads, so
 * that recognition is written once. A document is a sequence of blocks,
 * each a paragraph or a table of text cells with column and row spans
 * (HTML semantics: a cell covered by a span from above is not repeated).
 *
 * Ownership: the document owns every string and array; ys_pdoc_free
 * releases them. Builder calls never fail visibly: an allocation failure
 * is sticky (doc->failed) and checked once at the end, like ys_buf.
 */
#ifndef YS_PARSE_DOC_H
#define YS_PARSE_DOC_H

#include <stddef.h>

typedef struct ys_pcell {
	char *text;
	int colspan, rowspan;
} ys_pcell;

typedef struct ys_prow {
	ys_pcell *cells;
	size_t ncells, cap;
	long line;
	int page;		/* PDF page it was printed on (1-based), 0 unknown */
} ys_prow;

typedef enum { YS_PB_PARA, YS_PB_TABLE } ys_pblock_kind;

typedef struct ys_pblock {
	ys_pblock_kind kind;
	char *text;		/* paragraph */
	ys_prow *rows;		/* table */
	size_t nrows, cap;
	long line;		/* where it starts in the source (0 unknown) */
	int page;		/* PDF page it starts on (1-based), 0 unknown */
} ys_pblock;

typedef struct ys_pdoc {
	ys_pblock *blocks;
	size_t nblocks, cap;
	/* Text exports lose merged cells: a merged cell appears once and its
	 * row is shorter. Recognition then infers spans from the rows below. */
	int spans_unknown;
	/* The page new blocks and rows are marked with (PDF reader). */
	int page;
	int failed;
	const char *encoding;	/* text formats: "UTF-8" or "GB18030"; else NULL */
} ys_pdoc;

void ys_pdoc_para(ys_pdoc *doc, const char *text, size_t len, long line);
void ys_pdoc_table(ys_pdoc *doc, long line);	/* starts a table */
void ys_pdoc_row(ys_pdoc *doc, long line);	/* starts a row in it */
void ys_pdoc_cell(ys_pdoc *doc, const char *text, size_t len, int colspan,
		  int rowspan);
/* Appends to the last cell of the current table (multi-line cells). */
void ys_pdoc_cell_more(ys_pdoc *doc, const char *sep, const char *text,
		       size_t len);
/* The current (last) table block, or NULL. */
ys_pblock *ys_pdoc_cur_table(ys_pdoc *doc);
void ys_pdoc_free(ys_pdoc *doc);

#endif
