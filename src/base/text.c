/*
 * text.c - file reading, encoding detection and conversion, trimming.
 */
#include "text.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"

ys_status ys_read_file(const char *path, size_t limit, char **out,
		       size_t *len, ys_diag *d)
{
	char *buf;
	size_t size, n = 0;
	int fd;
	ys_status st;

	/* One checked open for every input: never blocks on a FIFO or device,
	 * refuses anything but a regular file, bounds the size. */
	if ((st = ys_open_input(path, limit, &fd, &size, d)) != YS_OK)
		return st;
	buf = malloc(size + 1);
	if (!buf) {
		close(fd);
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	}
	while (n < size) {
		ssize_t r = read(fd, buf + n, size - n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;

			free(buf);
			close(fd);
			return ys_fail(d, YS_EIO, path, 0, 0, "读取失败：%s",
				       ys_errno_text(e));
		}
		if (r == 0)
			break; /* the file shrank while being read */
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return YS_OK;
}

long ys_utf8_invalid_at(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 3, cp = c & 0x07;
		else
			return (long)i;
		for (size_t k = 1; k <= n; k++) {
			if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
				return (long)i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return (long)i;
		i += n + 1;
	}
	return -1;
}

void ys_utf8_cut_partial(char *s)
{
	size_t n = strlen(s), start;
	unsigned c;

	if (!n || !((unsigned char)s[n - 1] & 0x80))
		return;
	start = n - 1;
	while (start > 0 && ((unsigned char)s[start] & 0xC0) == 0x80 && n - start < 4)
		start--;
	c = (unsigned char)s[start];
	if (n - start < (size_t)(c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1))
		s[start] = '\0';
}

long ys_text_check_xml_safe(const char *str, size_t len, const char **why)
{
	const unsigned char *s = (const unsigned char *)str;
	long bad = ys_utf8_invalid_at(str, len);

	/* Everything before the first invalid sequence is valid UTF-8, so
	 * the scan below may decode without checking again. */
	for (size_t i = 0; i < (bad < 0 ? len : (size_t)bad); i++) {
		unsigned c = s[i];

		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			if (why)
				*why = "控制字符";
			return (long)i;
		}
		/* U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
		if (c == 0xEF && i + 2 < len && s[i + 1] == 0xBF && (s[i + 2] == 0xBE || s[i + 2] == 0xBF)) {
			if (why)
				*why = s[i + 2] == 0xBE ? "非字符 U+FFFE" : "非字符 U+FFFF";
			return (long)i;
		}
	}
	if (bad >= 0 && why)
		*why = "无效的 UTF-8 字节";
	return bad;
}

void ys_text_position(const char *s, size_t off, long *line, long *col)
{
	long l = 1, c = 1;

	for (size_t i = 0; i < off && s[i]; i++) {
		if (s[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

static ys_status convert_gb18030(const char *path, char **text, size_t *len,
				 ys_diag *d)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	size_t cap, inleft = *len, outleft;
	char *in = *text, *out, *outp;

	if (cd == (iconv_t)-1)
		return ys_fail(d, YS_EIO, path, 0, 0, "系统不支持 GB18030 转换");
	cap = *len * 2 + 16;	/* a GB18030 char of 2/4 bytes is ≤ 4 in UTF-8 */
	out = malloc(cap);
	if (!out) {
		iconv_close(cd);
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	}
	outp = out;
	outleft = cap - 1;
	if (iconv(cd, &in, &inleft, &outp, &outleft) == (size_t)-1) {
		long line = 1;

		/* 0x0A is never part of a GB18030 character, so counting
		 * newlines in the raw bytes gives the line. */
		for (const char *p = *text; p < in; p++)
			if (*p == '\n')
				line++;
		free(out);
		iconv_close(cd);
		return ys_fail(d, YS_EINPUT, path, line, 0,
			       "文本既不是有效的 UTF-8，也不是 GBK/GB18030 编码");
	}
	iconv_close(cd);
	*outp = '\0';
	free(*text);
	*text = out;
	*len = (size_t)(outp - out);
	return YS_OK;
}

void ys_utf8_census(const char *str, size_t len, size_t *ok_bytes, size_t *bad_bytes)
{
	size_t i = 0, ok = 0, bad = 0;

	while (i < len) {
		long at = ys_utf8_invalid_at(str + i, len - i);
		size_t end = at < 0 ? len : i + (size_t)at;

		for (size_t k = i; k < end; k++)
			if ((unsigned char)str[k] >= 0x80)
				ok++;
		if (at < 0)
			break;
		bad++;
		i = end + 1;
	}
	*ok_bytes = ok;
	*bad_bytes = bad;
}

ys_status ys_text_to_utf8(const char *path, char **text, size_t *len,
			  const char **encoding, ys_diag *d)
{
	long bad;
	size_t ok_bytes, bad_bytes;

	if (*len >= 3 && memcmp(*text, "\xEF\xBB\xBF", 3) == 0) {
		memmove(*text, *text + 3, *len - 3 + 1);
		*len -= 3;
		/* A UTF-8 BOM says what the file is: no guessing after it. */
		if ((bad = ys_utf8_invalid_at(*text, *len)) >= 0)
			goto bad_utf8;
	}
	if (memchr(*text, '\0', *len)) {
		long line, col;

		ys_text_position(*text, strlen(*text), &line, &col);
		return ys_fail(d, YS_EINPUT, path, line, col,
			       "文件含有 NUL 字节，不是文本文件");
	}
	bad = ys_utf8_invalid_at(*text, *len);
	if (bad < 0) {
		if (encoding)
			*encoding = "UTF-8";
		return YS_OK;
	}
	/* GB18030 accepts almost any byte string, so a UTF-8 file with one
	 * stray byte would decode "successfully" into mojibake. Text whose
	 * non-ASCII bytes are overwhelmingly valid UTF-8 is UTF-8 with an
	 * error; GBK text rarely forms even a few UTF-8 sequences by chance
	 * (about half its bytes break them). */
	ys_utf8_census(*text, *len, &ok_bytes, &bad_bytes);
	if (ok_bytes >= 8 * bad_bytes)
		goto bad_utf8;
	{
		ys_status st = convert_gb18030(path, text, len, d);

		if (st == YS_OK && encoding)
			*encoding = "GB18030";
		return st;
	}
bad_utf8:
	{
		long line, col;

		ys_text_position(*text, (size_t)bad, &line, &col);
		return ys_fail(d, YS_EINPUT, path, line, col,
			       "无效的 UTF-8 字节 0x%02X（文件其余部分是 UTF-8 编码）",
			       (unsigned char)(*text)[bad]);
	}
}

static size_t lead_space(const unsigned char *p)
{
	if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\f' || *p == '\v')
		return 1;
	if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	if (p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	return 0;
}

char *ys_trim(char *s)
{
	unsigned char *p = (unsigned char *)s, *end;
	size_t n;

	while ((n = lead_space(p)))
		p += n;
	end = p + strlen((char *)p);
	for (;;) {
		if (end > p && lead_space(end - 1) == 1 && end[-1] < 0x80)
			end--;
		else if (end - p >= 3 && end[-3] == 0xE3 && end[-2] == 0x80 && end[-1] == 0x80)
			end -= 3;
		else if (end - p >= 2 && end[-2] == 0xC2 && end[-1] == 0xA0)
			end -= 2;
		else
			break;
	}
	memmove(s, p, (size_t)(end - p));
	s[end - p] = '\0';
	return s;
}

void ys_squash_space(const char *s, char *out, size_t cap)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0, n;

	if (!cap)
		return;
	while (*p) {
		if ((n = lead_space(p))) {
			p += n;
			continue;
		}
		if (o + 1 >= cap)
			break;
		out[o++] = (char)*p++;
	}
	/* Never cut a multi-byte character in half. */
	while (o > 0 && ((unsigned char)out[o - 1] & 0x80)) {
		size_t start = o - 1;

		while (start > 0 && ((unsigned char)out[start] & 0xC0) == 0x80)
			start--;
		{
			unsigned c = (unsigned char)out[start];
			size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;

			if (o - start == want)
				break;
			o = start;
		}
	}
	out[o] = '\0';
}

size_t ys_utf8_len(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}
