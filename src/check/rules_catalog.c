/*
 * rules_catalog.c - the catalog rules (YS-C…: codes exist in the year's
 * catalog, names match, functional rows reach 项 and economic rows 款,
 * parents are listed) and the completeness and layout rules (YS-P…: the
 * template's tables, in its order, notes on empty tables, the sections,
 * unit and year in every header, columns as the template has them).
 */
#include "check_int.h"
#include "../template/figures.h"

#include "../base/buf.h"

#include <stdio.h>
#include <string.h>

/* The template says which tables have economic rows. Without one, a
 * table whose first code is a 3xx economic 类 is economic (functional 类
 * are 2xx). */
static ys_cat_kind kind_of(const ys_ck *c, const ys_dtable *t)
{
	const ys_ttable *tt = c->tpl ? ys_template_table(c->tpl, t->id) : NULL;

	if (tt)
		return tt->rows_by == YS_ROWS_ECO ? YS_CAT_ECO : YS_CAT_FUNC;
	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].code)
			return t->rows[i].code[0] == '3' ? YS_CAT_ECO : YS_CAT_FUNC;
	return YS_CAT_FUNC;
}

/* The position of table id in the template, or -1. */
static int tpl_index(const ys_template *tpl, const char *id)
{
	for (size_t i = 0; tpl && i < tpl->ntables; i++)
		if (!strcmp(tpl->tables[i].id, id))
			return (int)i;
	return -1;
}

static int has_child(const ys_dtable *t, ys_code p)
{
	for (size_t i = 0; i < t->nrows; i++) {
		ys_code c = t->rows[i].code ? ys_code_parse(t->rows[i].code) : 0;

		if (c && ys_code_parent(c) == p)
			return 1;
	}
	return 0;
}

static int row_has_value(const ys_dtable *t, const ys_drow *r)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (ysck_val(r, (int)c))
			return 1;
	return 0;
}

static void codes(ys_ck *c, const ys_dtable *t)
{
	ys_cat_kind kind = kind_of(c, t);
	int leaf_digits = kind == YS_CAT_ECO ? 5 : 7;

	for (size_t i = 0; i < t->nrows; i++) {
		const ys_drow *r = &t->rows[i];
		ys_code code = r->code ? ys_code_parse(r->code) : 0;
		const ys_cat_entry *e;

		if (!r->code)
			continue;
		if (!code) {
			ysck_emit(c, "YS-C001", t, r, NULL, NULL, "“%s”不是科目编码（应为3、5或7位数字）", r->code);
			continue;
		}
		if (c->cat) {
			if (!(e = ys_catalog_find(c->cat, kind, code)))
				ysck_emit(c, "YS-C001", t, r, NULL, NULL, "%s科目 %s（%s）不在 %d 年科目表中",
					  kind == YS_CAT_ECO ? "经济分类" : "功能分类", r->code,
					  r->name ? r->name : "", c->cat->year);
			else if (r->name && e->name && strcmp(r->name, e->name))
				ysck_emit(c, "YS-C002", t, r, NULL, NULL, "科目 %s 名称为“%s”，%d 年科目表为“%s”",
					  r->code, r->name, c->cat->year, e->name);
		}
		/* Two-sided tables list 类 only; code tables go down to leaves. */
		if (!t->two_sided && ys_code_digits(code) < leaf_digits &&
		    !has_child(t, code) && row_has_value(t, r))
			ysck_emit(c, "YS-C003", t, r, NULL, NULL, "%s（%s）没有细化到%s级",
				  r->code, r->name ? r->name : "", kind == YS_CAT_ECO ? "款" : "项");
		if (!t->two_sided && ys_code_parent(code)) {
			char pc[8];

			ys_code_str(ys_code_parent(code), pc);
			if (!ysck_code_row(t, pc))
				ysck_emit(c, "YS-C004", t, r, NULL, NULL, "%s 的上级科目 %s 没有列出",
					  r->code, pc);
		}
	}
}

static int table_empty(const ys_dtable *t)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (row_has_value(t, &t->rows[i]))
			return 0;
	return 1;
}

