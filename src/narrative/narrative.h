/*
 * narrative.h - the generated narrative (情况说明): the sections of a
 * disclosure (部门职责, 总体情况, 机关运行经费, 三公, 绩效, 政府采购, 国有资产,
 * 名词解释, 其他) written from the template's wording with every figure
 * computed from the budget. The template file's `sections:` list gives the
 * order, headings and text with placeholders ({income_total:wan0},
 * {phrase:total_change}, {text:change_reason} …); `phrases:` holds wording
 * that depends on a figure's sign; `glossary:` the standard 名词解释, which a
 * bundle's own glossary entries replace or extend.
 *
 * Figures are the template's (`figures:`, src/template/figures.h) and use
 * the builder's rounding rule: each cube atom is converted to display units
 * once and figures are sums of those, so the text agrees with the tables
 * to the cent of the display unit.
 *
 * Sits above template/ and below render/. The first section has id
 * "intro" (the heading of the 情况说明 and its opening paragraph); the
 * numbered sections follow it in template order.
 */
#ifndef YS_NARRATIVE_H
#define YS_NARRATIVE_H

#include "../cube/cube.h"
#include "../model/budget.h"
#include "../model/catalog.h"
#include "../model/disclosure.h"
#include "../template/template.h"

/* Fills ds->sections (allocated in ds's arena) from the template at t->path.
 * A template without `sections:` leaves ds->sections empty. Unknown
 * placeholders are YS_EINPUT naming the template file and line. */
ys_status ys_narrative_build(ys_disclosure *ds, const ys_template *t,
			     const ys_budget *b, const ys_catalog *cat,
			     const ys_cube *cube, ys_diag *d);

#endif
