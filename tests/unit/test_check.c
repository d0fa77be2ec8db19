/*
 * test_check.c - every rule of `yusuan check` on a passing and a failing
 * disclosure. The passing one is the reference (tests/golden/…json); each
 * failing one changes one thing in it (a cell, a code, a name, a sentence,
 * a missing table), made here with jansson so that the fixtures follow the
 * golden file when it changes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "io/disclosure_json.h"
#include "model/catalog.h"
#include "template/template.h"

#define GOLDEN "tests/golden/pingxiang-zonggonghui-2023.json"

static ys_catalog cat;
static ys_template tpl;

static const char *datadir(void)
{
	const char *d = getenv("YUSUAN_DATA");

	return d && *d ? d : "data";
}

static int setup(void **state)
{
	ys_diag d;

	(void)state;
	if (ys_catalog_load(&cat, datadir(), 2023, &d) != YS_OK)
		return -1;
	if (ys_template_load(&tpl, datadir(), "hebei-2023", &cat, &d) != YS_OK)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	ys_template_free(&tpl);
	ys_catalog_free(&cat);
	return 0;
}

static json_t *golden(void)
{
	json_error_t e;
	json_t *j = json_load_file(GOLDEN, 0, &e);

	assert_non_null(j);
	return j;
}

static json_t *table(json_t *root, const char *id)
{
	json_t *ts = json_object_get(root, "tables"), *t;
	size_t i;

	json_array_foreach(ts, i, t)
		if (!strcmp(json_string_value(json_object_get(t, "id")), id))
			return t;
	fail_msg("no table %s", id);
	return NULL;
}

/* The row whose code, item or name is `key` (on `side` when not NULL). */
static json_t *row(json_t *root, const char *tid, const char *side, const char *key)
{
	json_t *rows = json_object_get(table(root, tid), "rows"), *r;
	size_t i;

	json_array_foreach(rows, i, r) {
		const char *s = json_string_value(json_object_get(r, "side"));
		const char *c = json_string_value(json_object_get(r, "code"));
		const char *it = json_string_value(json_object_get(r, "item"));
		const char *n = json_string_value(json_object_get(r, "name"));

		if (side && (!s || strcmp(s, side)))
			continue;
		if ((c && !strcmp(c, key)) || (it && !strcmp(it, key)) || (n && !strcmp(n, key)))
			return r;
	}
	fail_msg("no row %s in %s", key, tid);
	return NULL;
}

static void set_cell(json_t *root, const char *tid, const char *side, const char *key,
		     const char *col, const char *v)
{
	json_t *vals = json_object_get(row(root, tid, side, key), "values");

	json_object_set_new(vals, col, v ? json_string(v) : json_null());
}

static void set_str(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, json_string(v));
}

static json_t *section(json_t *root, const char *id)
{
	json_t *ss = json_object_get(root, "sections"), *s;
	size_t i;

	json_array_foreach(ss, i, s)
		if (!strcmp(json_string_value(json_object_get(s, "id")), id))
			return s;
	fail_msg("no section %s", id);
	return NULL;
}

/* Replaces `from` by `to` in a section's text. */
static void edit_text(json_t *root, const char *id, const char *from, const char *to)
{
	json_t *s = section(root, id);
	const char *t = json_string_value(json_object_get(s, "text"));
	const char *p = strstr(t, from);
	char *n;

	assert_non_null(p);
	n = malloc(strlen(t) + strlen(to) + 1);
	memcpy(n, t, (size_t)(p - t));
	strcpy(n + (p - t), to);
	strcat(n, p + strlen(from));
	set_str(s, "text", n);
	free(n);
}

static void remove_table(json_t *root, const char *id)
{
	json_t *ts = json_object_get(root, "tables"), *t;
	size_t i;

	json_array_foreach(ts, i, t)
		if (!strcmp(json_string_value(json_object_get(t, "id")), id)) {
			json_array_remove(ts, i);
			return;
		}
}

/* Checks root; returns how many findings of `rule` at `sev` or above, and
 * the counts of all errors and warnings in *errs. */
