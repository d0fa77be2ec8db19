/*
 * html.c - the disclosure as one self-contained HTML file: inline CSS, no
 * script, no network, no external reference of any kind, so it can be
 * mailed, archived or opened offline. Layout follows the published
 * document: cover and contents, a chart overview (inline SVG, svg.c), the
 * nine tables with their merged multi-row headers and 栏次 row, then the
 * 情况说明 with the 绩效目标表 under 预算绩效信息. An A4 print stylesheet
 * starts every table on a new page. Every text is escaped.
 *
 * Section texts use one convention of the narrative: consecutive lines
 * starting with "|" are a table whose first line is its header.
 */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/money.h"
#include "../base/text.h"
#include "../template/layout.h"
#include "svg.h"

static const char *numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八",
				 "九", "十", "十一", "十二", "十三", "十四", "十五",
				 "十六", "十七", "十八", "十九", "二十"};
#define NNUM (sizeof numerals / sizeof *numerals)

static const char css[] =
	":root{--ink:#1d1d1f;--red:#9e2a2b;--rule:#444;--soft:#f6f3ee;--grid:#8c8c8c}\n"
	"*{box-sizing:border-box}\n"
	"html{background:#e9e6e0}\n"
	"body{margin:0;color:var(--ink);font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\","
	"\"Songti SC\",\"SimSun\",\"STSong\",serif;font-size:15px;line-height:1.8;"
	"-webkit-font-smoothing:antialiased}\n"
	".page{max-width:210mm;margin:24px auto;background:#fff;padding:22mm 20mm;"
	"box-shadow:0 1px 6px rgba(0,0,0,.18)}\n"
	"h1,h2,h3,h4,.toc,.hdr,th,.chart text,.cap{font-family:\"Noto Sans CJK SC\","
	"\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif}\n"
	".cover{text-align:center;border-bottom:3px double var(--red);padding:28mm 0 14mm;margin-bottom:10mm}\n"
	".cover .unit{font-size:17px;letter-spacing:.3em;color:#555}\n"
	".cover h1{font-size:32px;font-weight:700;letter-spacing:.12em;margin:10mm 0 6mm;color:var(--red)}\n"
	".cover .year{font-size:15px;color:#555}\n"
	"h2{font-size:20px;text-align:center;margin:0 0 6mm;letter-spacing:.05em}\n"
	"h2.part{font-size:21px;color:var(--red);letter-spacing:.06em;border-bottom:1px solid var(--red);"
	"padding-bottom:3mm;margin-top:12mm}\n"
	"h3{font-size:17px;margin:8mm 0 3mm;color:#222}\n"
	"h4{font-size:15px;margin:6mm 0 2mm;text-align:center}\n"
	"p{margin:0 0 2mm;text-indent:2em;text-align:justify}\n"
	"p.sub{text-indent:0;font-weight:700}\n"
	".toc{font-size:15px}\n"
	".toc ol{list-style:none;padding-left:0;margin:0 0 3mm}\n"
	".toc ol ol{padding-left:2em}\n"
	".toc li{margin:1mm 0}\n"
	".toc a{color:var(--ink);text-decoration:none;border-bottom:1px dotted #999}\n"
	".toc .h{font-weight:700;color:var(--red)}\n"
	"section.tbl{margin-top:12mm}\n"
	".hdr{display:flex;justify-content:space-between;font-size:13px;margin:0 0 1.5mm}\n"
	"table{border-collapse:collapse;width:100%;font-size:12px;line-height:1.45;margin:0 0 2mm}\n"
	"th,td{border:1px solid var(--grid);padding:1.2mm 1.5mm;vertical-align:middle}\n"
	"thead th{background:var(--soft);font-weight:700;text-align:center}\n"
	"tr.num td{text-align:center;color:#555;background:#fbfaf7;font-size:11px}\n"
	"td.amt{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"td.seq,td.code{text-align:center;white-space:nowrap}\n"
	"tr.total td{font-weight:700}\n"
	"tr.heading td{font-weight:700}\n"
	"td.i1{padding-left:5mm}td.i2{padding-left:9mm}\n"
	".note{font-size:13px;margin:1mm 0 0;text-indent:0}\n"
	"table.text th{text-align:center}\n"
	"table.perf td.lv{text-align:center;white-space:nowrap}\n"
	"table.perf td.goal{text-align:left}\n"
	".charts figure{margin:0 0 8mm;break-inside:avoid}\n"
	".charts figcaption,.cap{font-size:14px;font-weight:700;margin:0 0 2mm;border-left:4px solid var(--red);"
	"padding-left:2mm}\n"
	".chart{max-width:100%;height:auto;display:block}\n"
	".chart text{font-size:13px;fill:#333}\n"
	".chart text.val{fill:#111;font-variant-numeric:tabular-nums}\n"
	"@page{size:A4;margin:16mm 14mm 18mm}\n"
	"@page wide{size:A4 landscape;margin:14mm 14mm 16mm}\n"
	"@media print{html{background:#fff}.page{box-shadow:none;margin:0;padding:0;max-width:none}"
	"section.tbl{break-before:page;margin-top:0}section.wide{page:wide}.part-break{break-before:page}"
	".cover{padding:18mm 0 10mm;margin-bottom:8mm}.toc li{margin:0}"
	"table{font-size:11px;line-height:1.3}th,td{padding:.7mm 1.2mm}"
	"thead{display:table-header-group}tr{break-inside:avoid}h3,h4{break-after:avoid}"
	"a{color:inherit}}\n";

