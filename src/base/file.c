/*
 * file.c - temp-file-and-rename writing, directory creation.
 */
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

ys_status ys_write_atomic(const char *path, const void *data, size_t len,
			  ys_diag *d)
{
	char tmp[4096];
	int fd;
	const char *p = data;
	size_t left = len;

	if (strcmp(path, "-") == 0) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
			return ys_fail(d, YS_EIO, "<stdout>", 0, 0, "写入失败");
		return YS_OK;
	}
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmpXXXXXX", path) >= sizeof tmp)
		return ys_fail(d, YS_EIO, path, 0, 0, "路径过长");
	fd = mkstemp(tmp);
	if (fd < 0)
		return ys_fail(d, YS_EIO, path, 0, 0, "无法创建临时文件：%s",
			       strerror(errno));
	while (left > 0) {
		ssize_t n = write(fd, p, left);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			unlink(tmp);
			return ys_fail(d, YS_EIO, path, 0, 0, "写入失败：%s",
				       strerror(errno));
		}
		p += n;
		left -= (size_t)n;
	}
	fchmod(fd, 0644);
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		int e = errno;

		unlink(tmp);
		return ys_fail(d, YS_EIO, path, 0, 0, "无法写入：%s", strerror(e));
	}
	return YS_OK;
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
				       strerror(errno));
		*s = '/';
	}
	if (mkdir(buf, 0755) != 0 && errno != EEXIST)
		return ys_fail(d, YS_EIO, path, 0, 0, "无法创建目录：%s",
			       strerror(errno));
	return YS_OK;
}
