/*
 * yaml.c - libyaml document loading and navigation.
 */
#include "yaml.h"

#include <string.h>

ys_status ys_yaml_load(ys_yaml *y, const char *path, const char *text,
		       size_t len, ys_diag *d)
{
	yaml_parser_t p;
	int ok;

	memset(y, 0, sizeof *y);
	y->path = path;
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
