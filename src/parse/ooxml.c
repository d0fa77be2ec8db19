/*
 * ooxml.c - the DOCX and XLSX readers: libzip opens the package from
 * memory, expat reads the XML parts, and both produce the intermediate
 * document (doc.h). DOCX: paragraphs and tables (w:gridSpan, w:vMerge
 * turned into colspan/rowspan). XLSX: every sheet in workbook order,
 * shared strings, merged ranges; a sheet's rows become paragraphs (one
 * text cell) or table rows, consecutive table rows one table, so several
 * tables per sheet and one table per sheet both work.
 *
 * Hostile packages: the entry count and the total inflated size are
 * limited and counted while inflating (the sizes in the zip directory may
 * lie); XML with a DOCTYPE is refused, which disables entity expansion
 * (billion laughs) before any entity is declared.
 */
#include "readers.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "../base/buf.h"
#include "../base/limits.h"
#include "parse.h"

struct pkg {
	const char *path;
	zip_t *zip;
	size_t inflated;
	ys_diag *d;
};

/* Reads a whole entry; YS_ENOTFOUND when the package has no such entry. */
static ys_status read_entry(struct pkg *k, const char *name, char **out, size_t *len)
{
	zip_file_t *f;
	char *data = NULL;
	size_t n = 0, cap = 64 * 1024;
	zip_int64_t got;
	zip_int64_t idx = zip_name_locate(k->zip, name, 0);
	const size_t max_inflated = ys_limits_get()->zip_inflated_bytes;

	*out = NULL;
	*len = 0;
	if (idx < 0)
		return YS_ENOTFOUND;
	{
		zip_stat_t zs;

		/* The declared size may lie; it is checked again while inflating. */
		if (!zip_stat_index(k->zip, (zip_uint64_t)idx, 0, &zs) && (zs.valid & ZIP_STAT_SIZE)) {
			if (zs.size > max_inflated - k->inflated)
				return ys_fail_limit(k->d, zip_inflated_bytes, k->path, 0, 0,
						     "zip 条目 %s：解压后超过 %zu 字节的上限（疑似 zip 炸弹）",
						     name, max_inflated);
			/* Inflated straight into a buffer of the declared size
			 * (one byte more shows whether the size was true). */
			cap = (size_t)zs.size + 2;
		}
	}
	if (!(f = zip_fopen_index(k->zip, (zip_uint64_t)idx, 0)))
		return ys_fail(k->d, YS_EINPUT, k->path, 0, 0,
			       "zip 条目 %s 无法打开：%s", name, zip_strerror(k->zip));
	for (;;) {
		if (cap - n < 2) {
			char *more = cap > max_inflated ? NULL : realloc(data, cap * 2);

			if (!more) {
				zip_fclose(f);
				free(data);
				return ys_fail(k->d, YS_ENOMEM, k->path, 0, 0, "内存不足");
			}
			data = more;
			cap *= 2;
		} else if (!data && !(data = malloc(cap))) {
			zip_fclose(f);
			return ys_fail(k->d, YS_ENOMEM, k->path, 0, 0, "内存不足");
		}
		got = zip_fread(f, data + n, cap - n - 1);
		if (got <= 0)
			break;
		n += (size_t)got;
		k->inflated += (size_t)got;
		if (k->inflated > max_inflated) {
			zip_fclose(f);
			free(data);
			return ys_fail_limit(k->d, zip_inflated_bytes, k->path, 0, 0,
					     "zip 条目 %s：解压后超过 %zu 字节的上限（疑似 zip 炸弹）",
					     name, max_inflated);
		}
	}
	if (got < 0) {
		ys_status st = ys_fail(k->d, YS_EINPUT, k->path, 0, 0,
				       "zip 条目 %s 损坏或被截断：%s", name,
				       zip_error_strerror(zip_file_get_error(f)));

		zip_fclose(f);
		free(data);
		return st;
	}
	zip_fclose(f);
	data[n] = '\0';
	*len = n;
	*out = data;
	return YS_OK;
}

/* ---- XML plumbing ----------------------------------------------------- */

struct xml {
	XML_Parser p;
	const char *entry;
	int refused;	/* DOCTYPE seen */
};

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sys,
			       const XML_Char *pub, int internal)
{
	struct xml *x = *(struct xml **)ud;

	(void)name; (void)sys; (void)pub; (void)internal;
	x->refused = 1;
	XML_StopParser(x->p, XML_FALSE);
}

