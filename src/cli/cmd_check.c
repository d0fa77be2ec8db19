/*
 * cmd_check.c - `yusuan check FILE…`: audits budget bundles (their data
 * warnings, then the rules on the disclosure they generate),
 * yusuan/disclosure@1 JSON files and published documents (read by
 * src/parse/ as `yusuan parse` reads them), and prints the findings
 * compiler-style or as JSON, with a summary at the end. The rules live in
 * src/check/.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/limits.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../check/check.h"
#include "../io/disclosure_json.h"
#include "../job/job.h"
#include "../parse/parse.h"
#include "cli.h"

#define MAX_DISABLED 64

static void help(void)
{
	puts("用法: yusuan check 文件… [选项]\n"
	     "usage: yusuan check FILE… [options]\n\n"
	     "文件可以是预算数据包目录、yusuan/disclosure@1 JSON 文件，或已发布的公开文件\n"
	     "（Word 文本导出、HTML、DOCX、XLSX；按内容识别，如同 yusuan parse 读取）。\n"
	     "FILE is a budget bundle directory, a yusuan/disclosure@1 JSON file, or a\n"
	     "published document (text export, HTML, DOCX, XLSX) read as `yusuan parse` does.\n\n"
	     "      --format text|json   输出格式（默认 text）\n"
	     "      --rules              列出全部规则及说明\n"
	     "      --disable 规则       不运行某条规则（可重复），如 --disable YS-X008\n"
	     "      --tolerance N        手工取整的文件：差额不超过 N 分（显示单位的百分之一）时\n"
	     "                           记为警告，更大的为错误（默认 0：精确比较）\n"
	     "      --template 名称      数据包、公开文件使用另一个模板（公开文件默认 hebei-2023）；\n"
	     "                           JSON 文件默认用其 template 字段\n"
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
	if (f->page > 0)
		n += (size_t)snprintf(out + n, cap - n, ": 第%d页", f->page);
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
	json_object_set_new(o, "page", f->page > 0 ? json_integer(f->page) : json_null());
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

/* A catalog and the template loaded with it, kept for the next file of the
 * same year and template: a county's hundreds of documents load them once. */
typedef struct env {
	int loaded;
	int year;
	char name[256];
	int have_cat, have_tpl;
	int reported;		/* the load failure has been printed */
	ys_status status;	/* of the first load, returned again from the cache */
	ys_catalog cat;
	ys_template tpl;
} env;

typedef struct run {
	const ys_check_opts *o;
	ys_job_opts jo;
	const char *datadir;
	ys_findings fs;
	int unreadable;
	size_t nfiles;
	env parse_env;		/* recognises published documents */
	ys_tset tset;		/* without --template: every template, scored per document */
	int have_tset;
	env check_env;		/* checks a document of another year or template */
} run;

#define PARSE_TEMPLATE "hebei-2023"
#define PARSE_YEAR 2023

/* The rules ran out of memory: some findings are missing, so the file
 * counts as not checked (exit 2), never as clean. */
static void check_oom(run *r, const char *path)
{
	fprintf(stderr, "%s: 错误: 内存不足，部分结果缺失\n", path);
	r->unreadable = 1;
}

static void env_free(env *e)
{
	if (e->have_tpl)
		ys_template_free(&e->tpl);
	if (e->have_cat)
		ys_catalog_free(&e->cat);
	memset(e, 0, sizeof *e);
}

/* Loads the catalog of year (with the user's --catalog) and the template
 * name into e, unless e already holds them. YS_OK when both are there;
 * otherwise d says what is missing and have_cat/have_tpl what is not. */
static ys_status env_load(run *r, env *e, int year, const char *name, ys_diag *d)
{
	ys_status st;

	if (e->loaded && e->year == year && !strcmp(e->name, name ? name : ""))
		return e->have_tpl ? YS_OK : e->status;
	env_free(e);
	e->loaded = 1;
	e->year = year;
	snprintf(e->name, sizeof e->name, "%s", name ? name : "");
	if ((st = ys_catalog_load(&e->cat, r->datadir, year, d)) != YS_OK)
		return e->status = st;
	e->have_cat = 1;
	if (r->jo.user_catalog && ys_catalog_add_file(&e->cat, r->jo.user_catalog, d) != YS_OK) {
		cli_error(d);
		r->unreadable = 1;
	}
	if (!name)
		return e->status = ys_fail(d, YS_EINPUT, "", 0, 0, "没有模板名称");
	if ((st = ys_template_load(&e->tpl, r->datadir, name, &e->cat, d)) != YS_OK)
		return e->status = st;
	e->have_tpl = 1;
	return YS_OK;
}

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
		check_oom(r, path);
	ys_job_free(&job);
}

