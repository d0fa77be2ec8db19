/*
 * rules_cross.c - identities across tables (YS-X…, 表间勾稽关系): T1
 * against T2 and T3, T4 against T2, T5, T7 and T8, T5 against T6, and the
 * 三公 lines of T9 against their economic codes in T6. A rule is skipped
 * when one of its tables is missing (YS-P001 reports that).
 */
#include "check_int.h"

#include <stdio.h>
#include <string.h>

#include "../base/money.h"

static const ys_dtable *tab(ys_ck *c, const char *id)
{
	return ys_disclosure_table(c->ds, id);
}

static int col(const ys_dtable *t, const char *key, const char *side)
{
	return t ? ys_dtable_col(t, key, side) : -1;
}

/* YS-X001: T1's income items against T2's 合计 row by source. */
static void t1_t2(ys_ck *c, const ys_dtable *t1, const ys_dtable *t2)
{
	static const struct {
		const char *t2col;
		const char *items[4];
	} map[] = {
		{"fiscal", {"gpb", "gf", "soc"}},
		{"special", {"special"}},
		{"business", {"business"}},
		{"operating", {"operating"}},
		{"higher", {"higher"}},
		{"affiliated", {"affiliated"}},
		{"other", {"other"}},
		{"carryover", {"carryover"}},
	};
	const ys_drow *tot = ysck_total_row(t2);
	int a = col(t1, "amount", "income");

	if (!tot || a < 0)
		return;
	for (size_t k = 0; k < sizeof map / sizeof *map; k++) {
		int c2 = col(t2, map[k].t2col, NULL);
		int64_t sum = 0;
		const ys_drow *first = NULL;
		char what[200];

		if (c2 < 0)
			continue;
		for (int i = 0; i < 4 && map[k].items[i]; i++) {
			const ys_drow *r = ysck_item(t1, "income", map[k].items[i], NULL);

			if (r) {
				sum += ysck_val(r, a);
				if (!first)
					first = r;
			}
		}
		if (!first)
			continue;
		snprintf(what, sizeof what, "T1 %s与 T2 合计行“%s”栏不符",
			 first->name ? first->name : map[k].items[0],
			 t2->cols[c2].label ? t2->cols[c2].label : map[k].t2col);
		ysck_compare(c, "YS-X001", t1, first, "amount", ysck_val(tot, c2), sum, what);
	}
}

/* YS-X002: T1's expense lines per 类 against T3's 类 rows; YS-X005 the
 * same for T4's 一般公共预算 column against T5. */
static void by_class(ys_ck *c, const char *rule, const ys_dtable *two,
		     const char *two_col, const ys_dtable *code_t)
{
	int a = col(two, two_col, "expense"), tc = col(code_t, "total", NULL);

	if (a < 0 || tc < 0)
		return;
	for (size_t i = 0; i < two->nrows; i++) {
		const ys_drow *r = &two->rows[i];
		const ys_drow *m;
		char what[200];

		if (!r->code || (r->side && strcmp(r->side, "expense")))
			continue;
		m = ysck_code_row(code_t, r->code);
		snprintf(what, sizeof what, "%s %s（%s）与 %s 该类合计不符", two->id, r->code,
			 r->name ? r->name : "", code_t->id);
		ysck_compare(c, rule, two, r, two->cols[a].key, ysck_val(m, tc), ysck_val(r, a), what);
	}
	/* A 类 in the code table that the two-sided table does not list. */
	for (size_t i = 0; i < code_t->nrows; i++) {
		const ys_drow *m = &code_t->rows[i];
		ys_code cl = m->code ? ys_code_parse(m->code) : 0;
		int found = 0;

		if (!cl || ys_code_digits(cl) != 3 || !ysck_val(m, tc))
			continue;
		for (size_t k = 0; k < two->nrows; k++)
			if (two->rows[k].code && !strcmp(two->rows[k].code, m->code))
				found = 1;
		if (!found)
			ysck_emit(c, rule, two, m, two->cols[a].key, NULL,
				  "%s 有 %s（%s），%s 支出方没有该类", code_t->id, m->code,
				  m->name ? m->name : "", two->id);
	}
}

