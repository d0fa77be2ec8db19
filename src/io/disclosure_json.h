/*
 * disclosure_json.h - reads the yusuan/disclosure@1 JSON interchange form
 * (written by render/json.c, documented in DESIGN.md) back into the
 * ys_disclosure model, so that `yusuan check` and other tools can work on a
 * disclosure without its bundle. Amounts are decimal strings parsed exactly
 * (ys_money_parse), never through a double.
 *
 * Ownership: the caller owns ds (ys_disclosure_init before, ys_disclosure_free
 * after, also after a failure); every string is copied into ds->arena.
 */
#ifndef YS_DISCLOSURE_JSON_H
#define YS_DISCLOSURE_JSON_H

#include <stddef.h>

#include "../base/status.h"
#include "../model/disclosure.h"

/* Does the text look like a yusuan/disclosure@1 document (a JSON object
 * naming that schema)? Cheap: looks at the first bytes only. */
int ys_disclosure_json_sniff(const char *text, size_t len);

/* Parses text (path names it in diagnostics, which carry line and column
 * for syntax errors and a JSON path for content errors). */
ys_status ys_disclosure_json_parse(ys_disclosure *ds, const char *text,
				   size_t len, const char *path, ys_diag *d);

/* Reads and parses the file at path. */
ys_status ys_disclosure_json_read(ys_disclosure *ds, const char *path,
				  ys_diag *d);

#endif
