/*
 * choose.c - which template a published document follows. Every template
 * of the data directory is scored against the document by what the
 * template itself says a document of its kind prints: table titles (and
 * their aliases) and header labels. The parser then recognises the
 * document with the best one, so a province's wording lives in its
 * template file only.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "readers.h"

/* Appends s without ASCII and full-width spaces to b. */
static void squeeze_into(ys_buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			continue;
		if (!strncmp(s, "\u3000", 3)) {
			s += 2;
			continue;
		}
		ys_buf_putc(b, *s);
	}
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The document's words, squeezed once and shared by every template's
 * score: paragraphs and cells each joined into one string with a \x01
 * between items (no template word holds it, so a match never spans two
 * items), and the cells again as a sorted array for whole-cell lookups.
 * Scoring every shipped template then costs a few strstr passes over two
 * strings instead of squeezing every block again for every word.
 */
ys_status ys_pwords_build(const ys_pdoc *doc, ys_pwords *w)
{
	ys_buf cells = YS_BUF_INIT;
	size_t ncells = 0;

	memset(w, 0, sizeof *w);
	for (size_t i = 0; i < doc->nblocks; i++) {
		const ys_pblock *b = &doc->blocks[i];

		if (b->kind == YS_PB_PARA) {
			squeeze_into(&w->paras, b->text);
			ys_buf_putc(&w->paras, '\x01');
			continue;
		}
		for (size_t r = 0; r < b->nrows; r++)
			for (size_t c = 0; c < b->rows[r].ncells; c++) {
				squeeze_into(&cells, b->rows[r].cells[c].text);
				ys_buf_add(&cells, "", 1);	/* a NUL ends each cell */
				ncells++;
			}
	}
	if (!ys_buf_ok(&w->paras) || !ys_buf_ok(&cells))
		goto nomem;
	if (ncells) {
		if (!(w->cells = malloc(ncells * sizeof *w->cells)) ||
		    !(w->joined = malloc(cells.len)))
			goto nomem;
		/* The sorted array points into the NUL-separated cells; joined
		 * is the same bytes with \x01 for each NUL but the last. */
		size_t total = cells.len;

		w->store = ys_buf_detach(&cells);
		for (size_t k = 0, off = 0; k < ncells; k++) {
			w->cells[k] = w->store + off;
			off += strlen(w->cells[k]) + 1;
		}
		for (size_t k = 0; k < total; k++)
			w->joined[k] = w->store[k] ? w->store[k] : '\x01';
		w->joined[total - 1] = '\0';
		w->ncells = ncells;
		qsort(w->cells, ncells, sizeof *w->cells, by_str);
	}
	ys_buf_free(&cells);
	return YS_OK;
nomem:
	ys_buf_free(&cells);
	ys_pwords_free(w);
	return YS_ENOMEM;
}

void ys_pwords_free(ys_pwords *w)
{
	ys_buf_free(&w->paras);
	free(w->cells);
	free(w->store);
	free(w->joined);
	memset(w, 0, sizeof *w);
}

/* Is word printed in a paragraph or a cell of the document (as a whole
 * cell when whole_cell)? */
static int printed(const ys_pwords *pw, const char *word, int whole_cell)
{
	char w[256];
	size_t n = 0;

	/* Template words are short (titles, header labels); a longer one is
	 * compared by its first 255 bytes, cut on a character boundary. */
	const char *s = word;

	for (; s && *s && n + 1 < sizeof w; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			continue;
		if (!strncmp(s, "\u3000", 3)) {
			s += 2;
			continue;
		}
		w[n++] = *s;
	}
	if (s && *s && ((unsigned char)*s & 0xC0) == 0x80) {
		/* Cut inside a character: drop its first bytes. */
		while (n && ((unsigned char)w[n - 1] & 0xC0) == 0x80)
			n--;
		if (n)
			n--;
	}
	w[n] = '\0';
	if (!n)
		return 0;
	if (whole_cell) {
		const char *key = w;

		return pw->ncells &&
		       bsearch(&key, pw->cells, pw->ncells, sizeof *pw->cells, by_str) != NULL;
	}
	return (pw->paras.data && strstr(pw->paras.data, w)) ||
	       (pw->joined && strstr(pw->joined, w));
}

/* 1 when header label l, not counted before, is printed as a whole cell of
 * the document; each distinct label counts once (seen, up to cap). */
static int label_once(const ys_pwords *pw, const char *l, const char **seen,
		      size_t *nseen, size_t cap)
{
	for (size_t k = 0; k < *nseen; k++)
		if (!strcmp(seen[k], l))
			return 0;
	if (*nseen == cap)
		return 0;
	seen[(*nseen)++] = l;
	return printed(pw, l, 1);
}

int ys_recognize_score(const ys_pwords *pw, const ys_template *t)
{
	const char *seen[512];
	size_t nseen = 0;
	int score = 0;

	for (size_t i = 0; i < t->ntables; i++) {
		const ys_ttable *tt = &t->tables[i];
		int found = printed(pw, tt->title, 0);

		for (size_t k = 0; k < tt->naliases && !found; k++)
			found = printed(pw, tt->aliases[k], 0);
		score += found ? 10 : 0;
		/* Header labels: the published header cells and the column
		 * labels, each distinct label once. */
		for (size_t r = 0; r < tt->nheader; r++)
			for (size_t c = 0; c < tt->header[r].ncells; c++)
				score += label_once(pw, tt->header[r].cells[c].text,
						    seen, &nseen, sizeof seen / sizeof *seen);
		for (size_t c = 0; c < tt->ncols; c++)
			score += label_once(pw, tt->cols[c].label, seen, &nseen,
					    sizeof seen / sizeof *seen);
	}
	return score;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

ys_status ys_tset_load(ys_tset *s, const char *datadir, const ys_catalog *cat, ys_diag *d)
{
	char dir[4096], path[4600];
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	ys_status st = YS_OK;
	DIR *dp;

	memset(s, 0, sizeof *s);
	snprintf(dir, sizeof dir, "%s/templates", datadir);
	if (!(dp = opendir(dir)))
		return ys_fail(d, YS_EIO, dir, 0, 0, "无法打开模板目录");
	while ((e = readdir(dp))) {
		size_t len = strlen(e->d_name);

		if (len <= 5 || strcmp(e->d_name + len - 5, ".yaml") || e->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **g = realloc(names, (cap = cap ? cap * 2 : 8) * sizeof *names);

			if (!g) {
				st = YS_ENOMEM;
				break;
			}
			names = g;
		}
		if (!(names[n] = strdup(e->d_name))) {
			st = YS_ENOMEM;
			break;
		}
		n++;
	}
	closedir(dp);
	if (st == YS_OK && n)
		qsort(names, n, sizeof *names, by_name);
	if (st == YS_OK && !(s->v = calloc(n + 1, sizeof *s->v)))
		st = YS_ENOMEM;
	for (size_t i = 0; i < n && st == YS_OK; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if ((st = ys_template_load(&s->v[s->n], datadir, path, cat, d)) == YS_OK)
			s->n++;
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (st == YS_ENOMEM)
		st = ys_fail(d, YS_ENOMEM, dir, 0, 0, "内存不足");
	if (st != YS_OK)
		ys_tset_free(s);
	return st;
}

void ys_tset_free(ys_tset *s)
{
	for (size_t i = 0; i < s->n; i++)
		ys_template_free(&s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}
