/*
 * fuzz_parse.c - libFuzzer target for the published-document readers: the
 * bytes are written to a temp file and read with ys_parse_file, the way
 * `yusuan parse` does, with the hebei-2023 template and the 2023 catalog
 * loaded once. Format detection is by content, so one target covers the
 * text export, HTML, DOCX and XLSX readers (seed with all four). A
 * document that reads is then checked, as `yusuan check FILE` does.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../src/parse/parse.h"
#include "doc_env.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	ys_disclosure ds;
	ys_diag d;
	FILE *f;

	if (!ready) {
		fz_doc_setup("fuzz_parse", 1);
		ready = 1;
	}
	f = fopen(fz_path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	ys_disclosure_init(&ds);
	memset(&d, 0, sizeof d);
	fz_finish("fuzz_parse", ys_parse_file(fz_path, &fz_tpl, &fz_cat, &ds, &d), &d, &ds,
		  fz_path);
	return 0;
}
