/*
 * svg.c - the inline SVG charts of the HTML disclosure (see svg.h). Plain
 * geometry written as text: no library, no script, no external reference.
 * Doubles appear only as drawing coordinates derived from integer shares.
 */
#include "svg.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../base/money.h"

#define W 680		/* view box width */
#define LABEL_W 250	/* left column for labels */
#define BAR_W 300	/* the longest bar */
#define ROW_H 30

static const char *palette[] = {"#9e2a2b", "#2f4b7c", "#c28f2c", "#5b7f95",
				"#7a5c8e", "#4d7c57", "#a05a2c", "#6b6b6b"};
#define NCOLORS (sizeof palette / sizeof *palette)

int64_t ys_svg_permille(int64_t part, int64_t whole)
{
	if (whole <= 0 || part <= 0)
		return 0;
	/* Scale both down until part × 1000 fits; the ratio is unchanged
	 * to far better than a per mille. */
	while (part > INT64_MAX / 1000) {
		part /= 10;
		whole /= 10;
	}
	if (whole <= 0)
		return 0;
	return ys_div_round(part * 1000, whole);
}

static void put_amount(ys_buf *out, int64_t v, int decimals)
{
	char m[YS_MONEY_FMT_MAX];

	ys_buf_puts(out, ys_money_format(v, decimals, 1, m));
}

static void put_permille(ys_buf *out, int64_t pm)
{
	ys_buf_printf(out, "%lld.%lld%%", (long long)(pm / 10), (long long)(pm % 10));
}

static void open_svg(ys_buf *out, const ys_svg_chart *c, int height)
{
	ys_buf_printf(out, "<svg class=\"chart\" "
		      "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
		      "aria-labelledby=\"", W, height, W, height);
	ys_buf_put_xml(out, c->id);
	ys_buf_puts(out, "-t ");
	ys_buf_put_xml(out, c->id);
	ys_buf_puts(out, "-d\"><title id=\"");
	ys_buf_put_xml(out, c->id);
	ys_buf_puts(out, "-t\">");
	ys_buf_put_xml(out, c->title);
	ys_buf_puts(out, "</title><desc id=\"");
	ys_buf_put_xml(out, c->id);
	ys_buf_puts(out, "-d\">");
}

/* The <desc>: every item with its amount (and share), as a sentence. */
static void put_desc(ys_buf *out, const ys_svg_chart *c, int64_t total, int pairs)
{
	ys_buf_put_xml(out, c->title);
	ys_buf_puts(out, "（单位：");
	ys_buf_put_xml(out, c->unit);
	ys_buf_puts(out, "）：");
	for (size_t i = 0; i < c->nitems; i++) {
		const ys_svg_item *it = &c->items[i];

		if (i)
			ys_buf_puts(out, "；");
		ys_buf_put_xml(out, it->label);
		ys_buf_puts(out, " ");
		if (pairs) {
			ys_buf_put_xml(out, c->series[0]);
			ys_buf_puts(out, " ");
			put_amount(out, it->value, c->decimals);
			ys_buf_puts(out, "，");
			ys_buf_put_xml(out, c->series[1]);
			ys_buf_puts(out, " ");
			put_amount(out, it->value2, c->decimals);
		} else {
			put_amount(out, it->value, c->decimals);
			ys_buf_puts(out, "，占");
			put_permille(out, ys_svg_permille(it->value, total));
		}
	}
	ys_buf_puts(out, "。</desc>\n");
}

static int64_t sum_items(const ys_svg_chart *c)
{
	int64_t total = 0;

	for (size_t i = 0; i < c->nitems; i++)
		if (c->items[i].value > 0 && !ys_add_ok(total, c->items[i].value, &total))
			return INT64_MAX;
	return total;
}

/* Bar length in view-box units for v against the largest value. */
static double bar_len(int64_t v, int64_t max)
{
	return (double)ys_svg_permille(v, max) * BAR_W / 1000.0;
}

static void put_label(ys_buf *out, double x, double y, const char *anchor,
		      const char *cls, const char *text)
{
	ys_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\">",
		      x, y, anchor, cls);
	ys_buf_put_xml(out, text);
	ys_buf_puts(out, "</text>");
}

void ys_svg_bars(ys_buf *out, const ys_svg_chart *c)
{
	int64_t total = sum_items(c), max = 0;
	int height = (int)c->nitems * ROW_H + 16;

	for (size_t i = 0; i < c->nitems; i++)
		if (c->items[i].value > max)
			max = c->items[i].value;
	open_svg(out, c, height);
	put_desc(out, c, total, 0);
	for (size_t i = 0; i < c->nitems; i++) {
		const ys_svg_item *it = &c->items[i];
		double y = 8 + (double)i * ROW_H;
		double len = bar_len(it->value, max);

		put_label(out, LABEL_W - 10, y + 19, "end", "lbl", it->label);
		ys_buf_printf(out, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>",
			      LABEL_W, y + 5, len < 1 && it->value > 0 ? 1.0 : len,
			      palette[0]);
		ys_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"val\">", LABEL_W + len + 8, y + 19);
		put_amount(out, it->value, c->decimals);
		ys_buf_puts(out, "（");
		put_permille(out, ys_svg_permille(it->value, total));
		ys_buf_puts(out, "）</text>\n");
	}
	ys_buf_puts(out, "</svg>\n");
}

