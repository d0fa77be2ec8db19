/*
 * docx.c - the disclosure as a Word document: WordprocessingML written
 * here and zipped with libzip (ooxml.c). A title page, a table of contents
 * (a TOC field whose entries are already filled in, with PAGEREF fields
 * for the page numbers), the nine tables with the published merged header
 * (gridSpan, vMerge) repeated on every page (w:tblHeader), the narrative
 * sections and the performance-target tables. Wide tables get a landscape
 * section of their own.
 *
 * Chinese text: every run inherits w:lang eastAsia="zh-CN" and East Asian
 * fonts (a Song face for text, a Hei face for headings; see FONTS_SONG)
 * from the document defaults, so that no reader picks Japanese glyphs.
 */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/money.h"
#include "ooxml.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PR "http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* Text in a Song face and headings in a Hei face, with the zh-CN language
 * on every run. The East Asian fonts are named Noto Serif/Sans CJK SC,
 * which LibreOffice and most Linux systems have; the font table gives each
 * the GB2312 charset and 宋体/黑体 as w:altName, which Word on a Chinese
 * Windows substitutes. (Naming 宋体 itself makes LibreOffice fall back on a
 * sans-serif face where 宋体 is not installed.) */
#define SERIF "Noto Serif CJK SC"
#define SANS "Noto Sans CJK SC"

/* A4 in twips (1/20 pt), margins of 2 cm left and right, 2.5 cm top. */
#define PAGE_W 11906
#define PAGE_H 16838
#define MARGIN_LR 1134
#define MARGIN_TB 1418
#define TEXT_W(landscape) ((landscape) ? PAGE_H - 2 * MARGIN_LR : PAGE_W - 2 * MARGIN_LR)

typedef struct dx {
	ys_buf *b;
	const ys_disclosure *ds;
	const ys_template *tpl;
	int landscape;		/* orientation of the section being written */
	int bookmark;		/* last bookmark id */
	int first_block;	/* nothing written since the TOC page */
	int sections;		/* sectPr written so far */
	int cell_sz;		/* table text size in half-points, 0: the style's 9 pt */
} dx;

/* One heading of the document, for the TOC and its bookmark. */
typedef struct heading {
	int level;
	ys_buf text;
} heading;

static void text_run(ys_buf *b, const char *s, size_t n, const char *rpr)
{
	ys_buf_puts(b, "<w:r>");
	if (rpr && *rpr)
		ys_buf_printf(b, "<w:rPr>%s</w:rPr>", rpr);
	ys_buf_puts(b, "<w:t xml:space=\"preserve\">");
	ys_xml_text(b, s, n);
	ys_buf_puts(b, "</w:t></w:r>");
}

/* Runs for s, its lines separated by <w:br/>. */
static void runs(ys_buf *b, const char *s, const char *rpr)
{
	const char *nl;

	if (!s)
		return;
	for (;;) {
		nl = strchr(s, '\n');
		text_run(b, s, nl ? (size_t)(nl - s) : strlen(s), rpr);
		if (!nl || !nl[1])
			break;
		ys_buf_puts(b, "<w:r><w:br/></w:r>");
		s = nl + 1;
	}
}

static void para(ys_buf *b, const char *ppr, const char *s, const char *rpr)
{
	ys_buf_puts(b, "<w:p>");
	if (ppr && *ppr)
		ys_buf_printf(b, "<w:pPr>%s</w:pPr>", ppr);
	runs(b, s, rpr);
	ys_buf_puts(b, "</w:p>");
}

/* The properties of the section that ends here. The first section holds
 * the title page, which has no page number (w:titlePg without a
 * first-page footer). */
static void sect_pr(dx *x)
{
	ys_buf_printf(x->b,
		      "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
		      "<w:pgSz w:w=\"%d\" w:h=\"%d\"%s/>"
		      "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\""
		      " w:header=\"851\" w:footer=\"851\" w:gutter=\"0\"/>"
		      "<w:cols w:space=\"425\"/>%s</w:sectPr>",
		      x->landscape ? PAGE_H : PAGE_W, x->landscape ? PAGE_W : PAGE_H,
		      x->landscape ? " w:orient=\"landscape\"" : "", MARGIN_TB, MARGIN_LR,
		      MARGIN_TB, MARGIN_LR, x->sections++ ? "" : "<w:titlePg/>");
}

