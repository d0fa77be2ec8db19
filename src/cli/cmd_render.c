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
	     "输出先写同目录下的临时文件，写盘（fsync）后再改名，出错时不留半成品；\n"
	     "-o 只写普通文件（拒绝设备、管道、目录），符号链接则写入其指向的文件。\n"
	     "-f all 在目录旁的临时目录中生成整套文件，再整体替换 -o 目录：\n"
	     "读者看到的要么是旧的一整套，要么是新的一整套。\n"
	     "退出状态: 0 成功；2 输入无法读取或有错误。");
}

static ys_status render_buf(const ys_format *f, ys_job *job, const char *out,
			    ys_buf *buf, ys_diag *d)
{
	ys_status st = f->render(&job->ds, &job->tpl, buf, d);

	if (st == YS_OK && !ys_buf_ok(buf))
		st = ys_fail(d, YS_ENOMEM, out, 0, 0, "内存不足");
	return st;
}

/* One format to one file (or "-"): scratch files of the renderer go beside
 * the output. */
static ys_status render_one(const ys_format *f, ys_job *job, const char *out,
			    ys_diag *d)
{
	ys_buf buf = YS_BUF_INIT;
	char dir[4096];
	const char *slash = strrchr(out, '/');
	ys_status st;

	if (strcmp(out, "-") == 0)
		ys_scratch_dir(NULL);
	else if (!slash)
		ys_scratch_dir(".");
	else {
		snprintf(dir, sizeof dir, "%.*s", slash == out ? 1 : (int)(slash - out), out);
		ys_scratch_dir(dir);
	}
	st = render_buf(f, job, out, &buf, d);
	if (st == YS_OK)
		st = ys_write_atomic(out, ys_buf_str(&buf), buf.len, d);
	ys_buf_free(&buf);
	return st;
}

/*
 * Every format into dir as one set: built in a staging directory beside dir
 * and swapped in whole (ys_outset), so dir holds the old set or the new one
 * even if the run is killed, the disk fills or one format fails.
 */
static ys_status render_all(ys_job *job, const char *dir, ys_diag *d)
{
	ys_outset set;
	char base[512], unit[256];
	ys_status st;

	if ((st = ys_outset_begin(&set, dir, d)) != YS_OK)
		return st;
	ys_scratch_dir(set.stage);
	/* 711-平乡县总工会-2023.json: the unit name may hold '/' or a newline. */
	ys_safe_name(job->budget.unit_name ? job->budget.unit_name : "", 180,
		     unit, sizeof unit);
	snprintf(base, sizeof base, "%s-%s-%d",
		 job->budget.unit_code ? job->budget.unit_code : "", unit,
		 job->budget.year);
	ys_safe_name(base, 240, base, sizeof base);
	for (size_t i = 0; st == YS_OK && ys_format_at(i); i++) {
		const ys_format *f = ys_format_at(i);
		ys_buf buf = YS_BUF_INIT;
		char name[600];

		snprintf(name, sizeof name, "%s.%s", base, f->ext);
		st = render_buf(f, job, name, &buf, d);
		if (st == YS_OK)
			st = ys_outset_write(&set, name, ys_buf_str(&buf), buf.len, d);
		ys_buf_free(&buf);
	}
	ys_scratch_dir(NULL);
	if (st != YS_OK) {
		ys_outset_abort(&set);
		return st;
	}
	if ((st = ys_outset_commit(&set, d)) != YS_OK)
		return st;
	for (size_t i = 0; ys_format_at(i); i++)
		fprintf(stderr, "已写入 %s/%s.%s\n", dir, base, ys_format_at(i)->ext);
	return YS_OK;
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
		st = render_all(&job, out ? out : "out", &d);
	}
	if (st != YS_OK)
		cli_error(&d);
	ys_job_free(&job);
	return st == YS_OK ? 0 : 2;
}
