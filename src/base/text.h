/*
 * text.h - text at the edges: reading whole files with a size limit, UTF-8
 * validation, GBK/GB18030 detection and conversion (glibc iconv), BOM
 * stripping, and small helpers for trimming Chinese text.
 */
#ifndef YS_TEXT_H
#define YS_TEXT_H

#include <stddef.h>

#include "status.h"

/* Largest input file read into memory (256 MiB). */
#define YS_MAX_FILE ((size_t)256 * 1024 * 1024)

/* Reads a whole file into a malloc'd, NUL-terminated buffer. */
ys_status ys_read_file(const char *path, size_t limit, char **out,
		       size_t *len, ys_diag *d);

/* Returns the byte offset of the first invalid UTF-8 sequence, or -1 when
 * all of s is valid. */
long ys_utf8_invalid_at(const char *s, size_t len);

/* Counts the non-ASCII bytes that belong to valid UTF-8 sequences
 * (ok_bytes) and the invalid sequences (bad_bytes) of s. */
void ys_utf8_census(const char *s, size_t len, size_t *ok_bytes,
		    size_t *bad_bytes);

/*
 * Makes file content UTF-8, strictly: strips a UTF-8 BOM; valid UTF-8 is
 * kept; text that is mostly UTF-8 but has invalid bytes (or any invalid
 * byte after a BOM) fails at the first such byte's line and column; only
 * text that is not UTF-8 at all and decodes whole as GB18030 (a superset
 * of GBK) is converted. *text is replaced by a new malloc'd buffer when
 * converted (the old one is freed). *encoding receives "UTF-8" or
 * "GB18030": a caller that gets "GB18030" warns the user, naming it.
 */
ys_status ys_text_to_utf8(const char *path, char **text, size_t *len,
			  const char **encoding, ys_diag *d);

/* Removes an incomplete UTF-8 sequence at the end of s, as left by
 * snprintf into a short buffer: a label shortened for a chart ends on a
 * character boundary. */
void ys_utf8_cut_partial(char *s);

/* Can s (len bytes) stand in XML 1.0 text? Returns -1 when it can, else
 * the byte offset of the first thing XML forbids: invalid UTF-8 (lone
 * surrogates and overlong forms included), a C0 control character other
 * than tab, LF and CR, or U+FFFE / U+FFFF. *why (may be NULL) then names
 * it in Chinese. Inputs are checked with it once, where text enters the
 * model, so that no renderer has to drop or mangle characters. */
long ys_text_check_xml_safe(const char *s, size_t len, const char **why);

/* Line (1-based) and column (1-based, in characters) of a byte offset. */
void ys_text_position(const char *s, size_t off, long *line, long *col);

/* Trims ASCII white space, U+3000 and NBSP at both ends, in place. */
char *ys_trim(char *s);

/* Copies s into out (cap bytes) without any white space at all (ASCII,
 * U+3000, NBSP): header labels "上解上级     支出" → "上解上级支出". */
void ys_squash_space(const char *s, char *out, size_t cap);

/* Number of characters (code points) in UTF-8 text. */
size_t ys_utf8_len(const char *s);

#endif
