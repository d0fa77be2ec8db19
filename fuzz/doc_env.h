/*
 * doc_env.h - what the document fuzzers share: the 2023 catalog and the
 * hebei-2023 template loaded once, a temp file for inputs that must be
 * files, and the step every target ends with — a disclosure that reads is
 * checked, as `yusuan check` does. Included by fuzz_parse.c, fuzz_ooxml.c
 * and fuzz_disclosure_json.c only (static state, one target per binary).
 */
#ifndef YS_FUZZ_DOC_ENV_H
#define YS_FUZZ_DOC_ENV_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../src/check/check.h"

static ys_catalog fz_cat;
static ys_template fz_tpl;
static char fz_path[64];	/* "" until fz_doc_setup made it */

static void fz_unlink_path(void)
{
	unlink(fz_path);
}

/* Loads catalog and template; with want_file, also creates the temp file
 * fz_path (removed at exit). Aborts on failure. */
static void fz_doc_setup(const char *who, int want_file)
{
	const char *datadir = getenv("YUSUAN_DATA");
	ys_diag d;
	int fd;

	if (!datadir)
		datadir = YS_DATADIR;
	if (ys_catalog_load(&fz_cat, datadir, 2023, &d) != YS_OK ||
	    ys_template_load(&fz_tpl, datadir, "hebei-2023", &fz_cat, &d) != YS_OK) {
		fprintf(stderr, "%s: %s: %s\n", who, d.file, d.msg);
		abort();
	}
	if (!want_file)
		return;
	snprintf(fz_path, sizeof fz_path, "/tmp/%s.XXXXXX", who);
	fd = mkstemp(fz_path);
	if (fd < 0)
		abort();
	close(fd);
	atexit(fz_unlink_path);
}

/* A reader's outcome: a failure must carry a message; a disclosure that
 * read is run through every check rule. Frees ds. */
static __attribute__((unused)) void fz_finish(const char *who, ys_status st, const ys_diag *d,
		      ys_disclosure *ds, const char *name)
{
	if (st != YS_OK && !d->msg[0]) {
		fprintf(stderr, "%s: failure without a message\n", who);
		abort();
	}
	if (st == YS_OK) {
		ys_check_opts o = {NULL, 0, 0};
		ys_findings fs;

		ys_findings_init(&fs);
		(void)ys_check_disclosure(ds, &fz_cat, &fz_tpl, name, &o, &fs);
		ys_findings_free(&fs);
	}
	ys_disclosure_free(ds);
}

#endif
