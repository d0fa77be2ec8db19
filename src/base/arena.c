/*
 * arena.c - chunked bump allocator. Chunks grow to 1 MiB; an oversized
 * request gets a chunk of its own.
 */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct ys_arena_chunk {
	ys_arena_chunk *next;
	size_t used, cap;
	_Alignas(16) unsigned char mem[];
};

#define CHUNK_MIN (64u * 1024u)
#define CHUNK_MAX (1024u * 1024u)

void *ys_arena_alloc(ys_arena *a, size_t size)
{
	ys_arena_chunk *c = a->head;
	size_t need = (size + 15u) & ~(size_t)15u;
	void *p;

	if (size > (size_t)1 << 40)
		return NULL;
	if (!c || c->cap - c->used < need) {
		size_t cap = c ? c->cap * 2 : CHUNK_MIN;

		if (cap > CHUNK_MAX)
			cap = CHUNK_MAX;
		if (cap < need)
			cap = need;
		c = malloc(sizeof *c + cap);
		if (!c)
			return NULL;
		c->used = 0;
		c->cap = cap;
		c->next = a->head;
		a->head = c;
	}
	p = c->mem + c->used;
	c->used += need;
	a->total += need;
	memset(p, 0, size);
	return p;
}

char *ys_arena_strndup(ys_arena *a, const char *s, size_t n)
{
	char *p = ys_arena_alloc(a, n + 1);

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *ys_arena_strdup(ys_arena *a, const char *s)
{
	return s ? ys_arena_strndup(a, s, strlen(s)) : NULL;
}

void ys_arena_free(ys_arena *a)
{
	ys_arena_chunk *c = a->head;

	while (c) {
		ys_arena_chunk *next = c->next;

		free(c);
		c = next;
	}
	a->head = NULL;
	a->total = 0;
}
