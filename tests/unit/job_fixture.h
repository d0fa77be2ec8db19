/*
 * job_fixture.h - for unit tests that need a whole bundle → disclosure job
 * (cmocka must be included first): loads a bundle or fails the test with
 * the loader's message.
 */
#ifndef YS_TEST_JOB_FIXTURE_H
#define YS_TEST_JOB_FIXTURE_H

#include <string.h>

#include "job/job.h"

#define REF "examples/pingxiang-zonggonghui-2023"

static void load_bundle(ys_job *j, const char *dir)
{
	ys_diag d;

	memset(&d, 0, sizeof d);
	if (ys_job_load_bundle(j, dir, NULL, &d) != YS_OK) {
		print_error("%s:%ld: %s\n", d.file, d.line, d.msg);
		fail();
	}
}

#endif
