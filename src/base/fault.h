/*
 * fault.h - fault injection for the test build (make build/fault/yusuan,
 * compiled with -DYS_FAULT and this header forced into every file): each
 * malloc, calloc, realloc, strdup and strndup of our own code goes through
 * a counter, and the Nth fails as if memory were exhausted; writes of
 * output files fail at the Nth with ENOSPC (ys_file_fail_write_at). Chosen
 * by environment variables, read once at start:
 *
 *   YS_FAULT_ALLOC=N   the Nth allocation returns NULL (once)
 *   YS_FAULT_WRITE=N   the Nth write of file data fails with ENOSPC
 *   YS_FAULT_SITES=F   at exit, write to F one line per allocation site
 *                      reached: "FIRST LAST COUNT file:line" (the call
 *                      numbers of its first and last allocation)
 *
 * When the Nth allocation fails, one line "ys-fault: …" on stderr names the
 * site, so that a test knows the fault was reached. In every other build
 * this header declares nothing.
 */
#ifndef YS_FAULT_H
#define YS_FAULT_H

#ifdef YS_FAULT
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void *ys_fault_malloc(size_t n, const char *file, int line);
void *ys_fault_calloc(size_t k, size_t n, const char *file, int line);
void *ys_fault_realloc(void *p, size_t n, const char *file, int line);
char *ys_fault_strdup(const char *s, const char *file, int line);
char *ys_fault_strndup(const char *s, size_t n, const char *file, int line);

#define malloc(n) ys_fault_malloc((n), __FILE__, __LINE__)
#define calloc(k, n) ys_fault_calloc((k), (n), __FILE__, __LINE__)
#define realloc(p, n) ys_fault_realloc((p), (n), __FILE__, __LINE__)
#define strdup(s) ys_fault_strdup((s), __FILE__, __LINE__)
#define strndup(s, n) ys_fault_strndup((s), (n), __FILE__, __LINE__)
#endif

#endif
