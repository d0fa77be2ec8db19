/*
 * file.c - checked input opening, atomic output of one file or a whole set,
 * and the cleanup registry that keeps temporary paths from outliving the
 * process. Everything written goes beside its target, never into $TMPDIR,
 * so a rename is atomic and a killed run leaves its leftovers where the next
 * run finds and sweeps them. A live temporary is flock'ed by its owner, so
 * a sweep never removes the work of a run still going.
 */
#include "file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define TMP_TAG ".tmp"
#define TMP_X "XXXXXX"

/* ---- errno text --------------------------------------------------------- */

const char *ys_errno_text(int err)
{
	static _Thread_local char other[32];

	switch (err) {
	case ENOENT: return "文件或目录不存在";
	case EACCES: return "权限不足";
	case EPERM: return "不允许的操作";
	case ENOSPC: return "磁盘空间不足";
	case EDQUOT: return "超出磁盘配额";
	case EISDIR: return "是一个目录";
	case ENOTDIR: return "路径中有一项不是目录";
	case EROFS: return "只读文件系统";
	case EEXIST: return "文件已存在";
	case ENAMETOOLONG: return "文件名过长";
	case ELOOP: return "符号链接层数过多";
	case EMFILE: return "打开的文件过多";
	case ENFILE: return "系统打开的文件过多";
	case EIO: return "输入输出错误";
	case EXDEV: return "不能跨文件系统改名";
	case ENOMEM: return "内存不足";
	case EBUSY: return "设备或资源忙";
	case ENOTEMPTY: return "目录非空";
	case EFBIG: return "文件过大";
	case EINVAL: return "参数无效";
	case ETXTBSY: return "文件正被执行";
	case ENXIO: return "设备不存在";
	case EAGAIN: return "资源暂时不可用";
	case EINTR: return "被信号中断";
	default:
		snprintf(other, sizeof other, "系统错误 %d", err);
		return other;
	}
}

/* ---- cleanup registry --------------------------------------------------- */

/*
 * Fixed slots, no allocation, so the signal handler may walk them. A slot's
 * path is written before its flag is raised and the flag is lowered before
 * the path is reused; the handler reads only raised slots. It removes every
 * file first and then the directories, so rmdir finds a staging directory
 * empty.
 */
#define SLOTS 64
static char slot_path[SLOTS][PATH_MAX];
static volatile sig_atomic_t slot_kind[SLOTS]; /* 0 free, 1 file, 2 dir */

static int reg_add(const char *path, int kind)
{
	size_t n = strlen(path);

	if (n >= PATH_MAX)
		return -1;
	for (int i = 0; i < SLOTS; i++) {
		if (slot_kind[i])
			continue;
		memcpy(slot_path[i], path, n + 1);
		slot_kind[i] = kind;
		return i;
	}
	return -1;
}

static void reg_drop(int i)
{
	if (i >= 0 && i < SLOTS)
		slot_kind[i] = 0;
}

/*
 * Unlinks the entries of a staging directory from inside a signal handler:
 * opendir/readdir may allocate, so this reads the directory with the raw
 * getdents64 system call into a stack buffer. It catches the files that
 * libraries (libxlsxwriter's tmpdir) put there without telling us.
 */
struct raw_dirent {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static void empty_dir_raw(const char *path)
{
	char buf[4096];
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
	long n;

	if (fd < 0)
		return;
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
		for (long off = 0; off < n;) {
			struct raw_dirent *e = (struct raw_dirent *)(buf + off);

			if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
				unlinkat(fd, e->d_name, 0);
			off += e->d_reclen;
		}
	}
	close(fd);
}

static void on_signal(int sig)
{
	int saved = errno;

	for (int i = 0; i < SLOTS; i++)
		if (slot_kind[i] == 1)
			unlink(slot_path[i]);
	/* Twice: a scratch directory may sit inside a staging directory, and
	 * slot order says nothing about nesting. */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < SLOTS; i++)
			if (slot_kind[i] == 2) {
				empty_dir_raw(slot_path[i]);
				rmdir(slot_path[i]);
			}
	signal(sig, SIG_DFL);
	errno = saved;
	raise(sig);
}

