/*
 * disclosure_json.c - yusuan/disclosure@1 JSON → ys_disclosure, with
 * jansson. The reader is strict about types (a hostile file must not crash
 * or silently lose amounts) and lenient about optional keys: everything but
 * "schema" and "tables" may be missing. Amounts are strings or null.
 */
#include "disclosure_json.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/limits.h"
#include "../base/money.h"
#include "../base/text.h"

#define SCHEMA "yusuan/disclosure@1"

int ys_disclosure_json_sniff(const char *text, size_t len)
{
	size_t n = len < 4096 ? len : 4096;
	size_t i = 0;

	if (n >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < n && strchr(" \t\r\n", text[i]))
		i++;
	if (i >= n || text[i] != '{')
		return 0;
	return memmem(text, n, SCHEMA, strlen(SCHEMA)) != NULL;
}

typedef struct rd {
	ys_disclosure *ds;
	const char *path;
	ys_diag *d;
} rd;

static const char *sdup(rd *r, const char *s)
{
	return s ? ys_arena_strdup(&r->ds->arena, s) : NULL;
}

/* An optional string member: NULL when absent or null; fails on another type. */
static ys_status opt_str(rd *r, json_t *o, const char *key, const char *where,
			 const char **out)
{
	json_t *v = json_object_get(o, key);

	*out = NULL;
	if (!v || json_is_null(v))
		return YS_OK;
	if (!json_is_string(v))
		return ys_fail(r->d, YS_EINPUT, r->path, 0, 0,
			       "%s.%s 应为字符串", where, key);
	if (!(*out = sdup(r, json_string_value(v))))
		return ys_fail(r->d, YS_ENOMEM, r->path, 0, 0, "内存不足");
	return YS_OK;
}

static int opt_bool(json_t *o, const char *key)
{
	return json_is_true(json_object_get(o, key));
}

static ys_status read_amount(rd *r, json_t *v, const char *where, int64_t *out,
			     uint8_t *has)
{
	const char *why = "";

	*has = 0;
	if (!v || json_is_null(v))
		return YS_OK;
	if (!json_is_string(v))
		return ys_fail(r->d, YS_EINPUT, r->path, 0, 0,
			       "%s：金额应为字符串（如 \"552.18\"）或 null", where);
	switch (ys_money_parse(json_string_value(v), r->ds->decimals, out, &why)) {
	case YS_MONEY_VALUE:
		*has = 1;
		return YS_OK;
	case YS_MONEY_EMPTY:
		return YS_OK;
	case YS_MONEY_OVERFLOW:
		return ys_fail(r->d, YS_ERANGE, r->path, 0, 0, "%s：金额“%s”太大",
			       where, json_string_value(v));
	default:
		return ys_fail(r->d, YS_EINPUT, r->path, 0, 0, "%s：金额“%s”无效（%s）",
			       where, json_string_value(v), why);
	}
}

static ys_status read_row(rd *r, ys_dtable *t, json_t *jr, ys_drow *row,
			  const char *where)
{
	ys_arena *a = &r->ds->arena;
	json_t *vals, *notes, *line;
	ys_status st;

	if (!json_is_object(jr))
		return ys_fail(r->d, YS_EINPUT, r->path, 0, 0, "%s 应为对象", where);
	if ((st = opt_str(r, jr, "side", where, &row->side)) ||
	    (st = opt_str(r, jr, "item", where, &row->item)) ||
	    (st = opt_str(r, jr, "code", where, &row->code)) ||
	    (st = opt_str(r, jr, "name", where, &row->name)) ||
	    (st = opt_str(r, jr, "label", where, &row->label)) ||
	    (st = opt_str(r, jr, "group", where, &row->group)))
		return st;
	line = json_object_get(jr, "line");
	if (json_is_integer(line) && json_integer_value(line) > 0 &&
	    json_integer_value(line) < 100000)
		row->line = (int)json_integer_value(line);
	row->total = opt_bool(jr, "total");
	row->heading = opt_bool(jr, "heading");
	row->values = ys_arena_alloc(a, (t->ncols ? t->ncols : 1) * sizeof *row->values);
	row->has = ys_arena_alloc(a, t->ncols ? t->ncols : 1);
	if (!row->values || !row->has)
		return ys_fail(r->d, YS_ENOMEM, r->path, 0, 0, "内存不足");
	vals = json_object_get(jr, "values");
	if (vals && !json_is_object(vals))
		return ys_fail(r->d, YS_EINPUT, r->path, 0, 0, "%s.values 应为对象", where);
	for (size_t c = 0; vals && c < t->ncols; c++) {
		char w[300];

		if (!ys_drow_has_col(t, row, c))
			continue;
		snprintf(w, sizeof w, "%s.values.%s", where, t->cols[c].key);
		st = read_amount(r, json_object_get(vals, t->cols[c].key), w,
				 &row->values[c], &row->has[c]);
		if (st)
			return st;
	}
	notes = json_object_get(jr, "notes");
	if (json_is_object(notes)) {
		row->notes = ys_arena_alloc(a, (t->ncols ? t->ncols : 1) * sizeof *row->notes);
		if (!row->notes)
			return ys_fail(r->d, YS_ENOMEM, r->path, 0, 0, "内存不足");
		for (size_t c = 0; c < t->ncols; c++) {
			json_t *n = json_object_get(notes, t->cols[c].key);

			if (json_is_string(n))
				row->notes[c] = sdup(r, json_string_value(n));
		}
	}
	return YS_OK;
}

