/*
 * catalog.c - loading catalogs from CSV data files; lookups.
 */
#include "catalog.h"

#include <dirent.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "../base/csv.h"
#include "../base/limits.h"
#include "../base/text.h"

#ifndef YS_DATADIR
#define YS_DATADIR "data"
#endif

const char *ys_data_dir(void)
{
	const char *env = getenv("YUSUAN_DATA");

	return env && *env ? env : YS_DATADIR;
}

struct load_ctx {
	ys_catalog *c;
	const char *path;
	ys_cat_kind kind;
	int has_header;
	int col_code, col_name, col_class, col_three, col_kind;
	int want_kind;	/* bundle catalog.csv: keep only rows of this kind */
	ys_cat_entry *v;
	size_t n, cap;
};

static ys_status read_text(const char *path, char **text, size_t *len,
			   ys_diag *d)
{
	ys_status st = ys_read_file_limited(path, input_bytes, text, len, d);

	if (st != YS_OK)
		return st;
	st = ys_text_to_utf8(path, text, len, NULL, d);
	if (st != YS_OK) {
		free(*text);
		*text = NULL;
	}
	return st;
}

static ys_status cat_row(void *ctx, char **f, int nf, long line, ys_diag *d)
{
	struct load_ctx *lc = ctx;
	ys_cat_entry *e;
	ys_code code;

	if (!lc->has_header) {
		lc->has_header = 1;
		lc->col_code = lc->col_name = lc->col_class = lc->col_three = -1;
		lc->col_kind = -1;
		for (int i = 0; i < nf; i++) {
			if (!strcmp(f[i], "code") || !strcmp(f[i], "科目编码"))
				lc->col_code = i;
			else if (!strcmp(f[i], "name") || !strcmp(f[i], "科目名称"))
				lc->col_name = i;
			else if (!strcmp(f[i], "basic_class"))
				lc->col_class = i;
			else if (!strcmp(f[i], "three_public"))
				lc->col_three = i;
			else if (!strcmp(f[i], "kind"))
				lc->col_kind = i;
		}
		if (lc->want_kind && (lc->col_kind < 0 || lc->col_code < 0 || lc->col_name < 0))
			return ys_fail(d, YS_EINPUT, lc->path, line, 0,
				       "数据包科目表的表头应为 kind,code,name,basic_class,three_public");
		if (lc->col_code < 0 || lc->col_name < 0)
			return ys_fail(d, YS_EINPUT, lc->path, line, 0,
				       "科目表缺少表头 code,name");
		if (lc->kind == YS_CAT_ECO + 10)
			lc->kind = lc->col_class >= 0 ? YS_CAT_ECO : YS_CAT_FUNC;
		return YS_OK;
	}
	if (lc->col_code >= nf || lc->col_name >= nf)
		return ys_fail(d, YS_EINPUT, lc->path, line, 0,
			       "字段不足：需要科目编码和科目名称");
	if (lc->want_kind) {
		const char *k = lc->col_kind < nf ? f[lc->col_kind] : "";
		int kind = !strcmp(k, "func") ? YS_CAT_FUNC + 1 :
			   !strcmp(k, "eco") ? YS_CAT_ECO + 1 : 0;

		if (!kind)
			return ys_fail(d, YS_EINPUT, lc->path, line, lc->col_kind + 1,
				       "kind 应为 func（支出功能分类）或 eco（经济分类），而不是“%s”", k);
		/* The file is read once per kind; the other kind's rows wait. */
		if (kind != lc->want_kind)
			return YS_OK;
	}
	code = ys_code_parse(f[lc->col_code]);
	if (!code || (lc->kind == YS_CAT_ECO && ys_code_digits(code) > 5))
		return ys_fail(d, YS_EINPUT, lc->path, line, lc->col_code + 1,
			       "科目编码“%s”无效：应为 %s 位数字", f[lc->col_code],
			       lc->kind == YS_CAT_ECO ? "3 或 5" : "3、5 或 7");
	if (!f[lc->col_name][0])
		return ys_fail(d, YS_EINPUT, lc->path, line, lc->col_name + 1,
			       "科目 %s 缺少名称", f[lc->col_code]);
	if (lc->n == lc->cap) {
		size_t cap = lc->cap ? lc->cap * 2 : 256;
		ys_cat_entry *v = realloc(lc->v, cap * sizeof *v);

		if (!v)
			return ys_fail(d, YS_ENOMEM, lc->path, line, 0, "内存不足");
		lc->v = v;
		lc->cap = cap;
	}
	e = &lc->v[lc->n++];
	memset(e, 0, sizeof *e);
	e->code = code;
	e->name = ys_arena_strdup(&lc->c->arena, f[lc->col_name]);
	if (!e->name)
		return ys_fail(d, YS_ENOMEM, lc->path, line, 0, "内存不足");
	if (lc->col_class >= 0 && lc->col_class < nf) {
		const char *k = f[lc->col_class];

		if (!strcmp(k, "personnel") || !strcmp(k, "人员经费"))
			e->basic_class = YS_ECO_PERSONNEL;
		else if (!strcmp(k, "public") || !strcmp(k, "公用经费"))
			e->basic_class = YS_ECO_PUBLIC;
		else if (k[0])
			return ys_fail(d, YS_EINPUT, lc->path, line, lc->col_class + 1,
				       "basic_class 应为 personnel 或 public，而不是“%s”", k);
	}
	if (lc->want_kind == YS_CAT_ECO + 1 && !e->basic_class)
		return ys_fail(d, YS_EINPUT, lc->path, line, lc->col_class + 1,
			       "经济分类科目 %s 需要 basic_class（personnel 或 public）",
			       f[lc->col_code]);
	if (lc->col_three >= 0 && lc->col_three < nf && f[lc->col_three][0])
		e->three_public = ys_arena_strdup(&lc->c->arena, f[lc->col_three]);
	return YS_OK;
}

