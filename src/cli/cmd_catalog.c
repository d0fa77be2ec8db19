/*
 * cmd_catalog.c - `yusuan catalog [lookup CODE] [--year Y]`: the
 * classification catalogs. `lookup` prints a code, its name and its
 * parents; without it, the catalog is listed. `diff Y1 Y2` compares the
 * shipped catalogs of two years code by code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/catalog.h"
#include "cli.h"

static void help(void)
{
	puts("用法: yusuan catalog [lookup 编码 | list [func|eco] | funds | types | diff 年度1 年度2] [--year 年度]\n"
	     "usage: yusuan catalog [lookup CODE | list [func|eco] | funds | types | diff Y1 Y2] [--year Y]\n\n"
	     "  lookup 编码     显示科目名称及其上级科目（如 2012901、30101）\n"
	     "  list func|eco  列出支出功能分类或经济分类科目（默认 func）\n"
	     "  diff 年度1 年度2 两个年度科目表的差别：新增、删除、改名\n"
	     "  funds, types   资金来源、支出类型及其别名\n"
	     "  --year 年度     科目表年度（默认 2023；随程序提供 2019–2026）\n"
	     "  --catalog 文件  追加用户科目表\n"
	     "  --data 目录     数据目录\n\n"
	     "退出状态: 0 找到；1 编码不在科目表中；2 用法或数据错误。");
}

static void print_chain(const ys_catalog *c, ys_cat_kind kind, ys_code code)
{
	ys_code chain[3];
	int n = 0;
	char s[8];

	for (ys_code x = code; x && n < 3; x = ys_code_parent(x))
		chain[n++] = x;
	for (int i = n - 1; i >= 0; i--) {
		const ys_cat_entry *e = ys_catalog_find(c, kind, chain[i]);
		int digits = ys_code_digits(chain[i]);
		const char *level = digits == 3 ? "类" : digits == 5 ? "款" : "项";

		printf("%*s%s %s  %s", (n - 1 - i) * 2, "", ys_code_str(chain[i], s), level,
		       e ? e->name : "（科目表中没有）");
		if (e && kind == YS_CAT_ECO && e->basic_class)
			printf("  [%s]", e->basic_class == YS_ECO_PERSONNEL ? "人员经费" : "公用经费");
		if (e && e->three_public)
			printf("  [三公经费: %s]", e->three_public);
		putchar('\n');
	}
}

static int parse_year(const char *v, int *year)
{
	char *end;

	*year = (int)strtol(v, &end, 10);
	return !*end && *year >= 1990 && *year <= 2100;
}

/* Prints one kind's differences: codes only in b (新增), only in a (删除),
 * and in both with another name (改名). Both arrays are sorted. */
static int diff_kind(const ys_cat_entry *a, size_t na, const ys_cat_entry *b,
		     size_t nb, const char *kind)
{
	size_t i = 0, k = 0;
	int n = 0;
	char s[8];

	while (i < na || k < nb) {
		int r = i >= na ? 1 : k >= nb ? -1 : ys_code_cmp(a[i].code, b[k].code);

		if (r < 0) {
			printf("removed\t%s\t%s\t%s\n", kind, ys_code_str(a[i].code, s), a[i].name);
			i++, n++;
		} else if (r > 0) {
			printf("added\t%s\t%s\t%s\n", kind, ys_code_str(b[k].code, s), b[k].name);
			k++, n++;
		} else {
			if (strcmp(a[i].name, b[k].name)) {
				printf("renamed\t%s\t%s\t%s\t（原名：%s）\n", kind,
				       ys_code_str(b[k].code, s), b[k].name, a[i].name);
				n++;
			}
			i++, k++;
		}
	}
	return n;
}

static int catalog_diff(const char *datadir, const char *y1, const char *y2)
{
	ys_catalog a, b;
	ys_diag d;
	int ya, yb, n;

	if (!parse_year(y1, &ya) || !parse_year(y2, &yb))
		return cli_usage_error("catalog", "%s", "diff 需要两个年度，如 diff 2023 2024");
	if (ys_catalog_load(&a, datadir, ya, &d) != YS_OK) {
		cli_error(&d);
		ys_catalog_free(&a);
		return 2;
	}
	if (ys_catalog_load(&b, datadir, yb, &d) != YS_OK) {
		cli_error(&d);
		ys_catalog_free(&a);
		ys_catalog_free(&b);
		return 2;
	}
	n = diff_kind(a.func, a.nfunc, b.func, b.nfunc, "func");
	n += diff_kind(a.eco, a.neco, b.eco, b.neco, "eco");
	fprintf(stderr, "%d年 → %d年：%d 处变化\n", ya, yb, n);
	ys_catalog_free(&a);
	ys_catalog_free(&b);
	return 0;
}

