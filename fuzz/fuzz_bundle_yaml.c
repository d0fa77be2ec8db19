/*
 * fuzz_bundle_yaml.c - libFuzzer target for budget.yaml: the bytes become
 * the budget.yaml of a temp bundle whose lines.csv is a fixed copy of the
 * example's, read with ys_bundle_read_yaml and, when that succeeds,
 * ys_bundle_read_lines against the 2023 catalog (loaded once).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/base/text.h"
#include "../src/io/bundle.h"

static ys_catalog cat;
static char dir[64];
static char yaml_path[96];

static void cleanup(void)
{
	char p[96];

	snprintf(p, sizeof p, "%s/lines.csv", dir);
	unlink(p);
	unlink(yaml_path);
	rmdir(dir);
}

static void setup(void)
{
	const char *datadir = getenv("YUSUAN_DATA");
	const char *lines = getenv("FUZZ_LINES_CSV");
	char lpath[96];
	char *text = NULL;
	size_t len;
	ys_diag d;
	FILE *f;

	if (!datadir)
		datadir = YS_DATADIR;
	if (!lines)
		lines = YS_DATADIR "/../examples/pingxiang-zonggonghui-2023/lines.csv";
	if (ys_catalog_load(&cat, datadir, 2023, &d) != YS_OK ||
	    ys_read_file(lines, 1u << 20, &text, &len, &d) != YS_OK) {
		fprintf(stderr, "fuzz_bundle_yaml: %s: %s\n", d.file, d.msg);
		abort();
	}
	snprintf(dir, sizeof dir, "/tmp/fuzz_yaml.XXXXXX");
	if (!mkdtemp(dir))
		abort();
	snprintf(lpath, sizeof lpath, "%s/lines.csv", dir);
	snprintf(yaml_path, sizeof yaml_path, "%s/budget.yaml", dir);
	f = fopen(lpath, "wb");
	if (!f || fwrite(text, 1, len, f) != len)
		abort();
	fclose(f);
	free(text);
	atexit(cleanup);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	ys_budget b;
	ys_diag d;
	ys_status st;
	FILE *f;

	if (!ready) {
		setup();
		ready = 1;
	}
	f = fopen(yaml_path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	ys_budget_init(&b);
	memset(&d, 0, sizeof d);
	st = ys_bundle_read_yaml(&b, dir, &d);
	if (st == YS_OK)
		st = ys_bundle_read_lines(&b, &cat, &d);
	if (st != YS_OK && !d.msg[0]) {
		fprintf(stderr, "fuzz_bundle_yaml: failure without a message\n");
		abort();
	}
	ys_budget_free(&b);
	return 0;
}
