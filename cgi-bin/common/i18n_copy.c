/*
 * The worker's copy of the languages and of the translations of the
 * languages its pages were asked in (docs/translations.md, "Caching").
 * It is good while the 'catalogue' generation of cache_generations is the
 * one it was read at: the session statement returns the generation
 * (i18n_expect()), so a logged-in page in Spanish costs no statement of
 * its own; a visitor's page in another language than English asks for
 * the generation (one primary-key read).  A writer adds 1 to it in the
 * transaction of its change, and the next page of every worker reads the
 * copy again.  When the database cannot answer, the copy read before is
 * used (or English) and the database is not asked again in that request.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n_internal.h"
#include "log.h"
#include "util.h"

#define I18N_LANGS_MAX	32

static const struct i18n_lang i18n_english = {
	"en", "English", 0, 1, "nplurals=2; plural=(n != 1);", 2, '.', "ymd"
};

static struct {
	long long	 generation;	/* read at (0: never) */
	long long	 seen;		/* the request's: 0 unknown, -1 failed */
	struct i18n_lang langs[I18N_LANGS_MAX];
	size_t		 nlangs;
	/* Per language, the texts by phrase index and form (NULL: none):
	 * i18n_src.n * PLURAL_FORMS_MAX pointers, or NULL when not read. */
	char		**texts[I18N_LANGS_MAX];
} i18n_copy;

static void
i18n_texts_free(size_t l)
{
	size_t	 i;

	if (i18n_copy.texts[l] == NULL)
		return;
	for (i = 0; i < i18n_src.n * PLURAL_FORMS_MAX; i++)
		free(i18n_copy.texts[l][i]);
	free(i18n_copy.texts[l]);
	i18n_copy.texts[l] = NULL;
}

void
i18n_forget(void)
{
	size_t	 l;

	for (l = 0; l < I18N_LANGS_MAX; l++)
		i18n_texts_free(l);
	i18n_copy.langs[0] = i18n_english;
	i18n_copy.nlangs = 1;
	i18n_copy.generation = 0;
	i18n_copy.seen = 0;
}

void
i18n_expect(long long generation)
{
	i18n_copy.seen = generation;
}

static const char i18n_sql_generation[] =
    "SELECT generation FROM cache_generations WHERE name = 'catalogue'";

static const char i18n_sql_langs[] =
    "SELECT tag, name, dir, plural_forms, decimal_sep, date_order, enabled"
    " FROM languages WHERE tag <> 'en' ORDER BY position, tag";

/* One row of i18n_sql_langs into l; -1 when the row is not usable. */
static int
i18n_lang_row(const struct db_rows *r, struct i18n_lang *l)
{
	const char	*dec = db_str(r, 4);

	memset(l, 0, sizeof(*l));
	util_copy(l->tag, sizeof(l->tag), db_str(r, 0));
	util_copy(l->name, sizeof(l->name), db_str(r, 1));
	l->rtl = db_str(r, 2) != NULL && strcmp(db_str(r, 2), "rtl") == 0;
	util_copy(l->plural, sizeof(l->plural), db_str(r, 3));
	l->decimal = dec != NULL && dec[0] == ',' ? ',' : '.';
	util_copy(l->date_order, sizeof(l->date_order), db_str(r, 5));
	l->enabled = db_int(r, 6) != 0;
	if ((l->nplurals = plural_check(l->plural)) < 1) {
		log_msg(LOGL_WARN, "languages: %s has a plural rule that cannot "
		    "be read", l->tag);
		return -1;
	}
	return 0;
}

/* The languages again, every language's texts dropped. */
static enum weft_err
i18n_read_langs(void)
{
	struct db_rows	*r;
	size_t		 l;
	enum weft_err	 e;

	if ((e = db_query(&r, i18n_sql_langs, "")) != WEFT_OK)
		return e;
	for (l = 0; l < I18N_LANGS_MAX; l++)
		i18n_texts_free(l);
	i18n_copy.nlangs = 1;
	while (db_next(r) && i18n_copy.nlangs < I18N_LANGS_MAX)
		if (i18n_lang_row(r, &i18n_copy.langs[i18n_copy.nlangs]) == 0)
			i18n_copy.nlangs++;
	db_rows_free(r);
	return WEFT_OK;
}

