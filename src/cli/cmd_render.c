/*
 * cmd_render.c - `yusuan render BUNDLE -f FORMAT [-o OUT]`: the disclosure
 * of one unit in one format (or every format into a directory with -f all),
 * each file written atomically.
 */
#include <stdio.h>
#include <string.h>

#include "../base/file.h"
#include "../io/bundle.h"
#include "../job/job.h"
#include "../render/render.h"
#include "cli.h"

static void help(void)
{
	puts("用法: yusuan render 数据包目录 [-f 格式] [-o 输出]\n"
	     "usage: yusuan render BUNDLE [-f FORMAT|all] [-o OUT]\n");
	printf("  -f, --format 格式     ");
	for (size_t i = 0; ys_format_at(i); i++)
		printf("%s%s", i ? "、" : "", ys_format_at(i)->name);
	puts("（默认 json），或 all：全部格式写入 -o 指定的目录\n"
	     "  -o, --output 输出     输出文件（默认标准输出）；-f all 时为目录（默认 out）\n"
	     "      --template 名称   使用另一个模板（data/templates/名称.yaml 或 .yaml 路径）\n"
	     "      --catalog 文件    追加用户科目表（CSV，列同 data/catalog/2023/*.csv）\n"
	     "      --data 目录       数据目录（默认 $YUSUAN_DATA 或安装目录）\n\n"
	     "输出先写临时文件，完成后再改名，出错时不留半成品。\n"
	     "退出状态: 0 成功；2 输入无法读取或有错误。");
}

static ys_status render_one(const ys_format *f, ys_job *job, const char *out,
			    ys_diag *d)
{
	ys_buf buf = YS_BUF_INIT;
	ys_status st = f->render(&job->ds, &job->tpl, &buf, d);

	if (st == YS_OK && !ys_buf_ok(&buf))
		st = ys_fail(d, YS_ENOMEM, out, 0, 0, "内存不足");
	if (st == YS_OK)
		st = ys_write_atomic(out, ys_buf_str(&buf), buf.len, d);
	ys_buf_free(&buf);
	return st;
}

int cmd_render(int argc, char **argv)
{
	cli_args a = {argc, argv, 1, "yusuan render"};
	const char *bundle = NULL, *format = "json", *out = NULL, *v;
	const ys_format *f = NULL;
	ys_job_opts o = {0};
	ys_job job;
	ys_diag d;
	ys_status st = YS_OK;

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
	if (strcmp(format, "all") && !(f = ys_format_find(format)))
		return cli_usage_error("render", "不支持的格式“%s”（yusuan render --help 列出可用格式）", format);
	if ((st = ys_job_load_bundle(&job, bundle, &o, &d)) != YS_OK) {
		cli_error(&d);
		return 2;
	}
	cli_warnings(&job.budget);
	if ((st = ys_bundle_require_codes(&job.budget, &job.cat, &d)) != YS_OK) {
		cli_error(&d);
		ys_job_free(&job);
		return 2;
	}
	if (f) {
		st = render_one(f, &job, out ? out : "-", &d);
	} else {
		const char *dir = out ? out : "out";

		st = ys_mkdir_p(dir, &d);
		for (size_t i = 0; st == YS_OK && ys_format_at(i); i++) {
			char path[4096], base[512];

			f = ys_format_at(i);
			/* 711-平乡县总工会-2023.json: a unit name may hold '/'. */
			snprintf(base, sizeof base, "%s-%s-%d", job.budget.unit_code,
				 job.budget.unit_name, job.budget.year);
			for (char *p = base; *p; p++)
				if (*p == '/' || *p == '\\')
					*p = '_';
			snprintf(path, sizeof path, "%s/%s.%s", dir, base, f->ext);
			st = render_one(f, &job, path, &d);
			if (st == YS_OK)
				fprintf(stderr, "已写入 %s\n", path);
		}
	}
	if (st != YS_OK)
		cli_error(&d);
	ys_job_free(&job);
	return st == YS_OK ? 0 : 2;
}
