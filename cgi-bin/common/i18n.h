/*
 * Phrase lookup.  Phrases have stable keys ("login.failed"); English is
 * built in, sorted by key; the translations area adds the other languages.
 * An unknown key returns the key itself (and logs once), never NULL.
 */
#ifndef WEFT_I18N_H
#define WEFT_I18N_H

#include <stddef.h>

struct i18n_phrase {
	const char	*key;
	const char	*text;
};

const char	*i18n_text(const char *lang, const char *key);
/* Is there a phrase for key (in this program)? */
int		 i18n_has(const char *key);
/* An area program adds its own phrases (sorted by key, strcmp order;
 * checked) at start-up, before app_main(); -1 when unsorted or full. */
int		 i18n_register(const struct i18n_phrase *, size_t n);
/*
 * The languages a member may choose for the pages, in the order offered.
 * The translations area replaces this list with its languages table;
 * until then every page is in English whatever is chosen.
 */
struct i18n_lang {
	const char	*tag;	/* BCP 47, as members.lang */
	const char	*label;	/* the language's own name for itself */
};
extern const struct i18n_lang	 i18n_langs[];
extern const size_t		 i18n_nlangs;
/* Is tag one of i18n_langs[]? */
int		 i18n_lang_offered(const char *tag);
/* For tests: the built-in English catalogue. */
size_t		 i18n_count(void);
const char	*i18n_key(size_t i);

#endif
