/*
 * notes.c - the one note for all empty tables (a template's
 * empty_tables_note), set on a built disclosure: some provinces print one
 * sentence naming every empty table instead of a note under each.
 */
#include "build.h"

#include <string.h>

#include "../base/buf.h"

/* The one note for all empty tables: the empty tables without a note of
 * their own give theirs up, and the template's text names them, {tables}
 * by title and {numbers} by number (表7、表8), joined with 、. No empty
 * table, no note. */
ys_status ys_build_tables_note(ys_disclosure *ds, const ys_template *t)
{
	ys_buf titles = YS_BUF_INIT, numbers = YS_BUF_INIT, note = YS_BUF_INIT;
	size_t n = 0;
	ys_status st = YS_OK;

	for (size_t i = 0; i < ds->ntables; i++) {
		ys_dtable *dt = &ds->tables[i];

		if (!dt->note || t->tables[i].empty_note)
			continue;
		dt->note = NULL;
		ys_buf_printf(&titles, "%s%s", n ? "、" : "", dt->title);
		ys_buf_printf(&numbers, "%s%s", n ? "、" : "", dt->number ? dt->number : dt->title);
		n++;
	}
	if (n) {
		for (const char *p = t->empty_tables_note; *p;) {
			if (!strncmp(p, "{tables}", 8)) {
				ys_buf_puts(&note, ys_buf_str(&titles));
				p += 8;
			} else if (!strncmp(p, "{numbers}", 9)) {
				ys_buf_puts(&note, ys_buf_str(&numbers));
				p += 9;
			} else {
				ys_buf_putc(&note, *p++);
			}
		}
		if (!ys_buf_ok(&titles) || !ys_buf_ok(&numbers) || !ys_buf_ok(&note) ||
		    !(ds->empty_tables_note = ys_arena_strdup(&ds->arena, ys_buf_str(&note))))
			st = YS_ENOMEM;
	}
	ys_buf_free(&titles);
	ys_buf_free(&numbers);
	ys_buf_free(&note);
	return st;
}
