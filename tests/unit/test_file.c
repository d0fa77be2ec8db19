/*
 * test_file.c - the file helpers: Chinese errno text, checked input opening
 * (a FIFO refused without blocking), atomic writes that refuse non-regular
 * targets and write through symlinks, safe file names, the -f all output
 * set (swapped whole, old set kept on a failed write), sweeping of
 * leftovers from a killed run, and removal of temporaries on SIGTERM.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/file.h"

static char dir[256];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/ys-test-file-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[400];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void path_in(char *out, size_t cap, const char *name)
{
	snprintf(out, cap, "%s/%s", dir, name);
}

static char *slurp(const char *path)
{
	static char buf[256];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/* Entries of dir whose names start with '.', other than . and .. */
static int hidden_entries(const char *d)
{
	DIR *dp = opendir(d);
	struct dirent *e;
	int n = 0;

	assert_non_null(dp);
	while ((e = readdir(dp)))
		if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(dp);
	return n;
}

static void test_errno_text(void **state)
{
	(void)state;
	assert_string_equal(ys_errno_text(ENOENT), "文件或目录不存在");
	assert_string_equal(ys_errno_text(EACCES), "权限不足");
	assert_string_equal(ys_errno_text(ENOSPC), "磁盘空间不足");
	assert_string_equal(ys_errno_text(EXDEV), "不能跨文件系统改名");
	assert_string_equal(ys_errno_text(9999), "系统错误 9999");
}

static void test_input_fifo_and_size(void **state)
{
	char p[300];
	int fd = -1;
	size_t size = 0;
	ys_diag d;

	(void)state;
	path_in(p, sizeof p, "fifo");
	assert_int_equal(mkfifo(p, 0644), 0);
	/* Would block forever without O_NONBLOCK: no writer exists. */
	assert_int_equal(ys_open_input(p, 100, &fd, &size, &d), YS_EIO);
	assert_non_null(strstr(d.msg, "FIFO"));
	assert_int_equal(ys_open_input(dir, 100, &fd, &size, &d), YS_EIO);
	assert_non_null(strstr(d.msg, "目录"));
	path_in(p, sizeof p, "missing");
	assert_int_equal(ys_open_input(p, 100, &fd, &size, &d), YS_EIO);
	assert_non_null(strstr(d.msg, "文件或目录不存在"));
	path_in(p, sizeof p, "small");
	assert_int_equal(ys_write_atomic(p, "12345", 5, &d), YS_OK);
	assert_int_equal(ys_open_input(p, 4, &fd, &size, &d), YS_ELIMIT);
	assert_int_equal(ys_open_input(p, 5, &fd, &size, &d), YS_OK);
	assert_int_equal(size, 5);
	close(fd);
}

