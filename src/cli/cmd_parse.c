/*
 * cmd_parse.c - `yusuan parse FILE… [-o OUT | --outdir DIR]`: published
 * disclosures (text export, HTML, DOCX, XLSX; detected from content) into
 * yusuan/disclosure@1 JSON, each output written atomically.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/file.h"
#include "../base/buf.h"
#include "../parse/parse.h"
#include "../render/render.h"
#include "cli.h"

static void help(void)
{
	puts("用法: yusuan parse 文件… [-o 输出 | --outdir 目录]\n"
	     "usage: yusuan parse FILE… [-o OUT | --outdir DIR]\n\n"
	     "把已发布的部门预算公开文件（Word 文本导出、HTML 网页、DOCX、XLSX；按内容识别格式，\n"
	     "文本和网页可为 UTF-8 或 GBK/GB18030）读成 yusuan/disclosure@1 JSON。\n\n"
	     "  -o, --output 输出     输出文件（默认标准输出；只能用于一个输入文件）\n"
	     "      --outdir 目录     每个输入写成 目录/文件名.json；同名输入依次写成\n"
	     "                        文件名-2.json、文件名-3.json …，不互相覆盖\n"
	     "      --template 名称   识别表格所用的模板（默认：对每个文件评分，选用数据目录 templates/ 中最匹配的模板）\n"
	     "      --year 年度       科目表年度（默认 2023）\n"
	     "      --data 目录       数据目录（默认 $YUSUAN_DATA 或安装目录）\n\n"
	     "退出状态: 0 成功；2 有文件无法读取或无法识别（其余文件照常处理）。");
}

static ys_status parse_one(const char *in, const char *out, const ys_template *t,
			   const ys_tset *set, const ys_catalog *cat, ys_diag *d)
{
	ys_disclosure ds;
	ys_buf buf = YS_BUF_INIT;
	ys_status st;

	ys_disclosure_init(&ds);
	st = t ? ys_parse_file(in, t, cat, &ds, d) : ys_parse_file_best(in, set, cat, &ds, d);
	if (st == YS_OK)
		cli_encoding_warning(in, &ds);
	if (st == YS_OK)
		st = ys_render_json(&ds, &buf, d);
	if (st == YS_OK && !ys_buf_ok(&buf))
		st = ys_fail(d, YS_ENOMEM, out, 0, 0, "内存不足");
	if (st == YS_OK)
		st = ys_write_atomic(out, ys_buf_str(&buf), buf.len, d);
	ys_buf_free(&buf);
	ys_disclosure_free(&ds);
	return st;
}

/*
 * outdir/<input file name without extension>.json, the name made safe
 * (control characters replaced, at most 200 bytes). Inputs from different
 * folders often share a name (every county's "2023年部门预算.docx"), so a
 * name already taken in this run gets "-2", "-3" … instead of overwriting
 * the earlier output; taken[] holds the names used so far.
 */
static void out_path(const char *dir, const char *in, char **taken,
		     size_t ntaken, char *path, size_t cap)
{
	const char *base = strrchr(in, '/');
	const char *dot;
	char stem[256], safe[256], name[300];
	int n;

	base = base ? base + 1 : in;
	dot = strrchr(base, '.');
	n = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
	snprintf(stem, sizeof stem, "%.*s", n, base);
	ys_safe_name(stem, 200, safe, sizeof safe);
	snprintf(name, sizeof name, "%s.json", safe);
	for (unsigned k = 2;; k++) {
		size_t i = 0;

		while (i < ntaken && strcmp(taken[i], name) != 0)
			i++;
		if (i == ntaken)
			break;
		snprintf(name, sizeof name, "%s-%u.json", safe, k);
	}
	snprintf(path, cap, "%s/%s", dir, name);
}

/* --dump-pdoc: what the reader saw, before recognition (debugging a
 * layout; the tests read PDF grids with it). */
static int dump_pdoc(size_t nfiles, const char **files)
{
	int rc = 0;

	for (size_t i = 0; i < nfiles; i++) {
		ys_buf b = YS_BUF_INIT;
		ys_diag d;

		if (ys_parse_dump_file(files[i], &b, &d) != YS_OK) {
			cli_error(&d);
			rc = 2;
		} else {
			fwrite(ys_buf_str(&b), 1, b.len, stdout);
		}
		ys_buf_free(&b);
	}
	return rc;
}

