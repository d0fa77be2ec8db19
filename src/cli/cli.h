/*
 * cli.h - what the command files share: printing diagnostics, a small
 * option parser, and the commands' entry points.
 */
#ifndef YS_CLI_H
#define YS_CLI_H

#include <stdio.h>

#include "../base/status.h"
#include "../model/budget.h"
#include "../model/disclosure.h"

/* Prints "file:line:col: 错误: msg" to stderr. */
void cli_error(const ys_diag *d);
void cli_warnings(const ys_budget *b);
/* Warns that path was read as ds->source_encoding, when parse converted
 * it from an encoding other than UTF-8. */
void cli_encoding_warning(const char *path, const ys_disclosure *ds);

/* Option parsing: walks argv; for "--name value", "--name=value", "-x
 * value" returns the value in *val. */
typedef struct cli_args {
	int argc;
	char **argv;
	int i;
	const char *prog;
} cli_args;

/* Returns 1 and sets *val when argv[i] is the option (long or short) that
 * takes a value; exits with a usage error if the value is missing. */
int cli_opt_value(cli_args *a, const char *lng, const char *shrt, const char **val);
int cli_opt_flag(cli_args *a, const char *lng, const char *shrt);
/* Reports an unknown option or extra argument and returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, const char *arg);

/* Takes `--limit NAME=VALUE` (and $YUSUAN_LIMITS) out of a command's argv
 * (argv[0] is the command name) and applies them. Returns 0 to go on, 1
 * when `--limit list` printed the table (exit 0), -1 after printing an
 * error (exit 2). */
int cli_take_limits(int *argc, char **argv);

int cmd_render(int argc, char **argv);
int cmd_catalog(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_ls(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_rm(int argc, char **argv);
int cmd_synth(int argc, char **argv);

#endif
