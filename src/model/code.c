/*
 * code.c - classification code arithmetic.
 */
#include "code.h"

#include <stdio.h>

ys_code ys_code_parse(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int32_t v = 0;
	int n = 0;

	while (*p) {
		int dg;

		if (*p >= '0' && *p <= '9') {
			dg = *p - '0';
			p++;
		} else if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
			dg = p[2] - 0x90;
			p += 3;
		} else {
			return 0;
		}
		if (n == 0 && dg == 0)
			return 0;
		if (++n > 7)
			return 0;
		v = v * 10 + dg;
	}
	return (n == 3 || n == 5 || n == 7) ? v : 0;
}

int ys_code_digits(ys_code c)
{
	/* Called for every atom in every filter: comparisons, not division. */
	if (c >= 1000000)
		return c >= 10000000 ? 8 + (c >= 100000000) : 7;
	if (c >= 10000)
		return c >= 100000 ? 6 : 5;
	if (c >= 100)
		return c >= 1000 ? 4 : 3;
	return c >= 10 ? 2 : c > 0;
}

ys_code ys_code_parent(ys_code c)
{
	return ys_code_digits(c) > 3 ? c / 100 : 0;
}

ys_code ys_code_at(ys_code c, int digits)
{
	while (ys_code_digits(c) > digits)
		c /= 100;
	return c;
}

static int32_t padded(ys_code c)
{
	int32_t v = c;

	for (int d = ys_code_digits(c); d < 7; d++)
		v *= 10;
	return v;
}

int ys_code_cmp(ys_code a, ys_code b)
{
	int32_t pa = padded(a), pb = padded(b);

	if (pa != pb)
		return pa < pb ? -1 : 1;
	return ys_code_digits(a) - ys_code_digits(b);
}

char *ys_code_str(ys_code c, char *out)
{
	snprintf(out, 8, "%d", (int)c);
	return out;
}

int ys_code_under(ys_code c, ys_code prefix)
{
	int dp = ys_code_digits(prefix);

	return ys_code_digits(c) >= dp && ys_code_at(c, dp) == prefix;
}
