/*
 * opt_limits.c - the reader bounds from the command line, for every
 * command: `--limit NAME=VALUE` (repeatable, anywhere after the command
 * name; `--limit list` prints the table) and $YUSUAN_LIMITS ("NAME=VALUE,
 * …", applied first so that the command line wins). The options are taken
 * out of argv before the command parses its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/limits.h"
#include "cli.h"

static void list_limits(FILE *f)
{
	ys_limit_info in;

	fprintf(f, "%-20s %12s %12s  %s\n", "name", "value", "default", "unit / meaning");
	for (size_t i = 0; ys_limits_info(i, &in); i++)
		fprintf(f, "%-20s %12zu %12zu  %s  %s\n", in.name, in.value, in.def,
			in.unit, in.meaning);
}

int cli_take_limits(int *argc, char **argv)
{
	const char *env = getenv("YUSUAN_LIMITS");
	ys_diag d = {0};
	int out = 1, list = 0;

	if (env && ys_limits_set_list(env, "YUSUAN_LIMITS", &d) != YS_OK) {
		cli_error(&d);
		return -1;
	}
	for (int i = 1; i < *argc; i++) {
		const char *v = NULL;

		if (!strcmp(argv[i], "--")) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (!strncmp(argv[i], "--limit=", 8)) {
			v = argv[i] + 8;
		} else if (!strcmp(argv[i], "--limit")) {
			if (i + 1 >= *argc) {
				fprintf(stderr, "yusuan %s: 错误: 选项 --limit 需要一个值"
					"（名称=数值；--limit list 列出全部限值）\n", argv[0]);
				return -1;
			}
			v = argv[++i];
		} else {
			argv[out++] = argv[i];
			continue;
		}
		if (!strcmp(v, "list") || !strcmp(v, "help")) {
			list = 1;
		} else if (ys_limits_set(v, "--limit", &d) != YS_OK) {
			cli_error(&d);
			return -1;
		}
	}
	argv[out] = NULL;
	*argc = out;
	if (list) {
		list_limits(stdout);
		return 1;
	}
	return 0;
}
