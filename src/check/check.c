/*
 * check.c - the rule table and the engine: recording findings (with the
 * gap graded against the tolerance), and ys_check_disclosure, which runs
 * the rule families of rules_*.c on one disclosure. Adding a rule means a
 * row here and a check in one of the rule files.
 */
#include "check_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/money.h"

static const ys_rule rules[] = {
	{"YS-B001", YS_SEV_WARNING, "数据包警告", "读取预算数据包时发现的问题（如科目不在当年科目表中），附文件和行号。"},
	{"YS-C000", YS_SEV_INFO, "未检查科目", "没有该年度的科目表或模板，科目和版式规则未运行。"},
	{"YS-C001", YS_SEV_ERROR, "科目不在科目表中", "表中每个功能分类、经济分类科目都应在文件年度的科目表中。"},
	{"YS-C002", YS_SEV_ERROR, "科目名称与科目表不符", "科目名称应与当年科目表一致；显示两者。"},
	{"YS-C003", YS_SEV_ERROR, "科目未细化到规定级次", "功能分类应列到项级（7位），经济分类应列到款级（5位）。"},
	{"YS-C004", YS_SEV_ERROR, "缺少上级科目行", "每个下级科目行的上级科目（类、款）都应在表中列出。"},
	{"YS-H001", YS_SEV_ERROR, "金额为负数", "预算公开表中的金额不应为负数。"},
	{"YS-H002", YS_SEV_WARNING, "疑似元与万元混用", "一个金额是所在表合计的1000倍以上，像是以元填入了万元表。"},
	{"YS-H003", YS_SEV_ERROR, "占比超过100%", "说明中“占…%”的比例大于100%，或各部分占比之和超过100%。"},
	{"YS-H004", YS_SEV_WARNING, "绩效指标级次不在框架中", "一级、二级指标应属于财预〔2021〕101号的指标框架。"},
	{"YS-H005", YS_SEV_WARNING, "成本指标超过项目预算", "以万元表示的成本指标值不应大于项目预算数。"},
	{"YS-H006", YS_SEV_ERROR, "未填写的占位符", "说明或表中留有“XX万元”“占 %”等未填写的占位内容。"},
	{"YS-H007", YS_SEV_WARNING, "标题年度与文件年度不符", "表格标题或说明标题中的年度应与文件年度一致。"},
	{"YS-N001", YS_SEV_ERROR, "说明中的数字与表格不符", "说明中写出的收入、支出、基本支出、项目支出、人员经费、公用经费、“三公”经费等数字，按说明使用的精度应等于表格数。"},
	{"YS-N002", YS_SEV_ERROR, "说明中的合计与其组成不符", "说明中“X万元，其中A万元、B万元”之类，各组成之和应等于所述合计。"},
	{"YS-N003", YS_SEV_ERROR, "说明中的占比与表格不符", "“基本支出X万元，占…Y%”等占比应等于表格中的比例（按说明的小数位四舍五入）；差最后一位的1为警告。"},
	{"YS-N004", YS_SEV_ERROR, "增减表述与数字矛盾", "“A万元，比上年增加X万元，增长Y%”：增减方向前后一致、不为负数，Y 等于 X 除以上年数（增加时 A−X，减少时 A+X），而不是除以本年数；允许数字取整带来的误差。"},
	{"YS-N005", YS_SEV_ERROR, "说明中比较表的增减不等于两年之差", "说明中“上年、本年、增减”比较表的每一行：增减 = 本年 − 上年；本年数与表格不符的行按 YS-N001 报告。"},
	{"YS-N006", YS_SEV_ERROR, "政府采购预算与采购表不符", "说明中的政府采购预算总额应等于政府采购预算表的合计（采购金额栏的合计行，没有合计行时为各行之和）；表中没有数字而说明不为0时为警告。"},
	{"YS-N007", YS_SEV_ERROR, "固定资产总额与资产表不符", "说明中的固定资产金额（资产总额）应等于固定资产占用情况表“资产总额”行的价值；表中没有数字而说明不为0时为警告。"},
	{"YS-N008", YS_SEV_ERROR, "同一数字在不同部分表述不同", "同一项目（如基本支出、“三公”经费）在说明的两个部分写出的金额，按各自的精度不能同时成立；前面有限定词（如一般公共预算）的另作一项。"},
	{"YS-P001", YS_SEV_ERROR, "缺少公开表", "模板列出的每张公开表都应列出；没有数据的表空表列示。"},
	{"YS-P002", YS_SEV_WARNING, "公开表顺序不对", "公开表应按模板中的顺序排列。"},
	{"YS-P003", YS_SEV_ERROR, "空表没有说明", "没有数据的表应附“空表列示”的说明。"},
	{"YS-P004", YS_SEV_WARNING, "缺少说明部分", "文件含说明时，应有部门职责、总体情况、机关运行经费、“三公”经费、绩效、政府采购、国有资产、名词解释各部分（模板有 sections 时只要求其中模板也有的部分）；文件不含说明时只提示一次（info）。"},
	{"YS-P005", YS_SEV_ERROR, "表头单位或年度不一致", "每张表表头的单位名称和年度应与文件一致。"},
	{"YS-P006", YS_SEV_ERROR, "表栏与模板不符", "表的栏目应与模板一致：缺少模板中的栏目。"},
	{"YS-P007", YS_SEV_INFO, "无法识别的表", "表没有识别为模板中的任何一张公开表（机构设置、政府采购、固定资产等附表除外），其数字未检查。"},
	{"YS-P008", YS_SEV_INFO, "部分文件", "文件只含部分内容（如只有说明、只有一章说明、只有一两张表）时，不按缺表、缺部分报错，只提示缺少什么；文件中有的内容照常检查。公开表不到模板的一半、说明部分不到应有的一半时视为部分文件。"},
	{"YS-T001", YS_SEV_ERROR, "上级科目不等于下级之和", "科目表中每个类、款行的各栏等于表中列出的其下级科目行之和（由模板推出：上级科目的口径是其下级的不相交并集）。"},
	{"YS-T002", YS_SEV_ERROR, "合计不等于各类之和", "合计行的各栏等于表中各类（3位科目）行之和。"},
	{"YS-T003", YS_SEV_ERROR, "栏目之间不平衡", "一行中口径为其他栏不相交并集的栏等于它们之和（如合计=本年收入小计+上年结转，合计=基本支出+项目支出+…，合计=人员经费+公用经费），口径相同的两栏相等；均由模板各栏的口径推出。"},
	{"YS-T004", YS_SEV_ERROR, "按口径不可能有数的单元格有数", "模板口径为空集的单元格不应有数：如公用经费科目行的人员经费栏、人员经费科目行的公用经费栏、filter: none 的行、空白发布的标题行。"},
	{"YS-T005", YS_SEV_ERROR, "收支总表合计行不平", "两方表（收支总表）同一方中口径为其他行不相交并集的行等于它们之和：本年收入合计=各收入项，收入总计=本年收入合计+上年结转，结转=其中各项，支出方同理；同一方口径相同的行相等。"},
	{"YS-T006", YS_SEV_ERROR, "收入总计不等于支出总计", "两方表中收入方与支出方口径相同的行（如收入总计与支出总计）相等。"},
	{"YS-T007", YS_SEV_ERROR, "上级为0而下级不为0", "上级科目行为空或0，而下级科目行有数（标题行除外）。"},
	{"YS-T008", YS_SEV_ERROR, "同一科目列了两次", "同一张表中同一科目出现两次（金额不同为错误，相同为警告）。"},
	{"YS-T009", YS_SEV_ERROR, "项目表合计行不平", "单方的项目表（如“三公”经费表）中口径为其他行不相交并集的行等于它们之和（小计=各项，车辆费=购置费+运行维护费），口径相同的行（合计与小计）相等；空白发布的标题行不参与。"},
	{"YS-T010", YS_SEV_ERROR, "派生栏（行）算错", "模板中 derive 的栏（差额 diff、增减百分比 pct、占比 share）等于由本行两栏按公布的数重算的值（百分比按表格小数位数四舍五入，除数为0时为空）；sum_of 的行等于其各组成行之和；派生栏、行不参与其他求和。"},
	{"YS-T011", YS_SEV_ERROR, "模板的恒等式不成立", "模板 identities 中列出的单元格关系（如决算：年初结转和结余 + 本年收入 − 本年支出 − 结余分配 = 年末结转和结余）在公布的数上成立；不写行的单元格逐行检查。"},
	{"YS-X001", YS_SEV_ERROR, "表间同口径数不一致", "两张表中口径相同（模板推出的同一组预算数据）的单元格相等，如收支总表各项与收入总表、支出总表、财政拨款收支总表的对应格，支出总表合计与收入总表合计，基本支出表合计与一般公共预算支出表的基本支出。"},
	{"YS-X002", YS_SEV_ERROR, "表间合计与另一表的组成不符", "一张表的单元格口径是另一张表一栏中若干行的不相交并集时，等于它们之和，如一般公共预算支出表合计=财政拨款收支总表的一般公共预算拨款+其年初结转和结余，收入总表财政拨款=各财政拨款收入项。"},
	{"YS-X008", YS_SEV_ERROR, "单元格大于包含它的另一表单元格", "一个单元格的口径包含在另一张表的单元格中时（如基本支出表的公务用车运行维护费在“三公”经费表的一般公共预算栏中），它不应大于后者；只与包含它的最小单元格比较。"},
};

