/*
 * bundle_dir.h - the temp bundle the two bundle fuzzers share: one of its
 * files (budget.yaml or lines.csv) is a fixed copy, the other is rewritten
 * from each fuzz input. Included by fuzz_bundle_yaml.c and fuzz_csv_lines.c
 * only (static state, one target per binary).
 */
#ifndef YS_FUZZ_BUNDLE_DIR_H
#define YS_FUZZ_BUNDLE_DIR_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../src/base/text.h"
#include "../src/model/catalog.h"

static char fz_dir[64];
static char fz_fixed[96];
static char fz_fuzzed[96];

static void fz_cleanup(void)
{
	unlink(fz_fixed);
	unlink(fz_fuzzed);
	rmdir(fz_dir);
}

/* Loads the 2023 catalog into cat and makes the directory: `fixed` (a file
 * name) copied from $env or the example bundle's file of that name,
 * `fuzzed` the name each input is written to. Aborts on any failure: a
 * fuzz run without its fixture is meaningless. */
static void fz_bundle_setup(const char *who, ys_catalog *cat, const char *fixed,
			    const char *env, const char *fuzzed)
{
	const char *datadir = getenv("YUSUAN_DATA");
	const char *src = getenv(env);
	char def[512];
	char *text = NULL;
	size_t len;
	ys_diag d;
	FILE *f;

	if (!datadir)
		datadir = YS_DATADIR;
	snprintf(def, sizeof def, "%s/../examples/pingxiang-zonggonghui-2023/%s", YS_DATADIR, fixed);
	if (!src)
		src = def;
	if (ys_catalog_load(cat, datadir, 2023, &d) != YS_OK ||
	    ys_read_file(src, 1u << 20, &text, &len, &d) != YS_OK) {
		fprintf(stderr, "%s: %s: %s\n", who, d.file, d.msg);
		abort();
	}
	snprintf(fz_dir, sizeof fz_dir, "/tmp/%s.XXXXXX", who);
	if (!mkdtemp(fz_dir))
		abort();
	snprintf(fz_fixed, sizeof fz_fixed, "%s/%s", fz_dir, fixed);
	snprintf(fz_fuzzed, sizeof fz_fuzzed, "%s/%s", fz_dir, fuzzed);
	f = fopen(fz_fixed, "wb");
	if (!f || fwrite(text, 1, len, f) != len)
		abort();
	fclose(f);
	free(text);
	atexit(fz_cleanup);
}

/* Writes one fuzz input as the bundle's fuzzed file. */
static void fz_write_input(const uint8_t *data, size_t size)
{
	FILE *f = fopen(fz_fuzzed, "wb");

	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
}

#endif
