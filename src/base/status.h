/*
 * status.h - the one result type of the library and the diagnostic record
 * that goes with it. Every function that can fail returns ys_status and, when
 * it fails, fills a ys_diag naming the input (file, line, column) and what was
 * expected there. Library code never prints; the CLI prints diagnostics.
 */
#ifndef YS_STATUS_H
#define YS_STATUS_H

#include <stdarg.h>

typedef enum {
	YS_OK = 0,
	YS_ENOMEM,	/* out of memory */
	YS_EINPUT,	/* the input is malformed or violates a rule */
	YS_EIO,		/* a file could not be read or written */
	YS_ERANGE,	/* a number does not fit (money overflow) */
	YS_ENOTFOUND,	/* a named thing (code, file, template) does not exist */
	YS_ELIMIT,	/* a safety limit was hit (size, count, depth) */
} ys_status;

#define YS_DIAG_MSG 512
#define YS_DIAG_FILE 256

typedef struct ys_diag {
	char file[YS_DIAG_FILE];
	long line;	/* 1-based; 0 when the place has no line */
	long column;	/* 1-based; 0 when unknown */
	char msg[YS_DIAG_MSG];
} ys_diag;

/* Fills d (when not NULL) and returns st, so a failure reads
 * `return ys_fail(d, YS_EINPUT, path, line, col, "…", …);`. */
ys_status ys_fail(ys_diag *d, ys_status st, const char *file, long line,
		  long column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Formats d compiler-style: "file:line:col: msg" (parts that are unknown are
 * left out) into out. */
void ys_diag_format(const ys_diag *d, char *out, unsigned long cap);

const char *ys_status_name(ys_status st);

#endif
