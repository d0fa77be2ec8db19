/*
 * bundle.c - budget.yaml (libyaml) and lines.csv (libcsv) into the Budget
 * model. The YAML walk checks every field's type and reports the line of
 * the offending node; the CSV reader resolves each line item's codes and
 * keys as it goes, storing it in the flat line array.
 */
#include "bundle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/csv.h"
#include "../base/limits.h"
#include "../base/text.h"
#include "../base/yaml.h"

int ys_is_bundle(const char *path)
{
	char p[4096];
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return 0;
	snprintf(p, sizeof p, "%s/budget.yaml", path);
	return stat(p, &st) == 0;
}

struct yctx {
	ys_budget *b;
	ys_yaml *y;
	const char *path;
	ys_diag *d;
};

#define A(s) ys_arena_strdup(&c->b->arena, (s))

static ys_status bad(struct yctx *c, ys_ynode *n, const char *fmt, const char *what)
{
	return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(n), ys_yaml_col(n),
		       fmt, what);
}

/* A scalar's text for the model: a block scalar (`|`) ends with a newline
 * that is YAML syntax, not content, so trailing line breaks are dropped. */
static const char *text_value(struct yctx *c, ys_ynode *n)
{
	const char *s = ys_yaml_str(n);
	size_t len = strlen(s);

	while (len && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	return ys_arena_strndup(&c->b->arena, s, len);
}

/* A string field: scalar or absent. */
static ys_status get_str(struct yctx *c, ys_ynode *map, const char *key,
			 const char **out)
{
	ys_ynode *n = ys_yaml_get(c->y, map, key);

	*out = NULL;
	if (!n || ys_yaml_is_null(n))
		return YS_OK;
	if (n->type != YAML_SCALAR_NODE)
		return bad(c, n, "“%s”应为文本", key);
	*out = text_value(c, n);
	return *out ? YS_OK : YS_ENOMEM;
}

/* An amount in 元, written as a string (or a plain integer). */
static ys_status get_money(struct yctx *c, ys_ynode *map, const char *key,
			   ys_fen *out, int *has)
{
	ys_ynode *n = ys_yaml_get(c->y, map, key);
	const char *why = NULL;

	*has = 0;
	if (!n || ys_yaml_is_null(n))
		return YS_OK;
	if (n->type != YAML_SCALAR_NODE)
		return bad(c, n, "“%s”应为金额（元），如 \"12345.60\"", key);
	switch (ys_fen_parse(ys_yaml_str(n), out, &why)) {
	case YS_MONEY_VALUE:
		*has = 1;
		return YS_OK;
	case YS_MONEY_EMPTY:
		return YS_OK;
	case YS_MONEY_OVERFLOW:
		return ys_fail(c->d, YS_ERANGE, c->path, ys_yaml_line(n), ys_yaml_col(n),
			       "“%s”的金额“%s”超出范围", key, ys_yaml_str(n));
	default:
		return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(n), ys_yaml_col(n),
			       "“%s”的金额“%s”无效（%s）：应为以元为单位的数字，如 \"12345.60\"",
			       key, ys_yaml_str(n), why ? why : "格式不对");
	}
}

static ys_status get_year(struct yctx *c, ys_ynode *map, const char *key,
			  int required, int *out)
{
	ys_ynode *n = ys_yaml_get(c->y, map, key);
	const char *s;
	char *end;
	long v;

	if (!n) {
		if (required)
			return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(map), 0,
				       "缺少“%s”（预算年度，如 2023）", key);
		return YS_OK;
	}
	s = ys_yaml_str(n);
	v = s ? strtol(s, &end, 10) : 0;
	if (!s || *end || v < 1990 || v > 2100)
		return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(n), ys_yaml_col(n),
			       "“%s”应为四位年度，如 2023，而不是“%s”", key, s ? s : "…");
	*out = (int)v;
	return YS_OK;
}

static ys_status check_keys(struct yctx *c, ys_ynode *map, const char *where,
			    const char *const *known)
{
	for (size_t i = 0; i < ys_yaml_map_len(map); i++) {
		const char *k;
		ys_ynode *v = ys_yaml_map_at(c->y, map, i, &k);
		int ok = 0;

		for (const char *const *p = known; *p; p++)
			if (!strcmp(*p, k))
				ok = 1;
		if (!ok) {
			ys_diag w;

			ys_fail(&w, YS_OK, c->path, ys_yaml_line(v), 0,
				"%s中的“%s”不是可识别的字段，已忽略（拼写错误？见 docs/bundle.md）",
				where, k);
			ys_budget_warn(c->b, &w);
		}
	}
	return YS_OK;
}

static ys_status need_map(struct yctx *c, ys_ynode *n, const char *key)
{
	if (n && !ys_yaml_is_map(n) && !ys_yaml_is_null(n))
		return bad(c, n, "“%s”应为映射（key: value）", key);
	return YS_OK;
}

static ys_status need_seq(struct yctx *c, ys_ynode *n, const char *key)
{
	if (n && !ys_yaml_is_seq(n) && !ys_yaml_is_null(n))
		return bad(c, n, "“%s”应为列表（- …）", key);
	return YS_OK;
}

