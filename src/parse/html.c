/*
 * html.c - the reader of HTML pages as government sites publish them:
 * tables (<td>/<th> with colspan and rowspan), paragraphs, headings and
 * line breaks; scripts, styles and comments skipped; character entities
 * decoded. A forgiving tokenizer rather than a full HTML5 parser: missing
 * end tags (<td> without </td>, <p> without </p>) are common in published
 * pages and are closed implicitly. Tables nested in a cell are read as the
 * cell's text.
 */
#include "readers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/buf.h"

struct hr {
	ys_pdoc *doc;
	ys_buf text;		/* paragraph or cell text being collected */
	int depth;		/* table nesting */
	int in_cell, in_row;
	int colspan, rowspan;
	long line, text_line;
};

static void put_utf8(ys_buf *b, unsigned long cp)
{
	char u[4];

	if (cp == 0xA0)
		cp = ' ';
	if (cp < 0x80) {
		ys_buf_putc(b, (char)cp);
		return;
	}
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		ys_buf_add(b, u, 2);
	} else if (cp < 0x10000) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			cp = 0xFFFD;
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		ys_buf_add(b, u, 3);
	} else if (cp < 0x110000) {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		ys_buf_add(b, u, 4);
	}
}

/* Decodes the entity at s (after '&'); returns bytes consumed, 0 if none. */
static size_t entity(const char *s, const char *end, ys_buf *b)
{
	static const struct {
		const char *name;
		unsigned long cp;
	} named[] = {{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'},
		     {"apos;", '\''}, {"nbsp;", 0xA0}, {"ldquo;", 0x201C},
		     {"rdquo;", 0x201D}, {"mdash;", 0x2014}, {"middot;", 0xB7}};

	if (s < end && *s == '#') {
		unsigned long cp = 0;
		const char *q = s + 1;
		int hex = q < end && (*q == 'x' || *q == 'X');

		if (hex)
			q++;
		while (q < end && q - s < 10 &&
		       ((*q >= '0' && *q <= '9') ||
			(hex && ((*q >= 'a' && *q <= 'f') || (*q >= 'A' && *q <= 'F'))))) {
			int v = *q <= '9' ? *q - '0' : (*q | 0x20) - 'a' + 10;

			cp = cp * (hex ? 16 : 10) + (unsigned long)v;
			q++;
		}
		if (q < end && *q == ';' && q > s + 1 + hex && cp && cp < 0x110000) {
			put_utf8(b, cp);
			return (size_t)(q + 1 - s);
		}
		return 0;
	}
	for (size_t i = 0; i < sizeof named / sizeof *named; i++) {
		size_t n = strlen(named[i].name);

		if ((size_t)(end - s) >= n && !memcmp(s, named[i].name, n)) {
			put_utf8(b, named[i].cp);
			return n;
		}
	}
	return 0;
}

/* Collapses white space runs to one space and trims. */
static void flush_text(struct hr *h, char **out, size_t *len)
{
	char *s = h->text.data ? h->text.data : (char *)"";
	size_t w = 0, n = h->text.len;
	int space = 1;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c == '\n') {
			while (w && s[w - 1] == ' ')
				w--;
			if (w && s[w - 1] != '\n')
				s[w++] = '\n';
			space = 1;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			if (!space)
				s[w++] = ' ';
			space = 1;
		} else {
			s[w++] = c;
			space = 0;
		}
	}
	while (w && (s[w - 1] == ' ' || s[w - 1] == '\n'))
		w--;
	*out = s;
	*len = w;
}

static void end_para(struct hr *h)
{
	char *s;
	size_t n;

	if (h->depth)
		return;
	flush_text(h, &s, &n);
	if (n)
		ys_pdoc_para(h->doc, s, n, h->text_line);
	ys_buf_reset(&h->text);
	h->text_line = h->line;
}

static void end_cell(struct hr *h)
{
	char *s;
	size_t n;

	if (!h->in_cell)
		return;
	flush_text(h, &s, &n);
	ys_pdoc_cell(h->doc, s, n, h->colspan, h->rowspan);
	ys_buf_reset(&h->text);
	h->in_cell = 0;
}

static int attr_int(const char *tag, size_t n, const char *name)
{
	size_t k = strlen(name);

	for (size_t i = 0; i + k < n; i++) {
		if (strncasecmp(tag + i, name, k) || (i && tag[i - 1] != ' ' && tag[i - 1] != '\t' &&
							  tag[i - 1] != '\n' && tag[i - 1] != '"' && tag[i - 1] != '\''))
			continue;
		i += k;
		while (i < n && (tag[i] == ' ' || tag[i] == '='))
			i++;
		while (i < n && (tag[i] == '"' || tag[i] == '\''))
			i++;
		{
			int v = atoi(tag + i);

			return v < 1 ? 1 : v > 1000 ? 1000 : v;
		}
	}
	return 1;
}