/* The rules on a disclosure read from JSON or parsed from a document, with
 * the catalog of its year and its template (those of the parser when they
 * are the same). */
static void check_loaded(run *r, const char *path, const ys_disclosure *ds)
{
	const char *name = r->jo.template_name ? r->jo.template_name : ds->template_name;
	env *e = &r->parse_env;
	ys_diag d;

	if (!e->have_tpl || e->year != ds->year || !name || strcmp(e->name, name)) {
		e = &r->check_env;
		if (ds->year)
			(void)env_load(r, e, ds->year, name, &d);	/* without them: YS-C000 */
		else
			env_free(e);
	}
	if (ys_check_disclosure(ds, e->have_cat ? &e->cat : NULL, e->have_tpl ? &e->tpl : NULL,
				path, r->o, &r->fs) != YS_OK)
		check_oom(r, path);
}

static void check_json(run *r, const char *path, const char *text, size_t len)
{
	ys_disclosure ds;
	ys_diag d;

	ys_disclosure_init(&ds);
	if (ys_disclosure_json_parse(&ds, text, len, path, &d) != YS_OK) {
		cli_error(&d);
		r->unreadable = 1;
	} else {
		check_loaded(r, path, &ds);
	}
	ys_disclosure_free(&ds);
}

/* A published document (text export, HTML, DOCX, XLSX) read by the parser
 * with the hebei-2023 template (or --template) and the 2023 catalog, as
 * `yusuan parse` does, then checked like its JSON. */
static void check_published(run *r, const char *path)
{
	ys_disclosure ds;
	ys_diag d;
	const char *name = r->jo.template_name ? r->jo.template_name : PARSE_TEMPLATE;
	env *e = &r->parse_env;

	if (env_load(r, e, PARSE_YEAR, name, &d) != YS_OK ||
	    (!r->jo.template_name && !r->have_tset &&
	     ys_tset_load(&r->tset, r->datadir, &e->cat, &d) != YS_OK)) {
		/* Said once; every further document is unreadable for the same reason. */
		if (!e->reported)
			cli_error(&d);
		e->reported = 1;
		fprintf(stderr, "%s: 错误: 无法读取公开文件：%d 年科目表或模板 %s 未能加载\n", path,
			PARSE_YEAR, name);
		r->unreadable = 1;
		return;
	}
	ys_disclosure_init(&ds);
	ds.accept_partial = 1;	/* a page of narrative, or one table, is checked for what it holds */
	r->have_tset |= !r->jo.template_name;
	if ((r->jo.template_name ? ys_parse_file(path, &e->tpl, &e->cat, &ds, &d)
				 : ys_parse_file_best(path, &r->tset, &e->cat, &ds, &d)) != YS_OK) {
		cli_error(&d);
		r->unreadable = 1;
	} else {
		const ys_template *chosen = NULL;

		cli_encoding_warning(path, &ds);
		/* The template chosen by score is checked with as loaded, even
		 * when its file is not named after its id. */
		for (size_t i = 0; ds.template_chosen && i < r->tset.n; i++)
			if (ds.template_name == r->tset.v[i].id)
				chosen = &r->tset.v[i];
		if (chosen && (!ds.year || ds.year == PARSE_YEAR)) {
			if (ys_check_disclosure(&ds, &e->cat, chosen, path, r->o, &r->fs) != YS_OK)
				check_oom(r, path);
		} else {
			check_loaded(r, path, &ds);
		}
	}
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
	if (ys_read_file_limited(path, input_bytes, &text, &len, &d) != YS_OK) {
		cli_error(&d);
		r->unreadable = 1;
		return;
	}
	if (ys_disclosure_json_sniff(text, len)) {
		check_json(r, path, text, len);
		free(text);
	} else {
		/* The parser reads the file again with its own size limit. */
		free(text);
		check_published(r, path);
	}
}

/* Reads the options into o and r and the file names into files. Returns
 * -1 to go on, else the exit status (help, rules, usage error). */
