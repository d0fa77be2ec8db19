/*
 * csv.c - every table cell as one CSV record (long format), for
 * spreadsheets and databases: table,number,title,line,side,item,code,name,
 * column,label,value (number: the table number as printed, 表1). A table's
 * note and the one note for all empty tables are records of column `note`
 * with the text as value (the latter with an empty table). Text cells that a spreadsheet would run as a formula
 * (= + - @ first) are prefixed with an apostrophe.
 */
#include "render.h"

#include <string.h>

#include "../base/money.h"

static void field(ys_buf *b, const char *s, int neutralise)
{
	int quote = 0;

	if (!s)
		s = "";
	if (neutralise && strchr("=+-@", s[0]) && s[0])
		quote = 1;
	ys_buf_putc(b, '"');
	if (quote)
		ys_buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			ys_buf_putc(b, '"');
		ys_buf_putc(b, *s);
	}
	ys_buf_putc(b, '"');
}

static void note_record(ys_buf *b, const ys_dtable *t, const char *text)
{
	field(b, t ? t->id : NULL, 1);
	ys_buf_putc(b, ',');
	field(b, t ? t->number : NULL, 1);
	ys_buf_putc(b, ',');
	field(b, t ? t->title : NULL, 1);
	ys_buf_puts(b, ",0,\"\",\"\",\"\",\"\",\"note\",\"注\",");
	field(b, text, 1);
	ys_buf_puts(b, "\r\n");
}

ys_status ys_render_csv(const ys_disclosure *ds, ys_buf *out, ys_diag *d)
{
	ys_buf_puts(out, "table,number,title,line,side,item,code,name,column,label,value\r\n");
	for (size_t i = 0; i < ds->ntables; i++) {
		const ys_dtable *t = &ds->tables[i];

		for (size_t r = 0; r < t->nrows; r++) {
			const ys_drow *row = &t->rows[r];

			for (size_t c = 0; c < t->ncols; c++) {
				char buf[YS_MONEY_FMT_MAX];

				if (!ys_drow_has_col(t, row, c))
					continue;
				field(out, t->id, 1);
				ys_buf_putc(out, ',');
				field(out, t->number, 1);
				ys_buf_putc(out, ',');
				field(out, t->title, 1);
				ys_buf_printf(out, ",%d,", row->line ? row->line : (int)r + 1);
				field(out, row->side, 1);
				ys_buf_putc(out, ',');
				field(out, row->item, 1);
				ys_buf_putc(out, ',');
				field(out, row->code, 1);
				ys_buf_putc(out, ',');
				field(out, row->name, 1);
				ys_buf_putc(out, ',');
				field(out, t->cols[c].key, 1);
				ys_buf_putc(out, ',');
				field(out, t->cols[c].label, 1);
				ys_buf_putc(out, ',');
				/* Amounts are numbers: a leading minus is data. */
				field(out, ys_render_amount(ds, row, c, buf), 0);
				ys_buf_puts(out, "\r\n");
			}
		}
		if (t->note)
			note_record(out, t, t->note);
	}
	if (ds->empty_tables_note)
		note_record(out, NULL, ds->empty_tables_note);
	return ys_buf_ok(out) ? YS_OK : ys_fail(d, YS_ENOMEM, NULL, 0, 0, "内存不足");
}
