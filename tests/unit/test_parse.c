/*
 * test_parse.c - the parser: format detection, the round trip of the
 * reference text export against the built disclosure (every table compared
 * as JSON), and real-world cells (thousands separators, full-width digits,
 * text in number cells, 元 tables in a 万元 document), unrecognised tables
 * and missing columns.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "job/job.h"
#include "parse/parse.h"
#include "render/render.h"

static ys_job job;

static int setup(void **state)
{
	ys_diag d;

	(void)state;
	return ys_job_load_bundle(&job, "examples/pingxiang-zonggonghui-2023", NULL, &d) == YS_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	ys_job_free(&job);
	return 0;
}

static json_t *as_json(const ys_disclosure *ds)
{
	ys_buf b = YS_BUF_INIT;
	ys_diag d;
	json_t *j;

	assert_int_equal(ys_render_json(ds, &b, &d), YS_OK);
	j = json_loads(ys_buf_str(&b), 0, NULL);
	ys_buf_free(&b);
	assert_non_null(j);
	return j;
}

/* The tables with an id, by id. */
static json_t *tables_by_id(json_t *root)
{
	json_t *out = json_object(), *t;
	size_t i;

	json_array_foreach(json_object_get(root, "tables"), i, t) {
		json_t *id = json_object_get(t, "id");

		if (json_is_string(id))
			json_object_set(out, json_string_value(id), t);
	}
	return out;
}

static ys_status parse_mem(const char *text, ys_disclosure *ds, ys_diag *d)
{
	ys_disclosure_init(ds);
	return ys_parse_bytes("mem.html", text, strlen(text), &job.tpl, &job.cat, ds, d);
}

static void test_detect(void **state)
{
	(void)state;
	assert_int_equal(ys_parse_detect("PK\003\004....word/document.xml", 30), YS_PFMT_DOCX);
	assert_int_equal(ys_parse_detect("PK\003\004....xl/workbook.xml", 27), YS_PFMT_XLSX);
	assert_int_equal(ys_parse_detect("PK\003\004....", 8), YS_PFMT_ZIP);
	assert_int_equal(ys_parse_detect("<!DOCTYPE html><p>x", 19), YS_PFMT_HTML);
	assert_int_equal(ys_parse_detect("  <TABLE><tr>", 13), YS_PFMT_HTML);
	assert_int_equal(ys_parse_detect("部门预算收支总表\n\t1\n", 26), YS_PFMT_TEXT);
}

static void test_round_trip_text_export(void **state)
{
	ys_disclosure ds;
	ys_diag d;
	json_t *want, *got, *wt, *gt, *t;
	const char *id;
	size_t amounts = 0;

	(void)state;
	ys_disclosure_init(&ds);
	assert_int_equal(ys_parse_file("tests/parse/pingxiang-zonggonghui-2023-budget.txt",
				       &job.tpl, &job.cat, &ds, &d), YS_OK);
	assert_int_equal(ds.year, 2023);
	assert_string_equal(ds.unit_code, "711");
	assert_string_equal(ds.unit_name, "平乡县总工会");
	assert_string_equal(ds.money_unit, "万元");
	want = as_json(&job.ds);
	got = as_json(&ds);
	wt = tables_by_id(want);
	gt = tables_by_id(got);
	assert_int_equal(json_object_size(wt), 9);
	assert_int_equal(json_object_size(gt), 9);
	json_object_foreach(wt, id, t) {
		if (!json_equal(t, json_object_get(gt, id)))
			fail_msg("table %s differs", id);
	}
	for (size_t i = 0; i < ds.ntables; i++)
		if (ds.tables[i].id)
			for (size_t r = 0; r < ds.tables[i].nrows; r++)
				for (size_t c = 0; c < ds.tables[i].ncols; c++)
					amounts += ds.tables[i].rows[r].has[c] != 0;
	assert_int_equal(amounts, 184);
	assert_string_equal(ys_disclosure_table(&ds, "T7")->note, "无政府基金预算财政拨款预算，空表列示。");
	assert_string_equal(ys_disclosure_table(&ds, "T8")->note, "无国有资本经营预算财政拨款预算，空表列示。");
	/* Narrative and performance. */
	assert_int_equal(ds.nsections, 10);	/* the unnumbered intro and 一 to 九 */
	assert_string_equal(ds.sections[0].id, "intro");
	assert_string_equal(ds.sections[0].title, "平乡县总工会2023年部门预算信息公开情况说明");
	assert_non_null(ys_disclosure_section(&ds, "operating_cost"));
	assert_non_null(strstr(ys_disclosure_section(&ds, "operating_cost")->text, "6万元"));
	assert_int_equal(ds.nperf, 5);
	assert_string_equal(ds.perf[0].name, "工会经费项目");
	assert_int_equal(ds.perf[0].nindicators, 8);
	assert_string_equal(ds.perf[0].indicators[1].lv1, "产出指标");	/* carried down */
	assert_string_equal(ds.perf[0].indicators[1].lv2, "时效指标");
	json_decref(wt);
	json_decref(gt);
	json_decref(want);
	json_decref(got);
	ys_disclosure_free(&ds);
}

static const char *t5_head =
	"<table><tr><td rowspan=2>序号</td><td colspan=2>功能分类科目</td><td rowspan=2>合计</td>"
	"<td rowspan=2>基本支出</td><td rowspan=2>项目支出</td></tr>"
	"<tr><td>科目编码</td><td>科目名称</td></tr><tr><td>栏次</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>";

