/*
 * test_text.c - encodings at the edge (UTF-8 validation, GB18030
 * detection and conversion, BOM), trimming, the growable buffer, CSV line
 * numbers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/csv.h"
#include "base/text.h"

static void test_utf8_validation(void **state)
{
	(void)state;
	assert_int_equal(ys_utf8_invalid_at("平乡县", strlen("平乡县")), -1);
	assert_int_equal(ys_utf8_invalid_at("ab\xff", 3), 2);
	assert_int_equal(ys_utf8_invalid_at("\xe5\xb9", 2), 0);	/* truncated */
	assert_int_equal(ys_utf8_invalid_at("\xc0\x80", 2), 0);	/* overlong */
	assert_int_equal(ys_utf8_invalid_at("\xed\xa0\x80", 3), 0);	/* surrogate */
	assert_int_equal(ys_utf8_invalid_at("ok\xf0\x9f\x98\x80", 6), -1);
}

static char *dup(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* What may reach XML: tab, LF and CR pass; other C0 controls, U+FFFE,
 * U+FFFF and invalid UTF-8 are found at their byte offset. */
static void test_xml_safe(void **state)
{
	const char *why = NULL;

	(void)state;
	assert_int_equal(ys_text_check_xml_safe("平乡\t县\r\n", strlen("平乡\t县\r\n"), &why), -1);
	assert_int_equal(ys_text_check_xml_safe("ab\x01c", 4, &why), 2);
	assert_string_equal(why, "控制字符");
	assert_int_equal(ys_text_check_xml_safe("\x1f", 1, NULL), 0);
	assert_int_equal(ys_text_check_xml_safe("a\xef\xbf\xbf", 4, &why), 1);
	assert_string_equal(why, "非字符 U+FFFF");
	assert_int_equal(ys_text_check_xml_safe("\xef\xbf\xbe", 3, &why), 0);
	assert_string_equal(why, "非字符 U+FFFE");
	/* U+FFFD, the replacement character, is allowed. */
	assert_int_equal(ys_text_check_xml_safe("\xef\xbf\xbd", 3, NULL), -1);
	assert_int_equal(ys_text_check_xml_safe("ok\xed\xa0\x80", 5, &why), 2);
	assert_string_equal(why, "无效的 UTF-8 字节");
	assert_int_equal(ys_text_check_xml_safe("\xff", 1, NULL), 0);
	/* A control character after valid text comes before a later bad byte. */
	assert_int_equal(ys_text_check_xml_safe("x\x02\xff", 3, NULL), 1);
	assert_int_equal(ys_text_check_xml_safe("", 0, NULL), -1);
}

static void test_utf8_cut_partial(void **state)
{
	char a[] = "平乡\xe5\xb9", b[] = "平乡", c[] = "ab\xf0\x9f\x98", d[] = "";

	(void)state;
	ys_utf8_cut_partial(a);
	assert_string_equal(a, "平乡");
	ys_utf8_cut_partial(b);
	assert_string_equal(b, "平乡");
	ys_utf8_cut_partial(c);
	assert_string_equal(c, "ab");
	ys_utf8_cut_partial(d);
	assert_string_equal(d, "");
}

static void test_gbk_and_bom(void **state)
{
	/* "一般公共预算拨款" in GBK. */
	static const char gbk[] = "\xd2\xbb\xb0\xe3\xb9\xab\xb9\xb2\xd4\xa4\xcb\xe3\xb2\xa6\xbf\xee";
	char *t = dup(gbk, sizeof gbk - 1);
	size_t len = sizeof gbk - 1;
	const char *enc = NULL;
	ys_diag d;

	(void)state;
	assert_int_equal(ys_text_to_utf8("x.csv", &t, &len, &enc, &d), YS_OK);
	assert_string_equal(enc, "GB18030");
	assert_string_equal(t, "一般公共预算拨款");
	free(t);

	t = dup("\xef\xbb\xbfgpb", 6);
	len = 6;
	assert_int_equal(ys_text_to_utf8("x.csv", &t, &len, &enc, &d), YS_OK);
	assert_string_equal(enc, "UTF-8");
	assert_string_equal(t, "gpb");
	assert_int_equal(len, 3);
	free(t);

	t = dup("a\nb\n\x80\xff", 6);
	len = 6;
	assert_int_equal(ys_text_to_utf8("x.csv", &t, &len, &enc, &d), YS_EINPUT);
	assert_int_equal(d.line, 3);
	free(t);

	t = dup("a\0b", 3);
	len = 3;
	assert_int_equal(ys_text_to_utf8("x.csv", &t, &len, &enc, &d), YS_EINPUT);
	assert_non_null(strstr(d.msg, "NUL"));
	free(t);
}

/* One stray byte in a UTF-8 file is an error at that byte, not a reason to
 * decode the whole file as GB18030 (which gives mojibake silently). */
static void test_strict_utf8(void **state)
{
	static const char stray[] = "项目,金额\n工会经费项目,1\n平乡县\xb3总工会,2\n";
	char *t = dup(stray, sizeof stray - 1);
	size_t len = sizeof stray - 1, ok, bad;
	const char *enc = NULL;
	ys_diag d;

	(void)state;
	assert_int_equal(ys_text_to_utf8("x.csv", &t, &len, &enc, &d), YS_EINPUT);
	assert_int_equal(d.line, 3);
	assert_int_equal(d.column, 4);
	assert_non_null(strstr(d.msg, "0xB3"));
	free(t);

	/* After a UTF-8 BOM, even a lone bad byte is an error. */
	t = dup("\xef\xbb\xbf" "ab\ncd\xff", 9);
	len = 9;
	assert_int_equal(ys_text_to_utf8("x.csv", &t, &len, &enc, &d), YS_EINPUT);
	assert_int_equal(d.line, 2);
	assert_int_equal(d.column, 3);
	free(t);

	ys_utf8_census("平乡\xff", 7, &ok, &bad);
	assert_int_equal(ok, 6);
	assert_int_equal(bad, 1);
}

/* Real GBK text with several lines still converts, and a byte that is not
 * GB18030 either is reported on its own line. */
static void test_gbk_lines(void **state)
{
	/* "项目\n平乡县总工会\n" in GBK. */
	static const char gbk[] = "\xcf\xee\xc4\xbf\n\xc6\xbd\xcf\xe7\xcf\xd8\xd7\xdc\xb9\xa4\xbb\xe1\n";
	char *t = dup(gbk, sizeof gbk - 1);
	size_t len = sizeof gbk - 1;
	const char *enc = NULL;
	ys_diag d;

	(void)state;
	assert_int_equal(ys_text_to_utf8("x.csv", &t, &len, &enc, &d), YS_OK);
	assert_string_equal(enc, "GB18030");
	assert_string_equal(t, "项目\n平乡县总工会\n");
	free(t);

	t = dup("\xcf\xee\n\xc4\xbf\n\xff\n", 8);
	len = 8;
	assert_int_equal(ys_text_to_utf8("x.csv", &t, &len, &enc, &d), YS_EINPUT);
	assert_int_equal(d.line, 3);
	free(t);
}

static void test_trim(void **state)
{
	char a[] = " \t 平乡\xe3\x80\x80 ", b[64];

	(void)state;
	assert_string_equal(ys_trim(a), "平乡");
	ys_squash_space("上解上级     支出", b, sizeof b);
	assert_string_equal(b, "上解上级支出");
	ys_squash_space("政府性基金预算财政    拨款", b, 10);	/* never cuts a character */
	assert_string_equal(b, "政府性");
	assert_int_equal(ys_utf8_len("平乡县ab"), 5);
}

static void test_buf(void **state)
{
	ys_buf b = YS_BUF_INIT;
	char *p;

	(void)state;
	assert_string_equal(ys_buf_str(&b), "");
	ys_buf_puts(&b, "a");
	ys_buf_printf(&b, "%d-%s", 42, "x");
	ys_buf_put_xml(&b, "<script>&\"'");
	assert_string_equal(ys_buf_str(&b), "a42-x&lt;script&gt;&amp;&quot;&#39;");
	for (int i = 0; i < 10000; i++)
		ys_buf_putc(&b, 'z');
	assert_true(ys_buf_ok(&b));
	assert_int_equal(b.len, strlen("a42-x&lt;script&gt;&amp;&quot;&#39;") + 10000);
	p = ys_buf_detach(&b);
	assert_null(b.data);
	free(p);
}

struct rows {
	int n;
	long lines[8];
	char first[8][32];
};

static ys_status on_row(void *ctx, char **f, int nf, long line, ys_diag *d)
{
	struct rows *r = ctx;

	(void)d;
	(void)nf;
	r->lines[r->n] = line;
	strncpy(r->first[r->n], f[0], 31);
	r->n++;
	return YS_OK;
}

static void test_csv_lines(void **state)
{
	const char *text = "a,b\n\n\"x\ny\",2\n c ,3\n";
	struct rows r = {0};
	ys_diag d;

	(void)state;
	assert_int_equal(ys_csv_read("t.csv", text, strlen(text), on_row, &r, &d), YS_OK);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.lines[0], 1);
	assert_int_equal(r.lines[1], 3);	/* blank line 2 skipped */
	assert_string_equal(r.first[1], "x\ny");
	assert_int_equal(r.lines[2], 5);
	assert_string_equal(r.first[2], "c");

	memset(&r, 0, sizeof r);
	text = "a,b\n1,\"open\n";
	assert_int_equal(ys_csv_read("t.csv", text, strlen(text), on_row, &r, &d), YS_EINPUT);
	assert_non_null(strstr(d.msg, "引号"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_validation),
		cmocka_unit_test(test_xml_safe),
		cmocka_unit_test(test_utf8_cut_partial),
		cmocka_unit_test(test_gbk_and_bom),
		cmocka_unit_test(test_strict_utf8),
		cmocka_unit_test(test_gbk_lines),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_csv_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
