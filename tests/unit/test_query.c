/*
 * test_query.c - cell queries as sets: normal form, equality across
 * different spellings, disjointness, subsets, and disjoint unions along
 * fund masks, carry-over, code prefixes (present children and a catalog
 * oracle), economic classes and tags; on the hebei-2023 template's cells.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "template/query.h"

static const char *datadir(void)
{
	const char *d = getenv("YUSUAN_DATA");

	return d ? d : "data";
}

typedef struct fx {
	ys_catalog cat;
	ys_template tpl;
	ys_qspace s;
} fx;

static int setup(void **state)
{
	fx *f = calloc(1, sizeof *f);
	ys_diag d;

	assert_non_null(f);
	assert_int_equal(ys_catalog_load(&f->cat, datadir(), 2023, &d), YS_OK);
	assert_int_equal(ys_template_load(&f->tpl, datadir(), "hebei-2023", &f->cat, &d), YS_OK);
	ys_qspace_init(&f->s, &f->tpl, &f->cat);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fx *f = *state;

	ys_template_free(&f->tpl);
	ys_catalog_free(&f->cat);
	free(f);
	return 0;
}

/* The query of column `key` of table `id` (on the side, if given). */
static ys_query col(fx *f, const char *id, const char *side, const char *key)
{
	const ys_ttable *t = ys_template_table(&f->tpl, id);
	ys_query q;

	assert_non_null(t);
	ys_query_all(&q, &f->s);
	ys_query_and_filter(&q, &t->filter, &f->s);
	for (size_t i = 0; i < t->ncols; i++)
		if (!strcmp(t->cols[i].key, key) && (!side || !strcmp(t->cols[i].side, side))) {
			ys_query_and_filter(&q, &t->cols[i].filter, &f->s);
			return q;
		}
	fail_msg("no column %s.%s", id, key);
	return q;
}

static ys_query item(fx *f, const char *id, const char *side, const char *key)
{
	const ys_ttable *t = ys_template_table(&f->tpl, id);
	ys_query q;

	ys_query_all(&q, &f->s);
	ys_query_and_filter(&q, &t->filter, &f->s);
	for (size_t i = 0; i < t->nitems; i++)
		if (!strcmp(t->items[i].item, key) && (!side || !strcmp(t->items[i].side, side))) {
			ys_query_and_filter(&q, &t->items[i].filter, &f->s);
			return q;
		}
	fail_msg("no item %s.%s", id, key);
	return q;
}

static void test_equal_and_subset(void **state)
{
	fx *f = *state;
	ys_query t2fiscal = col(f, "T2", NULL, "fiscal");
	ys_query t4inc = item(f, "T4", "income", "income_total");
	ys_query t5 = col(f, "T5", NULL, "total");
	ys_query t5basic = col(f, "T5", NULL, "basic");
	ys_query t6 = col(f, "T6", NULL, "total");
	ys_query t3 = col(f, "T3", NULL, "total");

	/* 财政拨款收入 of T2 is T4's 本年收入合计, spelt differently. */
	assert_true(ys_query_equal(&t2fiscal, &t4inc, &f->s));
	/* T6's 合计 is T5's 基本支出 (any class = personnel ∪ public). */
	assert_true(ys_query_equal(&t5basic, &t6, &f->s));
	assert_true(ys_query_subset(&t5, &t3, &f->s));
	assert_false(ys_query_subset(&t3, &t5, &f->s));
	assert_false(ys_query_equal(&t5, &t3, &f->s));
}

static void test_empty_by_construction(void **state)
{
	fx *f = *state;
	ys_query pers = col(f, "T6", NULL, "personnel");
	ys_query none = item(f, "T1", "expense", "year_end");

	assert_true(ys_query_empty(&none, &f->s));
	assert_false(ys_query_empty(&pers, &f->s));
	/* 30201 办公费 is 公用经费: its 人员经费 cell holds nothing. */
	ys_query_and_code(&pers, 1, 30201, &f->s);
	assert_true(ys_query_empty(&pers, &f->s));
}

