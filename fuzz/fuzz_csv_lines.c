/*
 * fuzz_csv_lines.c - libFuzzer target for lines.csv: the bytes become the
 * lines.csv of a temp bundle whose budget.yaml is a fixed copy of the
 * example's, and are read with ys_bundle_read_yaml + ys_bundle_read_lines
 * against the 2023 catalog (loaded once), as `yusuan render` does.
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
static char lines_path[96];

static void cleanup(void)
{
	char p[96];

	snprintf(p, sizeof p, "%s/budget.yaml", dir);
	unlink(p);
	unlink(lines_path);
	rmdir(dir);
}

static void setup(void)
{
	const char *datadir = getenv("YUSUAN_DATA");
	const char *yaml = getenv("FUZZ_BUDGET_YAML");
	char ypath[96];
	char *text = NULL;
	size_t len;
	ys_diag d;
	FILE *f;

	if (!datadir)
		datadir = YS_DATADIR;
	if (!yaml)
		yaml = YS_DATADIR "/../examples/pingxiang-zonggonghui-2023/budget.yaml";
	if (ys_catalog_load(&cat, datadir, 2023, &d) != YS_OK ||
	    ys_read_file(yaml, 1u << 20, &text, &len, &d) != YS_OK) {
		fprintf(stderr, "fuzz_csv_lines: %s: %s\n", d.file, d.msg);
		abort();
	}
	snprintf(dir, sizeof dir, "/tmp/fuzz_csv.XXXXXX");
	if (!mkdtemp(dir))
		abort();
	snprintf(ypath, sizeof ypath, "%s/budget.yaml", dir);
	snprintf(lines_path, sizeof lines_path, "%s/lines.csv", dir);
	f = fopen(ypath, "wb");
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
	FILE *f;

	if (!ready) {
		setup();
		ready = 1;
	}
	f = fopen(lines_path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	ys_budget_init(&b);
	memset(&d, 0, sizeof d);
	if (ys_bundle_read_yaml(&b, dir, &d) != YS_OK) {
		fprintf(stderr, "fuzz_csv_lines: budget.yaml: %s\n", d.msg);
		abort();
	}
	if (ys_bundle_read_lines(&b, &cat, &d) != YS_OK && !d.msg[0]) {
		fprintf(stderr, "fuzz_csv_lines: failure without a message\n");
		abort();
	}
	ys_budget_free(&b);
	return 0;
}
