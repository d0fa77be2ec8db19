/*
 * synth.c - the synthetic county (synth.h). Amounts are drawn in whole
 * 元 from a xorshift generator seeded per unit, so one unit's bundle does
 * not depend on how many others are generated. Personnel costs follow the
 * staff count (wages, then social insurance and 住房公积金 as shares of
 * wages, under their own functional codes); public costs and 三公 follow
 * it too; 事业 units add 财政专户 and 事业收入 money; one project in four
 * is partly 上年结转.
 */
#include "synth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/csv.h"
#include "../base/file.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../model/catalog.h"

#define MAX_KINDS 64

typedef struct kind {
	char *f[13];	/* the columns of kinds.csv, in order */
} kind;

enum { K_NAME, K_NATURE, K_FUNC, K_PFUNC, K_P1, K_G1, K_I1, K_V1, K_P2, K_G2, K_I2, K_V2, K_DUTY };

typedef struct kinds {
	kind v[MAX_KINDS];
	int n;
	const ys_catalog *cat;
	const char *path;
} kinds;

static ys_status kind_row(void *ctx, char **f, int nf, long line, ys_diag *d)
{
	kinds *k = ctx;

	if (f[0][0] == '#' || !strcmp(f[0], "name"))
		return YS_OK;
	if (nf != 13)
		return ys_fail(d, YS_EINPUT, k->path, line, 0, "应有 13 列，而不是 %d 列", nf);
	if (k->n == MAX_KINDS)
		return ys_fail(d, YS_ELIMIT, k->path, line, 0, "单位类别太多（最多 %d 个）", MAX_KINDS);
	for (int c = K_FUNC; c <= K_PFUNC; c++)
		if (!ys_catalog_find(k->cat, YS_CAT_FUNC, ys_code_parse(f[c])))
			return ys_fail(d, YS_EINPUT, k->path, line, c + 1,
				       "科目编码 %s 不在2023年支出功能分类科目中", f[c]);
	if (strcmp(f[K_NATURE], "行政") && strcmp(f[K_NATURE], "事业"))
		return ys_fail(d, YS_EINPUT, k->path, line, 2, "单位性质应为 行政 或 事业：%s", f[K_NATURE]);
	for (int c = 0; c < 13; c++)
		if (!(k->v[k->n].f[c] = strdup(f[c])))
			return ys_fail(d, YS_ENOMEM, k->path, line, 0, "内存不足");
	k->n++;
	return YS_OK;
}

static void kinds_free(kinds *k)
{
	for (int i = 0; i < k->n; i++)
		for (int c = 0; c < 13; c++)
			free(k->v[i].f[c]);
}

typedef struct rng {
	uint64_t s;
} rng;

static uint64_t next(rng *r)
{
	r->s ^= r->s << 13;
	r->s ^= r->s >> 7;
	r->s ^= r->s << 17;
	return r->s;
}

/* A whole number of 元 in [lo, hi], rounded to `step` 元. */
static int64_t draw(rng *r, int64_t lo, int64_t hi, int64_t step)
{
	int64_t v = lo + (int64_t)(next(r) % (uint64_t)(hi - lo + 1));

	return v / step * step;
}

typedef struct unit {
	ys_buf lines, yaml;
	int64_t total, basic, project;
	int64_t three[4];	/* abroad, vehicle_purchase, vehicle_operation, reception */
} unit;

static void line(unit *u, const char *func, const char *eco, const char *fund, const char *type,
		 const char *project, int64_t yuan, int carry)
{
	if (yuan <= 0)
		return;
	ys_buf_printf(&u->lines, "%s,%s,%s,%s,%s,%lld.00,%s,\n", func, eco, fund, type, project,
		      (long long)yuan, carry ? "1" : "");
	u->total += yuan;
	if (!strcmp(type, "basic"))
		u->basic += yuan;
	else
		u->project += yuan;
}

