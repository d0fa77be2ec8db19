/*
 * yaml.c - libyaml document loading and navigation. Before the document is
 * composed, one linear pass over the event stream enforces the bounds
 * (nesting depth, anchors and aliases, nodes after alias expansion): the
 * loader shares aliased nodes, but every reader walking the tree expands
 * them, so a 1 MB file of nested aliases would become gigabytes of output,
 * and very deep nesting made composing the tree slow.
 */
#include "yaml.h"

#include "limits.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct anchor {
	char *name;
	uint64_t nodes;	/* nodes of its subtree, aliases expanded */
};

struct frame {
	uint64_t nodes;
	char *anchor;	/* owned; NULL when the collection has none */
};

/* Adds n nodes to the innermost open collection (or the total). */
static void add_nodes(struct frame *st, size_t depth, uint64_t *total, uint64_t n)
{
	if (depth)
		st[depth - 1].nodes += n;
	else
		*total += n;
}

/* field names the member of ys_limits (limits.h) that was exceeded. */
#define limit_fail(d, path, e, what, field)                                    \
	ys_fail_limit(d, field, path, (long)(e)->start_mark.line + 1,          \
		      (long)(e)->start_mark.column + 1, "YAML %s超过上限 %zu", what, \
		      ys_limits_get()->field)

static ys_status remember(struct anchor **an, size_t *nan, size_t *can,
			  const unsigned char *name, uint64_t nodes)
{
	if (*nan == *can) {
		size_t c = *can ? *can * 2 : 16;
		struct anchor *m = realloc(*an, c * sizeof *m);

		if (!m)
			return YS_ENOMEM;
		*an = m;
		*can = c;
	}
	if (!((*an)[*nan].name = strdup((const char *)name)))
		return YS_ENOMEM;
	(*an)[(*nan)++].nodes = nodes;
	return YS_OK;
}

