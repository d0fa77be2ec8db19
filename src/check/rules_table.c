/*
 * rules_table.c - rules within one table (YS-T…): parent rows against
 * their children, the 合计 row against the 类 rows, identities between
 * columns, the balance lines of the two-sided tables (T1, T4), the
 * structure of the 三公 table (T9), duplicated codes and T6's
 * personnel/public split. Heading rows (published blank on purpose, e.g.
 * T9's 一、因公出国（境）费 in hebei-2023) take part in no sum.
 */
#include "check_int.h"

#include <stdio.h>
#include <string.h>

#include "../base/money.h"

static int64_t add(int64_t a, int64_t b)
{
	int64_t s;

	return ys_add_ok(a, b, &s) ? s : (b > 0 ? INT64_MAX : INT64_MIN + 1);
}

/* YS-T001, YS-T007: every row with children equals their sum, per column. */
static void parents(ys_ck *c, const ys_dtable *t)
{
	for (size_t i = 0; i < t->nrows; i++) {
		const ys_drow *p = &t->rows[i];
		ys_code pc = p->code ? ys_code_parse(p->code) : 0;

		if (!pc || p->heading || ys_code_digits(pc) >= 7)
			continue;
		for (size_t col = 0; col < t->ncols; col++) {
			int64_t sum = 0;
			int nkids = 0;
			char what[160];

			for (size_t k = 0; k < t->nrows; k++) {
				const ys_drow *r = &t->rows[k];
				ys_code rc = r->code ? ys_code_parse(r->code) : 0;

				if (!rc || r->heading || ys_code_parent(rc) != pc)
					continue;
				nkids++;
				sum = add(sum, ysck_val(r, (int)col));
			}
			if (!nkids || sum == ysck_val(p, (int)col))
				continue;
			if (ysck_val(p, (int)col) == 0 && sum != 0) {
				snprintf(what, sizeof what, "%s（%s）为空或0，而下级科目之和不为0",
					 p->code, p->name ? p->name : "");
				ysck_compare(c, "YS-T007", t, p, t->cols[col].key, sum, 0, what);
				continue;
			}
			snprintf(what, sizeof what, "%s（%s）不等于下级科目之和",
				 p->code, p->name ? p->name : "");
			ysck_compare(c, "YS-T001", t, p, t->cols[col].key, sum,
				     ysck_val(p, (int)col), what);
		}
	}
}

/* YS-T002: 合计 = sum of the 类 rows. */
static void grand_total(ys_ck *c, const ys_dtable *t)
{
	const ys_drow *tot = ysck_total_row(t);

	if (!tot)
		return;
	for (size_t col = 0; col < t->ncols; col++) {
		int64_t sum = 0;

		for (size_t k = 0; k < t->nrows; k++) {
			const ys_drow *r = &t->rows[k];
			ys_code rc = r->code ? ys_code_parse(r->code) : 0;

			if (rc && ys_code_digits(rc) == 3 && !r->heading)
				sum = add(sum, ysck_val(r, (int)col));
		}
		ysck_compare(c, "YS-T002", t, tot, t->cols[col].key, sum,
			     ysck_val(tot, (int)col), "合计不等于各类之和");
	}
}

/* YS-T003: identities between columns of one row. */
static const struct {
	const char *table, *side, *total;
	const char *parts[8];
} identities[] = {
	{"T2", NULL, "total", {"subtotal", "carryover"}},
	{"T2", NULL, "subtotal", {"fiscal", "special", "business", "operating", "higher", "affiliated", "other"}},
	{"T3", NULL, "total", {"basic", "project", "operating", "to_higher", "to_affiliated"}},
	{"T4", "expense", "total", {"gpb", "gf", "soc"}},
	{"T5", NULL, "total", {"basic", "project"}},
	{"T6", NULL, "total", {"personnel", "public"}},
	{"T7", NULL, "total", {"basic", "project"}},
	{"T8", NULL, "total", {"basic", "project"}},
	{"T9", NULL, "total", {"gpb", "gf", "soc"}},
};