static void test_write_refuses_special(void **state)
{
	char p[300];
	struct stat st;
	ys_diag d;

	(void)state;
	path_in(p, sizeof p, "pipe");
	assert_int_equal(mkfifo(p, 0644), 0);
	assert_int_equal(ys_write_atomic(p, "x", 1, &d), YS_EIO);
	assert_non_null(strstr(d.msg, "拒绝覆盖"));
	assert_string_equal(d.file, p);
	assert_int_equal(lstat(p, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	path_in(p, sizeof p, "sub");
	assert_int_equal(mkdir(p, 0755), 0);
	assert_int_equal(ys_write_atomic(p, "x", 1, &d), YS_EIO);
	assert_int_equal(lstat(p, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(hidden_entries(dir), 0);
}

static void test_write_through_symlink(void **state)
{
	char target[300], link[300];
	struct stat st;
	ys_diag d;

	(void)state;
	path_in(target, sizeof target, "real.txt");
	path_in(link, sizeof link, "link.txt");
	assert_int_equal(ys_write_atomic(target, "old", 3, &d), YS_OK);
	assert_int_equal(chmod(target, 0600), 0);
	assert_int_equal(symlink("real.txt", link), 0);
	assert_int_equal(ys_write_atomic(link, "new", 3, &d), YS_OK);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(slurp(target), "new");
	assert_int_equal(stat(target, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600); /* permissions kept */
	assert_int_equal(hidden_entries(dir), 0);
}

static void test_write_fault_leaves_old(void **state)
{
	char p[300];
	ys_diag d;

	(void)state;
	path_in(p, sizeof p, "keep.txt");
	assert_int_equal(ys_write_atomic(p, "old", 3, &d), YS_OK);
	ys_file_fail_write_at(1);
	assert_int_equal(ys_write_atomic(p, "new", 3, &d), YS_EIO);
	assert_non_null(strstr(d.msg, "磁盘空间不足"));
	assert_string_equal(slurp(p), "old");
	assert_int_equal(hidden_entries(dir), 0);
}

static void test_sweep_leftover_temp(void **state)
{
	char p[300], left[300];
	ys_diag d;

	(void)state;
	path_in(left, sizeof left, ".out.txt.tmpAbC123");
	assert_int_equal(ys_write_atomic(left, "junk", 4, &d), YS_OK);
	assert_int_equal(hidden_entries(dir), 1);
	path_in(p, sizeof p, "out.txt");
	assert_int_equal(ys_write_atomic(p, "ok", 2, &d), YS_OK);
	assert_int_equal(hidden_entries(dir), 0);

	/* A staging directory of a killed -f all, with a scratch directory in
	 * it, goes when the next run of the same output begins. */
	{
		ys_outset s;

		path_in(p, sizeof p, ".set.tmpQwErTy");
		assert_int_equal(mkdir(p, 0700), 0);
		path_in(p, sizeof p, ".set.tmpQwErTy/a.json");
		assert_int_equal(ys_write_atomic(p, "{}", 2, &d), YS_OK);
		path_in(p, sizeof p, ".set.tmpQwErTy/.yusuan-scratch.tmpZxCvBn");
		assert_int_equal(mkdir(p, 0700), 0);
		path_in(p, sizeof p, ".set.tmpQwErTy/.yusuan-scratch.tmpZxCvBn/scratch");
		assert_int_equal(ys_write_atomic(p, "x", 1, &d), YS_OK);
		path_in(p, sizeof p, "set");
		assert_int_equal(ys_outset_begin(&s, p, &d), YS_OK);
		assert_int_equal(hidden_entries(dir), 1); /* only the new stage */
		ys_outset_abort(&s);
		assert_int_equal(hidden_entries(dir), 0);
	}
}

static void test_write_long_name(void **state)
{
	char name[256], p[600];
	ys_diag d;

	(void)state;
	/* 83 three-byte characters + "x.md": 254 bytes, a valid name whose
	 * temporary would not fit were it ".<name>.tmpXXXXXX". */
	name[0] = '\0';
	for (int i = 0; i < 83; i++)
		strcat(name, "平");
	strcat(name, "x.md");
	assert_int_equal(strlen(name), 253);
	path_in(p, sizeof p, name);
	assert_int_equal(ys_write_atomic(p, "ok", 2, &d), YS_OK);
	assert_string_equal(slurp(p), "ok");
	assert_int_equal(hidden_entries(dir), 0);
}

static void test_safe_name(void **state)
{
	char out[64];

	(void)state;
	ys_safe_name("平乡\n总工/会\t", 100, out, sizeof out);
	assert_string_equal(out, "平乡_总工_会_");
	ys_safe_name("..", 100, out, sizeof out);
	assert_string_equal(out, "_.");
	ys_safe_name("", 100, out, sizeof out);
	assert_string_equal(out, "_");
	/* 8 bytes allowed: two 3-byte characters fit, the third would split. */
	ys_safe_name("平乡县", 8, out, sizeof out);
	assert_string_equal(out, "平乡");
	ys_safe_name("ab平乡县", 8, out, sizeof out);
	assert_string_equal(out, "ab平乡");
	ys_safe_name("a\xff", 8, out, sizeof out);
	assert_string_equal(out, "a_");
}

static void test_outset_swap_and_fault(void **state)
{
	char out[300], p[300];
	ys_outset s;
	ys_diag d;

	(void)state;
	path_in(out, sizeof out, "set");
	assert_int_equal(ys_outset_begin(&s, out, &d), YS_OK);
	assert_int_equal(ys_outset_write(&s, "a.txt", "A1", 2, &d), YS_OK);
	assert_int_equal(ys_outset_write(&s, "b.txt", "B1", 2, &d), YS_OK);
	assert_int_equal(ys_outset_commit(&s, &d), YS_OK);
	path_in(p, sizeof p, "set/a.txt");
	assert_string_equal(slurp(p), "A1");
	/* A user's own file in the directory survives the swap. */
	path_in(p, sizeof p, "set/mine.txt");
	assert_int_equal(ys_write_atomic(p, "mine", 4, &d), YS_OK);

	assert_int_equal(chmod(out, 0700), 0);
	assert_int_equal(ys_outset_begin(&s, out, &d), YS_OK);
	assert_int_equal(ys_outset_write(&s, "a.txt", "A2", 2, &d), YS_OK);
	assert_int_equal(ys_outset_write(&s, "b.txt", "B2", 2, &d), YS_OK);
	assert_int_equal(ys_outset_commit(&s, &d), YS_OK);
	path_in(p, sizeof p, "set/b.txt");
	assert_string_equal(slurp(p), "B2");
	path_in(p, sizeof p, "set/mine.txt");
	assert_string_equal(slurp(p), "mine");
	assert_int_equal(hidden_entries(dir), 0);
	{
		struct stat st;

		assert_int_equal(stat(out, &st), 0);
		assert_int_equal(st.st_mode & 0777, 0700); /* mode kept */
	}

	/* The second write fails (a full disk): the old set stays whole. */
	assert_int_equal(ys_outset_begin(&s, out, &d), YS_OK);
	ys_file_fail_write_at(2);
	assert_int_equal(ys_outset_write(&s, "a.txt", "A3", 2, &d), YS_OK);
	assert_int_equal(ys_outset_write(&s, "b.txt", "B3", 2, &d), YS_EIO);
	assert_non_null(strstr(d.msg, "磁盘空间不足"));
	path_in(p, sizeof p, "set/a.txt");
	assert_string_equal(slurp(p), "A2");
	assert_int_equal(hidden_entries(dir), 0);
}

static void test_outset_without_exchange(void **state)
{
	char out[300], p[300];
	ys_outset s;
	ys_diag d;

	(void)state;
	path_in(out, sizeof out, "nfs");
	ys_file_no_exchange(1);
	for (int round = 0; round < 2; round++) {
		assert_int_equal(ys_outset_begin(&s, out, &d), YS_OK);
		assert_int_equal(ys_outset_write(&s, "a.txt", round ? "A2" : "A1", 2, &d), YS_OK);
		assert_int_equal(ys_outset_commit(&s, &d), YS_OK);
	}
	ys_file_no_exchange(0);
	path_in(p, sizeof p, "nfs/a.txt");
	assert_string_equal(slurp(p), "A2");
	assert_int_equal(hidden_entries(dir), 0);
}

static void test_outset_refuses_file(void **state)
{
	char p[300];
	ys_outset s;
	ys_diag d;

	(void)state;
	path_in(p, sizeof p, "plain");
	assert_int_equal(ys_write_atomic(p, "x", 1, &d), YS_OK);
	assert_int_equal(ys_outset_begin(&s, p, &d), YS_EIO);
	assert_non_null(strstr(d.msg, "不是目录"));
	assert_string_equal(slurp(p), "x");
}

static void test_sigterm_removes_stage(void **state)
{
	char out[300];
	int status;
	pid_t pid;

	(void)state;
	path_in(out, sizeof out, "sig");
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		ys_outset s;
		char scratch[400];
		ys_diag d;

		ys_file_cleanup_on_signals();
		if (ys_outset_begin(&s, out, &d) != YS_OK ||
		    ys_outset_write(&s, "a.txt", "A", 1, &d) != YS_OK)
			_exit(3);
		ys_scratch_dir(s.stage);
		if (ys_scratch_create(scratch, sizeof scratch, &d) != YS_OK)
			_exit(4);
		raise(SIGTERM);
		_exit(5);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGTERM);
	assert_int_equal(hidden_entries(dir), 0);
	assert_int_equal(access(out, F_OK), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errno_text),
		cmocka_unit_test_setup_teardown(test_input_fifo_and_size, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_refuses_special, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_through_symlink, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_fault_leaves_old, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sweep_leftover_temp, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_long_name, setup, teardown),
		cmocka_unit_test(test_safe_name),
		cmocka_unit_test_setup_teardown(test_outset_swap_and_fault, setup, teardown),
		cmocka_unit_test_setup_teardown(test_outset_without_exchange, setup, teardown),
		cmocka_unit_test_setup_teardown(test_outset_refuses_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sigterm_removes_stage, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