/* The cells of an unrecognised table (政府采购, 固定资产 …): an array of
 * rows of strings or nulls, ragged rows padded with NULL. Limited, since a
 * hostile file could otherwise ask for rows × columns far beyond its size
 * (json_cells of limits.h). */

static ys_status read_cells(rd *r, json_t *jcells, ys_dtable *t, const char *where)
{
	ys_arena *a = &r->ds->arena;
	size_t nr, nc = 0;

	if (!jcells || json_is_null(jcells))
		return YS_OK;
	if (!json_is_array(jcells))
		return ys_fail(r->d, YS_EINPUT, r->path, 0, 0, "%s.cells 应为数组", where);
	nr = json_array_size(jcells);
	for (size_t i = 0; i < nr; i++) {
		json_t *row = json_array_get(jcells, i);

		if (!json_is_array(row))
			return ys_fail(r->d, YS_EINPUT, r->path, 0, 0, "%s.cells[%zu] 应为数组", where, i);
		if (json_array_size(row) > nc)
			nc = json_array_size(row);
	}
	if (!nr || !nc)
		return YS_OK;
	if (nc > ys_limits_get()->json_cells / nr)
		return ys_fail_limit(r->d, json_cells, r->path, 0, 0, "%s.cells 超过 %zu 个单元格的上限",
				     where, ys_limits_get()->json_cells);
	if (!(t->cells = ys_arena_alloc(a, nr * sizeof *t->cells)))
		return ys_fail(r->d, YS_ENOMEM, r->path, 0, 0, "内存不足");
	for (size_t i = 0; i < nr; i++) {
		json_t *row = json_array_get(jcells, i);

		if (!(t->cells[i] = ys_arena_alloc(a, nc * sizeof **t->cells)))
			return ys_fail(r->d, YS_ENOMEM, r->path, 0, 0, "内存不足");
		for (size_t c = 0; c < nc; c++) {
			json_t *v = json_array_get(row, c);

			t->cells[i][c] = NULL;
			if (!v || json_is_null(v))
				continue;
			if (!json_is_string(v))
				return ys_fail(r->d, YS_EINPUT, r->path, 0, 0,
					       "%s.cells[%zu][%zu] 应为字符串或 null", where, i, c);
			if (!(t->cells[i][c] = sdup(r, json_string_value(v))))
				return ys_fail(r->d, YS_ENOMEM, r->path, 0, 0, "内存不足");
		}
	}
	t->ncell_rows = nr;
	t->ncell_cols = nc;
	return YS_OK;
}

