/*
 * readers.h - the document readers inside the parser: each turns the bytes
 * of one format into the intermediate document (doc.h). Internal to
 * src/parse; the public entry point is parse.h.
 */
#ifndef YS_PARSE_READERS_H
#define YS_PARSE_READERS_H

#include <stddef.h>

#include "../base/buf.h"
#include "../base/status.h"
#include "../model/disclosure.h"
#include "../template/template.h"
#include "doc.h"

/* The Word text export (one cell per tab-indented line). text is UTF-8. */
ys_status ys_read_textexport(const char *path, const char *text, size_t len,
			     ys_pdoc *doc, ys_diag *d);
/* HTML tables and paragraphs. text is UTF-8. */
ys_status ys_read_html(const char *path, const char *text, size_t len,
		       ys_pdoc *doc, ys_diag *d);
/* DOCX (docx=1) or XLSX from the zip bytes, with size and entry limits. */
ys_status ys_read_ooxml(const char *path, const char *data, size_t len,
		       int docx, ys_pdoc *doc, ys_diag *d);
/* PDF with a text layer: words and boxes from poppler's pdftotext (a
 * subprocess, bounded in time and output), tables from their geometry. */
ys_status ys_read_pdf(const char *path, const char *data, size_t len,
		      ys_pdoc *doc, ys_diag *d);
/* Does s occur in the bytes (zip entry names, PDF keys)? */
int ys_parse_has_bytes(const char *data, size_t len, const char *s);
/* Table recognition: the document into the disclosure, driven by t. */
ys_status ys_recognize(const ys_pdoc *doc, const char *path,
		       const ys_template *t, ys_disclosure *ds, ys_diag *d);

/* How well t matches doc: 10 for each of t's tables whose title or an
 * alias is printed, 1 for each distinct header label of t found as a cell
 * of a published table. */
typedef struct ys_pwords {
	ys_buf paras;		/* squeezed paragraphs, \x01 between them */
	char *store;		/* squeezed cells, NUL after each */
	char *joined;		/* the same, \x01 between them */
	char **cells;		/* into store, sorted */
	size_t ncells;
} ys_pwords;
ys_status ys_pwords_build(const ys_pdoc *doc, ys_pwords *w);
void ys_pwords_free(ys_pwords *w);
int ys_recognize_score(const ys_pwords *pw, const ys_template *t);

#endif