static int tag_is(const char *name, size_t n, const char *want)
{
	return n == strlen(want) && !strncasecmp(name, want, n);
}

ys_status ys_read_html(const char *path, const char *text, size_t len,
		       ys_pdoc *doc, ys_diag *d)
{
	struct hr h = {0};
	const char *p = text, *end = text + len;

	h.doc = doc;
	h.line = h.text_line = 1;
	while (p < end) {
		if (*p == '<') {
			const char *q = p + 1, *name, *gt;
			size_t nn;
			int closing = 0;

			if (end - p >= 4 && !memcmp(p, "<!--", 4)) {
				const char *c = strstr(p + 4, "-->");

				for (const char *x = p; x < (c ? c : end); x++)
					h.line += *x == '\n';
				p = c ? c + 3 : end;
				continue;
			}
			if (q < end && *q == '/') {
				closing = 1;
				q++;
			}
			name = q;
			while (q < end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
					   (*q >= '0' && *q <= '9')))
				q++;
			nn = (size_t)(q - name);
			if (!nn) {
				ys_buf_putc(&h.text, '<');
				p++;
				continue;
			}
			gt = memchr(q, '>', (size_t)(end - q));
			if (!gt)
				gt = end;
			for (const char *x = p; x < gt; x++)
				h.line += *x == '\n';
			if (!closing && (tag_is(name, nn, "script") || tag_is(name, nn, "style") ||
					 tag_is(name, nn, "title") || tag_is(name, nn, "head"))) {
				/* Skip to the matching end tag. */
				const char *e = gt;
				char want[16];
				size_t wl = (size_t)snprintf(want, sizeof want, "</%.*s", (int)nn, name);

				while (e < end && strncasecmp(e, want, wl))
					e++;
				for (const char *x = gt; x < e; x++)
					h.line += *x == '\n';
				gt = e < end ? memchr(e, '>', (size_t)(end - e)) : NULL;
				p = gt ? gt + 1 : end;
				continue;
			}
			if (tag_is(name, nn, "table")) {
				if (closing) {
					if (h.depth == 1) {
						end_cell(&h);
						ys_buf_reset(&h.text);
						h.text_line = h.line;
					}
					if (h.depth)
						h.depth--;
				} else {
					if (!h.depth) {
						end_para(&h);
						ys_pdoc_table(doc, h.line);
						h.in_row = 0;
					}
					h.depth++;
				}
			} else if (h.depth == 1 && tag_is(name, nn, "tr")) {
				end_cell(&h);
				if (!closing) {
					ys_pdoc_row(doc, h.line);
					h.in_row = 1;
				}
			} else if (h.depth == 1 && (tag_is(name, nn, "td") || tag_is(name, nn, "th"))) {
				end_cell(&h);
				if (!closing) {
					if (!h.in_row) {
						ys_pdoc_row(doc, h.line);
						h.in_row = 1;
					}
					ys_buf_reset(&h.text);
					h.in_cell = 1;
					h.colspan = attr_int(q, (size_t)(gt - q), "colspan");
					h.rowspan = attr_int(q, (size_t)(gt - q), "rowspan");
				}
			} else if (tag_is(name, nn, "br") || tag_is(name, nn, "p") ||
				   tag_is(name, nn, "div") || tag_is(name, nn, "li") ||
				   (nn == 2 && (name[0] | 0x20) == 'h' && name[1] >= '1' && name[1] <= '6')) {
				if (h.depth)
					ys_buf_putc(&h.text, '\n');
				else if (tag_is(name, nn, "br"))
					ys_buf_putc(&h.text, '\n');
				else
					end_para(&h);
			}
			p = gt < end ? gt + 1 : end;
			continue;
		}
		if (*p == '&') {
			size_t n = entity(p + 1, end, &h.text);

			if (n) {
				p += n + 1;
				continue;
			}
		}
		if (*p == '\n')
			h.line++;
		if (h.depth && !h.in_cell) {
			p++;
			continue;
		}
		ys_buf_putc(&h.text, *p == '\n' ? ' ' : *p);
		p++;
	}
	end_cell(&h);
	h.depth = 0;
	end_para(&h);
	if (!ys_buf_ok(&h.text))
		doc->failed = 1;
	ys_buf_free(&h.text);
	if (doc->failed)
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	return YS_OK;
}