static ys_status read_table(rd *r, json_t *jt, ys_dtable *t, size_t ti)
{
	ys_arena *a = &r->ds->arena;
	json_t *cols, *rows, *year;
	char where[64];
	ys_status st;

	snprintf(where, sizeof where, "tables[%zu]", ti);
	if (!json_is_object(jt))
		return ys_fail(r->d, YS_EINPUT, r->path, 0, 0, "%s 应为对象", where);
	if ((st = opt_str(r, jt, "id", where, &t->id)) ||
	    (st = opt_str(r, jt, "title", where, &t->title)) ||
	    (st = opt_str(r, jt, "number", where, &t->number)) ||
	    (st = opt_str(r, jt, "note", where, &t->note)) ||
	    (st = opt_str(r, jt, "unit_name", where, &t->unit_name)) ||
	    (st = opt_str(r, jt, "money_unit", where, &t->money_unit)))
		return st;
	/* 序号 and 栏次 are printed unless the table says otherwise. */
	t->no_seq = json_is_false(json_object_get(jt, "seq"));
	t->no_numbering = json_is_false(json_object_get(jt, "numbering"));
	year = json_object_get(jt, "year");
	if (json_is_integer(year))
		t->year = (int)json_integer_value(year);
	cols = json_object_get(jt, "columns");
	rows = json_object_get(jt, "rows");
	if (cols && !json_is_array(cols))
		return ys_fail(r->d, YS_EINPUT, r->path, 0, 0, "%s.columns 应为数组", where);
	if (rows && !json_is_array(rows))
		return ys_fail(r->d, YS_EINPUT, r->path, 0, 0, "%s.rows 应为数组", where);
	t->ncols = json_array_size(cols);
	t->cols = ys_arena_alloc(a, (t->ncols ? t->ncols : 1) * sizeof *t->cols);
	if (!t->cols)
		return ys_fail(r->d, YS_ENOMEM, r->path, 0, 0, "内存不足");
	for (size_t c = 0; c < t->ncols; c++) {
		json_t *jc = json_array_get(cols, c);
		char w[96];

		snprintf(w, sizeof w, "%s.columns[%zu]", where, c);
		if (!json_is_object(jc))
			return ys_fail(r->d, YS_EINPUT, r->path, 0, 0, "%s 应为对象", w);
		if ((st = opt_str(r, jc, "key", w, &t->cols[c].key)) ||
		    (st = opt_str(r, jc, "label", w, &t->cols[c].label)) ||
		    (st = opt_str(r, jc, "side", w, &t->cols[c].side)))
			return st;
		if (!t->cols[c].key)
			return ys_fail(r->d, YS_EINPUT, r->path, 0, 0, "%s 缺少 key", w);
		if (t->cols[c].side)
			t->two_sided = 1;
	}
	t->nrows = json_array_size(rows);
	t->rows = ys_arena_alloc(a, (t->nrows ? t->nrows : 1) * sizeof *t->rows);
	if (!t->rows)
		return ys_fail(r->d, YS_ENOMEM, r->path, 0, 0, "内存不足");
	for (size_t i = 0; i < t->nrows; i++) {
		char w[96];

		snprintf(w, sizeof w, "%s.rows[%zu]", where, i);
		if ((st = read_row(r, t, json_array_get(rows, i), &t->rows[i], w)))
			return st;
	}
	return t->id ? YS_OK : read_cells(r, json_object_get(jt, "cells"), t, where);
}

static ys_status read_perf(rd *r, json_t *jp, ys_dperf *p, size_t pi)
{
	ys_arena *a = &r->ds->arena;
	json_t *inds;
	char where[64];
	ys_status st;

	snprintf(where, sizeof where, "performance[%zu]", pi);
	if (!json_is_object(jp))
		return ys_fail(r->d, YS_EINPUT, r->path, 0, 0, "%s 应为对象", where);
	if ((st = opt_str(r, jp, "scope", where, &p->scope)) ||
	    (st = opt_str(r, jp, "name", where, &p->name)) ||
	    (st = opt_str(r, jp, "goal", where, &p->goal)))
		return st;
	{
		uint8_t has = 0;
		char w[96];

		snprintf(w, sizeof w, "%s.budget", where);
		if ((st = read_amount(r, json_object_get(jp, "budget"), w, &p->budget, &has)))
			return st;
		p->has_budget = has;
	}
	inds = json_object_get(jp, "indicators");
	if (!json_is_array(inds))
		return YS_OK;
	p->nindicators = json_array_size(inds);
	p->indicators = ys_arena_alloc(a, (p->nindicators ? p->nindicators : 1) *
					      sizeof *p->indicators);
	if (!p->indicators)
		return ys_fail(r->d, YS_ENOMEM, r->path, 0, 0, "内存不足");
	for (size_t i = 0; i < p->nindicators; i++) {
		json_t *ji = json_array_get(inds, i);
		ys_indicator *in = &p->indicators[i];
		char w[96];

		snprintf(w, sizeof w, "%s.indicators[%zu]", where, i);
		if (!json_is_object(ji))
			return ys_fail(r->d, YS_EINPUT, r->path, 0, 0, "%s 应为对象", w);
		if ((st = opt_str(r, ji, "lv1", w, &in->lv1)) ||
		    (st = opt_str(r, ji, "lv2", w, &in->lv2)) ||
		    (st = opt_str(r, ji, "lv3", w, &in->lv3)) ||
		    (st = opt_str(r, ji, "desc", w, &in->desc)) ||
		    (st = opt_str(r, ji, "value", w, &in->value)) ||
		    (st = opt_str(r, ji, "basis", w, &in->basis)))
			return st;
	}
	return YS_OK;
}

