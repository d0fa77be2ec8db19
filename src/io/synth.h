/*
 * synth.h - synthetic county budget bundles (`yusuan synth`): N units of
 * the kinds in data/synth/kinds.csv, each with personnel and public basic
 * expenditure, projects with performance targets, 三公 items, several fund
 * sources for 事业 units, and last year's figures. Deterministic: the same
 * N and seed give the same files byte for byte. Every bundle is meant to
 * check clean (tests/e2e/93-synth.sh checks that).
 */
#ifndef YS_SYNTH_H
#define YS_SYNTH_H

#include <stdint.h>

#include "../base/status.h"

#define YS_SYNTH_MAX_UNITS 100000

/* Writes outdir/<code>-<name>/{budget.yaml,lines.csv} for n units. */
ys_status ys_synth(const char *datadir, int n, uint64_t seed, const char *outdir, ys_diag *d);

#endif