static ys_status read_unit(struct yctx *c, ys_ynode *root)
{
	static const char *const known[] = {"code", "name", "region", "nature",
		"level", "funding", "duties", NULL};
	ys_ynode *u = ys_yaml_get(c->y, root, "unit");
	ys_budget *b = c->b;
	ys_status st;

	if (!u)
		return ys_fail(c->d, YS_EINPUT, c->path, 1, 0,
			       "缺少“unit”（单位编码 code 和名称 name）");
	if ((st = need_map(c, u, "unit")) != YS_OK)
		return st;
	if ((st = get_str(c, u, "code", &b->unit_code)) ||
	    (st = get_str(c, u, "name", &b->unit_name)) ||
	    (st = get_str(c, u, "region", &b->region)) ||
	    (st = get_str(c, u, "nature", &b->nature)) ||
	    (st = get_str(c, u, "level", &b->level)) ||
	    (st = get_str(c, u, "funding", &b->funding)) ||
	    (st = get_str(c, u, "duties", &b->duties)))
		return st;
	if (!b->unit_code || !*b->unit_code)
		return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(u), 0,
			       "unit 缺少单位编码“code”");
	if (!b->unit_name || !*b->unit_name)
		return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(u), 0,
			       "unit 缺少单位名称“name”");
	if (b->nature && strcmp(b->nature, "行政") && strcmp(b->nature, "事业") &&
	    strcmp(b->nature, "参公"))
		return bad(c, ys_yaml_get(c->y, u, "nature"),
			   "单位性质应为 行政、事业 或 参公，而不是“%s”", b->nature);
	return check_keys(c, u, "unit", known);
}

static ys_status read_structure(struct yctx *c, ys_ynode *root)
{
	ys_ynode *s = ys_yaml_get(c->y, root, "structure");
	size_t n = ys_yaml_seq_len(s);
	ys_status st;

	if ((st = need_seq(c, s, "structure")) != YS_OK)
		return st;
	c->b->orgs = ys_arena_alloc(&c->b->arena, (n + 1) * sizeof *c->b->orgs);
	if (!c->b->orgs)
		return YS_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		ys_ynode *e = ys_yaml_seq_at(c->y, s, i);
		ys_org *o = &c->b->orgs[i];

		if (!ys_yaml_is_map(e))
			return bad(c, e, "structure 的每一项应为映射（name, nature, level, funding）%s", "");
		if ((st = get_str(c, e, "name", &o->name)) ||
		    (st = get_str(c, e, "nature", &o->nature)) ||
		    (st = get_str(c, e, "level", &o->level)) ||
		    (st = get_str(c, e, "funding", &o->funding)))
			return st;
		if (!o->name)
			return bad(c, e, "structure 的一项缺少单位名称“name”%s", "");
	}
	c->b->norgs = n;
	return YS_OK;
}

static ys_status read_previous(struct yctx *c, ys_ynode *root)
{
	static const char *const three[] = {"abroad", "vehicle_purchase",
		"vehicle_operation", "reception"};
	ys_ynode *p = ys_yaml_get(c->y, root, "previous"), *tp;
	ys_previous *pv = &c->b->previous;
	ys_status st;

	if (!p || ys_yaml_is_null(p))
		return YS_OK;
	if ((st = need_map(c, p, "previous")) != YS_OK)
		return st;
	pv->present = 1;
	pv->year = c->b->year - 1;
	if ((st = get_year(c, p, "year", 0, &pv->year)) ||
	    (st = get_money(c, p, "total", &pv->total, &pv->has_total)) ||
	    (st = get_money(c, p, "basic", &pv->basic, &pv->has_basic)) ||
	    (st = get_money(c, p, "project", &pv->project, &pv->has_project)))
		return st;
	tp = ys_yaml_get(c->y, p, "three_public");
	if ((st = need_map(c, tp, "three_public")) != YS_OK)
		return st;
	if (ys_yaml_is_map(tp)) {
		for (int i = 0; i < 4; i++) {
			int has;

			if ((st = get_money(c, tp, three[i], &pv->three_public[i], &has)))
				return st;
			if (has)
				pv->has_three_public = 1;
		}
	}
	return YS_OK;
}

static ys_status read_texts(struct yctx *c, ys_ynode *root)
{
	ys_ynode *t = ys_yaml_get(c->y, root, "texts");
	size_t n = ys_yaml_map_len(t);
	ys_status st;

	if ((st = need_map(c, t, "texts")) != YS_OK)
		return st;
	c->b->texts = ys_arena_alloc(&c->b->arena, (n + 1) * sizeof *c->b->texts);
	if (!c->b->texts)
		return YS_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const char *k;
		ys_ynode *v = ys_yaml_map_at(c->y, t, i, &k);

		if (v->type != YAML_SCALAR_NODE)
			return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(v), ys_yaml_col(v),
				       "texts 中的“%s”应为文本", k);
		c->b->texts[i].key = A(k);
		c->b->texts[i].value = ys_yaml_is_null(v) ? "" : text_value(c, v);
	}
	c->b->ntexts = n;
	return YS_OK;
}

static ys_status read_projects(struct yctx *c, ys_ynode *root)
{
	static const char *const fields[] = {"lv1", "lv2", "lv3", "desc", "value", "basis"};
	ys_ynode *ps = ys_yaml_get(c->y, root, "projects");
	size_t n = ys_yaml_seq_len(ps);
	ys_status st;

	if ((st = need_seq(c, ps, "projects")) != YS_OK)
		return st;
	c->b->projects = ys_arena_alloc(&c->b->arena, (n + 1) * sizeof *c->b->projects);
	if (!c->b->projects)
		return YS_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		ys_ynode *e = ys_yaml_seq_at(c->y, ps, i), *inds;
		ys_project *p = &c->b->projects[i];
		size_t ni;

		if (!ys_yaml_is_map(e))
			return bad(c, e, "projects 的每一项应为映射（name, goal, indicators）%s", "");
		p->yaml_line = ys_yaml_line(e);
		if ((st = get_str(c, e, "name", &p->name)) ||
		    (st = get_str(c, e, "goal", &p->goal)))
			return st;
		if (!p->name || !*p->name)
			return bad(c, e, "项目缺少名称“name”%s", "");
		for (size_t k = 0; k < i; k++)
			if (!strcmp(c->b->projects[k].name, p->name))
				return bad(c, e, "项目名称“%s”重复", p->name);
		inds = ys_yaml_get(c->y, e, "indicators");
		if ((st = need_seq(c, inds, "indicators")) != YS_OK)
			return st;
		ni = ys_yaml_seq_len(inds);
		p->indicators = ys_arena_alloc(&c->b->arena, (ni + 1) * sizeof *p->indicators);
		if (!p->indicators)
			return YS_ENOMEM;
		for (size_t k = 0; k < ni; k++) {
			ys_ynode *r = ys_yaml_seq_at(c->y, inds, k);
			const char **dst[6];
			ys_indicator *ind = &p->indicators[k];

			dst[0] = &ind->lv1, dst[1] = &ind->lv2, dst[2] = &ind->lv3;
			dst[3] = &ind->desc, dst[4] = &ind->value, dst[5] = &ind->basis;
			if (!ys_yaml_is_map(r))
				return bad(c, r, "绩效指标应为映射（lv1, lv2, lv3, desc, value, basis）%s", "");
			for (int f = 0; f < 6; f++)
				if ((st = get_str(c, r, fields[f], dst[f])))
					return st;
			if (!ind->lv1 || !ind->lv2 || !ind->lv3)
				return bad(c, r, "绩效指标缺少一级、二级或三级指标（lv1/lv2/lv3）%s", "");
		}
		p->nindicators = ni;
	}
	c->b->nprojects = n;
	return YS_OK;
}

