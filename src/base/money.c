/*
 * money.c - parsing and formatting of exact amounts. The one place where
 * decimal text and integers meet; see money.h for the accepted forms.
 */
#include "money.h"

#include <string.h>

int ys_add_ok(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_add_overflow(a, b, &r))
		return 0;
	*out = r;
	return 1;
}

int ys_sub_ok(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_sub_overflow(a, b, &r))
		return 0;
	*out = r;
	return 1;
}

int ys_mul_ok(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_mul_overflow(a, b, &r))
		return 0;
	*out = r;
	return 1;
}

int64_t ys_div_round(int64_t n, int64_t d)
{
	int64_t q = n / d, r = n % d;

	/* |r| >= d - |r| means the remainder is at least half of d. */
	if (r > 0 && r >= d - r)
		q++;
	else if (r < 0 && -r >= d + r)
		q--;
	return q;
}

int64_t ys_fen_to_wan_cents(ys_fen fen)
{
	return ys_div_round(fen, 10000);
}

int64_t ys_money_rescale(int64_t v, int from, int to)
{
	int64_t d = 1;

	for (int i = to; i < from; i++)
		d *= 10;
	return d == 1 ? v : ys_div_round(v, d);
}

/* Skips one white-space character (ASCII or U+3000 ideographic space);
 * returns the bytes consumed or 0. */
static int space_len(const unsigned char *p)
{
	if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		return 1;
	if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	if (p[0] == 0xC2 && p[1] == 0xA0)	/* no-break space */
		return 2;
	return 0;
}

/* Reads one digit (ASCII or full-width U+FF10..FF19); returns bytes consumed
 * and stores the digit, or 0. */
static int digit_len(const unsigned char *p, int *digit)
{
	if (*p >= '0' && *p <= '9') {
		*digit = *p - '0';
		return 1;
	}
	if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
		*digit = p[2] - 0x90;
		return 3;
	}
	return 0;
}

static int minus_len(const unsigned char *p)
{
	if (*p == '-')
		return 1;
	if (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8D)	/* － */
		return 3;
	if (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92)	/* − */
		return 3;
	return 0;
}

static int dash_only(const unsigned char *p, const unsigned char *end)
{
	/* "-", "－", "—", "——", "/" mean "no value" in published tables. */
	static const char *const dashes[] = {"-", "－", "—", "——", "--", "/", "－－"};

	for (size_t i = 0; i < sizeof dashes / sizeof *dashes; i++) {
		size_t n = strlen(dashes[i]);

		if ((size_t)(end - p) == n && memcmp(p, dashes[i], n) == 0)
			return 1;
	}
	return 0;
}

ys_money_parse_result ys_money_parse(const char *s, int decimals, int64_t *out,
				     const char **why)
{
	const unsigned char *p = (const unsigned char *)s, *end;
	int neg = 0, ndigits = 0, frac = -1, group_run = -1, n, d;
	int64_t v = 0;
	const char *dummy;

	if (!why)
		why = &dummy;
	*why = NULL;
	while ((n = space_len(p)))
		p += n;
	end = p + strlen((const char *)p);
	while (end > p) {
		const unsigned char *q = end - 1;

		while (q > p && (*q & 0xC0) == 0x80)
			q--;
		if (!space_len(q))
			break;
		end = q;
	}
	if (p == end)
		return YS_MONEY_EMPTY;
	if (dash_only(p, end))
		return YS_MONEY_EMPTY;
	if (*p == '+') {
		p++;
	} else if ((n = minus_len(p))) {
		neg = 1;
		p += n;
	}
	while (p < end) {
		if ((n = digit_len(p, &d))) {
			p += n;
			if (frac >= 0) {
				frac++;
				if (frac > decimals) {
					if (d != 0) {
						*why = "小数位数过多";
						return YS_MONEY_BAD;
					}
					continue;
				}
			}
			if (group_run >= 0)
				group_run++;
			if (!ys_mul_ok(v, 10, &v) || !ys_add_ok(v, d, &v))
				return YS_MONEY_OVERFLOW;
			ndigits++;
			continue;
		}
		if (*p == ',' || (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C)) {
			/* A separator needs digits before it, and exactly three
			 * digits between separators. */
			if (frac >= 0 || ndigits == 0 || (group_run >= 0 && group_run != 3)) {
				*why = "千分位分隔符位置不对";
				return YS_MONEY_BAD;
			}
			group_run = 0;
			p += *p == ',' ? 1 : 3;
			continue;
		}
		if (*p == '.' || (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8E)) {
			if (frac >= 0) {
				*why = "小数点多于一个";
				return YS_MONEY_BAD;
			}
			if (group_run >= 0 && group_run != 3) {
				*why = "千分位分隔符位置不对";
				return YS_MONEY_BAD;
			}
			group_run = -1;
			frac = 0;
			p += *p == '.' ? 1 : 3;
			continue;
		}
		*why = "含有非数字字符";
		return YS_MONEY_BAD;
	}
	if (ndigits == 0) {
		*why = "没有数字";
		return YS_MONEY_BAD;
	}
	if (group_run >= 0 && group_run != 3) {
		*why = "千分位分隔符位置不对";
		return YS_MONEY_BAD;
	}
	for (int i = frac < 0 ? 0 : (frac > decimals ? decimals : frac); i < decimals; i++)
		if (!ys_mul_ok(v, 10, &v))
			return YS_MONEY_OVERFLOW;
	*out = neg ? -v : v;
	return YS_MONEY_VALUE;
}

ys_money_parse_result ys_fen_parse(const char *s, ys_fen *out, const char **why)
{
	return ys_money_parse(s, 2, out, why);
}

char *ys_money_format(int64_t v, int decimals, int group, char *out)
{
	char digits[24];
	int nd = 0, pos = 0, neg = v < 0;
	uint64_t u = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	do {
		digits[nd++] = (char)('0' + u % 10);
		u /= 10;
	} while (u || nd <= decimals);
	if (neg)
		out[pos++] = '-';
	for (int i = nd - 1; i >= 0; i--) {
		out[pos++] = digits[i];
		if (i == decimals && decimals > 0)
			out[pos++] = '.';
		else if (group && i > decimals && (i - decimals) % 3 == 0)
			out[pos++] = ',';
	}
	out[pos] = '\0';
	return out;
}
