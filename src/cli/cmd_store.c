/*
 * cmd_store.c - the store's commands: `yusuan import`, `yusuan ls`,
 * `yusuan export`, `yusuan rm` (src/store/). The database is --db, else
 * $YUSUAN_DB, else yusuan.db in the current directory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/money.h"
#include "../store/import.h"
#include "cli.h"

static const char *default_db(void)
{
	const char *env = getenv("YUSUAN_DB");

	return env && *env ? env : "yusuan.db";
}

static const char db_help[] =
	"      --db 数据库       SQLite 文件（默认 $YUSUAN_DB，否则当前目录的 yusuan.db），\n"
	"                        或 PostgreSQL 地址 postgresql://用户@主机/库名\n";

static int open_store(const char *where, ys_db **db)
{
	ys_diag d;

	if (ys_store_open(db, where, &d) != YS_OK) {
		cli_error(&d);
		return 2;
	}
	return 0;
}

int cmd_import(int argc, char **argv)
{
	cli_args a = {argc, argv, 1, "yusuan import"};
	const char *where = default_db(), *v;
	const char **args = calloc((size_t)argc + 1, sizeof *args);
	ys_import_opts o = {0};
	ys_import_result res;
	ys_inputs in = {0};
	size_t nargs = 0;
	ys_db *db = NULL;
	ys_diag d;
	int rc = 0;

	if (!args) {
		fputs("yusuan import: 错误: 内存不足\n", stderr);
		return 2;
	}
	for (; a.i < argc; a.i++) {
		if (cli_opt_flag(&a, "--help", "-h")) {
			printf("用法: yusuan import 数据包或公开文件… [--db 数据库]\n"
			       "usage: yusuan import BUNDLE|DOCUMENT… [--db FILE|postgresql://…]\n\n"
			       "把预算数据包（单位信息、全部明细、原始文件）和已发布的公开文件（解析后的\n"
			       "JSON 及审核结果）存入库中。目录中的数据包和文件逐个导入。一次导入是一个事务：\n"
			       "任何一个输入出错则全部不入库；已在库中的单位年度整体替换。\n\n%s"
			       "      --catalog 文件    追加用户科目表\n"
			       "      --data 目录       数据目录（默认 $YUSUAN_DATA 或安装目录）\n\n"
			       "退出状态: 0 成功；2 有输入无法读取或数据库出错（库保持原样）。\n", db_help);
			free(args);
			return 0;
		} else if (cli_opt_value(&a, "--db", NULL, &v)) {
			where = v;
		} else if (cli_opt_value(&a, "--catalog", NULL, &v)) {
			o.user_catalog = v;
		} else if (cli_opt_value(&a, "--data", NULL, &v)) {
			o.datadir = v;
		} else if (argv[a.i][0] == '-' && argv[a.i][1]) {
			free(args);
			return cli_usage_error("import", "未知选项 %s", argv[a.i]);
		} else {
			args[nargs++] = argv[a.i];
		}
	}
	if (!nargs) {
		free(args);
		return cli_usage_error("import", "%s", "需要至少一个数据包目录或公开文件");
	}
	if (ys_inputs_expand(&in, args, nargs, &d) != YS_OK) {
		cli_error(&d);
		rc = 2;
	} else if (!in.n) {
		fprintf(stderr, "yusuan import: 错误: 目录中没有数据包或文件\n");
		rc = 2;
	} else if (!(rc = open_store(where, &db))) {
		if (ys_import(db, &in, &o, &res, &d) != YS_OK) {
			cli_error(&d);
			fprintf(stderr, "yusuan import: 未导入任何内容，库 %s 保持原样\n", ys_db_name(db));
			rc = 2;
		} else {
			fprintf(stderr, "已入库 %s：%zu 个数据包（%zu 条明细），%zu 个公开文件\n",
				ys_db_name(db), res.bundles, res.lines, res.documents);
		}
		ys_db_close(db);
	}
	ys_inputs_free(&in);
	free(args);
	return rc;
}

static int ls_row(void *ctx, const ys_store_entry *e)
{
	char total[YS_MONEY_FMT_MAX];

	(void)ctx;
	if (!strcmp(e->kind, "bundle"))
		printf("%s\t%d\tbundle\t%s\t%s\t%lld 条\t%s 元\n", e->unit_code, e->year, e->unit_name,
		       e->region, e->nlines, ys_money_format(e->total, 2, 0, total));
	else
		printf("%s\t%d\tdocument\t%s\t%s\t%ld 错误 %ld 警告\t%s\n", e->unit_code, e->year,
		       e->unit_name, e->region, e->errors, e->warnings, e->source);
	return 0;
}

/* --db, --unit, --region, --year, --kind: shared by ls and the batch
 * commands' --db inputs. Returns 1 when argv[a->i] was one of them. */
static int filter_opt(cli_args *a, const char **where, ys_store_filter *f, int *bad)
{
	const char *v;

	if (cli_opt_value(a, "--db", NULL, &v)) {
		*where = v;
	} else if (cli_opt_value(a, "--unit", NULL, &v)) {
		f->unit = v;
	} else if (cli_opt_value(a, "--region", NULL, &v)) {
		f->region = v;
	} else if (cli_opt_value(a, "--kind", NULL, &v)) {
		f->kind = v;
	} else if (cli_opt_value(a, "--year", NULL, &v)) {
		char *end;
		long y = strtol(v, &end, 10);

		if (*end || y < 1900 || y > 2999)
			*bad = 1;
		f->year = (int)y;
	} else {
		return 0;
	}
	return 1;
}