/* The procurement category as written in Chinese (货物/工程/服务) or by its
 * key; other text is returned unchanged for the caller to refuse. */
static const char *category_key(const char *s)
{
	static const char *const zh[][2] = {{"货物", "goods"}, {"工程", "works"},
					    {"服务", "services"}};

	for (size_t i = 0; i < sizeof zh / sizeof *zh; i++)
		if (!strcmp(s, zh[i][0]))
			return zh[i][1];
	return s;
}

static ys_status read_procurement(struct yctx *c, ys_ynode *root)
{
	ys_ynode *ps = ys_yaml_get(c->y, root, "procurement");
	size_t n = ys_yaml_seq_len(ps);
	ys_status st;

	if ((st = need_seq(c, ps, "procurement")) != YS_OK)
		return st;
	c->b->procurement = ys_arena_alloc(&c->b->arena, (n + 1) * sizeof *c->b->procurement);
	if (!c->b->procurement)
		return YS_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		ys_ynode *e = ys_yaml_seq_at(c->y, ps, i);
		ys_procurement *p = &c->b->procurement[i];
		int has;

		if (!ys_yaml_is_map(e))
			return bad(c, e, "procurement 的每一项应为映射%s", "");
		if ((st = get_str(c, e, "project", &p->project)) ||
		    (st = get_str(c, e, "item", &p->item)) ||
		    (st = get_str(c, e, "catalog_no", &p->catalog_no)) ||
		    (st = get_str(c, e, "unit", &p->unit)) ||
		    (st = get_str(c, e, "quantity", &p->quantity)) ||
		    (st = get_str(c, e, "fund", &p->fund)) ||
		    (st = get_str(c, e, "category", &p->category)) ||
		    (st = get_money(c, e, "unit_price", &p->unit_price, &has)) ||
		    (st = get_money(c, e, "amount", &p->amount, &has)) ||
		    (st = get_money(c, e, "sme_reserved", &p->sme_reserved, &has)))
			return st;
		if (p->category)
			p->category = category_key(p->category);
		if (p->category && strcmp(p->category, "goods") && strcmp(p->category, "works") &&
		    strcmp(p->category, "services"))
			return bad(c, ys_yaml_get(c->y, e, "category"),
				   "采购类别应为 货物（goods）、工程（works）或 服务（services），而不是“%s”",
				   p->category);
	}
	c->b->nprocurement = n;
	return YS_OK;
}

static ys_status read_assets(struct yctx *c, ys_ynode *root)
{
	static const char *const keys[] = {"total", "buildings", "offices",
		"vehicles", "equipment_200k", "other"};
	ys_ynode *a = ys_yaml_get(c->y, root, "assets");
	ys_status st;

	if (!a || ys_yaml_is_null(a))
		return YS_OK;
	if ((st = need_map(c, a, "assets")) != YS_OK)
		return st;
	if ((st = get_str(c, a, "as_of", &c->b->assets_as_of)) ||
	    (st = get_money(c, a, "planned_purchase", &c->b->planned_purchase,
			    &c->b->has_planned_purchase)))
		return st;
	for (int i = 0; i < 6; i++) {
		ys_ynode *e = ys_yaml_get(c->y, a, keys[i]);
		ys_asset *as;

		if (!e)
			continue;
		if (!ys_yaml_is_map(e))
			return bad(c, e, "assets.%s 应为映射（count, value）", keys[i]);
		as = &c->b->assets[c->b->nassets++];
		as->key = keys[i];
		if ((st = get_str(c, e, "count", &as->count)) ||
		    (st = get_money(c, e, "value", &as->value, &as->has_value)))
			return st;
	}
	return YS_OK;
}

static ys_status read_glossary(struct yctx *c, ys_ynode *root)
{
	ys_ynode *g = ys_yaml_get(c->y, root, "glossary");
	size_t n = ys_yaml_seq_len(g);
	ys_status st;

	if ((st = need_seq(c, g, "glossary")) != YS_OK)
		return st;
	c->b->glossary = ys_arena_alloc(&c->b->arena, (n + 1) * sizeof *c->b->glossary);
	if (!c->b->glossary)
		return YS_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		ys_ynode *e = ys_yaml_seq_at(c->y, g, i);

		if (!ys_yaml_is_map(e))
			return bad(c, e, "glossary 的每一项应为映射（term, text）%s", "");
		if ((st = get_str(c, e, "term", &c->b->glossary[i].key)) ||
		    (st = get_str(c, e, "text", &c->b->glossary[i].value)))
			return st;
		if (!c->b->glossary[i].key)
			return bad(c, e, "glossary 的一项缺少“term”%s", "");
	}
	c->b->nglossary = n;
	return YS_OK;
}

/* Fails when text (a whole input file, UTF-8) holds a character that XML
 * forbids, naming its line and column: every string of a bundle ends up in
 * DOCX, XLSX or HTML, and a renderer must never have to drop or mangle one. */
