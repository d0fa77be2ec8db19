/*
 * fuzz_disclosure_json.c - libFuzzer target for the yusuan/disclosure@1
 * JSON reader (ys_disclosure_json_sniff and ys_disclosure_json_parse) on
 * arbitrary bytes; a disclosure that reads is then checked with the
 * hebei-2023 template and the 2023 catalog, as `yusuan check FILE.json`
 * does. Seed with the JSON files in tests/golden/.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/check/check.h"
#include "../src/io/disclosure_json.h"

static ys_catalog cat;
static ys_template tpl;

static void setup(void)
{
	const char *datadir = getenv("YUSUAN_DATA");
	ys_diag d;

	if (!datadir)
		datadir = YS_DATADIR;
	if (ys_catalog_load(&cat, datadir, 2023, &d) != YS_OK ||
	    ys_template_load(&tpl, datadir, "hebei-2023", &cat, &d) != YS_OK) {
		fprintf(stderr, "fuzz_disclosure_json: %s: %s\n", d.file, d.msg);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	ys_disclosure ds;
	ys_diag d;
	ys_status st;

	if (!ready) {
		setup();
		ready = 1;
	}
	(void)ys_disclosure_json_sniff((const char *)data, size);
	ys_disclosure_init(&ds);
	memset(&d, 0, sizeof d);
	st = ys_disclosure_json_parse(&ds, (const char *)data, size, "fuzz.json", &d);
	if (st != YS_OK && !d.msg[0]) {
		fprintf(stderr, "fuzz_disclosure_json: failure without a message\n");
		abort();
	}
	if (st == YS_OK) {
		ys_check_opts o = {NULL, 0, 0};
		ys_findings fs;

		ys_findings_init(&fs);
		(void)ys_check_disclosure(&ds, &cat, &tpl, "fuzz.json", &o, &fs);
		ys_findings_free(&fs);
	}
	ys_disclosure_free(&ds);
	return 0;
}
