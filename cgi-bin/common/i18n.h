/*
 * Phrases by key, in a member's language (docs/translations.md).  The
 * English comes from the source catalogue (catalogue.h), read once at
 * start-up; the other languages from the translations table, kept in
 * each worker and read again when the catalogue's generation changes
 * (cache_generations, returned by the session statement like the
 * settings').  A phrase a language lacks is in English; an unknown key
 * comes back as itself (and is logged once), never NULL.
 *
 * Every key written in C is wrapped in N_(): the build's check
 * (tools/weft-phrases) finds the keys a program uses that way, and the
 * [[key]] markers of the templates (tmpl.h).
 */
#ifndef WEFT_I18N_H
#define WEFT_I18N_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "plural.h"

#define N_(key)		(key)

#define I18N_TAG_MAX	16	/* BCP 47 tag (as ROLE_LANG_MAX), NUL included */

/* Reads the English of every *.en file of dir; the programs' start-up. */
enum weft_err	 i18n_load(const char *dir);

/* The phrase (a plural phrase: its form for n) in lang, else English. */
const char	*i18n_text(const char *lang, const char *key);
const char	*i18n_text_n(const char *lang, const char *key, long long n);
int		 i18n_is_plural(const char *key);
/* Is there a phrase for key? */
int		 i18n_has(const char *key);

/*
 * Appends text to out with each {name} replaced by value(ctx, name,
 * len); a placeholder whose value is NULL is left as written.
 */
typedef const char *(*i18n_value_fn)(void *ctx, const char *name,
		    size_t len);
void		 i18n_fill(struct buf *out, const char *text,
		    i18n_value_fn value, void *ctx);
/*
 * key's phrase in lang with its placeholders filled in from the pairs
 * that follow (name, value, ..., NULL), appended to out; a plural
 * phrase's form is chosen by the value of "n".  Returns out->p.
 */
const char	*i18n_format(struct buf *out, const char *lang,
		    const char *key, ...);

/* A language of the timebank (the languages table). */
struct i18n_lang {
	char	 tag[I18N_TAG_MAX];
	char	 name[64];	/* its own name for itself */
	int	 rtl;
	int	 enabled;	/* offered to members */
	char	 plural[256];	/* gettext's Plural-Forms (plural.h) */
	int	 nplurals;
	char	 decimal;	/* '.' or ',' */
	char	 date_order[4];	/* "ymd", "dmy" or "mdy" */
};

/*
 * The languages (English first, then in their order); *n their number.
 * Read with the translations; English alone when the database cannot say.
 */
const struct i18n_lang *i18n_languages(size_t *n);
/* The language of tag (enabled or not), or English's when unknown. */
const struct i18n_lang *i18n_lang(const char *tag);
/* The language of tag by its own name ("Español"), for pages that show
 * a member's language or a translator's; an unknown tag as it is. */
const char	*i18n_lang_name(const char *tag);
/* Is tag a language members may choose? */
int		 i18n_lang_offered(const char *tag);

/*
 * The catalogue generation of this request (0: not known, then asked of
 * the database when a language other than English is needed), and the
 * end of a request's use of the copy.
 */
void		 i18n_expect(long long generation);
/* Drops the copy (a writer, after changing translations or languages). */
void		 i18n_forget(void);

/* The English catalogue, for tests and the translations area. */
size_t		 i18n_count(void);
const char	*i18n_key(size_t i);

#endif