/* The copy made current if the database answers; 0 when it did not. */
static int
i18n_current(void)
{
	long long	 gen;
	enum weft_err	 e = WEFT_OK;

	if (i18n_copy.nlangs == 0) {
		i18n_copy.langs[0] = i18n_english;
		i18n_copy.nlangs = 1;
	}
	if (i18n_copy.seen < 0)
		return 0;
	if (i18n_copy.seen == 0 && (e = db_query_int(&gen,
	    i18n_sql_generation, "")) == WEFT_OK)
		i18n_copy.seen = gen;
	if (e == WEFT_OK && i18n_copy.seen != i18n_copy.generation &&
	    (e = i18n_read_langs()) == WEFT_OK)
		i18n_copy.generation = i18n_copy.seen;
	if (e != WEFT_OK) {
		log_msg(LOGL_WARN, "translations: read as before: %s",
		    weft_strerror(e));
		i18n_copy.seen = -1;
		return 0;
	}
	return 1;
}

static const char i18n_sql_texts[] =
    "SELECT p.phrase_key, t.plural_index, t.text FROM translations t"
    " JOIN phrases p ON p.id = t.phrase_id WHERE t.lang = ?";

/* The texts of language l, read. */
static enum weft_err
i18n_read_texts(size_t l)
{
	struct db_rows	*r;
	char		**t;
	long		 i;
	long long	 f;
	enum weft_err	 e;

	if ((e = db_query(&r, i18n_sql_texts, "s", i18n_copy.langs[l].tag)) !=
	    WEFT_OK)
		return e;
	if ((t = calloc(i18n_src.n * PLURAL_FORMS_MAX + 1, sizeof(*t))) ==
	    NULL) {
		db_rows_free(r);
		return WEFT_ERR_NOMEM;
	}
	i18n_copy.texts[l] = t;
	while (db_next(r)) {
		f = db_int(r, 1);
		/* A phrase no longer in the source is not served. */
		if ((i = i18n_index(db_str(r, 0))) == -1 || f < 0 ||
		    f >= PLURAL_FORMS_MAX || db_str(r, 2) == NULL)
			continue;
		free(t[(size_t)i * PLURAL_FORMS_MAX + (size_t)f]);
		if ((t[(size_t)i * PLURAL_FORMS_MAX + (size_t)f] =
		    strdup(db_str(r, 2))) == NULL) {
			e = WEFT_ERR_NOMEM;
			break;
		}
	}
	db_rows_free(r);
	return e;
}

static long
i18n_lang_at(const char *tag)
{
	size_t	 l;

	for (l = 0; l < i18n_copy.nlangs; l++)
		if (strcmp(i18n_copy.langs[l].tag, tag) == 0)
			return (long)l;
	return -1;
}

const char *
i18n_copy_text(const char *tag, size_t i, int f)
{
	long		 l;
	const char	*t;
	enum weft_err	 e;

	if (strcmp(tag, "en") == 0 || (!i18n_current() &&
	    i18n_copy.generation == 0) || (l = i18n_lang_at(tag)) <= 0)
		return NULL;
	if (i18n_copy.texts[l] == NULL && i18n_copy.seen > 0 &&
	    (e = i18n_read_texts((size_t)l)) != WEFT_OK) {
		log_msg(LOGL_WARN, "translations of %s: %s", tag,
		    weft_strerror(e));
		i18n_copy.seen = -1;
	}
	if (i18n_copy.texts[l] == NULL)
		return NULL;
	t = i18n_copy.texts[l][i * PLURAL_FORMS_MAX + (size_t)f];
	return t != NULL && t[0] != '\0' ? t : NULL;
}

const struct i18n_lang *
i18n_languages(size_t *n)
{
	i18n_current();
	*n = i18n_copy.nlangs;
	return i18n_copy.langs;
}

const struct i18n_lang *
i18n_lang(const char *tag)
{
	long	 l;

	if (tag == NULL || strcmp(tag, "en") == 0)
		return &i18n_english;
	i18n_current();
	return (l = i18n_lang_at(tag)) >= 0 ? &i18n_copy.langs[l] :
	    &i18n_english;
}

const char *
i18n_lang_name(const char *tag)
{
	const struct i18n_lang	*l = i18n_lang(tag);

	if (tag == NULL)
		return "";
	return strcmp(l->tag, tag) == 0 ? l->name : tag;
}

int
i18n_lang_offered(const char *tag)
{
	long	 l;

	if (tag == NULL)
		return 0;
	if (strcmp(tag, "en") == 0)
		return 1;
	i18n_current();
	return (l = i18n_lang_at(tag)) > 0 && i18n_copy.langs[l].enabled;
}