static size_t run(json_t *root, const char *rule, ys_severity sev, int64_t tolerance,
		  size_t *errs)
{
	char *text = json_dumps(root, 0);
	ys_disclosure ds;
	ys_findings fs;
	ys_check_opts o = {NULL, 0, tolerance};
	ys_diag d;
	size_t n = 0;

	assert_non_null(text);
	ys_disclosure_init(&ds);
	ys_findings_init(&fs);
	assert_int_equal(ys_disclosure_json_parse(&ds, text, strlen(text), "t.json", &d), YS_OK);
	assert_int_equal(ys_check_disclosure(&ds, ds.year == 2023 ? &cat : NULL,
					     ds.year == 2023 ? &tpl : NULL, "t.json", &o, &fs), YS_OK);
	for (size_t i = 0; i < fs.n; i++)
		if (rule && !strcmp(fs.v[i].rule, rule) && fs.v[i].severity >= sev)
			n++;
	if (errs)
		*errs = fs.nerrors + fs.nwarnings;
	ys_findings_free(&fs);
	ys_disclosure_free(&ds);
	free(text);
	json_decref(root);
	return n;
}

/* Does a finding of rule carry msg_part in its message? */
static int has_msg(json_t *root, const char *rule, const char *msg_part)
{
	char *text = json_dumps(root, 0);
	ys_disclosure ds;
	ys_findings fs;
	ys_check_opts o = {NULL, 0, 0};
	ys_diag d;
	int found = 0;

	assert_non_null(text);
	ys_disclosure_init(&ds);
	ys_findings_init(&fs);
	assert_int_equal(ys_disclosure_json_parse(&ds, text, strlen(text), "t.json", &d), YS_OK);
	assert_int_equal(ys_check_disclosure(&ds, &cat, &tpl, "t.json", &o, &fs), YS_OK);
	for (size_t i = 0; i < fs.n; i++)
		if (!strcmp(fs.v[i].rule, rule) && strstr(fs.v[i].msg, msg_part))
			found = 1;
	ys_findings_free(&fs);
	ys_disclosure_free(&ds);
	free(text);
	json_decref(root);
	return found;
}

/* A derived finding names both cells by the template's titles and labels. */
static void test_derived_names_both_cells(void **state)
{
	json_t *j;

	(void)state;
	j = golden();
	set_cell(j, "T6", NULL, "合计", "total", "205.71");
	assert_true(has_msg(j, "YS-X001", "部门预算一般公共预算财政拨款基本支出表 合计/合计 ≠ "
			    "部门预算一般公共预算财政拨款支出表 合计/基本支出"));
	j = golden();
	set_cell(j, "T3", NULL, "20129", "project", "346.49");
	assert_true(has_msg(j, "YS-T003", "部门预算支出总表 20129 群众团体事务/合计 不等于本行"));
	/* A 公用经费 code in the 人员经费 column is empty by construction. */
	j = golden();
	set_cell(j, "T6", NULL, "30201", "personnel", "1.00");
	assert_true(has_msg(j, "YS-T004", "30201 办公费/人员经费 按模板的口径不可能有数"));
	/* A heading row published with a value. */
	j = golden();
	set_cell(j, "T9", NULL, "vehicle", "gpb", "0.10");
	assert_true(has_msg(j, "YS-T004", "标题行"));
}

static void test_reference_is_clean(void **state)
{
	size_t errs = 99;

	(void)state;
	run(golden(), NULL, YS_SEV_INFO, 0, &errs);
	assert_int_equal(errs, 0);
}

/* Every rule must be silent on the reference. */
static void test_each_rule_silent_on_reference(void **state)
{
	(void)state;
	for (size_t i = 0; ys_rule_at(i); i++)
		assert_int_equal(run(golden(), ys_rule_at(i)->id, YS_SEV_WARNING, 0, NULL), 0);
}

#define FAILS(rule, sev, edit)                                          \
	do {                                                            \
		json_t *j = golden();                                   \
		edit;                                                   \
		if (run(j, rule, sev, 0, NULL) < 1)                     \
			fail_msg("%s did not fire", rule);              \
	} while (0)

