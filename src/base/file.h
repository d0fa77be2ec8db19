/*
 * file.h - safe input and output. Inputs are opened without blocking and
 * refused unless they are regular files of bounded size. Every output file
 * is written to a temporary file beside its target (".<name>.tmpXXXXXX"),
 * fsync'd and renamed over the target only when complete; a set of files
 * (render -f all) is built in a temporary sibling directory and exchanged
 * with the target directory in one rename, so a reader sees the old set or
 * the new set and never a mixture. Temporary paths are kept in a small
 * signal-safe registry and removed on SIGINT, SIGTERM and SIGHUP; those left
 * by a run killed with SIGKILL are swept by the next run.
 */
#ifndef YS_FILE_H
#define YS_FILE_H

#include <stddef.h>

#include "status.h"

/* Chinese text for an errno value ("文件或目录不存在"), or "系统错误 N" for
 * the uncommon ones. Never NULL; a static string or one in a thread-local
 * buffer, valid until the next call. */
const char *ys_errno_text(int err);

/*
 * Opens path for reading without blocking (a FIFO or a device never makes
 * the caller wait) and refuses anything but a regular file no larger than
 * limit bytes. On success *fd is open and *size holds the file's size.
 */
ys_status ys_open_input(const char *path, size_t limit, int *fd, size_t *size,
			ys_diag *d);

/*
 * Writes len bytes to path atomically ("-" writes to standard output).
 * path must be a regular file or not exist: a directory, device, FIFO or
 * socket is refused (YS_EIO, message naming the path). A symlink is written
 * through: its target (which must be a regular file) is replaced atomically
 * and the link itself is left alone.
 */
ys_status ys_write_atomic(const char *path, const void *data, size_t len,
			  ys_diag *d);

/* Creates a directory (and its parents) if missing. */
ys_status ys_mkdir_p(const char *path, ys_diag *d);

/*
 * Copies name into out (cap bytes) as a safe file-name component: control
 * characters (newline, tab, DEL …), '/' and '\\' become '_', a leading '.'
 * becomes '_', and the result is cut to at most max_bytes bytes (and cap-1)
 * on a UTF-8 character boundary. An empty result becomes "_".
 */
void ys_safe_name(const char *name, size_t max_bytes, char *out, size_t cap);

/*
 * A set of output files replaced as a whole. ys_outset_begin resolves dir
 * (following a symlink to its directory), sweeps temporaries left by a killed
 * earlier run, and creates the staging directory ".<dir>.tmpXXXXXX" beside
 * it; ys_outset_write adds one file; ys_outset_commit fsyncs the set, carries
 * over files of the old directory that the set does not replace, and
 * exchanges the two directories with renameat2(RENAME_EXCHANGE) (a plain
 * rename when dir did not exist; two renames, with a moment without dir,
 * where the file system cannot exchange), then removes the old set. Any failure, and
 * ys_outset_abort, removes the staging directory and leaves dir untouched.
 */
typedef struct ys_outset {
	char final[4096];	/* resolved target directory */
	char stage[4096];	/* staging directory, "" when none */
	int lock_fd;		/* held on stage while it is in use */
	int slot;		/* cleanup registry slot of stage */
} ys_outset;

ys_status ys_outset_begin(ys_outset *s, const char *dir, ys_diag *d);
/* Writes stage/name (name is one path component). */
ys_status ys_outset_write(ys_outset *s, const char *name, const void *data,
			  size_t len, ys_diag *d);
ys_status ys_outset_commit(ys_outset *s, ys_diag *d);
void ys_outset_abort(ys_outset *s);

/*
 * Scratch files for renderers that must go through a file (libxlsxwriter).
 * ys_scratch_dir sets the directory they go in: the directory of the output
 * being written (NULL: $TMPDIR or /tmp, used only when writing to standard
 * output). ys_scratch_create makes a private directory
 * ".yusuan-scratch.tmpXXXXXX" there, registered for cleanup, and gives the
 * path of a file in it (libraries may put their own temporaries beside it);
 * ys_scratch_remove removes the directory with everything in it.
 */
void ys_scratch_dir(const char *dir);
const char *ys_scratch_where(void);
ys_status ys_scratch_create(char *path, size_t cap, ys_diag *d);
void ys_scratch_remove(const char *path);

/* Installs the SIGINT/SIGTERM/SIGHUP handlers that remove every registered
 * temporary path and then let the signal take its default effect; a signal
 * already ignored (nohup) is left ignored. The CLI calls it once at start. */
void ys_file_cleanup_on_signals(void);

/* Test hook: when on, ys_outset_commit behaves as on a file system without
 * RENAME_EXCHANGE (NFS) and swaps with two renames. */
void ys_file_no_exchange(int on);

/* Test hook: when n > 0, the n-th write of file data from now on fails with
 * ENOSPC (a full disk without needing one). 0 turns it off. */
void ys_file_fail_write_at(long n);

#endif