static void put(ys_buf *b, const char *s)
{
	ys_buf_put_xml(b, s ? s : "");
}

static const char *row_name(const ys_drow *r)
{
	return r->label ? r->label : r->name;
}

/* ---- tables ---- */

static void table_head_lines(ys_buf *b, const ys_disclosure *ds)
{
	ys_buf_puts(b, "<div class=\"hdr\"><span>");
	put(b, ds->unit_code);
	put(b, ds->unit_name);
	/* Spaces between the spans keep the copied text readable; the flex
	 * layout ignores them. */
	ys_buf_printf(b, "</span> <span>预算年度：%d</span> <span>单位：", ds->year);
	put(b, ds->money_unit ? ds->money_unit : "万元");
	ys_buf_puts(b, "</span></div>\n");
}

static void plain_label(ys_buf *b, const ys_dtable *t, const ys_pcol *pc)
{
	if (pc->kind == YS_PCOL_SEQ)
		ys_buf_puts(b, "序号");
	else if (pc->kind == YS_PCOL_CODE)
		ys_buf_puts(b, "科目编码");
	else if (pc->kind == YS_PCOL_NAME)
		ys_buf_puts(b, t->two_sided ? (strcmp(pc->side, "income") ? "支出项目" : "收入项目")
					    : "项目");
	else
		put(b, t->cols[pc->col].label);
}

static int indent_of(const ys_drow *r)
{
	size_t n = r->code ? strlen(r->code) : 0;

	if (n == 5)
		return 1;
	if (n == 7)
		return 2;
	return r->indent;
}

/* The first table carries the part heading so that print does not leave
 * the heading alone on a page; tables wider than a portrait page
 * (收入总表: 13 columns) print on a landscape page. */
