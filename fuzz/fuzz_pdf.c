/*
 * fuzz_pdf.c - libFuzzer target for the PDF reader after its subprocess:
 * the bytes are taken as what `pdftotext -bbox-layout` prints (XHTML with
 * one <word> box per word), read into word boxes with the reader's own
 * bounds, laid out into tables and paragraphs from their geometry
 * (pdfgeom.c), recognised with the hebei-2023 template and, when a
 * disclosure reads, checked — the path `yusuan check FILE.pdf` takes.
 * Running pdftotext itself is not fuzzed (poppler is fuzzed upstream);
 * its time, memory and output bounds are tested in tests/e2e/87-pdf.sh.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/parse/pdfgeom.h"
#include "../src/parse/readers.h"
#include "doc_env.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	ys_pdf_words w = {0};
	ys_pdoc doc = {0};
	ys_disclosure ds;
	ys_diag d;
	ys_status st;
	char *xml;

	if (!ready) {
		fz_doc_setup("fuzz_pdf", 0);
		ready = 1;
	}
	if (!(xml = malloc(size + 1)))
		return 0;
	memcpy(xml, data, size);
	xml[size] = '\0';
	memset(&d, 0, sizeof d);
	ys_disclosure_init(&ds);
	ds.accept_partial = 1;
	st = ys_pdf_bbox_read("fuzz.pdf", xml, size, &w, &d);
	if (st == YS_OK && w.n)
		st = ys_pdf_layout("fuzz.pdf", &w, &doc, &d);
	if (st == YS_OK && w.n)
		st = ys_recognize(&doc, "fuzz.pdf", &fz_tpl, &ds, &d);
	else if (st == YS_OK)
		st = ys_fail(&d, YS_EINPUT, "fuzz.pdf", 0, 0, "没有文本层");
	ys_pdf_words_free(&w);
	ys_pdoc_free(&doc);
	free(xml);
	fz_finish("fuzz_pdf", st, &d, &ds, "fuzz.pdf");
	return 0;
}
