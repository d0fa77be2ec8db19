/*
 * limits.c - the table of reader bounds: names, units, defaults and
 * meanings in one place, the NAME=VALUE parser of `--limit`, and the
 * "over the limit" message that says which limit and how to raise it.
 * The one instance in force is written only by the command line, before
 * any reader runs (limits.h).
 */
#include "limits.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define KIB ((size_t)1024)
#define MIB (KIB * 1024)
#define GIB (MIB * 1024)

enum unit { U_BYTES, U_COUNT, U_LEVELS };

static const struct desc {
	const char *name;
	size_t off;
	enum unit unit;
	size_t def;
	size_t max;	/* a value above it is refused: it would exhaust memory
			 * or overflow a counter before the limit could act */
	const char *meaning;
} table[] = {
	{"input-bytes", offsetof(ys_limits, input_bytes), U_BYTES, 256 * MIB, 16 * GIB,
	 "读入内存的一般文件（科目表、公开 JSON、check 的输入）的大小"},
	{"bundle-yaml-bytes", offsetof(ys_limits, bundle_yaml_bytes), U_BYTES, 16 * MIB, 16 * GIB,
	 "数据包 budget.yaml 的大小"},
	{"lines-csv-bytes", offsetof(ys_limits, lines_csv_bytes), U_BYTES, 2 * GIB - 1, 16 * GIB,
	 "数据包 lines.csv 的大小"},
	{"template-bytes", offsetof(ys_limits, template_bytes), U_BYTES, 16 * MIB, 16 * GIB,
	 "一个模板文件的大小"},
	{"document-bytes", offsetof(ys_limits, document_bytes), U_BYTES, 64 * MIB, 16 * GIB,
	 "parse / check 读取的已发布文件（文本、HTML、DOCX、XLSX）的大小"},
	{"zip-inflated-bytes", offsetof(ys_limits, zip_inflated_bytes), U_BYTES, 128 * MIB, 16 * GIB,
	 "DOCX/XLSX 各 zip 条目解压后的总大小（防 zip 炸弹）"},
	{"zip-entries", offsetof(ys_limits, zip_entries), U_COUNT, 4096, 1u << 24,
	 "DOCX/XLSX 的 zip 条目数"},
	{"sheet-cells", offsetof(ys_limits, sheet_cells), U_COUNT, 500000, (size_t)1 << 32,
	 "XLSX 一个工作表的非空单元格数"},
	{"sheet-merges", offsetof(ys_limits, sheet_merges), U_COUNT, 20000, (size_t)1 << 24,
	 "XLSX 一个工作表的合并区域数（查找是线性的）"},
	{"shared-strings", offsetof(ys_limits, shared_strings), U_COUNT, 1000000, (size_t)1 << 32,
	 "XLSX sharedStrings.xml 的字符串个数"},
	{"shared-string-bytes", offsetof(ys_limits, shared_string_bytes), U_BYTES, 64 * MIB, 16 * GIB,
	 "XLSX 共享字符串的文本总量"},
	{"cell-text-bytes", offsetof(ys_limits, cell_text_bytes), U_BYTES, 256 * MIB, 16 * GIB,
	 "XLSX 各工作表单元格文本总量（共享字符串每次引用都计入，防放大攻击）"},
	{"yaml-depth", offsetof(ys_limits, yaml_depth), U_LEVELS, 64, 100000,
	 "YAML（budget.yaml、模板）的嵌套层数"},
	{"yaml-anchors", offsetof(ys_limits, yaml_anchors), U_COUNT, 1000, 1000000,
	 "YAML 锚点（&）的个数，别名（*）的个数另计同一上限"},
	{"yaml-nodes", offsetof(ys_limits, yaml_nodes), U_COUNT, 2000000, (size_t)1 << 32,
	 "YAML 节点总数（别名全部展开后）"},
	{"csv-fields", offsetof(ys_limits, csv_fields), U_COUNT, 64, 65536,
	 "CSV 一条记录的字段数"},
	{"json-cells", offsetof(ys_limits, json_cells), U_COUNT, (size_t)1 << 20, (size_t)1 << 32,
	 "公开 JSON 中一个未识别表（cells）的行数 × 列数"},
};

#define NLIMITS (sizeof table / sizeof *table)

static ys_limits current;
static int current_set;

static size_t *slot(ys_limits *l, size_t i)
{
	return (size_t *)((char *)l + table[i].off);
}

static void fill_defaults(ys_limits *l)
{
	for (size_t i = 0; i < NLIMITS; i++)
		*slot(l, i) = table[i].def;
}

const ys_limits *ys_limits_get(void)
{
	if (!current_set) {
		fill_defaults(&current);
		current_set = 1;
	}
	return &current;
}

void ys_limits_reset(void)
{
	fill_defaults(&current);
	current_set = 1;
}

