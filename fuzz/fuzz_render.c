/*
 * fuzz_render.c - libFuzzer target for the renderers: the first byte picks
 * the formats (out_check.h: one of the seven, or all but PDF), the rest is
 * a yusuan/disclosure@1 JSON read with ys_disclosure_json_parse; a
 * disclosure that reads is rendered in memory with the hebei-2023 template
 * and every output checked (well-formed XML in DOCX/XLSX, UTF-8 text, our
 * JSON reading back to the same bytes, our parser reading DOCX/XLSX back).
 * Seeds: fuzz/corpus/render/ (a format byte, then a disclosure JSON from tests/golden).
 */
#include <stdint.h>
#include <string.h>

#include "../src/base/file.h"
#include "doc_env.h"
#include "out_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	ys_disclosure ds;
	ys_diag d;
	ys_status st;

	if (!ready) {
		fz_doc_setup("fuzz_render", 0);
		ys_scratch_dir(NULL);
		ready = 1;
	}
	if (size < 1)
		return 0;
	ys_disclosure_init(&ds);
	memset(&d, 0, sizeof d);
	st = ys_disclosure_json_parse(&ds, (const char *)data + 1, size - 1, "fuzz.json", &d);
	if (st != YS_OK && !d.msg[0])
		fz_die("fuzz_render", "%s", "reader failure without a message");
	if (st == YS_OK)
		fz_render_all("fuzz_render", &ds, data[0], &fz_tpl, &fz_cat);
	ys_disclosure_free(&ds);
	return 0;
}