/* Local name without namespace prefix ("w:tc" → "tc"). */
static const char *local(const char *n)
{
	const char *c = strrchr(n, ':');

	return c ? c + 1 : n;
}

static const char *attr(const XML_Char **a, const char *name)
{
	for (; a && a[0]; a += 2)
		if (!strcmp(local(a[0]), name))
			return a[1];
	return NULL;
}

#define XML_SLICE ((size_t)64 * 1024)

/* Runs expat over text; ud's first member must be a struct xml *. */
static ys_status run_xml(struct pkg *k, struct xml *x, void *ud, const char *text,
			 size_t len, XML_StartElementHandler start,
			 XML_EndElementHandler end, XML_CharacterDataHandler chars)
{
	ys_status st = YS_OK;
	int failed = 0;

	x->p = XML_ParserCreate("UTF-8");
	if (!x->p)
		return ys_fail(k->d, YS_ENOMEM, k->path, 0, 0, "内存不足");
	XML_SetUserData(x->p, ud);
	XML_SetElementHandler(x->p, start, end);
	XML_SetCharacterDataHandler(x->p, chars);
	XML_SetStartDoctypeDeclHandler(x->p, on_doctype);
	/* Fed in slices: given the whole part at once, expat copies all of it
	 * into a buffer of its own, and a fresh buffer of a few hundred KiB
	 * per document costs more in page faults than the parsing itself. */
	for (size_t off = 0;;) {
		size_t n = len - off > XML_SLICE ? XML_SLICE : len - off;

		if (XML_Parse(x->p, text + off, (int)n, off + n == len) == XML_STATUS_ERROR) {
			failed = 1;
			break;
		}
		off += n;
		if (off == len)
			break;
	}
	if (failed) {
		if (x->refused)
			st = ys_fail(k->d, YS_EINPUT, k->path, (long)XML_GetCurrentLineNumber(x->p), 0,
				     "zip 条目 %s：XML 含 DOCTYPE（可能的实体扩展攻击），拒绝读取", x->entry);
		else
			st = ys_fail(k->d, YS_EINPUT, k->path, (long)XML_GetCurrentLineNumber(x->p),
				     (long)XML_GetCurrentColumnNumber(x->p) + 1,
				     "zip 条目 %s 第 %lu 行：XML 错误：%s", x->entry,
				     (unsigned long)XML_GetCurrentLineNumber(x->p),
				     XML_ErrorString(XML_GetErrorCode(x->p)));
	}
	XML_ParserFree(x->p);
	return st;
}

/* ---- DOCX ------------------------------------------------------------- */

struct dcell {
	char *text;
	int gridcol, span, vmerge;	/* vmerge: 0 none, 1 restart, 2 continue */
};

struct drow {
	struct dcell *c;
	size_t n, cap;
};

struct docx {
	struct xml *x;
	ys_pdoc *doc;
	ys_buf text;
	int in_t, tbl_depth, in_tc, para_in_cell;
	struct drow *rows;
	size_t nrows, crows;
	struct dcell cur;
	long tbl_line;
	int failed;
};

static void docx_flush_table(struct docx *x)
{
	ys_pdoc_table(x->doc, x->tbl_line);
	for (size_t r = 0; r < x->nrows; r++) {
		ys_pdoc_row(x->doc, x->tbl_line);
		for (size_t i = 0; i < x->rows[r].n; i++) {
			struct dcell *c = &x->rows[r].c[i];
			int rowspan = 1;

			if (c->vmerge == 2)
				continue;
			if (c->vmerge == 1)
				for (size_t rr = r + 1; rr < x->nrows; rr++) {
					int found = 0;

					for (size_t j = 0; j < x->rows[rr].n; j++)
						if (x->rows[rr].c[j].gridcol == c->gridcol &&
						    x->rows[rr].c[j].vmerge == 2)
							found = 1;
					if (!found)
						break;
					rowspan++;
				}
			ys_pdoc_cell(x->doc, c->text, strlen(c->text), c->span, rowspan);
		}
	}
	for (size_t r = 0; r < x->nrows; r++) {
		for (size_t i = 0; i < x->rows[r].n; i++)
			free(x->rows[r].c[i].text);
		free(x->rows[r].c);
	}
	x->nrows = 0;
}