/* Starts a new page in the wanted orientation: a section break when the
 * orientation changes, else a page break. */
static void new_page(dx *x, int landscape)
{
	if (landscape != x->landscape) {
		ys_buf_puts(x->b, "<w:p><w:pPr>");
		sect_pr(x);
		ys_buf_puts(x->b, "</w:pPr></w:p>");
		x->landscape = landscape;
	} else {
		ys_buf_puts(x->b, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
	}
}

/* A heading paragraph with its bookmark (_Toc_N, the Nth heading). */
static void heading_para(dx *x, const char *style, const char *extra_ppr, const char *text)
{
	x->bookmark++;
	ys_buf_printf(x->b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr>"
		      "<w:bookmarkStart w:id=\"%d\" w:name=\"_Toc_%d\"/>",
		      style, extra_ppr ? extra_ppr : "", x->bookmark, x->bookmark);
	runs(x->b, text, NULL);
	ys_buf_printf(x->b, "<w:bookmarkEnd w:id=\"%d\"/></w:p>", x->bookmark);
}

/* The header line: unit at the left, 预算年度 centred, 单位 at the right. */
static void header_line(dx *x)
{
	ys_buf parts[3] = {YS_BUF_INIT, YS_BUF_INIT, YS_BUF_INIT};
	size_t n = ys_office_header_parts(x->ds, x->tpl, parts);
	int w = TEXT_W(x->landscape);

	ys_buf_printf(x->b, "<w:p><w:pPr><w:pStyle w:val=\"TableHead\"/><w:tabs>"
		      "<w:tab w:val=\"center\" w:pos=\"%d\"/><w:tab w:val=\"right\" w:pos=\"%d\"/>"
		      "</w:tabs></w:pPr>", w / 2, w);
	for (size_t i = 0; i < n; i++) {
		if (i)
			ys_buf_puts(x->b, "<w:r><w:tab/></w:r>");
		runs(x->b, ys_buf_str(&parts[i]), NULL);
	}
	ys_buf_puts(x->b, "</w:p>");
	for (size_t i = 0; i < 3; i++) {
		if (!ys_buf_ok(&parts[i]))
			x->b->failed = 1;
		ys_buf_free(&parts[i]);
	}
}

/* A table cell: width, span, vertical merge ("restart"/"continue"/NULL),
 * alignment, text. */
static void cell(dx *x, int width, int span, const char *vmerge, const char *jc,
		 const char *text, int bold, int indent, const char *shade)
{
	ys_buf *b = x->b;
	char rpr[128];

	ys_buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
	if (span > 1)
		ys_buf_printf(b, "<w:gridSpan w:val=\"%d\"/>", span);
	if (vmerge)
		ys_buf_printf(b, "<w:vMerge%s/>", strcmp(vmerge, "restart") ? "" : " w:val=\"restart\"");
	if (shade)
		ys_buf_printf(b, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%s\"/>", shade);
	ys_buf_printf(b, "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>");
	if (indent > 0)
		ys_buf_printf(b, "<w:ind w:left=\"%d\"/>", indent * 210);
	ys_buf_printf(b, "<w:jc w:val=\"%s\"/></w:pPr>", jc);
	/* Run properties: bold, and the size of a shrunk wide table. */
	snprintf(rpr, sizeof rpr, "%s", bold ? "<w:b/><w:bCs/>" : "");
	if (x->cell_sz)
		snprintf(rpr + strlen(rpr), sizeof rpr - strlen(rpr),
			 "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>", x->cell_sz, x->cell_sz);
	if (text && *text && (!vmerge || !strcmp(vmerge, "restart")))
		runs(b, text, rpr);
	ys_buf_puts(b, "</w:p></w:tc>");
}

static void table_start(ys_buf *b, const int *tw, size_t n)
{
	int total = 0;

	for (size_t c = 0; c < n; c++)
		total += tw[c];
	ys_buf_printf(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"YsTable\"/>"
		      "<w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
		      "<w:tblLayout w:type=\"fixed\"/>"
		      "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\""
		      " w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
		      total);
	for (size_t c = 0; c < n; c++)
		ys_buf_printf(b, "<w:gridCol w:w=\"%d\"/>", tw[c]);
	ys_buf_puts(b, "</w:tblGrid>");
}

/* Ends a table with a hairline paragraph: Word wants a paragraph between
 * two tables (else it joins them) and before the final sectPr. */
static void table_end(ys_buf *b)
{
	ys_buf_puts(b, "</w:tbl><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\""
		    " w:line=\"20\" w:lineRule=\"exact\"/></w:pPr></w:p>");
}

static int span_width(const int *tw, size_t c, size_t span)
{
	int w = 0;

	for (size_t k = c; k < c + span; k++)
		w += tw[k];
	return w;
}

#define HEAD_FILL "F2F2F2"

static ys_status table_docx(dx *x, const ys_dtable *t, const ys_ttable *tt)
{
	ys_ptable p;
	double w[YS_MAX_PCOLS], sum = 0;
	int tw[YS_MAX_PCOLS], avail;
	char buf[YS_MONEY_FMT_MAX];
	int landscape;
	ys_buf title = YS_BUF_INIT;

	if (ys_ptable_init(&p, t, tt) != YS_OK)
		return YS_ENOMEM;
	ys_ptable_widths(&p, x->ds, w);
	for (size_t c = 0; c < p.np; c++)
		sum += (w[c] += 2);
	landscape = sum > 104 || p.np > 9;
	if (!x->first_block || landscape != x->landscape)
		new_page(x, landscape);
	x->first_block = 0;
	/* A half-em of the 9 pt table text is 90 twips; a table too wide for
	 * the page is set smaller, down to 7 pt (a half-em of size sz
	 * half-points is 5 sz twips). */
	avail = TEXT_W(landscape);
	x->cell_sz = 0;
	if (sum * 90 > avail)
		x->cell_sz = avail / sum / 5 < 14 ? 14 : (int)(avail / sum / 5);
	ys_ptable_fit(&p, w, avail / (x->cell_sz ? 5.0 * x->cell_sz : 90.0));
	for (size_t c = 0; c < p.np; c++)
		tw[c] = (int)(w[c] * (x->cell_sz ? 5.0 * x->cell_sz : 90.0));

	ys_dtable_heading(t, &title);
	heading_para(x, "Heading2", "<w:jc w:val=\"center\"/>", ys_buf_str(&title));
	ys_buf_free(&title);
	header_line(x);
	table_start(x->b, tw, p.np);

	/* Header rows, repeated on every page. */
	for (size_t h = 0; h < p.nhead; h++) {
		ys_buf_puts(x->b, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
		for (size_t c = 0; c < p.np;) {
			const ys_hpos *g = &p.grid[h * p.np + c];
			size_t span = (size_t)g->cell->colspan;
			const char *vm = NULL;

			if (span < 1 || c + span > p.np)
				span = 1;
			if (g->cell->rowspan > 1 || !g->origin)
				vm = g->origin ? "restart" : "continue";
			cell(x, span_width(tw, c, span), (int)span, vm, "center",
			     g->cell->text, 1, 0, HEAD_FILL);
			c += span;
		}
		ys_buf_puts(x->b, "</w:tr>");
	}
	if (p.numbering) {
		ys_buf_puts(x->b, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
		for (size_t c = 0; c < p.np; c++) {
			snprintf(buf, sizeof buf, "%zu", c);
			cell(x, tw[c], 1, NULL, "center", c ? buf : "栏次", 1, 0, HEAD_FILL);
		}
		ys_buf_puts(x->b, "</w:tr>");
	}
	for (size_t i = 0; i < p.nlines; i++) {
		int bold = ys_ptable_is_total(&p, i);

		ys_buf_puts(x->b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (size_t c = 0; c < p.np; c++) {
			const ys_drow *r = ys_ptable_row(&p, i, c);
			const char *jc = ys_ptable_is_amount(&p, c) ? "right"
				: p.pc[c].kind == YS_PCOL_SEQ ? "center" : "left";
			int ind = p.pc[c].kind == YS_PCOL_NAME && r ? r->indent : 0;

			cell(x, tw[c], 1, NULL, jc, ys_ptable_text(&p, x->ds, i, c, buf), bold,
			     ind, NULL);
		}
		ys_buf_puts(x->b, "</w:tr>");
	}
	table_end(x->b);
	if (t->note) {
		ys_buf note = YS_BUF_INIT;

		ys_buf_printf(&note, "注：%s", t->note);
		para(x->b, "<w:pStyle w:val=\"TableNote\"/>", ys_buf_str(&note), NULL);
		ys_buf_release(&note, &x->b->failed);
	}
	x->cell_sz = 0;
	ys_ptable_free(&p);
	return YS_OK;
}

static void perf_docx(dx *x, const ys_dperf *pf, size_t n)
{
	static const char *const heads[] = {"一级指标", "二级指标", "三级指标",
					    "绩效指标描述", "指标值", "指标值确定依据"};
	static const int weights[] = {12, 12, 19, 29, 12, 16};
	const char *name = pf->name ? pf->name : "";
	char buf[YS_MONEY_FMT_MAX];
	ys_buf title = YS_BUF_INIT;
	int tw[6], rest = 0;

	if (x->landscape)
		new_page(x, 0);
	x->first_block = 0;
	for (int c = 0; c < 6; c++)
		tw[c] = TEXT_W(0) * weights[c] / 100;
	for (int c = 1; c < 6; c++)
		rest += tw[c];
	ys_buf_printf(&title, "%zu、%s%s", n, name,
		      strstr(name, "绩效目标表") ? "" : "绩效目标表");
	/* Below the TOC's levels, so without a bookmark. */
	para(x->b, "<w:pStyle w:val=\"Heading3\"/>", ys_buf_str(&title), NULL);
	if (!ys_buf_ok(&title))
		x->b->failed = 1;
	ys_buf_free(&title);
	table_start(x->b, tw, 6);

	ys_buf_puts(x->b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
	cell(x, tw[0], 1, NULL, "center",
	     pf->scope && !strcmp(pf->scope, "department") ? "部门名称" : "项目名称", 1, 0, HEAD_FILL);
	cell(x, rest, 5, NULL, "left", name, 0, 0, NULL);
	ys_buf_puts(x->b, "</w:tr>");
	if (pf->has_budget) {
		ys_buf label = YS_BUF_INIT;

		ys_buf_printf(&label, "预算金额（%s）",
			      x->ds->money_unit ? x->ds->money_unit : "万元");
		ys_buf_puts(x->b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		cell(x, tw[0], 1, NULL, "center", ys_buf_str(&label), 1, 0, HEAD_FILL);
		ys_buf_release(&label, &x->b->failed);
		cell(x, rest, 5, NULL, "left",
		     ys_money_format(pf->budget, x->ds->decimals, 0, buf), 0, 0, NULL);
		ys_buf_puts(x->b, "</w:tr>");
	}
	ys_buf_puts(x->b, "<w:tr>");
	cell(x, tw[0], 1, NULL, "center", "绩效目标", 1, 0, HEAD_FILL);
	cell(x, rest, 5, NULL, "left", pf->goal, 0, 0, NULL);
	ys_buf_puts(x->b, "</w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr>");
	for (int c = 0; c < 6; c++)
		cell(x, tw[c], 1, NULL, "center", heads[c], 1, 0, HEAD_FILL);
	ys_buf_puts(x->b, "</w:tr>");
	for (size_t i = 0; i < pf->nindicators; i++) {
		const ys_indicator *in = &pf->indicators[i];
		const char *f[6] = {in->lv1, in->lv2, in->lv3, in->desc, in->value, in->basis};

		ys_buf_puts(x->b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (int c = 0; c < 6; c++) {
			const char *vm = NULL;

			/* 一级 and 二级指标 merged down their runs, as published. */
			if (c < 2 && i > 0 && ys_dperf_run(pf, i - 1, c) > 1)
				vm = "continue";
			else if (c < 2 && ys_dperf_run(pf, i, c) > 1)
				vm = "restart";
			cell(x, tw[c], 1, vm, c < 2 || c == 4 ? "center" : "left", f[c], 0, 0,
			     NULL);
		}
		ys_buf_puts(x->b, "</w:tr>");
	}
	table_end(x->b);
}

/* Lines "| a | b |" of section text as a table; the first row is its
 * header. Returns the text after the last row. */
static const char *text_table(dx *x, const char *p)
{
	size_t start[YS_TEXT_MAX_CELLS], len[YS_TEXT_MAX_CELLS], n, ncols = 0, row = 0;
	double w[YS_TEXT_MAX_CELLS] = {0}, sum = 0;
	int tw[YS_TEXT_MAX_CELLS];
	const char *q;
	ys_buf tmp = YS_BUF_INIT;

	/* Column widths from the widest text in each column. */
	for (q = p; *q;) {
		const char *nl = strchr(q, '\n');
		size_t l = nl ? (size_t)(nl - q) : strlen(q);

		if (!ys_text_is_row(q, l))
			break;
		n = ys_text_row_cells(q, l, start, len, YS_TEXT_MAX_CELLS);
		for (size_t c = 0; c < n; c++) {
			ys_buf_reset(&tmp);
			ys_buf_add(&tmp, q + start[c], len[c]);
			if (ys_text_width(ys_buf_str(&tmp)) > w[c])
				w[c] = ys_text_width(ys_buf_str(&tmp));
		}
		if (n > ncols)
			ncols = n;
		q += l + (nl ? 1 : 0);
	}
	if (!ncols) {	/* only "| --- |" lines: no table (Word wants a row) */
		ys_buf_release(&tmp, &x->b->failed);
		return q;
	}
	for (size_t c = 0; c < ncols; c++)
		sum += (w[c] = (w[c] > 30 ? 30 : w[c]) + 3);
	for (size_t c = 0; c < ncols; c++)
		tw[c] = (int)(TEXT_W(x->landscape) * w[c] / sum);
	table_start(x->b, tw, ncols);
	while (p < q) {
		const char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p) : strlen(p);

		n = ys_text_row_cells(p, l, start, len, YS_TEXT_MAX_CELLS);
		if (n) {
			ys_buf_printf(x->b, "<w:tr><w:trPr><w:cantSplit/>%s</w:trPr>",
				      row ? "" : "<w:tblHeader/>");
			for (size_t c = 0; c < ncols; c++) {
				int num;

				ys_buf_reset(&tmp);
				if (c < n)
					ys_buf_add(&tmp, p + start[c], len[c]);
				num = ys_text_is_number(ys_buf_str(&tmp), tmp.len);
				cell(x, tw[c], 1, NULL, !row ? "center" : num ? "right" : "left",
				     ys_buf_str(&tmp), !row, 0, row ? NULL : HEAD_FILL);
			}
			ys_buf_puts(x->b, "</w:tr>");
			row++;
		}
		p += l + (nl ? 1 : 0);
	}
	table_end(x->b);
	ys_buf_release(&tmp, &x->b->failed);
	return q;
}

static void section_docx(dx *x, const ys_dsection *s, const char *title)
{
	const char *p = s->text ? s->text : "";

	heading_para(x, "Heading2", NULL, title);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		if (ys_text_is_row(p, len)) {
			p = text_table(x, p);
			continue;
		}
		if (len) {
			ys_buf_puts(x->b, "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr>");
			text_run(x->b, p, len, NULL);
			ys_buf_puts(x->b, "</w:p>");
		}
		p += len;
		if (*p)
			p++;
	}
}

/* The headings in document order, as body() will write them. */
static size_t collect_headings(const ys_disclosure *ds, heading **out)
{
	size_t cap = ds->ntables + ds->nsections + ds->nperf + 4, n = 0;
	heading *h = calloc(cap, sizeof *h);

	*out = h;
	if (!h)
		return 0;
	h[n].level = 1;
	ys_buf_puts(&h[n++].text, "第一部分　部门预算公开表");
	for (size_t i = 0; i < ds->ntables; i++) {
		h[n].level = 2;
		ys_dtable_heading(&ds->tables[i], &h[n++].text);
	}
	if (ds->nsections || ds->nperf) {
		h[n].level = 1;
		ys_buf_puts(&h[n++].text, "第二部分　部门预算情况说明");
	}
	for (size_t i = 0, num = 0; i < ds->nsections; i++) {
		h[n].level = 2;
		ys_section_heading(&ds->sections[i], &num, &h[n++].text);
	}
	return n;
}

static void toc(dx *x, const heading *h, size_t n)
{
	int w = TEXT_W(0);

	para(x->b, "<w:pStyle w:val=\"TOCHeading\"/>", "目　录", NULL);
	for (size_t i = 0; i < n; i++) {
		ys_buf_printf(x->b, "<w:p><w:pPr><w:pStyle w:val=\"TOC%d\"/><w:tabs>"
			      "<w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"%d\"/></w:tabs></w:pPr>",
			      h[i].level, w);
		if (i == 0)
			ys_buf_puts(x->b, "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
				    "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>"
				    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
		/* Page numbers are known only after layout: the entries are
		 * links, and Word (updateFields) rebuilds the TOC with them. */
		ys_buf_printf(x->b, "<w:hyperlink w:anchor=\"_Toc_%zu\" w:history=\"1\">", i + 1);
		runs(x->b, ys_buf_str(&h[i].text), NULL);
		ys_buf_puts(x->b, "</w:hyperlink>");
		if (i + 1 == n)
			ys_buf_puts(x->b, "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
		ys_buf_puts(x->b, "</w:p>");
	}
}

static ys_status document_xml(dx *x)
{
	const ys_disclosure *ds = x->ds;
	heading *h;
	size_t nh = collect_headings(ds, &h);
	ys_buf title = YS_BUF_INIT, line = YS_BUF_INIT;
	ys_status st = YS_OK;
	size_t perf_done = 0;

	if (!h)
		return YS_ENOMEM;
	ys_buf_puts(x->b, XML_DECL "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:body>");

	/* Title page. */
	ys_office_doc_title(ds, &title);
	for (int i = 0; i < 6; i++)
		ys_buf_puts(x->b, "<w:p/>");
	para(x->b, "<w:pStyle w:val=\"Title\"/>", ys_buf_str(&title), NULL);
	for (int i = 0; i < 10; i++)
		ys_buf_puts(x->b, "<w:p/>");
	para(x->b, "<w:pStyle w:val=\"Subtitle\"/>", ds->unit_name ? ds->unit_name : "", NULL);
	ys_buf_printf(&line, "%d年", ds->year);
	para(x->b, "<w:pStyle w:val=\"Subtitle\"/>", ys_buf_str(&line), NULL);
	if (!ys_buf_ok(&title) || !ys_buf_ok(&line))
		x->b->failed = 1;
	ys_buf_free(&title);
	ys_buf_free(&line);
	new_page(x, 0);
	toc(x, h, nh);
	x->first_block = 0;

	new_page(x, 0);
	x->first_block = 1;
	heading_para(x, "Heading1", NULL, ys_buf_str(&h[0].text));
	for (size_t i = 0; st == YS_OK && i < ds->ntables; i++) {
		const ys_dtable *tb = &ds->tables[i];

		st = table_docx(x, tb, x->tpl && tb->id ? ys_template_table(x->tpl, tb->id) : NULL);
	}
	if (st == YS_OK && ds->empty_tables_note) {
		ys_buf note = YS_BUF_INIT;

		ys_buf_printf(&note, "注：%s", ds->empty_tables_note);
		para(x->b, "<w:pStyle w:val=\"TableNote\"/>", ys_buf_str(&note), NULL);
		ys_buf_free(&note);
	}
	if (st == YS_OK && (ds->nsections || ds->nperf)) {
		new_page(x, 0);
		x->first_block = 1;
		heading_para(x, "Heading1", NULL, "第二部分　部门预算情况说明");
		x->first_block = 1;
		for (size_t i = 0, num = 0; i < ds->nsections; i++) {
			const ys_dsection *s = &ds->sections[i];
			ys_buf head = YS_BUF_INIT;

			ys_section_heading(s, &num, &head);
			section_docx(x, s, ys_buf_str(&head));
			ys_buf_release(&head, &x->b->failed);
			/* Performance tables stand in the section that presents them. */
			if (s->id && strstr(s->id, "perf") && !perf_done)
				for (; perf_done < ds->nperf; perf_done++)
					perf_docx(x, &ds->perf[perf_done], perf_done + 1);
		}
		if (perf_done < ds->nperf && !ds->nsections)
			x->first_block = 1;
		for (; perf_done < ds->nperf; perf_done++)
			perf_docx(x, &ds->perf[perf_done], perf_done + 1);
	}
	sect_pr(x);
	ys_buf_puts(x->b, "</w:body></w:document>");
	for (size_t i = 0; i < nh; i++)
		ys_buf_release(&h[i].text, &x->b->failed);
	free(h);
	return st;
}

static const char content_types[] = XML_DECL
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
	"<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
	"<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	"<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
	"</Types>";

static const char package_rels[] = XML_DECL
	"<Relationships xmlns=\"" NS_PR "\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
	"</Relationships>";

static const char document_rels[] = XML_DECL
	"<Relationships xmlns=\"" NS_PR "\">"
	"<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
	"<Relationship Id=\"rIdFonts\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
	"<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
	"</Relationships>";

static const char font_table[] = XML_DECL
	"<w:fonts xmlns:w=\"" NS_W "\">"
	"<w:font w:name=\"" SERIF "\"><w:altName w:val=\"宋体\"/><w:charset w:val=\"86\"/>"
	"<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
	"<w:font w:name=\"" SANS "\"><w:altName w:val=\"黑体\"/><w:charset w:val=\"86\"/>"
	"<w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>"
	"<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/>"
	"<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
	"<w:font w:name=\"Arial\"><w:charset w:val=\"00\"/>"
	"<w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>"
	"</w:fonts>";

static const char app_xml[] = XML_DECL
	"<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
	"<Application>yusuan</Application></Properties>";

/* Settings: fields (the TOC page numbers) are updated when Word opens the
 * file; CJK punctuation compression; the document language for themes. */
static const char settings_xml[] = XML_DECL
	"<w:settings xmlns:w=\"" NS_W "\">"
	"<w:defaultTabStop w:val=\"420\"/>"
	"<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
	"<w:updateFields w:val=\"true\"/>"
	"<w:compat><w:compatSetting w:name=\"compatibilityMode\""
	" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
	"<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
	"</w:settings>";

static const char footer_xml[] = XML_DECL
	"<w:ftr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\">"
	"<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>"
	"<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
	"<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
	"<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
	"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
	"<w:r><w:t>1</w:t></w:r>"
	"<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
	"<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>";

#define FONTS_SONG "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"" SERIF "\" w:cs=\"Times New Roman\"/>"
#define FONTS_HEI "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"" SANS "\" w:cs=\"Arial\"/>"

static const char styles_xml[] = XML_DECL
	"<w:styles xmlns:w=\"" NS_W "\">"
	"<w:docDefaults><w:rPrDefault><w:rPr>" FONTS_SONG
	"<w:kern w:val=\"2\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"
	"<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
	"<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
	"</w:pPr></w:pPrDefault></w:docDefaults>"

	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
	"<w:qFormat/><w:pPr><w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/></w:pPr></w:style>"

	"<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:spacing w:before=\"240\" w:after=\"240\"/><w:jc w:val=\"center\"/></w:pPr>"
	"<w:rPr>" FONTS_HEI "<w:b/><w:bCs/><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/></w:rPr></w:style>"

	"<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:spacing w:before=\"120\" w:after=\"120\"/><w:jc w:val=\"center\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>"

	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"360\"/>"
	"<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
	"<w:rPr>" FONTS_HEI "<w:b/><w:bCs/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/></w:rPr></w:style>"

	"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"200\"/>"
	"<w:outlineLvl w:val=\"1\"/></w:pPr>"
	"<w:rPr>" FONTS_HEI "<w:b/><w:bCs/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/></w:rPr></w:style>"

	"<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"160\"/>"
	"<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"2\"/></w:pPr>"
	"<w:rPr>" FONTS_HEI "<w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>"

	"<w:style w:type=\"paragraph\" w:styleId=\"BodyText\"><w:name w:val=\"Body Text\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:spacing w:line=\"400\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>"

	"<w:style w:type=\"paragraph\" w:styleId=\"TableHead\"><w:name w:val=\"Table Head Line\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:after=\"60\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>"

	"<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"20\" w:after=\"20\"/><w:jc w:val=\"left\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"

	"<w:style w:type=\"paragraph\" w:styleId=\"TableNote\"><w:name w:val=\"Table Note\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"120\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>"

	"<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
	"<w:pPr><w:spacing w:before=\"240\" w:after=\"480\"/><w:jc w:val=\"center\"/></w:pPr>"
	"<w:rPr>" FONTS_HEI "<w:b/><w:bCs/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/></w:rPr></w:style>"

	"<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
	"<w:pPr><w:spacing w:before=\"240\" w:after=\"100\"/></w:pPr>"
	"<w:rPr>" FONTS_HEI "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>"

	"<w:style w:type=\"paragraph\" w:styleId=\"TOC2\"><w:name w:val=\"toc 2\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
	"<w:pPr><w:spacing w:before=\"60\" w:after=\"60\"/><w:ind w:left=\"480\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>"

	"<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"

	"<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
	"<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>"

	"<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
	"<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
	"<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
	"<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
	"</w:tblCellMar></w:tblPr></w:style>"

	"<w:style w:type=\"table\" w:styleId=\"YsTable\"><w:name w:val=\"Budget Table\"/>"
	"<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>"
	"<w:top w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:left w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:right w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"</w:tblBorders><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/>"
	"<w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
	"</w:styles>";

static void core_xml(const ys_disclosure *ds, ys_buf *b)
{
	ys_buf title = YS_BUF_INIT;

	ys_office_doc_title(ds, &title);
	ys_buf_puts(b, XML_DECL "<cp:coreProperties"
		    " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
		    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
		    " xmlns:dcterms=\"http://purl.org/dc/terms/\""
		    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
	ys_xml_text(b, ys_buf_str(&title), title.len);
	if (!ys_buf_ok(&title))
		b->failed = 1;
	ys_buf_free(&title);
	ys_buf_puts(b, "</dc:title><dc:creator>");
	if (ds->unit_name)
		ys_xml_text(b, ds->unit_name, strlen(ds->unit_name));
	ys_buf_puts(b, "</dc:creator><dc:language>zh-CN</dc:language></cp:coreProperties>");
}

ys_status ys_render_docx(const ys_disclosure *ds, const ys_template *t,
			 ys_buf *out, ys_diag *d)
{
	static const struct {
		const char *name;
		const char *text;
	} fixed[] = {
		{"[Content_Types].xml", content_types},
		{"_rels/.rels", package_rels},
		{"word/_rels/document.xml.rels", document_rels},
		{"word/styles.xml", styles_xml},
		{"word/settings.xml", settings_xml},
		{"word/footer1.xml", footer_xml},
		{"word/fontTable.xml", font_table},
		{"docProps/app.xml", app_xml},
	};
	ys_buf doc = YS_BUF_INIT, core = YS_BUF_INIT;
	dx x = {&doc, ds, t, 0, 0, 1, 0, 0};
	ys_zip *z = NULL;
	ys_status st;

	st = document_xml(&x);
	core_xml(ds, &core);
	if (st == YS_OK && (!ys_buf_ok(&doc) || !ys_buf_ok(&core)))
		st = YS_ENOMEM;
	if (st != YS_OK) {
		st = ys_fail(d, st, NULL, 0, 0, "内存不足");
		goto done;
	}
	if ((st = ys_zip_new(&z, d)) != YS_OK)
		goto done;
	for (size_t i = 0; st == YS_OK && i < sizeof fixed / sizeof *fixed; i++)
		st = ys_zip_add(z, fixed[i].name, fixed[i].text, strlen(fixed[i].text), d);
	if (st == YS_OK)
		st = ys_zip_add(z, "word/document.xml", doc.data, doc.len, d);
	if (st == YS_OK)
		st = ys_zip_add(z, "docProps/core.xml", core.data, core.len, d);
	if (st == YS_OK) {
		st = ys_zip_finish(z, out, d);
		z = NULL;
	}
	if (st == YS_OK && !ys_buf_ok(out))
		st = ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
done:
	ys_zip_discard(z);
	ys_buf_free(&doc);
	ys_buf_free(&core);
	return st;
}