static void test_within_table(void **state)
{
	(void)state;
	FAILS("YS-T001", YS_SEV_ERROR, set_cell(j, "T3", NULL, "20129", "project", "346.49"));
	FAILS("YS-T002", YS_SEV_ERROR, set_cell(j, "T5", NULL, "合计", "project", "346.50"));
	FAILS("YS-T003", YS_SEV_ERROR, set_cell(j, "T6", NULL, "30201", "total", "2.55"));
	FAILS("YS-T004", YS_SEV_ERROR, {
		set_cell(j, "T6", NULL, "30201", "personnel", "2.54");
		set_cell(j, "T6", NULL, "30201", "public", NULL);
	});
	FAILS("YS-T005", YS_SEV_ERROR, set_cell(j, "T1", "income", "income_total", "amount", "552.19"));
	FAILS("YS-T006", YS_SEV_ERROR, {
		set_cell(j, "T1", "expense", "expense_grand", "amount", "552.28");
		set_cell(j, "T1", "expense", "year_end", "amount", "0.10");
	});
	FAILS("YS-T007", YS_SEV_ERROR, set_cell(j, "T2", NULL, "20805", "total", "0.00"));
	FAILS("YS-T008", YS_SEV_ERROR, {
		json_t *rows = json_object_get(table(j, "T6"), "rows");
		json_t *dup = json_deep_copy(row(j, "T6", NULL, "30201"));

		json_object_set_new(json_object_get(dup, "values"), "total", json_string("9.99"));
		json_array_insert_new(rows, 13, dup);
	});
	FAILS("YS-T009", YS_SEV_ERROR, set_cell(j, "T9", NULL, "subtotal", "gpb", "0.17"));
}

static void test_heading_rows_are_not_parents(void **state)
{
	(void)state;
	/* T9's 公务用车购置及运维费 is a heading published blank: no T007/T009. */
	assert_int_equal(run(golden(), "YS-T009", YS_SEV_WARNING, 0, NULL), 0);
	assert_int_equal(run(golden(), "YS-T007", YS_SEV_WARNING, 0, NULL), 0);
}

static void test_tolerance_grades_gaps(void **state)
{
	json_t *j;

	(void)state;
	j = golden();
	set_cell(j, "T3", NULL, "20129", "project", "346.49");
	assert_int_equal(run(j, "YS-T001", YS_SEV_ERROR, 1, NULL), 0);
	j = golden();
	set_cell(j, "T3", NULL, "20129", "project", "346.49");
	/* 20129 and its parent 201 are both 0.01 off. */
	assert_int_equal(run(j, "YS-T001", YS_SEV_WARNING, 1, NULL), 2);
	j = golden();
	set_cell(j, "T3", NULL, "20129", "project", "346.58");
	assert_int_equal(run(j, "YS-T001", YS_SEV_ERROR, 1, NULL), 2);
}

static void test_across_tables(void **state)
{
	(void)state;
	/* Equal sets in two tables (YS-X001). */
	FAILS("YS-X001", YS_SEV_ERROR, set_cell(j, "T1", "income", "gpb", "amount", "552.17"));
	FAILS("YS-X001", YS_SEV_ERROR, set_cell(j, "T1", "expense", "208", "amount", "9.31"));
	FAILS("YS-X001", YS_SEV_ERROR, set_cell(j, "T3", NULL, "合计", "total", "552.19"));
	FAILS("YS-X001", YS_SEV_ERROR, set_cell(j, "T4", "expense", "210", "gpb", "6.00"));
	FAILS("YS-X001", YS_SEV_ERROR, set_cell(j, "T6", NULL, "合计", "total", "205.71"));
	FAILS("YS-X001", YS_SEV_ERROR, set_cell(j, "T4", "income", "gf", "amount", "1.00"));
	FAILS("YS-X001", YS_SEV_ERROR, set_cell(j, "T4", "income", "income_total", "amount", "552.00"));
	/* T5 includes money carried over; T4's income row is this year's
	 * only, its carry-over is in 年初财政拨款结转和结余: T5 合计 is their
	 * sum (YS-X002). */
	FAILS("YS-X002", YS_SEV_ERROR, set_cell(j, "T4", "income", "gpb", "amount", "552.00"));
	FAILS("YS-X002", YS_SEV_ERROR, set_cell(j, "T4", "income", "carryover_gpb", "amount", "10.00"));
	{
		json_t *k = golden();

		set_cell(k, "T4", "income", "gpb", "amount", "542.18");
		set_cell(k, "T4", "income", "carryover_gpb", "amount", "10.00");
		assert_int_equal(run(k, "YS-X002", YS_SEV_WARNING, 0, NULL), 0);
	}
	/* T6's 30231 (basic only) lies inside T9's 公务用车运行维护费 (basic
	 * and project): not larger (YS-X008); T9 larger is no finding. */
	FAILS("YS-X008", YS_SEV_ERROR, {
		set_cell(j, "T9", NULL, "vehicle_operation", "gpb", "0.10");
		set_cell(j, "T9", NULL, "vehicle_operation", "total", "0.10");
	});
	{
		json_t *k = golden();

		set_cell(k, "T9", NULL, "vehicle_operation", "gpb", "0.20");
		assert_int_equal(run(k, "YS-X008", YS_SEV_WARNING, 0, NULL), 0);
	}
}

