/*
 * test_figures.c - the template's named narrative figures: families fill
 * a code or key from the placeholder's name, queries use the tables'
 * rounding, cells are read from a disclosure when there is no budget,
 * differences with an unknown part are unknown, and a bad `figures:` entry
 * is an error naming the template file, line and key.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "job/job.h"
#include "job_fixture.h"
#include "template/figures.h"

#define YUAN "tests/fixtures/templates/yuan-2023.yaml"

static int64_t value(const ys_fig_env *e, const char *name, int *known)
{
	int64_t v = -1;
	ys_diag d;

	memset(&d, 0, sizeof d);
	assert_int_equal(ys_figure_eval(e, name, &v, known, &d), YS_OK);
	return v;
}

static void test_families_and_queries(void **state)
{
	ys_job j;
	ys_fig_env e;
	int known = 0;
	int64_t v;
	ys_diag d;

	(void)state;
	load_bundle(&j, REF);
	e = (ys_fig_env){&j.tpl, &j.budget, &j.cat, &j.cube, &j.ds};
	/* hebei-2023 is in 万元 with 2 decimals: 527.68 is 52768. */
	assert_int_equal(value(&e, "func_201", &known), 52768);
	assert_true(known);
	assert_int_equal(value(&e, "func_2080505", &known), 930);
	assert_int_equal(value(&e, "eco_30215", &known), 0);	/* 会议费: none */
	assert_true(known);
	assert_int_equal(value(&e, "eco_302", &known), 33891);
	assert_int_equal(value(&e, "fund_gpb", &known), 55218);
	assert_int_equal(value(&e, "income_gpb", &known), 55218);	/* a family, carry: current */
	assert_int_equal(value(&e, "operating_cost", &known), 590);	/* 5.90 万元, stated as 6 */
	assert_int_equal(value(&e, "income_other_sources", &known), 0);
	memset(&d, 0, sizeof d);
	assert_int_equal(ys_figure_eval(&e, "no_such_figure", &v, &known, &d), YS_ENOTFOUND);
	assert_int_equal(ys_figure_eval(&e, "fund_nosuch", &v, &known, &d), YS_EINPUT);
	assert_int_equal(ys_figure_eval(&e, "func_20x", &v, &known, &d), YS_EINPUT);
	ys_job_free(&j);
}

/* Without last year's figures a change is unknown ("—"), not 0. */
static void test_unknown_previous(void **state)
{
	ys_job j;
	ys_budget b;
	ys_fig_env e;
	int known = 1;

	(void)state;
	load_bundle(&j, REF);
	b = j.budget;
	b.previous.present = 0;
	e = (ys_fig_env){&j.tpl, &b, &j.cat, &j.cube, &j.ds};
	assert_int_equal(value(&e, "total_change", &known), 0);
	assert_false(known);
	e.b = &j.budget;
	assert_int_equal(value(&e, "total_change", &known), 16900);
	assert_true(known);
	ys_job_free(&j);
}

/* A published document has no cube: figures come from their cells. */
static void test_cells_without_budget(void **state)
{
	ys_job j;
	ys_fig_env e;
	int known = 0;

	(void)state;
	load_bundle(&j, REF);
	e = (ys_fig_env){&j.tpl, NULL, &j.cat, NULL, &j.ds};
	assert_int_equal(value(&e, "basic", &known), 20570);
	assert_true(known);
	assert_int_equal(value(&e, "three_public_total", &known), 16);
	assert_int_equal(value(&e, "grand_total", &known), 55218);
	value(&e, "three_public_abroad", &known);	/* a query with no cell */
	assert_false(known);
	ys_job_free(&j);
}

/* The fixture template in 元, written only in the test folder. */
static void test_template_in_yuan(void **state)
{
	ys_job j;
	ys_job_opts o = {NULL, NULL, YUAN};
	ys_fig_env e;
	ys_diag d;
	int known = 0;

	(void)state;
	memset(&d, 0, sizeof d);
	if (ys_job_load_bundle(&j, REF, &o, &d) != YS_OK) {
		print_error("%s:%ld: %s\n", d.file, d.line, d.msg);
		fail();
	}
	e = (ys_fig_env){&j.tpl, &j.budget, &j.cat, &j.cube, &j.ds};
	assert_int_equal(value(&e, "gpb_basic", &known), 205700000);
	assert_int_equal(value(&e, "gpb_project", &known), 346480000);
	assert_int_equal(value(&e, "func_201", &known), 527680000);
	e.cube = NULL;
	e.b = NULL;
	assert_int_equal(value(&e, "gpb_all", &known), 552180000);
	ys_job_free(&j);
}

/* Loads a template made of `figures` after a one-table layout; returns the
 * status and leaves the message in *d. */
static ys_status load_with(const char *figures, ys_diag *d, char *path)
{
	ys_catalog cat;
	ys_template t;
	ys_diag cd;
	ys_status st;
	int fd;
	FILE *f;

	strcpy(path, "/tmp/ys-figures-XXXXXX.yaml");
	fd = mkstemps(path, 5);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fprintf(f, "id: t\nmoney_unit: 元\ntables:\n- {id: A, title: 表, columns: [{key: t, label: 合计}]}\n"
		   "figures:\n%s", figures);
	fclose(f);
	memset(&cd, 0, sizeof cd);
	assert_int_equal(ys_catalog_load(&cat, "data", 2023, &cd), YS_OK);
	memset(d, 0, sizeof *d);
	st = ys_template_load(&t, "data", path, &cat, d);
	if (st == YS_OK)
		ys_template_free(&t);
	ys_catalog_free(&cat);
	unlink(path);
	return st;
}

static void bad_figures(const char *yaml, long line, const char *want)
{
	char path[64];
	ys_diag d;

	assert_int_equal(load_with(yaml, &d, path), YS_EINPUT);
	if (!strstr(d.msg, want) || d.line != line || strcmp(d.file, path)) {
		print_error("want line %ld “%s”, got %s:%ld: %s\n", line, want, d.file, d.line, d.msg);
		fail();
	}
}

static void test_bad_figures(void **state)
{
	char path[64];
	ys_diag d;

	(void)state;
	assert_int_equal(load_with("- {name: a, cell: {table: A, row: 合计, col: t}, phrases: [\"合计{}\"]}\n"
				   "- {name: b, diff: [a, a]}\n", &d, path), YS_OK);
	bad_figures("- {name: a, querry: {}}\n", 6, "querry");
	bad_figures("- {name: a, query: {fund: [nosuch]}}\n", 6, "nosuch");
	bad_figures("- {name: a, cell: {table: T5, row: 合计, col: t}}\n", 6, "T5");
	bad_figures("- {name: a, query: {}}\n- {name: b, sum: [a, c]}\n", 7, "“c”");
	bad_figures("- {name: a, query: {}, bundle: procurement}\n", 6, "正好有");
	bad_figures("- {name: \"f_*\", query: {}}\n", 6, "by");
	bad_figures("- {name: a, query: {}, phrases: [\"收入{}\"]}\n", 6, "没有 cell");
	bad_figures("- {name: a, query: {}}\n- {name: a, query: {}}\n", 7, "重复");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_families_and_queries),
		cmocka_unit_test(test_unknown_previous),
		cmocka_unit_test(test_cells_without_budget),
		cmocka_unit_test(test_template_in_yuan),
		cmocka_unit_test(test_bad_figures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
