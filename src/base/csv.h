/*
 * csv.h - reading CSV text (libcsv, strict mode) row by row with the line
 * number of each row, for error messages that point at the place.
 */
#ifndef YS_CSV_H
#define YS_CSV_H

#include <stddef.h>

#include "status.h"

/* Called once per record. fields[i] are NUL-terminated, trimmed of
 * surrounding white space; line is the 1-based line the record starts on.
 * Return YS_OK to go on; anything else stops reading and is returned. */
typedef ys_status (*ys_csv_row_fn)(void *ctx, char **fields, int nfields,
				   long line, ys_diag *d);

/* Parses text (UTF-8, BOM already removed). path names the file in
 * diagnostics. Blank lines are skipped. A record of more fields than
 * csv_fields (limits.h) fails with YS_ELIMIT. */
ys_status ys_csv_read(const char *path, const char *text, size_t len,
		      ys_csv_row_fn fn, void *ctx, ys_diag *d);

#endif
