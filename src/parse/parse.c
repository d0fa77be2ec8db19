/*
 * parse.c - the parser's entry point: reads the file, detects the format
 * from its content, hands the bytes to the reader for that format and the
 * resulting intermediate document to table recognition.
 */
#include "parse.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/limits.h"
#include "../base/buf.h"
#include "../base/text.h"
#include "readers.h"

const char *ys_parse_format_name(ys_parse_format f)
{
	switch (f) {
	case YS_PFMT_TEXT: return "text";
	case YS_PFMT_HTML: return "html";
	case YS_PFMT_DOCX: return "docx";
	case YS_PFMT_XLSX: return "xlsx";
	case YS_PFMT_PDF: return "pdf";
	default: return "zip";
	}
}

int ys_parse_has_bytes(const char *data, size_t len, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i + n <= len; i++)
		if (data[i] == name[0] && !memcmp(data + i, name, n))
			return 1;
	return 0;
}

static int looks_html(const char *data, size_t len)
{
	size_t n = len < 4096 ? len : 4096;

	for (size_t i = 0; i + 6 <= n; i++)
		if (data[i] == '<' && (!strncasecmp(data + i, "<html", 5) ||
				       !strncasecmp(data + i, "<table", 6) ||
				       !strncasecmp(data + i, "<!doctype", 9 <= n - i ? 9 : n - i) ||
				       !strncasecmp(data + i, "<body", 5) ||
				       !strncasecmp(data + i, "<meta", 5)))
			return 1;
	return 0;
}

ys_parse_format ys_parse_detect(const char *data, size_t len)
{
	/* The header may follow a few bytes of junk (the spec allows 1024). */
	for (size_t i = 0; i + 5 <= len && i < 1024; i++)
		if (data[i] == '%' && !memcmp(data + i, "%PDF-", 5))
			return YS_PFMT_PDF;
	/* Zip entry names appear in local headers and the central directory. */
	if (len >= 4 && !memcmp(data, "PK\003\004", 4)) {
		if (ys_parse_has_bytes(data, len, "word/document.xml"))
			return YS_PFMT_DOCX;
		if (ys_parse_has_bytes(data, len, "xl/workbook.xml"))
			return YS_PFMT_XLSX;
		return YS_PFMT_ZIP;
	}
	if (looks_html(data, len))
		return YS_PFMT_HTML;
	return YS_PFMT_TEXT;
}

/* Text formats: UTF-8 (with or without BOM) or GBK/GB18030. */
static ys_status to_utf8(const char *path, const char *data, size_t len, char **text,
			 size_t *tlen, const char **enc, ys_diag *d)
{
	ys_status st;

	if (!(*text = malloc(len + 1)))
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	memcpy(*text, data, len);
	(*text)[len] = '\0';
	*tlen = len;
	if (memchr(data, '\0', len)) {
		free(*text);
		*text = NULL;
		return ys_fail(d, YS_EINPUT, path, 0, 0,
			       "不是可识别的公开文件：含有二进制内容（NUL 字节），"
			       "支持文本导出、HTML、DOCX、XLSX、PDF");
	}
	if ((st = ys_text_to_utf8(path, text, tlen, enc, d)) != YS_OK) {
		free(*text);
		*text = NULL;
	}
	return st;
}

/* The bytes into the intermediate document, by their format. */
static ys_status read_doc(const char *path, const char *data, size_t len, ys_pdoc *doc,
			  ys_diag *d)
{
	ys_parse_format f = ys_parse_detect(data, len);
	char *text = NULL;
	size_t tlen = 0;
	ys_status st;

	switch (f) {
	case YS_PFMT_TEXT:
	case YS_PFMT_HTML:
		if ((st = to_utf8(path, data, len, &text, &tlen, &doc->encoding, d)) != YS_OK)
			return st;
		st = f == YS_PFMT_TEXT ? ys_read_textexport(path, text, tlen, doc, d)
				       : ys_read_html(path, text, tlen, doc, d);
		free(text);
		return st;
	case YS_PFMT_PDF:
		return ys_read_pdf(path, data, len, doc, d);
	case YS_PFMT_DOCX:
	case YS_PFMT_XLSX:
		return ys_read_ooxml(path, data, len, f == YS_PFMT_DOCX, doc, d);
	default:
		return ys_fail(d, YS_EINPUT, path, 0, 0,
			       "zip 文件中既没有 word/document.xml 也没有 xl/workbook.xml："
			       "不是 DOCX 或 XLSX");
	}
}

/* Recognition helpers that run out of memory return a bare YS_ENOMEM:
 * the message then names the document. */
static ys_status nomem_named(ys_status st, const char *path, ys_diag *d)
{
	if (st == YS_ENOMEM && d && !d->msg[0])
		ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	return st;
}