static void XMLCALL docx_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct docx *x = ud;
	const char *n = local(name), *v;

	if (!strcmp(n, "tbl")) {
		if (!x->tbl_depth++) {
			x->tbl_line = (long)XML_GetCurrentLineNumber(x->x->p);
			ys_buf_reset(&x->text);
		}
	} else if (x->tbl_depth == 1 && !strcmp(n, "tr")) {
		if (!ys_grow((void **)&x->rows, &x->crows, x->nrows, sizeof *x->rows)) {
			x->failed = 1;
			XML_StopParser(x->x->p, XML_FALSE);
			return;
		}
		memset(&x->rows[x->nrows++], 0, sizeof *x->rows);
	} else if (x->tbl_depth == 1 && !strcmp(n, "tc")) {
		struct drow *r = x->nrows ? &x->rows[x->nrows - 1] : NULL;

		memset(&x->cur, 0, sizeof x->cur);
		x->cur.span = 1;
		x->cur.gridcol = 0;
		if (r)
			for (size_t i = 0; i < r->n; i++)
				x->cur.gridcol += r->c[i].span;
		x->in_tc = 1;
		x->para_in_cell = 0;
		ys_buf_reset(&x->text);
	} else if (x->in_tc && x->tbl_depth == 1 && !strcmp(n, "gridSpan")) {
		v = attr(a, "val");
		x->cur.span = v ? atoi(v) : 1;
		if (x->cur.span < 1 || x->cur.span > 1000)
			x->cur.span = 1;
	} else if (x->in_tc && x->tbl_depth == 1 && !strcmp(n, "vMerge")) {
		v = attr(a, "val");
		x->cur.vmerge = v && !strcmp(v, "restart") ? 1 : 2;
	} else if (!strcmp(n, "p")) {
		if (x->in_tc && x->para_in_cell++)
			ys_buf_putc(&x->text, '\n');
	} else if (!strcmp(n, "t")) {
		x->in_t = 1;
	} else if (!strcmp(n, "tab")) {
		ys_buf_putc(&x->text, ' ');
	} else if (!strcmp(n, "br") || !strcmp(n, "cr")) {
		ys_buf_putc(&x->text, '\n');
	}
}

