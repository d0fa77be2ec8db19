/*
 * arena.h - ys_arena, a bump allocator for everything that lives as long as
 * one job (one bundle load, one template, one disclosure). Objects are never
 * freed one by one; ys_arena_free releases all of them at once. Returns NULL
 * when memory runs out; callers turn that into YS_ENOMEM.
 */
#ifndef YS_ARENA_H
#define YS_ARENA_H

#include <stddef.h>

typedef struct ys_arena_chunk ys_arena_chunk;

typedef struct ys_arena {
	ys_arena_chunk *head;
	size_t total;	/* bytes handed out, for benchmarks */
} ys_arena;

#define YS_ARENA_INIT {0, 0}

void *ys_arena_alloc(ys_arena *a, size_t size);	/* zeroed, 16-aligned */
char *ys_arena_strdup(ys_arena *a, const char *s);
char *ys_arena_strndup(ys_arena *a, const char *s, size_t n);
void ys_arena_free(ys_arena *a);

#endif