#define NRULES (sizeof rules / sizeof *rules)

const ys_rule *ys_rule_at(size_t i)
{
	return i < NRULES ? &rules[i] : NULL;
}

const ys_rule *ys_rule_find(const char *id)
{
	for (size_t i = 0; i < NRULES; i++)
		if (!strcmp(rules[i].id, id))
			return &rules[i];
	return NULL;
}

const char *ys_severity_name(ys_severity s)
{
	return s == YS_SEV_ERROR ? "error" : s == YS_SEV_WARNING ? "warning" : "info";
}

const char *ys_severity_zh(ys_severity s)
{
	return s == YS_SEV_ERROR ? "错误" : s == YS_SEV_WARNING ? "警告" : "提示";
}

void ys_findings_init(ys_findings *f)
{
	memset(f, 0, sizeof *f);
}

void ys_findings_free(ys_findings *f)
{
	free(f->v);
	ys_arena_free(&f->arena);
	memset(f, 0, sizeof *f);
}

static int disabled(const ys_check_opts *o, const char *id)
{
	for (size_t i = 0; o && i < o->ndisabled; i++)
		if (!strcmp(o->disabled[i], id))
			return 1;
	return 0;
}

static const char *keep(ys_findings *f, const char *s)
{
	const char *p;

	if (!s)
		return NULL;
	if (!(p = ys_arena_strdup(&f->arena, s)))
		f->oom = 1;
	return p;
}

