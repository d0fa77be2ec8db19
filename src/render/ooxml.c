/*
 * ooxml.c - the printed-table model and the in-memory zip writer shared by
 * the office renderers (see ooxml.h).
 */
#include "ooxml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "../base/money.h"

/* Column labels when the template gives no header (a parsed table). The
 * labels point at literals or into the disclosure, so none is cut. */
static void own_header(ys_ptable *p)
{
	const ys_dtable *t = p->t;

	for (size_t c = 0; c < p->np; c++) {
		const ys_pcol *pc = &p->pc[c];
		const char *s;

		if (pc->kind == YS_PCOL_SEQ)
			s = "序号";
		else if (pc->kind == YS_PCOL_CODE)
			s = "科目编码";
		else if (pc->kind == YS_PCOL_NAME)
			s = !t->two_sided ? "项目" : strcmp(pc->side, "income") ? "支出项目" : "收入项目";
		else
			s = t->cols[pc->col].label ? t->cols[pc->col].label : "";
		p->own[c] = (ys_hcell){s, 1, 1};
		p->grid[c] = (ys_hpos){&p->own[c], 1};
	}
}

ys_status ys_ptable_init(ys_ptable *p, const ys_dtable *t, const ys_ttable *tt)
{
	memset(p, 0, sizeof *p);
	p->t = t;
	p->np = ys_table_layout(t, ys_table_by_code(t, tt), p->pc);
	p->numbering = !t->no_numbering;
	p->nhead = tt && tt->nheader ? tt->nheader : 1;
	p->grid = calloc(p->nhead * p->np + 1, sizeof *p->grid);
	p->lines = calloc(t->nrows + 1, sizeof *p->lines);
	if (!p->grid || !p->lines) {
		ys_ptable_free(p);
		return YS_ENOMEM;
	}
	if (!tt || !tt->nheader || !ys_header_grid(tt, p->np, p->grid)) {
		p->nhead = 1;
		own_header(p);
	}
	p->nlines = ys_table_lines(t, p->lines);
	return YS_OK;
}

void ys_ptable_free(ys_ptable *p)
{
	free(p->grid);
	free(p->lines);
	p->grid = NULL;
	p->lines = NULL;
}

const ys_drow *ys_ptable_row(const ys_ptable *p, size_t i, size_t c)
{
	const ys_pline *l = &p->lines[i];

	if (!p->t->two_sided)
		return l->row;
	if (!p->pc[c].side)
		return NULL;
	return strcmp(p->pc[c].side, "income") ? l->expense : l->income;
}

const char *ys_ptable_text(const ys_ptable *p, const ys_disclosure *ds,
			   size_t i, size_t c, char *buf)
{
	const ys_drow *r = ys_ptable_row(p, i, c);

	switch (p->pc[c].kind) {
	case YS_PCOL_SEQ:
		snprintf(buf, YS_MONEY_FMT_MAX, "%d", p->lines[i].seq);
		return buf;
	case YS_PCOL_CODE:
		return r && r->code ? r->code : "";
	case YS_PCOL_NAME:
		return !r ? "" : r->label ? r->label : r->name ? r->name : "";
	case YS_PCOL_VALUE:
		if (!r || p->pc[c].col < 0 || !ys_drow_has_col(p->t, r, (size_t)p->pc[c].col))
			return "";
		/* A parsed cell may hold text instead of a value ("单位不需填列"). */
		if (!r->has[p->pc[c].col] && r->notes && r->notes[p->pc[c].col])
			return r->notes[p->pc[c].col];
		return ys_render_amount(ds, r, (size_t)p->pc[c].col, buf);
	}
	return "";
}

int ys_ptable_is_amount(const ys_ptable *p, size_t c)
{
	return p->pc[c].kind == YS_PCOL_VALUE;
}

int ys_ptable_is_total(const ys_ptable *p, size_t i)
{
	const ys_pline *l = &p->lines[i];

	if (!p->t->two_sided)
		return l->row && l->row->total;
	return (l->income && l->income->total) || (l->expense && l->expense->total);
}

double ys_text_width(const char *s)
{
	double w = 0;

	for (const unsigned char *q = (const unsigned char *)s; q && *q; q++) {
		if (*q < 0x80)
			w += 1.2;	/* digits of CJK fonts are wider than a half-em */
		else if ((*q & 0xC0) == 0xC0)
			w += 2;
	}
	return w;
}