static void trimmed(const ys_buf *b, const char **s, size_t *n)
{
	*s = ys_buf_str(b);
	*n = b->len;
	while (*n && (**s == ' ' || **s == '\n')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\n'))
		(*n)--;
}

static void XMLCALL docx_end(void *ud, const XML_Char *name)
{
	struct docx *x = ud;
	const char *n = local(name);

	if (!strcmp(n, "t")) {
		x->in_t = 0;
	} else if (!strcmp(n, "tbl")) {
		if (!--x->tbl_depth) {
			docx_flush_table(x);
			ys_buf_reset(&x->text);
		}
	} else if (x->tbl_depth == 1 && !strcmp(n, "tc")) {
		struct drow *r = x->nrows ? &x->rows[x->nrows - 1] : NULL;
		const char *s;
		size_t len;

		x->in_tc = 0;
		trimmed(&x->text, &s, &len);
		if (!r || !ys_grow((void **)&r->c, &r->cap, r->n, sizeof *r->c) ||
		    !(x->cur.text = strndup(s, len))) {
			x->failed = 1;
			XML_StopParser(x->x->p, XML_FALSE);
			return;
		}
		r->c[r->n++] = x->cur;
		ys_buf_reset(&x->text);
	} else if (!strcmp(n, "p") && !x->tbl_depth) {
		const char *s;
		size_t len;

		trimmed(&x->text, &s, &len);
		if (len)
			ys_pdoc_para(x->doc, s, len, (long)XML_GetCurrentLineNumber(x->x->p));
		ys_buf_reset(&x->text);
	}
}

static void XMLCALL docx_chars(void *ud, const XML_Char *s, int len)
{
	struct docx *x = ud;

	if (x->in_t)
		ys_buf_add(&x->text, s, (size_t)len);
}

static ys_status read_docx(struct pkg *k, ys_pdoc *doc)
{
	struct xml xm = {0};
	struct docx x = {0};
	char *text;
	size_t len;
	ys_status st = read_entry(k, "word/document.xml", &text, &len);

	if (st == YS_ENOTFOUND)
		return ys_fail(k->d, YS_EINPUT, k->path, 0, 0, "DOCX 中没有 word/document.xml");
	if (st != YS_OK)
		return st;
	xm.entry = "word/document.xml";
	x.x = &xm;
	x.doc = doc;
	st = run_xml(k, &xm, &x, text, len, docx_start, docx_end, docx_chars);
	if (x.failed || !ys_buf_ok(&x.text))
		st = ys_fail(k->d, YS_ENOMEM, k->path, 0, 0, "内存不足");
	for (size_t r = 0; r < x.nrows; r++) {
		for (size_t i = 0; i < x.rows[r].n; i++)
			free(x.rows[r].c[i].text);
		free(x.rows[r].c);
	}
	free(x.rows);
	ys_buf_free(&x.text);
	free(text);
	return st;
}

/* ---- XLSX ------------------------------------------------------------- */

/* The shared-string table. Cells point into it instead of copying: one
 * string of a few MiB referenced by 200k cells once made the reader ask
 * for hundreds of GB. Its count and total size are bounded. */
struct strs {
	char **v;
	size_t n, cap;
	size_t bytes;	/* total length of all strings */
};

struct xcell {
	int row, col;
	const char *text;	/* into the shared strings, or owned */
	size_t len;
	int owned;
};

struct merge {
	int r0, c0, r1, c1;
};

struct xlsx {
	struct xml *x;
	struct strs *sst;
	ys_buf text;
	int in_text, in_si, in_v, in_is;
	/* sheet */
	struct xcell *cells;
	size_t ncells, ccells;
	struct merge *merges;
	size_t nmerges, cmerges;
	int cur_row, cur_col;
	char cur_type[16];
	/* workbook */
	char **sheets;	/* r:id of each sheet, in order */
	char **names;
	size_t nsheets, csheets;
	/* rels */
	char **rel_id, **rel_target;
	size_t nrels, crels;
	int failed;
	int too_big;	/* a sheet over the cell (1) or merge (2) limit */
	int sst_too_big;	/* shared strings over their count or size limit */
	size_t text_bytes;	/* cell text handed to the document so far */
	int text_too_big;
};

/* The bounds (limits.h): per sheet, cells and merges (lookups of merged
 * ranges are linear, so a hostile sheet must not hold millions of them;
 * real disclosures have a few thousand cells); shared strings, count and
 * bytes; and the cell text handed to the document across all sheets.
 * Every reference to a shared string becomes its own copy in the
 * document, so that last one bounds the amplification of one long string
 * referenced by many cells. */

/* An allocation failed: stop the parse at once rather than carry on with
 * a half-built table. */
static void xfail(struct xlsx *x)
{
	x->failed = 1;
	XML_StopParser(x->x->p, XML_FALSE);
}

/* "AB12" → row 12, col 28 (1-based). Returns 0 when malformed. */
static int cell_ref(const char *s, int *row, int *col)
{
	int c = 0, r = 0;

	for (; *s >= 'A' && *s <= 'Z'; s++)
		if ((c = c * 26 + (*s - 'A' + 1)) > 16384)
			return 0;
	for (; *s >= '0' && *s <= '9'; s++)
		if ((r = r * 10 + (*s - '0')) > 1048576)
			return 0;
	*row = r;
	*col = c;
	return r > 0 && c > 0 && !*s;
}

static char *xstrdup(struct xlsx *x, const char *s)
{
	char *p = strdup(s ? s : "");

	if (!p)
		xfail(x);
	return p;
}

static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct xlsx *x = ud;
	const char *n = local(name);

	(void)a;
	if (!strcmp(n, "si")) {
		x->in_si = 1;
		ys_buf_reset(&x->text);
	} else if (!strcmp(n, "t") && x->in_si) {
		x->in_text = 1;
	} else if (!strcmp(n, "rPh")) {
		x->in_si = 2;	/* phonetic runs are not the text */
	}
}