static ys_status check_file_text(const char *path, const char *text, size_t len,
				 ys_diag *d)
{
	const char *why = NULL;
	long at = ys_text_check_xml_safe(text, len, &why), line, col;

	if (at < 0)
		return YS_OK;
	ys_text_position(text, (size_t)at, &line, &col);
	return ys_fail(d, YS_EINPUT, path, line, col,
		       "含有公开文件中不允许的%s（字节 0x%02X）；请删去或改正这个字符", why,
		       (unsigned)(unsigned char)text[at]);
}

/* The key whose value is node n (a scalar), or NULL. */
static const char *key_of(yaml_document_t *doc, yaml_node_t *n)
{
	for (yaml_node_t *m = doc->nodes.start; m < doc->nodes.top; m++) {
		if (m->type != YAML_MAPPING_NODE)
			continue;
		for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
		     p < m->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(doc, p->key);

			if (yaml_document_get_node(doc, p->value) == n && k &&
			    k->type == YAML_SCALAR_NODE)
				return (const char *)k->data.scalar.value;
			if (k == n)
				return (const char *)n->data.scalar.value;
		}
	}
	return NULL;
}

/* Every scalar of the document XML-safe: escapes in double-quoted scalars
 * ("\x01", "\uFFFF") give characters the file's bytes do not show. Nodes
 * are walked as stored, once each, so aliases cost nothing. */
static ys_status check_scalars(struct yctx *c)
{
	yaml_document_t *doc = &c->y->doc;

	for (yaml_node_t *n = doc->nodes.start; n < doc->nodes.top; n++) {
		const char *why = NULL, *key;
		long at;

		if (n->type != YAML_SCALAR_NODE)
			continue;
		at = ys_text_check_xml_safe((const char *)n->data.scalar.value,
					    n->data.scalar.length, &why);
		if (at < 0)
			continue;
		key = key_of(doc, n);
		return ys_fail(c->d, YS_EINPUT, c->path, ys_yaml_line(n), ys_yaml_col(n),
			       "“%s”的值含有公开文件中不允许的%s（第 %ld 个字节，0x%02X）；"
			       "请删去或改正这个字符", key ? key : "（序列中的值）", why, at + 1,
			       (unsigned)n->data.scalar.value[at]);
	}
	return YS_OK;
}

/* A file read as GB18030 is said so: the guess is the user's to confirm
 * (a wrong one shows as mojibake in a published title). Returns 1 so it
 * chains in a condition. */
/* Values YAML would cut or convert silently become warnings of the bundle. */
static void warn_yaml_values(ys_budget *b, ys_yaml *y, const char *text, size_t len)
{
	static const char *const date_keys[] = {"as_of", NULL};

	ys_yaml_lint(y, text, len, date_keys);
	for (size_t i = 0; i < y->nwarn; i++)
		ys_budget_warn(b, &y->warn[i]);
	if (y->nwarn_dropped) {
		ys_diag w;

		ys_fail(&w, YS_EINPUT, b->yaml_path, 0, 0,
			"另有 %zu 处类似的 YAML 取值警告未列出", y->nwarn_dropped);
		ys_budget_warn(b, &w);
	}
}

static int warn_encoding(ys_budget *b, const char *path, const char *enc)
{
	if (enc && strcmp(enc, "UTF-8")) {
		ys_diag w;

		ys_fail(&w, YS_OK, path, 0, 0, "文件不是 UTF-8，按 %s 编码读取", enc);
		ys_budget_warn(b, &w);
	}
	return 1;
}

ys_status ys_bundle_read_yaml(ys_budget *b, const char *dir, ys_diag *d)
{
	const char *enc = NULL;
	static const char *const known[] = {"schema", "template", "year", "unit",
		"structure", "previous", "texts", "projects", "procurement",
		"assets", "glossary", NULL};
	char path[4096];
	char *text = NULL;
	size_t len;
	ys_yaml y;
	ys_ynode *root;
	struct yctx c;
	ys_status st;
	const char *schema;

	snprintf(path, sizeof path, "%s/budget.yaml", dir);
	b->dir = ys_arena_strdup(&b->arena, dir);
	b->yaml_path = ys_arena_strdup(&b->arena, path);
	snprintf(path, sizeof path, "%s/lines.csv", dir);
	b->lines_path = ys_arena_strdup(&b->arena, path);
	if (!b->dir || !b->yaml_path || !b->lines_path)
		return YS_ENOMEM;
	if ((st = ys_read_file_limited(b->yaml_path, bundle_yaml_bytes, &text, &len, d)) != YS_OK)
		return st;
	if ((st = ys_text_to_utf8(b->yaml_path, &text, &len, &enc, d)) != YS_OK ||
	    (st = check_file_text(b->yaml_path, text, len, d)) != YS_OK) {
		free(text);
		return st;
	}
	warn_encoding(b, b->yaml_path, enc);
	st = ys_yaml_load(&y, b->yaml_path, text, len, d);
	if (st == YS_OK)
		warn_yaml_values(b, &y, text, len);
	free(text);
	if (st != YS_OK)
		return st;
	c.b = b;
	c.y = &y;
	c.path = b->yaml_path;
	c.d = d;
	if ((st = check_scalars(&c)) != YS_OK)
		goto out;
	root = ys_yaml_root(&y);
	if (!ys_yaml_is_map(root)) {
		st = ys_fail(d, YS_EINPUT, c.path, ys_yaml_line(root), 0,
			     "budget.yaml 的顶层应为映射（schema, year, unit …）");
		goto out;
	}
	schema = ys_yaml_get_str(&y, root, "schema");
	if (schema && strcmp(schema, "yusuan/bundle@1")) {
		st = bad(&c, ys_yaml_get(&y, root, "schema"),
			 "不支持的 schema“%s”：应为 yusuan/bundle@1", schema);
		goto out;
	}
	if ((st = get_year(&c, root, "year", 1, &b->year)) ||
	    (st = get_str(&c, root, "template", &b->template_name)) ||
	    (st = read_unit(&c, root)) || (st = read_structure(&c, root)) ||
	    (st = read_previous(&c, root)) || (st = read_texts(&c, root)) ||
	    (st = read_projects(&c, root)) || (st = read_procurement(&c, root)) ||
	    (st = read_assets(&c, root)) || (st = read_glossary(&c, root)) ||
	    (st = check_keys(&c, root, "budget.yaml", known)))
		goto out;
	if (!b->template_name) {
		char t[32];

		snprintf(t, sizeof t, "hebei-%d", b->year);
		b->template_name = ys_arena_strdup(&b->arena, t);
	}
out:
	if (st == YS_ENOMEM)
		st = ys_fail(d, YS_ENOMEM, c.path, 0, 0, "内存不足");
	ys_yaml_free(&y);
	return st;
}

