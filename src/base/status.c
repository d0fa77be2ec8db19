/*
 * status.c - building and formatting diagnostics.
 */
#include "status.h"

#include <stdio.h>
#include <string.h>

ys_status ys_fail(ys_diag *d, ys_status st, const char *file, long line,
		  long column, const char *fmt, ...)
{
	va_list ap;

	if (!d)
		return st;
	snprintf(d->file, sizeof d->file, "%s", file ? file : "");
	d->line = line;
	d->column = column;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
	return st;
}

void ys_diag_format(const ys_diag *d, char *out, unsigned long cap)
{
	if (!d->file[0])
		snprintf(out, cap, "%s", d->msg);
	else if (d->line > 0 && d->column > 0)
		snprintf(out, cap, "%s:%ld:%ld: %s", d->file, d->line,
			 d->column, d->msg);
	else if (d->line > 0)
		snprintf(out, cap, "%s:%ld: %s", d->file, d->line, d->msg);
	else
		snprintf(out, cap, "%s: %s", d->file, d->msg);
}

const char *ys_status_name(ys_status st)
{
	switch (st) {
	case YS_OK: return "ok";
	case YS_ENOMEM: return "out of memory";
	case YS_EINPUT: return "bad input";
	case YS_EIO: return "i/o error";
	case YS_ERANGE: return "out of range";
	case YS_ENOTFOUND: return "not found";
	case YS_ELIMIT: return "limit exceeded";
	}
	return "unknown";
}