static void totals(ys_ck *c, const ys_dtable *t1, const ys_dtable *t2,
		   const ys_dtable *t3)
{
	const ys_drow *r2 = ysck_total_row(t2), *r3 = ysck_total_row(t3);
	int c2 = col(t2, "total", NULL), c3 = col(t3, "total", NULL);

	if (r2 && r3 && c2 >= 0 && c3 >= 0)
		ysck_compare(c, "YS-X003", t3, r3, "total", ysck_val(r2, c2), ysck_val(r3, c3),
			     "T3 合计与 T2 合计不符");
	if (t1 && r2 && c2 >= 0) {
		const ys_drow *g = ysck_item(t1, "income", "income_grand", "收入总计");
		int a = col(t1, "amount", "income");

		if (g && a >= 0)
			ysck_compare(c, "YS-X003", t1, g, "amount", ysck_val(r2, c2), ysck_val(g, a),
				     "T1 收入总计与 T2 合计不符");
	}
}

/* T4's 年初财政拨款结转和结余 of one fund (item carryover_<fund>), 0 when
 * absent. T5, T7 and T8 show all the year's expenditure of a fund, the
 * carried-over money included; T4's income row of that fund is this
 * year's money only. */
static int64_t t4_carryover(const ys_dtable *t4, const char *fund)
{
	char item[32];
	const ys_drow *r;
	int ia = col(t4, "amount", "income");

	snprintf(item, sizeof item, "carryover_%s", fund);
	r = ysck_item(t4, "income", item, NULL);
	return r && ia >= 0 ? ysck_val(r, ia) : 0;
}

static void t4_t5(ys_ck *c, const ys_dtable *t4, const ys_dtable *t5)
{
	const ys_drow *r5 = ysck_total_row(t5);
	const ys_drow *inc = ysck_item(t4, "income", "gpb", "一般公共预算拨款");
	const ys_drow *exp = ysck_item(t4, "expense", "expense_total", "本年支出合计");
	int c5 = col(t5, "total", NULL), ia = col(t4, "amount", "income"),
	    eg = col(t4, "gpb", "expense");
	int64_t want;

	if (!r5 || c5 < 0)
		return;
	if (inc && ia >= 0 && ys_sub_ok(ysck_val(r5, c5), t4_carryover(t4, "gpb"), &want))
		ysck_compare(c, "YS-X004", t4, inc, "amount", want, ysck_val(inc, ia),
			     "T4 一般公共预算拨款收入（加其上年结转）与 T5 合计不符");
	if (exp && eg >= 0)
		ysck_compare(c, "YS-X004", t4, exp, "gpb", ysck_val(r5, c5), ysck_val(exp, eg),
			     "T4 一般公共预算支出合计与 T5 合计不符");
}

static void t5_t6(ys_ck *c, const ys_dtable *t5, const ys_dtable *t6)
{
	const ys_drow *r5 = ysck_total_row(t5), *r6 = ysck_total_row(t6);
	int b5 = col(t5, "basic", NULL), c6 = col(t6, "total", NULL);

	if (r5 && r6 && b5 >= 0 && c6 >= 0)
		ysck_compare(c, "YS-X006", t6, r6, "total", ysck_val(r5, b5), ysck_val(r6, c6),
			     "T6 合计与 T5 基本支出合计不符");
}

static void t4_fund(ys_ck *c, const ys_dtable *t4, const char *item,
		    const ys_dtable *tx, const char *what)
{
	const ys_drow *inc = ysck_item(t4, "income", item, NULL);
	const ys_drow *rx = ysck_total_row(tx);
	int ia = col(t4, "amount", "income"), cx = col(tx, "total", NULL);
	int64_t want;

	if (!inc || ia < 0 || cx < 0)
		return;
	if (ys_sub_ok(ysck_val(rx, cx), t4_carryover(t4, item), &want))
		ysck_compare(c, "YS-X007", t4, inc, "amount", want, ysck_val(inc, ia), what);
}