ys_status ys_parse_bytes(const char *path, const char *data, size_t len,
			 const ys_template *t, const ys_catalog *cat,
			 ys_disclosure *out, ys_diag *d)
{
	ys_pdoc doc = {0};
	ys_status st;

	(void)cat;
	if ((st = read_doc(path, data, len, &doc, d)) == YS_OK)
		st = ys_recognize(&doc, path, t, out, d);
	if (st == YS_OK && doc.encoding && strcmp(doc.encoding, "UTF-8"))
		out->source_encoding = doc.encoding;
	ys_pdoc_free(&doc);
	return nomem_named(st, path, d);
}

ys_status ys_parse_file_best(const char *path, const ys_tset *s,
			     const ys_catalog *cat, ys_disclosure *out, ys_diag *d)
{
	ys_pdoc doc = {0};
	char *data;
	size_t len, best = 0;
	int best_score = -1;
	ys_status st;

	(void)cat;
	if (!s->n)
		return ys_fail(d, YS_ENOTFOUND, path, 0, 0, "没有可用的模板（模板目录为空）");
	if ((st = ys_read_file_limited(path, document_bytes, &data, &len, d)) != YS_OK)
		return st;
	st = len ? read_doc(path, data, len, &doc, d) : ys_fail(d, YS_EINPUT, path, 0, 0, "文件为空");
	free(data);
	if (st == YS_OK) {
		ys_pwords pw;

		if ((st = ys_pwords_build(&doc, &pw)) == YS_OK) {
			for (size_t i = 0; i < s->n; i++) {
				int sc = ys_recognize_score(&pw, &s->v[i]);

				if (sc > best_score) {
					best_score = sc;
					best = i;
				}
			}
			ys_pwords_free(&pw);
			st = ys_recognize(&doc, path, &s->v[best], out, d);
		}
	}
	if (st == YS_OK) {
		out->template_chosen = 1;
		out->template_score = best_score;
		if (doc.encoding && strcmp(doc.encoding, "UTF-8"))
			out->source_encoding = doc.encoding;
	}
	ys_pdoc_free(&doc);
	return nomem_named(st, path, d);
}

ys_status ys_parse_dump_file(const char *path, ys_buf *out, ys_diag *d)
{
	ys_pdoc doc = {0};
	char *data;
	size_t len;
	ys_status st = ys_read_file_limited(path, document_bytes, &data, &len, d);
	unsigned char *taken = NULL;

	if (st != YS_OK)
		return st;
	st = len ? read_doc(path, data, len, &doc, d) : ys_fail(d, YS_EINPUT, path, 0, 0, "文件为空");
	free(data);
	for (size_t i = 0; st == YS_OK && i < doc.nblocks; i++) {
		const ys_pblock *b = &doc.blocks[i];
		size_t w = 0;

		if (b->kind == YS_PB_PARA) {
			ys_buf_printf(out, "P%d %s\n", b->page, b->text);
			continue;
		}
		for (size_t r = 0; r < b->nrows; r++) {
			size_t n = 0;

			for (size_t c = 0; c < b->rows[r].ncells; c++)
				n += (size_t)b->rows[r].cells[c].colspan;
			if (n > w)
				w = n;
		}
		ys_buf_printf(out, "T%d %zux%zu\n", b->page, b->nrows, w);
		if (!(taken = calloc(b->nrows * w + 1, 1))) {
			st = ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
			break;
		}
		/* Cells on the grid (HTML spans); a covered place prints "^". */
		for (size_t r = 0; r < b->nrows; r++) {
			size_t c = 0;

			ys_buf_printf(out, "R%d ", b->rows[r].page);
			for (size_t k = 0; k <= b->rows[r].ncells; k++) {
				const ys_pcell *cell = k < b->rows[r].ncells ? &b->rows[r].cells[k] : NULL;

				for (; c < w && taken[r * w + c]; c++)
					ys_buf_puts(out, c ? "|^" : "^");
				if (!cell || c >= w)
					continue;
				ys_buf_printf(out, "%s%s", c ? "|" : "", cell->text);
				for (size_t rr = r; rr < b->nrows && rr < r + (size_t)cell->rowspan; rr++)
					for (size_t cc = c; cc < w && cc < c + (size_t)cell->colspan; cc++)
						taken[rr * w + cc] = 1;
				c++;
			}
			ys_buf_putc(out, '\n');
		}
		free(taken);
		taken = NULL;
	}
	ys_pdoc_free(&doc);
	if (st == YS_OK && !ys_buf_ok(out))
		st = ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	return st;
}

ys_status ys_parse_file(const char *path, const ys_template *t,
			const ys_catalog *cat, ys_disclosure *out, ys_diag *d)
{
	char *data;
	size_t len;
	ys_status st = ys_read_file_limited(path, document_bytes, &data, &len, d);

	if (st != YS_OK)
		return st;
	if (!len)
		st = ys_fail(d, YS_EINPUT, path, 0, 0, "文件为空");
	else
		st = ys_parse_bytes(path, data, len, t, cat, out, d);
	free(data);
	return st;
}