static ys_status read_root(rd *r, json_t *root)
{
	ys_disclosure *ds = r->ds;
	ys_arena *a = &ds->arena;
	json_t *schema, *year, *unit, *tables, *sections, *perf;
	ys_status st;

	if (!json_is_object(root))
		return ys_fail(r->d, YS_EINPUT, r->path, 1, 1, "应为 JSON 对象（yusuan/disclosure@1）");
	schema = json_object_get(root, "schema");
	if (!json_is_string(schema) || strcmp(json_string_value(schema), SCHEMA))
		return ys_fail(r->d, YS_EINPUT, r->path, 0, 0,
			       "schema 应为 \"" SCHEMA "\"");
	if ((st = opt_str(r, root, "kind", "", &ds->kind)) ||
	    (st = opt_str(r, root, "money_unit", "", &ds->money_unit)) ||
	    (st = opt_str(r, root, "template", "", &ds->template_name)) ||
	    (st = opt_str(r, root, "empty_tables_note", "", &ds->empty_tables_note)))
		return st;
	if (!ds->kind)
		ds->kind = "budget";
	if (ds->money_unit && !strcmp(ds->money_unit, "元"))
		ds->decimals = 2;
	/* Written when amounts have other than two decimals (render/json.c). */
	{
		json_t *dec = json_object_get(root, "decimals");

		if (dec && (!json_is_integer(dec) || json_integer_value(dec) < 0 ||
			    json_integer_value(dec) > 10))
			return ys_fail(r->d, YS_EINPUT, r->path, 0, 0,
				       "decimals 应为 0 到 10 的整数（金额的小数位数）");
		if (dec)
			ds->decimals = (int)json_integer_value(dec);
	}
	year = json_object_get(root, "year");
	if (json_is_integer(year) && json_integer_value(year) > 1900 &&
	    json_integer_value(year) < 3000)
		ds->year = (int)json_integer_value(year);
	unit = json_object_get(root, "unit");
	if (json_is_object(unit) &&
	    ((st = opt_str(r, unit, "code", "unit", &ds->unit_code)) ||
	     (st = opt_str(r, unit, "name", "unit", &ds->unit_name))))
		return st;
	if (!(ds->source = sdup(r, r->path)))
		return ys_fail(r->d, YS_ENOMEM, r->path, 0, 0, "内存不足");
	tables = json_object_get(root, "tables");
	if (!json_is_array(tables))
		return ys_fail(r->d, YS_EINPUT, r->path, 0, 0, "缺少 tables 数组");
	ds->ntables = json_array_size(tables);
	ds->tables = ys_arena_alloc(a, (ds->ntables ? ds->ntables : 1) * sizeof *ds->tables);
	if (!ds->tables)
		return ys_fail(r->d, YS_ENOMEM, r->path, 0, 0, "内存不足");
	for (size_t i = 0; i < ds->ntables; i++)
		if ((st = read_table(r, json_array_get(tables, i), &ds->tables[i], i)))
			return st;
	sections = json_object_get(root, "sections");
	if (json_is_array(sections)) {
		ds->nsections = json_array_size(sections);
		ds->sections = ys_arena_alloc(a, (ds->nsections ? ds->nsections : 1) *
						      sizeof *ds->sections);
		if (!ds->sections)
			return ys_fail(r->d, YS_ENOMEM, r->path, 0, 0, "内存不足");
		for (size_t i = 0; i < ds->nsections; i++) {
			json_t *js = json_array_get(sections, i);
			ys_dsection *s = &ds->sections[i];
			char w[64];

			snprintf(w, sizeof w, "sections[%zu]", i);
			if (!json_is_object(js))
				return ys_fail(r->d, YS_EINPUT, r->path, 0, 0, "%s 应为对象", w);
			if ((st = opt_str(r, js, "id", w, &s->id)) ||
			    (st = opt_str(r, js, "title", w, &s->title)) ||
			    (st = opt_str(r, js, "text", w, &s->text)))
				return st;
		}
	}
	perf = json_object_get(root, "performance");
	if (json_is_array(perf)) {
		ds->nperf = json_array_size(perf);
		ds->perf = ys_arena_alloc(a, (ds->nperf ? ds->nperf : 1) * sizeof *ds->perf);
		if (!ds->perf)
			return ys_fail(r->d, YS_ENOMEM, r->path, 0, 0, "内存不足");
		for (size_t i = 0; i < ds->nperf; i++)
			if ((st = read_perf(r, json_array_get(perf, i), &ds->perf[i], i)))
				return st;
	}
	return YS_OK;
}

