/*
 * fuzz_money.c - libFuzzer target for ys_money_parse: arbitrary text with
 * 0..4 decimals (the first byte picks them). Any value that parses must
 * format back (ys_money_format, with and without grouping) to text that
 * parses to the same value.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/base/money.h"

static void roundtrip(int64_t v, int decimals, int group, const char *src)
{
	char out[YS_MONEY_FMT_MAX];
	int64_t back = 0;
	const char *why = NULL;
	ys_money_parse_result r;

	ys_money_format(v, decimals, group, out);
	r = ys_money_parse(out, decimals, &back, &why);
	if (r != YS_MONEY_VALUE || back != v) {
		fprintf(stderr, "fuzz_money: \"%s\" -> %lld -> \"%s\" -> %d %lld (%s)\n",
			src, (long long)v, out, (int)r, (long long)back,
			why ? why : "");
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	int decimals;
	int64_t v = 0;
	const char *why = NULL;
	ys_money_parse_result r;

	if (size < 1)
		return 0;
	decimals = data[0] % 5;
	s = malloc(size);
	if (!s)
		return 0;
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	r = ys_money_parse(s, decimals, &v, &why);
	if (r == YS_MONEY_VALUE) {
		roundtrip(v, decimals, 0, s);
		roundtrip(v, decimals, 1, s);
	} else if (r == YS_MONEY_BAD && (!why || !why[0])) {
		fprintf(stderr, "fuzz_money: \"%s\" bad without a reason\n", s);
		abort();
	}
	free(s);
	return 0;
}