static void test_catalog(void **state)
{
	json_t *k;

	(void)state;
	FAILS("YS-C001", YS_SEV_ERROR, set_str(row(j, "T6", NULL, "30299"), "code", "30298"));
	FAILS("YS-C002", YS_SEV_ERROR, set_str(row(j, "T5", NULL, "2012901"), "name", "行政运行费"));
	FAILS("YS-C003", YS_SEV_ERROR, {
		json_t *rows = json_object_get(table(j, "T2"), "rows");

		json_array_remove(rows, 14);	/* 2210201 */
	});
	FAILS("YS-C004", YS_SEV_ERROR, {
		json_t *rows = json_object_get(table(j, "T3"), "rows");

		json_array_remove(rows, 13);	/* 22102 */
	});
	k = golden();
	json_object_set_new(k, "year", json_integer(1999));
	assert_int_equal(run(k, "YS-C000", YS_SEV_INFO, 0, NULL), 1);
}

static void test_completeness(void **state)
{
	(void)state;
	FAILS("YS-P001", YS_SEV_ERROR, remove_table(j, "T7"));
	FAILS("YS-P002", YS_SEV_WARNING, {
		json_t *ts = json_object_get(j, "tables");
		json_t *t2 = json_incref(json_array_get(ts, 1));

		json_array_remove(ts, 1);
		json_array_append_new(ts, t2);
	});
	FAILS("YS-P003", YS_SEV_ERROR, json_object_set_new(table(j, "T8"), "note", json_null()));
	FAILS("YS-P004", YS_SEV_WARNING, {
		json_t *ss = json_object_get(j, "sections");

		json_array_remove(ss, json_array_size(ss) - 2);	/* glossary */
	});
	FAILS("YS-P004", YS_SEV_WARNING, {
		edit_text(j, "overview", "较2022年预算增加169万元", "增加169万元");
		edit_text(j, "overview", "比上年增减情况", "增减情况");
		edit_text(j, "overview", "2022年预算（万元）", "上一预算（万元）");
	});
	FAILS("YS-P005", YS_SEV_ERROR, set_str(table(j, "T3"), "unit_name", "平乡县妇联"));
	FAILS("YS-P006", YS_SEV_ERROR, {
		json_t *cols = json_object_get(table(j, "T5"), "columns");

		json_array_remove(cols, 2);
	});
	FAILS("YS-P007", YS_SEV_INFO, json_object_set_new(table(j, "T9"), "id", json_null()));
}

static void test_hygiene(void **state)
{
	(void)state;
	FAILS("YS-H001", YS_SEV_ERROR, set_cell(j, "T6", NULL, "30305", "total", "-0.40"));
	FAILS("YS-H002", YS_SEV_WARNING, set_cell(j, "T6", NULL, "30305", "total", "4000000.00"));
	FAILS("YS-H003", YS_SEV_ERROR, edit_text(j, "overview", "主要原因", "项目支出占120.5%，主要原因"));
	FAILS("YS-H004", YS_SEV_WARNING, {
		json_t *p = json_array_get(json_object_get(j, "performance"), 0);

		set_str(json_array_get(json_object_get(p, "indicators"), 0), "lv2", "产量指标");
	});
	FAILS("YS-H005", YS_SEV_WARNING, {
		json_t *p = json_array_get(json_object_get(j, "performance"), 0);

		set_str(json_array_get(json_object_get(p, "indicators"), 3), "value", "400万元");
	});
	FAILS("YS-H006", YS_SEV_ERROR, edit_text(j, "operating_cost", "6万元", "XX万元"));
	FAILS("YS-H007", YS_SEV_WARNING, set_str(section(j, "overview"), "title", "2019年部门预算安排的总体情况"));
}