void ys_file_cleanup_on_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGINT);
	sigaddset(&sa.sa_mask, SIGTERM);
	sigaddset(&sa.sa_mask, SIGHUP);
	/* A signal the caller ignores (nohup ignores SIGHUP, a shell ignores
	 * SIGINT for background jobs) stays ignored. */
	for (int i = 0; i < 3; i++) {
		int sig = i == 0 ? SIGINT : i == 1 ? SIGTERM : SIGHUP;
		struct sigaction old;

		if (sigaction(sig, NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(sig, &sa, NULL);
	}
}

/* ---- write fault hook --------------------------------------------------- */

static long fail_write_at;
static int no_exchange;

void ys_file_no_exchange(int on)
{
	no_exchange = on;
}

void ys_file_fail_write_at(long n)
{
	fail_write_at = n;
}

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	if (fail_write_at > 0 && --fail_write_at == 0) {
		errno = ENOSPC;
		return -1;
	}
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* ---- paths -------------------------------------------------------------- */

/* Splits path into its directory ("." when none) and last component. */
static int split_path(const char *path, char *dir, size_t dcap, char *base,
		      size_t bcap)
{
	const char *slash = strrchr(path, '/');

	if (!slash) {
		if (strlen(path) >= bcap)
			return -1;
		snprintf(dir, dcap, ".");
		snprintf(base, bcap, "%s", path);
		return 0;
	}
	if ((size_t)(slash - path) + 2 > dcap || strlen(slash + 1) >= bcap)
		return -1;
	if (slash == path)
		snprintf(dir, dcap, "/");
	else
		snprintf(dir, dcap, "%.*s", (int)(slash - path), path);
	snprintf(base, bcap, "%s", slash + 1);
	return 0;
}

static void fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

static const char *kind_name(mode_t m)
{
	if (S_ISDIR(m))
		return "目录";
	if (S_ISCHR(m))
		return "字符设备";
	if (S_ISBLK(m))
		return "块设备";
	if (S_ISFIFO(m))
		return "命名管道 FIFO";
	if (S_ISSOCK(m))
		return "套接字";
	return "特殊文件";
}

/* ".<base>.tmp", base cut to at most 200 bytes on a UTF-8 boundary, so the
 * temporary name always fits in NAME_MAX. cap must be at least 220. */
static void tmp_prefix(const char *base, char *prefix, size_t cap)
{
	size_t n = strlen(base);

	if (n > 200) {
		n = 200;
		while (n > 0 && ((unsigned char)base[n] & 0xc0) == 0x80)
			n--;
	}
	snprintf(prefix, cap, ".%.*s" TMP_TAG, (int)n, base);
}

/* True when name is "<prefix>" followed by exactly six mkstemp characters. */
static int is_tmp_of(const char *name, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(name, prefix, n) == 0 && strlen(name + n) == 6;
}

/* Removes the entries of the directory open as fd, and those of its
 * subdirectories down to depth levels (staging directories hold files and
 * at most a scratch directory of files). Closes fd. */
static void empty_dir(int fd, int depth)
{
	DIR *dir = fdopendir(fd);
	struct dirent *e;

	if (!dir) {
		close(fd);
		return;
	}
	while ((e = readdir(dir))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (unlinkat(dirfd(dir), e->d_name, 0) == 0 || errno != EISDIR || depth == 0)
			continue;
		{
			int sub = openat(dirfd(dir), e->d_name,
					 O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);

			if (sub >= 0)
				empty_dir(sub, depth - 1);
			unlinkat(dirfd(dir), e->d_name, AT_REMOVEDIR);
		}
	}
	closedir(dir);
}

/* Removes a leftover temporary file or staging directory unless a live run
 * holds its lock. */
static void sweep_one(int dfd, const char *name)
{
	struct stat st;
	int fd;

	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return;
	if (S_ISREG(st.st_mode)) {
		fd = openat(dfd, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
		if (fd < 0)
			return;
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			unlinkat(dfd, name, 0);
		close(fd);
	} else if (S_ISDIR(st.st_mode)) {
		fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
		if (fd < 0)
			return;
		if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
			close(fd);
			return;
		}
		empty_dir(dup(fd), 1);
		unlinkat(dfd, name, AT_REMOVEDIR);
		close(fd);
	}
}

/* Sweeps every "<prefix>XXXXXX" in dir: what a run killed by SIGKILL (which
 * no handler sees) left behind. */
static void sweep(const char *dir, const char *prefix)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dp;
	struct dirent *e;
	char names[32][NAME_MAX + 1];
	int n = 0;

	if (dfd < 0)
		return;
	if (!(dp = fdopendir(dup(dfd)))) {
		close(dfd);
		return;
	}
	/* Collect first: removing while reading may skip entries. */
	while ((e = readdir(dp)) && n < 32)
		if (is_tmp_of(e->d_name, prefix))
			snprintf(names[n++], sizeof names[0], "%s", e->d_name);
	closedir(dp);
	for (int i = 0; i < n; i++)
		sweep_one(dfd, names[i]);
	close(dfd);
}