void ys_ptable_widths(const ys_ptable *p, const ys_disclosure *ds, double *w)
{
	char buf[YS_MONEY_FMT_MAX];

	for (size_t c = 0; c < p->np; c++) {
		int amount = ys_ptable_is_amount(p, c);

		w[c] = amount ? 8 : 4;
		for (size_t h = 0; h < p->nhead; h++) {
			const ys_hpos *g = &p->grid[h * p->np + c];
			double tw;

			if (!g->origin || g->cell->colspan != 1)
				continue;
			tw = ys_text_width(g->cell->text);
			/* Headers over amounts wrap, four characters a line. */
			if (amount && tw > 8)
				tw = 8;
			if (tw > w[c])
				w[c] = tw;
		}
		for (size_t i = 0; i < p->nlines; i++) {
			const ys_drow *r = ys_ptable_row(p, i, c);
			double tw = ys_text_width(ys_ptable_text(p, ds, i, c, buf));

			/* Names are indented one character per level. */
			if (p->pc[c].kind == YS_PCOL_NAME && r && r->indent > 0)
				tw += 2 * r->indent;
			if (tw > w[c])
				w[c] = tw;
		}
	}
}

void ys_ptable_fit(const ys_ptable *p, double *w, double avail)
{
	double rigid = 0, flex = 0;
	size_t names = 0;

	for (size_t c = 0; c < p->np; c++) {
		if (p->pc[c].kind == YS_PCOL_NAME)
			flex += w[c], names++;
		else
			rigid += w[c];
	}
	/* Names get at least 8 half-ems each before anything else shrinks. */
	if (rigid + flex <= avail || flex == 0 || rigid + 8 * (double)names > avail) {
		double k = rigid + flex > 0 ? avail / (rigid + flex) : 1;

		for (size_t c = 0; c < p->np; c++)
			w[c] *= k;
		return;
	}
	for (size_t c = 0; c < p->np; c++)
		if (p->pc[c].kind == YS_PCOL_NAME)
			w[c] = (avail - rigid) * w[c] / flex;
}

/* Appends pattern to out with {unit_code} {unit_name} {year} {money_unit}
 * filled in; the buffer grows, so a long unit name is never cut. */
static void expand(const ys_disclosure *ds, const char *pattern, ys_buf *out)
{
	for (const char *s = pattern; *s;) {
		if (!strncmp(s, "{unit_code}", 11)) {
			ys_buf_puts(out, ds->unit_code ? ds->unit_code : "");
			s += 11;
		} else if (!strncmp(s, "{unit_name}", 11)) {
			ys_buf_puts(out, ds->unit_name ? ds->unit_name : "");
			s += 11;
		} else if (!strncmp(s, "{money_unit}", 12)) {
			ys_buf_puts(out, ds->money_unit ? ds->money_unit : "万元");
			s += 12;
		} else if (!strncmp(s, "{year}", 6)) {
			ys_buf_printf(out, "%d", ds->year);
			s += 6;
		} else {
			ys_buf_putc(out, *s++);
		}
	}
	ys_buf_puts(out, "");
}

size_t ys_office_header_parts(const ys_disclosure *ds, const ys_template *t,
			      ys_buf parts[3])
{
	static const char *const dflt[] = {"{unit_code}{unit_name}", "预算年度：{year}",
					   "单位：{money_unit}"};
	const char *const *pat = dflt;
	size_t n = 3;

	if (t && t->nheader_lines) {
		pat = t->header_lines;
		n = t->nheader_lines < 3 ? t->nheader_lines : 3;
	}
	for (size_t i = 0; i < n; i++)
		expand(ds, pat[i], &parts[i]);
	return n;
}

void ys_section_heading(const ys_dsection *s, size_t *num, ys_buf *out)
{
	static const char *const digit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	const char *title = s->title ? s->title : "";
	size_t n;

	if (s->id && !strcmp(s->id, "intro")) {
		ys_buf_puts(out, title);
		return;
	}
	n = ++*num;
	if (n < 10)
		ys_buf_printf(out, "%s、", digit[n]);
	else if (n < 100)
		ys_buf_printf(out, "%s十%s、", n / 10 > 1 ? digit[n / 10] : "", digit[n % 10]);
	else
		ys_buf_printf(out, "%zu、", n);
	ys_buf_puts(out, title);
}

void ys_office_doc_title(const ys_disclosure *ds, ys_buf *out)
{
	ys_buf_puts(out, ds->unit_name ? ds->unit_name : "");
	ys_buf_printf(out, "%d年部门预算", ds->year);
}

int ys_text_is_row(const char *s, size_t len)
{
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\r'))
		len--;
	return len >= 2 && s[0] == '|' && s[len - 1] == '|';
}