static void XMLCALL sst_end(void *ud, const XML_Char *name)
{
	struct xlsx *x = ud;
	const char *n = local(name);

	if (!strcmp(n, "t")) {
		x->in_text = 0;
	} else if (!strcmp(n, "rPh")) {
		x->in_si = 1;
	} else if (!strcmp(n, "si")) {
		if (!ys_buf_ok(&x->text)) {
			xfail(x);
			return;
		}
		if (x->sst->n >= ys_limits_get()->shared_strings ||
		    x->text.len > ys_limits_get()->shared_string_bytes - x->sst->bytes) {
			x->sst_too_big = x->sst->n >= ys_limits_get()->shared_strings ? 1 : 2;
			XML_StopParser(x->x->p, XML_FALSE);
			return;
		}
		if (!ys_grow((void **)&x->sst->v, &x->sst->cap, x->sst->n, sizeof *x->sst->v)) {
			xfail(x);
			return;
		}
		if (!(x->sst->v[x->sst->n] = xstrdup(x, ys_buf_str(&x->text))))
			return;
		x->sst->n++;
		x->sst->bytes += x->text.len;
		x->in_si = 0;
	}
}

static void XMLCALL text_chars(void *ud, const XML_Char *s, int len)
{
	struct xlsx *x = ud;

	if (x->in_text && x->in_si != 2)
		ys_buf_add(&x->text, s, (size_t)len);
}

static void XMLCALL sheet_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct xlsx *x = ud;
	const char *n = local(name), *v;

	if (!strcmp(n, "row")) {
		x->cur_row = (v = attr(a, "r")) ? atoi(v) : x->cur_row + 1;
		x->cur_col = 0;
	} else if (!strcmp(n, "c")) {
		int r, c;

		if ((v = attr(a, "r")) && cell_ref(v, &r, &c))
			x->cur_col = c;
		else
			x->cur_col++;
		snprintf(x->cur_type, sizeof x->cur_type, "%s", (v = attr(a, "t")) ? v : "n");
		ys_buf_reset(&x->text);
	} else if (!strcmp(n, "v")) {
		x->in_text = 1;
	} else if (!strcmp(n, "t") && !strcmp(x->cur_type, "inlineStr")) {
		x->in_text = 1;
	} else if (!strcmp(n, "mergeCell") && (v = attr(a, "ref"))) {
		char a0[32], a1[32];
		const char *colon = strchr(v, ':');
		struct merge m;

		if (!colon || (size_t)(colon - v) >= sizeof a0 || strlen(colon + 1) >= sizeof a1)
			return;
		snprintf(a0, sizeof a0, "%.*s", (int)(colon - v), v);
		snprintf(a1, sizeof a1, "%s", colon + 1);
		if (!cell_ref(a0, &m.r0, &m.c0) || !cell_ref(a1, &m.r1, &m.c1) ||
		    m.r1 < m.r0 || m.c1 < m.c0)
			return;
		if (x->nmerges >= ys_limits_get()->sheet_merges) {
			x->too_big = 2;
			XML_StopParser(x->x->p, XML_FALSE);
			return;
		}
		if (!ys_grow((void **)&x->merges, &x->cmerges, x->nmerges, sizeof *x->merges)) {
			xfail(x);
			return;
		}
		x->merges[x->nmerges++] = m;
	}
}

/* Numbers are stored as binary doubles written out ("0.16000000000000003",
 * "9.2999999999999989"): rounded here, as text, to 6 decimals and trailing
 * zeros dropped, so the money parser sees what the sheet displays. */
static void tidy_number(char *s)
{
	char *dot = strchr(s, '.');
	size_t i;

	if (!dot || strchr(s, 'E') || strchr(s, 'e') || strlen(dot + 1) <= 6)
		return;
	if (dot[7] >= '5') {
		/* Round up the 6th decimal, carrying leftwards. */
		for (i = (size_t)(dot - s) + 6;; i--) {
			if (s[i] == '.')
				continue;
			if (s[i] == '-' || i == (size_t)-1)
				break;
			if (s[i] != '9') {
				s[i]++;
				break;
			}
			s[i] = '0';
			if (i == 0 || s[i - 1] == '-') {
				memmove(s + i + 1, s + i, strlen(s + i) + 1);
				s[i] = '1';
				dot++;
				break;
			}
		}
	}
	dot[7] = '\0';
	for (i = strlen(s); i > 0 && s[i - 1] == '0'; i--)
		s[i - 1] = '\0';
	if (s[strlen(s) - 1] == '.')
		s[strlen(s) - 1] = '\0';
}

