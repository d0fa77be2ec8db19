/*
 * test_cube.c - aggregation of line items into atoms, overflow detection,
 * and the template builder's sums over them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "cube/cube.h"
#include "template/build.h"

static const char *datadir(void)
{
	const char *d = getenv("YUSUAN_DATA");

	return d ? d : "data";
}

static void add(ys_budget *b, ys_code func, ys_code eco, int fund, int type,
		ys_fen amount)
{
	ys_line l;

	memset(&l, 0, sizeof l);
	l.func = func;
	l.eco = eco;
	l.fund = (uint8_t)fund;
	l.type = (uint8_t)type;
	l.amount = amount;
	assert_int_equal(ys_budget_add_line(b, &l), YS_OK);
}

static void test_atoms(void **state)
{
	ys_catalog cat;
	ys_budget b;
	ys_cube c;
	ys_diag d;
	int gpb, basic;

	(void)state;
	assert_int_equal(ys_catalog_load(&cat, datadir(), 2023, &d), YS_OK);
	gpb = ys_catalog_fund(&cat, "gpb");
	basic = ys_catalog_type(&cat, "basic");
	ys_budget_init(&b);
	add(&b, 2012901, 30101, gpb, basic, 100);
	add(&b, 2012901, 30101, gpb, basic, 250);	/* same atom */
	add(&b, 2012901, 30201, gpb, basic, 7);
	add(&b, 2080505, 30108, gpb, basic, -50);
	assert_int_equal(ys_cube_build(&c, &b, &cat, &d), YS_OK);
	assert_int_equal(c.n, 3);
	assert_int_equal(c.total, 307);
	for (size_t i = 0; i < c.n; i++)
		if (c.atoms[i].eco == 30101) {
			assert_int_equal(c.atoms[i].amount, 350);
			assert_int_equal(c.atoms[i].nlines, 2);
			assert_int_equal(c.atoms[i].eco_class, YS_ECO_PERSONNEL);
		} else if (c.atoms[i].eco == 30201) {
			assert_int_equal(c.atoms[i].eco_class, YS_ECO_PUBLIC);
		}
	ys_cube_free(&c);

	add(&b, 2012901, 30101, gpb, basic, INT64_MAX);
	assert_int_equal(ys_cube_build(&c, &b, &cat, &d), YS_ERANGE);
	assert_non_null(strstr(d.msg, "溢出"));
	ys_budget_free(&b);
	ys_catalog_free(&cat);
}

static void test_builder_sums(void **state)
{
	ys_catalog cat;
	ys_budget b;
	ys_cube c;
	ys_template t;
	ys_disclosure ds;
	ys_diag d;
	const ys_dtable *t6, *t3, *t7;
	int gpb, basic, total, personnel, public;

	(void)state;
	assert_int_equal(ys_catalog_load(&cat, datadir(), 2023, &d), YS_OK);
	gpb = ys_catalog_fund(&cat, "gpb");
	basic = ys_catalog_type(&cat, "basic");
	ys_budget_init(&b);
	b.year = 2023;
	b.unit_code = "1";
	b.unit_name = "测";
	/* 0.004 万元 + 0.004 万元: each atom rounds to 0.00 on its own. */
	add(&b, 2012901, 30101, gpb, basic, 4000);
	add(&b, 2012901, 30102, gpb, basic, 4000);
	add(&b, 2012901, 30201, gpb, basic, 12345);	/* 123.45 元 → 0.01 万元 */
	assert_int_equal(ys_cube_build(&c, &b, &cat, &d), YS_OK);
	assert_int_equal(ys_template_load(&t, datadir(), "hebei-2023", &cat, &d), YS_OK);
	ys_disclosure_init(&ds);
	assert_int_equal(ys_build_disclosure(&ds, &t, &b, &cat, &c, &d), YS_OK);
	t6 = ys_disclosure_table(&ds, "T6");
	assert_non_null(t6);
	total = ys_dtable_col(t6, "total", NULL);
	personnel = ys_dtable_col(t6, "personnel", NULL);
	public = ys_dtable_col(t6, "public", NULL);
	/* The 合计 row is the sum of rounded atoms: 0 + 0 + 1 (0.01 万元). */
	assert_string_equal(t6->rows[0].name, "合计");
	assert_int_equal(t6->rows[0].values[total], 1);
	assert_int_equal(t6->rows[0].values[public], 1);
	assert_false(t6->rows[0].has[personnel]);
	/* Rows are code-ordered, 类 before its 款. */
	assert_string_equal(t6->rows[1].code, "302");
	assert_string_equal(t6->rows[2].code, "30201");
	assert_int_equal(t6->nrows, 3);
	t3 = ys_disclosure_table(&ds, "T3");
	assert_string_equal(t3->rows[1].code, "201");
	assert_string_equal(t3->rows[2].code, "20129");
	assert_string_equal(t3->rows[3].code, "2012901");
	t7 = ys_disclosure_table(&ds, "T7");
	assert_int_equal(t7->nrows, 0);
	assert_non_null(t7->note);
	ys_disclosure_free(&ds);
	ys_template_free(&t);
	ys_cube_free(&c);
	ys_budget_free(&b);
	ys_catalog_free(&cat);
}

