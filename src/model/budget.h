/*
 * budget.h - the Budget: one unit's line items for one year plus the unit's
 * facts and texts. Line items are one flat array of small fixed-size
 * records (no per-line allocation) so that millions of them fit and scan
 * fast; strings a line refers to (project names, tags) are interned once
 * and referred to by index.
 *
 * Ownership: the budget owns its arena (all strings and fact records) and
 * the line array; ys_budget_free releases both.
 */
#ifndef YS_BUDGET_H
#define YS_BUDGET_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/money.h"
#include "../base/status.h"
#include "code.h"

/*
 * Which amount of a line item a figure means (docs/bundle.md). `amount` in
 * lines.csv is the budget; the optional columns named like the measures
 * below carry the other amounts of the same line, for 决算 (final
 * accounts) and for comparisons. A measure no column of lines.csv names is
 * absent: every line holds 0 for it.
 */
typedef enum {
	YS_MEASURE_BUDGET = 0,	/* 预算数: lines.csv amount */
	YS_MEASURE_INITIAL,	/* 年初预算数 */
	YS_MEASURE_ADJUSTED,	/* 调整预算数 / 全年预算数 */
	YS_MEASURE_FINAL,	/* 决算数 (expenditure of the year) */
	YS_MEASURE_PREVIOUS,	/* 上年数 */
	YS_MEASURE_CARRY_START,	/* 年初结转和结余 */
	YS_MEASURE_CARRY_END,	/* 年末结转和结余 */
	YS_MEASURE_INCOME,	/* 本年收入 (决算: income of the year) */
	YS_MEASURE_DISTRIBUTION,	/* 结余分配 */
	YS_NMEASURES
} ys_measure;

/* The lines.csv column (and template key) of each measure. */
extern const char *const ys_measure_names[YS_NMEASURES];
/* Its Chinese name as a lines.csv header (年初预算数 …). */
extern const char *const ys_measure_labels[YS_NMEASURES];

/* One line item (the budget amount; other measures in ys_budget.mvals). */
typedef struct ys_line {
	ys_fen amount;
	ys_code func;		/* 7-digit functional code */
	ys_code eco;		/* 5-digit economic code */
	uint32_t src_line;	/* line in lines.csv, for diagnostics */
	uint16_t project;	/* index into budget.project_names; 0 = none */
	uint8_t fund;		/* index into catalog funds */
	uint8_t type;		/* index into catalog types */
	uint8_t carry;		/* 1 = 上年结转 */
	uint8_t tag;		/* index into budget.tags; 0 = none */
} ys_line;

/* A string → index table (project names, tags). Index 0 is "" (none). */
typedef struct ys_intern {
	const char **names;
	size_t n, cap;
	uint32_t *slots;	/* open addressing, holds index+1 */
	size_t nslots;
} ys_intern;

typedef struct ys_kv {
	const char *key;
	const char *value;
} ys_kv;

typedef struct ys_indicator {
	const char *lv1, *lv2, *lv3, *desc, *value, *basis;
} ys_indicator;

typedef struct ys_project {
	const char *name;
	const char *goal;
	ys_indicator *indicators;
	size_t nindicators;
	long yaml_line;
} ys_project;

typedef struct ys_org {		/* 机构设置: one unit of the department */
	const char *name, *nature, *level, *funding;
} ys_org;

typedef struct ys_procurement {
	const char *project, *item, *catalog_no, *unit, *quantity;
	ys_fen unit_price, amount, sme_reserved;
	const char *fund;	/* fund key */
	const char *category;	/* goods | works | services */
} ys_procurement;

typedef struct ys_asset {	/* one line of 国有资产占用情况 */
	const char *key;	/* total, buildings, offices, vehicles, equipment_200k, other */
	const char *count;	/* NULL when not given */
	ys_fen value;
	int has_value;
} ys_asset;

#define YS_MAX_ASSETS 8

typedef struct ys_previous {
	int present;
	int year;
	ys_fen total, basic, project;
	int has_total, has_basic, has_project;
	ys_fen three_public[4];	/* abroad, vehicle_purchase, vehicle_operation, reception */
	int has_three_public;
} ys_previous;

typedef struct ys_budget {
	ys_arena arena;
	const char *dir;		/* the bundle directory */
	const char *yaml_path, *lines_path;
	const char *template_name;
	int year;
	/* unit facts */
	const char *unit_code, *unit_name, *region, *nature, *level, *funding;
	const char *duties;
	ys_org *orgs;
	size_t norgs;
	ys_previous previous;
	ys_kv *texts;
	size_t ntexts;
	ys_project *projects;
	size_t nprojects;
	ys_procurement *procurement;
	size_t nprocurement;
	ys_asset assets[YS_MAX_ASSETS];
	int nassets;
	const char *assets_as_of;
	ys_fen planned_purchase;
	int has_planned_purchase;
	ys_kv *glossary;
	size_t nglossary;
	/* line items */
	ys_line *lines;
	size_t nlines, cap;
	/* Per measure other than the budget: the value of every line
	 * (parallel to lines), or NULL when lines.csv has no such column. */
	ys_fen *mvals[YS_NMEASURES];
	ys_intern project_names;
	ys_intern tags;
	/* Warnings met while loading (unknown codes …); capped, with the
	 * number left out counted in nwarnings_dropped. */
	ys_diag *warnings;
	size_t nwarnings, nwarnings_dropped;
} ys_budget;

#define YS_MAX_WARNINGS 200

/* Records a warning (copies d). */
void ys_budget_warn(ys_budget *b, const ys_diag *d);

void ys_budget_init(ys_budget *b);
void ys_budget_free(ys_budget *b);

/* Appends a line item (amortised O(1)); its other measures are 0. */
ys_status ys_budget_add_line(ys_budget *b, const ys_line *line);

/* Gives b's lines measure m (> 0), all 0 so far; a no-op when they have it. */
ys_status ys_budget_use_measure(ys_budget *b, int m);

/* Line i's value of measure m. */
/* Grows to cap entries the array v[m] of each measure the budget b carries
 * (b->mvals[m] set), for the measure arrays beside the lines and beside
 * the cube's atoms. On failure the arrays grown so far stay valid. */
ys_status ys_measures_grow(ys_fen *v[YS_NMEASURES], const ys_budget *b, size_t cap);

static inline ys_fen ys_line_value(const ys_budget *b, size_t i, int m)
{
	return m == YS_MEASURE_BUDGET ? b->lines[i].amount : b->mvals[m] ? b->mvals[m][i] : 0;
}

/* Interns s, returning its index (> 0 for a non-empty string). */
ys_status ys_intern_get(ys_intern *t, ys_arena *a, const char *s,
			uint32_t *index);
/* Index of s or 0 when absent. */
uint32_t ys_intern_find(const ys_intern *t, const char *s);
void ys_intern_free(ys_intern *t);

/* Looks a free text up by key; NULL when absent. */
const char *ys_budget_text(const ys_budget *b, const char *key);

#endif