static void test_unions(void **state)
{
	fx *f = *state;
	ys_query tot = col(f, "T2", NULL, "total"), sub = col(f, "T2", NULL, "subtotal"),
		 carry = col(f, "T2", NULL, "carryover");
	ys_query parts[8];
	const char *keys[] = {"fiscal", "special", "business", "operating", "higher", "affiliated", "other"};
	const ys_query *pp[8];

	pp[0] = &sub;
	pp[1] = &carry;
	assert_true(ys_query_union_of(&tot, pp, 2, &f->s));
	assert_true(ys_query_disjoint(&sub, &carry, &f->s));
	for (int i = 0; i < 7; i++) {
		parts[i] = col(f, "T2", NULL, keys[i]);
		pp[i] = &parts[i];
	}
	assert_true(ys_query_union_of(&sub, pp, 7, &f->s));
	/* One source short: no longer the whole. */
	assert_false(ys_query_union_of(&sub, pp, 6, &f->s));
	/* Overlapping parts are no disjoint union. */
	pp[6] = &sub;
	assert_false(ys_query_union_of(&sub, pp, 7, &f->s));
}

static void test_prefix_and_tags(void **state)
{
	fx *f = *state;
	ys_query p = col(f, "T5", NULL, "total"), a = p, b = p, c = p;
	const ys_query *pp[3] = {&a, &b, &c};
	ys_query t9sub = item(f, "T9", NULL, "subtotal");
	const char *keys[] = {"abroad_research", "abroad_other", "vehicle_purchase", "vehicle_operation", "reception"};
	ys_query nine[5];
	const ys_query *np[5];

	ys_query_and_code(&p, 0, 201, &f->s);
	ys_query_and_code(&a, 0, 20101, &f->s);
	ys_query_and_code(&b, 0, 20129, &f->s);
	ys_query_and_code(&c, 0, 2012901, &f->s);
	/* 类 = Σ 款 present; a 项 under one of them overlaps it. */
	assert_true(ys_query_union_of(&p, pp, 2, &f->s));
	assert_false(ys_query_union_of(&p, pp, 3, &f->s));
	/* The 三公 subtotal: four economic codes, one of them split by tag. */
	for (int i = 0; i < 5; i++) {
		nine[i] = item(f, "T9", NULL, keys[i]);
		np[i] = &nine[i];
	}
	assert_true(ys_query_union_of(&t9sub, np, 5, &f->s));
	assert_false(ys_query_union_of(&t9sub, np + 1, 4, &f->s));
}

/* Children per the year's catalog instead of the rows present. */
static int cat_children(void *ctx, int eco, ys_code p, ys_code *out, int max)
{
	const ys_catalog *cat = ctx;
	int n = 0;

	for (size_t i = 0; !eco && i < cat->nfunc && n < max; i++)
		if (ys_code_parent(cat->func[i].code) == p)
			out[n++] = cat->func[i].code;
	return n;
}

static void test_catalog_children(void **state)
{
	fx *f = *state;
	ys_qspace s = f->s;
	ys_query p, a;
	const ys_query *pp[1] = {&a};

	s.children = cat_children;
	s.ctx = &f->cat;
	ys_query_all(&p, &s);
	a = p;
	ys_query_and_code(&p, 0, 201, &s);
	ys_query_and_code(&a, 0, 20129, &s);
	/* 201 has more 款 than 20129 in the catalog. */
	assert_false(ys_query_union_of(&p, pp, 1, &s));
	s.children = NULL;
	assert_true(ys_query_union_of(&p, pp, 1, &s));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_equal_and_subset),
		cmocka_unit_test(test_empty_by_construction),
		cmocka_unit_test(test_unions),
		cmocka_unit_test(test_prefix_and_tags),
		cmocka_unit_test(test_catalog_children),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