static void columns(ys_ck *c, const ys_dtable *t)
{
	for (size_t k = 0; k < sizeof identities / sizeof *identities; k++) {
		int tc, pc[8], nparts = 0;
		char what[256];

		if (strcmp(identities[k].table, t->id))
			continue;
		if ((tc = ys_dtable_col(t, identities[k].total, identities[k].side)) < 0)
			continue;
		snprintf(what, sizeof what, "%s", t->cols[tc].label ? t->cols[tc].label : identities[k].total);
		strcat(what, "不等于");
		for (int p = 0; p < 8 && identities[k].parts[p]; p++) {
			int pi = ys_dtable_col(t, identities[k].parts[p], identities[k].side);

			if (pi < 0)
				continue;
			pc[nparts++] = pi;
			if (strlen(what) + strlen(t->cols[pi].label ? t->cols[pi].label : "") + 8 < sizeof what) {
				if (nparts > 1)
					strcat(what, "+");
				strcat(what, t->cols[pi].label ? t->cols[pi].label : t->cols[pi].key);
			}
		}
		if (!nparts)
			continue;
		for (size_t i = 0; i < t->nrows; i++) {
			const ys_drow *r = &t->rows[i];
			int64_t sum = 0;

			if (r->heading || !ys_drow_has_col(t, r, (size_t)tc))
				continue;
			for (int p = 0; p < nparts; p++)
				sum = add(sum, ysck_val(r, pc[p]));
			ysck_compare(c, "YS-T003", t, r, t->cols[tc].key, sum,
				     ysck_val(r, tc), what);
		}
	}
}

/* YS-T004: T6 personnel items only in 人员经费, the rest only in 公用经费. */
static void basic_split(ys_ck *c, const ys_dtable *t)
{
	int pers = ys_dtable_col(t, "personnel", NULL), pub = ys_dtable_col(t, "public", NULL);

	if (strcmp(t->id, "T6") || pers < 0 || pub < 0)
		return;
	for (size_t i = 0; i < t->nrows; i++) {
		const ys_drow *r = &t->rows[i];
		ys_code code = r->code ? ys_code_parse(r->code) : 0;
		ys_eco_class cls = YS_ECO_NONE;
		const ys_cat_entry *e;

		if (!code)
			continue;
		if (c->cat && (e = ys_catalog_find(c->cat, YS_CAT_ECO, code)))
			cls = e->basic_class;
		if (cls == YS_ECO_NONE) {
			ys_code cl = ys_code_at(code, 3);

			cls = (cl == 301 || cl == 303) ? YS_ECO_PERSONNEL : YS_ECO_PUBLIC;
		}
		if (cls == YS_ECO_PERSONNEL && ysck_val(r, pub) != 0)
			ysck_emit(c, "YS-T004", t, r, "public", NULL,
				  "%s（%s）属于人员经费，却在公用经费栏列了数", r->code,
				  r->name ? r->name : "");
		if (cls == YS_ECO_PUBLIC && ysck_val(r, pers) != 0)
			ysck_emit(c, "YS-T004", t, r, "personnel", NULL,
				  "%s（%s）属于公用经费，却在人员经费栏列了数", r->code,
				  r->name ? r->name : "");
	}
}

/* YS-T008: the same code twice in one table. */
static void duplicates(ys_ck *c, const ys_dtable *t)
{
	for (size_t i = 0; i < t->nrows; i++) {
		const ys_drow *a = &t->rows[i];

		if (!a->code || (a->side && strcmp(a->side, "expense")))
			continue;
		for (size_t k = i + 1; k < t->nrows; k++) {
			const ys_drow *b = &t->rows[k];
			int same = 1;

			if (!b->code || strcmp(a->code, b->code) ||
			    (a->side && b->side && strcmp(a->side, b->side)))
				continue;
			for (size_t col = 0; col < t->ncols; col++)
				if (ysck_val(a, (int)col) != ysck_val(b, (int)col))
					same = 0;
			ysck_emit_sev(c, "YS-T008", same ? YS_SEV_WARNING : YS_SEV_ERROR, t, b,
				      NULL, NULL, "科目 %s 在表中出现两次%s", b->code,
				      same ? "（金额相同）" : "，金额不同");
			break;
		}
	}
}

