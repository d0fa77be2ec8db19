/*
 * pdf.c - the reader of PDF disclosures with a text layer (Word, WPS,
 * Excel, ONLYOFFICE, our own renderer). Poppler's pdftotext runs as a
 * subprocess (no shell, stdin /dev/null, a fixed environment, output and
 * time bounded, killed on either limit) and prints every word with its box
 * (-bbox-layout XHTML, read with expat). Tables are rebuilt from the
 * geometry in pdfgeom.c; this file gets the words and tells damaged,
 * encrypted and scanned PDFs apart.
 */
#include "readers.h"

#include <errno.h>
#include <expat.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../base/buf.h"
#include "pdfgeom.h"

extern char **environ;

/* pdftotext output (about 150 bytes per word) is bounded well above what
 * a 64 MiB PDF of real text gives; pages and words likewise. */
#define PDF_MAX_XML ((size_t)192 * 1024 * 1024)
#define PDF_MAX_ERR ((size_t)8192)
#define PDF_MAX_PAGES 5000
#define PDF_MAX_WORDS ((size_t)4 * 1024 * 1024)
#define PDF_MAX_WORD_TEXT ((size_t)4096)
#define PDF_TIMEOUT_DEFAULT 60
/* The child's address space: pdftotext on a hostile file must not take
 * the machine's memory. */
#define PDF_CHILD_MEM ((rlim_t)1536 * 1024 * 1024)

static const char *pdftotext_path(void)
{
	const char *p = getenv("YUSUAN_PDFTOTEXT");

	return p && p[0] == '/' ? p : "/usr/bin/pdftotext";
}

/* Seconds: YUSUAN_PDF_TIMEOUT (1…3600), else 60. */
static int timeout_seconds(void)
{
	const char *s = getenv("YUSUAN_PDF_TIMEOUT");
	long v;
	char *end;

	if (!s || !*s)
		return PDF_TIMEOUT_DEFAULT;
	v = strtol(s, &end, 10);
	return *end || v < 1 || v > 3600 ? PDF_TIMEOUT_DEFAULT : (int)v;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return 0;
		p += w;
		n -= (size_t)w;
	}
	return 1;
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000L + (t.tv_nsec - t0->tv_nsec) / 1000000L;
}

enum run_end { RUN_OK, RUN_TIMEOUT, RUN_TOO_BIG, RUN_FAILED };

struct run {
	ys_buf out, err;
	int status;		/* wait status */
	enum run_end end;
};

