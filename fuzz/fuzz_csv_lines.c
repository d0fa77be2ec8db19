/*
 * fuzz_csv_lines.c - libFuzzer target for lines.csv: the bytes become the
 * lines.csv of a temp bundle whose budget.yaml is a fixed copy of the
 * example's (or $FUZZ_BUDGET_YAML), and are read with ys_bundle_read_yaml +
 * ys_bundle_read_lines against the 2023 catalog (loaded once), as
 * `yusuan render` does.
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

	if (!ready) {
		fz_bundle_setup("fuzz_csv_lines", &cat, "budget.yaml", "FUZZ_BUDGET_YAML", "lines.csv");
		ready = 1;
	}
	fz_write_input(data, size);
	ys_budget_init(&b);
	memset(&d, 0, sizeof d);
	if (ys_bundle_read_yaml(&b, fz_dir, &d) != YS_OK) {
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