static void test_cells_real_world(void **state)
{
	ys_disclosure ds;
	ys_diag d;
	ys_buf b = YS_BUF_INIT;
	const ys_dtable *t;

	(void)state;
	/* A 万元 document whose T5 is published in 元. */
	ys_buf_printf(&b, "<h3>表7 政府性基金预算支出表</h3><p>单位：万元</p>%s<tr><td></td></tr></table>"
		      "<p>注：无政府性基金预算。</p><h3>表5 一般公共预算财政拨款支出表</h3><p>711平乡县总工会</p><p>预算年度：2023</p><p>单位：元</p>%s"
		      "<tr><td>1</td><td></td><td>合计</td><td>1,054,709.06</td><td>５５２，１８０．００</td><td>单位不需填列</td></tr>"
		      "<tr><td>2</td><td>201</td><td>一、一般公共服务支出</td><td>－100.00</td><td>&nbsp;</td><td>以前年度结转资金9.83</td></tr>"
		      "</table>", t5_head, t5_head);
	assert_int_equal(parse_mem(ys_buf_str(&b), &ds, &d), YS_OK);
	assert_string_equal(ys_disclosure_table(&ds, "T7")->note, "无政府性基金预算。");
	t = ys_disclosure_table(&ds, "T5");
	assert_non_null(t);
	assert_string_equal(ds.money_unit, "万元");
	assert_string_equal(t->money_unit, "元");
	assert_int_equal(t->nrows, 2);
	assert_true(t->rows[0].total);
	assert_int_equal(t->rows[0].values[0], 10547);	/* 105.47 万元 */
	assert_int_equal(t->rows[0].values[1], 5522);	/* 55.22 万元 */
	assert_false(t->rows[0].has[2]);
	assert_string_equal(t->rows[0].notes[2], "单位不需填列");
	assert_string_equal(t->rows[1].code, "201");
	assert_string_equal(t->rows[1].name, "一般公共服务支出");
	assert_int_equal(t->rows[1].values[0], -1);	/* -100 元 = -0.01 万元 */
	assert_false(t->rows[1].has[1]);
	assert_string_equal(t->rows[1].notes[2], "以前年度结转资金9.83");
	ys_buf_free(&b);
	ys_disclosure_free(&ds);
}

static void test_unknown_table_kept(void **state)
{
	ys_disclosure ds;
	ys_diag d;
	ys_buf b = YS_BUF_INIT;
	const ys_dtable *t = NULL;

	(void)state;
	ys_buf_printf(&b, "<p>部门预算一般公共预算财政拨款支出表</p>%s<tr><td>1</td><td></td><td>合计</td>"
		      "<td>1</td><td>1</td><td></td></tr></table>"
		      "<p>部门机构设置情况</p><table><tr><td>单位名称</td><td>单位性质</td></tr>"
		      "<tr><td>平乡县总工会本级</td><td>行政</td></tr></table>", t5_head);
	assert_int_equal(parse_mem(ys_buf_str(&b), &ds, &d), YS_OK);
	assert_int_equal(ds.ntables, 2);
	t = &ds.tables[1];
	assert_null(t->id);
	assert_string_equal(t->title, "部门机构设置情况");
	assert_int_equal(t->ncell_rows, 2);
	assert_string_equal(t->cells[1][0], "平乡县总工会本级");
	ys_buf_free(&b);
	ys_disclosure_free(&ds);
}

static void test_missing_column(void **state)
{
	ys_disclosure ds;
	ys_diag d;

	(void)state;
	assert_int_equal(parse_mem("<p>一般公共预算支出表</p><table><tr><td>序号</td><td>科目编码</td><td>科目名称</td>"
				   "<td>合计</td><td>基本支出</td></tr><tr><td>1</td><td></td><td>合计</td><td>1</td><td>1</td></tr></table>",
				   &ds, &d), YS_EINPUT);
	assert_non_null(strstr(d.msg, "缺少列“项目支出”"));
	ys_disclosure_free(&ds);
}

/* Found by fuzzing: a code cell far longer than a code overflowed a
 * 64-byte buffer. The text is kept whole; check says it is no code. */
static void test_long_code_cell(void **state)
{
	ys_disclosure ds;
	ys_diag d;
	ys_buf b = YS_BUF_INIT, code = YS_BUF_INIT;
	const ys_dtable *t;

	(void)state;
	for (int i = 0; i < 40; i++)
		ys_buf_printf(&code, "2012901");
	ys_buf_printf(&b, "<p>一般公共预算财政拨款支出表</p>%s<tr><td>1</td><td></td><td>合计</td>"
		      "<td>1</td><td>1</td><td></td></tr><tr><td>2</td><td>%s</td><td>行政运行</td>"
		      "<td>1</td><td>1</td><td></td></tr></table>", t5_head, ys_buf_str(&code));
	assert_int_equal(parse_mem(ys_buf_str(&b), &ds, &d), YS_OK);
	t = ys_disclosure_table(&ds, "T5");
	assert_non_null(t);
	assert_int_equal(t->nrows, 2);
	assert_string_equal(t->rows[1].code, ys_buf_str(&code));
	ys_buf_free(&code);
	ys_buf_free(&b);
	ys_disclosure_free(&ds);
}

static void test_garbage(void **state)
{
	ys_disclosure ds;
	ys_diag d;

	(void)state;
	assert_int_equal(parse_mem("PK\003\004 word/document.xml but not a zip", &ds, &d), YS_EINPUT);
	assert_non_null(strstr(d.msg, "zip"));
	ys_disclosure_free(&ds);
	assert_int_equal(parse_mem("\t\t\n\n\n(\n2\n)\n", &ds, &d), YS_EINPUT);
	ys_disclosure_free(&ds);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_round_trip_text_export),
		cmocka_unit_test(test_cells_real_world),
		cmocka_unit_test(test_unknown_table_kept),
		cmocka_unit_test(test_missing_column),
		cmocka_unit_test(test_long_code_cell),
		cmocka_unit_test(test_garbage),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
