/*
 * test_catalog.c - classification codes and catalog lookups by year.
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

#include "model/catalog.h"

static const char *datadir(void)
{
	const char *d = getenv("YUSUAN_DATA");

	return d ? d : "data";
}

static void test_codes(void **state)
{
	char s[8];

	(void)state;
	assert_int_equal(ys_code_parse("2012901"), 2012901);
	assert_int_equal(ys_code_parse("201"), 201);
	assert_int_equal(ys_code_parse("30101"), 30101);
	assert_int_equal(ys_code_parse("２０１"), 201);
	assert_int_equal(ys_code_parse("2012"), 0);
	assert_int_equal(ys_code_parse("0201"), 0);
	assert_int_equal(ys_code_parse("20129011"), 0);
	assert_int_equal(ys_code_parse("201a"), 0);
	assert_int_equal(ys_code_parse(""), 0);
	assert_int_equal(ys_code_parent(2012901), 20129);
	assert_int_equal(ys_code_parent(20129), 201);
	assert_int_equal(ys_code_parent(201), 0);
	assert_int_equal(ys_code_at(2012901, 3), 201);
	assert_true(ys_code_under(2012901, 201));
	assert_true(ys_code_under(2012901, 2012901));
	assert_false(ys_code_under(2012901, 208));
	assert_false(ys_code_under(201, 2012901));
	/* Depth-first print order. */
	assert_true(ys_code_cmp(201, 20129) < 0);
	assert_true(ys_code_cmp(20129, 2012901) < 0);
	assert_true(ys_code_cmp(2012906, 208) < 0);
	assert_true(ys_code_cmp(20805, 2080505) < 0);
	assert_string_equal(ys_code_str(2080505, s), "2080505");
}

static void test_lookup_2023(void **state)
{
	ys_catalog c;
	ys_diag d;
	const ys_cat_entry *e;

	(void)state;
	assert_int_equal(ys_catalog_load(&c, datadir(), 2023, &d), YS_OK);
	e = ys_catalog_find(&c, YS_CAT_FUNC, 2012901);
	assert_non_null(e);
	assert_string_equal(e->name, "行政运行");
	assert_string_equal(ys_catalog_find(&c, YS_CAT_FUNC, 20129)->name, "群众团体事务");
	assert_string_equal(ys_catalog_find(&c, YS_CAT_FUNC, 2080505)->name,
			    "机关事业单位基本养老保险缴费支出");
	assert_string_equal(ys_catalog_find(&c, YS_CAT_FUNC, 221)->name, "住房保障支出");
	assert_null(ys_catalog_find(&c, YS_CAT_FUNC, 2012988));
	e = ys_catalog_find(&c, YS_CAT_ECO, 30108);
	assert_non_null(e);
	assert_string_equal(e->name, "机关事业单位基本养老保险缴费");
	assert_int_equal(e->basic_class, YS_ECO_PERSONNEL);
	assert_int_equal(ys_catalog_find(&c, YS_CAT_ECO, 30201)->basic_class, YS_ECO_PUBLIC);
	assert_int_equal(ys_catalog_find(&c, YS_CAT_ECO, 30302)->basic_class, YS_ECO_PERSONNEL);
	assert_string_equal(ys_catalog_find(&c, YS_CAT_ECO, 30231)->three_public, "vehicle_operation");
	assert_string_equal(ys_catalog_find(&c, YS_CAT_ECO, 30212)->three_public, "abroad");
	assert_string_equal(ys_catalog_find(&c, YS_CAT_ECO, 31013)->three_public, "vehicle_purchase");
	assert_string_equal(ys_catalog_find(&c, YS_CAT_ECO, 30217)->three_public, "reception");
	assert_null(ys_catalog_find(&c, YS_CAT_ECO, 30201)->three_public);
	/* Every 款 and 项 has its parent in the catalog. */
	for (size_t i = 0; i < c.nfunc; i++)
		if (ys_code_parent(c.func[i].code))
			assert_non_null(ys_catalog_find(&c, YS_CAT_FUNC, ys_code_parent(c.func[i].code)));
	ys_catalog_free(&c);
}