static ys_status table_html(ys_buf *b, const ys_disclosure *ds, const ys_dtable *t,
			    const ys_ttable *tt, size_t index)
{
	ys_pcol pc[YS_MAX_PCOLS];
	size_t np = ys_table_layout(t, ys_table_by_code(t, tt), pc);
	ys_hpos *grid = NULL;
	ys_pline *lines;
	size_t nl;
	int have_grid = 0;
	ys_buf heading = YS_BUF_INIT;

	ys_buf_printf(b, "<section class=\"tbl%s\" id=\"tbl-%zu\">\n", np > 10 ? " wide" : "",
		      index + 1);
	if (index == 0)
		ys_buf_puts(b, "<h2 class=\"part\" id=\"tables\">第一部分　部门预算公开表</h2>\n");
	ys_buf_puts(b, "<h2>");
	ys_dtable_heading(t, &heading);
	put(b, ys_buf_str(&heading));
	ys_buf_free(&heading);
	ys_buf_puts(b, "</h2>\n");
	table_head_lines(b, ds);
	ys_buf_puts(b, "<table>\n<thead>\n");
	if (tt && tt->nheader) {
		grid = calloc(tt->nheader * np + 1, sizeof *grid);
		if (!grid)
			return YS_ENOMEM;
		have_grid = ys_header_grid(tt, np, grid);
	}
	if (have_grid) {
		for (size_t r = 0; r < tt->nheader; r++) {
			ys_buf_puts(b, "<tr>");
			for (size_t c = 0; c < np; c++) {
				const ys_hpos *h = &grid[r * np + c];

				if (!h->origin)
					continue;
				ys_buf_puts(b, "<th");
				if (h->cell->colspan > 1)
					ys_buf_printf(b, " colspan=\"%d\"", h->cell->colspan);
				if (h->cell->rowspan > 1)
					ys_buf_printf(b, " rowspan=\"%d\"", h->cell->rowspan);
				ys_buf_puts(b, " scope=\"col\">");
				put(b, h->cell->text);
				ys_buf_puts(b, "</th>");
			}
			ys_buf_puts(b, "</tr>\n");
		}
	} else {
		ys_buf_puts(b, "<tr>");
		for (size_t c = 0; c < np; c++) {
			ys_buf_puts(b, "<th scope=\"col\">");
			plain_label(b, t, &pc[c]);
			ys_buf_puts(b, "</th>");
		}
		ys_buf_puts(b, "</tr>\n");
	}
	free(grid);
	if (!t->no_numbering) {
		ys_buf_puts(b, "<tr class=\"num\"><td>栏次</td>");
		for (size_t c = 1; c < np; c++)
			ys_buf_printf(b, "<td>%zu</td>", c);
		ys_buf_puts(b, "</tr>\n");
	}
	ys_buf_puts(b, "</thead>\n<tbody>\n");

	lines = calloc(t->nrows + 1, sizeof *lines);
	if (!lines)
		return YS_ENOMEM;
	nl = ys_table_lines(t, lines);
	for (size_t i = 0; i < nl; i++) {
		const ys_drow *main = t->two_sided
			? (lines[i].income ? lines[i].income : lines[i].expense)
			: lines[i].row;
		int total = main && main->total, head = main && main->heading;

		ys_buf_printf(b, "<tr%s>",
			      total ? " class=\"total\"" : head ? " class=\"heading\"" : "");
		for (size_t c = 0; c < np; c++) {
			const ys_drow *r = t->two_sided
				? (!pc[c].side ? NULL : strcmp(pc[c].side, "income") ? lines[i].expense : lines[i].income)
				: lines[i].row;
			char m[YS_MONEY_FMT_MAX];

			if (pc[c].kind == YS_PCOL_SEQ) {
				ys_buf_printf(b, "<td class=\"seq\">%d", lines[i].seq);
			} else if (pc[c].kind == YS_PCOL_CODE) {
				ys_buf_puts(b, "<td class=\"code\">");
				if (r)
					put(b, r->code);
			} else if (pc[c].kind == YS_PCOL_NAME) {
				int ind = r ? indent_of(r) : 0;

				ys_buf_printf(b, "<td%s>", ind == 1 ? " class=\"i1\""
							   : ind >= 2 ? " class=\"i2\"" : "");
				if (r)
					put(b, row_name(r));
			} else {
				ys_buf_puts(b, "<td class=\"amt\">");
				if (r && pc[c].kind == YS_PCOL_VALUE && pc[c].col >= 0)
					put(b, ys_render_amount(ds, r, (size_t)pc[c].col, m));
			}
			ys_buf_puts(b, "</td>");
		}
		ys_buf_puts(b, "</tr>\n");
	}
	free(lines);
	ys_buf_puts(b, "</tbody>\n</table>\n");
	if (t->note) {
		ys_buf_puts(b, "<p class=\"note\">注：");
		put(b, t->note);
		ys_buf_puts(b, "</p>\n");
	}
	ys_buf_puts(b, "</section>\n");
	return YS_OK;
}

/* ---- section text ---- */

/* Splits a "| a | b |" line into cells and writes them as th or td. */

/* A copy of n bytes of s; when memory runs out, b is marked failed so that
 * the page is refused (内存不足) instead of coming out with a part missing. */
static char *dup_or_fail(ys_buf *b, const char *s, size_t n)
{
	char *c = strndup(s, n);

	if (!c)
		b->failed = 1;
	return c;
}

