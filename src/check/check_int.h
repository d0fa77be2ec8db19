/*
 * check_int.h - what the rule files of src/check share: the context of one
 * check run and the helpers that record findings and read cells. Not part
 * of the public API (check.h is).
 */
#ifndef YS_CHECK_INT_H
#define YS_CHECK_INT_H

#include "check.h"

typedef struct ys_ck {
	const ys_disclosure *ds;
	const ys_catalog *cat;	/* may be NULL */
	const ys_template *tpl;	/* may be NULL */
	const char *file;
	const ys_check_opts *o;
	ys_findings *out;
} ys_ck;

/* Records a finding of `rule` at its usual severity. */
void ysck_emit(ys_ck *c, const char *rule, const ys_dtable *t,
	       const ys_drow *r, const char *col, const char *section,
	       const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Same with an explicit severity. */
void ysck_emit_sev(ys_ck *c, const char *rule, ys_severity sev,
		   const ys_dtable *t, const ys_drow *r, const char *col,
		   const char *section, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));
/*
 * Compares an amount with what it should be. Equal: nothing. A gap within
 * the tolerance: a warning; larger: the rule's severity. The message is
 * `what` followed by the expected and actual amounts and the gap.
 */
void ysck_compare(ys_ck *c, const char *rule, const ys_dtable *t,
		  const ys_drow *r, const char *col, int64_t expected,
		  int64_t actual, const char *what);
int ysck_enabled(const ys_ck *c, const char *rule);

/* Cell value (0 when empty) and presence; col < 0 reads as empty. */
int64_t ysck_val(const ys_drow *r, int col);
int ysck_has(const ys_drow *r, int col);
/* A row of a two-sided or item table by item key (else by name), or NULL. */
const ys_drow *ysck_item(const ys_dtable *t, const char *side,
			 const char *item, const char *name);
/* The row of a code table with this code, or NULL. */
const ys_drow *ysck_code_row(const ys_dtable *t, const char *code);
/* The 合计 row of a code table (a total row without a code), or NULL. */
const ys_drow *ysck_total_row(const ys_dtable *t);
/* Is this a table whose rows are classification codes (T2, T3, T5–T8)? */
int ysck_is_code_table(const ys_dtable *t);

void ysck_rules_table(ys_ck *c);
void ysck_rules_derived(ys_ck *c);
void ysck_rules_catalog(ys_ck *c);
void ysck_rules_text(ys_ck *c);

#endif
