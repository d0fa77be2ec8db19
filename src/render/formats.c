/*
 * formats.c - the table of output formats `yusuan render -f` knows: name,
 * file extension and the renderer. Adding a format is adding a line here.
 */
#include "render.h"

#include <string.h>

static ys_status json_fn(const ys_disclosure *ds, const ys_template *t, ys_buf *b, ys_diag *d)
{
	(void)t;
	return ys_render_json(ds, b, d);
}

static ys_status csv_fn(const ys_disclosure *ds, const ys_template *t, ys_buf *b, ys_diag *d)
{
	(void)t;
	return ys_render_csv(ds, b, d);
}

static const ys_format formats[] = {
	{"json", "json", json_fn},
	{"md", "md", ys_render_md},
	{"csv", "csv", csv_fn},
	{"html", "html", ys_render_html},
	{"xlsx", "xlsx", ys_render_xlsx},
	{"docx", "docx", ys_render_docx},
	{"pdf", "pdf", ys_render_pdf},
};

const ys_format *ys_format_find(const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (!strcmp(formats[i].name, name))
			return &formats[i];
	return NULL;
}

const ys_format *ys_format_at(size_t i)
{
	return i < sizeof formats / sizeof *formats ? &formats[i] : NULL;
}
