/*
 * Between i18n.c (lookup) and i18n_copy.c (the worker's copy of the
 * languages and translations): not for the areas.
 */
#ifndef WEFT_I18N_INTERNAL_H
#define WEFT_I18N_INTERNAL_H

#include "catalogue.h"
#include "i18n.h"

extern struct catalogue	 i18n_src;	/* the English, sorted by key */

/* Index of key in i18n_src, or -1. */
long		 i18n_index(const char *key);
/* The translation of phrase i in form f of tag's language (NULL: none,
 * or tag is English, or the database cannot say); lang its language. */
const char	*i18n_copy_text(const char *tag, size_t i, int f);

#endif
