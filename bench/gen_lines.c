/*
 * gen_lines.c - writes a synthetic budget bundle with N line items, for
 * benchmarks and large-input tests: gen_lines N DATADIR OUTDIR [SEED].
 * Codes are drawn from the catalog files in DATADIR/catalog/2023 (项-level
 * functional codes, 款-level economic codes), so the bundle is valid; the
 * amounts, funds, types and projects come from a fixed-seed xorshift
 * generator, so the same N and seed give the same bundle.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t rng = 88172645463325252ULL;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Reads the codes of the given digit count from a catalog CSV. */
static char (*codes(const char *path, size_t digits, size_t *n))[8]
{
	FILE *f = fopen(path, "r");
	char line[512], (*v)[8] = NULL;
	size_t cap = 0;

	*n = 0;
	if (!f) {
		perror(path);
		exit(2);
	}
	while (fgets(line, sizeof line, f)) {
		size_t len = strcspn(line, ",");

		if (len != digits || line[0] < '1' || line[0] > '9')
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			v = realloc(v, cap * sizeof *v);
			if (!v)
				exit(2);
		}
		memcpy(v[*n], line, len);
		v[(*n)++][len] = '\0';
	}
	fclose(f);
	return v;
}

int main(int argc, char **argv)
{
	static const char *const funds[] = {"gpb", "gpb", "gpb", "gpb", "gf", "special",
		"business", "other"};
	char path[4096], (*func)[8], (*eco)[8];
	size_t nfunc, neco, n;
	FILE *f;

	if (argc < 4) {
		fprintf(stderr, "usage: gen_lines N DATADIR OUTDIR [SEED]\n");
		return 2;
	}
	n = strtoull(argv[1], NULL, 10);
	if (argc > 4)
		rng ^= strtoull(argv[4], NULL, 10) * 0x9E3779B97F4A7C15ULL;
	snprintf(path, sizeof path, "%s/catalog/2023/func.csv", argv[2]);
	func = codes(path, 7, &nfunc);
	snprintf(path, sizeof path, "%s/catalog/2023/eco.csv", argv[2]);
	eco = codes(path, 5, &neco);
	mkdir(argv[3], 0755);
	snprintf(path, sizeof path, "%s/budget.yaml", argv[3]);
	f = fopen(path, "w");
	if (!f) {
		perror(path);
		return 2;
	}
	fprintf(f, "schema: yusuan/bundle@1\ntemplate: hebei-2023\nyear: 2023\n"
		   "unit: {code: \"999\", name: 合成测试单位, nature: 行政}\nprojects:\n");
	for (int p = 1; p <= 50; p++)
		fprintf(f, "  - {name: 项目%02d, goal: 合成项目, indicators: []}\n", p);
	fclose(f);
	snprintf(path, sizeof path, "%s/lines.csv", argv[3]);
	f = fopen(path, "w");
	if (!f) {
		perror(path);
		return 2;
	}
	fputs("func_code,eco_code,fund,type,project,amount\n", f);
	for (size_t i = 0; i < n; i++) {
		uint64_t r = next();
		int project = (r >> 60) < 6;	/* ~37% project lines */
		unsigned long long yuan = next() % 2000000;
		unsigned fen = (unsigned)(next() % 100);

		fprintf(f, "%s,%s,%s,%s,", func[next() % nfunc], eco[next() % neco],
			funds[(r >> 8) % 8], project ? "project" : "basic");
		if (project)
			fprintf(f, "项目%02d", (int)(r % 50) + 1);
		fprintf(f, ",%llu.%02u\n", yuan, fen);
	}
	fclose(f);
	free(func);
	free(eco);
	return 0;
}
