/*
 * budget.c - line storage and string interning for the Budget model.
 */
#include "budget.h"

#include <stdlib.h>
#include <string.h>

void ys_budget_init(ys_budget *b)
{
	memset(b, 0, sizeof *b);
}

void ys_budget_free(ys_budget *b)
{
	free(b->lines);
	for (int m = 0; m < YS_NMEASURES; m++)
		free(b->mvals[m]);
	free(b->warnings);
	ys_intern_free(&b->project_names);
	ys_intern_free(&b->tags);
	ys_arena_free(&b->arena);
	memset(b, 0, sizeof *b);
}

const char *const ys_measure_names[YS_NMEASURES] = {
	"budget", "initial", "adjusted", "final", "previous", "carry_start", "carry_end",
	"income", "distribution",
};

const char *const ys_measure_labels[YS_NMEASURES] = {
	"预算数", "年初预算数", "全年预算数", "决算数", "上年数", "年初结转和结余",
	"年末结转和结余", "本年收入", "结余分配",
};

ys_status ys_measures_grow(ys_fen *v[YS_NMEASURES], const ys_budget *b, size_t cap)
{
	for (int m = 1; m < YS_NMEASURES; m++) {
		ys_fen *mv;

		if (!b->mvals[m])
			continue;
		if (!(mv = realloc(v[m], cap * sizeof *mv)))
			return YS_ENOMEM;
		v[m] = mv;
	}
	return YS_OK;
}

static ys_status grow_lines(ys_budget *b, size_t cap)
{
	ys_line *v = realloc(b->lines, cap * sizeof *v);

	if (!v)
		return YS_ENOMEM;
	b->lines = v;
	if (ys_measures_grow(b->mvals, b, cap) != YS_OK)
		return YS_ENOMEM;
	b->cap = cap;
	return YS_OK;
}

ys_status ys_budget_add_line(ys_budget *b, const ys_line *line)
{
	if (b->nlines == b->cap && grow_lines(b, b->cap ? b->cap * 2 : 1024) != YS_OK)
		return YS_ENOMEM;
	for (int m = 1; m < YS_NMEASURES; m++)
		if (b->mvals[m])
			b->mvals[m][b->nlines] = 0;
	b->lines[b->nlines++] = *line;
	return YS_OK;
}

ys_status ys_budget_use_measure(ys_budget *b, int m)
{
	size_t cap = b->cap ? b->cap : 1024;

	if (m <= 0 || m >= YS_NMEASURES || b->mvals[m])
		return YS_OK;
	if (!(b->mvals[m] = calloc(cap, sizeof *b->mvals[m])))
		return YS_ENOMEM;
	if (!b->cap)
		return grow_lines(b, cap);
	return YS_OK;
}

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static ys_status rehash(ys_intern *t, size_t nslots)
{
	uint32_t *slots = calloc(nslots, sizeof *slots);

	if (!slots)
		return YS_ENOMEM;
	for (size_t i = 1; i < t->n; i++) {
		size_t h = hash_str(t->names[i]) & (nslots - 1);

		while (slots[h])
			h = (h + 1) & (nslots - 1);
		slots[h] = (uint32_t)i + 1;
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = nslots;
	return YS_OK;
}

uint32_t ys_intern_find(const ys_intern *t, const char *s)
{
	size_t h;

	if (!s || !*s || !t->nslots)
		return 0;
	h = hash_str(s) & (t->nslots - 1);
	while (t->slots[h]) {
		uint32_t i = t->slots[h] - 1;

		if (!strcmp(t->names[i], s))
			return i;
		h = (h + 1) & (t->nslots - 1);
	}
	return 0;
}

ys_status ys_intern_get(ys_intern *t, ys_arena *a, const char *s,
			uint32_t *index)
{
	uint32_t i;
	size_t h;

	if (!s || !*s) {
		*index = 0;
		return YS_OK;
	}
	if (!t->n) {	/* slot 0 is the empty string */
		t->names = malloc(16 * sizeof *t->names);
		if (!t->names)
			return YS_ENOMEM;
		t->cap = 16;
		t->names[0] = "";
		t->n = 1;
	}
	if ((i = ys_intern_find(t, s))) {
		*index = i;
		return YS_OK;
	}
	if (t->n == t->cap) {
		const char **v = realloc(t->names, t->cap * 2 * sizeof *v);

		if (!v)
			return YS_ENOMEM;
		t->names = v;
		t->cap *= 2;
	}
	t->names[t->n] = ys_arena_strdup(a, s);
	if (!t->names[t->n])
		return YS_ENOMEM;
	t->n++;
	if (t->n * 2 > t->nslots && rehash(t, t->nslots ? t->nslots * 2 : 64) != YS_OK)
		return YS_ENOMEM;
	h = hash_str(s) & (t->nslots - 1);
	while (t->slots[h] && t->slots[h] != t->n)
		h = (h + 1) & (t->nslots - 1);
	t->slots[h] = (uint32_t)t->n;
	*index = (uint32_t)(t->n - 1);
	return YS_OK;
}

void ys_intern_free(ys_intern *t)
{
	free(t->names);
	free(t->slots);
	memset(t, 0, sizeof *t);
}

const char *ys_budget_text(const ys_budget *b, const char *key)
{
	for (size_t i = 0; i < b->ntexts; i++)
		if (!strcmp(b->texts[i].key, key))
			return b->texts[i].value;
	return NULL;
}

void ys_budget_warn(ys_budget *b, const ys_diag *d)
{
	if (b->nwarnings >= YS_MAX_WARNINGS) {
		b->nwarnings_dropped++;
		return;
	}
	if (!b->warnings) {
		b->warnings = malloc(YS_MAX_WARNINGS * sizeof *b->warnings);
		if (!b->warnings) {
			b->nwarnings_dropped++;
			return;
		}
	}
	b->warnings[b->nwarnings++] = *d;
}
