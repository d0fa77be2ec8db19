/*
 * test_template.c - template loading: the key tables that reject typos,
 * wrong types, invalid values, missing keys and dangling references with
 * the file and line, and each format-2 feature read into ys_template.
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

#include "template/query.h"
#include "template/template.h"
#include "template/figures.h"

static const char *datadir(void)
{
	const char *d = getenv("YUSUAN_DATA");

	return d ? d : "data";
}

static ys_catalog cat;

static int setup(void **state)
{
	ys_diag d;

	(void)state;
	return ys_catalog_load(&cat, datadir(), 2023, &d) == YS_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	ys_catalog_free(&cat);
	return 0;
}

/* A one-table template around the given table body (indented two spaces,
 * under "- id: X"), with extra top-level lines before `tables:`. */
static const char *write_tpl(const char *top, const char *table)
{
	static char path[64];
	FILE *f;

	snprintf(path, sizeof path, "/tmp/ys-test-template-%d.yaml", (int)getpid());
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "%sid: t\n%stables:\n- id: X\n  title: 测试表\n%s",
		strstr(top, "format:") ? "" : "format: 2\n", top, table);
	fclose(f);
	return path;
}

static const char *simple_cols =
	"  columns:\n  - {key: total, label: 合计}\n  - {key: basic, label: 基本支出, filter: {type: [basic]}}\n";

static ys_status load(const char *path, ys_template *t, ys_diag *d)
{
	memset(d, 0, sizeof *d);
	return ys_template_load(t, datadir(), path, &cat, d);
}

static void expect_error(const char *top, const char *table, long line, const char *msg)
{
	ys_template t;
	ys_diag d;
	const char *path = write_tpl(top, table);

	assert_int_equal(load(path, &t, &d), YS_EINPUT);
	if (!strstr(d.msg, msg))
		print_error("message: %s\n", d.msg);
	assert_non_null(strstr(d.msg, msg));
	assert_int_equal(d.line, line);
	assert_string_equal(d.file, path);
	unlink(path);
}

static void test_reference_loads(void **state)
{
	ys_template t;
	ys_diag d;

	(void)state;
	assert_int_equal(ys_template_load(&t, datadir(), "hebei-2023", &cat, &d), YS_OK);
	assert_int_equal(t.ntables, 9);
	assert_int_equal(t.format, 2);
	assert_string_equal(t.kind, "budget");
	assert_int_equal(t.fen_per_display, 10000);
	assert_true(t.tables[0].seq);
	ys_template_free(&t);
}

/* jiangsu-2018: its narrative has no 国有资产 part and requires its 三公
 * part (check asks for the parts a template marks required), and 支出预算
 * 总表's 合计 is the disjoint union of 基本支出, 项目支出 and 单位预留机动
 * 经费: the types the template's universe names, whatever else types.csv
 * holds. */
static void test_jiangsu(void **state)
{
	ys_template t;
	ys_diag d;
	ys_qspace qs;
	ys_query whole, q[4];
	const ys_query *parts[3] = {&q[0], &q[1], &q[2]};
	const ys_ttable *j03;
	int has_assets = 0, has_three_public = 0;

	(void)state;
	assert_int_equal(ys_template_load(&t, datadir(), "jiangsu-2018", &cat, &d), YS_OK);
	assert_int_equal(t.ntables, 11);
	assert_string_equal(t.tables[0].number, "公开01表");
	assert_non_null(t.figures);
	for (size_t i = 0; i < t.figures->nsections; i++) {
		has_assets |= !strcmp(t.figures->sections[i].id, "assets");
		has_three_public |= !strcmp(t.figures->sections[i].id, "three_public") &&
				    t.figures->sections[i].required;
	}
	assert_false(has_assets);
	assert_true(has_three_public);
	j03 = ys_template_table(&t, "J03");
	assert_non_null(j03);
	assert_int_equal(j03->ncols, 5);
	ys_qspace_init(&qs, &t, &cat);
	ys_query_all(&whole, &qs);
	for (int i = 0; i < 3; i++) {
		ys_query_all(&q[i], &qs);
		ys_query_and_filter(&q[i], &j03->cols[i + 1].filter, &qs);
	}
	assert_true(ys_query_union_of(&whole, parts, 3, &qs));
	/* Without 单位预留机动经费 the parts no longer cover the whole. */
	assert_false(ys_query_union_of(&whole, parts, 2, &qs));
	ys_template_free(&t);
}

