/*
 * disclosure.c - lookups on the Disclosure model.
 */
#include "disclosure.h"

#include <string.h>

#include "../base/buf.h"

void ys_disclosure_init(ys_disclosure *ds)
{
	memset(ds, 0, sizeof *ds);
	ds->kind = "budget";
	ds->decimals = 2;
}

void ys_disclosure_free(ys_disclosure *ds)
{
	ys_arena_free(&ds->arena);
	memset(ds, 0, sizeof *ds);
}

const ys_dtable *ys_disclosure_table(const ys_disclosure *ds, const char *id)
{
	for (size_t i = 0; i < ds->ntables; i++)
		if (ds->tables[i].id && !strcmp(ds->tables[i].id, id))
			return &ds->tables[i];
	return NULL;
}

const ys_dsection *ys_disclosure_section(const ys_disclosure *ds, const char *id)
{
	for (size_t i = 0; i < ds->nsections; i++)
		if (ds->sections[i].id && !strcmp(ds->sections[i].id, id))
			return &ds->sections[i];
	return NULL;
}

int ys_dtable_col(const ys_dtable *t, const char *key, const char *side)
{
	for (size_t i = 0; i < t->ncols; i++) {
		if (strcmp(t->cols[i].key, key))
			continue;
		if (side && t->cols[i].side && strcmp(side, t->cols[i].side))
			continue;
		return (int)i;
	}
	return -1;
}

int ys_drow_has_col(const ys_dtable *t, const ys_drow *r, size_t col)
{
	if (!t->cols[col].side || !r->side)
		return 1;
	return !strcmp(t->cols[col].side, r->side);
}

size_t ys_disclosure_count_values(const ys_disclosure *ds)
{
	size_t n = 0;

	for (size_t i = 0; i < ds->ntables; i++)
		for (size_t r = 0; r < ds->tables[i].nrows; r++)
			for (size_t c = 0; c < ds->tables[i].ncols; c++)
				n += ds->tables[i].rows[r].has[c] != 0;
	return n;
}

size_t ys_dperf_run(const ys_dperf *p, size_t i, int lv2)
{
	size_t k = i + 1;

	for (; k < p->nindicators; k++) {
		const ys_indicator *a = &p->indicators[i], *b = &p->indicators[k];

		if (strcmp(a->lv1 ? a->lv1 : "", b->lv1 ? b->lv1 : ""))
			break;
		if (lv2 && strcmp(a->lv2 ? a->lv2 : "", b->lv2 ? b->lv2 : ""))
			break;
	}
	return k - i;
}

void ys_dtable_heading(const ys_dtable *t, ys_buf *out)
{
	if (t->number && t->number[0])
		ys_buf_printf(out, "%s %s", t->number, t->title ? t->title : "");
	else
		ys_buf_puts(out, t->title ? t->title : "（未识别的表格）");
}
