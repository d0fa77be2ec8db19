/*
 * buf.h - ys_buf, the growable byte buffer used for all text building
 * (like git's strbuf). The buffer is always NUL-terminated once anything has
 * been added. Growth failure is sticky: after an allocation fails every
 * further append is a no-op and ys_buf_ok() returns 0, so writers append
 * freely and check once at the end.
 */
#ifndef YS_BUF_H
#define YS_BUF_H

#include <stddef.h>

typedef struct ys_buf {
	char *data;
	size_t len;
	size_t cap;
	int failed;
} ys_buf;

#define YS_BUF_INIT {0, 0, 0, 0}

void ys_buf_add(ys_buf *b, const void *p, size_t n);
void ys_buf_puts(ys_buf *b, const char *s);
void ys_buf_putc(ys_buf *b, char c);
void ys_buf_printf(ys_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends s escaped for HTML/XML text and attribute values. */
void ys_buf_put_xml(ys_buf *b, const char *s);
void ys_buf_reset(ys_buf *b);
/* Returns the text ("" when empty; never NULL). */
const char *ys_buf_str(const ys_buf *b);
int ys_buf_ok(const ys_buf *b);
/* Hands the data over to the caller (who frees it) and resets b. */
char *ys_buf_detach(ys_buf *b);
void ys_buf_free(ys_buf *b);
/* Frees a scratch buffer and, when an append to it failed, sets *failed:
 * text built on the side (a label, a note) that ran out of memory fails
 * the whole output instead of leaving a part of it out. */
void ys_buf_release(ys_buf *b, int *failed);

/* Makes room for element n in a growable array *p of *cap elements of
 * `size` bytes (doubling, from 8). Returns 0 when out of memory, leaving
 * the array as it was. */
int ys_grow(void **p, size_t *cap, size_t n, size_t size);

#endif
