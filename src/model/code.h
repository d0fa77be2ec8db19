/*
 * code.h - classification codes. A functional code (支出功能分类) has 3
 * (类), 5 (款) or 7 (项) digits, an economic code (经济分类) 3 (类) or 5 (款).
 * Codes never start with 0, so a code is stored as its integer value and
 * its level is the number of digits; the parent drops the last two digits.
 */
#ifndef YS_CODE_H
#define YS_CODE_H

#include <stdint.h>

typedef int32_t ys_code;

/* Parses a code of 3, 5 or 7 ASCII digits (or full-width digits); returns
 * 0 when s is not such a code. */
ys_code ys_code_parse(const char *s);
int ys_code_digits(ys_code c);
ys_code ys_code_parent(ys_code c);	/* 0 for a 类 */
/* The ancestor of c that has `digits` digits (c itself when equal). */
ys_code ys_code_at(ys_code c, int digits);
/* Ordering of a code tree printed depth-first: 201 < 20129 < 2012901 < 208. */
int ys_code_cmp(ys_code a, ys_code b);
/* Writes the code's digits; out must hold 8 bytes. */
char *ys_code_str(ys_code c, char *out);
/* Is `prefix` an ancestor of (or equal to) c? */
int ys_code_under(ys_code c, ys_code prefix);

#endif