/* The first column of a side: T1's amount, T4's expense total. */
static int side_cols(const ys_dtable *t, const char *side, int *cols, int max)
{
	int n = 0;

	for (size_t i = 0; i < t->ncols && n < max; i++)
		if (t->cols[i].side && !strcmp(t->cols[i].side, side))
			cols[n++] = (int)i;
	return n;
}

/* YS-T005 on one side of T1/T4: total = items above it, grand = total +
 * the lines between, each group (其中 lines) = its heading row. */
static void balance_side(ys_ck *c, const ys_dtable *t, const char *side,
			 const char *total_item, const char *total_name,
			 const char *grand_item, const char *grand_name)
{
	const ys_drow *tot = ysck_item(t, side, total_item, total_name);
	const ys_drow *grand = ysck_item(t, side, grand_item, grand_name);
	int cols[8], ncols = side_cols(t, side, cols, 8);
	size_t ti = 0, gi = 0;

	if (!tot)
		return;
	ti = (size_t)(tot - t->rows);
	gi = grand ? (size_t)(grand - t->rows) : t->nrows;
	for (int k = 0; k < ncols; k++) {
		int col = cols[k];
		int64_t sum = 0, rest = 0;
		char what[200];

		for (size_t i = 0; i < ti; i++) {
			const ys_drow *r = &t->rows[i];

			if (r->side && strcmp(r->side, side))
				continue;
			if (!r->total && !r->group && !r->heading)
				sum = add(sum, ysck_val(r, col));
		}
		snprintf(what, sizeof what, "%s不等于各项之和", tot->name ? tot->name : total_name);
		ysck_compare(c, "YS-T005", t, tot, t->cols[col].key, sum, ysck_val(tot, col), what);
		if (!grand)
			continue;
		for (size_t i = ti + 1; i < gi; i++) {
			const ys_drow *r = &t->rows[i];

			if (r->side && strcmp(r->side, side))
				continue;
			if (!r->total && !r->group && !r->heading)
				rest = add(rest, ysck_val(r, col));
		}
		snprintf(what, sizeof what, "%s不等于%s加结转", grand->name ? grand->name : grand_name,
			 tot->name ? tot->name : total_name);
		ysck_compare(c, "YS-T005", t, grand, t->cols[col].key,
			     add(ysck_val(tot, col), rest), ysck_val(grand, col), what);
		/* 其中 lines add up to the row they belong to. */
		for (size_t i = 0; i < t->nrows; i++) {
			const ys_drow *g = &t->rows[i];
			int64_t gs = 0;
			int n = 0;

			if ((g->side && strcmp(g->side, side)) || g->group || !g->name)
				continue;
			for (size_t m = 0; m < t->nrows; m++) {
				const ys_drow *r = &t->rows[m];

				if (r->group && (!r->side || !strcmp(r->side, side)) &&
				    !strcmp(r->group, g->name)) {
					gs = add(gs, ysck_val(r, col));
					n++;
				}
			}
			if (n && !g->heading) {
				snprintf(what, sizeof what, "%s不等于其中各项之和", g->name);
				ysck_compare(c, "YS-T005", t, g, t->cols[col].key, gs,
					     ysck_val(g, col), what);
			}
		}
	}
}