static void test_unknown_keys(void **state)
{
	(void)state;
	/* in a table, with the table named and the allowed keys listed */
	expect_error("", "  colums: []\n", 6, "未知的键“colums”（表 X）；可用的键：id、title");
	expect_error("", "  emtpy_note: 无\n  columns: [{key: a, label: A}]\n", 6, "未知的键“emtpy_note”");
	/* at the top, in a column, in a filter, in a header cell */
	expect_error("colour: red\n", simple_cols, 3, "未知的键“colour”；可用的键：format");
	expect_error("", "  columns:\n  - {key: a, label: A, filtr: {}}\n", 7, "未知的键“filtr”（表 X）");
	expect_error("", "  columns:\n  - {key: a, label: A, filter: {fnd: [gpb]}}\n", 7, "未知的键“fnd”");
	expect_error("", "  columns: [{key: a, label: A}]\n  header:\n  - [{text: 序号, colspn: 2}]\n", 8,
		     "未知的键“colspn”");
}

static void test_wrong_types(void **state)
{
	(void)state;
	expect_error("decimals: two\n", simple_cols, 3, "键“decimals”应为整数，而不是“two”");
	expect_error("", "  seq: maybe\n  columns: [{key: a, label: A}]\n", 6, "键“seq”应为true 或 false");
	expect_error("", "  columns: {key: a}\n", 6, "columns 应为列表");
	expect_error("", "  aliases: 别名\n  columns: [{key: a, label: A}]\n", 6, "键“aliases”应为文本列表");
}

static void test_bad_choices(void **state)
{
	(void)state;
	expect_error("kind: 决算表\n", simple_cols, 3, "键“kind”的值“决算表”无效；可用的值：budget、final、预算、决算");
	expect_error("money_unit: 千元\n", simple_cols, 3, "键“money_unit”的值“千元”无效；可用的值：元、万元、亿元");
	expect_error("", "  rows: final\n  columns: [{key: a, label: A}]\n", 6, "键“rows”的值“final”无效");
	expect_error("", "  columns: [{key: a, label: A, measure: actual}]\n", 6, "键“measure”的值“actual”无效");
	expect_error("format: 3\n", simple_cols, 2, "不支持的模板格式“3”");
}

static void test_missing_and_dangling(void **state)
{
	(void)state;
	expect_error("", "  rows: func\n", 4, "表格缺少键“columns”（表 X）");
	expect_error("", "  columns: [{key: a}]\n", 6, "列缺少键“label”（表 X）");
	expect_error("", "  columns: [{key: a, label: A, filter: {fund: [gbp]}}]\n", 6,
		     "资金来源“gbp”不在 data/catalog/funds.csv 中");
	expect_error("", "  columns:\n  - {key: a, label: A}\n  - {key: d, label: D, derive: {op: diff, of: [a, b]}}\n",
		     8, "派生列“d”引用的列“b”不存在（表 X）");
	expect_error("", "  columns: [{key: a, label: A}, {key: a, label: B}]\n", 6, "列键“a”重复");
	expect_error("", "  rows: items\n  columns: [{key: a, label: A}]\n", 4, "缺少键“items”");
	expect_error("", "  rows: eco\n  depth: 3\n  columns: [{key: a, label: A}]\n", 7, "depth 应为 1 到 2");
}

static void test_decimals_per_unit(void **state)
{
	ys_template t;
	ys_diag d;
	const char *path;

	(void)state;
	expect_error("money_unit: 元\ndecimals: 3\n", simple_cols, 4, "decimals 应为 0 到 2");
	path = write_tpl("money_unit: 亿元\ndecimals: 4\n", simple_cols);
	assert_int_equal(load(path, &t, &d), YS_OK);
	assert_int_equal(t.fen_per_display, 1000000);
	ys_template_free(&t);
	path = write_tpl("money_unit: 元\ndecimals: 0\nkind: 决算\n", simple_cols);
	assert_int_equal(load(path, &t, &d), YS_OK);
	assert_int_equal(t.fen_per_display, 100);
	assert_string_equal(t.kind, "final");
	ys_template_free(&t);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference_loads),
		cmocka_unit_test(test_jiangsu),
		cmocka_unit_test(test_unknown_keys),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_bad_choices),
		cmocka_unit_test(test_missing_and_dangling),
		cmocka_unit_test(test_decimals_per_unit),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
