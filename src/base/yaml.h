/*
 * yaml.h - a thin reading layer over libyaml's document API: load a file
 * into a node tree, then look up keys, walk sequences and read scalars, each
 * node knowing its line for diagnostics. Anchors and aliases are resolved
 * by libyaml into shared nodes (no expansion).
 */
#ifndef YS_YAML_H
#define YS_YAML_H

#include <stddef.h>
#include <yaml.h>

#include "status.h"

/* Warnings about values YAML reads differently from what the writer meant
 * (ys_yaml_lint); at most YS_YAML_MAX_WARN are kept, the rest counted. */
#define YS_YAML_MAX_WARN 32

typedef struct ys_yaml {
	yaml_document_t doc;
	int loaded;
	const char *path;
	ys_diag warn[YS_YAML_MAX_WARN];
	size_t nwarn, nwarn_dropped;
} ys_yaml;

typedef yaml_node_t ys_ynode;

/* Bounds checked before the tree is built (YS_ELIMIT naming the line):
 * nesting depth; anchors and aliases (each); nodes counted with every
 * alias expanded, since readers walking the tree expand them. Real bundles
 * and templates are a few levels deep and use no or few aliases. The
 * values are yaml_depth, yaml_anchors and yaml_nodes of limits.h. */

/* Parses text (UTF-8). path names the file in diagnostics. */
ys_status ys_yaml_load(ys_yaml *y, const char *path, const char *text,
		       size_t len, ys_diag *d);
void ys_yaml_free(ys_yaml *y);

/* Rewords a libyaml problem ("did not find expected ',' or '}'") and its
 * context as a Chinese message that says what to do; out gets at most cap
 * bytes. Unknown problems keep libyaml's words after a Chinese lead. */
void ys_yaml_explain(const char *problem, const char *context, char *out,
		     size_t cap);

/* Records in y->warn every plain (unquoted) scalar that YAML would cut or
 * convert silently: text cut at an ASCII comma inside {…} or […], a date
 * (2023-01-01), a number with a leading zero (010, octal in YAML 1.1), a
 * YAML 1.1 boolean (yes/no/on/off). text is the loaded source; a date is
 * expected, not warned about, as the value of a key in the NULL-terminated
 * date_keys (may be NULL). */
void ys_yaml_lint(ys_yaml *y, const char *text, size_t len,
		  const char *const *date_keys);

ys_ynode *ys_yaml_root(ys_yaml *y);
/* Value of `key` in a mapping, or NULL (also when n is not a mapping). */
ys_ynode *ys_yaml_get(ys_yaml *y, ys_ynode *n, const char *key);
/* Scalar text, or NULL when n is NULL or not a scalar. */
const char *ys_yaml_str(const ys_ynode *n);
/* Scalar text of key in map; NULL when absent; "" stays "". */
const char *ys_yaml_get_str(ys_yaml *y, ys_ynode *map, const char *key);
int ys_yaml_is_map(const ys_ynode *n);
int ys_yaml_is_seq(const ys_ynode *n);
/* Is n the plain scalar "null", "~" or empty? */
int ys_yaml_is_null(const ys_ynode *n);
size_t ys_yaml_seq_len(const ys_ynode *n);
ys_ynode *ys_yaml_seq_at(ys_yaml *y, ys_ynode *n, size_t i);
size_t ys_yaml_map_len(const ys_ynode *n);
/* The i-th pair of a mapping: its key text and value node. */
ys_ynode *ys_yaml_map_at(ys_yaml *y, ys_ynode *n, size_t i, const char **key);
long ys_yaml_line(const ys_ynode *n);
long ys_yaml_col(const ys_ynode *n);

#endif