/* ---- lines.csv ---- */

enum { COL_FUNC, COL_ECO, COL_FUND, COL_TYPE, COL_PROJECT, COL_AMOUNT,
       COL_CARRY, COL_TAG, NCOLS };

static const char *const col_names[NCOLS][5] = {
	{"func_code", "功能科目", "功能分类科目编码", "功能科目编码", "功能分类科目"},
	{"eco_code", "经济科目", "经济分类科目编码", "经济科目编码", "经济分类科目"},
	{"fund", "资金来源", "资金性质", "收入类型", NULL},
	{"type", "支出类型", "支出类别", NULL, NULL},
	{"project", "项目", "项目名称", NULL, NULL},
	{"amount", "金额", "金额（元）", "金额(元)", "预算数"},
	{"carryover", "上年结转", NULL, NULL, NULL},
	{"tag", "标记", NULL, NULL, NULL},
};

/* The other measures' columns (docs/bundle.md): the measure key, or its
 * Chinese name (ys_measure_labels), or these. */
static const char *const measure_aliases[YS_NMEASURES][2] = {
	{NULL, NULL}, {"年初预算", NULL}, {"调整预算数", "全年预算"}, {"决算", "支出决算数"},
	{"上年预算数", NULL}, {"年初结转结余", NULL}, {"年末结转结余", NULL},
	{"本年收入决算数", NULL}, {NULL, NULL},
};

struct lctx {
	ys_budget *b;
	const ys_catalog *cat;
	const char *path;
	int col[NCOLS];
	int mcol[YS_NMEASURES];	/* column of each other measure, or -1 */
	int nmeasures;		/* how many such columns */
	ys_fen mv[YS_NMEASURES];	/* the current line's other measures */
	int header_done;
	int max_col;
	int header_fields;
	/* Fund and type columns hold a handful of distinct spellings: each is
	 * resolved once and remembered. */
	struct {
		char text[64];
		int index;
	} seen[2][32];
	int nseen[2];
	/* 合计/小计 rows of an export: the detail summed since the start (all)
	 * and since the last 小计 (group), each checked when its row comes. */
	ys_fen sum_all, sum_group;
	int sum_overflow;	/* the running sums overflowed (reported at a sum row) */
};

/* Resolves a fund (which 0) or type (1) text through the small cache. */
static int lookup_key(struct lctx *c, int which, const char *s)
{
	int idx;

	for (int i = 0; i < c->nseen[which]; i++)
		if (!strcmp(c->seen[which][i].text, s))
			return c->seen[which][i].index;
	idx = which ? ys_catalog_type(c->cat, s) : ys_catalog_fund(c->cat, s);
	if (idx >= 0 && c->nseen[which] < 32 && strlen(s) < 64) {
		strcpy(c->seen[which][c->nseen[which]].text, s);
		c->seen[which][c->nseen[which]++].index = idx;
	}
	return idx;
}

static void warn_code(struct lctx *c, long line, int col, const char *what,
		      const char *code)
{
	ys_diag w;

	ys_fail(&w, YS_OK, c->path, line, col, "科目编码 %s 不在%d年%s中", code,
		c->cat->year, what);
	ys_budget_warn(c->b, &w);
}

/* Is field i of the header one of the known columns? */
static int known_column(const struct lctx *c, int i)
{
	for (int k = 0; k < NCOLS; k++)
		if (c->col[k] == i)
			return 1;
	for (int m = 1; m < YS_NMEASURES; m++)
		if (c->mcol[m] == i)
			return 1;
	return 0;
}

/* A column no reader knows is ignored with a warning naming it, so that a
 * 单位名称 column (a multi-unit export) is never merged into one unit
 * without a word. */
static void warn_unknown_columns(struct lctx *c, char **f, int nf, long line)
{
	for (int i = 0; i < nf; i++) {
		ys_diag w;

		if (known_column(c, i) || !f[i][0])
			continue;
		if (strstr(f[i], "单位"))
			ys_fail(&w, YS_OK, c->path, line, i + 1,
				"列“%s”无法识别，已忽略：若文件含多个单位，各单位的明细会合并为一个单位，"
				"请先按单位拆分成各自的数据包", f[i]);
		else
			ys_fail(&w, YS_OK, c->path, line, i + 1,
				"列“%s”无法识别，已忽略（可识别的列见 docs/bundle.md）", f[i]);
		ys_budget_warn(c->b, &w);
	}
}

/* 合计, 小计 or 总计 as a whole cell (other than the amount) marks a sum
 * row of an export; returns 2 for a grand total, 1 for a subtotal, 0 for a
 * line item. */
static int sum_row_kind(const struct lctx *c, char **f, int nf)
{
	char name[64];

	for (int i = 0; i < nf; i++) {
		if (!f[i][0] || i == c->col[COL_AMOUNT])
			continue;
		ys_squash_space(f[i], name, sizeof name);
		if (!strcmp(name, "合计") || !strcmp(name, "总计") || !strcmp(name, "合 计"))
			return 2;
		if (!strcmp(name, "小计"))
			return 1;
	}
	return 0;
}

