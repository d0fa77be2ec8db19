/*
 * json.c - the canonical yusuan/disclosure@1 JSON. Amounts are decimal
 * strings exactly as displayed; an empty cell is null. Keys are written in
 * a fixed order so that output is byte-for-byte reproducible.
 */
#include "render.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../base/money.h"

const char *ys_render_amount(const ys_disclosure *ds, const ys_drow *r,
			     size_t col, char *out)
{
	if (!r->has[col]) {
		out[0] = '\0';
		return out;
	}
	return ys_money_format(r->values[col], ds->decimals, 0, out);
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static int set(json_t *o, const char *k, json_t *v)
{
	return v ? json_object_set_new(o, k, v) : -1;
}

static json_t *table_json(const ys_disclosure *ds, const ys_dtable *t)
{
	json_t *o = json_object(), *cols = json_array(), *rows = json_array();

	if (!o || !cols || !rows)
		goto fail;
	set(o, "id", str_or_null(t->id));
	set(o, "title", str_or_null(t->title));
	if (t->number)
		set(o, "number", json_string(t->number));
	if (t->no_seq)
		set(o, "seq", json_false());
	if (t->no_numbering)
		set(o, "numbering", json_false());
	for (size_t c = 0; c < t->ncols; c++) {
		json_t *col = json_object();

		set(col, "key", json_string(t->cols[c].key));
		set(col, "label", json_string(t->cols[c].label));
		if (t->cols[c].side)
			set(col, "side", json_string(t->cols[c].side));
		json_array_append_new(cols, col);
	}
	set(o, "columns", cols);
	cols = NULL;
	for (size_t i = 0; i < t->nrows; i++) {
		const ys_drow *r = &t->rows[i];
		json_t *row = json_object(), *vals = json_object();
		char buf[YS_MONEY_FMT_MAX];

		if (!row || !vals)
			goto fail;
		if (r->side)
			set(row, "side", json_string(r->side));
		if (r->line)
			set(row, "line", json_integer(r->line));
		if (r->item)
			set(row, "item", json_string(r->item));
		set(row, "code", str_or_null(r->code));
		set(row, "name", str_or_null(r->name));
		if (r->group)
			set(row, "group", json_string(r->group));
		if (r->total)
			set(row, "total", json_true());
		if (r->heading)
			set(row, "heading", json_true());
		for (size_t c = 0; c < t->ncols; c++) {
			if (!ys_drow_has_col(t, r, c))
				continue;
			set(vals, t->cols[c].key,
			    r->has[c] ? json_string(ys_render_amount(ds, r, c, buf)) : json_null());
		}
		set(row, "values", vals);
		if (r->notes) {
			json_t *notes = json_object();

			for (size_t c = 0; c < t->ncols; c++)
				if (r->notes[c])
					set(notes, t->cols[c].key, json_string(r->notes[c]));
			set(row, "notes", notes);
		}
		json_array_append_new(rows, row);
	}
	set(o, "rows", rows);
	rows = NULL;
	set(o, "note", str_or_null(t->note));
	if (!t->id && t->ncell_rows) {
		json_t *cells = json_array();

		for (size_t r = 0; r < t->ncell_rows; r++) {
			json_t *row = json_array();

			for (size_t c = 0; c < t->ncell_cols; c++)
				json_array_append_new(row, str_or_null(t->cells[r][c]));
			json_array_append_new(cells, row);
		}
		set(o, "cells", cells);
	}
	return o;
fail:
	json_decref(o);
	json_decref(cols);
	json_decref(rows);
	return NULL;
}

static json_t *perf_json(const ys_dperf *p, const ys_disclosure *ds)
{
	json_t *o = json_object(), *inds = json_array();
	char buf[YS_MONEY_FMT_MAX];

	set(o, "scope", json_string(p->scope ? p->scope : "project"));
	set(o, "name", str_or_null(p->name));
	set(o, "goal", str_or_null(p->goal));
	if (p->has_budget)
		set(o, "budget", json_string(ys_money_format(p->budget, ds->decimals, 0, buf)));
	for (size_t i = 0; i < p->nindicators; i++) {
		const ys_indicator *in = &p->indicators[i];
		json_t *r = json_object();

		set(r, "lv1", str_or_null(in->lv1));
		set(r, "lv2", str_or_null(in->lv2));
		set(r, "lv3", str_or_null(in->lv3));
		set(r, "desc", str_or_null(in->desc));
		set(r, "value", str_or_null(in->value));
		set(r, "basis", str_or_null(in->basis));
		json_array_append_new(inds, r);
	}
	set(o, "indicators", inds);
	return o;
}

ys_status ys_render_json(const ys_disclosure *ds, ys_buf *out, ys_diag *d)
{
	json_t *root = json_object(), *unit = json_object(), *tables = json_array(),
	       *sections = json_array(), *perf = json_array();
	char *text;

	if (!root || !unit || !tables || !sections || !perf) {
		json_decref(root);
		json_decref(unit);
		json_decref(tables);
		json_decref(sections);
		json_decref(perf);
		return ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
	}
	set(root, "schema", json_string("yusuan/disclosure@1"));
	set(root, "kind", json_string(ds->kind ? ds->kind : "budget"));
	set(root, "year", ds->year ? json_integer(ds->year) : json_null());
	set(unit, "code", str_or_null(ds->unit_code));
	set(unit, "name", str_or_null(ds->unit_name));
	set(root, "unit", unit);
	set(root, "money_unit", json_string(ds->money_unit ? ds->money_unit : "万元"));
	/* Amounts have two decimals unless this says otherwise (亿元 …). */
	if (ds->decimals != 2)
		set(root, "decimals", json_integer(ds->decimals));
	if (ds->template_name)
		set(root, "template", json_string(ds->template_name));
	if (ds->template_name && ds->template_chosen) {
		/* "template" stays the id it always was; the choice is a new key. */
		json_t *m = json_object();

		if (m) {
			set(m, "id", json_string(ds->template_name));
			set(m, "score", json_integer(ds->template_score));
		}
		set(root, "template_match", m);
	}
	if (ds->empty_tables_note)
		set(root, "empty_tables_note", json_string(ds->empty_tables_note));
	for (size_t i = 0; i < ds->ntables; i++) {
		json_t *t = table_json(ds, &ds->tables[i]);

		if (!t) {
			json_decref(root);
			json_decref(tables);
			json_decref(sections);
			json_decref(perf);
			return ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
		}
		json_array_append_new(tables, t);
	}
	set(root, "tables", tables);
	for (size_t i = 0; i < ds->nsections; i++) {
		json_t *s = json_object();

		set(s, "id", str_or_null(ds->sections[i].id));
		set(s, "title", str_or_null(ds->sections[i].title));
		set(s, "text", str_or_null(ds->sections[i].text));
		json_array_append_new(sections, s);
	}
	set(root, "sections", sections);
	for (size_t i = 0; i < ds->nperf; i++)
		json_array_append_new(perf, perf_json(&ds->perf[i], ds));
	set(root, "performance", perf);
	text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII * 0);
	json_decref(root);
	if (!text)
		return ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
	ys_buf_puts(out, text);
	ys_buf_putc(out, '\n');
	free(text);
	return ys_buf_ok(out) ? YS_OK : ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
}
