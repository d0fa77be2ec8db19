/*
 * fault.c - the allocation counter and the environment switches of the
 * fault-injection build (fault.h). Empty in every other build. The state
 * is process-wide on purpose: the injected fault must reach every layer
 * without any of them knowing about it.
 */
#include "fault.h"

#ifdef YS_FAULT
#include <stdint.h>
#include <stdio.h>

#include "file.h"

/* The build forces fault.h into this file too: here the names are the
 * C library's own. */
#undef malloc
#undef calloc
#undef realloc
#undef strdup
#undef strndup

#define NSITES 4096

/* The fault build is always sanitized: the caller's stack goes with the
 * "ys-fault:" line, so that a run that mishandles it shows where. */
void __sanitizer_print_stack_trace(void);

static long fail_at;	/* 0: never */
static long calls;
static const char *sites_path;
static struct site {
	const char *file;
	int line;
	long first, last, count;
} sites[NSITES];

static void write_sites(void)
{
	FILE *f = fopen(sites_path, "w");

	if (!f)
		return;
	for (size_t i = 0; i < NSITES; i++)
		if (sites[i].file)
			fprintf(f, "%ld %ld %ld %s:%d\n", sites[i].first, sites[i].last,
				sites[i].count, sites[i].file, sites[i].line);
	fclose(f);
}

__attribute__((constructor)) static void fault_init(void)
{
	const char *a = getenv("YS_FAULT_ALLOC"), *w = getenv("YS_FAULT_WRITE");

	fail_at = a ? atol(a) : 0;
	if (w && atol(w) > 0)
		ys_file_fail_write_at(atol(w));
	if ((sites_path = getenv("YS_FAULT_SITES")) && *sites_path)
		atexit(write_sites);
}

/* Counts one allocation at file:line; returns 1 when it is to fail. */
static int fail_here(const char *file, int line)
{
	long n = ++calls;

	if (sites_path) {
		size_t h = ((uintptr_t)file * 31u + (unsigned)line) % NSITES;

		for (size_t k = 0; k < NSITES; k++, h = (h + 1) % NSITES) {
			struct site *s = &sites[h];

			if (!s->file) {
				s->file = file;
				s->line = line;
				s->first = n;
			}
			if (s->file == file && s->line == line) {
				s->last = n;
				s->count++;
				break;
			}
		}
	}
	if (n != fail_at)
		return 0;
	fprintf(stderr, "ys-fault: 第 %ld 次内存分配按设定失败（%s:%d）\n", n, file, line);
	if (getenv("YS_FAULT_STACK"))
		__sanitizer_print_stack_trace();
	return 1;
}

void *ys_fault_malloc(size_t n, const char *file, int line)
{
	return fail_here(file, line) ? NULL : malloc(n);
}

void *ys_fault_calloc(size_t k, size_t n, const char *file, int line)
{
	return fail_here(file, line) ? NULL : calloc(k, n);
}

void *ys_fault_realloc(void *p, size_t n, const char *file, int line)
{
	return fail_here(file, line) ? NULL : realloc(p, n);
}

char *ys_fault_strdup(const char *s, const char *file, int line)
{
	return fail_here(file, line) ? NULL : strdup(s);
}

char *ys_fault_strndup(const char *s, size_t n, const char *file, int line)
{
	return fail_here(file, line) ? NULL : strndup(s, n);
}
#else
typedef int ys_fault_unused;	/* ISO C wants a declaration in every file */
#endif
