/*
 * limits.h - every bound the readers put on their input, in one table: file
 * sizes, decompressed bytes, zip entries, sheet cells and merges, shared
 * strings, document text, YAML depth/anchors/aliases/nodes, CSV fields,
 * JSON cells. docs/limits.md lists them with their defaults and units.
 *
 * The bounds are process configuration, like sqlite3_config(): the command
 * line sets them once (`--limit NAME=VALUE`, $YUSUAN_LIMITS) before any
 * work starts, and afterwards every reader only reads them. The defaults
 * are far above any real disclosure and keep a 24 GiB machine safe on any
 * input. A reader that hits one fails with YS_ELIMIT and a message that
 * names the limit and says how to raise it (ys_fail_limit).
 */
#ifndef YS_LIMITS_H
#define YS_LIMITS_H

#include <stddef.h>

#include "status.h"

typedef struct ys_limits {
	size_t input_bytes;		/* catalog, disclosure JSON, check input */
	size_t bundle_yaml_bytes;	/* budget.yaml */
	size_t lines_csv_bytes;		/* lines.csv */
	size_t template_bytes;		/* one template file */
	size_t document_bytes;		/* a published document given to parse/check */
	size_t zip_inflated_bytes;	/* DOCX/XLSX: all entries decompressed */
	size_t zip_entries;		/* DOCX/XLSX: entries in the zip */
	size_t sheet_cells;		/* XLSX: non-empty cells of one sheet */
	size_t sheet_merges;		/* XLSX: merged ranges of one sheet */
	size_t shared_strings;		/* XLSX: entries of sharedStrings.xml */
	size_t shared_string_bytes;	/* XLSX: their total text */
	size_t cell_text_bytes;		/* XLSX: cell text of all sheets, references expanded */
	size_t yaml_depth;		/* YAML: nesting of collections */
	size_t yaml_anchors;		/* YAML: anchors (&), and aliases (*) each */
	size_t yaml_nodes;		/* YAML: nodes with every alias expanded */
	size_t csv_fields;		/* CSV: fields of one record */
	size_t json_cells;		/* disclosure JSON: rows × columns of one cells table */
} ys_limits;

/* The bounds in force: the defaults until the command line changed them. */
const ys_limits *ys_limits_get(void);

/* Applies one "NAME=VALUE" (NAME with '-' or '_'; VALUE a positive integer,
 * for byte limits with an optional K, M or G suffix, binary). Unknown
 * names, bad values and values out of range fail with YS_EINPUT; origin
 * ("--limit", "YUSUAN_LIMITS") names the source in the message. */
ys_status ys_limits_set(const char *assign, const char *origin, ys_diag *d);
/* Applies a comma- or space-separated list of assignments. */
ys_status ys_limits_set_list(const char *list, const char *origin, ys_diag *d);
/* Back to the defaults (tests). */
void ys_limits_reset(void);

/* The limits table, for listing (`--limit list`) and docs. */
typedef struct ys_limit_info {
	const char *name;	/* "sheet-cells" */
	const char *unit;	/* "字节", "个", "层" */
	size_t def;		/* default */
	size_t value;		/* in force */
	const char *meaning;	/* Chinese, one line */
} ys_limit_info;
size_t ys_limits_count(void);
int ys_limits_info(size_t i, ys_limit_info *out);

/* Like ys_fail with YS_ELIMIT, the message followed by the limit's name,
 * its value in force and how to raise it: "…（限值 sheet-cells = 500000；
 * 用 --limit sheet-cells=更大的值 放宽）". field is a member of ys_limits
 * (checked by the compiler), e.g. ys_fail_limit(d, sheet_cells, path, 0,
 * 0, "工作表 %s 的单元格超过上限", entry). */
#define ys_fail_limit(d, field, file, line, column, ...)                      \
	ys_fail_limit_at((d), ((void)sizeof(((ys_limits *)0)->field), #field), (file), \
			 (line), (column), __VA_ARGS__)
ys_status ys_fail_limit_at(ys_diag *d, const char *field, const char *file,
			   long line, long column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Appends the same hint to a diagnostic a lower layer already filled
 * (a YS_ELIMIT from ys_read_file, whose size bound the caller chose). */
#define ys_limit_note(d, field)                                                \
	ys_limit_note_at((d), ((void)sizeof(((ys_limits *)0)->field), #field))
void ys_limit_note_at(ys_diag *d, const char *field);

/* ys_read_file (text.h) bounded by a limit of the table, whose name and
 * remedy a "文件过大" message then carries:
 * ys_read_file_limited(path, bundle_yaml_bytes, &text, &len, d). */
#define ys_read_file_limited(path, field, out, len, d)                         \
	ys_read_file_limited_at((path), ys_limits_get()->field, #field, (out),  \
				(len), (d))
ys_status ys_read_file_limited_at(const char *path, size_t limit,
				  const char *field, char **out, size_t *len,
				  ys_diag *d);

#endif
