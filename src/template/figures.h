/*
 * figures.h - the template's named narrative figures (`figures:`): each a
 * query over budget facts (a ys_filter, optionally only for units of some
 * natures), a table cell, a bundle fact (procurement, assets, previous
 * year), or a sum/difference of other figures; a name ending in "*" is a
 * family whose suffix fills one dimension ({func_201}, {eco_30215},
 * {fund_gpb}). Each figure may list the phrases that state it in a
 * published text, which `check` uses to compare the text with the tables.
 *
 * Ownership: loaded into the template's arena by ys_template_load; freed
 * with it.
 */
#ifndef YS_FIGURES_H
#define YS_FIGURES_H

#include "../base/yaml.h"
#include "../cube/cube.h"
#include "../model/budget.h"
#include "../model/disclosure.h"
#include "template.h"

typedef enum {
	YS_FIG_QUERY,	/* sum of the cube atoms matching filter */
	YS_FIG_CELL,	/* a table cell (first of cells) */
	YS_FIG_SUM,	/* plus[0] - plus[1..] when diff, else sum of plus */
	YS_FIG_BUNDLE	/* a fact of the bundle: bundle key */
} ys_fig_kind;

typedef enum { YS_FAM_NONE, YS_FAM_FUNC, YS_FAM_ECO, YS_FAM_FUND, YS_FAM_TYPE } ys_fig_family;

/* A table cell: row is the item key, the code, or the row name (the total
 * row by its name, e.g. 合计); side for two-sided tables. */
typedef struct ys_fcell {
	const char *table, *side, *row, *col;
} ys_fcell;

typedef struct ys_tfigure {
	const char *name;	/* a family: the prefix before "*" */
	ys_fig_family family;
	ys_fig_kind kind;
	ys_filter filter;
	const char **natures;	/* query: only units of these natures, else 0 */
	size_t nnatures;
	ys_fcell *cells;	/* cell figures; for others the cells check compares */
	size_t ncells;
	ys_fcell *only_if_equal;	/* check: compare only when these two cells agree */
	const char **parts;	/* sum / diff */
	size_t nparts;
	int diff;
	const char *bundle;
	const char **phrases;	/* words that state it: "收入总计{}" */
	size_t nphrases;
	const char **not_after;	/* words that, just before a phrase, make it another figure */
	size_t nnot_after;
	const char **row_labels;	/* rows of a text's comparison table that state it */
	size_t nrow_labels;
	int share;		/* 1: a part whose 占…% check compares; 2: the default whole */
	long line;
} ys_tfigure;

/* A narrative section as the parser recognises it: a numbered heading
 * ("一、…") containing one of the match words is this section (the longest
 * word found wins). */
typedef struct ys_tsection {
	const char *id;
	const char *title;	/* as in the template, placeholders unexpanded */
	const char **match;
	size_t nmatch;
	int required;		/* check: a published document must have it */
	/* check: what its text must mention, one entry per topic, each a list
	 * of alternative words ({prev_year} expanded); label names the topic */
	struct ys_tmention {
		const char *label;
		const char **words;
		size_t nwords;
	} *mentions;
	size_t nmentions;
} ys_tsection;

struct ys_tfigures {
	ys_tfigure *v;
	size_t n;
	ys_tsection *sections;
	size_t nsections;
	const char *up, *down, *same;	/* the template's `words:` for a change's sign */
};

/* Reads the `figures:` list of the template's root mapping (none: no
 * figures), its `words:` and its sections' ids, titles and `match:` words
 * into t->figures (always set on success). Errors name the template
 * file, line and key. */
ys_status ys_figures_load(ys_template *t, ys_yaml *y, ys_ynode *root,
			  const ys_catalog *cat, ys_diag *d);

/* What a figure is evaluated from. b and cube may be NULL (a published
 * document): query and bundle figures are then unknown and cells are used. */
typedef struct ys_fig_env {
	const ys_template *t;
	const ys_budget *b;
	const ys_catalog *cat;
	const ys_cube *cube;
	const ys_disclosure *ds;
} ys_fig_env;

/* The figure `name` in display units (10^-decimals of the money unit), with
 * the tables' rounding (each atom rounded once). *known is 0 when the
 * figure cannot be known (no previous year; no table). Returns YS_ENOTFOUND
 * when the template has no such figure or family, YS_ERANGE on overflow,
 * YS_EINPUT for a family suffix that names nothing. */
ys_status ys_figure_eval(const ys_fig_env *e, const char *name, int64_t *v,
			 int *known, ys_diag *d);

/* The value of a cell, or 0 when the table, row or column is missing. */
/* 1 when `name` is a difference of figures (a change, worded 增加/减少). */
int ys_figure_is_change(const ys_template *t, const char *name);

int ys_figure_cell(const ys_disclosure *ds, const ys_fcell *fc, int64_t *v);

#endif
