/*
 * out_check.h - what the renderer fuzzers assert about an output: text
 * formats are valid UTF-8 with nothing XML forbids; DOCX and XLSX are zips
 * whose every XML part is well-formed for expat; a PDF starts and ends as
 * one; JSON reads back with our own reader and renders back to the same
 * bytes; DOCX and XLSX read back with our own parser without a crash.
 * Included by fuzz_render.c and fuzz_template.c only.
 */
#ifndef YS_FUZZ_OUT_CHECK_H
#define YS_FUZZ_OUT_CHECK_H

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "../src/base/buf.h"
#include "../src/base/text.h"
#include "../src/io/disclosure_json.h"
#include "../src/parse/parse.h"
#include "../src/render/render.h"

static void fz_die(const char *who, const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", who);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	abort();
}

/* Every .xml and .rels entry of the zip in b parses with expat. */
static void fz_zip_xml_ok(const char *who, const ys_buf *b)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	zip_int64_t n;

	zip_error_init(&ze);
	if (!(src = zip_source_buffer_create(b->data, b->len, 0, &ze)))
		abort();
	if (!(z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze)))
		fz_die(who, "output is not a zip: %s", zip_error_strerror(&ze));
	zip_error_fini(&ze);
	n = zip_get_num_entries(z, 0);
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
		size_t nl = name ? strlen(name) : 0;
		zip_stat_t zs;
		zip_file_t *f;
		char *data;
		XML_Parser p;

		if (!name || !((nl > 4 && !strcmp(name + nl - 4, ".xml")) ||
			       (nl > 5 && !strcmp(name + nl - 5, ".rels"))))
			continue;
		if (zip_stat_index(z, (zip_uint64_t)i, 0, &zs) || !(zs.valid & ZIP_STAT_SIZE))
			fz_die(who, "zip entry %s: no size", name);
		if (!(data = malloc(zs.size + 1)) || !(f = zip_fopen_index(z, (zip_uint64_t)i, 0)))
			abort();
		if (zip_fread(f, data, zs.size) != (zip_int64_t)zs.size)
			fz_die(who, "zip entry %s: short read", name);
		zip_fclose(f);
		if (ys_utf8_invalid_at(data, zs.size) >= 0)
			fz_die(who, "zip entry %s: invalid UTF-8", name);
		p = XML_ParserCreate("UTF-8");
		if (!p)
			abort();
		if (XML_Parse(p, data, (int)zs.size, 1) != XML_STATUS_OK) {
			fprintf(stderr, "%s: %s line %lu: %s\n", who, name,
				(unsigned long)XML_GetCurrentLineNumber(p),
				XML_ErrorString(XML_GetErrorCode(p)));
			abort();
		}
		XML_ParserFree(p);
		free(data);
	}
	zip_close(z);
}

/* The checks of one rendered format (fmt->name) of ds. */
static void fz_check_output(const char *who, const ys_format *fmt, const ys_buf *b,
			    const ys_template *t, const ys_catalog *cat)
{
	const char *name = fmt->name;
	const char *why = NULL;

	if (!b->len)
		fz_die(who, "%s: empty output", name);
	if (!strcmp(name, "json") || !strcmp(name, "md") || !strcmp(name, "csv") ||
	    !strcmp(name, "html")) {
		long at = ys_text_check_xml_safe(b->data, b->len, &why);

		if (at >= 0) {
			fprintf(stderr, "%s: %s output: byte %ld: %s\n", who, name, at, why);
			abort();
		}
	}
	if (!strcmp(name, "json")) {
		ys_disclosure back;
		ys_buf again = {0};
		ys_diag d = {0};

		ys_disclosure_init(&back);
		if (ys_disclosure_json_parse(&back, b->data, b->len, "out.json", &d) != YS_OK)
			fz_die(who, "our JSON does not read back: %s", d.msg);
		if (ys_render_json(&back, &again, &d) != YS_OK)
			fz_die(who, "JSON read back does not render: %s", d.msg);
		if (again.len != b->len || memcmp(again.data, b->data, b->len))
			fz_die(who, "%s", "JSON read back renders differently");
		ys_buf_free(&again);
		ys_disclosure_free(&back);
	} else if (!strcmp(name, "docx") || !strcmp(name, "xlsx")) {
		ys_disclosure back;
		ys_diag d = {0};
		ys_status st;

		fz_zip_xml_ok(who, b);
		ys_disclosure_init(&back);
		st = ys_parse_bytes(name, b->data, b->len, t, cat, &back, &d);
		if (st != YS_OK && !d.msg[0])
			fz_die(who, "%s: reading back failed without a message", name);
		ys_disclosure_free(&back);
	} else if (!strcmp(name, "pdf")) {
		if (b->len < 8 || memcmp(b->data, "%PDF-", 5) ||
		    !memmem(b->data + b->len - (b->len < 32 ? b->len : 32),
			    b->len < 32 ? b->len : 32, "%%EOF", 5))
			fz_die(who, "%s", "pdf: not a whole PDF");
	}
}

/* Renders ds in the formats picked by sel: 0–6 one format (ys_format_at),
 * 7 every format but PDF (PDF costs a font subset per run: 1 in 8). Each
 * output is checked; a failure must carry a message. */
static void fz_render_all(const char *who, const ys_disclosure *ds, unsigned sel,
			  const ys_template *t, const ys_catalog *cat)
{
	sel %= 8;
	for (size_t i = 0; ys_format_at(i); i++) {
		const ys_format *f = ys_format_at(i);
		ys_buf b = {0};
		ys_diag d = {0};
		ys_status st;

		if (sel < 7 ? i != sel : !strcmp(f->name, "pdf"))
			continue;
		st = f->render(ds, t, &b, &d);
		if (st != YS_OK && !d.msg[0])
			fz_die(who, "%s: failure without a message", f->name);
		if (st == YS_OK)
			fz_check_output(who, f, &b, t, cat);
		ys_buf_free(&b);
	}
}

#endif