static void money_field(ys_buf *b, const char *key, int64_t yuan)
{
	ys_buf_printf(b, "%s: \"%lld.00\"", key, (long long)yuan);
}

/* Last year: this year's figure moved by -12%…+12%, in whole 百元. */
static int64_t last_year(rng *r, int64_t yuan)
{
	int64_t pct = 88 + (int64_t)(next(r) % 25);

	return yuan * pct / 100 / 100 * 100;
}

static void unit_lines(unit *u, rng *r, const kind *k)
{
	int admin = !strcmp(k->f[K_NATURE], "行政");
	const char *fm = k->f[K_FUNC];
	int64_t staff = draw(r, 8, 160, 1);
	int64_t wage = staff * draw(r, 42000, 68000, 100);
	const char *p1 = k->f[K_P1], *p2 = k->f[K_P2];
	int64_t v;

	line(u, fm, "30101", "gpb", "basic", "", wage * 40 / 100, 0);
	line(u, fm, admin ? "30102" : "30107", "gpb", "basic", "", wage * 45 / 100, 0);
	line(u, fm, "30103", "gpb", "basic", "", wage * 15 / 100 / 100 * 100, 0);
	line(u, "2080505", "30108", "gpb", "basic", "", wage * 16 / 100, 0);
	line(u, admin ? "2101101" : "2101102", "30110", "gpb", "basic", "", wage * 8 / 100, 0);
	line(u, fm, "30112", "gpb", "basic", "", wage / 100 / 100 * 100, 0);
	line(u, "2210201", "30113", "gpb", "basic", "", wage * 12 / 100, 0);
	line(u, admin ? "2080501" : "2080502", "30302", "gpb", "basic", "",
	     draw(r, 0, staff / 4, 1) * draw(r, 30000, 50000, 100), 0);
	line(u, fm, "30201", "gpb", "basic", "", staff * draw(r, 800, 2000, 10), 0);
	line(u, fm, "30205", "gpb", "basic", "", staff * draw(r, 100, 300, 10), 0);
	line(u, fm, "30206", "gpb", "basic", "", staff * draw(r, 300, 900, 10), 0);
	line(u, fm, "30211", "gpb", "basic", "", staff * draw(r, 500, 1500, 10), 0);
	line(u, fm, "30228", "gpb", "basic", "", wage * 2 / 100, 0);
	line(u, fm, "30229", "gpb", "basic", "", staff * draw(r, 200, 600, 10), 0);
	/* 三公: reception in every unit, a car in most, travel abroad rarely. */
	u->three[3] = draw(r, 3000, 20000, 100);
	line(u, fm, "30217", "gpb", "basic", "", u->three[3], 0);
	if (next(r) % 4) {
		u->three[2] = draw(r, 8000, 40000, 100);
		line(u, fm, "30231", "gpb", "basic", "", u->three[2], 0);
	}
	if (next(r) % 10 == 0) {
		u->three[0] = draw(r, 20000, 60000, 1000);
		line(u, fm, "30212", "gpb", "basic", "", u->three[0], 0);
	}
	if (!admin) {
		line(u, fm, "30201", "special", "basic", "", draw(r, 50000, 400000, 100), 0);
		line(u, fm, "30226", "business", "basic", "", draw(r, 20000, 300000, 100), 0);
	}
	/* Projects: equipment, services and a carried-over part now and then. */
	v = draw(r, 100000, 3000000, 1000);
	line(u, k->f[K_PFUNC], "31002", "gpb", "project", p1, v * 30 / 100, 0);
	line(u, k->f[K_PFUNC], "30227", "gpb", "project", p1, v * 70 / 100, 0);
	if (next(r) % 4 == 0)
		line(u, k->f[K_PFUNC], "31002", "gpb", "project", p1, draw(r, 10000, 200000, 100), 1);
	v = draw(r, 50000, 1500000, 1000);
	line(u, k->f[K_PFUNC], "30299", admin ? "gpb" : "special", "project", p2, v, 0);
}

