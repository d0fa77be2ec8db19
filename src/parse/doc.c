/*
 * doc.c - building the parser's intermediate document (doc.h). Arrays grow
 * by doubling; a failed allocation sets doc->failed and later calls do
 * nothing.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"

static char *dupn(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static ys_pblock *new_block(ys_pdoc *doc, ys_pblock_kind kind, long line)
{
	ys_pblock *b;

	if (doc->failed || !ys_grow((void **)&doc->blocks, &doc->cap, doc->nblocks, sizeof *b)) {
		doc->failed = 1;
		return NULL;
	}
	b = &doc->blocks[doc->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->line = line;
	b->page = doc->page;
	return b;
}

void ys_pdoc_para(ys_pdoc *doc, const char *text, size_t len, long line)
{
	ys_pblock *b = new_block(doc, YS_PB_PARA, line);

	if (b && !(b->text = dupn(text, len)))
		doc->failed = 1;
}

void ys_pdoc_table(ys_pdoc *doc, long line)
{
	new_block(doc, YS_PB_TABLE, line);
}

ys_pblock *ys_pdoc_cur_table(ys_pdoc *doc)
{
	if (doc->failed || !doc->nblocks || doc->blocks[doc->nblocks - 1].kind != YS_PB_TABLE)
		return NULL;
	return &doc->blocks[doc->nblocks - 1];
}

void ys_pdoc_row(ys_pdoc *doc, long line)
{
	ys_pblock *t = ys_pdoc_cur_table(doc);

	if (!t)
		return;
	if (!ys_grow((void **)&t->rows, &t->cap, t->nrows, sizeof *t->rows)) {
		doc->failed = 1;
		return;
	}
	memset(&t->rows[t->nrows], 0, sizeof *t->rows);
	t->rows[t->nrows].page = doc->page;
	t->rows[t->nrows++].line = line;
}

void ys_pdoc_cell(ys_pdoc *doc, const char *text, size_t len, int colspan,
		  int rowspan)
{
	ys_pblock *t = ys_pdoc_cur_table(doc);
	ys_prow *r;
	ys_pcell *c;

	if (!t || !t->nrows)
		return;
	r = &t->rows[t->nrows - 1];
	if (!ys_grow((void **)&r->cells, &r->cap, r->ncells, sizeof *r->cells)) {
		doc->failed = 1;
		return;
	}
	c = &r->cells[r->ncells];
	if (!(c->text = dupn(text, len))) {
		doc->failed = 1;
		return;
	}
	c->colspan = colspan < 1 ? 1 : colspan;
	c->rowspan = rowspan < 1 ? 1 : rowspan;
	r->ncells++;
}

void ys_pdoc_cell_more(ys_pdoc *doc, const char *sep, const char *text,
		       size_t len)
{
	ys_pblock *t = ys_pdoc_cur_table(doc);
	ys_pcell *c;
	size_t old, ls = strlen(sep);
	char *p;

	if (!t || !t->nrows || !t->rows[t->nrows - 1].ncells)
		return;
	c = &t->rows[t->nrows - 1].cells[t->rows[t->nrows - 1].ncells - 1];
	old = strlen(c->text);
	if (!(p = realloc(c->text, old + ls + len + 1))) {
		doc->failed = 1;
		return;
	}
	memcpy(p + old, sep, ls);
	memcpy(p + old + ls, text, len);
	p[old + ls + len] = '\0';
	c->text = p;
}

void ys_pdoc_free(ys_pdoc *doc)
{
	for (size_t i = 0; i < doc->nblocks; i++) {
		ys_pblock *b = &doc->blocks[i];

		free(b->text);
		for (size_t r = 0; r < b->nrows; r++) {
			for (size_t c = 0; c < b->rows[r].ncells; c++)
				free(b->rows[r].cells[c].text);
			free(b->rows[r].cells);
		}
		free(b->rows);
	}
	free(doc->blocks);
	memset(doc, 0, sizeof *doc);
}