void ys_svg_ring(ys_buf *out, const ys_svg_chart *c)
{
	const double cx = 120, cy = 110, r = 78, pi = 3.14159265358979323846;
	int64_t total = sum_items(c), acc = 0;
	int height = 230;

	if ((int)c->nitems * 30 + 40 > height)
		height = (int)c->nitems * 30 + 40;
	open_svg(out, c, height);
	put_desc(out, c, total, 0);
	ys_buf_printf(out, "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"%.0f\" fill=\"none\" "
		      "stroke=\"#e6e1d8\" stroke-width=\"34\"/>\n", cx, cy, r);
	for (size_t i = 0; i < c->nitems && total > 0; i++) {
		int64_t pm0 = ys_svg_permille(acc, total), pm1;
		double a0, a1;

		if (c->items[i].value > 0)
			ys_add_ok(acc, c->items[i].value, &acc);
		pm1 = ys_svg_permille(acc, total);
		if (pm1 <= pm0)
			continue;
		if (pm1 - pm0 >= 1000) {
			ys_buf_printf(out, "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"%.0f\" fill=\"none\" "
				      "stroke=\"%s\" stroke-width=\"34\"/>\n", cx, cy, r,
				      palette[i % NCOLORS]);
			continue;
		}
		a0 = 2 * pi * (double)pm0 / 1000.0 - pi / 2;
		a1 = 2 * pi * (double)pm1 / 1000.0 - pi / 2;
		ys_buf_printf(out, "<path d=\"M %.2f %.2f A %.0f %.0f 0 %d 1 %.2f %.2f\" fill=\"none\" "
			      "stroke=\"%s\" stroke-width=\"34\"/>\n",
			      cx + r * cos(a0), cy + r * sin(a0), r, r, pm1 - pm0 > 500,
			      cx + r * cos(a1), cy + r * sin(a1), palette[i % NCOLORS]);
	}
	ys_buf_printf(out, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" class=\"lbl\">合计</text>",
		      cx, cy - 4);
	ys_buf_printf(out, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" class=\"val\">", cx, cy + 16);
	put_amount(out, total, c->decimals);
	ys_buf_puts(out, "</text>\n");
	for (size_t i = 0; i < c->nitems; i++) {
		double y = 40 + (double)i * 30;

		ys_buf_printf(out, "<rect x=\"260\" y=\"%.0f\" width=\"14\" height=\"14\" fill=\"%s\"/>",
			      y - 12, palette[i % NCOLORS]);
		put_label(out, 284, y, "start", "lbl", c->items[i].label);
		ys_buf_printf(out, "<text x=\"%d\" y=\"%.0f\" text-anchor=\"end\" class=\"val\">", W - 10, y);
		put_amount(out, c->items[i].value, c->decimals);
		ys_buf_puts(out, " ");
		ys_buf_put_xml(out, c->unit);
		ys_buf_puts(out, "　");
		put_permille(out, ys_svg_permille(c->items[i].value, total));
		ys_buf_puts(out, "</text>\n");
	}
	ys_buf_puts(out, "</svg>\n");
}

void ys_svg_pairs(ys_buf *out, const ys_svg_chart *c)
{
	int64_t max = 0;
	int height = (int)c->nitems * 54 + 44;

	for (size_t i = 0; i < c->nitems; i++) {
		if (c->items[i].value > max)
			max = c->items[i].value;
		if (c->items[i].value2 > max)
			max = c->items[i].value2;
	}
	open_svg(out, c, height);
	put_desc(out, c, 0, 1);
	for (int s = 0; s < 2; s++) {
		ys_buf_printf(out, "<rect x=\"%d\" y=\"8\" width=\"14\" height=\"14\" fill=\"%s\"/>",
			      LABEL_W + s * 150, s ? palette[0] : "#a8a29a");
		put_label(out, LABEL_W + s * 150 + 20, 20, "start", "lbl", c->series[s]);
	}
	ys_buf_putc(out, '\n');
	for (size_t i = 0; i < c->nitems; i++) {
		const ys_svg_item *it = &c->items[i];
		double y = 36 + (double)i * 54;

		put_label(out, LABEL_W - 10, y + 27, "end", "lbl", it->label);
		for (int s = 0; s < 2; s++) {
			int64_t v = s ? it->value2 : it->value;
			double len = bar_len(v, max), by = y + 4 + s * 22;

			ys_buf_printf(out, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>",
				      LABEL_W, by, len < 1 && v > 0 ? 1.0 : len,
				      s ? palette[0] : "#a8a29a");
			ys_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"val\">",
				      LABEL_W + len + 8, by + 14);
			put_amount(out, v, c->decimals);
			ys_buf_puts(out, "</text>");
		}
		ys_buf_putc(out, '\n');
	}
	ys_buf_puts(out, "</svg>\n");
}