int cmd_parse(int argc, char **argv)
{
	cli_args a = {argc, argv, 1, "yusuan parse"};
	const char *out = NULL, *outdir = NULL, *tname = NULL, *datadir = NULL, *v;
	const char **files = calloc((size_t)argc + 1, sizeof *files);
	char **taken = NULL;
	size_t nfiles = 0;
	int year = 2023, rc = 0, dump = 0;
	ys_catalog cat;
	ys_template tpl;
	ys_tset set = {0};
	ys_diag d;

	if (!files) {
		fprintf(stderr, "yusuan parse: 错误: 内存不足\n");
		return 2;
	}
	for (; a.i < argc; a.i++) {
		if (cli_opt_flag(&a, "--help", "-h")) {
			help();
			free(files);
			return 0;
		} else if (cli_opt_value(&a, "--output", "-o", &v)) {
			out = v;
		} else if (cli_opt_value(&a, "--outdir", NULL, &v)) {
			outdir = v;
		} else if (cli_opt_value(&a, "--template", NULL, &v)) {
			tname = v;
		} else if (cli_opt_value(&a, "--year", NULL, &v)) {
			year = atoi(v);
		} else if (cli_opt_value(&a, "--data", NULL, &v)) {
			datadir = v;
		} else if (cli_opt_flag(&a, "--dump-pdoc", NULL)) {
			dump = 1;
		} else if (argv[a.i][0] == '-' && argv[a.i][1]) {
			free(files);
			return cli_usage_error("parse", "未知选项 %s", argv[a.i]);
		} else {
			files[nfiles++] = argv[a.i];
		}
	}
	if (!nfiles || (out && outdir) || (out && nfiles > 1)) {
		free(files);
		return cli_usage_error("parse", "%s",
				       !nfiles ? "需要至少一个文件"
					       : "-o 只能用于一个输入文件，多个文件请用 --outdir");
	}
	if (dump) {
		rc = dump_pdoc(nfiles, files);
		free(files);
		return rc;
	}
	if (!datadir)
		datadir = ys_data_dir();
	if (ys_catalog_load(&cat, datadir, year, &d) != YS_OK) {
		cli_error(&d);
		free(files);
		return 2;
	}
	memset(&tpl, 0, sizeof tpl);
	/* Without --template every template is scored against each document. */
	if (tname ? ys_template_load(&tpl, datadir, tname, &cat, &d) != YS_OK
		  : ys_tset_load(&set, datadir, &cat, &d) != YS_OK) {
		cli_error(&d);
		ys_catalog_free(&cat);
		free(files);
		return 2;
	}
	if (outdir && ys_mkdir_p(outdir, &d) != YS_OK) {
		cli_error(&d);
		nfiles = 0;
		rc = 2;
	}
	taken = calloc(nfiles + 1, sizeof *taken);
	if (!taken) {
		fprintf(stderr, "yusuan parse: 错误: 内存不足\n");
		nfiles = 0;
		rc = 2;
	}
	for (size_t i = 0; i < nfiles; i++) {
		char path[4096];

		if (outdir) {
			out_path(outdir, files[i], taken, i, path, sizeof path);
			taken[i] = strdup(strrchr(path, '/') + 1);
			if (!taken[i]) {
				fprintf(stderr, "yusuan parse: 错误: 内存不足\n");
				rc = 2;
				break;
			}
		} else
			snprintf(path, sizeof path, "%s", out ? out : "-");
		if (parse_one(files[i], path, tname ? &tpl : NULL, &set, &cat, &d) != YS_OK) {
			cli_error(&d);
			rc = 2;
		} else if (outdir) {
			fprintf(stderr, "已写入 %s\n", path);
		}
	}
	for (size_t i = 0; taken && i < nfiles; i++)
		free(taken[i]);
	free(taken);
	ys_template_free(&tpl);
	ys_tset_free(&set);
	ys_catalog_free(&cat);
	free(files);
	return rc;
}