static int entry_cmp(const void *a, const void *b)
{
	const ys_cat_entry *x = a, *y = b;

	return ys_code_cmp(x->code, y->code);
}

/* Merges the loaded rows into the catalog array of their kind: a code
 * already present takes the new name (a user catalog corrects or extends
 * the shipped one). A code twice in one file is an error. */
static ys_status merge(ys_catalog *c, struct load_ctx *lc, ys_diag *d)
{
	ys_cat_entry **arr = lc->kind == YS_CAT_FUNC ? &c->func : &c->eco;
	size_t *n = lc->kind == YS_CAT_FUNC ? &c->nfunc : &c->neco;
	ys_cat_entry *all = ys_arena_alloc(&c->arena, (*n + lc->n + 1) * sizeof *all);
	size_t m = *n;

	if (!all)
		return ys_fail(d, YS_ENOMEM, lc->path, 0, 0, "内存不足");
	if (lc->n)
		qsort(lc->v, lc->n, sizeof *lc->v, entry_cmp);
	for (size_t i = 1; i < lc->n; i++)
		if (lc->v[i].code == lc->v[i - 1].code) {
			char code[8];

			return ys_fail(d, YS_EINPUT, lc->path, 0, 0,
				       "科目编码 %s 重复出现",
				       ys_code_str(lc->v[i].code, code));
		}
	if (*n)
		memcpy(all, *arr, *n * sizeof *all);
	for (size_t i = 0; i < lc->n; i++) {
		ys_cat_entry *old = *n ? bsearch(&lc->v[i], all, *n, sizeof *all, entry_cmp) : NULL;

		if (old)
			*old = lc->v[i];
		else
			all[m++] = lc->v[i];
	}
	qsort(all, m, sizeof *all, entry_cmp);
	*arr = all;
	*n = m;
	return YS_OK;
}

static ys_status load_cat_as(ys_catalog *c, const char *path, ys_cat_kind kind,
			     int want_kind, ys_diag *d)
{
	struct load_ctx lc = {0};
	char *text = NULL;
	size_t len;
	ys_status st;

	lc.c = c;
	lc.path = path;
	lc.kind = kind;
	lc.want_kind = want_kind;
	st = read_text(path, &text, &len, d);
	if (st != YS_OK)
		return st;
	st = ys_csv_read(path, text, len, cat_row, &lc, d);
	free(text);
	if (st == YS_OK && !lc.has_header)
		st = ys_fail(d, YS_EINPUT, path, 0, 0, "科目表为空");
	if (st == YS_OK)
		st = merge(c, &lc, d);
	free(lc.v);
	return st;
}