static void balance(ys_ck *c, const ys_dtable *t)
{
	const ys_drow *ig, *eg;
	int ic[8], ec[8];

	if (!t->two_sided)
		return;
	balance_side(c, t, "income", "income_total", "本年收入合计", "income_grand", "收入总计");
	balance_side(c, t, "expense", "expense_total", "本年支出合计", "expense_grand", "支出总计");
	ig = ysck_item(t, "income", "income_grand", "收入总计");
	eg = ysck_item(t, "expense", "expense_grand", "支出总计");
	if (ig && eg && side_cols(t, "income", ic, 8) > 0 && side_cols(t, "expense", ec, 8) > 0)
		ysck_compare(c, "YS-T006", t, eg, t->cols[ec[0]].key, ysck_val(ig, ic[0]),
			     ysck_val(eg, ec[0]), "支出总计不等于收入总计");
}

/* YS-T009: the 三公 table's structure, by item key. A group row that is a
 * heading (published blank) is replaced by the sum of its lines. */
static int64_t t9_part(ys_ck *c, const ys_dtable *t, int col, const char *head,
		       const char *const *lines, const char *what)
{
	const ys_drow *h = ysck_item(t, NULL, head, NULL);
	int64_t sum = 0;
	int n = 0;

	for (int i = 0; lines[i]; i++) {
		const ys_drow *r = ysck_item(t, NULL, lines[i], NULL);

		if (r) {
			sum = add(sum, ysck_val(r, col));
			n++;
		}
	}
	if (h && !h->heading) {
		if (n)
			ysck_compare(c, "YS-T009", t, h, t->cols[col].key, sum, ysck_val(h, col), what);
		return ysck_val(h, col);
	}
	return sum;
}

static void three_public(ys_ck *c, const ys_dtable *t)
{
	static const char *const abroad[] = {"abroad_research", "abroad_other", NULL};
	static const char *const vehicle[] = {"vehicle_purchase", "vehicle_operation", NULL};
	static const char *const known[] = {"total", "subtotal", "abroad", "abroad_research",
		"abroad_other", "vehicle", "vehicle_purchase", "vehicle_operation", "reception", NULL};
	const ys_drow *tot = ysck_item(t, NULL, "total", "合计");
	const ys_drow *sub = ysck_item(t, NULL, "subtotal", "“三公”经费小计");
	const ys_drow *rec = ysck_item(t, NULL, "reception", "公务接待费");

	if (strcmp(t->id, "T9"))
		return;
	for (size_t col = 0; col < t->ncols; col++) {
		int64_t a = t9_part(c, t, (int)col, "abroad", abroad, "因公出国（境）费不等于其中各项之和");
		int64_t v = t9_part(c, t, (int)col, "vehicle", vehicle, "公务用车购置及运维费不等于购置费+运行维护费");
		int64_t s = add(add(a, v), ysck_val(rec, (int)col));

		if (sub) {
			ysck_compare(c, "YS-T009", t, sub, t->cols[col].key, s, ysck_val(sub, (int)col),
				     "“三公”经费小计不等于出国（境）费+车辆购置及运维费+公务接待费");
			s = ysck_val(sub, (int)col);
		}
		if (tot) {
			for (size_t i = 0; i < t->nrows; i++) {
				const ys_drow *r = &t->rows[i];
				int k = 0;

				if (!r->item || r->heading)
					continue;
				while (known[k] && strcmp(known[k], r->item))
					k++;
				if (!known[k])
					s = add(s, ysck_val(r, (int)col));
			}
			ysck_compare(c, "YS-T009", t, tot, t->cols[col].key, s, ysck_val(tot, (int)col),
				     "合计不等于“三公”经费小计加其他各行");
		}
	}
}

void ysck_rules_table(ys_ck *c)
{
	for (size_t i = 0; i < c->ds->ntables; i++) {
		const ys_dtable *t = &c->ds->tables[i];

		if (!t->id)
			continue;
		if (ysck_is_code_table(t)) {
			parents(c, t);
			grand_total(c, t);
		}
		duplicates(c, t);
		columns(c, t);
		basic_split(c, t);
		balance(c, t);
		three_public(c, t);
	}
}
