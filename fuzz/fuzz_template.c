/*
 * fuzz_template.c - libFuzzer target for the template loader: the bytes
 * become a template file read with ys_template_load (by path, so that
 * `extends: hebei-2023` finds the shipped templates in the data directory).
 * A template that loads then drives the whole pipeline on the example
 * bundle (loaded once): tables (ys_build_disclosure), narrative, every
 * check rule, and the text renderers with their outputs checked
 * (out_check.h). Seeds: fuzz/corpus/template/ (the shipped template, cut
 * variants, tests/bad/template-* files).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/check/check.h"
#include "../src/cube/cube.h"
#include "../src/io/bundle.h"
#include "../src/narrative/narrative.h"
#include "../src/template/build.h"
#include "out_check.h"

static ys_budget fz_b;
static ys_catalog fz_cat;
static ys_cube fz_cube;
static const char *fz_data;
static char fz_path[64];

static void fz_unlink(void)
{
	unlink(fz_path);
}

static void setup(void)
{
	char ex[512];
	ys_diag d = {0};
	int fd;

	fz_data = getenv("YUSUAN_DATA") ? getenv("YUSUAN_DATA") : YS_DATADIR;
	snprintf(ex, sizeof ex, "%s/../examples/pingxiang-zonggonghui-2023", YS_DATADIR);
	if (ys_bundle_load(ex, fz_data, NULL, &fz_b, &fz_cat, &d) != YS_OK ||
	    ys_cube_build(&fz_cube, &fz_b, &fz_cat, &d) != YS_OK) {
		fprintf(stderr, "fuzz_template: %s: %s\n", d.file, d.msg);
		abort();
	}
	snprintf(fz_path, sizeof fz_path, "/tmp/fuzz_template.XXXXXX.yaml");
	if ((fd = mkstemps(fz_path, 5)) < 0)
		abort();
	close(fd);
	atexit(fz_unlink);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	ys_template t;
	ys_disclosure ds;
	ys_diag d = {0};
	ys_status st;
	FILE *f;

	if (!ready) {
		setup();
		ready = 1;
	}
	if (!(f = fopen(fz_path, "wb")) || (size && fwrite(data, 1, size, f) != size))
		abort();
	fclose(f);
	memset(&t, 0, sizeof t);
	st = ys_template_load(&t, fz_data, fz_path, &fz_cat, &d);
	if (st != YS_OK) {
		if (!d.msg[0])
			fz_die("fuzz_template", "%s", "loader failure without a message");
		return 0;
	}
	ys_disclosure_init(&ds);
	st = ys_build_disclosure(&ds, &t, &fz_b, &fz_cat, &fz_cube, &d);
	if (st == YS_OK)
		st = ys_narrative_build(&ds, &t, &fz_b, &fz_cat, &fz_cube, &d);
	if (st != YS_OK && !d.msg[0])
		fz_die("fuzz_template", "%s", "build failure without a message");
	if (st == YS_OK) {
		ys_check_opts o = {NULL, 0, 0};
		ys_findings fs;

		ys_findings_init(&fs);
		(void)ys_check_disclosure(&ds, &fz_cat, &t, "fuzz.json", &o, &fs);
		ys_findings_free(&fs);
		/* json, md, csv, html: the formats without a zip or a font
		 * subset, so that the loader gets most of the time. */
		for (unsigned sel = 0; sel < 4; sel++)
			fz_render_all("fuzz_template", &ds, sel, &t, &fz_cat);
	}
	ys_disclosure_free(&ds);
	ys_template_free(&t);
	return 0;
}