/* The line and column of the first escape in text that gives a character
 * XML forbids (\u0001, \uFFFF …), or 0 when there is none: jansson keeps
 * no positions, but the escape is where the reader must look. */
static void escape_place(const char *text, size_t len, long *line, long *col)
{
	*line = *col = 0;
	for (size_t i = 0; i + 5 < len; i++) {
		size_t bs = 0;
		unsigned v;

		if (text[i] != '\\' || text[i + 1] != 'u')
			continue;
		for (size_t k = i; k > 0 && text[k - 1] == '\\'; k--)
			bs++;
		if (bs % 2 || sscanf(text + i + 2, "%4x", &v) != 1)
			continue;
		if ((v < 0x20 && v != '\t' && v != '\n' && v != '\r') || v == 0xFFFE ||
		    v == 0xFFFF) {
			ys_text_position(text, i, line, col);
			return;
		}
	}
}

/* Every string (values and keys) XML-safe; path grows with the keys and
 * indexes on the way down ("tables[2].rows[5].name"), for the message.
 * Returns the string's path in *where when one is not. jansson limits
 * nesting (2048 levels), which bounds the recursion. */
static int json_safe(json_t *v, ys_buf *path, const char **why)
{
	size_t mark = path->len;

	if (json_is_string(v))
		return ys_text_check_xml_safe(json_string_value(v), json_string_length(v),
					      why) < 0;
	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v); i++) {
			ys_buf_printf(path, "[%zu]", i);
			if (!json_safe(json_array_get(v, i), path, why))
				return 0;
			path->len = mark;
			ys_buf_puts(path, "");
		}
	} else if (json_is_object(v)) {
		const char *key;
		json_t *e;

		json_object_foreach(v, key, e) {
			ys_buf_printf(path, "%s%s", path->len ? "." : "", key);
			if (ys_text_check_xml_safe(key, strlen(key), why) >= 0 ||
			    !json_safe(e, path, why))
				return 0;
			path->len = mark;
			ys_buf_puts(path, "");
		}
	}
	return 1;
}

ys_status ys_disclosure_json_parse(ys_disclosure *ds, const char *text,
				   size_t len, const char *path, ys_diag *d)
{
	json_error_t err;
	json_t *root;
	rd r = {ds, path, d};
	ys_status st;

	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (!root)
		return ys_fail(d, YS_EINPUT, path, err.line > 0 ? err.line : 0,
			       err.column > 0 ? err.column : 0, "JSON 语法错误：%s", err.text);
	{
		ys_buf where = YS_BUF_INIT;
		const char *why = NULL;
		long line, col;

		if (!json_safe(root, &where, &why)) {
			escape_place(text, len, &line, &col);
			st = ys_fail(d, YS_EINPUT, path, line, col,
				     "“%s”含有公开文件中不允许的%s；请删去或改正这个字符",
				     where.len ? ys_buf_str(&where) : "（顶层）", why);
			ys_buf_free(&where);
			json_decref(root);
			return st;
		}
		ys_buf_free(&where);
	}
	st = read_root(&r, root);
	json_decref(root);
	return st;
}

ys_status ys_disclosure_json_read(ys_disclosure *ds, const char *path, ys_diag *d)
{
	char *text = NULL;
	size_t len = 0;
	ys_status st = ys_read_file_limited(path, input_bytes, &text, &len, d);

	if (st != YS_OK)
		return st;
	st = ys_disclosure_json_parse(ds, text, len, path, d);
	free(text);
	return st;
}