static void test_funds_and_types(void **state)
{
	ys_catalog c;
	ys_diag d;
	int gpb;

	(void)state;
	assert_int_equal(ys_catalog_load(&c, datadir(), 2023, &d), YS_OK);
	gpb = ys_catalog_fund(&c, "gpb");
	assert_true(gpb >= 0);
	assert_int_equal(ys_catalog_fund(&c, "一般公共预算拨款"), gpb);
	assert_int_equal(ys_catalog_fund(&c, "一般公共预算 拨款"), gpb);
	assert_int_equal(ys_catalog_fund(&c, "一般公共预算财政拨款"), gpb);
	assert_true(ys_catalog_fund(&c, "财政专户核拨") >= 0);
	assert_int_equal(ys_catalog_fund(&c, "银行贷款"), -1);
	assert_int_equal(ys_catalog_fund(&c, ""), -1);
	assert_int_equal(ys_catalog_type(&c, "基本支出"), ys_catalog_type(&c, "basic"));
	assert_int_equal(ys_catalog_type(&c, "项目"), ys_catalog_type(&c, "project"));
	assert_int_equal(ys_catalog_type(&c, "其他"), -1);
	ys_catalog_free(&c);
}

static void test_missing_year(void **state)
{
	ys_catalog c;
	ys_diag d;

	(void)state;
	assert_int_equal(ys_catalog_load(&c, datadir(), 1999, &d), YS_ENOTFOUND);
	assert_non_null(strstr(d.msg, "没有 1999 年的科目表"));
	/* The message lists what is shipped, so the user can pick a year. */
	assert_non_null(strstr(d.msg, "2018–2026"));
	ys_catalog_free(&c);
}

/* Every shipped year loads, has every 类 of the 2023 layout and the
 * economic catalog with its 三公 codes; the changes documented in
 * data/catalog/<year>/changes.csv are present from their year on and
 * absent before. */
