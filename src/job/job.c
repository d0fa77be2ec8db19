/*
 * job.c - the bundle → Disclosure pipeline.
 */
#include "job.h"

#include <string.h>

#include "../io/bundle.h"
#include "../narrative/narrative.h"
#include "../template/build.h"

ys_status ys_job_load_bundle(ys_job *j, const char *dir, const ys_job_opts *o,
			     ys_diag *d)
{
	const char *datadir = o && o->datadir ? o->datadir : ys_data_dir();
	ys_status st;

	memset(j, 0, sizeof *j);
	st = ys_bundle_load(dir, datadir, o ? o->user_catalog : NULL, &j->budget,
			    &j->cat, d);
	if (st == YS_ENOMEM && d && !d->msg[0])
		ys_fail(d, YS_ENOMEM, dir, 0, 0, "内存不足");
	if (st != YS_OK)
		return st;
	j->stage = 1;
	if ((st = ys_cube_build(&j->cube, &j->budget, &j->cat, d)) != YS_OK)
		goto fail;
	j->stage = 2;
	st = ys_template_load(&j->tpl, datadir,
			      o && o->template_name ? o->template_name : j->budget.template_name,
			      &j->cat, d);
	if (st != YS_OK)
		goto fail;
	j->stage = 3;
	ys_disclosure_init(&j->ds);
	j->stage = 4;
	if ((st = ys_build_disclosure(&j->ds, &j->tpl, &j->budget, &j->cat, &j->cube, d)) != YS_OK)
		goto fail;
	if ((st = ys_narrative_build(&j->ds, &j->tpl, &j->budget, &j->cat, &j->cube, d)) != YS_OK)
		goto fail;
	return YS_OK;
fail:
	ys_job_free(j);
	/* A helper that ran out of memory may return without a message: name
	 * the bundle. */
	if (st == YS_ENOMEM && d && !d->msg[0])
		ys_fail(d, YS_ENOMEM, dir, 0, 0, "内存不足");
	return st;
}

void ys_job_free(ys_job *j)
{
	if (j->stage >= 4)
		ys_disclosure_free(&j->ds);
	if (j->stage >= 3)
		ys_template_free(&j->tpl);
	if (j->stage >= 2)
		ys_cube_free(&j->cube);
	if (j->stage >= 1) {
		ys_budget_free(&j->budget);
		ys_catalog_free(&j->cat);
	}
	j->stage = 0;
}
