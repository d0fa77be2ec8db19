/*
 * cmd_render.c - `yusuan render BUNDLE -f FORMAT [-o OUT]`: the disclosure
 * of one unit in one format, written atomically.
 */
#include <stdio.h>
#include <string.h>

#include "../base/file.h"
#include "../job/job.h"
#include "../render/render.h"
#include "cli.h"

static void help(void)
{
	puts("用法: yusuan render 数据包目录 [-f 格式] [-o 输出文件]\n"
	     "usage: yusuan render BUNDLE [-f json|md|csv] [-o OUT]\n\n"
	     "  -f, --format 格式     json（默认，yusuan/disclosure@1）、md、csv\n"
	     "  -o, --output 文件     输出文件（默认标准输出；先写临时文件再改名）\n"
	     "      --template 名称   使用另一个模板（data/templates/名称.yaml 或 .yaml 路径）\n"
	     "      --catalog 文件    追加用户科目表（CSV，列同 data/catalog/2023/*.csv）\n"
	     "      --data 目录       数据目录（默认 $YUSUAN_DATA 或安装目录）\n\n"
	     "退出状态: 0 成功；2 输入无法读取或有错误。");
}

int cmd_render(int argc, char **argv)
{
	cli_args a = {argc, argv, 1, "yusuan render"};
	const char *bundle = NULL, *format = "json", *out = "-", *v;
	ys_job_opts o = {0};
	ys_job job;
	ys_diag d;
	ys_buf buf = YS_BUF_INIT;
	ys_status st;

	for (; a.i < argc; a.i++) {
		if (cli_opt_flag(&a, "--help", "-h")) {
			help();
			return 0;
		} else if (cli_opt_value(&a, "--format", "-f", &v)) {
			format = v;
		} else if (cli_opt_value(&a, "--output", "-o", &v)) {
			out = v;
		} else if (cli_opt_value(&a, "--template", NULL, &v)) {
			o.template_name = v;
		} else if (cli_opt_value(&a, "--catalog", NULL, &v)) {
			o.user_catalog = v;
		} else if (cli_opt_value(&a, "--data", NULL, &v)) {
			o.datadir = v;
		} else if (argv[a.i][0] == '-' && argv[a.i][1]) {
			return cli_usage_error("render", "未知选项 %s", argv[a.i]);
		} else if (!bundle) {
			bundle = argv[a.i];
		} else {
			return cli_usage_error("render", "多余的参数 %s", argv[a.i]);
		}
	}
	if (!bundle)
		return cli_usage_error("render", "%s", "需要一个数据包目录");
	if (strcmp(format, "json") && strcmp(format, "md") && strcmp(format, "csv"))
		return cli_usage_error("render", "不支持的格式“%s”（可用：json、md、csv）", format);
	if ((st = ys_job_load_bundle(&job, bundle, &o, &d)) != YS_OK) {
		cli_error(&d);
		return 2;
	}
	cli_warnings(&job.budget);
	if (!strcmp(format, "json"))
		st = ys_render_json(&job.ds, &buf, &d);
	else if (!strcmp(format, "md"))
		st = ys_render_md(&job.ds, &job.tpl, &buf, &d);
	else
		st = ys_render_csv(&job.ds, &buf, &d);
	if (st == YS_OK)
		st = ys_write_atomic(out, ys_buf_str(&buf), buf.len, &d);
	if (st != YS_OK)
		cli_error(&d);
	ys_buf_free(&buf);
	ys_job_free(&job);
	return st == YS_OK ? 0 : 2;
}
