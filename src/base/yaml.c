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
#include <strings.h>
#include <stdio.h>

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
		char msg[YS_DIAG_MSG];
		ys_status st;

		ys_yaml_explain(p.problem, p.context, msg, sizeof msg);
		st = ys_fail(d, YS_EINPUT, path, (long)p.problem_mark.line + 1,
			     (long)p.problem_mark.column + 1, "%s", msg);
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

/* ---- Chinese diagnostics ---- */

/* libyaml's problem strings (scanner, parser, composer, reader) and what
 * they mean for someone editing budget.yaml by hand. Matched by prefix. */
static const struct {
	const char *problem;
	const char *zh;
} explain_tab[] = {
	{"did not find expected ',' or '}'",
	 "花括号 {…} 里缺少逗号或右花括号“}”：检查这一行之前的 { 是否闭合；文字里有英文逗号、冒号时请给整段加引号"},
	{"did not find expected ',' or ']'",
	 "方括号 […] 里缺少逗号或右方括号“]”：检查这一行之前的 [ 是否闭合；文字里有英文逗号、冒号时请给整段加引号"},
	{"did not find expected key",
	 "这里应是“键: 值”：检查缩进是否与上一级的键对齐（只用空格，不用 Tab），以及上一行的引号是否闭合"},
	{"did not find expected node content",
	 "这里缺少值：检查“-”或“:”后面是否漏写了内容，或多写了逗号"},
	{"did not find expected '-' indicator",
	 "列表的每一项应以“- ”开头并与其他项对齐：检查这一行的缩进"},
	{"mapping values are not allowed in this context",
	 "这里不能再出现“: ”：值里含有英文冒号加空格时请给整段文字加引号（\"…\"），或改用中文冒号“：”"},
	{"block sequence entries are not allowed in this context",
	 "这里不能开始“- ”列表：列表应另起一行并比它的键多缩进"},
	{"block mapping entries are not allowed in this context",
	 "这里不能开始新的“键: 值”：检查缩进"},
	{"found character that cannot start any token",
	 "这个字符不能出现在值的开头（如 @、`、%、Tab）：请给整段文字加引号，缩进只用空格"},
	{"found a tab character",
	 "缩进里有 Tab：YAML 的缩进只能用空格"},
	{"found unexpected end of stream",
	 "文件意外结束：检查引号、花括号、方括号是否都已闭合"},
	{"found unexpected ':'",
	 "意外的英文冒号：值里含有“:”时请给整段文字加引号，或改用中文冒号“：”"},
	{"could not find expected ':'",
	 "键后面缺少“: ”：写成“键: 值”（冒号后有空格）；多行文字请加引号或用“|”"},
	{"found unknown escape character",
	 "双引号文字里有未知的转义（\\ 后的字符）：反斜杠请写成 \\\\，或改用单引号"},
	{"found unexpected document indicator",
	 "文字里出现了“---”或“...”：这是 YAML 的文档分隔符，请给这段文字加引号"},
	{"did not find expected <document start>",
	 "一个文件只能有一份 budget 数据：删除多余的内容或“---”"},
	{"found undefined alias",
	 "引用了未定义的锚点（*名称）：先用 &名称 定义，或删去 *"},
	{"found undefined tag handle",
	 "未知的标签（!…）：删去“!”开头的标签，或给文字加引号"},
	{"found duplicate anchor",
	 "锚点名称重复（&名称）：每个锚点名只能定义一次"},
	{"control characters are not allowed",
	 "文件含控制字符：删除不可见字符后再保存"},
	{"invalid leading UTF-8 octet",
	 "文件不是有效的 UTF-8：请另存为 UTF-8 编码"},
	{"invalid trailing UTF-8 octet",
	 "文件不是有效的 UTF-8：请另存为 UTF-8 编码"},
	{"incomplete UTF-8 octet sequence",
	 "文件不是有效的 UTF-8（结尾不完整）：请另存为 UTF-8 编码"},
	{"found unexpected end of plain scalar",
	 "文字意外结束：给这段文字加引号"},
	{"while scanning a quoted scalar",
	 "引号没有闭合：检查这段文字的引号"},
};

static const struct {
	const char *context;
	const char *zh;
} context_tab[] = {
	{"while parsing a flow mapping", "在 {…} 中"},
	{"while parsing a flow sequence", "在 […] 中"},
	{"while parsing a block mapping", "在“键: 值”映射中"},
	{"while parsing a block collection", "在“- ”列表中"},
	{"while parsing a flow node", "在值中"},
	{"while parsing a block node", "在值中"},
	{"while scanning a quoted scalar", "在引号文字中"},
	{"while scanning a simple key", "在键中"},
	{"while scanning a plain scalar", "在文字中"},
	{"while scanning an alias", "在别名中"},
	{"while scanning an anchor", "在锚点中"},
	{"while scanning a block scalar", "在多行文字中"},
	{"while parsing a node", "在值中"},
};

void ys_yaml_explain(const char *problem, const char *context, char *out,
		     size_t cap)
{
	const char *zh = NULL, *where = "";

	if (!cap)
		return;
	for (size_t i = 0; problem && i < sizeof explain_tab / sizeof *explain_tab; i++)
		if (!strncmp(problem, explain_tab[i].problem, strlen(explain_tab[i].problem))) {
			zh = explain_tab[i].zh;
			break;
		}
	if (!zh && context && !strcmp(context, "while scanning a quoted scalar"))
		zh = "引号没有闭合：检查这段文字的引号";
	for (size_t i = 0; context && i < sizeof context_tab / sizeof *context_tab; i++)
		if (!strcmp(context, context_tab[i].context)) {
			where = context_tab[i].zh;
			break;
		}
	if (zh)
		snprintf(out, cap, "YAML 格式错误%s%s：%s", *where ? "，" : "", where, zh);
	else
		snprintf(out, cap, "YAML 格式错误%s%s：无法解析（%s）；检查缩进、引号和括号",
			 *where ? "，" : "", where, problem ? problem : "未知问题");
}