static void test_narrative(void **state)
{
	(void)state;
	FAILS("YS-N001", YS_SEV_ERROR, edit_text(j, "overview", "基本支出206万元", "基本支出205万元"));
	FAILS("YS-N001", YS_SEV_ERROR, edit_text(j, "operating_cost", "安排6万元", "安排7万元"));
	FAILS("YS-N001", YS_SEV_ERROR, edit_text(j, "three_public", "安排0.16万元", "安排0.15万元"));
	FAILS("YS-N002", YS_SEV_ERROR, edit_text(j, "overview", "项目支出增加93万元", "项目支出增加95万元"));
	FAILS("YS-N005", YS_SEV_ERROR, edit_text(j, "overview", "| 129.70 | 205.70 | 76.00 |", "| 129.70 | 205.70 | 75.00 |"));
	FAILS("YS-N001", YS_SEV_ERROR, edit_text(j, "overview", "| 253.48 | 346.48 | 93.00 |", "| 253.48 | 346.49 | 93.01 |"));
	FAILS("YS-N003", YS_SEV_ERROR, edit_text(j, "overview", "项目支出346万元，", "项目支出346万元，占支出总额的19.62%，"));
	FAILS("YS-N004", YS_SEV_ERROR, edit_text(j, "overview", "增加169万元，", "增加169万元，增长30.62%，"));
	FAILS("YS-N004", YS_SEV_ERROR, edit_text(j, "overview", "增加169万元，", "增加169万元，下降44.13%，"));
	FAILS("YS-N004", YS_SEV_ERROR, edit_text(j, "overview", "增加169万元", "增加-169万元"));
	FAILS("YS-N003", YS_SEV_WARNING, edit_text(j, "overview", "项目支出346万元，", "项目支出346万元，占支出总额的62.74%，"));
}

/* 人员经费 and 公用经费 in 支出说明 cover every fund source; T6 holds the
 * 一般公共预算 basic expenditure only. They are compared only when all basic
 * expenditure is 一般公共预算 (T3's basic total equals T6's total). */
static void test_personnel_public_scope(void **state)
{
	(void)state;
	/* The reference: all basic is 一般公共预算, so a wrong figure is an error. */
	FAILS("YS-N001", YS_SEV_ERROR, edit_text(j, "overview", "人员经费200万元", "人员经费199万元"));
	FAILS("YS-N001", YS_SEV_ERROR, edit_text(j, "overview", "日常公用经费6万元", "日常公用经费7万元"));
	{
		/* Basic expenditure from other funds too (T3 basic 305.70, T6
		 * 205.70): the all-funds figures are not T6's. */
		json_t *k = golden();

		set_cell(k, "T3", NULL, "合计", "basic", "305.70");
		edit_text(k, "overview", "| 基本支出 | 129.70 | 205.70 | 76.00 |",
			  "| 基本支出 | 129.70 | 305.70 | 176.00 |");
		edit_text(k, "overview", "人员经费200万元和日常公用经费6万元",
			  "人员经费290万元和日常公用经费16万元");
		assert_int_equal(run(k, "YS-N001", YS_SEV_WARNING, 0, NULL), 0);
	}
}

/* YS-N002 reads the whole before 其中 from its first digit: not the
 * decimals of a number with four or more integer digits, nor the tail of a
 * number the 40-byte window starts inside. */
