/*
 * parse.h - published disclosures (Word text export, HTML page, DOCX,
 * XLSX, PDF) read back into the Disclosure model. The format is detected from
 * the content, never from the file name; every reader produces the same
 * intermediate document, and table recognition (driven by the template's
 * titles, aliases and header labels) is shared by all of them.
 *
 * Ownership: out must be initialised with ys_disclosure_init; everything
 * parsed lives in its arena (ys_disclosure_free). Nothing is printed.
 */
#ifndef YS_PARSE_H
#define YS_PARSE_H

#include "../base/buf.h"
#include "../base/status.h"
#include "../model/catalog.h"
#include "../model/disclosure.h"
#include "../template/template.h"

typedef enum {
	YS_PFMT_TEXT,
	YS_PFMT_HTML,
	YS_PFMT_DOCX,
	YS_PFMT_XLSX,
	YS_PFMT_PDF,
	YS_PFMT_ZIP,	/* a zip that is neither */
} ys_parse_format;

/* The bounds against hostile input (file size, zip bombs, entries, cells,
 * shared strings) are those of base/limits.h. */

/* Detects the format of data from its first bytes and, for zips, their
 * entries' names. */
ys_parse_format ys_parse_detect(const char *data, size_t len);
const char *ys_parse_format_name(ys_parse_format f);

/* Parses the published document at path. cat may be NULL; codes and names
 * are kept as printed (cat is not consulted yet: checking them is check's
 * job). Fails with YS_EINPUT/YS_ELIMIT/YS_EIO and d naming the file
 * and the place (line, zip entry, XML line). */
ys_status ys_parse_file(const char *path, const ys_template *t,
			const ys_catalog *cat, ys_disclosure *out, ys_diag *d);
/* With out->accept_partial set, a document holding narrative or tables
 * but none of the template's tables is not an error: out->partial is set
 * (the text and tables found are kept). */
/* The same on bytes in memory (path only names them in messages). */
ys_status ys_parse_bytes(const char *path, const char *data, size_t len,
			 const ys_template *t, const ys_catalog *cat,
			 ys_disclosure *out, ys_diag *d);

/* The intermediate document of the file at path as text, for people and
 * tests: "P<page> text" per paragraph, "T<page> <rows>x<cols>" per table
 * then one "R<page> cell|cell|…" line per row (a cell spanning n columns
 * is followed by n-1 empty places "^"). */
ys_status ys_parse_dump_file(const char *path, ys_buf *out, ys_diag *d);

/* The templates of datadir/templates/ (every *.yaml, by file name), each
 * loaded with cat, for choosing one per document. */
typedef struct ys_tset {
	ys_template *v;
	size_t n;
} ys_tset;
ys_status ys_tset_load(ys_tset *s, const char *datadir, const ys_catalog *cat, ys_diag *d);
void ys_tset_free(ys_tset *s);

/* ys_parse_file with the template of s that matches the document best
 * (ys_recognize_score; a tie goes to the first by file name). out records
 * its id, template_chosen and the score. */
ys_status ys_parse_file_best(const char *path, const ys_tset *s,
			     const ys_catalog *cat, ys_disclosure *out, ys_diag *d);

#endif
