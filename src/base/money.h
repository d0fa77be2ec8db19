/*
 * money.h - exact money. An amount is an int64_t count of fen (分, 0.01 元).
 * No floating point touches an amount: text is parsed digit by digit,
 * arithmetic is checked, and display in 万元 rounds half away from zero.
 *
 * Display amounts (the values of a Disclosure) use the same parser and
 * formatter with a "scale": an int64 count of hundredths of the display unit
 * (55218 means "552.18" of 万元).
 */
#ifndef YS_MONEY_H
#define YS_MONEY_H

#include <stdint.h>

#include "status.h"

typedef int64_t ys_fen;

/* Outcome of parsing money text. */
typedef enum {
	YS_MONEY_VALUE,	/* a number was read into *out */
	YS_MONEY_EMPTY,	/* empty, blank, "-", "－", "—": no value */
	YS_MONEY_BAD,	/* not a number; *why names the problem */
	YS_MONEY_OVERFLOW,	/* a number too large for int64 */
} ys_money_parse_result;

/*
 * Parses decimal text into an integer count of 10^-decimals units, exactly.
 * Accepts: optional sign (ASCII or full-width "－"/"-"), digits (ASCII or
 * full-width), thousands separators "," or "，" between digit groups, one
 * decimal point, surrounding white space (ASCII and U+3000). More fractional
 * digits than `decimals` is YS_MONEY_BAD unless they are all zero (a
 * 元 amount "12.345" is not exact money).
 */
ys_money_parse_result ys_money_parse(const char *s, int decimals, int64_t *out,
				     const char **why);

/* Parses 元 text into fen. */
ys_money_parse_result ys_fen_parse(const char *s, ys_fen *out, const char **why);

/* Checked arithmetic: returns 0 on overflow and leaves *out untouched. */
int ys_add_ok(int64_t a, int64_t b, int64_t *out);
int ys_sub_ok(int64_t a, int64_t b, int64_t *out);
int ys_mul_ok(int64_t a, int64_t b, int64_t *out);

/* Divides n by d rounding half away from zero (d > 0). */
int64_t ys_div_round(int64_t n, int64_t d);

/* Converts fen to hundredths of 万元 (1 unit = 100 元 = 10000 fen),
 * rounding half away from zero. */
int64_t ys_fen_to_wan_cents(ys_fen fen);

/*
 * Formats v, a count of 10^-decimals units, as text with exactly `decimals`
 * fraction digits ("552.18", "-0.05", "1234.00"). With `group` set, inserts
 * thousands separators ("1,234.00"). out must hold 32 bytes.
 */
char *ys_money_format(int64_t v, int decimals, int group, char *out);

/* Rounds a count of 10^-from units to 10^-to units (to <= from), half away
 * from zero: ys_money_rescale(55218, 2, 0) == 552. */
int64_t ys_money_rescale(int64_t v, int from, int to);

#define YS_MONEY_FMT_MAX 32

#endif
