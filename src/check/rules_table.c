/*
 * rules_table.c - rules within one table that no cell query implies: the
 * same code listed twice (YS-T008). The sums and equalities inside a table
 * (YS-T001…T007, T009) are derived from the template in rules_derived.c.
 */
#include "check_int.h"

#include <string.h>

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

void ysck_rules_table(ys_ck *c)
{
	for (size_t i = 0; i < c->ds->ntables; i++) {
		const ys_dtable *t = &c->ds->tables[i];

		if (!t->id)
			continue;
		duplicates(c, t);
	}
}