static void pipe_row(ys_buf *b, const char *line, size_t len, int header)
{
	const char *p = line, *end = line + len;

	ys_buf_puts(b, "<tr>");
	if (p < end && *p == '|')
		p++;
	while (p < end) {
		const char *q = memchr(p, '|', (size_t)(end - p));
		const char *s, *e;
		char *cell;

		if (!q)
			break;
		for (s = p; s < q && *s == ' '; s++)
			;
		for (e = q; e > s && e[-1] == ' '; e--)
			;
		cell = dup_or_fail(b, s, (size_t)(e - s));
		if (cell) {
			int money = !header && *cell && strspn(cell, "0123456789.,-+") == strlen(cell);

			ys_buf_puts(b, header ? "<th scope=\"col\">" : money ? "<td class=\"amt\">" : "<td>");
			put(b, cell);
			ys_buf_puts(b, header ? "</th>" : "</td>");
			free(cell);
		}
		p = q + 1;
	}
	ys_buf_puts(b, "</tr>\n");
}

/* A line that reads as a sub-heading: "1、收入说明", "部门职责：",
 * "第一部分 …", "（一）总体绩效目标". */
static int is_subhead(const char *line, size_t len)
{
	if (len == 0 || len > 60 || memmem(line, len, "。", 3) || memmem(line, len, "；", 3))
		return 0;
	if (len >= 3 && !memcmp(line + len - 3, "：", 3))
		return 1;
	if (len > 6 && !memcmp(line, "第", 3))
		return 1;
	if (len > 3 && line[0] >= '1' && line[0] <= '9' &&
	    (!memcmp(line + 1, "、", 3) || (line[1] >= '0' && line[1] <= '9' && !memcmp(line + 2, "、", 3))))
		return len <= 30;
	if (len > 6 && !memcmp(line, "（", 3))
		return len <= 30;
	return 0;
}

static void section_text(ys_buf *b, const char *text)
{
	const char *p = text ? text : "";
	int in_table = 0;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		int pipe = len > 0 && p[0] == '|';

		if (pipe && !in_table) {
			ys_buf_puts(b, "<table class=\"text\">\n<thead>");
			pipe_row(b, p, len, 1);
			ys_buf_puts(b, "</thead>\n<tbody>\n");
			in_table = 1;
		} else if (pipe) {
			pipe_row(b, p, len, 0);
		} else {
			if (in_table) {
				ys_buf_puts(b, "</tbody></table>\n");
				in_table = 0;
			}
			if (len) {
				char *line = dup_or_fail(b, p, len);

				if (line) {
					int note = !strncmp(line, "注：", strlen("注："));

					ys_buf_puts(b, note ? "<p class=\"note\">"
						       : is_subhead(line, len) ? "<p class=\"sub\">" : "<p>");
					put(b, line);
					ys_buf_puts(b, "</p>\n");
					free(line);
				}
			}
		}
		p += len;
		if (*p == '\n')
			p++;
	}
	if (in_table)
		ys_buf_puts(b, "</tbody></table>\n");
}

/* ---- performance tables ---- */

/* Equal indicator levels, a missing one counting as empty, as
 * ys_dperf_run compares them. */
static int same(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

static void put_multiline(ys_buf *b, const char *s)
{
	const char *p = s ? s : "";
	size_t len = strlen(p);

	while (len && p[len - 1] == '\n')
		len--;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(p + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (p + i)) : len - i;
		char *line = dup_or_fail(b, p + i, n);

		if (line) {
			put(b, line);
			free(line);
		}
		i += n;
		if (i < len) {
			ys_buf_puts(b, "<br>");
			i++;
		}
	}
}

