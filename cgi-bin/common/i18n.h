/*
 * Phrase lookup.  Phrases have stable keys ("login.failed"); English is
 * built in, sorted by key; the translations area adds the other languages.
 * An unknown key returns the key itself (and logs once), never NULL.
 */
#ifndef WEFT_I18N_H
#define WEFT_I18N_H

#include <stddef.h>

const char	*i18n_text(const char *lang, const char *key);
/* For tests: the built-in English catalogue. */
size_t		 i18n_count(void);
const char	*i18n_key(size_t i);

#endif
