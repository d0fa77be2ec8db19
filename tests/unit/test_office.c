/*
 * test_office.c - the helpers shared by the XLSX, DOCX and PDF renderers
 * (render/ooxml.c): tables as printed, header lines, section headings,
 * tables inside section text, XML text, the in-memory zip; and the three
 * renderers on the reference bundle and on an empty disclosure.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "job/job.h"
#include "job_fixture.h"
#include "render/ooxml.h"
#include "render/render.h"


static void test_text_rows(void **state)
{
	const char *row = "| 项目 | 2022年 | 增减（万元） |";
	const char *sep = "| --- | :---: | ---: |";
	size_t start[YS_TEXT_MAX_CELLS], len[YS_TEXT_MAX_CELLS];

	(void)state;
	assert_true(ys_text_is_row(row, strlen(row)));
	assert_true(ys_text_is_row("| a |  ", 7));
	assert_false(ys_text_is_row("项目 | a", strlen("项目 | a")));
	assert_false(ys_text_is_row("|", 1));
	assert_int_equal(ys_text_row_cells(row, strlen(row), start, len, YS_TEXT_MAX_CELLS), 3);
	assert_memory_equal(row + start[0], "项目", len[0]);
	assert_int_equal(len[0], strlen("项目"));
	assert_memory_equal(row + start[2], "增减（万元）", len[2]);
	assert_int_equal(ys_text_row_cells(sep, strlen(sep), start, len, YS_TEXT_MAX_CELLS), 0);
	assert_int_equal(ys_text_row_cells("| a |  | b |", 12, start, len, YS_TEXT_MAX_CELLS), 3);
	assert_int_equal(len[1], 0);
	assert_true(ys_text_is_number("383.18", 6));
	assert_true(ys_text_is_number("-1,234", 6));
	assert_false(ys_text_is_number("", 0));
	assert_false(ys_text_is_number("0万元", strlen("0万元")));
}

/* Appends the heading of s to a fresh buffer and returns its text. */
static const char *heading_of(const ys_dsection *s, size_t *num, ys_buf *out)
{
	ys_buf_reset(out);
	ys_section_heading(s, num, out);
	return ys_buf_str(out);
}

static void test_section_heading(void **state)
{
	ys_dsection intro = {"intro", "平乡县总工会2023年部门预算信息公开情况说明", ""};
	ys_dsection s = {"duties", "部门职责及机构设置情况", ""};
	ys_buf out = YS_BUF_INIT;
	size_t num = 0;

	(void)state;
	assert_string_equal(heading_of(&intro, &num, &out), "平乡县总工会2023年部门预算信息公开情况说明");
	assert_int_equal(num, 0);
	assert_string_equal(heading_of(&s, &num, &out), "一、部门职责及机构设置情况");
	num = 9;
	assert_string_equal(heading_of(&s, &num, &out), "十、部门职责及机构设置情况");
	assert_string_equal(heading_of(&s, &num, &out), "十一、部门职责及机构设置情况");
	num = 20;
	assert_string_equal(heading_of(&s, &num, &out), "二十一、部门职责及机构设置情况");
	ys_buf_free(&out);
}

static void test_xml_text(void **state)
{
	ys_buf b = YS_BUF_INIT;
	const char *s = "<a href=\"x\">&'\x01\x1f\tok\n";

	(void)state;
	ys_xml_text(&b, s, strlen(s));
	assert_string_equal(ys_buf_str(&b), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;\tok\n");
	ys_buf_reset(&b);
	ys_xml_text(&b, "abcdef", 3);
	assert_string_equal(ys_buf_str(&b), "abc");
	ys_buf_free(&b);
}

static void test_zip_roundtrip(void **state)
{
	ys_zip *z;
	ys_buf out = YS_BUF_INIT;
	ys_diag d;
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_file_t *f;
	zip_stat_t st;
	char got[64] = "";

	(void)state;
	assert_int_equal(ys_zip_new(&z, &d), YS_OK);
	assert_int_equal(ys_zip_add(z, "[Content_Types].xml", "<Types/>", 8, &d), YS_OK);
	assert_int_equal(ys_zip_add(z, "word/document.xml", "预算", strlen("预算"), &d), YS_OK);
	assert_int_equal(ys_zip_finish(z, &out, &d), YS_OK);
	assert_memory_equal(out.data, "PK", 2);

	zip_error_init(&ze);
	src = zip_source_buffer_create(out.data, out.len, 0, &ze);
	assert_non_null(src);
	za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	assert_non_null(za);
	assert_int_equal(zip_get_num_entries(za, 0), 2);
	assert_int_equal(zip_stat(za, "word/document.xml", 0, &st), 0);
	assert_int_equal(st.size, strlen("预算"));
	f = zip_fopen(za, "word/document.xml", 0);
	assert_non_null(f);
	assert_int_equal(zip_fread(f, got, sizeof got - 1), (zip_int64_t)strlen("预算"));
	assert_string_equal(got, "预算");
	zip_fclose(f);
	zip_close(za);
	zip_error_fini(&ze);
	ys_buf_free(&out);

	/* The same members give the same bytes (fixed time stamps). */
	{
		ys_buf a = YS_BUF_INIT, b = YS_BUF_INIT;

		for (int k = 0; k < 2; k++) {
			assert_int_equal(ys_zip_new(&z, &d), YS_OK);
			assert_int_equal(ys_zip_add(z, "x.xml", "<x/>", 4, &d), YS_OK);
			assert_int_equal(ys_zip_finish(z, k ? &b : &a, &d), YS_OK);
		}
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.data, b.data, a.len);
		ys_buf_free(&a);
		ys_buf_free(&b);
	}

	/* Discarding an unfinished archive frees it. */
	assert_int_equal(ys_zip_new(&z, &d), YS_OK);
	assert_int_equal(ys_zip_add(z, "a", "b", 1, &d), YS_OK);
	ys_zip_discard(z);
}