static void perf_table(ys_buf *b, const ys_dperf *p, size_t n)
{
	ys_buf_printf(b, "<h4 id=\"perf-%zu\">%zu、", n + 1, n + 1);
	put(b, p->name);
	ys_buf_puts(b, "绩效目标表</h4>\n<table class=\"perf\">\n"
		       "<colgroup><col style=\"width:11%\"><col style=\"width:12%\"><col style=\"width:18%\">"
		       "<col style=\"width:27%\"><col style=\"width:12%\"><col style=\"width:20%\"></colgroup>\n<tbody>\n"
		       "<tr><th class=\"goal\" scope=\"row\">绩效目标</th><td class=\"goal\" colspan=\"5\">");
	put_multiline(b, p->goal);
	ys_buf_puts(b, "</td></tr>\n<tr><th scope=\"col\">一级指标</th><th scope=\"col\">二级指标</th>"
		       "<th scope=\"col\">三级指标</th><th scope=\"col\">绩效指标描述</th>"
		       "<th scope=\"col\">指标值</th><th scope=\"col\">指标值确定依据</th></tr>\n");
	for (size_t k = 0; k < p->nindicators; k++) {
		const ys_indicator *in = &p->indicators[k];
		int lv1_start = k == 0 || !same(in->lv1, p->indicators[k - 1].lv1);
		int lv2_start = lv1_start || !same(in->lv2, p->indicators[k - 1].lv2);

		ys_buf_puts(b, "<tr>");
		if (lv1_start) {
			ys_buf_printf(b, "<td class=\"lv\" rowspan=\"%zu\">", ys_dperf_run(p, k, 0));
			put(b, in->lv1);
			ys_buf_puts(b, "</td>");
		}
		if (lv2_start) {
			ys_buf_printf(b, "<td class=\"lv\" rowspan=\"%zu\">", ys_dperf_run(p, k, 1));
			put(b, in->lv2);
			ys_buf_puts(b, "</td>");
		}
		ys_buf_puts(b, "<td>");
		put(b, in->lv3);
		ys_buf_puts(b, "</td><td>");
		put(b, in->desc);
		ys_buf_puts(b, "</td><td class=\"lv\">");
		put(b, in->value);
		ys_buf_puts(b, "</td><td>");
		put(b, in->basis);
		ys_buf_puts(b, "</td></tr>\n");
	}
	ys_buf_puts(b, "</tbody>\n</table>\n");
}

/* ---- charts ---- */

#define MAX_ITEMS 40

static const ys_drow *total_row(const ys_dtable *t)
{
	for (size_t i = 0; t && i < t->nrows; i++)
		if (t->rows[i].total)
			return &t->rows[i];
	return NULL;
}

static int64_t cell(const ys_dtable *t, const ys_drow *r, const char *key)
{
	int c = t && r ? ys_dtable_col(t, key, NULL) : -1;

	return c >= 0 && r->has[c] ? r->values[c] : 0;
}

/* The comparison table of the overview: "| 名称 | 上年 | 本年 | 增减 |"
 * lines; amounts are read back from the text exactly. */
static size_t year_items(const ys_disclosure *ds, ys_svg_item *items, char names[][64],
			 char series[2][64])
{
	const ys_dsection *s = ys_disclosure_section(ds, "overview");
	const char *p = s && s->text ? s->text : "";
	size_t n = 0;
	int header = 1;

	while (*p && n < 8) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char line[512], *cells[5];
		int nc = 0;

		if (len && p[0] == '|' && len < sizeof line) {
			memcpy(line, p, len);
			line[len] = 0;
			for (char *q = line + 1, *bar; nc < 5 && (bar = strchr(q, '|')); q = bar + 1) {
				*bar = 0;
				cells[nc++] = ys_trim(q);
			}
			if (nc >= 3 && header) {
				snprintf(series[0], 64, "%s", cells[1]);
				ys_utf8_cut_partial(series[0]);
				snprintf(series[1], 64, "%s", cells[2]);
				ys_utf8_cut_partial(series[1]);
				header = 0;
			} else if (nc >= 3) {
				int64_t a, c;
				const char *why;

				if (ys_money_parse(cells[1], ds->decimals, &a, &why) == YS_MONEY_VALUE &&
				    ys_money_parse(cells[2], ds->decimals, &c, &why) == YS_MONEY_VALUE) {
					snprintf(names[n], 64, "%s", cells[0]);
					ys_utf8_cut_partial(names[n]);
					items[n] = (ys_svg_item){names[n], a, c};
					n++;
				}
			}
		}
		p += len;
		if (*p == '\n')
			p++;
	}
	return n;
}

static void figure_open(ys_buf *b, const char *caption)
{
	ys_buf_puts(b, "<figure>\n<figcaption>");
	put(b, caption);
	ys_buf_puts(b, "</figcaption>\n");
}

