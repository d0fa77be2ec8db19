/*
 * test_narrative.c - the generated 情况说明 of the reference bundle states
 * the figures of the published document, and the wording follows the
 * numbers (增加/减少/无增减变化).
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
#include "narrative/narrative.h"
#include "template/build.h"


static const char *section(const ys_job *j, const char *id)
{
	const ys_dsection *s = ys_disclosure_section(&j->ds, id);

	assert_non_null(s);
	assert_non_null(s->text);
	return s->text;
}

static void contains(const char *text, const char *want)
{
	if (!strstr(text, want)) {
		print_error("missing: %s\nin: %s\n", want, text);
		fail();
	}
}

static void test_reference_figures(void **state)
{
	ys_job j;
	const char *ov;

	(void)state;
	load_bundle(&j, REF);
	ov = section(&j, "overview");
	contains(ov, "2023年预算收入552万元");
	contains(ov, "一般公共预算收入552万元");
	contains(ov, "上年结转0万元");
	contains(ov, "2023年部门支出预算为552万元");
	contains(ov, "基本支出206万元，包括人员经费200万元和日常公用经费6万元");
	contains(ov, "项目支出346万元，主要为工会经费项目、冀财行[2022]99号关于提前下达2023年困难职工及劳模帮扶救助专项资金的通知、困难帮扶配套、金秋助学、送温暖项目、劳模体检疗休养项目、省市级劳模荣誉津贴项目。");
	contains(ov, "较2022年预算增加169万元，其中：基本支出增加76万元，项目支出增加93万元，主要原因是增加了工会经费的划拨。");
	contains(section(&j, "operating_cost"), "机关运行经费共计安排6万元，主要用于");
	contains(section(&j, "three_public"), "预算安排0.16万元，其中：因公出国（境）费0万元；公务用车购置及运维费0.16万元（其中：公务用车购置费0万元，公务用车运行维护费0.16万元)；公务接待费0万元。与2022年相比无增减变化。");
	contains(section(&j, "procurement"), "安排政府采购预算0.00万元");
	contains(section(&j, "procurement"), "无政府采购预算，空表列示。");
	contains(section(&j, "assets"), "上年末固定资产金额为0.00万元");
	contains(section(&j, "duties"), "| 平乡县总工会本级 | 行政 | 正科级 | 财政拨款 |");
	contains(section(&j, "glossary"), "7、“三公”经费：");
	contains(section(&j, "other"), "我部门无其他需要说明的事项。");
	contains(section(&j, "performance"), "第一部分 部门整体绩效目标\n（一）总体绩效目标");
	ys_job_free(&j);
}

/* The second example: a 事业 unit with several fund sources, carry-over,
 * procurement of each category and a fall in project expenditure. */
static void test_school_figures(void **state)
{
	ys_job j;
	const char *ov;

	(void)state;
	load_bundle(&j, "examples/county-school-2023");
	ov = section(&j, "overview");
	/* 预算收入 includes 上年结转, which the sentence lists as a part. */
	contains(ov, "2023年预算收入3121万元，其中：一般公共预算收入2700万元，基金预算收入180万元，"
		     "财政专户核拨收入90万元，其他来源收入99万元，上年结转52万元。");
	contains(ov, "基本支出2579万元，包括人员经费2290万元和日常公用经费289万元；项目支出542万元");
	contains(ov, "较2022年预算增加152万元，其中：基本支出增加252万元，项目支出减少100万元，");
	contains(ov, "| 项目支出 | 641.90 | 542.00 | -99.90 |");
	contains(section(&j, "operating_cost"), "云溪县第一中学为事业单位，按规定不安排机关运行经费。");
	contains(section(&j, "three_public"), "预算安排10.00万元，其中：因公出国（境）费6万元；公务用车购置及运维费2.8万元"
		 "（其中：公务用车购置费0万元，公务用车运行维护费2.8万元)；公务接待费1.2万元。与2022年相比减少0.70万元。");
	contains(section(&j, "procurement"), "安排政府采购预算394.00万元，其中：货物类190.00万元，工程类180.00万元，服务类24.00万元。");
	contains(section(&j, "assets"), "上年末固定资产金额为4865.23万元");
	ys_job_free(&j);
}

static void test_section_order(void **state)
{
	static const char *ids[] = {"intro", "duties", "overview", "operating_cost",
				    "three_public", "performance", "procurement",
				    "assets", "glossary", "other"};
	ys_job j;

	(void)state;
	load_bundle(&j, REF);
	assert_int_equal(j.ds.nsections, sizeof ids / sizeof *ids);
	for (size_t i = 0; i < j.ds.nsections; i++)
		assert_string_equal(j.ds.sections[i].id, ids[i]);
	assert_string_equal(j.ds.sections[1].title, "部门职责及机构设置情况");
	assert_string_equal(j.ds.sections[0].title, "平乡县总工会2023年部门预算信息公开情况说明");
	ys_job_free(&j);
}

/* Changing the data changes the words: more 三公 than last year is 增加,
 * a smaller budget is 减少, and the bundle glossary replaces a term. */