/* A sum row is not a line item: its amount is checked against the detail
 * read before it (小计: since the previous 小计; 合计: everything). */
static ys_status sum_row(struct lctx *c, char **f, int nf, int kind, long line,
			 ys_diag *d)
{
	const char *s = c->col[COL_AMOUNT] < nf ? f[c->col[COL_AMOUNT]] : "";
	const char *why = NULL;
	ys_fen v, want = kind == 2 ? c->sum_all : c->sum_group;
	char a[32], b[32];

	switch (ys_fen_parse(s, &v, &why)) {
	case YS_MONEY_VALUE:
		break;
	case YS_MONEY_EMPTY:
		return YS_OK;	/* a label row without an amount */
	default:
		return ys_fail(d, YS_EINPUT, c->path, line, c->col[COL_AMOUNT] + 1,
			       "%s行的金额“%s”无效（%s）", kind == 2 ? "合计" : "小计", s,
			       why ? why : "格式不对");
	}
	if (c->sum_overflow)
		return ys_fail(d, YS_ERANGE, c->path, line, c->col[COL_AMOUNT] + 1,
			       "其上明细之和超出范围（溢出），无法核对%s行", kind == 2 ? "合计" : "小计");
	if (v != want) {
		ys_money_format(v, 2, 0, a);
		ys_money_format(want, 2, 0, b);
		return ys_fail(d, YS_EINPUT, c->path, line, c->col[COL_AMOUNT] + 1,
			       "%s行的金额 %s 元与其上明细之和 %s 元不符：请核对导出的数据",
			       kind == 2 ? "合计" : "小计", a, b);
	}
	c->sum_group = 0;
	return YS_OK;
}

static ys_status line_header(struct lctx *c, char **f, int nf, long line,
			     ys_diag *d)
{
	char name[128];

	for (int k = 0; k < NCOLS; k++)
		c->col[k] = -1;
	for (int m = 0; m < YS_NMEASURES; m++)
		c->mcol[m] = -1;
	for (int i = 0; i < nf; i++) {
		ys_squash_space(f[i], name, sizeof name);
		for (int m = 1; m < YS_NMEASURES; m++)
			if (!strcmp(name, ys_measure_names[m]) || !strcmp(name, ys_measure_labels[m]) ||
			    (measure_aliases[m][0] && !strcmp(name, measure_aliases[m][0])) ||
			    (measure_aliases[m][1] && !strcmp(name, measure_aliases[m][1]))) {
				if (c->mcol[m] >= 0)
					return ys_fail(d, YS_EINPUT, c->path, line, i + 1,
						       "列“%s”重复", f[i]);
				c->mcol[m] = i;
				c->nmeasures++;
				if (ys_budget_use_measure(c->b, m) != YS_OK)
					return ys_fail(d, YS_ENOMEM, c->path, line, 0, "内存不足");
			}
		for (int k = 0; k < NCOLS; k++)
			for (int a = 0; a < 5 && col_names[k][a]; a++)
				if (!strcmp(name, col_names[k][a])) {
					if (c->col[k] >= 0)
						return ys_fail(d, YS_EINPUT, c->path, line, i + 1,
							       "列“%s”重复", f[i]);
					c->col[k] = i;
				}
	}
	warn_unknown_columns(c, f, nf, line);
	for (int k = 0; k <= COL_AMOUNT; k++) {
		/* A bundle of final accounts may carry only the other measures. */
		if (k == COL_PROJECT || (k == COL_AMOUNT && c->nmeasures))
			continue;
		if (c->col[k] < 0)
			return ys_fail(d, YS_EINPUT, c->path, line, 0,
				       "表头缺少列“%s”（应有 func_code, eco_code, fund, type, project, amount）",
				       col_names[k][0]);
	}
	c->max_col = 0;
	for (int k = 0; k < NCOLS; k++)
		if (c->col[k] > c->max_col)
			c->max_col = c->col[k];
	for (int m = 0; m < YS_NMEASURES; m++)
		if (c->mcol[m] > c->max_col)
			c->max_col = c->mcol[m];
	c->header_fields = nf;
	c->header_done = 1;
	return YS_OK;
}

static int flag_value(const char *s, int *out)
{
	if (!*s || !strcmp(s, "0") || !strcmp(s, "否") || !strcmp(s, "no") ||
	    !strcmp(s, "false")) {
		*out = 0;
		return 1;
	}
	if (!strcmp(s, "1") || !strcmp(s, "是") || !strcmp(s, "yes") ||
	    !strcmp(s, "true")) {
		*out = 1;
		return 1;
	}
	return 0;
}

/* One amount cell in 元 (amount or another measure): exact fen, checked;
 * *has = 0 for an empty cell. col is 0-based. */
static ys_status parse_amount(struct lctx *c, const char *s, long line, int col,
			      ys_fen *out, int *has, ys_diag *d)
{
	const char *why = NULL;

	*has = 0;
	switch (ys_fen_parse(s, out, &why)) {
	case YS_MONEY_VALUE:
		*has = 1;
		return YS_OK;
	case YS_MONEY_EMPTY:
		*out = 0;
		return YS_OK;
	case YS_MONEY_OVERFLOW:
		return ys_fail(d, YS_ERANGE, c->path, line, col + 1, "金额“%s”超出范围", s);
	default:
		return ys_fail(d, YS_EINPUT, c->path, line, col + 1,
			       "金额“%s”无效（%s）：应为以元为单位、最多两位小数的数字，如 820000.00",
			       s, why ? why : "格式不对");
	}
}

/* Adds a detail line to the running sums for the 合计/小计 rows; a negative
 * amount (a reduction entered as a line) is a warning, since a budget line
 * item is normally positive but an adjustment export may hold one. */
