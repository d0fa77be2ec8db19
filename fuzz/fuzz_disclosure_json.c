/*
 * fuzz_disclosure_json.c - libFuzzer target for the yusuan/disclosure@1
 * JSON reader (ys_disclosure_json_sniff and ys_disclosure_json_parse) on
 * arbitrary bytes; a disclosure that reads is then checked with the
 * hebei-2023 template and the 2023 catalog, as `yusuan check FILE.json`
 * does. Seed with the JSON files in tests/golden/.
 */
#include <stdint.h>
#include <string.h>

#include "../src/io/disclosure_json.h"
#include "doc_env.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	ys_disclosure ds;
	ys_diag d;
	ys_status st;

	if (!ready) {
		fz_doc_setup("fuzz_disclosure_json", 0);
		ready = 1;
	}
	(void)ys_disclosure_json_sniff((const char *)data, size);
	ys_disclosure_init(&ds);
	memset(&d, 0, sizeof d);
	st = ys_disclosure_json_parse(&ds, (const char *)data, size, "fuzz.json", &d);
	fz_finish("fuzz_disclosure_json", st, &d, &ds, "fuzz.json");
	return 0;
}
