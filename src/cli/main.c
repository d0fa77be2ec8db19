/*
 * main.c - the yusuan command: dispatches to one function per subcommand
 * (cmd_render.c, cmd_catalog.c …), git-style.
 */
#include <stdio.h>
#include <string.h>

#include "../base/file.h"
#include "cli.h"

#ifndef YS_VERSION
#define YS_VERSION "0.1.0"
#endif

static const struct {
	const char *name;
	int (*fn)(int, char **);
	const char *help;
} commands[] = {
	{"render", cmd_render, "生成部门预算公开文件（json、md、csv、html、xlsx、docx、pdf、all） / render the disclosure"},
	{"parse", cmd_parse, "把已发布的公开文件读成 JSON（文本、HTML、DOCX、XLSX） / parse published disclosures"},
	{"catalog", cmd_catalog, "查询支出功能分类、经济分类科目 / look up classification codes"},
	{"check", cmd_check, "审核预算数据包或公开文件（表内、表间、科目、完整性、说明） / audit a budget or disclosure"},
	{"import", cmd_import, "把数据包和公开文件存入库（SQLite 或 PostgreSQL） / put bundles and documents into the store"},
	{"ls", cmd_ls, "列出库中的单位年度 / list the store"},
	{"export", cmd_export, "把库中的单位年度写回为数据包 / a unit-year back to a bundle"},
	{"synth", cmd_synth, "生成合成单位的预算数据包（确定性） / synthetic unit bundles"},
	{"rm", cmd_rm, "从库中删除单位年度 / remove a unit-year"},
};

static void usage(FILE *f)
{
	fprintf(f, "用法 / usage: yusuan <命令> [选项]\n\n命令 / commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].help);
	fprintf(f, "\n每个命令都有 --help。数据目录：环境变量 YUSUAN_DATA（默认为安装目录）。\n"
		   "Each command takes --help. Data folder: $YUSUAN_DATA.\n\n"
		   "读取输入的各项上限（文件大小、单元格、YAML 层数……）对每个命令都可以调整：\n"
		   "  --limit 名称=数值      例如 --limit sheet-cells=2000000；可重复\n"
		   "  --limit list           列出全部上限、当前值和默认值（docs/limits.md）\n"
		   "  环境变量 YUSUAN_LIMITS=\"名称=数值,…\"  先于命令行生效\n");
}

int main(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf("yusuan %s\n", YS_VERSION);
		return 0;
	}
	/* Ctrl-C, kill or a closed terminal must not leave temporaries. */
	ys_file_cleanup_on_signals();
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(argv[1], commands[i].name)) {
			int n = argc - 1, lim = cli_take_limits(&n, argv + 1);

			if (lim)
				return lim > 0 ? 0 : 2;
			return commands[i].fn(n, argv + 1);
		}
	fprintf(stderr, "yusuan: 错误: 未知命令“%s”\n\n", argv[1]);
	usage(stderr);
	return 2;
}
