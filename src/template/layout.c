/*
 * layout.c - printed columns, printed lines and header grids.
 */
#include "layout.h"

#include <stdio.h>
#include <string.h>

#include "../base/text.h"

int ys_table_by_code(const ys_dtable *t, const ys_ttable *tt)
{
	if (tt)
		return tt->rows_by != YS_ROWS_ITEMS;
	if (t->two_sided)
		return 0;
	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].code)
			return 1;
	/* An empty code table: decided by its usual column keys. */
	return ys_dtable_col(t, "basic", NULL) >= 0 || ys_dtable_col(t, "subtotal", NULL) >= 0 ||
	       ys_dtable_col(t, "personnel", NULL) >= 0;
}

size_t ys_table_layout(const ys_dtable *t, int by_code, ys_pcol *out)
{
	size_t n = 0;

	if (!t->no_seq)
		out[n++] = (ys_pcol){YS_PCOL_SEQ, NULL, -1};
	if (t->two_sided) {
		static const char *const sides[] = {"income", "expense"};

		for (int s = 0; s < 2; s++) {
			out[n++] = (ys_pcol){YS_PCOL_NAME, sides[s], -1};
			for (size_t c = 0; c < t->ncols && n < YS_MAX_PCOLS; c++)
				if (t->cols[c].side && !strcmp(t->cols[c].side, sides[s]))
					out[n++] = (ys_pcol){YS_PCOL_VALUE, sides[s], (int)c};
		}
		return n;
	}
	if (by_code)
		out[n++] = (ys_pcol){YS_PCOL_CODE, NULL, -1};
	out[n++] = (ys_pcol){YS_PCOL_NAME, NULL, -1};
	for (size_t c = 0; c < t->ncols && n < YS_MAX_PCOLS; c++)
		out[n++] = (ys_pcol){YS_PCOL_VALUE, NULL, (int)c};
	return n;
}

size_t ys_table_lines(const ys_dtable *t, ys_pline *lines)
{
	size_t n = 0;

	if (!t->two_sided) {
		for (size_t i = 0; i < t->nrows; i++)
			lines[n++] = (ys_pline){(int)i + 1, &t->rows[i], NULL, NULL};
		return n;
	}
	/* Rows come grouped by side; pair them by line number, in order. */
	for (size_t i = 0; i < t->nrows; i++) {
		const ys_drow *r = &t->rows[i];
		size_t k;

		for (k = 0; k < n; k++)
			if (lines[k].seq == r->line)
				break;
		if (k == n) {
			size_t pos = n;

			while (pos > 0 && lines[pos - 1].seq > r->line) {
				lines[pos] = lines[pos - 1];
				pos--;
			}
			lines[pos] = (ys_pline){r->line, NULL, NULL, NULL};
			k = pos;
			n++;
		}
		if (r->side && !strcmp(r->side, "expense"))
			lines[k].expense = r;
		else
			lines[k].income = r;
	}
	return n;
}

int ys_header_grid(const ys_ttable *tt, size_t width, ys_hpos *grid)
{
	memset(grid, 0, tt->nheader * width * sizeof *grid);
	for (size_t r = 0; r < tt->nheader; r++) {
		size_t c = 0;

		for (size_t k = 0; k < tt->header[r].ncells; k++) {
			const ys_hcell *cell = &tt->header[r].cells[k];

			while (c < width && grid[r * width + c].cell)
				c++;
			if (c + (size_t)cell->colspan > width ||
			    r + (size_t)cell->rowspan > tt->nheader)
				return 0;
			for (size_t rr = r; rr < r + (size_t)cell->rowspan; rr++)
				for (size_t cc = c; cc < c + (size_t)cell->colspan; cc++) {
					if (grid[rr * width + cc].cell)
						return 0;
					grid[rr * width + cc].cell = cell;
				}
			grid[r * width + c].origin = 1;
			c += (size_t)cell->colspan;
		}
	}
	for (size_t i = 0; i < tt->nheader * width; i++)
		if (!grid[i].cell)
			return 0;
	return 1;
}

void ys_header_label(const ys_ttable *tt, size_t width, const ys_hpos *grid,
		     size_t c, char *out, size_t cap)
{
	const ys_hcell *last = NULL;
	size_t len = 0;

	out[0] = '\0';
	for (size_t r = 0; r < tt->nheader; r++) {
		const ys_hcell *cell = grid[r * width + c].cell;

		if (!cell || cell == last)
			continue;
		last = cell;
		len += (size_t)snprintf(out + len, len < cap ? cap - len : 0, "%s%s",
					len ? "/" : "", cell->text);
		if (len >= cap) {
			/* Template labels are short; should one not be, it ends
			 * on a character boundary. */
			out[cap - 1] = '\0';
			ys_utf8_cut_partial(out);
			return;
		}
	}
}
