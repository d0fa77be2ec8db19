/*
 * template.h - a disclosure template (data/templates/<name>.yaml) loaded
 * into structs: the tables with titles and aliases, published header rows
 * (cells with colspan/rowspan), column keys with their filters, row
 * structure (code hierarchy or a fixed item list) and empty-table notes.
 * The same template drives the builder (cube → Disclosure), the renderers
 * (layout) and the parser (recognition by title and header labels).
 *
 * Ownership: everything lives in the template's arena; ys_template_free.
 */
#ifndef YS_TEMPLATE_H
#define YS_TEMPLATE_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/status.h"
#include "../model/budget.h"
#include "../model/catalog.h"

/* Measures (ys_measure, ys_measure_names) are defined with the line items
 * in model/budget.h. */

/* A derived column: computed from two other columns of its table in the
 * builder (exact integers, half away from zero), never by a renderer. */
typedef enum { YS_DERIVE_NONE = 0, YS_DERIVE_DIFF, YS_DERIVE_PCT, YS_DERIVE_SHARE } ys_derive_op;

/* A selection of line items (see the template file's header comment). */
typedef struct ys_filter {
	int none;		/* matches nothing (a row that is always empty) */
	uint32_t funds;		/* bit i = catalog fund i; 0 = any */
	uint32_t types;		/* bit i = catalog type i; 0 = any */
	int carry;		/* -1 any, 0 current year, 1 carried over */
	ys_code *func;		/* code prefixes; NULL/0 = any */
	int nfunc;
	ys_code *eco;
	int neco;
	int eco_class;		/* 0 any, else ys_eco_class */
	const char **tags;	/* "" = untagged; NULL/0 = any */
	int ntags;
	int measure;		/* ys_measure; 0 = the budget amount */
} ys_filter;

typedef struct ys_tcol {
	const char *key;
	const char *label;
	const char *side;	/* two-sided tables: "income" / "expense" */
	ys_filter filter;
	const char **aliases;	/* other header labels a parser accepts */
	size_t naliases;
	ys_derive_op derive;	/* YS_DERIVE_NONE: summed from the filter */
	int derive_a, derive_b;	/* column indexes of `of: [a, b]` */
} ys_tcol;

typedef struct ys_titem {
	const char *side;
	const char *item;
	const char *name;
	const char *label;
	const char *group;
	const char *code;
	int line;
	int indent;
	int total;
	int heading;	/* printed without values; its amounts stand below it */
	ys_filter filter;
	/* `sum_of: [items]`: the row is the sum of these rows of its side
	 * (indexes into the table's items), built like a derived column and
	 * checked by recomputing; a row spanning several measures (决算 总计 =
	 * 本年收入合计 + 年初结转和结余) is one. */
	int *sum_of;
	int nsum_of;
} ys_titem;

typedef struct ys_hcell {
	const char *text;
	int colspan, rowspan;
} ys_hcell;

typedef struct ys_hrow {
	ys_hcell *cells;
	size_t ncells;
} ys_hrow;

typedef enum {
	YS_ROWS_FUNC,		/* functional codes to `depth` (类 1, 款 2, 项 3) */
	YS_ROWS_ECO,		/* economic codes to `depth` (类 1, 款 2) */
	YS_ROWS_ITEMS,		/* a fixed item list */
	YS_ROWS_PROJECTS,	/* one row per project with money, bundle order */
	YS_ROWS_UNITS,		/* one row per unit (name and code) */
} ys_rows_by;

typedef struct ys_ttable {
	const char *id;
	const char *title;
	const char **aliases;
	size_t naliases;
	ys_rows_by rows_by;
	int two_sided;
	const char *total_row;	/* name of the total row of code tables */
	ys_filter filter;
	ys_tcol *cols;		/* two-sided: income columns, then expense */
	size_t ncols;
	ys_titem *items;
	size_t nitems;
	ys_hrow *header;
	size_t nheader;
	int numbering;		/* print a 栏次 row */
	const char *empty_note;
	int depth;		/* code rows: deepest level shown (1 类 … 3 项) */
	int seq;		/* print a 序号 column (default yes) */
	const char *number;	/* table number as printed (表1, 公开表1-1), or NULL */
	long line;		/* where the table starts in the template file */
} ys_ttable;

/* One cell of an identity: a table (index), the row (an item key, a code,
 * or the total row's name; NULL: every row of the table in turn), the
 * column (index) and, for two-sided tables, the side. */
typedef struct ys_cellref {
	int table;
	const char *side;
	const char *row;
	int col;
} ys_cellref;

/* `identities:` Σ plus − Σ minus = equals, between cells the template
 * names (决算: 年初结转和结余 + 本年收入 − 本年支出 − 结余分配 = 年末结转和
 * 结余). Checked by YS-T011; cells with no row are taken row by row. */
typedef struct ys_identity {
	const char *name;
	ys_cellref *plus, *minus;
	size_t nplus, nminus;
	ys_cellref equals;
	long line;
} ys_identity;

typedef struct ys_template {
	ys_arena arena;
	const char *id;
	const char *name;
	const char *path;
	const char *money_unit;
	int decimals;
	int64_t fen_per_display;	/* fen in one display unit step */
	const char **header_lines;
	size_t nheader_lines;
	ys_ttable *tables;
	size_t ntables;
	struct ys_tfigures *figures;	/* narrative figures (figures.h), or NULL */
	int format;		/* 1 (no `format:` key) or 2 */
	const char *kind;	/* "budget" (预算) or "final" (决算) */
	/* One note for all empty tables, "{tables}" standing for their
	 * titles joined with 、; NULL when each table has its own note. */
	const char *empty_tables_note;
	const char **total_words;	/* 合计, 总计, 小计 …: recognition hints */
	size_t ntotal_words;
	const char *file;	/* the file asked for (path holds the narrative) */
	/* `universe:`: the fund sources and expenditure types the template's
	 * tables cover (its totals are their sums); unset = the catalog's. */
	ys_filter universe;
	int has_universe;
	ys_identity *identities;
	size_t nidentities;
} ys_template;

/* Loads data/templates/<name>.yaml from datadir (or `name` itself when it
 * is a path ending in .yaml). Fund and type keys in filters are resolved
 * against cat. Every key is checked against the format's table of allowed
 * keys: an unknown key, a wrong type, an invalid value, a missing key or a
 * dangling reference fails naming the file and line. `extends: other`
 * starts from another template; path then names the file holding the
 * narrative part (sections, phrases, words, glossary), file the one asked
 * for. */
ys_status ys_template_load(ys_template *t, const char *datadir,
			   const char *name, const ys_catalog *cat, ys_diag *d);
void ys_template_free(ys_template *t);

const ys_ttable *ys_template_table(const ys_template *t, const char *id);

/* Reads a filter mapping of t's file (as in tables) into f, arrays in t's arena. */
struct ys_yaml;
struct yaml_node_s;
ys_status ys_template_parse_filter(ys_template *t, struct ys_yaml *y, struct yaml_node_s *n,
				   const ys_catalog *cat, ys_filter *f, ys_diag *d);

#endif