static ys_status load_cat(ys_catalog *c, const char *path, ys_cat_kind kind,
			  ys_diag *d)
{
	return load_cat_as(c, path, kind, 0, d);
}

struct key_ctx {
	ys_catalog *c;
	ys_key_entry *v;
	int *n;
	const char *path;
	int header;
};

static ys_status key_row(void *ctx, char **f, int nf, long line, ys_diag *d)
{
	struct key_ctx *kc = ctx;
	ys_key_entry *e;
	char *alias, *save = NULL;

	if (!kc->header) {
		kc->header = 1;
		if (nf < 2 || strcmp(f[0], "key") || strcmp(f[1], "name"))
			return ys_fail(d, YS_EINPUT, kc->path, line, 0,
				       "表头应为 key,name,aliases");
		return YS_OK;
	}
	if (nf < 2 || !f[0][0] || !f[1][0])
		return ys_fail(d, YS_EINPUT, kc->path, line, 0, "需要 key 和 name");
	if (*kc->n >= YS_MAX_KEYS)
		return ys_fail(d, YS_ELIMIT, kc->path, line, 0, "条目超过 %d 个",
			       YS_MAX_KEYS);
	e = &kc->v[(*kc->n)++];
	memset(e, 0, sizeof *e);
	e->key = ys_arena_strdup(&kc->c->arena, f[0]);
	e->name = ys_arena_strdup(&kc->c->arena, f[1]);
	if (nf > 2)
		for (alias = strtok_r(f[2], "|", &save); alias;
		     alias = strtok_r(NULL, "|", &save)) {
			if (e->naliases >= YS_MAX_ALIASES)
				return ys_fail(d, YS_ELIMIT, kc->path, line, 3,
					       "别名超过 %d 个", YS_MAX_ALIASES);
			e->aliases[e->naliases++] =
				ys_arena_strdup(&kc->c->arena, ys_trim(alias));
		}
	if (!e->key || !e->name)
		return ys_fail(d, YS_ENOMEM, kc->path, line, 0, "内存不足");
	return YS_OK;
}

static ys_status load_keys(ys_catalog *c, const char *path, ys_key_entry *v,
			   int *n, ys_diag *d)
{
	struct key_ctx kc = {c, v, n, path, 0};
	char *text = NULL;
	size_t len;
	ys_status st = read_text(path, &text, &len, d);

	if (st != YS_OK)
		return st;
	st = ys_csv_read(path, text, len, key_row, &kc, d);
	free(text);
	return st;
}

static ys_status load_year(ys_catalog *c, const char *datadir, int year,
			   ys_diag *d)
{
	char path[4096];
	ys_status st;

	memset(c, 0, sizeof *c);
	c->year = year;
	snprintf(path, sizeof path, "%s/catalog/funds.csv", datadir);
	if ((st = load_keys(c, path, c->funds, &c->nfunds, d)) != YS_OK)
		return st;
	snprintf(path, sizeof path, "%s/catalog/types.csv", datadir);
	if ((st = load_keys(c, path, c->types, &c->ntypes, d)) != YS_OK)
		return st;
	snprintf(path, sizeof path, "%s/catalog/%d/func.csv", datadir, year);
	/* access, not fopen: a FIFO in its place must not block here (the
	 * read that follows refuses it). */
	if (access(path, F_OK) != 0) {
		char years[256];

		ys_catalog_years_text(datadir, years, sizeof years);
		return ys_fail(d, YS_ENOTFOUND, path, 0, 0,
			       "没有 %d 年的科目表：随程序提供的年度为 %s（见 %s/catalog/）",
			       year, years, datadir);
	}
	if ((st = load_cat(c, path, YS_CAT_FUNC, d)) != YS_OK)
		return st;
	snprintf(path, sizeof path, "%s/catalog/%d/eco.csv", datadir, year);
	return load_cat(c, path, YS_CAT_ECO, d);
}