static ys_status count_detail(struct lctx *c, const ys_line *ln, long line,
			      ys_diag *d)
{
	if (ln->amount < 0) {
		ys_diag w;

		ys_fail(&w, YS_OK, c->path, line, c->col[COL_AMOUNT] + 1,
			"金额为负数：请确认这是调减而不是录入错误");
		ys_budget_warn(c->b, &w);
	}
	(void)d;
	if (!ys_add_ok(c->sum_all, ln->amount, &c->sum_all) ||
	    !ys_add_ok(c->sum_group, ln->amount, &c->sum_group))
		c->sum_overflow = 1;
	return YS_OK;
}

static ys_status line_row(void *ctx, char **f, int nf, long line, ys_diag *d)
{
	struct lctx *c = ctx;
	ys_line ln;
	const char *s;
	uint32_t idx;
	int carry, idx_fund, idx_type;
	ys_status st;

	if (!c->header_done)
		return line_header(c, f, nf, line, d);
	if (nf > c->header_fields)
		return ys_fail(d, YS_EINPUT, c->path, line, c->header_fields + 1,
			       "本行有 %d 个字段，表头只有 %d 列（含逗号的金额或名称需要加英文双引号）",
			       nf, c->header_fields);
	if (nf <= c->max_col) {
		/* Missing trailing optional columns are fine; required ones not. */
		for (int k = 0; k <= COL_AMOUNT; k++)
			if (k != COL_PROJECT && !(k == COL_AMOUNT && c->nmeasures) && c->col[k] >= nf)
				return ys_fail(d, YS_EINPUT, c->path, line, nf + 1,
					       "字段不足：缺少“%s”（本行只有 %d 个字段）",
					       col_names[k][0], nf);
	}
	{
		int kind = sum_row_kind(c, f, nf);

		if (kind)
			return sum_row(c, f, nf, kind, line, d);
	}
	memset(&ln, 0, sizeof ln);
	ln.src_line = line > 0xFFFFFFFFL ? 0xFFFFFFFFu : (uint32_t)line;

	s = f[c->col[COL_FUNC]];
	ln.func = ys_code_parse(s);
	if (!ln.func || ys_code_digits(ln.func) != 7)
		return ys_fail(d, YS_EINPUT, c->path, line, c->col[COL_FUNC] + 1,
			       "功能分类科目编码“%s”无效：应为 7 位数字（项级科目，如 2012901）", s);
	if (!ys_catalog_find(c->cat, YS_CAT_FUNC, ln.func))
		warn_code(c, line, c->col[COL_FUNC] + 1, "支出功能分类科目", s);

	s = f[c->col[COL_ECO]];
	ln.eco = ys_code_parse(s);
	if (!ln.eco || ys_code_digits(ln.eco) != 5)
		return ys_fail(d, YS_EINPUT, c->path, line, c->col[COL_ECO] + 1,
			       "经济分类科目编码“%s”无效：应为 5 位数字（款级科目，如 30101）", s);
	if (!ys_catalog_find(c->cat, YS_CAT_ECO, ln.eco))
		warn_code(c, line, c->col[COL_ECO] + 1, "部门预算支出经济分类科目", s);

	s = f[c->col[COL_FUND]];
	if ((idx_fund = lookup_key(c, 0, s)) < 0) {
		return ys_fail(d, YS_EINPUT, c->path, line, c->col[COL_FUND] + 1,
			       "资金来源“%s”无法识别：应为 gpb（一般公共预算拨款）、gf、soc、special、business、operating、higher、affiliated、other 之一或其中文名称", s);
	}
	ln.fund = (uint8_t)idx_fund;

	s = f[c->col[COL_TYPE]];
	if ((idx_type = lookup_key(c, 1, s)) < 0) {
		return ys_fail(d, YS_EINPUT, c->path, line, c->col[COL_TYPE] + 1,
			       "支出类型“%s”无法识别：应为 basic（基本支出）、project（项目支出）、operating、to_higher、to_affiliated 之一或其中文名称", s);
	}
	ln.type = (uint8_t)idx_type;

	if (c->col[COL_PROJECT] >= 0 && c->col[COL_PROJECT] < nf && f[c->col[COL_PROJECT]][0]) {
		if (ys_intern_get(&c->b->project_names, &c->b->arena,
				  f[c->col[COL_PROJECT]], &idx) != YS_OK)
			return ys_fail(d, YS_ENOMEM, c->path, line, 0, "内存不足");
		if (idx > 0xFFFF)
			return ys_fail(d, YS_ELIMIT, c->path, line, c->col[COL_PROJECT] + 1,
				       "项目超过 65535 个");
		ln.project = (uint16_t)idx;
	}
	if (!strcmp(c->cat->types[ln.type].key, "project") && !ln.project)
		return ys_fail(d, YS_EINPUT, c->path, line,
			       c->col[COL_PROJECT] >= 0 ? c->col[COL_PROJECT] + 1 : 0,
			       "项目支出必须填写项目名称（project 列）");

	{
		ys_fen mv[YS_NMEASURES] = {0};
		int given = 0;

		for (int m = 1; m < YS_NMEASURES; m++) {
			int has = 0;

			if (c->mcol[m] < 0 || c->mcol[m] >= nf)
				continue;
			if ((st = parse_amount(c, f[c->mcol[m]], line, c->mcol[m], &mv[m], &has, d)))
				return st;
			given |= has;
		}
		if (c->col[COL_AMOUNT] >= 0 && c->col[COL_AMOUNT] < nf) {
			int has = 0;

			if ((st = parse_amount(c, f[c->col[COL_AMOUNT]], line, c->col[COL_AMOUNT],
					       &ln.amount, &has, d)))
				return st;
			given |= has;
		}
		/* An empty amount is no value; a line needs one of its amounts. */
		if (!given)
			return ys_fail(d, YS_EINPUT, c->path, line,
				       c->col[COL_AMOUNT] >= 0 ? c->col[COL_AMOUNT] + 1 : 0,
				       c->nmeasures ? "金额为空：本行的预算数和其他金额列都没有填写"
						    : "金额为空：每个明细都需要以元为单位的金额");
		memcpy(c->mv, mv, sizeof mv);
	}

	if ((st = count_detail(c, &ln, line, d)) != YS_OK)
		return st;
	if (c->col[COL_CARRY] >= 0 && c->col[COL_CARRY] < nf) {
		if (!flag_value(f[c->col[COL_CARRY]], &carry))
			return ys_fail(d, YS_EINPUT, c->path, line, c->col[COL_CARRY] + 1,
				       "carryover 应为 1/是 或 0/否，而不是“%s”",
				       f[c->col[COL_CARRY]]);
		ln.carry = (uint8_t)carry;
	}
	if (c->col[COL_TAG] >= 0 && c->col[COL_TAG] < nf && f[c->col[COL_TAG]][0]) {
		if (ys_intern_get(&c->b->tags, &c->b->arena, f[c->col[COL_TAG]], &idx) != YS_OK)
			return ys_fail(d, YS_ENOMEM, c->path, line, 0, "内存不足");
		if (idx > 255)
			return ys_fail(d, YS_ELIMIT, c->path, line, c->col[COL_TAG] + 1,
				       "标记（tag）种类超过 255 个");
		ln.tag = (uint8_t)idx;
	}
	if (ys_budget_add_line(c->b, &ln) != YS_OK)
		return ys_fail(d, YS_ENOMEM, c->path, line, 0, "内存不足");
	for (int m = 1; m < YS_NMEASURES; m++)
		if (c->b->mvals[m])
			c->b->mvals[m][c->b->nlines - 1] = c->mv[m];
	return YS_OK;
}

