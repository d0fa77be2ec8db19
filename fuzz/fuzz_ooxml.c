/*
 * fuzz_ooxml.c - libFuzzer target for the XML inside DOCX and XLSX. Mutated
 * zips rarely get past the CRC check, so this target builds a valid zip
 * around the fuzzed XML and reads it with ys_parse_file (hebei-2023
 * template, 2023 catalog), then checks what reads, like `yusuan check`.
 *
 * Input: a first byte (even: DOCX, odd: XLSX), then parts separated by
 * "@@PART@@". DOCX: word/document.xml. XLSX: xl/workbook.xml,
 * xl/_rels/workbook.xml.rels, xl/sharedStrings.xml, then
 * xl/worksheets/sheet1.xml, sheet2.xml …
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "../src/parse/parse.h"
#include "doc_env.h"

#define SEP "@@PART@@"
#define MAX_PARTS 32

static void add(zip_t *z, const char *name, const uint8_t *data, size_t len)
{
	zip_source_t *src = zip_source_buffer(z, data, len, 0);
	zip_int64_t i;

	if (!src || (i = zip_file_add(z, name, src, ZIP_FL_OVERWRITE)) < 0)
		abort();
	zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	const uint8_t *part[MAX_PARTS];
	size_t plen[MAX_PARTS], nparts = 0;
	const uint8_t *p, *end;
	int xlsx, err = 0;
	ys_disclosure ds;
	ys_diag d;
	ys_status st;
	zip_t *z;

	if (!ready) {
		fz_doc_setup("fuzz_ooxml", 1);
		ready = 1;
	}
	if (size < 1)
		return 0;
	xlsx = data[0] & 1;
	p = data + 1;
	end = data + size;
	while (nparts < MAX_PARTS) {
		const uint8_t *q = memmem(p, (size_t)(end - p), SEP, strlen(SEP));

		part[nparts] = p;
		plen[nparts++] = q ? (size_t)(q - p) : (size_t)(end - p);
		if (!q)
			break;
		p = q + strlen(SEP);
	}
	if (!(z = zip_open(fz_path, ZIP_CREATE | ZIP_TRUNCATE, &err)))
		abort();
	if (!xlsx) {
		add(z, "word/document.xml", part[0], plen[0]);
	} else {
		static const char *const fixed[] = {"xl/workbook.xml",
			"xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml"};

		for (size_t i = 0; i < nparts; i++) {
			char name[64];

			if (i < 3)
				snprintf(name, sizeof name, "%s", fixed[i]);
			else
				snprintf(name, sizeof name, "xl/worksheets/sheet%zu.xml", i - 2);
			add(z, name, part[i], plen[i]);
		}
	}
	if (zip_close(z) != 0)
		abort();
	ys_disclosure_init(&ds);
	memset(&d, 0, sizeof d);
	st = ys_parse_file(fz_path, &fz_tpl, &fz_cat, &ds, &d);
	fz_finish("fuzz_ooxml", st, &d, &ds, fz_path);
	return 0;
}
