/*
 * fuzz_parse.c - libFuzzer target for the published-document readers: the
 * bytes are written to a temp file and read with ys_parse_file, the way
 * `yusuan parse` does, with the hebei-2023 template and the 2023 catalog
 * loaded once. Format detection is by content, so one target covers the
 * text export, HTML, DOCX and XLSX readers (seed with all four). A
 * document that reads is then checked, as `yusuan check FILE` does.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/check/check.h"
#include "../src/parse/parse.h"

static ys_catalog cat;
static ys_template tpl;
static char path[64];

static void cleanup(void)
{
	unlink(path);
}

static void setup(void)
{
	const char *datadir = getenv("YUSUAN_DATA");
	ys_diag d;
	int fd;

	if (!datadir)
		datadir = YS_DATADIR;
	if (ys_catalog_load(&cat, datadir, 2023, &d) != YS_OK ||
	    ys_template_load(&tpl, datadir, "hebei-2023", &cat, &d) != YS_OK) {
		fprintf(stderr, "fuzz_parse: %s: %s\n", d.file, d.msg);
		abort();
	}
	snprintf(path, sizeof path, "/tmp/fuzz_parse.XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		abort();
	close(fd);
	atexit(cleanup);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	ys_disclosure ds;
	ys_diag d;
	ys_status st;
	FILE *f;

	if (!ready) {
		setup();
		ready = 1;
	}
	f = fopen(path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	ys_disclosure_init(&ds);
	memset(&d, 0, sizeof d);
	st = ys_parse_file(path, &tpl, &cat, &ds, &d);
	if (st != YS_OK && !d.msg[0]) {
		fprintf(stderr, "fuzz_parse: failure without a message\n");
		abort();
	}
	if (st == YS_OK) {
		ys_check_opts o = {NULL, 0, 0};
		ys_findings fs;

		ys_findings_init(&fs);
		(void)ys_check_disclosure(&ds, &cat, &tpl, path, &o, &fs);
		ys_findings_free(&fs);
	}
	ys_disclosure_free(&ds);
	return 0;
}
