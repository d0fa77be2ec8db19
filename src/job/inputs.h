/*
 * inputs.h - the inputs of a batch command, expanded: a bundle directory
 * is one input; any other directory stands for what it holds (bundles and
 * files, hidden ones left out, by name, a few levels down); a pattern the
 * shell did not expand (county/ with *.docx, quoted) is expanded here.
 *
 * Ownership: ys_inputs_free frees the list and its strings.
 */
#ifndef YS_INPUTS_H
#define YS_INPUTS_H

#include <stddef.h>

#include "../base/status.h"

typedef struct ys_inputs {
	char **v;
	size_t n, cap;
} ys_inputs;

/* The most inputs one command takes: a province's documents of a year. */
#define YS_MAX_INPUTS 1000000

/* Appends the expansion of each of args[0..n). An argument that is no
 * file, directory or matching pattern is kept as it is, for the command's
 * reader to report with its own reason. */
ys_status ys_inputs_expand(ys_inputs *in, const char *const *args, size_t n, ys_diag *d);
ys_status ys_inputs_add(ys_inputs *in, const char *path, ys_diag *d);
void ys_inputs_free(ys_inputs *in);

#endif
