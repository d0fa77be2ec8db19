/*
 * mutate.c - one-change mutants of a rendered disclosure, checked in
 * process: every non-empty amount cell of every table changed by one step
 * of its last decimal (times 10^k, k = 0.. until the step exceeds the
 * tolerance), and every empty cell of a row made 0.01. A mutant is caught
 * when `check` finds more errors or warnings than on the original. Prints
 * the missed mutants and "N mutants, N caught, N missed"; exits 1 when one
 * was missed. A cell no identity covers is a gap in the derived rules.
 *
 * Usage: mutate FILE.json [--template NAME] [--tolerance N]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "io/disclosure_json.h"

static size_t count(const ys_disclosure *ds, const ys_catalog *cat,
		    const ys_template *tpl, const ys_check_opts *o)
{
	ys_findings f;
	size_t n;

	ys_findings_init(&f);
	ys_check_disclosure(ds, cat, tpl, "mutant", o, &f);
	n = f.nerrors + f.nwarnings;
	ys_findings_free(&f);
	return n;
}

int main(int argc, char **argv)
{
	const char *path = NULL, *tname = NULL;
	ys_disclosure ds;
	ys_catalog cat;
	ys_template tpl;
	ys_check_opts o = {0};
	ys_diag d = {0};
	size_t base, made = 0, caught = 0;
	int64_t step = 1;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--template") && i + 1 < argc)
			tname = argv[++i];
		else if (!strcmp(argv[i], "--tolerance") && i + 1 < argc)
			o.tolerance = atoll(argv[++i]);
		else
			path = argv[i];
	}
	if (!path) {
		fprintf(stderr, "usage: mutate FILE.json [--template NAME] [--tolerance N]\n");
		return 2;
	}
	ys_disclosure_init(&ds);
	if (ys_disclosure_json_read(&ds, path, &d) != YS_OK) {
		fprintf(stderr, "%s: %s\n", path, d.msg);
		return 2;
	}
	if (ys_catalog_load(&cat, ys_data_dir(), ds.year, &d) != YS_OK ||
	    ys_template_load(&tpl, ys_data_dir(), tname ? tname : ds.template_name ? ds.template_name : "hebei-2023",
			     &cat, &d) != YS_OK) {
		fprintf(stderr, "%s: %s\n", path, d.msg);
		return 2;
	}
	while (step <= o.tolerance)
		step *= 10;
	base = count(&ds, &cat, &tpl, &o);
	for (size_t t = 0; t < ds.ntables; t++) {
		ys_dtable *tb = &ds.tables[t];

		if (!tb->id)
			continue;
		for (size_t r = 0; r < tb->nrows; r++) {
			ys_drow *row = &tb->rows[r];

			for (size_t c = 0; c < tb->ncols; c++) {
				int64_t v = row->values[c];
				uint8_t h = row->has[c];

				if (!ys_drow_has_col(tb, row, c))
					continue;
				row->values[c] = h ? v + step : step;
				row->has[c] = 1;
				made++;
				if (count(&ds, &cat, &tpl, &o) > base)
					caught++;
				else
					printf("missed: %s %s/%s%s\n", tb->id,
					       row->code ? row->code : row->item ? row->item : row->name,
					       tb->cols[c].key, h ? "" : " (empty cell)");
				row->values[c] = v;
				row->has[c] = h;
			}
		}
	}
	printf("%zu mutants, %zu caught, %zu missed\n", made, caught, made - caught);
	ys_template_free(&tpl);
	ys_catalog_free(&cat);
	ys_disclosure_free(&ds);
	return made == caught ? 0 : 1;
}