static void test_sum_reads_whole_number(void **state)
{
	static const char *const from =
		"公务用车购置及运维费0.16万元（其中：公务用车购置费0万元，公务用车运行维护费0.16万元)";
	json_t *k;

	(void)state;
	k = golden();
	edit_text(k, "three_public", from,
		  "公务用车购置及运维费5694.39万元（其中：公务用车购置费2142.98万元，公务用车运行维护费3551.41万元)");
	assert_int_equal(run(k, "YS-N002", YS_SEV_WARNING, 0, NULL), 0);
	FAILS("YS-N002", YS_SEV_ERROR, edit_text(j, "three_public", from,
		  "公务用车购置及运维费5694.39万元（其中：公务用车购置费2142.98万元，公务用车运行维护费3651.41万元)"));
	k = golden();
	set_str(section(k, "other"), "text",
		"合计1,234,567,890.12万元，分为以下两部分，其中：甲1,000,000,000.00万元，乙234,567,890.12万元。");
	assert_int_equal(run(k, "YS-N002", YS_SEV_WARNING, 0, NULL), 0);
	/* A change whose parts go both ways: +262 − 93 = +169. */
	k = golden();
	edit_text(k, "overview", "基本支出增加76万元，项目支出增加93万元",
		  "基本支出增加262万元，项目支出减少93万元");
	assert_int_equal(run(k, "YS-N002", YS_SEV_WARNING, 0, NULL), 0);
	FAILS("YS-N002", YS_SEV_ERROR, edit_text(j, "overview", "基本支出增加76万元，项目支出增加93万元",
						 "基本支出增加272万元，项目支出减少93万元"));
}

/* Correct statements in the reference's own style raise nothing. */
static void test_narrative_passes(void **state)
{
	json_t *j;
	size_t errs = 99;

	(void)state;
	j = golden();
	edit_text(j, "overview", "项目支出346万元，", "项目支出346万元，占支出总额的62.75%，");
	edit_text(j, "operating_cost", "安排6万元", "安排5.90万元");
	edit_text(j, "overview", "增加169万元，", "增加169万元，增长44.13%，");
	edit_text(j, "three_public", "安排0.16万元", "安排1600元");
	run(j, NULL, YS_SEV_INFO, 0, &errs);
	assert_int_equal(errs, 0);
	/* A figure of another year is not compared. */
	j = golden();
	edit_text(j, "overview", "3、比上年增减情况", "3、比上年增减情况\n2022年基本支出130万元。");
	run(j, NULL, YS_SEV_INFO, 0, &errs);
	assert_int_equal(errs, 0);
}

/* Adds an unrecognised table (id null) with its cells, as `parse` keeps
 * the 政府采购 and 固定资产 tables. */
static void add_aux_table(json_t *root, const char *title, const char *cells_json)
{
	json_error_t e;
	json_t *cells = json_loads(cells_json, 0, &e), *t = json_object();

	assert_non_null(cells);
	json_object_set_new(t, "id", json_null());
	set_str(t, "title", title);
	json_object_set_new(t, "columns", json_array());
	json_object_set_new(t, "rows", json_array());
	json_object_set_new(t, "cells", cells);
	json_array_append_new(json_object_get(root, "tables"), t);
}

/* A procurement table split by fund under 政府采购金额 (its 合计 column is
 * the total), a 栏次 row, one item and a 合计 row; amounts in 元. */
#define PROC_CELLS_YUAN                                                                        \
	"[[\"711平乡县总工会\", \"单位：元\", null, null, null, null, null, null],"           \
	" [\"项目名称\", \"采购物品名称\", \"政府采购目录序号\", \"计量单位\", \"数量\", \"单价\"," \
	"  \"政府采购金额\", null],"                                                          \
	" [\"\", \"\", \"\", \"\", \"\", \"\", \"合计\", \"一般公共预算拨款\"],"                     \
	" [\"栏次\", \"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\"],"                                     \
	" [\"工会经费项目\", \"台式计算机\", \"A02010104\", \"台\", \"2\", \"5,000.00\", \"10,000.00\", \"10,000.00\"]," \
	" [\"合计\", \"\", \"\", \"\", \"\", \"\", \"10,000.00\", \"10,000.00\"]]"

#define PROC_ROW "| 工会经费项目 | 台式计算机 | A02010104 | 台 | 2 | 0.50 | 1.00 | 一般公共预算 |"

static void add_proc_row(json_t *j)
{
	edit_text(j, "procurement", "| 资金来源 |", "| 资金来源 |\n" PROC_ROW);
}