static void XMLCALL sheet_end(void *ud, const XML_Char *name)
{
	struct xlsx *x = ud;
	const char *n = local(name);

	if (!strcmp(n, "v") || !strcmp(n, "t")) {
		x->in_text = 0;
	} else if (!strcmp(n, "c")) {
		const char *s = ys_buf_str(&x->text);
		size_t len = x->text.len;
		int shared = !strcmp(x->cur_type, "s");
		struct xcell *c;

		if (!ys_buf_ok(&x->text)) {
			xfail(x);
			return;
		}
		if (shared) {
			long i = atol(s);

			if (i >= 0 && (size_t)i < x->sst->n) {
				s = x->sst->v[i];
				len = strlen(s);
			} else {
				s = "";
				len = 0;
			}
		}
		if (!len || x->cur_row <= 0 || x->cur_col <= 0)
			return;
		if (x->ncells >= ys_limits_get()->sheet_cells) {
			x->too_big = 1;
			XML_StopParser(x->x->p, XML_FALSE);
			return;
		}
		if (len > ys_limits_get()->cell_text_bytes - x->text_bytes) {
			x->text_too_big = 1;
			XML_StopParser(x->x->p, XML_FALSE);
			return;
		}
		if (!ys_grow((void **)&x->cells, &x->ccells, x->ncells, sizeof *x->cells)) {
			xfail(x);
			return;
		}
		c = &x->cells[x->ncells];
		c->row = x->cur_row;
		c->col = x->cur_col;
		c->len = len;
		c->owned = !shared;
		if (shared) {
			c->text = s;
		} else {
			char *text = malloc(len + 8);

			if (!text) {
				xfail(x);
				return;
			}
			memcpy(text, s, len + 1);
			if (!strcmp(x->cur_type, "n"))
				tidy_number(text);
			c->len = strlen(text);
			c->text = text;
		}
		x->text_bytes += c->len;
		x->ncells++;
	}
}

static void XMLCALL sheet_chars(void *ud, const XML_Char *s, int len)
{
	struct xlsx *x = ud;

	if (x->in_text)
		ys_buf_add(&x->text, s, (size_t)len);
}

static void XMLCALL wb_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct xlsx *x = ud;
	const char *n = local(name);

	if (!strcmp(n, "sheet")) {
		if (!ys_grow((void **)&x->sheets, &x->csheets, x->nsheets, sizeof *x->sheets) ||
		    !(x->names = realloc(x->names, x->csheets * sizeof *x->names))) {
			xfail(x);
			return;
		}
		x->sheets[x->nsheets] = xstrdup(x, attr(a, "id"));
		x->names[x->nsheets++] = xstrdup(x, attr(a, "name"));
	} else if (!strcmp(n, "Relationship")) {
		if (!ys_grow((void **)&x->rel_id, &x->crels, x->nrels, sizeof *x->rel_id) ||
		    !(x->rel_target = realloc(x->rel_target, x->crels * sizeof *x->rel_target))) {
			xfail(x);
			return;
		}
		x->rel_id[x->nrels] = xstrdup(x, attr(a, "Id"));
		x->rel_target[x->nrels++] = xstrdup(x, attr(a, "Target"));
	}
}

static void XMLCALL no_end(void *ud, const XML_Char *name)
{
	(void)ud;
	(void)name;
}

static void XMLCALL no_chars(void *ud, const XML_Char *s, int len)
{
	(void)ud;
	(void)s;
	(void)len;
}

