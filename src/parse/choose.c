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

/* s without ASCII and full-width spaces, into buf. */
static const char *squeeze(const char *s, char *buf, size_t cap)
{
	size_t n = 0;

	for (; s && *s && n + 1 < cap; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			continue;
		if (!strncmp(s, "\u3000", 3)) {
			s += 2;
			continue;
		}
		buf[n++] = *s;
	}
	buf[n] = '\0';
	return buf;
}

/* Is word printed in a paragraph or a cell of doc? */
static int printed(const ys_pdoc *doc, const char *word, int whole_cell)
{
	char w[256], buf[1024];

	if (!*squeeze(word, w, sizeof w))
		return 0;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const ys_pblock *b = &doc->blocks[i];

		if (b->kind == YS_PB_PARA) {
			if (!whole_cell && strstr(squeeze(b->text, buf, sizeof buf), w))
				return 1;
			continue;
		}
		for (size_t r = 0; r < b->nrows; r++)
			for (size_t c = 0; c < b->rows[r].ncells; c++) {
				const char *t = squeeze(b->rows[r].cells[c].text, buf, sizeof buf);

				if (whole_cell ? !strcmp(t, w) : strstr(t, w) != NULL)
					return 1;
			}
	}
	return 0;
}

/* 1 when header label l, not counted before, is printed as a whole cell of
 * the document; each distinct label counts once (seen, up to cap). */
static int label_once(const ys_pdoc *doc, const char *l, const char **seen,
		      size_t *nseen, size_t cap)
{
	for (size_t k = 0; k < *nseen; k++)
		if (!strcmp(seen[k], l))
			return 0;
	if (*nseen == cap)
		return 0;
	seen[(*nseen)++] = l;
	return printed(doc, l, 1);
}

int ys_recognize_score(const ys_pdoc *doc, const ys_template *t)
{
	const char *seen[512];
	size_t nseen = 0;
	int score = 0;

	for (size_t i = 0; i < t->ntables; i++) {
		const ys_ttable *tt = &t->tables[i];
		int found = printed(doc, tt->title, 0);

		for (size_t k = 0; k < tt->naliases && !found; k++)
			found = printed(doc, tt->aliases[k], 0);
		score += found ? 10 : 0;
		/* Header labels: the published header cells and the column
		 * labels, each distinct label once. */
		for (size_t r = 0; r < tt->nheader; r++)
			for (size_t c = 0; c < tt->header[r].ncells; c++)
				score += label_once(doc, tt->header[r].cells[c].text,
						    seen, &nseen, sizeof seen / sizeof *seen);
		for (size_t c = 0; c < tt->ncols; c++)
			score += label_once(doc, tt->cols[c].label, seen, &nseen,
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
