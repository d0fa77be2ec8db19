/*
 * inputs.c - expanding batch inputs (inputs.h).
 */
#include "inputs.h"

#include <dirent.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/buf.h"
#include "../io/bundle.h"

/* Folders of folders of a county's units are common; deeper nesting is
 * more likely a wrong argument (a home directory) than data. */
#define MAX_DEPTH 4

ys_status ys_inputs_add(ys_inputs *in, const char *path, ys_diag *d)
{
	char *copy;

	if (in->n >= YS_MAX_INPUTS)
		return ys_fail(d, YS_ELIMIT, path, 0, 0, "输入太多（最多 %d 个）", YS_MAX_INPUTS);
	if (!ys_grow((void **)&in->v, &in->cap, in->n + 1, sizeof *in->v) ||
	    !(copy = strdup(path)))
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	in->v[in->n++] = copy;
	return YS_OK;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static ys_status expand_dir(ys_inputs *in, const char *dir, int depth, ys_diag *d)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;
	ys_status st = YS_OK;

	if (!dp)
		return ys_fail(d, YS_EIO, dir, 0, 0, "无法读取目录");
	while (st == YS_OK && (e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		if (!ys_grow((void **)&names, &cap, n + 1, sizeof *names) ||
		    !(names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2)))
			st = ys_fail(d, YS_ENOMEM, dir, 0, 0, "内存不足");
		else
			sprintf(names[n++], "%s%s%s", dir,
				dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
	}
	closedir(dp);
	qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		struct stat sb;

		if (st == YS_OK && stat(names[i], &sb) == 0) {
			if (S_ISDIR(sb.st_mode)) {
				if (ys_is_bundle(names[i]))
					st = ys_inputs_add(in, names[i], d);
				else if (depth < MAX_DEPTH)
					st = expand_dir(in, names[i], depth + 1, d);
			} else if (S_ISREG(sb.st_mode)) {
				st = ys_inputs_add(in, names[i], d);
			}
		}
		free(names[i]);
	}
	free(names);
	return st;
}

ys_status ys_inputs_expand(ys_inputs *in, const char *const *args, size_t n, ys_diag *d)
{
	ys_status st = YS_OK;

	for (size_t i = 0; st == YS_OK && i < n; i++) {
		struct stat sb;
		glob_t g;

		if (stat(args[i], &sb) == 0) {
			if (S_ISDIR(sb.st_mode) && !ys_is_bundle(args[i]))
				st = expand_dir(in, args[i], 1, d);
			else
				st = ys_inputs_add(in, args[i], d);
			continue;
		}
		if (!strpbrk(args[i], "*?[") || glob(args[i], 0, NULL, &g) != 0) {
			/* Left for the command to report as unreadable, with the
			 * reason its reader gives. */
			st = ys_inputs_add(in, args[i], d);
			continue;
		}
		for (size_t k = 0; st == YS_OK && k < g.gl_pathc; k++) {
			const char *one[1] = {g.gl_pathv[k]};

			st = ys_inputs_expand(in, one, 1, d);
		}
		globfree(&g);
	}
	return st;
}

void ys_inputs_free(ys_inputs *in)
{
	for (size_t i = 0; i < in->n; i++)
		free(in->v[i]);
	free(in->v);
	memset(in, 0, sizeof *in);
}