int cmd_ls(int argc, char **argv)
{
	cli_args a = {argc, argv, 1, "yusuan ls"};
	const char *where = default_db();
	ys_store_filter f = {0};
	ys_db *db;
	ys_diag d;
	int bad = 0, rc;

	for (; a.i < argc; a.i++) {
		if (cli_opt_flag(&a, "--help", "-h")) {
			printf("用法: yusuan ls [--db 数据库] [--unit 编码] [--year 年度] [--region 地区] [--kind bundle|document]\n"
			       "列出库中的单位年度：编码、年度、类别、名称、地区、明细条数及合计（数据包）\n"
			       "或审核结果（公开文件），以制表符分隔。\n\n%s", db_help);
			return 0;
		} else if (filter_opt(&a, &where, &f, &bad)) {
			if (bad)
				return cli_usage_error("ls", "--year 应为四位年度，而不是“%s”", argv[a.i]);
		} else {
			return cli_usage_error("ls", "多余的参数 %s", argv[a.i]);
		}
	}
	if ((rc = open_store(where, &db)))
		return rc;
	if (ys_store_list(db, &f, ls_row, NULL, &d) != YS_OK) {
		cli_error(&d);
		rc = 2;
	}
	ys_db_close(db);
	return rc;
}

/* UNIT YEAR from the command line. */
static int unit_year(const char *cmd, const char *unit, const char *year, int *y)
{
	char *end;
	long v;

	if (!unit || !year)
		return cli_usage_error(cmd, "%s", "需要单位编码和年度，例如 711 2023");
	v = strtol(year, &end, 10);
	if (*end || v < 1900 || v > 2999)
		return cli_usage_error(cmd, "年度应为四位数字，而不是“%s”", year);
	*y = (int)v;
	return -1;
}

int cmd_export(int argc, char **argv)
{
	cli_args a = {argc, argv, 1, "yusuan export"};
	const char *where = default_db(), *out = NULL, *unit = NULL, *year = NULL, *v;
	ys_db *db;
	ys_diag d;
	int y, rc;

	for (; a.i < argc; a.i++) {
		if (cli_opt_flag(&a, "--help", "-h")) {
			printf("用法: yusuan export 单位编码 年度 -o 目录 [--db 数据库]\n"
			       "把库中的一个单位年度写回为数据包（budget.yaml、lines.csv 等与导入时逐字节相同）；\n"
			       "目录整体替换。\n\n%s", db_help);
			return 0;
		} else if (cli_opt_value(&a, "--db", NULL, &v)) {
			where = v;
		} else if (cli_opt_value(&a, "--output", "-o", &v)) {
			out = v;
		} else if (argv[a.i][0] == '-' && argv[a.i][1]) {
			return cli_usage_error("export", "未知选项 %s", argv[a.i]);
		} else if (!unit) {
			unit = argv[a.i];
		} else if (!year) {
			year = argv[a.i];
		} else {
			return cli_usage_error("export", "多余的参数 %s", argv[a.i]);
		}
	}
	if ((rc = unit_year("export", unit, year, &y)) >= 0)
		return rc;
	if (!out)
		return cli_usage_error("export", "%s", "需要 -o 输出目录");
	if ((rc = open_store(where, &db)))
		return rc;
	if (ys_store_export(db, unit, y, out, &d) != YS_OK) {
		cli_error(&d);
		rc = 2;
	} else {
		fprintf(stderr, "已写入 %s\n", out);
	}
	ys_db_close(db);
	return rc;
}

int cmd_rm(int argc, char **argv)
{
	cli_args a = {argc, argv, 1, "yusuan rm"};
	const char *where = default_db(), *unit = NULL, *year = NULL, *v;
	ys_db *db;
	ys_diag d;
	int y, rc, removed = 0;

	for (; a.i < argc; a.i++) {
		if (cli_opt_flag(&a, "--help", "-h")) {
			printf("用法: yusuan rm 单位编码 年度 [--db 数据库]\n"
			       "从库中删除一个单位年度（数据包和公开文件）。\n\n%s", db_help);
			return 0;
		} else if (cli_opt_value(&a, "--db", NULL, &v)) {
			where = v;
		} else if (argv[a.i][0] == '-' && argv[a.i][1]) {
			return cli_usage_error("rm", "未知选项 %s", argv[a.i]);
		} else if (!unit) {
			unit = argv[a.i];
		} else if (!year) {
			year = argv[a.i];
		} else {
			return cli_usage_error("rm", "多余的参数 %s", argv[a.i]);
		}
	}
	if ((rc = unit_year("rm", unit, year, &y)) >= 0)
		return rc;
	if ((rc = open_store(where, &db)))
		return rc;
	if (ys_db_begin(db, &d) != YS_OK || ys_store_remove(db, unit, y, &removed, &d) != YS_OK ||
	    ys_db_commit(db, &d) != YS_OK) {
		cli_error(&d);
		rc = 2;
	} else if (!removed) {
		fprintf(stderr, "%s: 错误: 库中没有单位 %s 的 %d 年数据\n", ys_db_name(db), unit, y);
		rc = 1;
	} else {
		fprintf(stderr, "已删除单位 %s 的 %d 年数据（%d 项）\n", unit, y, removed);
	}
	ys_db_close(db);
	return rc;
}