/* On failure nothing is left to free: callers differ in whether they free
 * a catalog that did not load. */
ys_status ys_catalog_load(ys_catalog *c, const char *datadir, int year,
			  ys_diag *d)
{
	ys_status st = load_year(c, datadir, year, d);

	if (st != YS_OK)
		ys_catalog_free(c);
	return st;
}

ys_status ys_catalog_add_file(ys_catalog *c, const char *path, ys_diag *d)
{
	return load_cat(c, path, (ys_cat_kind)(YS_CAT_ECO + 10), d);
}

ys_status ys_catalog_add_bundle_file(ys_catalog *c, const char *path, ys_diag *d)
{
	ys_status st = load_cat_as(c, path, YS_CAT_FUNC, YS_CAT_FUNC + 1, d);

	if (st == YS_OK)
		st = load_cat_as(c, path, YS_CAT_ECO, YS_CAT_ECO + 1, d);
	return st;
}

static int int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

int ys_catalog_years(const char *datadir, int *years, int max)
{
	char path[4096];
	DIR *dir;
	struct dirent *de;
	int n = 0;

	snprintf(path, sizeof path, "%s/catalog", datadir);
	if (!(dir = opendir(path)))
		return 0;
	while ((de = readdir(dir)) && n < max) {
		const char *s = de->d_name;
		FILE *f;

		if (strlen(s) != 4 || strspn(s, "0123456789") != 4)
			continue;
		snprintf(path, sizeof path, "%s/catalog/%s/func.csv", datadir, s);
		if (!(f = fopen(path, "rb")))
			continue;
		fclose(f);
		years[n++] = atoi(s);
	}
	closedir(dir);
	qsort(years, (size_t)n, sizeof *years, int_cmp);
	return n;
}

void ys_catalog_years_text(const char *datadir, char *out, size_t cap)
{
	int years[64], n = ys_catalog_years(datadir, years, 64);
	size_t len = 0;

	out[0] = 0;
	if (!n) {
		snprintf(out, cap, "（无）");
		return;
	}
	/* Runs of consecutive years are written as a range: 2019–2026. */
	for (int i = 0; i < n && len < cap; ) {
		int k = i;

		while (k + 1 < n && years[k + 1] == years[k] + 1)
			k++;
		if (k > i)
			len += (size_t)snprintf(out + len, cap - len, "%s%d–%d",
						i ? "、" : "", years[i], years[k]);
		else
			len += (size_t)snprintf(out + len, cap - len, "%s%d",
						i ? "、" : "", years[i]);
		i = k + 1;
	}
}

const ys_cat_entry *ys_catalog_find(const ys_catalog *c, ys_cat_kind kind,
				    ys_code code)
{
	const ys_cat_entry *v = kind == YS_CAT_FUNC ? c->func : c->eco;
	size_t lo = 0, hi = kind == YS_CAT_FUNC ? c->nfunc : c->neco;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = ys_code_cmp(v[mid].code, code);

		if (r == 0)
			return &v[mid];
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int key_find(const ys_key_entry *v, int n, const char *s)
{
	char want[256], have[256];

	ys_squash_space(s, want, sizeof want);
	if (!want[0])
		return -1;
	for (int i = 0; i < n; i++) {
		if (!strcmp(v[i].key, want) || !strcmp(v[i].name, want))
			return i;
		for (int k = 0; k < v[i].naliases; k++) {
			ys_squash_space(v[i].aliases[k], have, sizeof have);
			if (!strcmp(have, want))
				return i;
		}
	}
	return -1;
}

int ys_catalog_fund(const ys_catalog *c, const char *s)
{
	return key_find(c->funds, c->nfunds, s);
}

int ys_catalog_type(const ys_catalog *c, const char *s)
{
	return key_find(c->types, c->ntypes, s);
}

void ys_catalog_free(ys_catalog *c)
{
	ys_arena_free(&c->arena);
	memset(c, 0, sizeof *c);
}
