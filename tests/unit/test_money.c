/*
 * test_money.c - exact parsing, formatting, rounding and overflow of money.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/money.h"

static int64_t parse(const char *s, int decimals, ys_money_parse_result want)
{
	int64_t v = -12345;
	const char *why;

	assert_int_equal(ys_money_parse(s, decimals, &v, &why), want);
	return v;
}

static void test_parse_plain(void **state)
{
	(void)state;
	assert_int_equal(parse("552.18", 2, YS_MONEY_VALUE), 55218);
	assert_int_equal(parse("552.1", 2, YS_MONEY_VALUE), 55210);
	assert_int_equal(parse("552", 2, YS_MONEY_VALUE), 55200);
	assert_int_equal(parse("0.05", 2, YS_MONEY_VALUE), 5);
	assert_int_equal(parse(".5", 2, YS_MONEY_VALUE), 50);
	assert_int_equal(parse("  9.30 ", 2, YS_MONEY_VALUE), 930);
	assert_int_equal(parse("+7", 2, YS_MONEY_VALUE), 700);
	assert_int_equal(parse("12.3400", 2, YS_MONEY_VALUE), 1234);
	assert_int_equal(parse("3", 0, YS_MONEY_VALUE), 3);
}

static void test_parse_separators_and_fullwidth(void **state)
{
	(void)state;
	assert_int_equal(parse("1,234.5", 2, YS_MONEY_VALUE), 123450);
	assert_int_equal(parse("1,054,709.06", 2, YS_MONEY_VALUE), 105470906);
	assert_int_equal(parse("１２３．４５", 2, YS_MONEY_VALUE), 12345);
	assert_int_equal(parse("1，000", 2, YS_MONEY_VALUE), 100000);
	assert_int_equal(parse("－3.5", 2, YS_MONEY_VALUE), -350);
	assert_int_equal(parse("-0.01", 2, YS_MONEY_VALUE), -1);
	assert_int_equal(parse("\xe3\x80\x80" "8.00\xe3\x80\x80", 2, YS_MONEY_VALUE), 800);
}

static void test_parse_empty(void **state)
{
	(void)state;
	parse("", 2, YS_MONEY_EMPTY);
	parse("   ", 2, YS_MONEY_EMPTY);
	parse("－", 2, YS_MONEY_EMPTY);
	parse("-", 2, YS_MONEY_EMPTY);
	parse("—", 2, YS_MONEY_EMPTY);
}

static void test_parse_bad(void **state)
{
	const char *why = NULL;
	int64_t v;

	(void)state;
	parse("12.345", 2, YS_MONEY_BAD);
	parse("1.2.3", 2, YS_MONEY_BAD);
	parse("12,34", 2, YS_MONEY_BAD);
	parse("1,2345", 2, YS_MONEY_BAD);
	parse(",123", 2, YS_MONEY_BAD);
	parse("12a", 2, YS_MONEY_BAD);
	parse("万元", 2, YS_MONEY_BAD);
	parse("1.", 2, YS_MONEY_VALUE);
	parse("--5", 2, YS_MONEY_BAD);
	assert_int_equal(ys_money_parse("1,2", 2, &v, &why), YS_MONEY_BAD);
	assert_non_null(why);
	assert_string_equal(why, "千分位分隔符位置不对");
}

static void test_parse_overflow(void **state)
{
	(void)state;
	/* INT64_MAX is 9223372036854775807: in fen that is 92233720368547758.07 元. */
	assert_int_equal(parse("92233720368547758.07", 2, YS_MONEY_VALUE), INT64_MAX);
	parse("92233720368547758.08", 2, YS_MONEY_OVERFLOW);
	parse("99999999999999999999", 2, YS_MONEY_OVERFLOW);
	assert_int_equal(parse("-92233720368547758.07", 2, YS_MONEY_VALUE), -INT64_MAX);
}

static void test_format(void **state)
{
	char b[YS_MONEY_FMT_MAX];

	(void)state;
	assert_string_equal(ys_money_format(55218, 2, 0, b), "552.18");
	assert_string_equal(ys_money_format(5, 2, 0, b), "0.05");
	assert_string_equal(ys_money_format(0, 2, 0, b), "0.00");
	assert_string_equal(ys_money_format(-5, 2, 0, b), "-0.05");
	assert_string_equal(ys_money_format(105470906, 2, 1, b), "1,054,709.06");
	assert_string_equal(ys_money_format(100000, 2, 1, b), "1,000.00");
	assert_string_equal(ys_money_format(552, 0, 0, b), "552");
	assert_string_equal(ys_money_format(INT64_MIN, 2, 0, b), "-92233720368547758.08");
	assert_string_equal(ys_money_format(INT64_MAX, 2, 1, b), "92,233,720,368,547,758.07");
}

static void test_round_half_away(void **state)
{
	(void)state;
	/* fen → hundredths of 万元: 1 unit = 10000 fen. */
	assert_int_equal(ys_fen_to_wan_cents(5000), 1);	/* 50.00 元 → 0.01 万元 */
	assert_int_equal(ys_fen_to_wan_cents(4999), 0);
	assert_int_equal(ys_fen_to_wan_cents(-5000), -1);
	assert_int_equal(ys_fen_to_wan_cents(-4999), 0);
	assert_int_equal(ys_fen_to_wan_cents(82000000), 8200);
	assert_int_equal(ys_money_rescale(55218, 2, 0), 552);
	assert_int_equal(ys_money_rescale(55250, 2, 0), 553);
	assert_int_equal(ys_money_rescale(-55250, 2, 0), -553);
	assert_int_equal(ys_money_rescale(55249, 2, 0), 552);
	assert_int_equal(ys_money_rescale(16, 2, 2), 16);
	assert_int_equal(ys_div_round(INT64_MAX, 2), INT64_MAX / 2 + 1);
}

static void test_checked_arithmetic(void **state)
{
	int64_t r = 7;

	(void)state;
	assert_true(ys_add_ok(1, 2, &r));
	assert_int_equal(r, 3);
	assert_false(ys_add_ok(INT64_MAX, 1, &r));
	assert_int_equal(r, 3);
	assert_false(ys_sub_ok(INT64_MIN, 1, &r));
	assert_false(ys_mul_ok(INT64_MAX / 2 + 1, 2, &r));
	assert_true(ys_mul_ok(-3, 4, &r));
	assert_int_equal(r, -12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_plain),
		cmocka_unit_test(test_parse_separators_and_fullwidth),
		cmocka_unit_test(test_parse_empty),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_parse_overflow),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_round_half_away),
		cmocka_unit_test(test_checked_arithmetic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