/* The entry whose name is s[0..n) with '-' and '_' alike. */
static const struct desc *lookup(const char *s, size_t n)
{
	for (size_t i = 0; i < NLIMITS; i++) {
		const char *t = table[i].name;
		size_t k = 0;

		for (; k < n && t[k]; k++) {
			char a = s[k] == '_' ? '-' : s[k];

			if (a != t[k])
				break;
		}
		if (k == n && !t[k])
			return &table[i];
	}
	return NULL;
}

static const char *unit_name(enum unit u)
{
	return u == U_BYTES ? "字节" : u == U_LEVELS ? "层" : "个";
}

ys_status ys_limits_set(const char *assign, const char *origin, ys_diag *d)
{
	const char *eq = strchr(assign, '=');
	const struct desc *e;
	unsigned long long v, mul = 1;
	char *end;

	if (!eq || eq == assign)
		return ys_fail(d, YS_EINPUT, origin, 0, 0,
			       "“%s”应写成 名称=数值，例如 sheet-cells=1000000"
			       "（--limit list 列出全部限值）", assign);
	if (!(e = lookup(assign, (size_t)(eq - assign))))
		return ys_fail(d, YS_EINPUT, origin, 0, 0,
			       "没有名为“%.*s”的限值（--limit list 列出全部限值）",
			       (int)(eq - assign), assign);
	errno = 0;
	if (eq[1] < '0' || eq[1] > '9')
		goto bad;
	v = strtoull(eq + 1, &end, 10);
	if (errno)
		goto bad;
	if (e->unit == U_BYTES && *end) {
		switch (*end) {
		case 'k': case 'K': mul = KIB; break;
		case 'm': case 'M': mul = MIB; break;
		case 'g': case 'G': mul = GIB; break;
		default: goto bad;
		}
		end++;
		if (!strcmp(end, "iB") || !strcmp(end, "B"))
			end += strlen(end);
	}
	if (*end)
		goto bad;
	if (v == 0 || v > e->max / mul)
		return ys_fail(d, YS_EINPUT, origin, 0, 0,
			       "限值 %s 应在 1 到 %zu %s之间", e->name, e->max, unit_name(e->unit));
	ys_limits_get();
	*(size_t *)((char *)&current + e->off) = (size_t)(v * mul);
	return YS_OK;
bad:
	return ys_fail(d, YS_EINPUT, origin, 0, 0,
		       "限值 %s 的值“%s”不是正整数%s", e->name, eq + 1,
		       e->unit == U_BYTES ? "（字节数可带 K、M、G 后缀）" : "");
}

ys_status ys_limits_set_list(const char *list, const char *origin, ys_diag *d)
{
	char one[256];

	while (*list) {
		size_t n = strcspn(list, ", \t\n");
		ys_status st;

		if (n) {
			if (n >= sizeof one)
				return ys_fail(d, YS_EINPUT, origin, 0, 0, "限值设置过长：%.40s…", list);
			memcpy(one, list, n);
			one[n] = '\0';
			if ((st = ys_limits_set(one, origin, d)) != YS_OK)
				return st;
		}
		list += n;
		if (*list)
			list++;
	}
	return YS_OK;
}

size_t ys_limits_count(void)
{
	return NLIMITS;
}

int ys_limits_info(size_t i, ys_limit_info *out)
{
	if (i >= NLIMITS)
		return 0;
	out->name = table[i].name;
	out->unit = unit_name(table[i].unit);
	out->def = table[i].def;
	out->value = *slot((ys_limits *)ys_limits_get(), i);
	out->meaning = table[i].meaning;
	return 1;
}

/* The table entry of a ys_limits member name ("sheet_cells"). */
static const struct desc *by_field(const char *field)
{
	return lookup(field, strlen(field));
}

/* Cuts s to at most max bytes on a UTF-8 character boundary. */
static void cut_utf8(char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	s[max] = '\0';
}

void ys_limit_note_at(ys_diag *d, const char *field)
{
	const struct desc *e = by_field(field);
	char hint[200];
	size_t n;

	if (!d || !e)
		return;
	snprintf(hint, sizeof hint, "（限值 %s = %zu；用 --limit %s=更大的值 放宽）",
		 e->name, *(size_t *)((char *)ys_limits_get() + e->off), e->name);
	n = strlen(hint);
	cut_utf8(d->msg, sizeof d->msg - 1 - n);
	strcat(d->msg, hint);
}

ys_status ys_fail_limit_at(ys_diag *d, const char *field, const char *file,
			   long line, long column, const char *fmt, ...)
{
	va_list ap;

	if (!d)
		return YS_ELIMIT;
	ys_fail(d, YS_ELIMIT, file, line, column, "%s", "");
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
	ys_limit_note_at(d, field);
	return YS_ELIMIT;
}

ys_status ys_read_file_limited_at(const char *path, size_t limit,
				  const char *field, char **out, size_t *len,
				  ys_diag *d)
{
	ys_status st = ys_read_file(path, limit, out, len, d);

	if (st == YS_ELIMIT)
		ys_limit_note_at(d, field);
	return st;
}
