/*
 * csv.c - libcsv driven one physical line at a time, so that every record
 * knows the line it started on even when quoted fields hold newlines.
 */
#include "csv.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "limits.h"
#include "text.h"

struct reader {
	const char *path;
	ys_csv_row_fn fn;
	void *ctx;
	ys_diag *d;
	ys_status st;
	long line;		/* line being fed */
	long start_line;	/* line the current record started on */
	int nfields;
	int too_many;
	int nomem;
	size_t max_fields;	/* csv_fields of limits.h */
	size_t cap;		/* field and ptr hold cap entries */
	ys_buf *field;
	char **ptr;
};

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;

	if (r->st != YS_OK)
		return;
	if ((size_t)r->nfields >= r->max_fields) {
		r->too_many = 1;
		return;
	}
	if ((size_t)r->nfields == r->cap) {
		size_t c = r->cap ? r->cap * 2 : 8;
		ys_buf *f = realloc(r->field, c * sizeof *f);
		char **p;

		if (f)
			r->field = f;
		p = f ? realloc(r->ptr, c * sizeof *p) : NULL;
		if (!p) {
			r->nomem = 1;
			return;
		}
		r->ptr = p;
		memset(r->field + r->cap, 0, (c - r->cap) * sizeof *f);
		r->cap = c;
	}
	ys_buf_reset(&r->field[r->nfields]);
	ys_buf_add(&r->field[r->nfields], s ? s : "", s ? len : 0);
	r->nfields++;
}

static void on_record(int c, void *data)
{
	struct reader *r = data;
	char **fields = r->ptr;
	int blank = 1;

	(void)c;
	if (r->st != YS_OK)
		return;
	if (r->nomem) {
		r->st = ys_fail(r->d, YS_ENOMEM, r->path, r->start_line, 0, "内存不足");
		return;
	}
	if (r->nfields == 0)
		return;
	if (r->too_many) {
		r->st = ys_fail_limit(r->d, csv_fields, r->path, r->start_line, 0,
				      "一行的字段超过 %zu 个", r->max_fields);
		return;
	}
	for (int i = 0; i < r->nfields; i++) {
		if (!ys_buf_ok(&r->field[i])) {
			r->st = ys_fail(r->d, YS_ENOMEM, r->path, r->start_line,
					0, "内存不足");
			return;
		}
		fields[i] = r->field[i].data ? r->field[i].data : (char *)"";
		if (r->field[i].data)
			ys_trim(r->field[i].data);
		if (fields[i][0])
			blank = 0;
	}
	if (!blank)
		r->st = r->fn(r->ctx, fields, r->nfields, r->start_line, r->d);
	r->nfields = 0;
}

ys_status ys_csv_read(const char *path, const char *text, size_t len,
		      ys_csv_row_fn fn, void *ctx, ys_diag *d)
{
	struct csv_parser p;
	struct reader *r = calloc(1, sizeof *r);
	size_t off = 0;
	ys_status st;

	if (!r)
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	r->path = path;
	r->fn = fn;
	r->ctx = ctx;
	r->d = d;
	r->line = 1;
	r->max_fields = ys_limits_get()->csv_fields;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL) != 0) {
		free(r);
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	}
	while (off < len && r->st == YS_OK) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t n = nl ? (size_t)(nl - (text + off)) + 1 : len - off;

		/* A record starts on this line if none is open (not even a
		 * quoted field spanning lines); pstate 0 is libcsv's
		 * ROW_NOT_BEGUN. */
		if (p.pstate == 0 && r->nfields == 0)
			r->start_line = r->line;

		if (csv_parse(&p, text + off, n, on_field, on_record, r) != n) {
			if (r->st == YS_OK)
				r->st = ys_fail(d, YS_EINPUT, path, r->line, 0,
						"CSV 格式错误：%s（引号未闭合或引号位置不对）",
						csv_strerror(csv_error(&p)));
			break;
		}
		off += n;
		if (nl)
			r->line++;
	}
	if (r->st == YS_OK && csv_fini(&p, on_field, on_record, r) != 0)
		r->st = ys_fail(d, YS_EINPUT, path, r->start_line ? r->start_line : r->line, 0,
				"CSV 格式错误：文件结束时引号未闭合");
	csv_free(&p);
	st = r->st;
	for (size_t i = 0; i < r->cap; i++)
		ys_buf_free(&r->field[i]);
	free(r->field);
	free(r->ptr);
	free(r);
	return st;
}