/* Runs pdftotext on file, collecting stdout and stderr with their caps. */
static ys_status run_pdftotext(const char *path, const char *file, struct run *r, ys_diag *d)
{
	const char *tool = pdftotext_path();
	char lastpage[16];
	char *argv[] = {(char *)"pdftotext", (char *)"-q", (char *)"-bbox-layout",
			(char *)"-enc", (char *)"UTF-8", (char *)"-l", lastpage,
			(char *)file, (char *)"-", NULL};
	char *envp[] = {(char *)"PATH=/usr/bin:/bin", (char *)"LC_ALL=C.UTF-8", NULL};
	int po[2] = {-1, -1}, pe[2] = {-1, -1};
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int rc, open_fds = 2, tmo = timeout_seconds();
	struct timespec t0;
	char chunk[65536];

	snprintf(lastpage, sizeof lastpage, "%d", PDF_MAX_PAGES);
	if (pipe2(po, O_CLOEXEC) || pipe2(pe, O_CLOEXEC)) {
		if (po[0] >= 0) {
			close(po[0]);
			close(po[1]);
		}
		return ys_fail(d, YS_EIO, path, 0, 0, "无法建立管道：%s", strerror(errno));
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, po[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
	rc = posix_spawn(&pid, tool, &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	close(po[1]);
	close(pe[1]);
	if (rc) {
		close(po[0]);
		close(pe[0]);
		return ys_fail(d, YS_EIO, path, 0, 0,
			       "无法运行 %s（%s）：读取 PDF 需要 poppler-utils", tool, strerror(rc));
	}
	{
		struct rlimit lim = {PDF_CHILD_MEM, PDF_CHILD_MEM};
		struct rlimit cpu = {(rlim_t)tmo + 5, (rlim_t)tmo + 5};

		prlimit(pid, RLIMIT_AS, &lim, NULL);
		prlimit(pid, RLIMIT_CPU, &cpu, NULL);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	r->end = RUN_OK;
	/* poll ignores the negative fd of a pipe already at its end. */
	while (open_fds > 0) {
		struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
		long left = (long)tmo * 1000L - ms_since(&t0);
		int n;

		if (left <= 0) {
			r->end = RUN_TIMEOUT;
			break;
		}
		n = poll(fds, 2, (int)(left > 1000 ? 1000 : left));
		if (n < 0 && errno != EINTR) {
			r->end = RUN_FAILED;
			break;
		}
		for (int k = 0; k < 2 && n > 0; k++) {
			ssize_t got;

			if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			got = read(fds[k].fd, chunk, sizeof chunk);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0) {
				close(fds[k].fd);
				if (k == 0)
					po[0] = -1;
				else
					pe[0] = -1;
				open_fds--;
				continue;
			}
			if (k == 0) {
				if (r->out.len + (size_t)got > PDF_MAX_XML) {
					r->end = RUN_TOO_BIG;
					break;
				}
				ys_buf_add(&r->out, chunk, (size_t)got);
			} else if (r->err.len < PDF_MAX_ERR) {
				ys_buf_add(&r->err, chunk, (size_t)got);
			}
		}
		if (r->end != RUN_OK)
			break;
	}
	if (r->end != RUN_OK)
		kill(pid, SIGKILL);
	if (po[0] >= 0)
		close(po[0]);
	if (pe[0] >= 0)
		close(pe[0]);
	while (waitpid(pid, &r->status, 0) < 0 && errno == EINTR)
		;
	if (!ys_buf_ok(&r->out) || !ys_buf_ok(&r->err))
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	return YS_OK;
}

/* ---- the word boxes -------------------------------------------------- */

struct xr {
	XML_Parser p;
	ys_pdf_words *w;
	int in_word;
	ys_buf text;
	ys_pdf_word cur;
	int limit;		/* a bound was hit */
};

static double attr_num(const XML_Char **a, const char *name)
{
	for (size_t i = 0; a[i]; i += 2)
		if (!strcmp(a[i], name))
			return strtod(a[i + 1], NULL);
	return 0;
}

static void XMLCALL x_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct xr *x = ud;

	if (!strcmp(name, "page")) {
		if (x->w->npages >= PDF_MAX_PAGES) {
			x->limit = 1;
			XML_StopParser(x->p, XML_FALSE);
			return;
		}
		x->w->npages++;
	} else if (!strcmp(name, "word")) {
		x->in_word = 1;
		ys_buf_reset(&x->text);
		x->cur.page = x->w->npages;
		x->cur.x0 = attr_num(a, "xMin");
		x->cur.y0 = attr_num(a, "yMin");
		x->cur.x1 = attr_num(a, "xMax");
		x->cur.y1 = attr_num(a, "yMax");
	}
}

static void XMLCALL x_end(void *ud, const XML_Char *name)
{
	struct xr *x = ud;

	if (strcmp(name, "word") || !x->in_word)
		return;
	x->in_word = 0;
	if (!x->text.len)
		return;
	if (x->w->n >= PDF_MAX_WORDS) {
		x->limit = 1;
		XML_StopParser(x->p, XML_FALSE);
		return;
	}
	if (!ys_grow((void **)&x->w->v, &x->w->cap, x->w->n, sizeof *x->w->v)) {
		x->w->failed = 1;
		XML_StopParser(x->p, XML_FALSE);
		return;
	}
	x->cur.text = ys_buf_detach(&x->text);
	if (!x->cur.text) {
		x->w->failed = 1;
		XML_StopParser(x->p, XML_FALSE);
		return;
	}
	x->w->v[x->w->n++] = x->cur;
}

static void XMLCALL x_chars(void *ud, const XML_Char *s, int len)
{
	struct xr *x = ud;

	if (x->in_word && x->text.len + (size_t)len <= PDF_MAX_WORD_TEXT)
		ys_buf_add(&x->text, s, (size_t)len);
}

void ys_pdf_words_free(ys_pdf_words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i].text);
	free(w->v);
	memset(w, 0, sizeof *w);
}

/* The XHTML into words. The DOCTYPE line is skipped (expat then has no
 * DTD to look at); control characters a PDF may hold in its text are
 * blanked first, since XML does not allow them. */
static ys_status read_words(const char *path, char *xml, size_t len, ys_pdf_words *w,
			    ys_diag *d)
{
	struct xr x = {0};
	char *start = strstr(xml, "<html");
	ys_status st = YS_OK;

	if (!start)
		return ys_fail(d, YS_EINPUT, path, 0, 0, "PDF 文件损坏：pdftotext 没有输出页面");
	for (size_t i = (size_t)(start - xml); i < len; i++) {
		unsigned char c = (unsigned char)xml[i];

		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
			xml[i] = ' ';
	}
	x.w = w;
	if (!(x.p = XML_ParserCreate("UTF-8")))
		return ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	XML_SetUserData(x.p, &x);
	XML_SetElementHandler(x.p, x_start, x_end);
	XML_SetCharacterDataHandler(x.p, x_chars);
	for (size_t off = (size_t)(start - xml), all = len; off < all;) {
		size_t n = all - off > 65536 ? 65536 : all - off;

		if (XML_Parse(x.p, xml + off, (int)n, off + n == all) == XML_STATUS_ERROR) {
			if (x.limit)
				st = ys_fail(d, YS_ELIMIT, path, 0, 0,
					     "PDF 超过上限（%d 页或 %zu 个词）", PDF_MAX_PAGES,
					     PDF_MAX_WORDS);
			else if (w->failed)
				st = ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
			else
				st = ys_fail(d, YS_EINPUT, path, 0, 0,
					     "PDF 的文本层无法读取（pdftotext 输出第 %lu 行：%s）",
					     (unsigned long)XML_GetCurrentLineNumber(x.p),
					     XML_ErrorString(XML_GetErrorCode(x.p)));
			break;
		}
		off += n;
	}
	XML_ParserFree(x.p);
	ys_buf_free(&x.text);
	if (st == YS_OK && !ys_buf_ok(&x.text))
		st = ys_fail(d, YS_ENOMEM, path, 0, 0, "内存不足");
	return st;
}