void ys_findings_add(ys_findings *f, const ys_check_opts *o, const ys_finding *x)
{
	ys_finding *y;

	if (disabled(o, x->rule))
		return;
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 32;
		ys_finding *v = realloc(f->v, cap * sizeof *v);

		if (!v) {
			f->oom = 1;
			return;
		}
		f->v = v;
		f->cap = cap;
	}
	y = &f->v[f->n++];
	*y = *x;
	y->rule = keep(f, x->rule);
	y->file = keep(f, x->file);
	y->table = keep(f, x->table);
	y->row = keep(f, x->row);
	y->col = keep(f, x->col);
	y->section = keep(f, x->section);
	y->msg = keep(f, x->msg);
	if (x->severity == YS_SEV_ERROR)
		f->nerrors++;
	else if (x->severity == YS_SEV_WARNING)
		f->nwarnings++;
	else
		f->ninfos++;
}

int ysck_enabled(const ys_ck *c, const char *rule)
{
	return !disabled(c->o, rule);
}

static void vemit(ys_ck *c, const char *rule, ys_severity sev,
		  const ys_dtable *t, const ys_drow *r, const char *col,
		  const char *section, int has_amounts, int64_t expected,
		  int64_t actual, const char *fmt, va_list ap)
{
	ys_finding x = {0};
	char msg[1024];

	if (disabled(c->o, rule))
		return;
	vsnprintf(msg, sizeof msg, fmt, ap);
	x.rule = rule;
	x.severity = sev;
	x.file = c->file;
	x.table = t ? t->id : NULL;
	x.row = r ? (r->code ? r->code : r->name) : NULL;
	x.col = col;
	x.section = section;
	x.msg = msg;
	x.has_amounts = has_amounts;
	x.expected = expected;
	x.actual = actual;
	x.gap = actual - expected;
	x.decimals = c->ds->decimals;
	ys_findings_add(c->out, c->o, &x);
}

void ysck_emit_sev(ys_ck *c, const char *rule, ys_severity sev,
		   const ys_dtable *t, const ys_drow *r, const char *col,
		   const char *section, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vemit(c, rule, sev, t, r, col, section, 0, 0, 0, fmt, ap);
	va_end(ap);
}

void ysck_emit(ys_ck *c, const char *rule, const ys_dtable *t,
	       const ys_drow *r, const char *col, const char *section,
	       const char *fmt, ...)
{
	const ys_rule *ru = ys_rule_find(rule);
	va_list ap;

	va_start(ap, fmt);
	vemit(c, rule, ru ? ru->severity : YS_SEV_ERROR, t, r, col, section, 0, 0, 0, fmt, ap);
	va_end(ap);
}

static void emit_amounts(ys_ck *c, const char *rule, ys_severity sev,
			 const ys_dtable *t, const ys_drow *r, const char *col,
			 int64_t expected, int64_t actual, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vemit(c, rule, sev, t, r, col, NULL, 1, expected, actual, fmt, ap);
	va_end(ap);
}

