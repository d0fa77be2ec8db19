/*
 * svg.h - small charts as inline SVG for the HTML renderer: horizontal
 * bars, a share ring (parts of a whole) and paired bars (last year / this
 * year). Amounts arrive as int64 display units; shares are worked out in
 * integers (per mille) and only then turned into drawing coordinates, so
 * no amount passes through floating point. Every chart carries role="img",
 * <title> and <desc> (its numbers as text) for readers that cannot see it;
 * every label is XML-escaped.
 */
#ifndef YS_SVG_H
#define YS_SVG_H

#include <stdint.h>

#include "../base/buf.h"

typedef struct ys_svg_item {
	const char *label;
	int64_t value;		/* display units (10^-decimals of the unit) */
	int64_t value2;		/* paired bars: this year (value is last year) */
} ys_svg_item;

typedef struct ys_svg_chart {
	const char *id;		/* element id, for aria-labelledby */
	const char *title;
	const char *unit;	/* "万元" */
	int decimals;
	const ys_svg_item *items;
	size_t nitems;
	const char *series[2];	/* paired bars: legend of value and value2 */
} ys_svg_chart;

/* Horizontal bars, one per item, longest first as given. */
void ys_svg_bars(ys_buf *out, const ys_svg_chart *c);
/* A ring of the items' shares of their sum, with a legend. */
void ys_svg_ring(ys_buf *out, const ys_svg_chart *c);
/* Two bars per item: value (series[0]) and value2 (series[1]). */
void ys_svg_pairs(ys_buf *out, const ys_svg_chart *c);

/* Share of part in whole in per mille, rounded half away from zero; 0 when
 * whole is not positive. Exact for any int64 amounts. */
int64_t ys_svg_permille(int64_t part, int64_t whole);

#endif