ys_status ys_bundle_read_lines(ys_budget *b, const ys_catalog *cat, ys_diag *d)
{
	const char *enc = NULL;
	struct lctx c;
	char *text = NULL;
	size_t len;
	ys_status st;

	memset(&c, 0, sizeof c);
	c.b = b;
	c.cat = cat;
	c.path = b->lines_path;
	if ((st = ys_read_file_limited(c.path, lines_csv_bytes, &text, &len, d)) != YS_OK)
		return st;
	if ((st = ys_text_to_utf8(c.path, &text, &len, &enc, d)) == YS_OK &&
	    warn_encoding(b, c.path, enc) &&
	    (st = check_file_text(c.path, text, len, d)) == YS_OK)
		st = ys_csv_read(c.path, text, len, line_row, &c, d);
	free(text);
	if (st == YS_OK && !c.header_done)
		st = ys_fail(d, YS_EINPUT, c.path, 1, 0,
			     "文件为空：应有表头 func_code,eco_code,fund,type,project,amount");
	if (st != YS_OK)
		return st;
	/* Every project named in lines.csv should be described in budget.yaml,
	 * and the other way round; a mismatch is usually a typo. */
	for (size_t i = 1; i < b->project_names.n; i++) {
		int found = 0;

		for (size_t k = 0; k < b->nprojects && !found; k++)
			found = !strcmp(b->projects[k].name, b->project_names.names[i]);
		if (!found && b->nprojects) {
			ys_diag w;

			ys_fail(&w, YS_OK, c.path, 0, 0,
				"项目“%s”在 budget.yaml 的 projects 中没有绩效目标",
				b->project_names.names[i]);
			ys_budget_warn(b, &w);
		}
	}
	for (size_t k = 0; k < b->nprojects; k++)
		if (!ys_intern_find(&b->project_names, b->projects[k].name)) {
			ys_diag w;

			ys_fail(&w, YS_OK, b->yaml_path, b->projects[k].yaml_line, 0,
				"项目“%s”在 lines.csv 中没有任何明细", b->projects[k].name);
			ys_budget_warn(b, &w);
		}
	return YS_OK;
}

ys_status ys_bundle_load(const char *dir, const char *datadir,
			 const char *user_catalog, ys_budget *b,
			 ys_catalog *cat, ys_diag *d)
{
	ys_status st;

	ys_budget_init(b);
	memset(cat, 0, sizeof *cat);
	if (!ys_is_bundle(dir)) {
		return ys_fail(d, YS_EIO, dir, 0, 0,
			       "不是预算数据包：目录中应有 budget.yaml 和 lines.csv");
	}
	if ((st = ys_bundle_read_yaml(b, dir, d)) != YS_OK)
		goto fail;
	if ((st = ys_catalog_load(cat, datadir, b->year, d)) != YS_OK)
		goto fail;
	if (user_catalog && (st = ys_catalog_add_file(cat, user_catalog, d)) != YS_OK)
		goto fail;
	{
		/* The bundle's own additions (docs/bundle.md): valid for this
		 * bundle only, since the catalog is loaded per bundle. */
		char p[4096];
		struct stat sb;

		snprintf(p, sizeof p, "%s/catalog.csv", dir);
		if (stat(p, &sb) == 0 &&
		    (st = ys_catalog_add_bundle_file(cat, p, d)) != YS_OK)
			goto fail;
	}
	if ((st = ys_bundle_read_lines(b, cat, d)) != YS_OK)
		goto fail;
	return YS_OK;
fail:
	ys_budget_free(b);
	ys_catalog_free(cat);
	return st;
}

ys_status ys_bundle_require_codes(const ys_budget *b, const ys_catalog *cat,
				  ys_diag *d)
{
	for (size_t i = 0; i < b->nlines; i++) {
		const ys_line *ln = &b->lines[i];
		int func = !ys_catalog_find(cat, YS_CAT_FUNC, ln->func);
		char code[8];

		if (!func && ys_catalog_find(cat, YS_CAT_ECO, ln->eco))
			continue;
		ys_code_str(func ? ln->func : ln->eco, code);
		return ys_fail(d, YS_EINPUT, b->lines_path, (long)ln->src_line, 0,
			       "科目编码 %s 不在%d年%s中，不能发布：请改正编码，"
			       "或在数据包的 catalog.csv 中列出它（见 docs/bundle.md）",
			       code, cat->year,
			       func ? "支出功能分类科目" : "部门预算支出经济分类科目");
	}
	return YS_OK;
}