int cmd_catalog(int argc, char **argv)
{
	cli_args a = {argc, argv, 1, "yusuan catalog"};
	const char *datadir = NULL, *user = NULL, *v, *words[3] = {0};
	int year = 2023, nwords = 0, rc = 0;
	ys_catalog cat;
	ys_diag d;

	for (; a.i < argc; a.i++) {
		if (cli_opt_flag(&a, "--help", "-h")) {
			help();
			return 0;
		} else if (cli_opt_value(&a, "--year", "-y", &v)) {
			if (!parse_year(v, &year))
				return cli_usage_error("catalog", "年度“%s”无效", v);
		} else if (cli_opt_value(&a, "--data", NULL, &v)) {
			datadir = v;
		} else if (cli_opt_value(&a, "--catalog", NULL, &v)) {
			user = v;
		} else if (argv[a.i][0] == '-' && argv[a.i][1]) {
			return cli_usage_error("catalog", "未知选项 %s", argv[a.i]);
		} else if (nwords < 3) {
			words[nwords++] = argv[a.i];
		} else {
			return cli_usage_error("catalog", "多余的参数 %s", argv[a.i]);
		}
	}
	if (nwords >= 1 && !strcmp(words[0], "diff")) {
		if (nwords != 3)
			return cli_usage_error("catalog", "%s", "diff 需要两个年度，如 diff 2023 2024");
		return catalog_diff(datadir ? datadir : ys_data_dir(), words[1], words[2]);
	}
	if (ys_catalog_load(&cat, datadir ? datadir : ys_data_dir(), year, &d) != YS_OK ||
	    (user && ys_catalog_add_file(&cat, user, &d) != YS_OK)) {
		cli_error(&d);
		ys_catalog_free(&cat);
		return 2;
	}
	if (nwords >= 1 && !strcmp(words[0], "lookup")) {
		ys_code code;
		ys_cat_kind kind;

		if (nwords != 2) {
			ys_catalog_free(&cat);
			return cli_usage_error("catalog", "%s", "lookup 需要一个科目编码");
		}
		code = ys_code_parse(words[1]);
		if (!code) {
			ys_catalog_free(&cat);
			return cli_usage_error("catalog", "“%s”不是科目编码（应为 3、5 或 7 位数字）", words[1]);
		}
		/* Functional codes start with 2, economic with 3 (5 digits at most). */
		kind = words[1][0] == '3' && ys_code_digits(code) <= 5 ? YS_CAT_ECO : YS_CAT_FUNC;
		if (!ys_catalog_find(&cat, kind, code)) {
			fprintf(stderr, "yusuan catalog: 科目编码 %s 不在%d年%s中\n", words[1], year,
				kind == YS_CAT_ECO ? "部门预算支出经济分类科目" : "支出功能分类科目");
			if (ys_catalog_find(&cat, kind, ys_code_parent(code)))
				print_chain(&cat, kind, ys_code_parent(code));
			rc = 1;
		} else {
			printf("%d年%s\n", year, kind == YS_CAT_ECO ? "部门预算支出经济分类科目" : "支出功能分类科目");
			print_chain(&cat, kind, code);
		}
	} else if (nwords >= 1 && (!strcmp(words[0], "funds") || !strcmp(words[0], "types"))) {
		const ys_key_entry *v2 = words[0][0] == 'f' ? cat.funds : cat.types;
		int n = words[0][0] == 'f' ? cat.nfunds : cat.ntypes;

		for (int i = 0; i < n; i++) {
			printf("%-14s %s", v2[i].key, v2[i].name);
			for (int k = 0; k < v2[i].naliases; k++)
				printf("%s%s", k ? "、" : "  别名: ", v2[i].aliases[k]);
			putchar('\n');
		}
	} else if (nwords == 0 || !strcmp(words[0], "list")) {
		int eco = nwords >= 2 && !strcmp(words[1], "eco");
		const ys_cat_entry *e = eco ? cat.eco : cat.func;
		size_t n = eco ? cat.neco : cat.nfunc;
		char s[8];

		for (size_t i = 0; i < n; i++)
			printf("%*s%s %s\n", (ys_code_digits(e[i].code) - 3), "",
			       ys_code_str(e[i].code, s), e[i].name);
	} else {
		ys_catalog_free(&cat);
		return cli_usage_error("catalog", "未知子命令“%s”", words[0]);
	}
	ys_catalog_free(&cat);
	return rc;
}
