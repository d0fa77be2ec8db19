/*
 * cmd_synth.c - `yusuan synth --units N --seed S -o DIR`: a synthetic
 * county of N unit bundles (src/io/synth.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/synth.h"
#include "../model/catalog.h"
#include "cli.h"

int cmd_synth(int argc, char **argv)
{
	cli_args a = {argc, argv, 1, "yusuan synth"};
	const char *units = "10", *seed = "1", *out = NULL, *datadir = NULL, *v;
	char *end;
	long n;
	unsigned long long s;
	ys_diag d;

	for (; a.i < argc; a.i++) {
		if (cli_opt_flag(&a, "--help", "-h")) {
			puts("用法: yusuan synth --units N --seed S -o 目录\n"
			     "生成 N 个合成单位的预算数据包（单位类别见 data/synth/kinds.csv）：人员、公用经费，\n"
			     "项目及绩效目标，“三公”经费，事业单位的多种资金来源，上年数。同样的 N 和 S\n"
			     "生成逐字节相同的文件；每个数据包都应审核无误。");
			return 0;
		} else if (cli_opt_value(&a, "--units", "-n", &v)) {
			units = v;
		} else if (cli_opt_value(&a, "--seed", NULL, &v)) {
			seed = v;
		} else if (cli_opt_value(&a, "--output", "-o", &v)) {
			out = v;
		} else if (cli_opt_value(&a, "--data", NULL, &v)) {
			datadir = v;
		} else {
			return cli_usage_error("synth", "多余的参数 %s", argv[a.i]);
		}
	}
	n = strtol(units, &end, 10);
	if (*end || n < 1 || n > YS_SYNTH_MAX_UNITS)
		return cli_usage_error("synth", "--units 应为 1 到 100000 之间的整数，而不是“%s”", units);
	s = strtoull(seed, &end, 10);
	if (*end || !*seed)
		return cli_usage_error("synth", "--seed 应为非负整数，而不是“%s”", seed);
	if (!out)
		return cli_usage_error("synth", "%s", "需要 -o 输出目录");
	if (ys_synth(datadir ? datadir : ys_data_dir(), (int)n, s, out, &d) != YS_OK) {
		cli_error(&d);
		return 2;
	}
	fprintf(stderr, "已生成 %ld 个单位的数据包：%s\n", n, out);
	return 0;
}