/* ---- input -------------------------------------------------------------- */

ys_status ys_open_input(const char *path, size_t limit, int *fd, size_t *size,
			ys_diag *d)
{
	struct stat st;
	int f;

	/* stat first: merely opening some devices acts (a watchdog starts, a
	 * tape rewinds). O_NONBLOCK covers a swap between stat and open:
	 * opening a FIFO with no writer would otherwise wait forever, and
	 * nothing is read before fstat says it is a regular file. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return ys_fail(d, YS_EIO, path, 0, 0,
			       "不是普通文件（是%s），拒绝读取", kind_name(st.st_mode));
	f = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (f < 0)
		return ys_fail(d, YS_EIO, path, 0, 0, "无法打开文件：%s",
			       ys_errno_text(errno));
	if (fstat(f, &st) != 0) {
		int e = errno;

		close(f);
		return ys_fail(d, YS_EIO, path, 0, 0, "无法读取文件信息：%s",
			       ys_errno_text(e));
	}
	if (!S_ISREG(st.st_mode)) {
		close(f);
		return ys_fail(d, YS_EIO, path, 0, 0,
			       "不是普通文件（是%s），拒绝读取", kind_name(st.st_mode));
	}
	if ((unsigned long long)st.st_size > limit) {
		close(f);
		return ys_fail(d, YS_ELIMIT, path, 0, 0,
			       "文件过大（%lld 字节，上限 %zu 字节）",
			       (long long)st.st_size, limit);
	}
	/* Back to blocking reads: a regular file never blocks anyway. */
	fcntl(f, F_SETFL, fcntl(f, F_GETFL) & ~O_NONBLOCK);
	*fd = f;
	*size = (size_t)st.st_size;
	return YS_OK;
}

/* ---- one file ------------------------------------------------------------ */

/*
 * Resolves where a write to path really goes: path itself, or the target of
 * a symlink (write-through). Refuses anything that is not a regular file.
 * *mode receives the existing file's permissions (0644 for a new file).
 */
static ys_status resolve_target(const char *path, char *target, size_t cap,
				mode_t *mode, ys_diag *d)
{
	struct stat st;

	*mode = 0644;
	if (lstat(path, &st) != 0) {
		if (errno != ENOENT)
			return ys_fail(d, YS_EIO, path, 0, 0, "无法写入：%s",
				       ys_errno_text(errno));
		if ((size_t)snprintf(target, cap, "%s", path) >= cap)
			return ys_fail(d, YS_EIO, path, 0, 0, "路径过长");
		return YS_OK;
	}
	if (S_ISLNK(st.st_mode)) {
		char real[PATH_MAX];

		if (!realpath(path, real))
			return ys_fail(d, YS_EIO, path, 0, 0,
				       "符号链接无法解析：%s", ys_errno_text(errno));
		if (stat(real, &st) != 0)
			return ys_fail(d, YS_EIO, path, 0, 0, "无法写入：%s",
				       ys_errno_text(errno));
		if ((size_t)snprintf(target, cap, "%s", real) >= cap)
			return ys_fail(d, YS_EIO, path, 0, 0, "路径过长");
	} else if ((size_t)snprintf(target, cap, "%s", path) >= cap) {
		return ys_fail(d, YS_EIO, path, 0, 0, "路径过长");
	}
	if (!S_ISREG(st.st_mode))
		return ys_fail(d, YS_EIO, path, 0, 0,
			       "输出不是普通文件（是%s），拒绝覆盖",
			       kind_name(st.st_mode));
	*mode = st.st_mode & 07777;
	return YS_OK;
}

/* Writes data into a new "<dir>/.<base>.tmpXXXXXX", fsyncs it and renames it
 * to dir/base. shown is the path named in messages. */
