/*
 * file.h - atomic output. Every output file is written to a temporary file
 * beside its target and renamed over it only when complete, so a failed run
 * never leaves a half-written file behind.
 */
#ifndef YS_FILE_H
#define YS_FILE_H

#include <stddef.h>

#include "status.h"

/* Writes len bytes to path atomically ("-" writes to standard output). */
ys_status ys_write_atomic(const char *path, const void *data, size_t len,
			  ys_diag *d);

/* Creates a directory (and its parents) if missing. */
ys_status ys_mkdir_p(const char *path, ys_diag *d);

#endif
