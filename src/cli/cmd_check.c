/*
 * cmd_check.c - `yusuan check FILE…`: audits budget bundles (their data
 * warnings, then the rules on the disclosure they generate) and
 * yusuan/disclosure@1 JSON files, and prints the findings compiler-style or
 * as JSON, with a summary at the end. The rules live in src/check/.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/money.h"
#include "../base/text.h"
#include "../check/check.h"
#include "../io/disclosure_json.h"
#include "../job/job.h"
#include "cli.h"

#define MAX_DISABLED 64

static void help(void)
{
	puts("用法: yusuan check 文件… [选项]\n"
	     "usage: yusuan check FILE… [options]\n\n"
	     "文件可以是预算数据包目录，或 yusuan/disclosure@1 JSON 文件。\n"
	     "FILE is a budget bundle directory or a yusuan/disclosure@1 JSON file.\n\n"
	     "      --format text|json   输出格式（默认 text）\n"
	     "      --rules              列出全部规则及说明\n"
	     "      --disable 规则       不运行某条规则（可重复），如 --disable YS-X008\n"
	     "      --tolerance N        手工取整的文件：差额不超过 N 分（显示单位的百分之一）时\n"
	     "                           记为警告，更大的为错误（默认 0：精确比较）\n"
	     "      --template 名称      数据包使用另一个模板；JSON 文件默认用其 template 字段\n"
	     "      --catalog 文件       追加用户科目表\n"
	     "      --data 目录          数据目录（默认 $YUSUAN_DATA 或安装目录）\n\n"
	     "输出：文件: 表/行/栏: 错误 [规则] 说明（应为、实为、差额）。最后一行为汇总。\n"
	     "退出状态: 0 没有错误；1 发现错误；2 输入无法读取。");
}

static void list_rules(void)
{
	for (size_t i = 0; ys_rule_at(i); i++) {
		const ys_rule *r = ys_rule_at(i);

		printf("%s  %-4s %s\n        %s\n", r->id, ys_severity_zh(r->severity), r->title, r->desc);
	}
}

/* "T3/2012901/basic" or "§overview"; empty when the finding has no place. */
static void location(const ys_finding *f, char *out, size_t cap)
{
	size_t n = 0;

	out[0] = '\0';
	if (f->line > 0)
		n += (size_t)snprintf(out + n, cap - n, ":%ld", f->line);
	if (f->table && n < cap)
		n += (size_t)snprintf(out + n, cap - n, ": %s", f->table);
	if (f->row && n < cap)
		n += (size_t)snprintf(out + n, cap - n, "%s%s", f->table ? "/" : ": ", f->row);
	if (f->col && n < cap)
		n += (size_t)snprintf(out + n, cap - n, "%s%s", f->table || f->row ? "/" : ": ", f->col);
	if (f->section && n < cap)
		snprintf(out + n, cap - n, ": §%s", f->section);
}

static void print_text(const ys_findings *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		const ys_finding *f = &fs->v[i];
		char loc[512];

		location(f, loc, sizeof loc);
		printf("%s%s: %s [%s] %s\n", f->file ? f->file : "-", loc,
		       ys_severity_zh(f->severity), f->rule, f->msg ? f->msg : "");
	}
}

static json_t *amount(int64_t v, int decimals)
{
	char buf[YS_MONEY_FMT_MAX];

	return json_string(ys_money_format(v, decimals, 0, buf));
}

