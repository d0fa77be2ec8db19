/*
 * textexport.c - the reader of Word's plain-text export, the form in which
 * many disclosures circulate (the reference document is one). Each table
 * cell is a line starting with a tab, rows are separated by one blank
 * line, a table ends at two blank lines or at a paragraph after a blank
 * line. A line without a tab directly after a cell continues that cell (a
 * cell with line breaks). Word's `[bookmark: …]` markers and the stray
 * page-number lines "(", "2", ")" are dropped. Merged cells appear once, so
 * the document is marked spans_unknown. Text copied from a web page's
 * table comes one row per line, its cells separated by tabs or '|'; such
 * lines are rows of one table.
 */
#include "readers.h"

#include <string.h>

static int is_space_only(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
			return 0;
	return 1;
}

/* Page numbers of the export: "(", ")", "（", "）", or only digits. */
static int is_page_junk(const char *s, size_t n)
{
	size_t i = 0, digits = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\r'))
		i++;
	if (n - i == 1 && (s[i] == '(' || s[i] == ')'))
		return 1;
	if (n - i == 3 && (!memcmp(s + i, "（", 3) || !memcmp(s + i, "）", 3)))
		return 1;
	for (; i < n && s[i] != '\r'; i++, digits++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return digits > 0 && digits <= 4;
}

/* Trims spaces, tabs, CR, U+3000 and NBSP at both ends of [*s, *s+*n). */
static void trim(const char **s, size_t *n)
{
	for (;;) {
		if (*n && (**s == ' ' || **s == '\t' || **s == '\r')) {
			(*s)++;
			(*n)--;
		} else if (*n >= 3 && !memcmp(*s, "\xe3\x80\x80", 3)) {
			*s += 3;
			*n -= 3;
		} else if (*n >= 2 && !memcmp(*s, "\xc2\xa0", 2)) {
			*s += 2;
			*n -= 2;
		} else {
			break;
		}
	}
	for (;;) {
		const char *e = *s + *n;

		if (*n && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			(*n)--;
		else if (*n >= 3 && !memcmp(e - 3, "\xe3\x80\x80", 3))
			*n -= 3;
		else if (*n >= 2 && !memcmp(e - 2, "\xc2\xa0", 2))
			*n -= 2;
		else
			break;
	}
}

/* Text copied from a browser's table: one row per line, cells separated
 * by tabs ("项目\t2023年\t2022年") or by '|' ("| 项目 | 2023年 |").
 * Returns the separator when the line is such a row of at least two
 * cells, else 0; a markdown rule line "|---|---|" is ' ' (skipped). */
static char row_separator(const char *s, size_t n)
{
	size_t tabs = 0, bars = 0, dashes = 0, other = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\t')
			tabs++;
		else if (s[i] == '|')
			bars++;
		else if (s[i] == '-' || s[i] == ':')
			dashes++;
		else if (s[i] != ' ')
			other++;
	}
	if (tabs && !bars)
		return '\t';
	if (bars >= 2 && !other && dashes)
		return ' ';
	if (bars >= 2)
		return '|';
	return 0;
}

/* Adds the cells of a row line (row_separator) as a new row. */
static void row_cells(ys_pdoc *doc, const char *s, size_t n, char sep, long line)
{
	const char *e = s + n;

	/* "| a | b |": the outer bars bound the row, they open no cell. */
	if (sep == '|') {
		trim(&s, &n);
		e = s + n;
		if (s < e && *s == '|')
			s++;
		if (e > s && e[-1] == '|')
			e--;
	}
	ys_pdoc_row(doc, line);
	while (s <= e) {
		const char *c = memchr(s, sep, (size_t)(e - s));
		const char *ce = c ? c : e;
		size_t cn = (size_t)(ce - s);
		const char *cs = s;

		trim(&cs, &cn);
		ys_pdoc_cell(doc, cs, cn, 1, 1);
		if (!c)
			break;
		s = c + 1;
	}
}

ys_status ys_read_textexport(const char *path, const char *text, size_t len,
			     ys_pdoc *doc, ys_diag *d)
{
	const char *p = text, *end = text + len;
	int in_table = 0, after_cell = 0;
	long line = 0, blanks = 0;

	doc->spans_unknown = 1;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *s = p;
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		p = nl ? nl + 1 : end;
		line++;
		if (n && s[n - 1] == '\r')
			n--;
		if (n && s[0] == '\t') {
			s++;
			n--;
			trim(&s, &n);
			if (!in_table || blanks >= 2) {
				ys_pdoc_table(doc, line);
				ys_pdoc_row(doc, line);
				in_table = 1;
			} else if (blanks == 1) {
				ys_pdoc_row(doc, line);
			}
			ys_pdoc_cell(doc, s, n, 1, 1);
			blanks = 0;
			after_cell = 1;
			continue;
		}
		if (is_space_only(s, n) || is_page_junk(s, n)) {
			blanks++;
			after_cell = 0;
			continue;
		}
		{
			char sep = row_separator(s, n);

			if (sep == ' ')
				continue;
			if (sep) {
				if (!in_table || blanks >= 2 || after_cell)
					ys_pdoc_table(doc, line);
				row_cells(doc, s, n, sep, line);
				in_table = 1;
				blanks = 0;
				after_cell = 0;
				continue;
			}
		}
		trim(&s, &n);
		if (in_table && after_cell) {
			ys_pdoc_cell_more(doc, "\n", s, n);
			continue;
		}
		/* [bookmark: _Toc…] before a title. */
		while (n > 11 && !memcmp(s, "[bookmark:", 10)) {
			const char *close = memchr(s, ']', n);

			if (!close)
				break;
			n -= (size_t)(close + 1 - s);
			s = close + 1;
			trim(&s, &n);
		}
		in_table = 0;
		blanks = 0;
		if (n)
			ys_pdoc_para(doc, s, n, line);
	}
	if (doc->failed)
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	return YS_OK;
}
