/*
 * buf.c - growable buffer. Doubling growth; sticky failure (see buf.h).
 */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(ys_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->failed)
		return 0;
	if (extra > (size_t)-1 / 2 - b->len) {
		b->failed = 1;
		return 0;
	}
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 1;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return 0;
	}
	b->data = p;
	b->cap = cap;
	return 1;
}

void ys_buf_add(ys_buf *b, const void *p, size_t n)
{
	if (!grow(b, n))
		return;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void ys_buf_puts(ys_buf *b, const char *s)
{
	ys_buf_add(b, s, strlen(s));
}

void ys_buf_putc(ys_buf *b, char c)
{
	ys_buf_add(b, &c, 1);
}

void ys_buf_printf(ys_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !grow(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void ys_buf_put_xml(ys_buf *b, const char *s)
{
	const char *run = s;

	for (; *s; s++) {
		const char *rep = NULL;

		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: break;
		}
		if (rep) {
			ys_buf_add(b, run, (size_t)(s - run));
			ys_buf_puts(b, rep);
			run = s + 1;
		}
	}
	ys_buf_add(b, run, (size_t)(s - run));
}

void ys_buf_reset(ys_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

const char *ys_buf_str(const ys_buf *b)
{
	return b->data ? b->data : "";
}

int ys_buf_ok(const ys_buf *b)
{
	return !b->failed;
}

char *ys_buf_detach(ys_buf *b)
{
	char *p = b->data;

	if (!p)
		p = calloc(1, 1);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
	return p;
}

void ys_buf_release(ys_buf *b, int *failed)
{
	if (b->failed)
		*failed = 1;
	ys_buf_free(b);
}

void ys_buf_free(ys_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

int ys_grow(void **p, size_t *cap, size_t n, size_t size)
{
	size_t nc;
	void *q;

	if (n < *cap)
		return 1;
	nc = *cap ? *cap * 2 : 8;
	while (nc <= n)
		nc *= 2;
	if (nc > (size_t)-1 / size || !(q = realloc(*p, nc * size)))
		return 0;
	*p = q;
	*cap = nc;
	return 1;
}