static void test_wording_follows_numbers(void **state)
{
	ys_job j;
	ys_diag d;

	(void)state;
	load_bundle(&j, REF);
	j.budget.previous.three_public[2] = 60000;	/* 600元 = 0.06万元 last year */
	j.budget.previous.total = 600000000;	/* 600万元 */
	ys_disclosure_free(&j.ds);
	ys_disclosure_init(&j.ds);
	assert_int_equal(ys_build_disclosure(&j.ds, &j.tpl, &j.budget, &j.cat, &j.cube, &d), YS_OK);
	assert_int_equal(ys_narrative_build(&j.ds, &j.tpl, &j.budget, &j.cat, &j.cube, &d), YS_OK);
	contains(section(&j, "three_public"), "与2022年相比增加0.10万元。");
	contains(section(&j, "overview"), "较2022年预算减少48万元");
	ys_job_free(&j);
}

/* Rebuilds the sections of j after its budget was changed in memory. */
static ys_status rebuild(ys_job *j, ys_diag *d)
{
	ys_disclosure_free(&j->ds);
	ys_disclosure_init(&j->ds);
	assert_int_equal(ys_build_disclosure(&j->ds, &j->tpl, &j->budget, &j->cat, &j->cube, d), YS_OK);
	return ys_narrative_build(&j->ds, &j->tpl, &j->budget, &j->cat, &j->cube, d);
}

/* Procurement by category, a 事业 unit has no 机关运行经费, and a bundle
 * glossary entry replaces the template's and adds a new one. */
static void test_procurement_nature_glossary(void **state)
{
	ys_job j;
	ys_diag d;
	ys_procurement items[3];
	ys_kv gloss[2] = {{"基本支出", "本单位的说明。"}, {"新名词", "新的解释。"}};

	(void)state;
	load_bundle(&j, REF);
	memset(items, 0, sizeof items);
	items[0] = (ys_procurement){"工会经费项目", "台式计算机", "A02010104", "台", "2",
				   500000, 1000000, 0, "gpb", "goods"};
	items[1] = (ys_procurement){"工会经费项目", "物业管理", "C1204", "项", "1",
				   2345600, 2345600, 0, "gpb", "services"};
	items[2] = (ys_procurement){"工会经费项目", "维修|改造", "B07", "项", "1",
				   5000000, 5000000, 0, "gpb", "works"};
	j.budget.procurement = items;
	j.budget.nprocurement = 3;
	j.budget.nature = "事业";
	j.budget.glossary = gloss;
	j.budget.nglossary = 2;
	assert_int_equal(rebuild(&j, &d), YS_OK);
	contains(section(&j, "procurement"), "安排政府采购预算8.35万元，其中：货物类1.00万元，工程类5.00万元，服务类2.35万元。");
	contains(section(&j, "procurement"), "| 工会经费项目 | 维修｜改造 | B07 | 项 | 1 | 5.00 | 5.00 | 一般公共预算拨款 |");
	/* A 事业 unit has no 机关运行经费 by definition: said, not "0万元". */
	contains(section(&j, "operating_cost"), "平乡县总工会为事业单位，按规定不安排机关运行经费。");
	assert_string_equal(section(&j, "operating_cost"), "平乡县总工会为事业单位，按规定不安排机关运行经费。");
	contains(section(&j, "glossary"), "4、基本支出：本单位的说明。");
	contains(section(&j, "glossary"), "11、新名词：新的解释。");
	ys_job_free(&j);
}

/* A template placeholder the narrative does not know is an error naming
 * the template file, not silent text. */
static void test_unknown_placeholder(void **state)
{
	ys_job j;
	ys_diag d;
	char path[] = "/tmp/ys-narrative-XXXXXX.yaml";
	int fd = mkstemps(path, 5);
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("sections:\n- {id: other, title: 其他, text: \"预算{no_such_figure:wan0}万元\"}\n", f);
	fclose(f);
	load_bundle(&j, REF);
	j.tpl.path = path;
	memset(&d, 0, sizeof d);
	assert_int_equal(rebuild(&j, &d), YS_EINPUT);
	unlink(path);
	assert_non_null(strstr(d.msg, "no_such_figure"));
	assert_string_equal(d.file, path);
	ys_job_free(&j);
}

/* Families of the template's figures: any functional or economic code and
 * any fund, without a line each ({eco_30215} is 会议费, none here). */
static void test_family_placeholders(void **state)
{
	ys_job j;
	ys_diag d;
	char path[] = "/tmp/ys-narrative-XXXXXX.yaml";
	int fd = mkstemps(path, 5);
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("sections:\n- {id: other, title: 其他, text: \"{func_201:wan2}|{func_2101101:wan2}|"
	      "{eco_30215:wan2t}|{eco_302:wan2}|{fund_gpb:wan0}|{expense_project:wan2}\"}\n", f);
	fclose(f);
	load_bundle(&j, REF);
	j.tpl.path = path;
	memset(&d, 0, sizeof d);
	assert_int_equal(rebuild(&j, &d), YS_OK);
	unlink(path);
	assert_string_equal(section(&j, "other"), "527.68|6.20|0|338.91|552|346.48");
	ys_job_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference_figures),
		cmocka_unit_test(test_school_figures),
		cmocka_unit_test(test_section_order),
		cmocka_unit_test(test_wording_follows_numbers),
		cmocka_unit_test(test_procurement_nature_glossary),
		cmocka_unit_test(test_unknown_placeholder),
		cmocka_unit_test(test_family_placeholders),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
