/*
 * disclosure.h - the Disclosure: the published-document model. Tables with
 * labelled columns and rows, sections of text, performance-target tables,
 * in display units (万元 with 2 decimals in the hebei template). The
 * builder (template/build.c) and the parsers produce it; the checker and
 * every renderer read it. Its interchange form is yusuan/disclosure@1 JSON
 * (DESIGN.md).
 *
 * Amounts are int64 counts of 10^-decimals of money_unit: 55218 with
 * decimals 2 is "552.18". A cell without a value has has[i] == 0.
 *
 * Ownership: everything hangs off the disclosure's arena; ys_disclosure_free
 * releases it all.
 */
#ifndef YS_DISCLOSURE_H
#define YS_DISCLOSURE_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/status.h"
#include "budget.h"

struct ys_buf;

typedef struct ys_dcol {
	const char *key;
	const char *label;
	const char *side;	/* "income"/"expense" in two-sided tables, else NULL */
} ys_dcol;

typedef struct ys_drow {
	const char *code;	/* classification code, or NULL */
	const char *name;	/* label without ordinal prefix or 其中： */
	const char *label;	/* as printed ("一、一般公共预算拨款收入"), may be NULL */
	const char *side;	/* two-sided tables */
	const char *item;	/* template item key of fixed rows */
	const char *group;	/* heading a sub-item belongs to */
	int line;		/* printed line number in two-sided tables */
	int indent;		/* 0, 1 (其中), 2 */
	int total;		/* a total row (合计, 本年收入合计 …) */
	int heading;		/* a heading row, published without values */
	int64_t *values;	/* one per table column */
	uint8_t *has;
	const char **notes;	/* per cell text (parsed "单位不需填列"), or NULL */
	long src_line;		/* where a parser found it, 0 when built */
	int page;		/* PDF page it was printed on, 0 unknown */
} ys_drow;

typedef struct ys_dtable {
	const char *id;		/* "T1" … "T9"; NULL for an unrecognised table */
	const char *title;
	const char *number;	/* table number as printed ("表1", "公开表1-1"), or NULL */
	const char *note;	/* empty-table note, without "注：" */
	ys_dcol *cols;
	size_t ncols;
	ys_drow *rows;
	size_t nrows;
	int two_sided;
	int no_seq;		/* published without a 序号 column */
	int no_numbering;	/* published without a 栏次 row */
	/* What a parser found in the table's own header lines, NULL if none. */
	const char *unit_name;
	int year;
	const char *money_unit;
	/* An unrecognised table keeps its cells as text. */
	const char ***cells;
	size_t ncell_rows, ncell_cols;
	long src_line;
	int page;		/* PDF page it starts on, 0 unknown */
} ys_dtable;

typedef struct ys_dsection {
	const char *id;		/* duties, overview, operating_cost, … */
	const char *title;
	const char *text;
} ys_dsection;

typedef struct ys_dperf {
	const char *scope;	/* "department" or "project" */
	const char *name;
	const char *goal;
	ys_indicator *indicators;
	size_t nindicators;
	int64_t budget;		/* project budget in display units, if known */
	int has_budget;
} ys_dperf;

typedef struct ys_disclosure {
	ys_arena arena;
	const char *kind;	/* "budget" */
	int year;
	const char *unit_code, *unit_name;
	const char *money_unit;	/* "万元" or "元" */
	int decimals;
	const char *template_name;
	const char *source;	/* the file it was built or parsed from */
	ys_dtable *tables;
	size_t ntables;
	ys_dsection *sections;
	size_t nsections;
	ys_dperf *perf;
	size_t nperf;
	/* One note for all empty tables (templates with empty_tables_note),
	 * printed after the tables, without "注："; NULL otherwise. */
	const char *empty_tables_note;
	int template_chosen;	/* parse scored the templates and chose template_name */
	int template_score;	/* its score: titles and header labels found */
	/* The encoding parse read a text document in when it was not UTF-8
	 * ("GB18030", a static string; NULL otherwise): the CLI warns, naming
	 * it, since a wrong guess would put mojibake into every name. */
	const char *source_encoding;
	/* In: set by the caller before parsing to accept a document in which
	 * no table of the template is recognised but which holds text (a
	 * chapter of narrative, an auxiliary table): check reads what it
	 * holds. Out: partial says the parse took that path. */
	int accept_partial;
	int partial;
} ys_disclosure;

void ys_disclosure_init(ys_disclosure *ds);
void ys_disclosure_free(ys_disclosure *ds);

const ys_dtable *ys_disclosure_table(const ys_disclosure *ds, const char *id);
const ys_dsection *ys_disclosure_section(const ys_disclosure *ds, const char *id);
/* Index of the column with key (and side, when not NULL), or -1. */
int ys_dtable_col(const ys_dtable *t, const char *key, const char *side);
/* Does the row belong to a column (same side, or no sides)? */
int ys_drow_has_col(const ys_dtable *t, const ys_drow *r, size_t col);
/* The number of indicator rows from i on that share 一级指标 (and 二级指标
 * when lv2): the rows a merged cell spans in a 绩效目标表. */
size_t ys_dperf_run(const ys_dperf *p, size_t i, int lv2);
/* The heading a renderer prints above t: its number and title
 * ("表1 部门收支总表"), the title alone, or a placeholder for an
 * unrecognised table without one. */
void ys_dtable_heading(const ys_dtable *t, struct ys_buf *out);
/* Counts the cells with a value, over all tables. */
size_t ys_disclosure_count_values(const ys_disclosure *ds);

#endif