/* The bounds pass. Later anchors of the same name win, as in YAML. */
static ys_status check_bounds(const char *path, const char *text, size_t len,
			      ys_diag *d)
{
	yaml_parser_t p;
	yaml_event_t e;
	const ys_limits *lim = ys_limits_get();
	struct frame *st = malloc(lim->yaml_depth * sizeof *st);
	struct anchor *an = NULL;
	size_t depth = 0, nan = 0, can = 0, naliases = 0;
	uint64_t total = 0;
	ys_status rc = YS_OK;
	int done = 0;

	if (!st || !yaml_parser_initialize(&p)) {
		free(st);
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while (!done && rc == YS_OK) {
		if (!yaml_parser_parse(&p, &e))
			break;	/* the loader reports the syntax error */
		switch (e.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_SCALAR_EVENT:
			add_nodes(st, depth, &total, 1);
			if (e.data.scalar.anchor) {
				if (nan >= lim->yaml_anchors)
					rc = limit_fail(d, path, &e, "锚点（&）数量", yaml_anchors);
				else if (remember(&an, &nan, &can, e.data.scalar.anchor, 1) != YS_OK)
					rc = ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
			}
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			const yaml_char_t *a = e.type == YAML_SEQUENCE_START_EVENT
					       ? e.data.sequence_start.anchor
					       : e.data.mapping_start.anchor;

			if (depth >= lim->yaml_depth) {
				rc = limit_fail(d, path, &e, "嵌套层数", yaml_depth);
				break;
			}
			if (a && nan >= lim->yaml_anchors) {
				rc = limit_fail(d, path, &e, "锚点（&）数量", yaml_anchors);
				break;
			}
			st[depth].nodes = 1;
			st[depth].anchor = a ? strdup((const char *)a) : NULL;
			if (a && !st[depth].anchor) {
				rc = ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
				break;
			}
			depth++;
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (!depth)
				break;
			depth--;
			if (st[depth].anchor) {
				if (remember(&an, &nan, &can, (unsigned char *)st[depth].anchor,
					     st[depth].nodes) != YS_OK)
					rc = ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
				free(st[depth].anchor);
				st[depth].anchor = NULL;
			}
			add_nodes(st, depth, &total, st[depth].nodes);
			break;
		case YAML_ALIAS_EVENT: {
			uint64_t n = 1;

			if (++naliases > lim->yaml_anchors) {
				rc = limit_fail(d, path, &e, "别名（*）数量", yaml_anchors);
				break;
			}
			for (size_t i = nan; i-- > 0;)
				if (!strcmp(an[i].name, (const char *)e.data.alias.anchor)) {
					n = an[i].nodes;
					break;
				}
			add_nodes(st, depth, &total, n);
			break;
		}
		default:
			break;
		}
		if (rc == YS_OK) {
			uint64_t open = total;

			for (size_t i = 0; i < depth; i++)
				if ((open += st[i].nodes) > lim->yaml_nodes)
					break;
			if (open > lim->yaml_nodes)
				rc = limit_fail(d, path, &e, "节点总数（别名展开后）", yaml_nodes);
		}
		yaml_event_delete(&e);
	}
	for (size_t i = 0; i < depth; i++)
		free(st[i].anchor);
	free(st);
	for (size_t i = 0; i < nan; i++)
		free(an[i].name);
	free(an);
	yaml_parser_delete(&p);
	return rc;
}

ys_status ys_yaml_load(ys_yaml *y, const char *path, const char *text,
		       size_t len, ys_diag *d)
{
	yaml_parser_t p;
	ys_status bst;
	int ok;

	memset(y, 0, sizeof *y);
	y->path = path;
	if ((bst = check_bounds(path, text, len, d)) != YS_OK)
		return bst;
	if (!yaml_parser_initialize(&p))
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	ok = yaml_parser_load(&p, &y->doc);
	if (!ok) {
		ys_status st = ys_fail(d, YS_EINPUT, path,
				       (long)p.problem_mark.line + 1,
				       (long)p.problem_mark.column + 1,
				       "YAML 格式错误：%s%s%s",
				       p.problem ? p.problem : "无法解析",
				       p.context ? "（" : "",
				       p.context ? p.context : "");
		if (p.context && d)
			strncat(d->msg, "）", sizeof d->msg - strlen(d->msg) - 1);
		yaml_parser_delete(&p);
		return st;
	}
	yaml_parser_delete(&p);
	y->loaded = 1;
	if (!yaml_document_get_root_node(&y->doc)) {
		ys_yaml_free(y);
		return ys_fail(d, YS_EINPUT, path, 1, 0, "YAML 文件为空");
	}
	return YS_OK;
}

void ys_yaml_free(ys_yaml *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = 0;
}

ys_ynode *ys_yaml_root(ys_yaml *y)
{
	return yaml_document_get_root_node(&y->doc);
}

int ys_yaml_is_map(const ys_ynode *n)
{
	return n && n->type == YAML_MAPPING_NODE;
}

int ys_yaml_is_seq(const ys_ynode *n)
{
	return n && n->type == YAML_SEQUENCE_NODE;
}

const char *ys_yaml_str(const ys_ynode *n)
{
	if (!n || n->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)n->data.scalar.value;
}

int ys_yaml_is_null(const ys_ynode *n)
{
	const char *s;

	if (!n)
		return 1;
	if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	s = ys_yaml_str(n);
	return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
	       !strcmp(s, "NULL");
}

ys_ynode *ys_yaml_get(ys_yaml *y, ys_ynode *n, const char *key)
{
	if (!ys_yaml_is_map(n))
		return NULL;
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		const char *k = ys_yaml_str(yaml_document_get_node(&y->doc, p->key));

		if (k && !strcmp(k, key))
			return yaml_document_get_node(&y->doc, p->value);
	}
	return NULL;
}

const char *ys_yaml_get_str(ys_yaml *y, ys_ynode *map, const char *key)
{
	ys_ynode *n = ys_yaml_get(y, map, key);

	if (!n || ys_yaml_is_null(n))
		return n && n->type == YAML_SCALAR_NODE && n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ? "" : NULL;
	return ys_yaml_str(n);
}

size_t ys_yaml_seq_len(const ys_ynode *n)
{
	if (!ys_yaml_is_seq(n))
		return 0;
	return (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
}

ys_ynode *ys_yaml_seq_at(ys_yaml *y, ys_ynode *n, size_t i)
{
	if (i >= ys_yaml_seq_len(n))
		return NULL;
	return yaml_document_get_node(&y->doc, n->data.sequence.items.start[i]);
}

size_t ys_yaml_map_len(const ys_ynode *n)
{
	if (!ys_yaml_is_map(n))
		return 0;
	return (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
}

ys_ynode *ys_yaml_map_at(ys_yaml *y, ys_ynode *n, size_t i, const char **key)
{
	yaml_node_pair_t *p;

	if (i >= ys_yaml_map_len(n))
		return NULL;
	p = n->data.mapping.pairs.start + i;
	*key = ys_yaml_str(yaml_document_get_node(&y->doc, p->key));
	if (!*key)
		*key = "";
	return yaml_document_get_node(&y->doc, p->value);
}

long ys_yaml_line(const ys_ynode *n)
{
	return n ? (long)n->start_mark.line + 1 : 0;
}

long ys_yaml_col(const ys_ynode *n)
{
	return n ? (long)n->start_mark.column + 1 : 0;
}