size_t ys_text_row_cells(const char *s, size_t len, size_t *start, size_t *clen,
			 size_t max)
{
	size_t n = 0, i = 1, dashes = 0, other = 0;

	while (len && (s[len - 1] == ' ' || s[len - 1] == '\r'))
		len--;
	if (len)
		len--;	/* the closing '|' */
	while (i <= len && n < max) {
		size_t a = i, b;

		while (i < len && !(s[i] == '|' && s[i - 1] != '\\'))
			i++;
		b = i;
		while (a < b && s[a] == ' ')
			a++;
		while (b > a && s[b - 1] == ' ')
			b--;
		for (size_t k = a; k < b; k++) {
			if (s[k] == '-' || s[k] == ':')
				dashes++;
			else
				other++;
		}
		start[n] = a;
		clen[n++] = b - a;
		i++;
	}
	return dashes && !other ? 0 : n;
}

int ys_text_is_number(const char *s, size_t len)
{
	size_t digits = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (!(s[i] == '.' || s[i] == ',' || s[i] == '-' || s[i] == '%'))
			return 0;
	}
	return digits > 0;
}

void ys_xml_text(ys_buf *b, const char *s, size_t n)
{
	size_t run = 0, i;

	/* Escapes in place run by run: no intermediate buffer to cut text. */
	for (i = 0; i < n && s[i]; i++) {
		unsigned char ch = (unsigned char)s[i];
		const char *rep = NULL;

		switch (ch) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default:
			if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
				rep = "";
			break;
		}
		if (rep) {
			ys_buf_add(b, s + run, i - run);
			ys_buf_puts(b, rep);
			run = i + 1;
		}
	}
	ys_buf_add(b, s + run, i - run);
	ys_buf_puts(b, "");
}

struct ys_zip {
	zip_source_t *src;
	zip_t *za;
};

static ys_status zip_failed(ys_diag *d, zip_error_t *ze)
{
	ys_status st = ys_fail(d, YS_EIO, NULL, 0, 0, "无法生成 zip 文件：%s",
			       zip_error_strerror(ze));

	zip_error_fini(ze);
	return st;
}

ys_status ys_zip_new(ys_zip **zp, ys_diag *d)
{
	ys_zip *z = calloc(1, sizeof *z);
	zip_error_t ze;

	*zp = NULL;
	if (!z)
		return ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
	zip_error_init(&ze);
	if (!(z->src = zip_source_buffer_create(NULL, 0, 0, &ze))) {
		free(z);
		return zip_failed(d, &ze);
	}
	if (!(z->za = zip_open_from_source(z->src, ZIP_TRUNCATE, &ze))) {
		zip_source_free(z->src);
		free(z);
		return zip_failed(d, &ze);
	}
	/* Keep the source alive after zip_close so its bytes can be read. */
	zip_source_keep(z->src);
	zip_error_fini(&ze);
	*zp = z;
	return YS_OK;
}

ys_status ys_zip_add(ys_zip *z, const char *name, const void *data, size_t len,
		     ys_diag *d)
{
	void *copy = malloc(len ? len : 1);
	zip_source_t *s;
	zip_int64_t idx;

	if (!copy)
		return ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
	memcpy(copy, data, len);
	if (!(s = zip_source_buffer(z->za, copy, len, 1))) {
		free(copy);
		return ys_fail(d, YS_EIO, NULL, 0, 0, "无法生成 zip 文件：%s", zip_strerror(z->za));
	}
	if ((idx = zip_file_add(z->za, name, s, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(s);
		return ys_fail(d, YS_EIO, NULL, 0, 0, "无法生成 zip 文件：%s", zip_strerror(z->za));
	}
	/* A fixed time stamp (2023-01-01) keeps the output reproducible. */
	zip_file_set_mtime(z->za, (zip_uint64_t)idx, (time_t)1672531200, 0);
	return YS_OK;
}

ys_status ys_zip_finish(ys_zip *z, ys_buf *out, ys_diag *d)
{
	zip_stat_t zs;
	char chunk[65536];
	zip_int64_t n;
	ys_status st = YS_OK;

	if (zip_close(z->za) < 0) {
		st = ys_fail(d, YS_EIO, NULL, 0, 0, "无法生成 zip 文件：%s", zip_strerror(z->za));
		zip_discard(z->za);
		goto done;
	}
	zip_stat_init(&zs);
	if (zip_source_stat(z->src, &zs) < 0 || zip_source_open(z->src) < 0) {
		st = ys_fail(d, YS_EIO, NULL, 0, 0, "无法读取生成的 zip 数据");
		goto done;
	}
	while ((n = zip_source_read(z->src, chunk, sizeof chunk)) > 0)
		ys_buf_add(out, chunk, (size_t)n);
	if (n < 0)
		st = ys_fail(d, YS_EIO, NULL, 0, 0, "无法读取生成的 zip 数据");
	zip_source_close(z->src);
done:
	zip_source_free(z->src);
	free(z);
	return st;
}

void ys_zip_discard(ys_zip *z)
{
	if (!z)
		return;
	zip_discard(z->za);
	zip_source_free(z->src);
	free(z);
}
