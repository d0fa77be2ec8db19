/*
 * fuzz_bundle_yaml.c - libFuzzer target for budget.yaml: the bytes become
 * the budget.yaml of a temp bundle whose lines.csv is a fixed copy of the
 * example's (or $FUZZ_LINES_CSV), read with ys_bundle_read_yaml and, when
 * that succeeds, ys_bundle_read_lines against the 2023 catalog (loaded
 * once).
 */
#include <string.h>

#include "../src/io/bundle.h"
#include "bundle_dir.h"

static ys_catalog cat;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	ys_budget b;
	ys_diag d;
	ys_status st;

	if (!ready) {
		fz_bundle_setup("fuzz_bundle_yaml", &cat, "lines.csv", "FUZZ_LINES_CSV", "budget.yaml");
		ready = 1;
	}
	fz_write_input(data, size);
	ys_budget_init(&b);
	memset(&d, 0, sizeof d);
	st = ys_bundle_read_yaml(&b, fz_dir, &d);
	if (st == YS_OK)
		st = ys_bundle_read_lines(&b, &cat, &d);
	if (st != YS_OK && !d.msg[0]) {
		fprintf(stderr, "fuzz_bundle_yaml: failure without a message\n");
		abort();
	}
	ys_budget_free(&b);
	return 0;
}