static ys_status write_beside(const char *dir, const char *base, mode_t mode,
			      const void *data, size_t len, const char *shown,
			      ys_diag *d)
{
	char tmp[PATH_MAX], final[PATH_MAX], prefix[NAME_MAX + 8];
	int fd, slot, e;

	/* A name near NAME_MAX leaves no room for ".…tmpXXXXXX": its temp
	 * takes the first 200 bytes, cut on a character boundary. */
	tmp_prefix(base, prefix, sizeof prefix);
	if ((size_t)snprintf(tmp, sizeof tmp, "%s/%s" TMP_X, dir, prefix) >= sizeof tmp ||
	    (size_t)snprintf(final, sizeof final, "%s/%s", dir, base) >= sizeof final)
		return ys_fail(d, YS_EIO, shown, 0, 0, "路径过长");
	sweep(dir, prefix);
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return ys_fail(d, YS_EIO, shown, 0, 0, "无法创建临时文件：%s",
			       ys_errno_text(errno));
	slot = reg_add(tmp, 1);
	flock(fd, LOCK_EX);
	if (write_all(fd, data, len) != 0 || fchmod(fd, mode) != 0 ||
	    fsync(fd) != 0) {
		e = errno;
		close(fd);
		unlink(tmp);
		reg_drop(slot);
		return ys_fail(d, YS_EIO, shown, 0, 0, "写入失败：%s",
			       ys_errno_text(e));
	}
	if (rename(tmp, final) != 0) {
		e = errno;
		close(fd);
		unlink(tmp);
		reg_drop(slot);
		return ys_fail(d, YS_EIO, shown, 0, 0, "无法写入：%s",
			       ys_errno_text(e));
	}
	reg_drop(slot);
	close(fd);
	fsync_dir(dir);
	return YS_OK;
}

ys_status ys_write_atomic(const char *path, const void *data, size_t len,
			  ys_diag *d)
{
	char target[PATH_MAX], dir[PATH_MAX], base[NAME_MAX + 1];
	mode_t mode;
	ys_status st;

	if (strcmp(path, "-") == 0) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
			return ys_fail(d, YS_EIO, "<stdout>", 0, 0, "写入失败：%s",
				       ys_errno_text(errno));
		return YS_OK;
	}
	if ((st = resolve_target(path, target, sizeof target, &mode, d)) != YS_OK)
		return st;
	if (split_path(target, dir, sizeof dir, base, sizeof base) != 0 || !base[0])
		return ys_fail(d, YS_EIO, path, 0, 0, "输出路径无效");
	return write_beside(dir, base, mode, data, len, path, d);
}

ys_status ys_mkdir_p(const char *path, ys_diag *d)
{
	char buf[4096];
	size_t n = strlen(path);

	if (n == 0 || n >= sizeof buf)
		return ys_fail(d, YS_EIO, path, 0, 0, "目录路径无效");
	memcpy(buf, path, n + 1);
	for (char *s = buf + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(buf, 0755) != 0 && errno != EEXIST)
			return ys_fail(d, YS_EIO, buf, 0, 0, "无法创建目录：%s",
				       ys_errno_text(errno));
		*s = '/';
	}
	if (mkdir(buf, 0755) != 0 && errno != EEXIST)
		return ys_fail(d, YS_EIO, path, 0, 0, "无法创建目录：%s",
			       ys_errno_text(errno));
	return YS_OK;
}

void ys_safe_name(const char *name, size_t max_bytes, char *out, size_t cap)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t o = 0, i = 0;

	if (cap == 0)
		return;
	if (max_bytes > cap - 1)
		max_bytes = cap - 1;
	while (s[i]) {
		size_t n = 1;

		if (s[i] >= 0xc0)
			while (n < 4 && (s[i + n] & 0xc0) == 0x80)
				n++;
		if (o + n > max_bytes)
			break;
		if (n == 1 && (s[i] < 0x20 || s[i] == 0x7f || s[i] == '/' ||
			       s[i] == '\\' || (o == 0 && s[i] == '.') ||
			       s[i] >= 0x80))
			out[o] = '_';
		else
			memmove(out + o, s + i, n);
		o += n;
		i += n;
	}
	if (o == 0)
		out[o++] = '_';
	out[o] = '\0';
}