static void lint_warn(ys_yaml *y, const ys_ynode *n, const char *fmt, const char *s)
{
	ys_diag *w;

	if (y->nwarn >= YS_YAML_MAX_WARN) {
		y->nwarn_dropped++;
		return;
	}
	w = &y->warn[y->nwarn++];
	ys_fail(w, YS_EINPUT, y->path, ys_yaml_line(n), ys_yaml_col(n), fmt, s);
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

/* 2023-01-01 or 2023-1-1: YAML 1.1 timestamps. */
static int looks_date(const char *s)
{
	size_t a = strspn(s, "0123456789"), b, c;

	if (a != 4 || s[4] != '-')
		return 0;
	b = strspn(s + 5, "0123456789");
	if (b < 1 || b > 2 || s[5 + b] != '-')
		return 0;
	c = strspn(s + 6 + b, "0123456789");
	return c >= 1 && c <= 2 && !s[6 + b + c];
}

static int looks_bool11(const char *s)
{
	static const char *const w[] = {"yes", "no", "on", "off", "y", "n"};

	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		if (!strcasecmp(s, w[i]))
			return 1;
	return 0;
}

static int has_non_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

/* Is n the value of a key listed in date_keys (a field meant to be a date)? */
static int is_date_field(ys_yaml *y, const yaml_node_t *n, const char *const *date_keys)
{
	if (!date_keys)
		return 0;
	for (yaml_node_t *m = y->doc.nodes.start; m < y->doc.nodes.top; m++) {
		if (m->type != YAML_MAPPING_NODE)
			continue;
		for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
		     p < m->data.mapping.pairs.top; p++) {
			const char *k;

			if (yaml_document_get_node(&y->doc, p->value) != n)
				continue;
			k = ys_yaml_str(yaml_document_get_node(&y->doc, p->key));
			for (size_t i = 0; k && date_keys[i]; i++)
				if (!strcmp(k, date_keys[i]))
					return 1;
		}
	}
	return 0;
}

void ys_yaml_lint(ys_yaml *y, const char *text, size_t len,
		  const char *const *date_keys)
{
	if (!y->loaded)
		return;
	for (yaml_node_t *n = y->doc.nodes.start; n < y->doc.nodes.top; n++) {
		const char *s;

		if (n->type == YAML_MAPPING_NODE &&
		    n->data.mapping.style == YAML_FLOW_MAPPING_STYLE) {
			/* {a: 按标准验收, 合格率100%}: the text after the comma
			 * became a key with no value. */
			for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
			     p < n->data.mapping.pairs.top; p++) {
				yaml_node_t *k = yaml_document_get_node(&y->doc, p->key);
				yaml_node_t *v = yaml_document_get_node(&y->doc, p->value);
				size_t at;

				if (!k || !v || k->type != YAML_SCALAR_NODE ||
				    k->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
				    !ys_yaml_is_null(v))
					continue;
				at = k->end_mark.index;
				while (at < len && (text[at] == ' ' || text[at] == '\t'))
					at++;
				if (at < len && text[at] == ':')
					continue;
				lint_warn(y, k, "“%s”前的英文逗号把文字截断了：{…} 里的英文逗号分隔各项；"
					  "若是同一段文字，请给整段加引号或改用中文逗号“，”",
					  (const char *)k->data.scalar.value);
			}
		}
		if (n->type == YAML_SEQUENCE_NODE &&
		    n->data.sequence.style == YAML_FLOW_SEQUENCE_STYLE) {
			/* [按标准验收, 合格率100%]: Chinese text on both sides of an
			 * ASCII comma is almost always one sentence. */
			for (yaml_node_item_t *it = n->data.sequence.items.start;
			     it + 1 < n->data.sequence.items.top; it++) {
				yaml_node_t *a = yaml_document_get_node(&y->doc, it[0]);
				yaml_node_t *b = yaml_document_get_node(&y->doc, it[1]);

				if (a && b && a->type == YAML_SCALAR_NODE && b->type == YAML_SCALAR_NODE &&
				    a->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
				    b->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
				    has_non_ascii((const char *)a->data.scalar.value) &&
				    has_non_ascii((const char *)b->data.scalar.value) &&
				    a->data.scalar.length + b->data.scalar.length > 24)
					lint_warn(y, b, "“%s”前的英文逗号把 […] 分成了两项；若是同一段文字，"
						  "请给整段加引号或改用中文逗号“，”",
						  (const char *)b->data.scalar.value);
			}
		}
		if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
			continue;
		s = (const char *)n->data.scalar.value;
		if (looks_date(s) && !is_date_field(y, n, date_keys))
			lint_warn(y, n, "“%s”会被 YAML 读作日期：若是文字，请加引号（\"…\"）", s);
		else if (s[0] == '0' && all_digits(s, n->data.scalar.length) &&
			 n->data.scalar.length > 1)
			lint_warn(y, n, "“%s”以 0 开头：YAML 1.1 把它读作八进制数（如 010 为 8），"
				  "编码请加引号（\"…\"）", s);
		else if (looks_bool11(s))
			lint_warn(y, n, "“%s”会被 YAML 1.1 读作布尔值：若是文字，请加引号（\"…\"）；"
				  "是/否请写 true/false", s);
	}
}
