/*
 * check.h - the rule engine of `yusuan check`: a fixed table of rules, each
 * with a stable id (YS-T… within a table, YS-X… across tables, YS-C…
 * catalog, YS-P… completeness and layout, YS-N… narrative, YS-H… hygiene,
 * YS-B… bundle data), a severity and a one-line description; and the
 * findings they produce on one disclosure. Any source of a disclosure (a
 * bundle, its JSON, later a parsed published document) is checked by the
 * same entry point, ys_check_disclosure.
 *
 * Amounts in findings are counts of 10^-decimals of the document's display
 * unit, like the disclosure's cells.
 *
 * Ownership: ys_findings owns its array and an arena for the strings of its
 * findings; ys_findings_free releases both. The disclosure, catalog and
 * template passed in are only read.
 */
#ifndef YS_CHECK_H
#define YS_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/status.h"
#include "../model/budget.h"
#include "../model/catalog.h"
#include "../model/disclosure.h"
#include "../template/template.h"

typedef enum { YS_SEV_INFO = 0, YS_SEV_WARNING, YS_SEV_ERROR } ys_severity;

typedef struct ys_rule {
	const char *id;		/* "YS-T001" */
	ys_severity severity;	/* the usual severity; a finding may grade it */
	const char *title;	/* one line, Chinese */
	const char *desc;	/* what is compared, when it applies */
} ys_rule;

typedef struct ys_finding {
	const char *rule;
	ys_severity severity;
	const char *file;
	long line;		/* bundle findings: line in the file, else 0 */
	int page;		/* findings on a PDF: the page, else 0 */
	const char *table;	/* "T3", or NULL */
	const char *row;	/* row code or name, or NULL */
	const char *col;	/* column key, or NULL */
	const char *section;	/* section id, or NULL */
	const char *msg;
	int has_amounts;	/* expected/actual/gap are meaningful */
	int64_t expected, actual, gap;	/* gap = actual - expected */
	int decimals;
} ys_finding;

typedef struct ys_findings {
	ys_finding *v;
	size_t n, cap;
	size_t nerrors, nwarnings, ninfos;
	ys_arena arena;
	int oom;		/* an allocation failed; some findings are missing */
} ys_findings;

typedef struct ys_check_opts {
	const char *const *disabled;	/* rule ids not to run or report */
	size_t ndisabled;
	/* Gaps up to this many hundredths of the display unit are graded as
	 * warnings (hand-rounded documents); larger ones are errors. 0: exact. */
	int64_t tolerance;
} ys_check_opts;

/* The rule table, in id order. */
const ys_rule *ys_rule_at(size_t i);
const ys_rule *ys_rule_find(const char *id);

void ys_findings_init(ys_findings *f);
void ys_findings_free(ys_findings *f);

/* Adds a finding (copies the strings); the engine and callers that turn
 * their own diagnostics into findings use it. Skips disabled rules. */
void ys_findings_add(ys_findings *f, const ys_check_opts *o,
		     const ys_finding *x);

/*
 * Runs every enabled rule on ds. cat (the catalog of ds->year) and tpl (the
 * document's template) may be NULL; the rules that need them then report
 * that they were skipped (YS-C000, info). file names ds in findings.
 */
ys_status ys_check_disclosure(const ys_disclosure *ds, const ys_catalog *cat,
			      const ys_template *tpl, const char *file,
			      const ys_check_opts *o, ys_findings *out);

/* Turns the warnings met while loading a bundle into YS-B001 findings. */
void ys_check_budget_warnings(const ys_budget *b, const ys_check_opts *o,
			      ys_findings *out);

const char *ys_severity_name(ys_severity s);	/* "error" … */
const char *ys_severity_zh(ys_severity s);	/* "错误" … */

#endif
