/*
 * libFuzzer driver for what translators paste or type: PO files
 * (po.c) and gettext plural rules (plural.c).  The first byte picks which.
 *
 * A PO file either is refused with a message naming its line, or is read
 * into entries that keep po.h's promises (a msgid, one to six msgstr,
 * msgid_plural only with them); and written back with po_string() each
 * entry reads again the same.  A plural rule either is refused, or gives
 * every n a form below its nplurals.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "plural.h"
#include "po.h"

#define FUZZ_IN_MAX	8192

/* Entry e written as a PO entry (as the export does) into b. */
static void
po_entry_write(struct buf *b, const struct po_entry *e)
{
	int	 i;

	if (e->ctxt != NULL) {
		buf_puts(b, "msgctxt ");
		po_string(b, e->ctxt);
		buf_puts(b, "\n");
	}
	buf_puts(b, "msgid ");
	po_string(b, e->id);
	if (e->id_plural != NULL) {
		buf_puts(b, "\nmsgid_plural ");
		po_string(b, e->id_plural);
		for (i = 0; i < e->nstr; i++) {
			buf_printf(b, "\nmsgstr[%d] ", i);
			po_string(b, e->str[i]);
		}
	} else {
		buf_puts(b, "\nmsgstr ");
		po_string(b, e->str[0]);
	}
	buf_puts(b, "\n\n");
}

static void
fuzz_po(const char *text)
{
	struct po_file	 f, g;
	struct buf	 b;
	char		 err[256];
	size_t		 i;
	int		 k;

	if (po_read(text, &f, err, sizeof(err)) == -1) {
		CHECK(strncmp(err, "line ", 5) == 0);
		return;
	}
	buf_init(&b);
	for (i = 0; i < f.n; i++) {
		CHECK(f.e[i].id != NULL);
		CHECK(f.e[i].nstr >= 1 && f.e[i].nstr <= PLURAL_FORMS_MAX);
		/* The header (msgid "") is never an entry; an entry with an
		 * empty msgid has a msgctxt. */
		CHECK(f.e[i].id[0] != '\0' || f.e[i].ctxt != NULL);
		po_entry_write(&b, &f.e[i]);
	}
	CHECK(!buf_failed(&b));
	CHECK(po_read(b.p != NULL ? b.p : "", &g, err, sizeof(err)) == 0);
	CHECK(g.n == f.n);
	for (i = 0; i < f.n; i++) {
		CHECK(strcmp(f.e[i].id, g.e[i].id) == 0);
		CHECK((f.e[i].ctxt == NULL) == (g.e[i].ctxt == NULL));
		CHECK(f.e[i].ctxt == NULL || strcmp(f.e[i].ctxt, g.e[i].ctxt) == 0);
		CHECK(f.e[i].nstr == g.e[i].nstr);
		for (k = 0; k < f.e[i].nstr; k++)
			CHECK(strcmp(f.e[i].str[k], g.e[i].str[k]) == 0);
	}
	po_free(&g);
	po_free(&f);
	buf_free(&b);
}

static void
fuzz_plural(const char *rule)
{
	long long	 n;
	int		 forms = plural_check(rule), f;

	CHECK(forms == -1 || (forms >= 1 && forms <= PLURAL_FORMS_MAX));
	for (n = 0; n < 1200; n += n < 120 ? 1 : 37) {
		f = plural_index(rule, n);
		CHECK(f >= 0 && f < PLURAL_FORMS_MAX);
		if (forms > 0)
			CHECK(f < forms);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	 in[FUZZ_IN_MAX + 1];
	size_t	 n;

	if (size < 1)
		return 0;
	n = size - 1 < FUZZ_IN_MAX ? size - 1 : FUZZ_IN_MAX;
	memcpy(in, data + 1, n);
	in[n] = '\0';
	if (data[0] & 1)
		fuzz_plural(in);
	else
		fuzz_po(in);
	return 0;
}
