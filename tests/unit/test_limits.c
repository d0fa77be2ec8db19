/*
 * test_limits.c - the table of reader bounds: defaults, NAME=VALUE parsing
 * (dashes or underscores, K/M/G suffixes on byte limits, range checks,
 * unknown names), lists from $YUSUAN_LIMITS, and the message of a reader
 * that hits one: it names the limit, its value and how to raise it, and
 * stays valid UTF-8 when the text before it is long.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "base/limits.h"
#include "base/text.h"
#include "base/yaml.h"

static int reset(void **state)
{
	(void)state;
	ys_limits_reset();
	return 0;
}

static void test_defaults(void **state)
{
	const ys_limits *l = ys_limits_get();
	ys_limit_info in;
	size_t n = 0;

	(void)state;
	assert_int_equal(l->sheet_cells, 500000);
	assert_int_equal(l->yaml_depth, 64);
	assert_int_equal(l->zip_inflated_bytes, (size_t)128 << 20);
	for (size_t i = 0; ys_limits_info(i, &in); i++, n++) {
		assert_int_equal(in.value, in.def);
		assert_true(in.meaning[0] != '\0');
	}
	assert_int_equal(n, ys_limits_count());
	/* Every member of ys_limits is in the table. */
	assert_int_equal(n, sizeof(ys_limits) / sizeof(size_t));
}

static void test_set(void **state)
{
	ys_diag d = {0};

	(void)state;
	assert_int_equal(ys_limits_set("sheet-cells=1000", "--limit", &d), YS_OK);
	assert_int_equal(ys_limits_get()->sheet_cells, 1000);
	assert_int_equal(ys_limits_set("yaml_depth=7", "--limit", &d), YS_OK);
	assert_int_equal(ys_limits_get()->yaml_depth, 7);
	assert_int_equal(ys_limits_set("document-bytes=3M", "--limit", &d), YS_OK);
	assert_int_equal(ys_limits_get()->document_bytes, (size_t)3 << 20);
	assert_int_equal(ys_limits_set("document-bytes=2KiB", "--limit", &d), YS_OK);
	assert_int_equal(ys_limits_get()->document_bytes, 2048);
	assert_int_equal(ys_limits_set("zip-inflated-bytes=1G", "--limit", &d), YS_OK);
	assert_int_equal(ys_limits_get()->zip_inflated_bytes, (size_t)1 << 30);

	/* A suffix only on byte limits; no zero, no sign, no junk. */
	assert_int_equal(ys_limits_set("sheet-cells=2K", "--limit", &d), YS_EINPUT);
	assert_non_null(strstr(d.msg, "sheet-cells"));
	assert_int_equal(ys_limits_set("sheet-cells=0", "--limit", &d), YS_EINPUT);
	assert_non_null(strstr(d.msg, "应在 1 到"));
	assert_int_equal(ys_limits_set("sheet-cells=-5", "--limit", &d), YS_EINPUT);
	assert_int_equal(ys_limits_set("sheet-cells=", "--limit", &d), YS_EINPUT);
	assert_int_equal(ys_limits_set("sheet-cells=99999999999999999999999", "--limit", &d),
			 YS_EINPUT);
	assert_int_equal(ys_limits_set("yaml-depth=1000000", "--limit", &d), YS_EINPUT);
	assert_int_equal(ys_limits_set("document-bytes=99999999G", "--limit", &d), YS_EINPUT);
	assert_int_equal(ys_limits_set("sheet-cell=5", "--limit", &d), YS_EINPUT);
	assert_non_null(strstr(d.msg, "没有名为“sheet-cell”的限值"));
	assert_string_equal(d.file, "--limit");
	assert_int_equal(ys_limits_set("sheet-cells", "--limit", &d), YS_EINPUT);
	assert_int_equal(ys_limits_set("=5", "--limit", &d), YS_EINPUT);
	/* A refused value leaves the limit as it was. */
	assert_int_equal(ys_limits_get()->sheet_cells, 1000);

	ys_limits_reset();
	assert_int_equal(ys_limits_get()->sheet_cells, 500000);
}

static void test_list(void **state)
{
	ys_diag d = {0};

	(void)state;
	assert_int_equal(ys_limits_set_list("csv-fields=10, yaml-nodes=99,,json-cells=5",
					    "YUSUAN_LIMITS", &d), YS_OK);
	assert_int_equal(ys_limits_get()->csv_fields, 10);
	assert_int_equal(ys_limits_get()->yaml_nodes, 99);
	assert_int_equal(ys_limits_get()->json_cells, 5);
	assert_int_equal(ys_limits_set_list("csv-fields=11 nope=1", "YUSUAN_LIMITS", &d),
			 YS_EINPUT);
	assert_string_equal(d.file, "YUSUAN_LIMITS");
}

static void test_message(void **state)
{
	ys_diag d = {0};
	char big[600];

	(void)state;
	ys_limits_set("sheet-cells=12", "--limit", &d);
	assert_int_equal(ys_fail_limit(&d, sheet_cells, "a.xlsx", 0, 0, "工作表超过 %d 个单元格", 12),
			 YS_ELIMIT);
	assert_string_equal(d.file, "a.xlsx");
	assert_string_equal(d.msg, "工作表超过 12 个单元格（限值 sheet-cells = 12；"
				   "用 --limit sheet-cells=更大的值 放宽）");

	/* A long message is cut on a character boundary so that the hint fits. */
	memset(big, 0, sizeof big);
	for (size_t i = 0; i + 3 < sizeof big; i += 3)
		memcpy(big + i, "汉", 3);
	ys_fail_limit(&d, yaml_depth, "b.yaml", 1, 1, "%s", big);
	assert_true(strlen(d.msg) < sizeof d.msg);
	assert_int_equal(ys_utf8_invalid_at(d.msg, strlen(d.msg)), -1);
	assert_non_null(strstr(d.msg, "用 --limit yaml-depth=更大的值 放宽）"));
}

/* A reader uses the value in force: YAML nesting of 3 passes by default,
 * fails at yaml-depth=2 naming the limit, and passes again when raised. */
static void test_reader_follows(void **state)
{
	const char *text = "a:\n  b: [1]\n";
	ys_yaml y;
	ys_diag d = {0};

	(void)state;
	assert_int_equal(ys_yaml_load(&y, "t.yaml", text, strlen(text), &d), YS_OK);
	ys_yaml_free(&y);
	ys_limits_set("yaml-depth=2", "--limit", &d);
	assert_int_equal(ys_yaml_load(&y, "t.yaml", text, strlen(text), &d), YS_ELIMIT);
	assert_int_equal(d.line, 2);
	assert_non_null(strstr(d.msg, "嵌套层数超过上限 2"));
	assert_non_null(strstr(d.msg, "--limit yaml-depth="));
	ys_limits_set("yaml-depth=3", "--limit", &d);
	assert_int_equal(ys_yaml_load(&y, "t.yaml", text, strlen(text), &d), YS_OK);
	ys_yaml_free(&y);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_defaults, reset),
		cmocka_unit_test_setup(test_set, reset),
		cmocka_unit_test_setup(test_list, reset),
		cmocka_unit_test_setup(test_message, reset),
		cmocka_unit_test_setup(test_reader_follows, reset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