/* ---- a set of files ------------------------------------------------------ */

static void remove_stage(ys_outset *s)
{
	if (!s->stage[0])
		return;
	{
		int dfd = open(s->stage, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);

		if (dfd >= 0)
			empty_dir(dfd, 1);
	}
	rmdir(s->stage);
	for (int i = 0; i < SLOTS; i++) {
		size_t n = strlen(s->stage);

		if (slot_kind[i] && strncmp(slot_path[i], s->stage, n) == 0 &&
		    (slot_path[i][n] == '/' || slot_path[i][n] == '\0'))
			slot_kind[i] = 0;
	}
	if (s->lock_fd >= 0)
		close(s->lock_fd);
	s->lock_fd = -1;
	s->stage[0] = '\0';
}

ys_status ys_outset_begin(ys_outset *s, const char *dir, ys_diag *d)
{
	char parent[PATH_MAX], base[NAME_MAX + 1], prefix[NAME_MAX + 8];
	struct stat st;

	memset(s, 0, sizeof *s);
	s->lock_fd = -1;
	s->slot = -1;
	if (lstat(dir, &st) == 0) {
		if (S_ISLNK(st.st_mode) && stat(dir, &st) != 0)
			return ys_fail(d, YS_EIO, dir, 0, 0, "符号链接无法解析：%s",
				       ys_errno_text(errno));
		if (!S_ISDIR(st.st_mode))
			return ys_fail(d, YS_EIO, dir, 0, 0,
				       "输出目录不是目录（是%s），拒绝覆盖",
				       S_ISREG(st.st_mode) ? "普通文件" : kind_name(st.st_mode));
		if (!realpath(dir, s->final))
			return ys_fail(d, YS_EIO, dir, 0, 0, "无法解析目录：%s",
				       ys_errno_text(errno));
	} else if (errno == ENOENT) {
		if ((size_t)snprintf(s->final, sizeof s->final, "%s", dir) >= sizeof s->final)
			return ys_fail(d, YS_EIO, dir, 0, 0, "路径过长");
		while (strlen(s->final) > 1 && s->final[strlen(s->final) - 1] == '/')
			s->final[strlen(s->final) - 1] = '\0';
	} else {
		return ys_fail(d, YS_EIO, dir, 0, 0, "无法使用输出目录：%s",
			       ys_errno_text(errno));
	}
	if (split_path(s->final, parent, sizeof parent, base, sizeof base) != 0 ||
	    !base[0] || !strcmp(base, ".") || !strcmp(base, "..") ||
	    !strcmp(s->final, "/"))
		return ys_fail(d, YS_EIO, dir, 0, 0, "输出目录路径无效");
	if (ys_mkdir_p(parent, d) != YS_OK)
		return YS_EIO;
	tmp_prefix(base, prefix, sizeof prefix);
	if ((size_t)snprintf(s->stage, sizeof s->stage, "%s/%s" TMP_X, parent, prefix) >= sizeof s->stage) {
		s->stage[0] = '\0';
		return ys_fail(d, YS_EIO, dir, 0, 0, "路径过长");
	}
	sweep(parent, prefix);
	if (!mkdtemp(s->stage)) {
		int e = errno;

		s->stage[0] = '\0';
		return ys_fail(d, YS_EIO, dir, 0, 0, "无法创建临时目录：%s",
			       ys_errno_text(e));
	}
	s->slot = reg_add(s->stage, 2);
	s->lock_fd = open(s->stage, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (s->lock_fd >= 0)
		flock(s->lock_fd, LOCK_EX);
	{
		/* mkdtemp makes 0700; a new DIR gets what mkdir would give it. */
		mode_t mask = umask(0);

		umask(mask);
		chmod(s->stage, 0777 & ~mask);
	}
	return YS_OK;
}

ys_status ys_outset_write(ys_outset *s, const char *name, const void *data,
			  size_t len, ys_diag *d)
{
	char path[PATH_MAX], shown[PATH_MAX];
	int fd, slot, e;

	snprintf(shown, sizeof shown, "%s/%s", s->final, name);
	if (!s->stage[0] || strchr(name, '/') || !name[0] || name[0] == '.')
		return ys_fail(d, YS_EIO, shown, 0, 0, "输出文件名无效");
	if ((size_t)snprintf(path, sizeof path, "%s/%s", s->stage, name) >= sizeof path)
		return ys_fail(d, YS_EIO, shown, 0, 0, "路径过长");
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0) {
		e = errno;
		ys_outset_abort(s);
		return ys_fail(d, YS_EIO, shown, 0, 0, "无法写入：%s", ys_errno_text(e));
	}
	slot = reg_add(path, 1);
	if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		e = errno;
		close(fd);
		reg_drop(slot);
		ys_outset_abort(s);
		return ys_fail(d, YS_EIO, shown, 0, 0, "写入失败：%s", ys_errno_text(e));
	}
	close(fd);
	return YS_OK;
}