/* T1 and T2 of the reference as printed: columns, header grid, 栏次,
 * lines, cell texts; the header line from the template. */
static void test_ptable_reference(void **state)
{
	ys_job j;
	ys_ptable p;
	char buf[YS_MONEY_FMT_MAX];
	ys_buf parts[3] = {YS_BUF_INIT, YS_BUF_INIT, YS_BUF_INIT};
	double w[YS_MAX_PCOLS];
	const ys_dtable *t1, *t2;

	(void)state;
	load_bundle(&j, REF);
	t1 = ys_disclosure_table(&j.ds, "T1");
	t2 = ys_disclosure_table(&j.ds, "T2");
	assert_non_null(t1);
	assert_non_null(t2);

	assert_int_equal(ys_ptable_init(&p, t1, ys_template_table(&j.tpl, "T1")), YS_OK);
	assert_int_equal(p.np, 5);
	assert_int_equal(p.nhead, 2);
	assert_true(p.numbering);
	assert_int_equal(p.nlines, 34);
	assert_string_equal(p.grid[1].cell->text, "收入");
	assert_int_equal(p.grid[1].cell->colspan, 2);
	assert_false(p.grid[p.np].origin);	/* 序号 spans both rows */
	assert_string_equal(ys_ptable_text(&p, &j.ds, 0, 0, buf), "1");
	assert_string_equal(ys_ptable_text(&p, &j.ds, 0, 1, buf), "一、一般公共预算拨款收入");
	assert_string_equal(ys_ptable_text(&p, &j.ds, 0, 2, buf), "552.18");
	assert_string_equal(ys_ptable_text(&p, &j.ds, 0, 4, buf), "527.68");
	assert_string_equal(ys_ptable_text(&p, &j.ds, 9, 1, buf), "");	/* no income line 10 */
	assert_true(ys_ptable_is_amount(&p, 2));
	assert_false(ys_ptable_is_amount(&p, 1));
	assert_true(ys_ptable_is_total(&p, 33));
	assert_false(ys_ptable_is_total(&p, 0));
	ys_ptable_widths(&p, &j.ds, w);
	for (size_t c = 0; c < p.np; c++)
		assert_true(w[c] >= 4);
	ys_ptable_free(&p);

	assert_int_equal(ys_ptable_init(&p, t2, ys_template_table(&j.tpl, "T2")), YS_OK);
	assert_int_equal(p.np, 13);
	assert_string_equal(ys_ptable_text(&p, &j.ds, 0, 2, buf), "合计");
	assert_string_equal(ys_ptable_text(&p, &j.ds, 1, 1, buf), "201");
	ys_ptable_free(&p);

	/* Without a template: one header row of column labels. */
	assert_int_equal(ys_ptable_init(&p, t2, NULL), YS_OK);
	assert_int_equal(p.nhead, 1);
	assert_string_equal(p.grid[0].cell->text, "序号");
	assert_string_equal(p.grid[1].cell->text, "科目编码");
	ys_ptable_free(&p);

	assert_int_equal(ys_office_header_parts(&j.ds, &j.tpl, parts), 3);
	assert_string_equal(ys_buf_str(&parts[0]), "711平乡县总工会");
	assert_string_equal(ys_buf_str(&parts[1]), "预算年度：2023");
	assert_string_equal(ys_buf_str(&parts[2]), "单位：万元");
	for (size_t i = 0; i < 3; i++)
		ys_buf_free(&parts[i]);
	ys_job_free(&j);
}

static void render_all(const ys_disclosure *ds, const ys_template *t)
{
	static const char *const names[] = {"xlsx", "docx", "pdf"};
	static const char *const magic[] = {"PK", "PK", "%PDF-"};

	for (int i = 0; i < 3; i++) {
		const ys_format *f = ys_format_find(names[i]);
		ys_buf out = YS_BUF_INIT;
		ys_diag d;

		assert_non_null(f);
		assert_int_equal(f->render(ds, t, &out, &d), YS_OK);
		assert_true(out.len > 1000);
		assert_memory_equal(out.data, magic[i], strlen(magic[i]));
		ys_buf_free(&out);
	}
}

static void test_render_reference(void **state)
{
	ys_job j;

	(void)state;
	load_bundle(&j, REF);
	render_all(&j.ds, &j.tpl);
	ys_job_free(&j);
}

