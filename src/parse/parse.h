/*
 * parse.h - published disclosures (Word text export, HTML page, DOCX,
 * XLSX) read back into the Disclosure model. The format is detected from
 * the content, never from the file name; every reader produces the same
 * intermediate document, and table recognition (driven by the template's
 * titles, aliases and header labels) is shared by all of them.
 *
 * Ownership: out must be initialised with ys_disclosure_init; everything
 * parsed lives in its arena (ys_disclosure_free). Nothing is printed.
 */
#ifndef YS_PARSE_H
#define YS_PARSE_H

#include "../base/status.h"
#include "../model/catalog.h"
#include "../model/disclosure.h"
#include "../template/template.h"

typedef enum {
	YS_PFMT_TEXT,
	YS_PFMT_HTML,
	YS_PFMT_DOCX,
	YS_PFMT_XLSX,
	YS_PFMT_ZIP,	/* a zip that is neither */
} ys_parse_format;

/* Limits against hostile input (zip bombs, huge files). */
#define YS_PARSE_MAX_FILE ((size_t)64 * 1024 * 1024)
#define YS_PARSE_MAX_INFLATED ((size_t)128 * 1024 * 1024)
#define YS_PARSE_MAX_ENTRIES 4096

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
/* The same on bytes in memory (path only names them in messages). */
ys_status ys_parse_bytes(const char *path, const char *data, size_t len,
			 const ys_template *t, const ys_catalog *cat,
			 ys_disclosure *out, ys_diag *d);

#endif