static void test_procurement_and_assets(void **state)
{
	(void)state;
	/* A table in the section text (as rendered): 1.00 against the text's 0.00. */
	FAILS("YS-N006", YS_SEV_ERROR, add_proc_row(j));
	/* A blank table against a stated amount: a warning. */
	FAILS("YS-N006", YS_SEV_WARNING, edit_text(j, "procurement", "预算0.00万元", "预算5.00万元"));
	/* A parsed table (cells), in 元, split by fund: 1.00 万元 against 0.00. */
	FAILS("YS-N006", YS_SEV_ERROR, add_aux_table(j, "部门政府采购预算", PROC_CELLS_YUAN));
	FAILS("YS-N007", YS_SEV_ERROR, edit_text(j, "assets", "| 资产总额 |  | 0.00 |", "| 资产总额 |  | 120.00 |"));
	FAILS("YS-N007", YS_SEV_ERROR, {
		add_aux_table(j, "部门固定资产占用情况表",
			      "[[\"项   目\", \"数量\", \"价值（金额单位：万元）\"],"
			      " [\"资产总额\", \"\", \"35.10\"], [\"1、房屋（平方米）\", \"\", \"\"]]");
	});
}

static void test_procurement_and_assets_pass(void **state)
{
	json_t *j;
	size_t errs = 99;

	(void)state;
	j = golden();
	add_proc_row(j);
	edit_text(j, "procurement", "预算0.00万元", "预算1万元");
	edit_text(j, "assets", "| 资产总额 |  | 0.00 |", "| 资产总额 |  | 120.00 |");
	edit_text(j, "assets", "固定资产金额为0.00万元", "固定资产金额为120万元");
	run(j, NULL, YS_SEV_INFO, 0, &errs);
	assert_int_equal(errs, 0);
	/* The parsed form: 10,000.00 元 is 1.00 万元; 拟购置固定资产总额 is
	 * not the asset total. */
	j = golden();
	add_aux_table(j, "部门政府采购预算", PROC_CELLS_YUAN);
	add_aux_table(j, "部门固定资产占用情况表",
		      "[[\"项   目\", \"数量\", \"价值（金额单位：万元）\"],"
		      " [\"资产总额\", \"\", \"35.10\"], [\"1、房屋（平方米）\", \"\", \"\"]]");
	edit_text(j, "procurement", "预算0.00万元", "预算1.00万元");
	edit_text(j, "assets", "固定资产金额为0.00万元", "固定资产金额为35.1万元");
	run(j, NULL, YS_SEV_INFO, 0, &errs);
	assert_int_equal(errs, 0);
}

static void test_shares_and_repeated_figures(void **state)
{
	json_t *k;
	size_t errs = 99;

	(void)state;
	/* Two shares of one whole in one sentence adding to 110%. */
	FAILS("YS-H003", YS_SEV_ERROR,
	      edit_text(j, "overview", "主要原因", "基本支出占支出的37.3%，项目支出占支出的72.7%。主要原因"));
	/* 基本支出 206万元 in §overview, 211万元 in §other. */
	FAILS("YS-N008", YS_SEV_ERROR,
	      edit_text(j, "other", "我部门无其他需要说明的事项。", "本年基本支出211万元。"));
	/* Shares of two wholes (支出, 基本支出) and rounded shares adding to
	 * 100.1% pass; so does the same figure at another precision. */
	k = golden();
	edit_text(k, "overview", "主要原因",
		  "基本支出占支出的37.3%，项目支出占支出的62.8%，人员经费占基本支出的97.1%，"
		  "公用经费占基本支出的2.9%。主要原因");
	edit_text(k, "other", "我部门无其他需要说明的事项。", "本年基本支出205.70万元。");
	run(k, NULL, YS_SEV_INFO, 0, &errs);
	assert_int_equal(errs, 0);
	/* Each share is fine alone, but they are not of the same whole after 其中. */
	k = golden();
	edit_text(k, "overview", "主要原因",
		  "基本支出占支出的37.3%，其中人员经费占97.1%，公用经费占2.9%。主要原因");
	run(k, NULL, YS_SEV_INFO, 0, &errs);
	assert_int_equal(errs, 0);
}