static int parse_args(cli_args *a, ys_check_opts *o, const char **disabled, run *r,
		      const char **files, size_t *nfiles, const char **format)
{
	const char *v;

	for (; a->i < a->argc; a->i++) {
		if (cli_opt_flag(a, "--help", "-h")) {
			help();
			return 0;
		} else if (cli_opt_flag(a, "--rules", NULL)) {
			list_rules();
			return 0;
		} else if (cli_opt_value(a, "--format", "-f", &v)) {
			*format = v;
		} else if (cli_opt_value(a, "--disable", NULL, &v)) {
			if (!ys_rule_find(v))
				return cli_usage_error("check", "没有规则“%s”（yusuan check --rules 列出全部规则）", v);
			if (o->ndisabled == MAX_DISABLED)
				return cli_usage_error("check", "--disable 太多（最多 64 个）：%s", v);
			disabled[o->ndisabled++] = v;
		} else if (cli_opt_value(a, "--tolerance", NULL, &v)) {
			int64_t t;
			const char *why;

			if (ys_money_parse(v, 0, &t, &why) != YS_MONEY_VALUE || t < 0 || t > 1000000)
				return cli_usage_error("check", "--tolerance 应为不小于0的整数（单位：分），而不是“%s”", v);
			o->tolerance = t;
		} else if (cli_opt_value(a, "--template", NULL, &v)) {
			r->jo.template_name = v;
		} else if (cli_opt_value(a, "--catalog", NULL, &v)) {
			r->jo.user_catalog = v;
		} else if (cli_opt_value(a, "--data", NULL, &v)) {
			r->jo.datadir = v;
		} else if (a->argv[a->i][0] == '-' && a->argv[a->i][1]) {
			return cli_usage_error("check", "未知选项 %s", a->argv[a->i]);
		} else {
			files[(*nfiles)++] = a->argv[a->i];
		}
	}
	if (strcmp(*format, "text") && strcmp(*format, "json"))
		return cli_usage_error("check", "不支持的格式“%s”（text 或 json）", *format);
	if (!*nfiles)
		return cli_usage_error("check", "%s", "需要至少一个数据包目录、公开文件 JSON 或已发布的公开文件");
	return -1;
}

static void print_json(const run *r)
{
	json_t *root = json_object(), *arr = json_array(), *sum = json_object();
	char *out;

	for (size_t i = 0; i < r->fs.n; i++)
		json_array_append_new(arr, finding_json(&r->fs.v[i]));
	json_object_set_new(root, "schema", json_string("yusuan/check@1"));
	json_object_set_new(root, "findings", arr);
	json_object_set_new(sum, "files", json_integer((json_int_t)r->nfiles));
	json_object_set_new(sum, "errors", json_integer((json_int_t)r->fs.nerrors));
	json_object_set_new(sum, "warnings", json_integer((json_int_t)r->fs.nwarnings));
	json_object_set_new(sum, "infos", json_integer((json_int_t)r->fs.ninfos));
	json_object_set_new(sum, "unreadable", json_boolean(r->unreadable));
	json_object_set_new(root, "summary", sum);
	out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (out) {
		puts(out);
		free(out);
	}
}

int cmd_check(int argc, char **argv)
{
	cli_args a = {argc, argv, 1, "yusuan check"};
	const char *disabled[MAX_DISABLED], *format = "text";
	const char **files = calloc((size_t)argc + 1, sizeof *files);
	ys_check_opts o = {disabled, 0, 0};
	size_t nfiles = 0;
	int rc;
	run r;

	if (!files) {
		fputs("yusuan check: 错误: 内存不足\n", stderr);
		return 2;
	}
	memset(&r, 0, sizeof r);
	rc = parse_args(&a, &o, disabled, &r, files, &nfiles, &format);
	if (rc >= 0) {
		free(files);
		return rc;
	}
	r.o = &o;
	r.datadir = r.jo.datadir ? r.jo.datadir : ys_data_dir();
	for (size_t i = 0; i < nfiles; i++)
		check_file(&r, files[i]);
	if (!strcmp(format, "json"))
		print_json(&r);
	else {
		print_text(&r.fs);
		printf("检查了 %zu 个文件：%zu 个错误，%zu 个警告，%zu 个提示 / %zu file(s): %zu error(s), %zu warning(s)\n",
		       r.nfiles, r.fs.nerrors, r.fs.nwarnings, r.fs.ninfos, r.nfiles,
		       r.fs.nerrors, r.fs.nwarnings);
	}
	rc = r.unreadable ? 2 : r.fs.nerrors ? 1 : 0;
	ys_tset_free(&r.tset);
	env_free(&r.parse_env);
	env_free(&r.check_env);
	ys_findings_free(&r.fs);
	free(files);
	return rc;
}