/* Nothing to print is still a valid document. */
static void test_render_empty(void **state)
{
	ys_disclosure ds;

	(void)state;
	ys_disclosure_init(&ds);
	ds.year = 2023;
	render_all(&ds, NULL);
	ys_disclosure_free(&ds);
}

/* Row names as a parsed document may hold them: a formula is neutralised
 * in CSV, markup is escaped in Markdown. */
static void test_hostile_row_names(void **state)
{
	ys_job j;
	ys_buf out = YS_BUF_INIT;
	ys_diag d;
	ys_dtable *t;

	(void)state;
	memset(&d, 0, sizeof d);
	load_bundle(&j, REF);
	t = (ys_dtable *)ys_disclosure_table(&j.ds, "T3");
	assert_non_null(t);
	assert_true(t->nrows > 2);
	t->rows[1].name = "=HYPERLINK(\"http://x\")";
	t->rows[1].label = NULL;
	t->rows[2].name = "[x](javascript:alert(1))<b>";
	t->rows[2].label = NULL;
	assert_int_equal(ys_render_csv(&j.ds, &out, &d), YS_OK);
	assert_non_null(strstr(ys_buf_str(&out), "\"'=HYPERLINK(\"\"http://x\"\")\""));
	assert_null(strstr(ys_buf_str(&out), ",\"=HYPERLINK"));
	ys_buf_reset(&out);
	assert_int_equal(ys_render_md(&j.ds, &j.tpl, &out, &d), YS_OK);
	assert_non_null(strstr(ys_buf_str(&out), "\\[x\\]\\(javascript:alert\\(1\\)\\)\\<b\\>"));
	assert_null(strstr(ys_buf_str(&out), "[x](javascript"));
	assert_null(strstr(ys_buf_str(&out), "<b>"));
	ys_buf_free(&out);
	ys_job_free(&j);
}

/* Member name of the zip archive in b, malloc'd and NUL-terminated. */
static char *zip_member(const ys_buf *b, const char *name)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_file_t *f;
	zip_stat_t st;
	char *text;

	zip_error_init(&ze);
	src = zip_source_buffer_create(b->data, b->len, 0, &ze);
	assert_non_null(src);
	za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	assert_non_null(za);
	assert_int_equal(zip_stat(za, name, 0, &st), 0);
	text = calloc(1, st.size + 1);
	assert_non_null(text);
	f = zip_fopen(za, name, 0);
	assert_non_null(f);
	assert_int_equal(zip_fread(f, text, st.size), (zip_int64_t)st.size);
	zip_fclose(f);
	zip_close(za);
	zip_error_fini(&ze);
	return text;
}

/* Sheet names follow Excel's rules: at most 31 characters cut on a
 * character boundary, []:*?/\ replaced, no apostrophe at either end, and
 * unique without regard to case (" (2)", " (3)" …). */
static void test_xlsx_sheet_names(void **state)
{
	static const char *const want[] = {
		"name=\"T1 部门预算_收支__总表____\"",
		"name=\"T1 部门预算_收支__总表____ (2)\"",
		"name=\"t1 部门预算_收支__总表____ (3)\"",
		"name=\"T4 一二三四五六七八九十一二三四五六七八九十一二三四五六七八\"",
		"name=\"T4 一二三四五六七八九十一二三四五六七八九十一二三四 (2)\"",
		"name=\"_x y_\"",
	};
	static const char *const forbidden = "部门预算[收支]:总表*?/\\";
	const char *long_title = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
	ys_job j;
	ys_buf out = YS_BUF_INIT;
	ys_diag d;
	char *wb;

	(void)state;
	memset(&d, 0, sizeof d);
	load_bundle(&j, REF);
	assert_true(j.ds.ntables >= 6);
	j.ds.tables[0].id = "T1", j.ds.tables[0].title = forbidden;
	j.ds.tables[1].id = "T1", j.ds.tables[1].title = forbidden;
	j.ds.tables[2].id = "t1", j.ds.tables[2].title = forbidden;
	j.ds.tables[3].id = "T4", j.ds.tables[3].title = long_title;
	j.ds.tables[4].id = "T4", j.ds.tables[4].title = long_title;
	j.ds.tables[5].id = "'x", j.ds.tables[5].title = "y'";
	assert_int_equal(ys_render_xlsx(&j.ds, NULL, &out, &d), YS_OK);
	wb = zip_member(&out, "xl/workbook.xml");
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		if (!strstr(wb, want[i])) {
			print_error("missing %s in %s\n", want[i], wb);
			fail();
		}
	free(wb);
	ys_buf_free(&out);
	ys_job_free(&j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_rows),
		cmocka_unit_test(test_section_heading),
		cmocka_unit_test(test_xml_text),
		cmocka_unit_test(test_zip_roundtrip),
		cmocka_unit_test(test_ptable_reference),
		cmocka_unit_test(test_render_reference),
		cmocka_unit_test(test_render_empty),
		cmocka_unit_test(test_hostile_row_names),
		cmocka_unit_test(test_xlsx_sheet_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