static void indicators(ys_buf *y, const char *lv3, const char *value)
{
	ys_buf_printf(y, "    indicators:\n"
			 "      - {lv1: 产出指标, lv2: 数量指标, lv3: %s, desc: 按年度计划完成, value: \"%s\", basis: 年度工作计划}\n"
			 "      - {lv1: 产出指标, lv2: 时效指标, lv3: 完成时间, desc: 按计划时间完成, value: 2023年12月底前, basis: 项目实施方案}\n"
			 "      - {lv1: 效益指标, lv2: 社会效益指标, lv3: 服务质量持续提升, desc: 服务群众水平提高, value: 有所提升, basis: 年度工作总结}\n"
			 "      - {lv1: 满意度指标, lv2: 服务对象满意度指标, lv3: 服务对象满意度（%%）, desc: 问卷调查, value: ≥90%%, basis: 调查问卷}\n",
		      lv3, value);
}

static void unit_yaml(unit *u, rng *r, const kind *k, const char *code, const char *name,
		      const char *county)
{
	ys_buf *y = &u->yaml;

	ys_buf_printf(y, "# A SYNTHETIC budget written by `yusuan synth`: the unit does not exist.\n"
			 "schema: yusuan/bundle@1\ntemplate: hebei-2023\nyear: 2023\nunit:\n"
			 "  code: \"%s\"\n  name: %s\n  region: 河北省合成市%s（虚构）\n  nature: %s\n"
			 "  level: 正科级\n  funding: 财政补助\n  duties: |\n    1、%s\n    2、承担县委、县政府交办的其他事项。\n"
			 "structure:\n  - {name: %s本级, nature: %s, level: 正科级, funding: 财政补助}\n",
		      code, name, county, k->f[K_NATURE], k->f[K_DUTY], name, k->f[K_NATURE]);
	ys_buf_printf(y, "previous:\n  year: 2022\n  ");
	{
		int64_t basic = last_year(r, u->basic), project = last_year(r, u->project);

		money_field(y, "total", basic + project);
		ys_buf_puts(y, "\n  ");
		money_field(y, "basic", basic);
		ys_buf_puts(y, "\n  ");
		money_field(y, "project", project);
	}
	ys_buf_puts(y, "\n  three_public:\n    ");
	money_field(y, "abroad", last_year(r, u->three[0]));
	ys_buf_puts(y, "\n    ");
	money_field(y, "vehicle_purchase", 0);
	ys_buf_puts(y, "\n    ");
	money_field(y, "vehicle_operation", last_year(r, u->three[2]));
	ys_buf_puts(y, "\n    ");
	money_field(y, "reception", last_year(r, u->three[3]));
	ys_buf_printf(y, "\ntexts:\n"
			 "  intro: 按照《预算法》、《地方预决算公开操作规程》等规定，现将%s2023年部门预算公开如下：\n"
			 "  overview: 按照预算管理有关规定，目前我县部门预算的编制实行综合预算管理，即全部收入和支出都反映在预算中。\n"
			 "  income_note: 反映本部门当年全部收入。\n"
			 "  expense_note: 收支预算总表支出栏、基本支出表、项目支出表按经济分类和支出功能分类科目编制。\n"
			 "  change_reason: 主要原因是人员变动和项目安排调整。\n"
			 "  operating_cost_use: 主要用于办公、水电、差旅等日常运转支出。\n"
			 "  three_public_reason: 主要原因是严格执行厉行节约有关规定。\n"
			 "  performance_overall: |\n    （一）总体绩效目标\n    1、保障单位正常运转，完成年度工作任务。\n"
			 "    （二）工作保障措施\n    1、加强预算绩效管理。\n"
			 "  other: 本单位为合成示例，无其他需要说明的事项。\n"
			 "projects:\n  - name: %s\n    goal: %s。\n",
		      name, k->f[K_P1], k->f[K_G1]);
	indicators(y, k->f[K_I1], k->f[K_V1]);
	ys_buf_printf(y, "  - name: %s\n    goal: %s。\n", k->f[K_P2], k->f[K_G2]);
	indicators(y, k->f[K_I2], k->f[K_V2]);
	ys_buf_puts(y, "glossary: []\n");
}