/* ---- checks on the file itself --------------------------------------- */

/* A complete PDF ends with %%EOF (a few bytes of white space or a
 * trailing newline may follow; some writers add up to a kilobyte). */
static int has_eof_marker(const char *data, size_t len)
{
	size_t from = len > 1024 ? len - 1024 : 0;

	return ys_parse_has_bytes(data + from, len - from, "%%EOF");
}

static int has_image(const char *data, size_t len)
{
	return ys_parse_has_bytes(data, len, "/Image") || ys_parse_has_bytes(data, len, "/DCTDecode");
}

ys_status ys_read_pdf(const char *path, const char *data, size_t len, ys_pdoc *doc,
		      ys_diag *d)
{
	const char *tmpdir = getenv("TMPDIR");
	char file[4096];
	struct run r = {YS_BUF_INIT, YS_BUF_INIT, 0, RUN_OK};
	ys_pdf_words w = {0};
	ys_status st;
	int fd;

	if (!has_eof_marker(data, len))
		return ys_fail(d, YS_EINPUT, path, 0, 0,
			       "PDF 文件不完整：结尾没有 %%%%EOF（文件被截断或下载未完成）");
	if (!tmpdir || tmpdir[0] != '/' || strlen(tmpdir) > 3000)
		tmpdir = "/tmp";
	snprintf(file, sizeof file, "%s/yusuan-pdf-XXXXXX", tmpdir);
	if ((fd = mkostemp(file, O_CLOEXEC)) < 0)
		return ys_fail(d, YS_EIO, path, 0, 0, "无法建立临时文件（%s）：%s", tmpdir,
			       strerror(errno));
	if (!write_all(fd, data, len) || close(fd)) {
		unlink(file);
		return ys_fail(d, YS_EIO, path, 0, 0, "无法写入临时文件 %s：%s", file, strerror(errno));
	}
	st = run_pdftotext(path, file, &r, d);
	unlink(file);
	if (st != YS_OK)
		goto out;
	if (r.end == RUN_TIMEOUT) {
		st = ys_fail(d, YS_ELIMIT, path, 0, 0,
			     "读取 PDF 超时：pdftotext 在 %d 秒内没有完成，已终止"
			     "（文件可能被构造得异常复杂；YUSUAN_PDF_TIMEOUT 可调整时限）",
			     timeout_seconds());
		goto out;
	}
	if (r.end == RUN_TOO_BIG) {
		st = ys_fail(d, YS_ELIMIT, path, 0, 0, "PDF 的文本层超过 %zu MiB 上限，已终止读取",
			     PDF_MAX_XML >> 20);
		goto out;
	}
	if (r.end == RUN_FAILED || !WIFEXITED(r.status) || WEXITSTATUS(r.status)) {
		const char *err = ys_buf_str(&r.err);

		if (strstr(err, "password") || strstr(err, "Password") ||
		    (ys_parse_has_bytes(data, len, "/Encrypt") && !r.out.len))
			st = ys_fail(d, YS_EINPUT, path, 0, 0,
				     "PDF 已加密，需要密码才能读取：请提供未加密的文件");
		else if (WIFSIGNALED(r.status))
			st = ys_fail(d, YS_ELIMIT, path, 0, 0,
				     "读取 PDF 时 pdftotext 异常终止（信号 %d；可能超过内存上限）",
				     WTERMSIG(r.status));
		else
			st = ys_fail(d, YS_EINPUT, path, 0, 0,
				     "PDF 文件损坏，无法读取%s%.*s", err[0] ? "：" : "",
				     (int)strcspn(err, "\n"), err);
		goto out;
	}
	if ((st = read_words(path, r.out.data ? r.out.data : (char *)"", r.out.len, &w, d)) != YS_OK)
		goto out;
	if (!w.npages) {
		st = ys_fail(d, YS_EINPUT, path, 0, 0, "PDF 文件损坏：没有可读的页面");
		goto out;
	}
	if (!w.n) {
		st = ys_fail(d, YS_EINPUT, path, 0, 0,
			     "PDF 没有文本层（共 %d 页%s）：可能是扫描件，需要先做文字识别（OCR）"
			     "或取得原始的 Word/Excel 文件",
			     w.npages, has_image(data, len) ? "，只有图像" : "");
		goto out;
	}
	st = ys_pdf_layout(path, &w, doc, d);
out:
	ys_pdf_words_free(&w);
	ys_buf_free(&r.out);
	ys_buf_free(&r.err);
	return st;
}

/* pdftotext's -bbox-layout XHTML (already produced) into words: what
 * ys_read_pdf does after the subprocess, for the fuzz target. */
ys_status ys_pdf_bbox_read(const char *path, char *xml, size_t len, ys_pdf_words *w,
			   ys_diag *d)
{
	return read_words(path, xml, len, w, d);
}