static json_t *finding_json(const ys_finding *f)
{
	json_t *o = json_object();
	const ys_rule *r = ys_rule_find(f->rule);

	json_object_set_new(o, "rule", json_string(f->rule));
	json_object_set_new(o, "severity", json_string(ys_severity_name(f->severity)));
	json_object_set_new(o, "title", r ? json_string(r->title) : json_null());
	json_object_set_new(o, "message", json_string(f->msg ? f->msg : ""));
	json_object_set_new(o, "file", f->file ? json_string(f->file) : json_null());
	json_object_set_new(o, "line", f->line > 0 ? json_integer(f->line) : json_null());
	json_object_set_new(o, "table", f->table ? json_string(f->table) : json_null());
	json_object_set_new(o, "row", f->row ? json_string(f->row) : json_null());
	json_object_set_new(o, "column", f->col ? json_string(f->col) : json_null());
	json_object_set_new(o, "section", f->section ? json_string(f->section) : json_null());
	if (f->has_amounts) {
		json_object_set_new(o, "expected", amount(f->expected, f->decimals));
		json_object_set_new(o, "actual", amount(f->actual, f->decimals));
		json_object_set_new(o, "gap", amount(f->gap, f->decimals));
	}
	return o;
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

typedef struct run {
	const ys_check_opts *o;
	ys_job_opts jo;
	const char *datadir;
	ys_findings fs;
	int unreadable;
	size_t nfiles;
} run;

static void check_bundle(run *r, const char *path)
{
	ys_job job;
	ys_diag d;

	if (ys_job_load_bundle(&job, path, &r->jo, &d) != YS_OK) {
		cli_error(&d);
		r->unreadable = 1;
		return;
	}
	ys_check_budget_warnings(&job.budget, r->o, &r->fs);
	if (ys_check_disclosure(&job.ds, &job.cat, &job.tpl, path, r->o, &r->fs) != YS_OK)
		fprintf(stderr, "%s: 错误: 内存不足，部分结果缺失\n", path);
	ys_job_free(&job);
}

static void check_json(run *r, const char *path, const char *text, size_t len)
{
	ys_disclosure ds;
	ys_catalog cat;
	ys_template tpl;
	int have_cat = 0, have_tpl = 0;
	ys_diag d;

	ys_disclosure_init(&ds);
	if (ys_disclosure_json_parse(&ds, text, len, path, &d) != YS_OK) {
		cli_error(&d);
		r->unreadable = 1;
		ys_disclosure_free(&ds);
		return;
	}
	memset(&cat, 0, sizeof cat);
	memset(&tpl, 0, sizeof tpl);
	if (ds.year && ys_catalog_load(&cat, r->datadir, ds.year, &d) == YS_OK) {
		have_cat = 1;
		if (r->jo.user_catalog && ys_catalog_add_file(&cat, r->jo.user_catalog, &d) != YS_OK) {
			cli_error(&d);
			r->unreadable = 1;
		}
	}
	if (have_cat) {
		const char *name = r->jo.template_name ? r->jo.template_name : ds.template_name;

		if (name && ys_template_load(&tpl, r->datadir, name, &cat, &d) == YS_OK)
			have_tpl = 1;
	}
	if (ys_check_disclosure(&ds, have_cat ? &cat : NULL, have_tpl ? &tpl : NULL, path,
				r->o, &r->fs) != YS_OK)
		fprintf(stderr, "%s: 错误: 内存不足，部分结果缺失\n", path);
	if (have_tpl)
		ys_template_free(&tpl);
	if (have_cat)
		ys_catalog_free(&cat);
	ys_disclosure_free(&ds);
}

static void check_file(run *r, const char *path)
{
	char *text = NULL;
	size_t len = 0;
	ys_diag d;

	r->nfiles++;
	if (is_dir(path)) {
		check_bundle(r, path);
		return;
	}
	if (ys_read_file(path, YS_MAX_FILE, &text, &len, &d) != YS_OK) {
		cli_error(&d);
		r->unreadable = 1;
		return;
	}
	if (ys_disclosure_json_sniff(text, len))
		check_json(r, path, text, len);
	else {
		fprintf(stderr, "%s: 错误: 无法识别的文件：既不是预算数据包目录，也不是 yusuan/disclosure@1 JSON\n",
			path);
		r->unreadable = 1;
	}
	free(text);
}

int cmd_check(int argc, char **argv)
{
	cli_args a = {argc, argv, 1, "yusuan check"};
	const char *disabled[MAX_DISABLED], *files[1024], *v, *format = "text";
	ys_check_opts o = {disabled, 0, 0};
	size_t nfiles = 0;
	run r;

	memset(&r, 0, sizeof r);
	for (; a.i < argc; a.i++) {
		if (cli_opt_flag(&a, "--help", "-h")) {
			help();
			return 0;
		} else if (cli_opt_flag(&a, "--rules", NULL)) {
			list_rules();
			return 0;
		} else if (cli_opt_value(&a, "--format", "-f", &v)) {
			format = v;
		} else if (cli_opt_value(&a, "--disable", NULL, &v)) {
			if (!ys_rule_find(v))
				return cli_usage_error("check", "没有规则“%s”（yusuan check --rules 列出全部规则）", v);
			if (o.ndisabled == MAX_DISABLED)
				return cli_usage_error("check", "--disable 太多（最多 64 个）：%s", v);
			disabled[o.ndisabled++] = v;
		} else if (cli_opt_value(&a, "--tolerance", NULL, &v)) {
			int64_t t;
			const char *why;

			if (ys_money_parse(v, 0, &t, &why) != YS_MONEY_VALUE || t < 0 || t > 1000000)
				return cli_usage_error("check", "--tolerance 应为不小于0的整数（单位：分），而不是“%s”", v);
			o.tolerance = t;
		} else if (cli_opt_value(&a, "--template", NULL, &v)) {
			r.jo.template_name = v;
		} else if (cli_opt_value(&a, "--catalog", NULL, &v)) {
			r.jo.user_catalog = v;
		} else if (cli_opt_value(&a, "--data", NULL, &v)) {
			r.jo.datadir = v;
		} else if (argv[a.i][0] == '-' && argv[a.i][1]) {
			return cli_usage_error("check", "未知选项 %s", argv[a.i]);
		} else if (nfiles < sizeof files / sizeof *files) {
			files[nfiles++] = argv[a.i];
		} else {
			return cli_usage_error("check", "文件太多：%s", argv[a.i]);
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json"))
		return cli_usage_error("check", "不支持的格式“%s”（text 或 json）", format);
	if (!nfiles)
		return cli_usage_error("check", "%s", "需要至少一个数据包目录或公开文件 JSON");
	r.o = &o;
	r.datadir = r.jo.datadir ? r.jo.datadir : ys_data_dir();
	for (size_t i = 0; i < nfiles; i++)
		check_file(&r, files[i]);
	if (!strcmp(format, "json")) {
		json_t *root = json_object(), *arr = json_array(), *sum = json_object();
		char *out;

		for (size_t i = 0; i < r.fs.n; i++)
			json_array_append_new(arr, finding_json(&r.fs.v[i]));
		json_object_set_new(root, "schema", json_string("yusuan/check@1"));
		json_object_set_new(root, "findings", arr);
		json_object_set_new(sum, "files", json_integer((json_int_t)r.nfiles));
		json_object_set_new(sum, "errors", json_integer((json_int_t)r.fs.nerrors));
		json_object_set_new(sum, "warnings", json_integer((json_int_t)r.fs.nwarnings));
		json_object_set_new(sum, "infos", json_integer((json_int_t)r.fs.ninfos));
		json_object_set_new(sum, "unreadable", json_boolean(r.unreadable));
		json_object_set_new(root, "summary", sum);
		out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(root);
		if (out) {
			puts(out);
			free(out);
		}
	} else {
		print_text(&r.fs);
		printf("检查了 %zu 个文件：%zu 个错误，%zu 个警告，%zu 个提示 / %zu file(s): %zu error(s), %zu warning(s)\n",
		       r.nfiles, r.fs.nerrors, r.fs.nwarnings, r.fs.ninfos, r.nfiles,
		       r.fs.nerrors, r.fs.nwarnings);
	}
	{
		int rc = r.unreadable ? 2 : r.fs.nerrors ? 1 : 0;

		ys_findings_free(&r.fs);
		return rc;
	}
}