static void test_json_reader_errors(void **state)
{
	ys_disclosure ds;
	ys_diag d;
	const char *bad = "{\"schema\": \"yusuan/disclosure@1\",\n \"tables\": [}";
	const char *money = "{\"schema\": \"yusuan/disclosure@1\", \"tables\": [{\"id\": \"T5\","
			    " \"columns\": [{\"key\": \"total\"}], \"rows\": [{\"values\": {\"total\": \"1.234\"}}]}]}";
	const char *num = "{\"schema\": \"yusuan/disclosure@1\", \"tables\": [{\"id\": \"T5\","
			  " \"columns\": [{\"key\": \"total\"}], \"rows\": [{\"values\": {\"total\": 1.5}}]}]}";

	(void)state;
	ys_disclosure_init(&ds);
	assert_int_equal(ys_disclosure_json_parse(&ds, bad, strlen(bad), "b.json", &d), YS_EINPUT);
	assert_int_equal(d.line, 2);
	assert_true(d.column > 0);
	ys_disclosure_free(&ds);
	ys_disclosure_init(&ds);
	assert_int_equal(ys_disclosure_json_parse(&ds, money, strlen(money), "m.json", &d), YS_EINPUT);
	assert_non_null(strstr(d.msg, "1.234"));
	ys_disclosure_free(&ds);
	ys_disclosure_init(&ds);
	assert_int_equal(ys_disclosure_json_parse(&ds, num, strlen(num), "n.json", &d), YS_EINPUT);
	assert_non_null(strstr(d.msg, "字符串"));
	ys_disclosure_free(&ds);
	/* The cells of an unrecognised table: strings or null only. */
	{
		const char *cells = "{\"schema\": \"yusuan/disclosure@1\", \"tables\": [{\"id\": null,"
				    " \"title\": \"政府采购\", \"cells\": [[\"合计\", 1.5]]}]}";
		const char *good = "{\"schema\": \"yusuan/disclosure@1\", \"tables\": [{\"id\": null,"
				   " \"title\": \"政府采购\", \"cells\": [[\"合计\"], [null, \"1.50\"]]}]}";

		ys_disclosure_init(&ds);
		assert_int_equal(ys_disclosure_json_parse(&ds, cells, strlen(cells), "c.json", &d), YS_EINPUT);
		assert_non_null(strstr(d.msg, "cells[0][1]"));
		ys_disclosure_free(&ds);
		ys_disclosure_init(&ds);
		assert_int_equal(ys_disclosure_json_parse(&ds, good, strlen(good), "g.json", &d), YS_OK);
		assert_int_equal(ds.tables[0].ncell_rows, 2);
		assert_int_equal(ds.tables[0].ncell_cols, 2);
		assert_null(ds.tables[0].cells[0][1]);
		assert_string_equal(ds.tables[0].cells[1][1], "1.50");
		ys_disclosure_free(&ds);
	}
	assert_true(ys_disclosure_json_sniff(money, strlen(money)));
	assert_false(ys_disclosure_json_sniff("unit:\n", 6));
}

static void test_rules_table(void **state)
{
	(void)state;
	for (size_t i = 0; ys_rule_at(i); i++) {
		const ys_rule *r = ys_rule_at(i);

		assert_int_equal(strlen(r->id), 7);
		assert_ptr_equal(ys_rule_find(r->id), r);
		if (ys_rule_at(i + 1))
			assert_true(strcmp(r->id, ys_rule_at(i + 1)->id) < 0);
	}
	assert_null(ys_rule_find("YS-Z999"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_table),
		cmocka_unit_test(test_json_reader_errors),
		cmocka_unit_test(test_reference_is_clean),
		cmocka_unit_test(test_each_rule_silent_on_reference),
		cmocka_unit_test(test_within_table),
		cmocka_unit_test(test_heading_rows_are_not_parents),
		cmocka_unit_test(test_tolerance_grades_gaps),
		cmocka_unit_test(test_across_tables),
		cmocka_unit_test(test_derived_names_both_cells),
		cmocka_unit_test(test_catalog),
		cmocka_unit_test(test_completeness),
		cmocka_unit_test(test_hygiene),
		cmocka_unit_test(test_narrative),
		cmocka_unit_test(test_narrative_passes),
		cmocka_unit_test(test_personnel_public_scope),
		cmocka_unit_test(test_sum_reads_whole_number),
		cmocka_unit_test(test_procurement_and_assets),
		cmocka_unit_test(test_procurement_and_assets_pass),
		cmocka_unit_test(test_shares_and_repeated_figures),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
