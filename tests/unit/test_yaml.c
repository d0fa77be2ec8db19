/*
 * test_yaml.c - libyaml problems reworded in Chinese, and the warnings for
 * values YAML would cut or convert silently (comma in {…} or […], dates,
 * leading zeros, YAML 1.1 booleans), with their places.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/yaml.h"

static void test_explain_known_problem(void **state)
{
	char m[512];

	(void)state;
	ys_yaml_explain("did not find expected ',' or '}'", "while parsing a flow mapping",
			m, sizeof m);
	assert_non_null(strstr(m, "在 {…} 中"));
	assert_non_null(strstr(m, "右花括号"));
	assert_null(strstr(m, "did not find"));
	ys_yaml_explain("mapping values are not allowed in this context", NULL, m, sizeof m);
	assert_non_null(strstr(m, "加引号"));
}

static void test_explain_unknown_problem_keeps_words(void **state)
{
	char m[512];

	(void)state;
	ys_yaml_explain("some new problem", NULL, m, sizeof m);
	assert_non_null(strstr(m, "YAML 格式错误"));
	assert_non_null(strstr(m, "some new problem"));
}

static void test_load_error_is_chinese_with_place(void **state)
{
	static const char text[] = "a: {b: 1\nc: 2\n";
	ys_yaml y;
	ys_diag d;

	(void)state;
	assert_int_equal(ys_yaml_load(&y, "x.yaml", text, strlen(text), &d), YS_EINPUT);
	assert_string_equal(d.file, "x.yaml");
	assert_true(d.line >= 1 && d.column >= 1);
	assert_non_null(strstr(d.msg, "YAML 格式错误"));
	assert_null(strstr(d.msg, "expected"));
}

static void test_lint_finds_each_kind(void **state)
{
	static const char text[] =
		"a: {desc: 按标准验收, 合格率100%, v: 1}\n"
		"b: [按照年初预算安排的支出计划, 按时间进度及时合理使用资金]\n"
		"c: 2023-01-01\n"
		"d: 010\n"
		"e: yes\n"
		"as_of: 2022-12-31\n"
		"f: \"010\"\n"
		"g: [产出指标, 效益指标]\n";
	static const char *const date_keys[] = {"as_of", NULL};
	ys_yaml y;
	ys_diag d;

	(void)state;
	assert_int_equal(ys_yaml_load(&y, "x.yaml", text, strlen(text), &d), YS_OK);
	ys_yaml_lint(&y, text, strlen(text), date_keys);
	assert_int_equal(y.nwarn, 5);
	assert_non_null(strstr(y.warn[0].msg, "合格率100%"));
	assert_int_equal(y.warn[0].line, 1);
	assert_non_null(strstr(y.warn[1].msg, "[…]"));
	assert_int_equal(y.warn[1].line, 2);
	assert_non_null(strstr(y.warn[2].msg, "日期"));
	assert_non_null(strstr(y.warn[3].msg, "八进制"));
	assert_non_null(strstr(y.warn[4].msg, "布尔"));
	assert_int_equal(y.warn[4].line, 5);
	ys_yaml_free(&y);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_explain_known_problem),
		cmocka_unit_test(test_explain_unknown_problem_keeps_words),
		cmocka_unit_test(test_load_error_is_chinese_with_place),
		cmocka_unit_test(test_lint_finds_each_kind),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