static void t4_t2(ys_ck *c, const ys_dtable *t4, const ys_dtable *t2)
{
	const ys_drow *r2 = ysck_total_row(t2);
	const ys_drow *it = ysck_item(t4, "income", "income_total", "本年收入合计");
	int f = col(t2, "fiscal", NULL), ia = col(t4, "amount", "income");

	if (r2 && it && f >= 0 && ia >= 0)
		ysck_compare(c, "YS-X009", t4, it, "amount", ysck_val(r2, f), ysck_val(it, ia),
			     "T4 本年收入合计与 T2 合计行财政拨款栏不符");
}

/* YS-X008: T9's lines against T6's economic codes of the same kind. T6 is
 * basic expenditure only, so T9 may exceed it (project spending): a
 * warning; T6 exceeding T9 is an error. */
static void t9_t6(ys_ck *c, const ys_dtable *t9, const ys_dtable *t6)
{
	static const struct {
		const char *item, *eco;
	} map[] = {
		{"abroad", "30212"},
		{"reception", "30217"},
		{"vehicle_operation", "30231"},
	};
	int g9 = col(t9, "gpb", NULL), c6 = col(t6, "total", NULL);

	if (g9 < 0 || c6 < 0)
		return;
	for (size_t k = 0; k < sizeof map / sizeof *map; k++) {
		const ys_drow *r9 = ysck_item(t9, NULL, map[k].item, NULL);
		const ys_drow *r6 = ysck_code_row(t6, map[k].eco);
		int64_t v9, v6;
		char e[YS_MONEY_FMT_MAX], a[YS_MONEY_FMT_MAX];

		if (!r9)
			continue;
		v9 = ysck_val(r9, g9);
		v6 = ysck_val(r6, c6);
		if (r9->heading && !strcmp(map[k].item, "abroad")) {
			const ys_drow *x = ysck_item(t9, NULL, "abroad_research", NULL);
			const ys_drow *y = ysck_item(t9, NULL, "abroad_other", NULL);

			v9 = ysck_val(x, g9) + ysck_val(y, g9);
		}
		if (v9 == v6)
			continue;
		ys_money_format(v6, c->ds->decimals, 0, e);
		ys_money_format(v9, c->ds->decimals, 0, a);
		if (v6 > v9)
			ysck_emit_sev(c, "YS-X008", YS_SEV_ERROR, t9, r9, "gpb", NULL,
				      "T9 %s %s 小于 T6 基本支出 %s 的 %s", r9->name ? r9->name : map[k].item,
				      a, map[k].eco, e);
		else
			ysck_emit(c, "YS-X008", t9, r9, "gpb", NULL,
				  "T9 %s %s 大于 T6 基本支出 %s 的 %s（若含项目支出则无误）",
				  r9->name ? r9->name : map[k].item, a, map[k].eco, e);
	}
}

void ysck_rules_cross(ys_ck *c)
{
	const ys_dtable *t1 = tab(c, "T1"), *t2 = tab(c, "T2"), *t3 = tab(c, "T3"),
			*t4 = tab(c, "T4"), *t5 = tab(c, "T5"), *t6 = tab(c, "T6"),
			*t7 = tab(c, "T7"), *t8 = tab(c, "T8"), *t9 = tab(c, "T9");

	if (t1 && t2)
		t1_t2(c, t1, t2);
	if (t1 && t3)
		by_class(c, "YS-X002", t1, "amount", t3);
	if (t2 && t3)
		totals(c, t1, t2, t3);
	if (t4 && t5) {
		t4_t5(c, t4, t5);
		by_class(c, "YS-X005", t4, "gpb", t5);
	}
	if (t5 && t6)
		t5_t6(c, t5, t6);
	if (t4 && t7)
		t4_fund(c, t4, "gf", t7, "T4 政府性基金预算拨款与 T7 合计不符");
	if (t4 && t8)
		t4_fund(c, t4, "soc", t8, "T4 国有资本经营预算拨款与 T8 合计不符");
	if (t4 && t2)
		t4_t2(c, t4, t2);
	if (t9 && t6)
		t9_t6(c, t9, t6);
}