/* Tables a disclosure carries besides the nine, inside its sections. */
static int auxiliary(const char *title)
{
	static const char *const words[] = {"机构设置", "政府采购", "固定资产", "国有资产", "绩效目标", NULL};

	for (int i = 0; title && words[i]; i++)
		if (strstr(title, words[i]))
			return 1;
	return 0;
}

/* The template's tables the document holds. */
static size_t tables_present(const ys_ck *c)
{
	size_t n = 0;

	for (size_t k = 0; c->tpl && k < c->tpl->ntables; k++)
		n += ys_disclosure_table(c->ds, c->tpl->tables[k].id) != NULL;
	return n;
}

/* A page holding one table, or the tables of a narrative published
 * apart: fewer than half of the template's tables. Such a document is
 * checked for what it holds; what is absent is said once (YS-P008). */
static int partial_tables(const ys_ck *c)
{
	return c->tpl && c->tpl->ntables && tables_present(c) * 2 < c->tpl->ntables;
}

static void tables(ys_ck *c)
{
	const ys_disclosure *ds = c->ds;
	int last = -1;
	int partial = partial_tables(c);
	ys_buf missing = YS_BUF_INIT;

	for (size_t k = 0; c->tpl && k < c->tpl->ntables; k++) {
		const ys_ttable *tt = &c->tpl->tables[k];

		if (ys_disclosure_table(ds, tt->id))
			continue;
		if (partial)
			ys_buf_printf(&missing, "%s%s", missing.len ? "、" : "", tt->id);
		else
			ysck_emit(c, "YS-P001", NULL, NULL, NULL, NULL, "缺少公开表 %s%s%s", tt->id,
				  tt->title ? "：" : "", tt->title ? tt->title : "");
	}
	if (partial && missing.len) {
		size_t n = tables_present(c);

		if (n)
			ysck_emit(c, "YS-P008", NULL, NULL, NULL, NULL,
				  "部分文件：只含 %zu 张公开表，不含 %s；表间核对只在文件中有的表之间进行",
				  n, ys_buf_str(&missing));
		else
			ysck_emit(c, "YS-P008", NULL, NULL, NULL, NULL,
				  "部分文件：不含公开表（缺 %s），只检查了说明本身的数字",
				  ys_buf_str(&missing));
	}
	ys_buf_free(&missing);
	for (size_t i = 0; i < ds->ntables; i++) {
		const ys_dtable *t = &ds->tables[i];
		int k;

		if (!t->id && !auxiliary(t->title)) {
			ysck_emit(c, "YS-P007", NULL, NULL, NULL, NULL, "第 %zu 张表“%s”无法识别", i + 1,
				  t->title ? t->title : "");
			continue;
		}
		if (!t->id)
			continue;
		k = tpl_index(c->tpl, t->id);
		if (k >= 0 && k < last)
			ysck_emit(c, "YS-P002", t, NULL, NULL, NULL, "%s 排在 %s 之后", t->id,
				  c->tpl->tables[last].id);
		if (k > last)
			last = k;
		if (table_empty(t) && (!t->note || !t->note[0]) &&
		    !(ds->empty_tables_note && ds->empty_tables_note[0]))
			ysck_emit(c, "YS-P003", t, NULL, NULL, NULL, "%s 没有数据，也没有空表列示的说明", t->id);
		if (t->unit_name && ds->unit_name && strcmp(t->unit_name, ds->unit_name))
			ysck_emit(c, "YS-P005", t, NULL, NULL, NULL, "表头单位“%s”与文件单位“%s”不同",
				  t->unit_name, ds->unit_name);
		if (t->year && ds->year && t->year != ds->year)
			ysck_emit(c, "YS-P005", t, NULL, NULL, NULL, "表头年度 %d 与文件年度 %d 不同",
				  t->year, ds->year);
		if (c->tpl) {
			const ys_ttable *tt = ys_template_table(c->tpl, t->id);

			for (size_t m = 0; tt && m < tt->ncols; m++)
				if (ys_dtable_col(t, tt->cols[m].key, tt->cols[m].side) < 0)
					ysck_emit(c, "YS-P006", t, NULL, tt->cols[m].key, NULL,
						  "%s 缺少栏目“%s”", t->id, tt->cols[m].label ? tt->cols[m].label : tt->cols[m].key);
		}
	}
}