static void test_years(void **state)
{
	int years[64], n = ys_catalog_years(datadir(), years, 64);
	char text[64];

	(void)state;
	assert_int_equal(n, 9);
	assert_int_equal(years[0], 2018);
	assert_int_equal(years[8], 2026);
	ys_catalog_years_text(datadir(), text, sizeof text);
	assert_string_equal(text, "2018–2026");
	for (int y = 2018; y <= 2026; y++) {
		ys_catalog c;
		ys_diag d;
		const ys_cat_entry *e;

		assert_int_equal(ys_catalog_load(&c, datadir(), y, &d), YS_OK);
		assert_true(c.nfunc > 1000);
		assert_int_equal(c.neco, 108);
		assert_non_null(ys_catalog_find(&c, YS_CAT_FUNC, 2012901));
		e = ys_catalog_find(&c, YS_CAT_ECO, 30217);
		assert_non_null(e);
		assert_string_equal(e->three_public, "reception");
		assert_int_equal(ys_catalog_find(&c, YS_CAT_ECO, 30101)->basic_class,
				 YS_ECO_PERSONNEL);
		/* 《2019年政府收支分类科目》: 210 renamed, 224 new. */
		e = ys_catalog_find(&c, YS_CAT_FUNC, 210);
		assert_string_equal(e->name, y >= 2019 ? "卫生健康支出" : "医疗卫生与计划生育支出");
		if (y >= 2019)
			assert_non_null(ys_catalog_find(&c, YS_CAT_FUNC, 224));
		else
			assert_null(ys_catalog_find(&c, YS_CAT_FUNC, 224));
		/* 2024 增补 (2024-03-29): 22006 耕地保护考核奖惩基金支出. */
		e = ys_catalog_find(&c, YS_CAT_FUNC, 22006);
		if (y >= 2024)
			assert_string_equal(e->name, "耕地保护考核奖惩基金支出");
		else
			assert_null(e);
		/* 财预〔2025〕41号: 2170404, 22911, 23107. */
		e = ys_catalog_find(&c, YS_CAT_FUNC, 2170404);
		if (y >= 2025) {
			assert_string_equal(e->name, "中央金融机构注资特别国债支出");
			assert_non_null(ys_catalog_find(&c, YS_CAT_FUNC, 22911));
			assert_non_null(ys_catalog_find(&c, YS_CAT_FUNC, 23107));
		} else {
			assert_null(e);
			assert_null(ys_catalog_find(&c, YS_CAT_FUNC, 22911));
		}
		ys_catalog_free(&c);
	}
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A bundle's catalog.csv holds both kinds in one file, told apart by the
 * kind column; an economic addition needs its basic_class. */
static void test_bundle_catalog(void **state)
{
	char path[] = "/tmp/ys_bcatXXXXXX";
	int fd = mkstemp(path);
	ys_catalog c;
	ys_diag d;
	const ys_cat_entry *e;

	(void)state;
	close(fd);
	write_file(path, "kind,code,name,basic_class,three_public\n"
		   "func,2012988,本地群众团体事务,,\n"
		   "eco,30298,本地公用支出,public,\n"
		   "func,2012901,行政运行,,\n");
	assert_int_equal(ys_catalog_load(&c, datadir(), 2025, &d), YS_OK);
	assert_int_equal(ys_catalog_add_bundle_file(&c, path, &d), YS_OK);
	assert_string_equal(ys_catalog_find(&c, YS_CAT_FUNC, 2012988)->name, "本地群众团体事务");
	e = ys_catalog_find(&c, YS_CAT_ECO, 30298);
	assert_non_null(e);
	assert_int_equal(e->basic_class, YS_ECO_PUBLIC);
	assert_null(ys_catalog_find(&c, YS_CAT_FUNC, 30298));
	assert_null(ys_catalog_find(&c, YS_CAT_ECO, 2012988));
	ys_catalog_free(&c);

	write_file(path, "kind,code,name,basic_class,three_public\nfunction,2012988,甲,,\n");
	assert_int_equal(ys_catalog_load(&c, datadir(), 2025, &d), YS_OK);
	assert_int_equal(ys_catalog_add_bundle_file(&c, path, &d), YS_EINPUT);
	assert_int_equal(d.line, 2);
	assert_non_null(strstr(d.msg, "kind 应为 func"));
	ys_catalog_free(&c);

	write_file(path, "kind,code,name,basic_class,three_public\neco,30298,甲,,\n");
	assert_int_equal(ys_catalog_load(&c, datadir(), 2025, &d), YS_OK);
	assert_int_equal(ys_catalog_add_bundle_file(&c, path, &d), YS_EINPUT);
	assert_non_null(strstr(d.msg, "需要 basic_class"));
	ys_catalog_free(&c);

	write_file(path, "code,name\n2012988,甲\n");
	assert_int_equal(ys_catalog_load(&c, datadir(), 2025, &d), YS_OK);
	assert_int_equal(ys_catalog_add_bundle_file(&c, path, &d), YS_EINPUT);
	assert_non_null(strstr(d.msg, "kind,code,name"));
	ys_catalog_free(&c);
	unlink(path);
}

static void test_user_catalog(void **state)
{
	char path[] = "/tmp/ys_catXXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	ys_catalog c;
	ys_diag d;

	(void)state;
	fputs("code,name\n2012988,其他自定义事务\n2012901,行政运行（本地名称）\n", f);
	fclose(f);
	assert_int_equal(ys_catalog_load(&c, datadir(), 2023, &d), YS_OK);
	assert_int_equal(ys_catalog_add_file(&c, path, &d), YS_OK);
	assert_string_equal(ys_catalog_find(&c, YS_CAT_FUNC, 2012988)->name, "其他自定义事务");
	assert_string_equal(ys_catalog_find(&c, YS_CAT_FUNC, 2012901)->name, "行政运行（本地名称）");
	assert_string_equal(ys_catalog_find(&c, YS_CAT_FUNC, 2012902)->name, "一般行政管理事务");
	ys_catalog_free(&c);

	f = fopen(path, "w");
	fputs("code,name\n2012988,甲\n2012988,乙\n", f);
	fclose(f);
	assert_int_equal(ys_catalog_load(&c, datadir(), 2023, &d), YS_OK);
	assert_int_equal(ys_catalog_add_file(&c, path, &d), YS_EINPUT);
	assert_non_null(strstr(d.msg, "2012988 重复"));
	ys_catalog_free(&c);

	f = fopen(path, "w");
	fputs("code,name\n20129011,甲\n", f);
	fclose(f);
	assert_int_equal(ys_catalog_load(&c, datadir(), 2023, &d), YS_OK);
	assert_int_equal(ys_catalog_add_file(&c, path, &d), YS_EINPUT);
	assert_int_equal(d.line, 2);
	assert_non_null(strstr(d.msg, "科目编码“20129011”无效"));
	ys_catalog_free(&c);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_lookup_2023),
		cmocka_unit_test(test_funds_and_types),
		cmocka_unit_test(test_missing_year),
		cmocka_unit_test(test_years),
		cmocka_unit_test(test_bundle_catalog),
		cmocka_unit_test(test_user_catalog),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
