/*
 * gettext PO files, as weft writes and reads them (docs/translations.md,
 * "PO files"; the translations area's export and import, and
 * tests/fuzz/fuzz_po.c): an entry per phrase, msgctxt its key, msgid (and
 * msgid_plural) its English, msgstr (or msgstr[i]) the translation; a
 * stale one is "#, fuzzy" with "#| msgid" the English it was made from.
 */
#ifndef WEFT_PO_H
#define WEFT_PO_H

#include "buf.h"
#include "plural.h"

/* Appends s as a PO string literal, quotes included. */
void	 po_string(struct buf *, const char *s);

struct po_entry {
	unsigned	 line;		/* where it starts */
	int		 fuzzy;
	char		*ctxt;		/* NULL: none */
	char		*id;
	char		*id_plural;	/* NULL: not plural */
	char		*str[PLURAL_FORMS_MAX];
	int		 nstr;
};

struct po_file {
	struct po_entry	*e;
	size_t		 n;
	char		 lang[16];	/* the header's Language, or "" */
	int		 nplurals;	/* the header's, or 0 */
};

/*
 * Reads text into f (the header entry, msgid "", is read for its
 * Language and Plural-Forms, not kept).  -1 on the first error, with
 * "line N: what" in err: nothing of a malformed file is used.
 */
int	 po_read(const char *text, struct po_file *f, char *err, size_t len);
void	 po_free(struct po_file *);

#endif