static void charts_html(ys_buf *b, const ys_disclosure *ds)
{
	const ys_dtable *t3 = ys_disclosure_table(ds, "T3"), *t6 = ys_disclosure_table(ds, "T6");
	const ys_drow *tot3 = total_row(t3), *tot6 = total_row(t6);
	ys_svg_item items[MAX_ITEMS];
	char labels[MAX_ITEMS][160], series[2][64];
	const char *unit = ds->money_unit ? ds->money_unit : "万元";
	ys_svg_chart c;
	size_t n = 0;

	ys_buf_puts(b, "<section class=\"charts part-break\" id=\"charts\">\n<h2 class=\"part\">预算图解</h2>\n");
	/* 1. By function 类. */
	for (size_t i = 0; t3 && i < t3->nrows && n < MAX_ITEMS; i++) {
		const ys_drow *r = &t3->rows[i];

		if (r->code && strlen(r->code) == 3 && cell(t3, r, "total") > 0) {
			snprintf(labels[n], sizeof labels[n], "%s %s", r->code, r->name ? r->name : "");
			ys_utf8_cut_partial(labels[n]);
			items[n] = (ys_svg_item){labels[n], cell(t3, r, "total"), 0};
			n++;
		}
	}
	if (n) {
		c = (ys_svg_chart){"chart-func", "支出按功能分类（类）", unit, ds->decimals, items, n, {0, 0}};
		figure_open(b, "图1　支出按功能分类（类）");
		ys_svg_bars(b, &c);
		ys_buf_puts(b, "</figure>\n");
	}
	/* 2. Basic vs project (and the other expenditure types when present). */
	if (tot3) {
		static const char *keys[][2] = {{"basic", "基本支出"}, {"project", "项目支出"},
						{"operating", "经营支出"}, {"to_higher", "上解上级支出"},
						{"to_affiliated", "对附属单位补助支出"}};

		n = 0;
		for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
			if (k < 2 || cell(t3, tot3, keys[k][0]) > 0)
				items[n++] = (ys_svg_item){keys[k][1], cell(t3, tot3, keys[k][0]), 0};
		c = (ys_svg_chart){"chart-type", "基本支出与项目支出", unit, ds->decimals, items, n, {0, 0}};
		figure_open(b, "图2　基本支出与项目支出");
		ys_svg_ring(b, &c);
		ys_buf_puts(b, "</figure>\n");
	}
	/* 3. Personnel vs public of basic expenditure. */
	if (tot6) {
		items[0] = (ys_svg_item){"人员经费", cell(t6, tot6, "personnel"), 0};
		items[1] = (ys_svg_item){"公用经费", cell(t6, tot6, "public"), 0};
		c = (ys_svg_chart){"chart-basic", "一般公共预算基本支出：人员经费与公用经费", unit,
				   ds->decimals, items, 2, {0, 0}};
		figure_open(b, "图3　一般公共预算基本支出：人员经费与公用经费");
		ys_svg_ring(b, &c);
		ys_buf_puts(b, "</figure>\n");
	}
	/* 4. This year and last year. */
	{
		char names[8][64];

		n = year_items(ds, items, names, series);
		if (n) {
			c = (ys_svg_chart){"chart-years", "本年预算与上年预算对比", unit, ds->decimals,
					   items, n, {series[0], series[1]}};
			figure_open(b, "图4　本年预算与上年预算对比");
			ys_svg_pairs(b, &c);
			ys_buf_puts(b, "</figure>\n");
		}
	}
	ys_buf_puts(b, "</section>\n");
}

/* ---- document ---- */

static const char *numeral(size_t i)
{
	return i < NNUM ? numerals[i] : "";
}