void ysck_compare(ys_ck *c, const char *rule, const ys_dtable *t,
		  const ys_drow *r, const char *col, int64_t expected,
		  int64_t actual, const char *what)
{
	const ys_rule *ru = ys_rule_find(rule);
	ys_severity sev = ru ? ru->severity : YS_SEV_ERROR;
	char e[YS_MONEY_FMT_MAX], a[YS_MONEY_FMT_MAX], g[YS_MONEY_FMT_MAX];
	int64_t gap;

	if (expected == actual)
		return;
	/* Saturate rather than overflow on absurd values from hostile input. */
	if (!ys_sub_ok(actual, expected, &gap))
		gap = actual > expected ? INT64_MAX : INT64_MIN + 1;
	if (c->o && c->o->tolerance > 0 && gap >= -c->o->tolerance && gap <= c->o->tolerance)
		sev = YS_SEV_WARNING;
	ys_money_format(expected, c->ds->decimals, 0, e);
	ys_money_format(actual, c->ds->decimals, 0, a);
	ys_money_format(gap, c->ds->decimals, 0, g);
	emit_amounts(c, rule, sev, t, r, col, expected, actual,
		     "%s：应为 %s，实为 %s，差 %s%s", what, e, a, gap > 0 ? "+" : "", g);
}

int64_t ysck_val(const ys_drow *r, int col)
{
	return r && col >= 0 && r->has[col] ? r->values[col] : 0;
}

int ysck_has(const ys_drow *r, int col)
{
	return r && col >= 0 && r->has[col];
}

const ys_drow *ysck_item(const ys_dtable *t, const char *side,
			 const char *item, const char *name)
{
	if (!t)
		return NULL;
	for (size_t i = 0; i < t->nrows; i++) {
		const ys_drow *r = &t->rows[i];

		if (side && r->side && strcmp(side, r->side))
			continue;
		if (r->item && item && !strcmp(r->item, item))
			return r;
	}
	for (size_t i = 0; name && i < t->nrows; i++) {
		const ys_drow *r = &t->rows[i];

		if (side && r->side && strcmp(side, r->side))
			continue;
		if (!r->item && r->name && !strcmp(r->name, name))
			return r;
	}
	return NULL;
}

const ys_drow *ysck_code_row(const ys_dtable *t, const char *code)
{
	for (size_t i = 0; t && i < t->nrows; i++)
		if (t->rows[i].code && !strcmp(t->rows[i].code, code))
			return &t->rows[i];
	return NULL;
}

const ys_drow *ysck_total_row(const ys_dtable *t)
{
	for (size_t i = 0; t && i < t->nrows; i++)
		if (t->rows[i].total && !t->rows[i].code && !t->rows[i].side)
			return &t->rows[i];
	return NULL;
}

int ysck_is_code_table(const ys_dtable *t)
{
	if (t->two_sided)
		return 0;
	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].item)
			return 0;
	return 1;
}

/* The PDF page of a finding's table and row (the row's, else the
 * table's), 0 when the disclosure was not read from a PDF. */
static int finding_page(const ys_disclosure *ds, const ys_finding *f)
{
	const ys_dtable *t = f->table ? ys_disclosure_table(ds, f->table) : NULL;

	if (!t)
		return 0;
	for (size_t i = 0; f->row && i < t->nrows; i++) {
		const ys_drow *r = &t->rows[i];

		if (r->page && ((r->code && !strcmp(r->code, f->row)) ||
				(r->name && !strcmp(r->name, f->row)) ||
				(r->item && !strcmp(r->item, f->row))))
			return r->page;
	}
	return t->page;
}

ys_status ys_check_disclosure(const ys_disclosure *ds, const ys_catalog *cat,
			      const ys_template *tpl, const char *file,
			      const ys_check_opts *o, ys_findings *out)
{
	ys_ck c = {ds, cat, tpl, file ? file : (ds->source ? ds->source : "-"), o, out};

	size_t first = out->n;

	ysck_rules_catalog(&c);
	ysck_rules_table(&c);
	ysck_rules_derived(&c);
	ysck_rules_text(&c);
	for (size_t i = first; i < out->n; i++)
		if (!out->v[i].page)
			out->v[i].page = finding_page(ds, &out->v[i]);
	return out->oom ? YS_ENOMEM : YS_OK;
}

void ys_check_budget_warnings(const ys_budget *b, const ys_check_opts *o,
			      ys_findings *out)
{
	for (size_t i = 0; i < b->nwarnings; i++) {
		const ys_diag *d = &b->warnings[i];
		ys_finding x = {0};

		x.rule = "YS-B001";
		x.severity = YS_SEV_WARNING;
		x.file = d->file[0] ? d->file : b->dir;
		x.line = d->line;
		x.msg = d->msg;
		ys_findings_add(out, o, &x);
	}
}
