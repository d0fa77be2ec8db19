/*
 * job.h - one unit's pipeline, bundle to Disclosure: read the bundle, load
 * the catalog of its year and its template, build the cube, build the
 * tables. Commands (render, check) use it so that they all see the same
 * model.
 *
 * Ownership: the job owns every stage; ys_job_free releases them.
 */
#ifndef YS_JOB_H
#define YS_JOB_H

#include "../cube/cube.h"
#include "../model/budget.h"
#include "../model/catalog.h"
#include "../model/disclosure.h"
#include "../template/template.h"

typedef struct ys_job_opts {
	const char *datadir;		/* NULL: ys_data_dir() */
	const char *user_catalog;	/* extra catalog file, or NULL */
	const char *template_name;	/* override the bundle's, or NULL */
} ys_job_opts;

typedef struct ys_job {
	ys_budget budget;
	ys_catalog cat;
	ys_cube cube;
	ys_template tpl;
	ys_disclosure ds;
	int stage;	/* how far loading got, for freeing */
} ys_job;

ys_status ys_job_load_bundle(ys_job *j, const char *dir, const ys_job_opts *o,
			     ys_diag *d);
void ys_job_free(ys_job *j);

#endif