static ys_status write_unit(const char *outdir, const kind *k, int i, uint64_t seed, ys_diag *d)
{
	unit u = {YS_BUF_INIT, YS_BUF_INIT, 0, 0, 0, {0}};
	rng r = {seed * 0x9E3779B97F4A7C15ULL + (uint64_t)i * 0xBF58476D1CE4E5B9ULL + 1};
	char code[16], name[256], county[64], dir[4096], path[4200], safe[256];
	ys_status st;

	for (int w = 0; w < 8; w++)
		next(&r);
	snprintf(code, sizeof code, "%d", 100001 + i);
	snprintf(county, sizeof county, "合成%d县", i / 100 + 1);
	snprintf(name, sizeof name, "%s%s%s", county, k->f[K_NAME], "");
	if (i % 100 >= 10)	/* more than one unit of a kind in a county */
		snprintf(name, sizeof name, "%s%s（%d）", county, k->f[K_NAME], i % 100 / 10 + 1);
	ys_buf_puts(&u.lines, "func_code,eco_code,fund,type,project,amount,carryover,tag\n");
	unit_lines(&u, &r, k);
	unit_yaml(&u, &r, k, code, name, county);
	ys_safe_name(name, 180, safe, sizeof safe);
	snprintf(dir, sizeof dir, "%s/%s-%s", outdir, code, safe);
	if (!ys_buf_ok(&u.lines) || !ys_buf_ok(&u.yaml))
		st = ys_fail(d, YS_ENOMEM, dir, 0, 0, "内存不足");
	else if ((st = ys_mkdir_p(dir, d)) == YS_OK) {
		snprintf(path, sizeof path, "%s/lines.csv", dir);
		if ((st = ys_write_atomic(path, ys_buf_str(&u.lines), u.lines.len, d)) == YS_OK) {
			snprintf(path, sizeof path, "%s/budget.yaml", dir);
			st = ys_write_atomic(path, ys_buf_str(&u.yaml), u.yaml.len, d);
		}
	}
	ys_buf_free(&u.lines);
	ys_buf_free(&u.yaml);
	return st;
}

ys_status ys_synth(const char *datadir, int n, uint64_t seed, const char *outdir, ys_diag *d)
{
	kinds k;
	ys_catalog cat;
	char path[4096];
	char *text = NULL;
	size_t len = 0;
	ys_status st;

	if (n < 1 || n > YS_SYNTH_MAX_UNITS)
		return ys_fail(d, YS_EINPUT, "", 0, 0, "单位数应在 1 到 %d 之间", YS_SYNTH_MAX_UNITS);
	if ((st = ys_catalog_load(&cat, datadir, 2023, d)) != YS_OK)
		return st;
	memset(&k, 0, sizeof k);
	k.cat = &cat;
	snprintf(path, sizeof path, "%s/synth/kinds.csv", datadir);
	k.path = path;
	if ((st = ys_read_file(path, 1u << 20, &text, &len, d)) == YS_OK &&
	    (st = ys_csv_read(path, text, len, kind_row, &k, d)) == YS_OK && !k.n)
		st = ys_fail(d, YS_EINPUT, path, 0, 0, "没有单位类别");
	free(text);
	if (st == YS_OK)
		st = ys_mkdir_p(outdir, d);
	for (int i = 0; st == YS_OK && i < n; i++)
		st = write_unit(outdir, &k.v[i % k.n], i, seed, d);
	kinds_free(&k);
	ys_catalog_free(&cat);
	return st;
}