/* Hard-links into the stage the old directory's regular files that the new
 * set does not replace, so files a user keeps in DIR survive the swap. */
static ys_status carry_over(ys_outset *s, ys_diag *d)
{
	DIR *dp = opendir(s->final);
	struct dirent *e;
	int sfd;
	ys_status st = YS_OK;

	if (!dp)
		return errno == ENOENT ? YS_OK
				       : ys_fail(d, YS_EIO, s->final, 0, 0, "无法读取目录：%s",
						 ys_errno_text(errno));
	sfd = open(s->stage, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	while (st == YS_OK && sfd >= 0 && (e = readdir(dp))) {
		struct stat fs;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (fstatat(sfd, e->d_name, &fs, AT_SYMLINK_NOFOLLOW) == 0)
			continue; /* replaced by the new set */
		if (fstatat(dirfd(dp), e->d_name, &fs, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		if (!S_ISREG(fs.st_mode) && !S_ISLNK(fs.st_mode)) {
			st = ys_fail(d, YS_EIO, s->final, 0, 0,
				     "输出目录中有子目录或特殊文件“%s”，无法整体替换",
				     e->d_name);
			break;
		}
		if (linkat(dirfd(dp), e->d_name, sfd, e->d_name, 0) != 0) {
			char p[PATH_MAX];

			snprintf(p, sizeof p, "%s/%s", s->final, e->d_name);
			st = ys_fail(d, YS_EIO, p, 0, 0, "无法保留原有文件：%s",
				     ys_errno_text(errno));
		}
	}
	if (sfd < 0)
		st = ys_fail(d, YS_EIO, s->stage, 0, 0, "无法打开临时目录：%s",
			     ys_errno_text(errno));
	else
		close(sfd);
	closedir(dp);
	return st;
}

/* renameat2(RENAME_EXCHANGE), or as a file system without it answers
 * when the test hook says so. */
static int exchange(const char *a, const char *b)
{
	if (no_exchange) {
		errno = access(b, F_OK) == 0 ? EINVAL : ENOENT;
		return -1;
	}
	return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}

/*
 * For file systems without RENAME_EXCHANGE (NFS, some FUSE): the old
 * directory is renamed onto a fresh empty ".<dir>.tmpXXXXXX" and the stage
 * into its place. Between the two renames DIR does not exist; a kill there
 * leaves both sets under temporary names (swept by the next run) and no
 * DIR, never a mixture. Returns 0 or -1 with errno set.
 */
static int swap_by_two_renames(ys_outset *s, const char *parent, const char *base)
{
	char old[PATH_MAX], prefix[NAME_MAX + 8];
	int slot;

	tmp_prefix(base, prefix, sizeof prefix);
	if ((size_t)snprintf(old, sizeof old, "%s/%s" TMP_X, parent, prefix) >= sizeof old) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (!mkdtemp(old))
		return -1;
	slot = reg_add(old, 2);
	if (rename(s->final, old) != 0) {
		int e = errno;

		rmdir(old);
		reg_drop(slot);
		errno = e;
		return -1;
	}
	if (rename(s->stage, s->final) != 0) {
		int e = errno;

		rename(old, s->final); /* put the old set back */
		reg_drop(slot);
		errno = e;
		return -1;
	}
	fsync_dir(parent);
	reg_drop(s->slot);
	remove_stage(s); /* nothing at the stage name any more */
	{
		int fd = open(old, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);

		if (fd >= 0)
			empty_dir(fd, 1);
	}
	rmdir(old);
	reg_drop(slot);
	fsync_dir(parent);
	return 0;
}

ys_status ys_outset_commit(ys_outset *s, ys_diag *d)
{
	char parent[PATH_MAX], base[NAME_MAX + 1];
	ys_status st;

	if (!s->stage[0])
		return ys_fail(d, YS_EIO, s->final, 0, 0, "输出目录未准备好");
	if ((st = carry_over(s, d)) != YS_OK) {
		ys_outset_abort(s);
		return st;
	}
	{
		/* The new directory takes the old one's permissions and owner: a
		 * private 0700 output folder must not become world-readable. */
		struct stat old;

		if (stat(s->final, &old) == 0) {
			chmod(s->stage, old.st_mode & 07777);
			if (lchown(s->stage, old.st_uid, old.st_gid) != 0)
				(void)0; /* not owner: keep ours */
		}
	}
	fsync_dir(s->stage);
	split_path(s->final, parent, sizeof parent, base, sizeof base);
	/* One exchange: at every instant DIR is the old directory or the new
	 * one. The old set then sits under the stage name and goes. */
	if (exchange(s->stage, s->final) != 0) {
		int e = errno;

		if (e == ENOENT) {
			if (rename(s->stage, s->final) == 0) {
				reg_drop(s->slot);
				remove_stage(s); /* nothing left at the stage name */
				fsync_dir(parent);
				return YS_OK;
			}
			e = errno;
		} else if (e == EINVAL || e == ENOSYS || e == EOPNOTSUPP) {
			if (swap_by_two_renames(s, parent, base) == 0)
				return YS_OK;
			e = errno;
		}
		ys_outset_abort(s);
		return ys_fail(d, YS_EIO, s->final, 0, 0, "无法替换输出目录：%s",
			       ys_errno_text(e));
	}
	fsync_dir(parent);
	remove_stage(s);
	fsync_dir(parent);
	return YS_OK;
}

void ys_outset_abort(ys_outset *s)
{
	remove_stage(s);
}

/* ---- scratch files -------------------------------------------------------- */

static char scratch_dir[PATH_MAX];

void ys_scratch_dir(const char *dir)
{
	snprintf(scratch_dir, sizeof scratch_dir, "%s", dir ? dir : "");
}

const char *ys_scratch_where(void)
{
	const char *t;

	if (scratch_dir[0])
		return scratch_dir;
	t = getenv("TMPDIR");
	return t && *t ? t : "/tmp";
}

/* Open, flock'ed descriptors of live scratch directories, by registry slot,
 * so a sweep by another run writing into the same directory leaves them
 * alone. */
static int scratch_fd[SLOTS];

ys_status ys_scratch_create(char *path, size_t cap, ys_diag *d)
{
	const char *dir = ys_scratch_where();
	char sdir[PATH_MAX];
	int fd, slot;

	/* A private directory: libxlsxwriter puts its own temporary files
	 * there too, and they go with it. */
	if ((size_t)snprintf(sdir, sizeof sdir, "%s/.yusuan-scratch" TMP_TAG TMP_X, dir) >= sizeof sdir ||
	    strlen(sdir) + 10 >= cap)
		return ys_fail(d, YS_EIO, dir, 0, 0, "路径过长");
	sweep(dir, ".yusuan-scratch" TMP_TAG);
	if (!mkdtemp(sdir))
		return ys_fail(d, YS_EIO, dir, 0, 0, "无法创建临时目录：%s",
			       ys_errno_text(errno));
	slot = reg_add(sdir, 2);
	fd = open(sdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0)
		flock(fd, LOCK_EX);
	if (slot >= 0 && fd >= 0)
		scratch_fd[slot] = fd + 1;
	else if (fd >= 0)
		close(fd);
	snprintf(path, cap, "%s/scratch", sdir);
	return YS_OK;
}

void ys_scratch_remove(const char *path)
{
	char sdir[PATH_MAX];
	const char *slash = strrchr(path, '/');

	if (!slash)
		return;
	snprintf(sdir, sizeof sdir, "%.*s", (int)(slash - path), path);
	empty_dir_raw(sdir);
	rmdir(sdir);
	for (int i = 0; i < SLOTS; i++) {
		if (slot_kind[i] != 2 || strcmp(slot_path[i], sdir) != 0)
			continue;
		slot_kind[i] = 0;
		if (scratch_fd[i] > 0)
			close(scratch_fd[i] - 1);
		scratch_fd[i] = 0;
	}
}
