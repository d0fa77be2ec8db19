/*
 * cli.c - diagnostics printing and option helpers shared by the commands.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* "file:line:col: 错误: msg", the place left out when unknown. */
static void print_diag(const ys_diag *d, const char *severity)
{
	if (!d->file[0])
		fprintf(stderr, "%s: %s\n", severity, d->msg);
	else if (d->line > 0 && d->column > 0)
		fprintf(stderr, "%s:%ld:%ld: %s: %s\n", d->file, d->line, d->column, severity, d->msg);
	else if (d->line > 0)
		fprintf(stderr, "%s:%ld: %s: %s\n", d->file, d->line, severity, d->msg);
	else
		fprintf(stderr, "%s: %s: %s\n", d->file, severity, d->msg);
}

void cli_error(const ys_diag *d)
{
	/* A failure that left no message is an allocation that failed deep in
	 * a helper returning a bare YS_ENOMEM (every other failure is built
	 * with ys_fail; the fuzz targets check that). Say so rather than
	 * print an empty line. */
	if (!d->msg[0]) {
		ys_diag m = *d;

		snprintf(m.msg, sizeof m.msg, "内存不足");
		print_diag(&m, "错误");
		return;
	}
	print_diag(d, "错误");
}

void cli_warnings(const ys_budget *b)
{
	for (size_t i = 0; i < b->nwarnings; i++) {
		print_diag(&b->warnings[i], "警告");
	}
	if (b->nwarnings_dropped)
		fprintf(stderr, "（另有 %zu 条警告未显示）\n", b->nwarnings_dropped);
}

void cli_encoding_warning(const char *path, const ys_disclosure *ds)
{
	if (ds->source_encoding)
		fprintf(stderr, "%s: 警告: 文件不是 UTF-8，按 %s 编码读取\n", path,
			ds->source_encoding);
}

int cli_opt_value(cli_args *a, const char *lng, const char *shrt, const char **val)
{
	const char *arg = a->argv[a->i];
	size_t n = strlen(lng);

	if (!strncmp(arg, lng, n) && arg[n] == '=') {
		*val = arg + n + 1;
		return 1;
	}
	if (strcmp(arg, lng) && (!shrt || strcmp(arg, shrt)))
		return 0;
	if (a->i + 1 >= a->argc) {
		fprintf(stderr, "%s: 错误: 选项 %s 需要一个值\n", a->prog, arg);
		exit(2);
	}
	*val = a->argv[++a->i];
	return 1;
}

int cli_opt_flag(cli_args *a, const char *lng, const char *shrt)
{
	const char *arg = a->argv[a->i];

	return !strcmp(arg, lng) || (shrt && !strcmp(arg, shrt));
}

int cli_usage_error(const char *cmd, const char *fmt, const char *arg)
{
	fprintf(stderr, "yusuan %s: 错误: ", cmd);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n（yusuan %s --help 查看用法）\n", cmd);
	return 2;
}