static int cell_cmp(const void *a, const void *b)
{
	const struct xcell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

static const struct merge *merge_at(const struct xlsx *x, int r, int c)
{
	for (size_t i = 0; i < x->nmerges; i++)
		if (r >= x->merges[i].r0 && r <= x->merges[i].r1 &&
		    c >= x->merges[i].c0 && c <= x->merges[i].c1)
			return &x->merges[i];
	return NULL;
}

/* One sheet's cells into paragraphs and tables. */
static void sheet_blocks(struct xlsx *x, ys_pdoc *doc, const char *sheet_name)
{
	size_t i = 0;
	int in_table = 0, tc0 = 0, tc1 = 0;

	if (sheet_name && *sheet_name)
		ys_pdoc_para(doc, sheet_name, strlen(sheet_name), 0);
	/* An empty sheet has no cell array at all; qsort wants one. */
	if (x->ncells)
		qsort(x->cells, x->ncells, sizeof *x->cells, cell_cmp);
	while (i < x->ncells) {
		size_t j = i;
		int row = x->cells[i].row, minc = x->cells[i].col, maxc = x->cells[i].col;
		const struct merge *m = merge_at(x, row, minc);

		while (j < x->ncells && x->cells[j].row == row)
			maxc = x->cells[j++].col;
		/* One text across the row (a title, a unit line, a note) is a
		 * paragraph, unless it sits inside a table's columns. */
		if (j - i == 1 && !(in_table && minc > tc0)) {
			in_table = 0;
			ys_pdoc_para(doc, x->cells[i].text, x->cells[i].len, row);
			i = j;
			continue;
		}
		if (!in_table || (i && x->cells[i - 1].row < row - 1 && !merge_at(x, row - 1, minc))) {
			/* Table columns: from this row's first cell to the widest
			 * extent of the rows (and merges) that follow. */
			ys_pdoc_table(doc, row);
			in_table = 1;
			tc0 = m ? m->c0 : minc;
			tc1 = maxc;
			for (size_t k = j; k < x->ncells && x->cells[k].row <= row + 64; k++)
				if (x->cells[k].col > tc1)
					tc1 = x->cells[k].col;
			for (size_t k = 0; k < x->nmerges; k++)
				if (x->merges[k].r0 >= row && x->merges[k].r0 <= row + 64 &&
				    x->merges[k].c0 >= tc0 && x->merges[k].c1 > tc1 && x->merges[k].c1 - tc0 < 256)
					tc1 = x->merges[k].c1;
		}
		if (tc1 - tc0 > 255)
			tc1 = tc0 + 255;
		ys_pdoc_row(doc, row);
		for (int c = tc0; c <= tc1; c++) {
			const struct merge *mm = merge_at(x, row, c);
			const char *text = "";
			size_t tlen = 0;

			if (mm && (mm->r0 != row || mm->c0 != c))
				continue;	/* covered by a merged cell */
			for (size_t k = i; k < j; k++)
				if (x->cells[k].col == c) {
					text = x->cells[k].text;
					tlen = x->cells[k].len;
				}
			ys_pdoc_cell(doc, text, tlen, mm ? mm->c1 - mm->c0 + 1 : 1,
				     mm ? mm->r1 - mm->r0 + 1 : 1);
		}
		i = j;
	}
}

static void xlsx_sheet_free(struct xlsx *x)
{
	for (size_t i = 0; i < x->ncells; i++)
		if (x->cells[i].owned)
			free((char *)x->cells[i].text);
	x->ncells = 0;
	x->nmerges = 0;
}

static ys_status read_xlsx(struct pkg *k, ys_pdoc *doc)
{
	struct xml xm = {0};
	struct strs sst = {0};
	struct xlsx x = {0};
	char *text = NULL;
	size_t len;
	ys_status st;

	x.x = &xm;
	x.sst = &sst;
	/* Workbook: sheets in order. */
	st = read_entry(k, "xl/workbook.xml", &text, &len);
	if (st == YS_ENOTFOUND)
		st = ys_fail(k->d, YS_EINPUT, k->path, 0, 0, "XLSX 中没有 xl/workbook.xml");
	if (st == YS_OK) {
		xm.entry = "xl/workbook.xml";
		st = run_xml(k, &xm, &x, text, len, wb_start, no_end, no_chars);
	}
	free(text);
	text = NULL;
	if (st == YS_OK && (st = read_entry(k, "xl/_rels/workbook.xml.rels", &text, &len)) == YS_OK) {
		xm.entry = "xl/_rels/workbook.xml.rels";
		st = run_xml(k, &xm, &x, text, len, wb_start, no_end, no_chars);
	} else if (st == YS_ENOTFOUND) {
		st = YS_OK;
	}
	free(text);
	text = NULL;
	if (st == YS_OK && (st = read_entry(k, "xl/sharedStrings.xml", &text, &len)) == YS_OK) {
		xm.entry = "xl/sharedStrings.xml";
		st = run_xml(k, &xm, &x, text, len, sst_start, sst_end, text_chars);
		if (x.sst_too_big == 1)
			st = ys_fail_limit(k->d, shared_strings, k->path, 0, 0,
					   "zip 条目 xl/sharedStrings.xml：共享字符串超过 %zu 个的上限",
					   ys_limits_get()->shared_strings);
		else if (x.sst_too_big)
			st = ys_fail_limit(k->d, shared_string_bytes, k->path, 0, 0,
					   "zip 条目 xl/sharedStrings.xml：共享字符串超过 %zu 字节的上限",
					   ys_limits_get()->shared_string_bytes);
	} else if (st == YS_ENOTFOUND) {
		st = YS_OK;
	}
	free(text);
	text = NULL;
	for (size_t s = 0; st == YS_OK && s < x.nsheets; s++) {
		char entry[512];
		const char *target = NULL;

		for (size_t r = 0; r < x.nrels; r++)
			if (x.sheets[s] && x.rel_id[r] && !strcmp(x.sheets[s], x.rel_id[r]))
				target = x.rel_target[r];
		if (target && target[0] == '/')
			snprintf(entry, sizeof entry, "%s", target + 1);
		else if (target)
			snprintf(entry, sizeof entry, "xl/%s", target);
		else
			snprintf(entry, sizeof entry, "xl/worksheets/sheet%zu.xml", s + 1);
		if ((st = read_entry(k, entry, &text, &len)) == YS_ENOTFOUND) {
			st = ys_fail(k->d, YS_EINPUT, k->path, 0, 0, "XLSX 中缺少工作表 %s", entry);
			break;
		}
		if (st != YS_OK)
			break;
		xm.entry = entry;
		st = run_xml(k, &xm, &x, text, len, sheet_start, sheet_end, sheet_chars);
		if (x.too_big == 1)
			st = ys_fail_limit(k->d, sheet_cells, k->path, 0, 0,
					   "zip 条目 %s：工作表超过 %zu 个单元格的上限",
					   entry, ys_limits_get()->sheet_cells);
		else if (x.too_big)
			st = ys_fail_limit(k->d, sheet_merges, k->path, 0, 0,
					   "zip 条目 %s：工作表超过 %zu 个合并区域的上限",
					   entry, ys_limits_get()->sheet_merges);
		if (x.text_too_big)
			st = ys_fail_limit(k->d, cell_text_bytes, k->path, 0, 0,
					   "zip 条目 %s：单元格文本总量超过 %zu 字节的上限"
					   "（疑似共享字符串放大攻击）",
					   entry, ys_limits_get()->cell_text_bytes);
		free(text);
		text = NULL;
		if (st == YS_OK && !x.failed)
			sheet_blocks(&x, doc, x.names[s]);
		xlsx_sheet_free(&x);
		if (x.failed || doc->failed)
			break;
	}
	/* An allocation failure stops the parser, which then reports an
	 * aborted parse: the real cause wins. */
	if (x.failed || !ys_buf_ok(&x.text))
		st = ys_fail(k->d, YS_ENOMEM, k->path, 0, 0, "内存不足");
	xlsx_sheet_free(&x);
	free(x.cells);
	free(x.merges);
	for (size_t i = 0; i < x.nsheets; i++) {
		free(x.sheets[i]);
		free(x.names[i]);
	}
	free(x.sheets);
	free(x.names);
	for (size_t i = 0; i < x.nrels; i++) {
		free(x.rel_id[i]);
		free(x.rel_target[i]);
	}
	free(x.rel_id);
	free(x.rel_target);
	for (size_t i = 0; i < sst.n; i++)
		free(sst.v[i]);
	free(sst.v);
	ys_buf_free(&x.text);
	return st;
}

/* ---- the package ------------------------------------------------------ */

ys_status ys_read_ooxml(const char *path, const char *data, size_t len, int docx,
			ys_pdoc *doc, ys_diag *d)
{
	struct pkg k = {path, NULL, 0, d};
	zip_error_t ze;
	zip_source_t *src;
	zip_int64_t n;
	ys_status st;

	zip_error_init(&ze);
	if (!(src = zip_source_buffer_create(data, len, 0, &ze))) {
		zip_error_fini(&ze);
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	}
	if (!(k.zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze))) {
		st = ys_fail(d, YS_EINPUT, path, 0, 0, "zip 文件损坏或被截断：%s",
			     zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		return st;
	}
	zip_error_fini(&ze);
	n = zip_get_num_entries(k.zip, 0);
	if (n < 0 || (zip_uint64_t)n > ys_limits_get()->zip_entries)
		st = ys_fail_limit(d, zip_entries, path, 0, 0, "zip 文件有 %lld 个条目，超过上限 %zu",
				   (long long)n, ys_limits_get()->zip_entries);
	else
		st = docx ? read_docx(&k, doc) : read_xlsx(&k, doc);
	zip_discard(k.zip);
	if (doc->failed)
		st = ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	return st;
}