/* A word of a section's `mentions:` with {prev_year} expanded. */
static int mentions_word(const char *text, const char *word, int year)
{
	const char *p = strstr(word, "{prev_year}");
	char buf[256];

	if (!p)
		return strstr(text, word) != NULL;
	if (!year)
		return 0;
	snprintf(buf, sizeof buf, "%.*s%d%s", (int)(p - word), word, year - 1,
		 p + strlen("{prev_year}"));
	return strstr(text, buf) != NULL;
}

/* The sections a template requires, and what each must mention, both from
 * the template's `sections:` (required, mentions). A document holding
 * fewer than half of them is a chapter of the narrative (a web page with
 * only the 三公 section): what is absent is said once (YS-P008). */
static void sections(ys_ck *c)
{
	const ys_disclosure *ds = c->ds;
	const struct ys_tfigures *fs = c->tpl ? c->tpl->figures : NULL;
	size_t nneed = 0, nfound = 0;
	ys_buf missing = YS_BUF_INIT;
	int partial;

	if (!ds->nsections) {
		ysck_emit_sev(c, "YS-P004", YS_SEV_INFO, NULL, NULL, NULL, NULL,
			      "文件不含说明部分，说明相关的规则未运行");
		return;
	}
	for (int pass = 0; pass < 2; pass++) {
		partial = nfound * 2 < nneed;
		for (size_t k = 0; fs && k < fs->nsections; k++) {
			const ys_tsection *need = &fs->sections[k];
			/* A title with placeholders is named by its id in messages. */
			const char *name = need->title && !strchr(need->title, '{') ? need->title : need->id;
			const ys_dsection *found = NULL;

			for (size_t i = 0; i < ds->nsections && !found; i++) {
				const ys_dsection *s = &ds->sections[i];

				if ((s->id && !strcmp(s->id, need->id)) ||
				    (s->title && need->title && strstr(s->title, need->title)))
					found = s;
			}
			if (!pass) {	/* count first */
				nneed += (size_t)need->required;
				nfound += (size_t)(need->required && found);
				continue;
			}
			if (!found) {
				if (need->required && partial)
					ys_buf_printf(&missing, "%s“%s”", missing.len ? "、" : "", name);
				else if (need->required)
					ysck_emit(c, "YS-P004", NULL, NULL, NULL, need->id,
						  "缺少说明部分“%s”", name);
				continue;
			}
			for (size_t m = 0; found->text && m < need->nmentions; m++) {
				const struct ys_tmention *mt = &need->mentions[m];
				int hit = 0;

				for (size_t w = 0; w < mt->nwords && !hit; w++)
					hit = mentions_word(found->text, mt->words[w], ds->year);
				if (!hit)
					ysck_emit(c, "YS-P004", NULL, NULL, NULL, need->id,
						  "%s没有说明%s", name, mt->label);
			}
		}
	}
	if (partial && missing.len)
		ysck_emit(c, "YS-P008", NULL, NULL, NULL, NULL,
			  "部分文件：说明只含 %zu 个部分，不含%s", nfound, ys_buf_str(&missing));
	ys_buf_free(&missing);
}

void ysck_rules_catalog(ys_ck *c)
{
	if (!c->cat || !c->tpl)
		ysck_emit(c, "YS-C000", NULL, NULL, NULL, NULL, "%s",
			  !c->cat ? "没有该年度的科目表，未检查科目是否存在及名称"
				  : "没有找到模板，未检查表栏");
	for (size_t i = 0; i < c->ds->ntables; i++) {
		const ys_dtable *t = &c->ds->tables[i];

		if (t->id)
			codes(c, t);
	}
	tables(c);
	sections(c);
}