/* Other measures ride beside the budget amount: summed per atom, exact,
 * overflow checked, absent measures 0. */
static void test_measures(void **state)
{
	ys_catalog cat;
	ys_budget b;
	ys_cube c;
	ys_diag d;
	int gpb, basic;

	(void)state;
	assert_int_equal(ys_catalog_load(&cat, datadir(), 2023, &d), YS_OK);
	gpb = ys_catalog_fund(&cat, "gpb");
	basic = ys_catalog_type(&cat, "basic");
	ys_budget_init(&b);
	assert_int_equal(ys_budget_use_measure(&b, YS_MEASURE_FINAL), YS_OK);
	add(&b, 2012901, 30101, gpb, basic, 100);
	b.mvals[YS_MEASURE_FINAL][0] = 90;
	add(&b, 2012901, 30101, gpb, basic, 250);
	b.mvals[YS_MEASURE_FINAL][1] = 240;
	/* A measure taken up later: the lines so far hold 0. */
	assert_int_equal(ys_budget_use_measure(&b, YS_MEASURE_CARRY_END), YS_OK);
	for (int i = 0; i < 2000; i++)	/* past the first growth */
		add(&b, 2012901, 30201, gpb, basic, 1);
	b.mvals[YS_MEASURE_CARRY_END][2] = 5;
	assert_int_equal(ys_line_value(&b, 1, YS_MEASURE_FINAL), 240);
	assert_int_equal(ys_line_value(&b, 1, YS_MEASURE_CARRY_END), 0);
	assert_int_equal(ys_line_value(&b, 2001, YS_MEASURE_FINAL), 0);
	assert_int_equal(ys_line_value(&b, 1, YS_MEASURE_INITIAL), 0);
	assert_int_equal(ys_cube_build(&c, &b, &cat, &d), YS_OK);
	assert_int_equal(c.n, 2);
	assert_null(c.mamount[YS_MEASURE_INITIAL]);
	for (size_t i = 0; i < c.n; i++)
		if (c.atoms[i].eco == 30101) {
			assert_int_equal(ys_cube_value(&c, i, YS_MEASURE_BUDGET), 350);
			assert_int_equal(ys_cube_value(&c, i, YS_MEASURE_FINAL), 330);
			assert_int_equal(ys_cube_value(&c, i, YS_MEASURE_CARRY_END), 0);
		} else {
			assert_int_equal(ys_cube_value(&c, i, YS_MEASURE_BUDGET), 2000);
			assert_int_equal(ys_cube_value(&c, i, YS_MEASURE_CARRY_END), 5);
			assert_int_equal(ys_cube_value(&c, i, YS_MEASURE_INITIAL), 0);
		}
	ys_cube_free(&c);
	b.mvals[YS_MEASURE_FINAL][3] = INT64_MAX;
	assert_int_equal(ys_cube_build(&c, &b, &cat, &d), YS_ERANGE);
	assert_int_equal(d.line, 0);
	ys_budget_free(&b);
	ys_catalog_free(&cat);
}

/* Derived cells: exact, half away from zero, empty on a zero divisor. */
static void test_derive(void **state)
{
	int64_t v = 0;

	(void)state;
	assert_true(ys_derive_value(YS_DERIVE_DIFF, 55218, 50000, 2, &v));
	assert_int_equal(v, 5218);
	/* (552.18 − 500.00) / 500.00 = 10.436% → 10.44 */
	assert_true(ys_derive_value(YS_DERIVE_PCT, 55218, 50000, 2, &v));
	assert_int_equal(v, 1044);
	/* 1/3 = 33.333…% → 33.33; 2/3 = 66.666…% → 66.67 */
	assert_true(ys_derive_value(YS_DERIVE_SHARE, 1, 3, 2, &v));
	assert_int_equal(v, 3333);
	assert_true(ys_derive_value(YS_DERIVE_SHARE, 2, 3, 2, &v));
	assert_int_equal(v, 6667);
	/* half away from zero, both signs: 1/8 = 12.5% → 13 at 0 decimals */
	assert_true(ys_derive_value(YS_DERIVE_SHARE, 1, 8, 0, &v));
	assert_int_equal(v, 13);
	assert_true(ys_derive_value(YS_DERIVE_SHARE, -1, 8, 0, &v));
	assert_int_equal(v, -13);
	assert_true(ys_derive_value(YS_DERIVE_PCT, 7, -8, 0, &v));
	assert_int_equal(v, -188);	/* (7 + 8) / −8 = −187.5% */
	assert_false(ys_derive_value(YS_DERIVE_PCT, 5, 0, 2, &v));
	assert_false(ys_derive_value(YS_DERIVE_SHARE, 0, 0, 2, &v));
	assert_false(ys_derive_value(YS_DERIVE_DIFF, INT64_MIN, 1, 2, &v));
	assert_false(ys_derive_value(YS_DERIVE_SHARE, INT64_MAX, 1, 2, &v));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_atoms),
		cmocka_unit_test(test_builder_sums),
		cmocka_unit_test(test_measures),
		cmocka_unit_test(test_derive),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
