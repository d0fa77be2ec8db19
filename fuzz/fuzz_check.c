/*
 * fuzz_check.c - libFuzzer target for the check engine: the first byte
 * picks the options (bits 0–2 a tolerance of 0–7 hundredths; bit 3 without
 * catalog; bit 4 without template; bits 5–7 disable one of eight rules of
 * the table), the rest is a yusuan/disclosure@1 JSON. A disclosure that
 * reads is checked with ys_check_disclosure; every finding must be whole
 * (rule id known, message, severity in range, counts consistent).
 * Seeds: fuzz/corpus/check/ (an option byte, then a disclosure JSON from tests/golden).
 */
#include <stdint.h>
#include <string.h>

#include "../src/base/text.h"
#include "../src/io/disclosure_json.h"
#include "doc_env.h"

static void die(const char *why)
{
	fprintf(stderr, "fuzz_check: %s\n", why);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	ys_disclosure ds;
	ys_findings fs;
	ys_diag d;
	ys_status st;
	const char *off[1];
	ys_check_opts o = {off, 0, 0};
	size_t ne = 0, nw = 0, ni = 0;

	if (!ready) {
		fz_doc_setup("fuzz_check", 0);
		ready = 1;
	}
	if (size < 1)
		return 0;
	ys_disclosure_init(&ds);
	memset(&d, 0, sizeof d);
	st = ys_disclosure_json_parse(&ds, (const char *)data + 1, size - 1, "fuzz.json", &d);
	if (st != YS_OK) {
		if (!d.msg[0])
			die("reader failure without a message");
		ys_disclosure_free(&ds);
		return 0;
	}
	o.tolerance = data[0] & 7;
	if (ys_rule_at((size_t)(data[0] >> 5) * 3)) {
		off[0] = ys_rule_at((size_t)(data[0] >> 5) * 3)->id;
		o.ndisabled = 1;
	}
	ys_findings_init(&fs);
	st = ys_check_disclosure(&ds, (data[0] & 8) ? NULL : &fz_cat,
				 (data[0] & 16) ? NULL : &fz_tpl, "fuzz.json", &o, &fs);
	if (st != YS_OK && st != YS_ENOMEM)
		die("check failed on a disclosure that read");
	for (size_t i = 0; i < fs.n; i++) {
		const ys_finding *f = &fs.v[i];

		if (!f->rule || !ys_rule_find(f->rule))
			die("finding with an unknown rule");
		if (o.ndisabled && !strcmp(f->rule, off[0]))
			die("finding of a disabled rule");
		if (!f->msg || !f->msg[0] || ys_utf8_invalid_at(f->msg, strlen(f->msg)) >= 0)
			die("finding without a valid message");
		if (f->severity == YS_SEV_ERROR)
			ne++;
		else if (f->severity == YS_SEV_WARNING)
			nw++;
		else if (f->severity == YS_SEV_INFO)
			ni++;
		else
			die("finding with a severity out of range");
	}
	if (ne != fs.nerrors || nw != fs.nwarnings || ni != fs.ninfos)
		die("finding counts disagree with the findings");
	ys_findings_free(&fs);
	ys_disclosure_free(&ds);
	return 0;
}