ys_status ys_render_html(const ys_disclosure *ds, const ys_template *t,
			 ys_buf *out, ys_diag *d)
{
	size_t sec_no = 0;
	const ys_dsection *intro = ys_disclosure_section(ds, "intro");
	ys_buf heading = YS_BUF_INIT;

	ys_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
			 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			 "<meta name=\"generator\" content=\"yusuan\">\n<title>");
	put(out, ds->unit_name);
	ys_buf_printf(out, "%d年部门预算</title>\n<style>\n%s</style>\n</head>\n<body>\n"
			   "<main class=\"page\">\n", ds->year, css);

	/* Cover. */
	ys_buf_puts(out, "<header class=\"cover\">\n<div class=\"unit\">");
	put(out, ds->unit_code);
	ys_buf_puts(out, "　");
	put(out, ds->unit_name);
	ys_buf_puts(out, "</div>\n<h1>");
	put(out, ds->unit_name);
	ys_buf_printf(out, "%d年部门预算</h1>\n<div class=\"year\">预算年度：%d　金额单位：",
		      ds->year, ds->year);
	put(out, ds->money_unit ? ds->money_unit : "万元");
	ys_buf_puts(out, "</div>\n</header>\n");

	/* Contents. */
	ys_buf_puts(out, "<nav class=\"toc\" aria-label=\"目录\">\n<h2>目　录</h2>\n<ol>\n"
			 "<li><a class=\"h\" href=\"#charts\">预算图解</a></li>\n"
			 "<li><a class=\"h\" href=\"#tables\">第一部分　部门预算公开表</a>\n<ol>\n");
	for (size_t i = 0; i < ds->ntables; i++) {
		ys_buf_printf(out, "<li><a href=\"#tbl-%zu\">", i + 1);
		if (ds->tables[i].number && ds->tables[i].number[0]) {
			ys_buf_reset(&heading);
			ys_dtable_heading(&ds->tables[i], &heading);
			put(out, ys_buf_str(&heading));
		} else {
			ys_buf_printf(out, "%zu. ", i + 1);
			put(out, ds->tables[i].title);
		}
		ys_buf_puts(out, "</a></li>\n");
	}
	ys_buf_puts(out, "</ol></li>\n<li><a class=\"h\" href=\"#narrative\">第二部分　");
	put(out, intro ? intro->title : "部门预算情况说明");
	ys_buf_puts(out, "</a>\n<ol>\n");
	for (size_t i = 0, k = 0; i < ds->nsections; i++) {
		if (ds->sections[i].id && !strcmp(ds->sections[i].id, "intro"))
			continue;
		ys_buf_printf(out, "<li><a href=\"#sec-%zu\">%s、", i, numeral(k++));
		put(out, ds->sections[i].title);
		ys_buf_puts(out, "</a></li>\n");
	}
	ys_buf_puts(out, "</ol></li>\n</ol>\n</nav>\n");

	charts_html(out, ds);

	for (size_t i = 0; i < ds->ntables; i++) {
		const ys_dtable *tb = &ds->tables[i];
		const ys_ttable *tt = t && tb->id ? ys_template_table(t, tb->id) : NULL;

		if (table_html(out, ds, tb, tt, i) != YS_OK) {
			ys_buf_free(&heading);
			return ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
		}
	}
	ys_buf_free(&heading);
	if (ds->empty_tables_note) {
		ys_buf_puts(out, "<p class=\"note tables-note\">注：");
		put(out, ds->empty_tables_note);
		ys_buf_puts(out, "</p>\n");
	}

	ys_buf_puts(out, "<section id=\"narrative\" class=\"part-break\">\n<h2 class=\"part\">第二部分　");
	put(out, intro ? intro->title : "部门预算情况说明");
	ys_buf_puts(out, "</h2>\n");
	if (intro)
		section_text(out, intro->text);
	for (size_t i = 0; i < ds->nsections; i++) {
		const ys_dsection *s = &ds->sections[i];

		if (s == intro)
			continue;
		ys_buf_printf(out, "<h3 id=\"sec-%zu\">%s、", i, numeral(sec_no++));
		put(out, s->title);
		ys_buf_puts(out, "</h3>\n");
		section_text(out, s->text);
		if (s->id && !strcmp(s->id, "performance"))
			for (size_t k = 0; k < ds->nperf; k++)
				perf_table(out, &ds->perf[k], k);
	}
	if (!ys_disclosure_section(ds, "performance"))
		for (size_t k = 0; k < ds->nperf; k++)
			perf_table(out, &ds->perf[k], k);
	ys_buf_puts(out, "</section>\n</main>\n</body>\n</html>\n");
	return ys_buf_ok(out) ? YS_OK : ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
}
