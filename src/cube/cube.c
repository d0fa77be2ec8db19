/*
 * cube.c - aggregating line items into atoms.
 */
#include "cube.h"

#include <stdlib.h>
#include <string.h>

static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static uint64_t key_hash(const ys_line *l)
{
	uint64_t a = ((uint64_t)(uint32_t)l->func << 32) | (uint32_t)l->eco;
	uint64_t b = ((uint64_t)l->project << 32) | ((uint64_t)l->fund << 24) |
		     ((uint64_t)l->type << 16) | ((uint64_t)l->carry << 8) | l->tag;

	return mix(a ^ mix(b));
}

static int same(const ys_atom *a, const ys_line *l)
{
	return a->func == l->func && a->eco == l->eco && a->project == l->project &&
	       a->fund == l->fund && a->type == l->type && a->carry == l->carry &&
	       a->tag == l->tag;
}

static ys_status grow_index(ys_cube *c)
{
	size_t nslots = c->nslots ? c->nslots * 2 : 1024;
	uint32_t *slots = calloc(nslots, sizeof *slots);

	if (!slots)
		return YS_ENOMEM;
	for (size_t i = 0; i < c->n; i++) {
		ys_line l;
		size_t h;

		memset(&l, 0, sizeof l);
		l.func = c->atoms[i].func;
		l.eco = c->atoms[i].eco;
		l.project = c->atoms[i].project;
		l.fund = c->atoms[i].fund;
		l.type = c->atoms[i].type;
		l.carry = c->atoms[i].carry;
		l.tag = c->atoms[i].tag;
		h = key_hash(&l) & (nslots - 1);
		while (slots[h])
			h = (h + 1) & (nslots - 1);
		slots[h] = (uint32_t)i + 1;
	}
	free(c->slots);
	c->slots = slots;
	c->nslots = nslots;
	return YS_OK;
}

static ys_eco_class eco_class(const ys_catalog *cat, ys_code eco)
{
	const ys_cat_entry *e = ys_catalog_find(cat, YS_CAT_ECO, eco);

	if (e && e->basic_class)
		return e->basic_class;
	e = ys_catalog_find(cat, YS_CAT_ECO, ys_code_at(eco, 3));
	return e ? e->basic_class : YS_ECO_NONE;
}

ys_status ys_cube_build(ys_cube *c, const ys_budget *b, const ys_catalog *cat,
			ys_diag *d)
{
	ys_fen mtotal[YS_NMEASURES] = {0};	/* each measure's sum checked too */
	uint32_t line_no = 0;

	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < b->nlines; i++) {
		const ys_line *l = &b->lines[i];
		ys_atom *a;
		size_t h;

		line_no = l->src_line;
		if ((c->n + 1) * 2 > c->nslots && grow_index(c) != YS_OK)
			goto nomem;
		h = key_hash(l) & (c->nslots - 1);
		while (c->slots[h] && !same(&c->atoms[c->slots[h] - 1], l))
			h = (h + 1) & (c->nslots - 1);
		if (c->slots[h]) {
			a = &c->atoms[c->slots[h] - 1];
		} else {
			if (c->n == c->cap) {
				size_t cap = c->cap ? c->cap * 2 : 256;
				ys_atom *v = realloc(c->atoms, cap * sizeof *v);

				if (!v)
					goto nomem;
				c->atoms = v;
				if (ys_measures_grow(c->mamount, b, cap) != YS_OK)
					goto nomem;
				c->cap = cap;
			}
			a = &c->atoms[c->n];
			memset(a, 0, sizeof *a);
			a->func = l->func;
			a->eco = l->eco;
			a->project = l->project;
			a->fund = l->fund;
			a->type = l->type;
			a->carry = l->carry;
			a->tag = l->tag;
			a->eco_class = (uint8_t)eco_class(cat, l->eco);
			for (int m = 1; m < YS_NMEASURES; m++)
				if (c->mamount[m])
					c->mamount[m][c->n] = 0;
			c->slots[h] = (uint32_t)++c->n;
		}
		if (!ys_add_ok(a->amount, l->amount, &a->amount) ||
		    !ys_add_ok(c->total, l->amount, &c->total))
			goto overflow;
		for (int m = 1; m < YS_NMEASURES; m++) {
			ys_fen *sum;

			if (!b->mvals[m])
				continue;
			sum = &c->mamount[m][a - c->atoms];
			if (!ys_add_ok(*sum, b->mvals[m][i], sum) ||
			    !ys_add_ok(mtotal[m], b->mvals[m][i], &mtotal[m]))
				goto overflow;
		}
		a->nlines++;
	}
	return YS_OK;
overflow:
	ys_cube_free(c);
	return ys_fail(d, YS_ERANGE, b->lines_path, line_no, 0, "金额合计超出范围（溢出）");
nomem:
	ys_cube_free(c);
	return ys_fail(d, YS_ENOMEM, b->lines_path, 0, 0, "内存不足");
}

void ys_cube_free(ys_cube *c)
{
	free(c->atoms);
	free(c->slots);
	for (int m = 0; m < YS_NMEASURES; m++)
		free(c->mamount[m]);
	memset(c, 0, sizeof *c);
}
