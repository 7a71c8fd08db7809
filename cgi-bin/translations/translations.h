/*
 * The translations area (/translations; docs/translations.md): the
 * timebank's languages (admins), each language's progress and its
 * translator's work queue, editing a phrase, and PO files out and in.
 * Translators reach only the languages of their language:xx grants
 * (translation.edit, docs/authorization.md footnote 4); admins every
 * language.  One file per page family; the route table is main.c.
 */
#ifndef WEFT_TRANSLATIONS_H
#define WEFT_TRANSLATIONS_H

#include "app.h"
#include "buf.h"
#include "i18n.h"
#include "plural.h"

#define TR_TEXT_MAX	4000	/* characters of one translated form */

/* A phrase of the database's catalogue, with one language's forms. */
struct tr_phrase {
	long long	 id;
	char		 key[96];
	char		 area[32];
	char		*note;
	char		*english;
	char		*english_plural;	/* NULL: not a plural phrase */
	unsigned char	 hash[32];
	char		 placeholders[256];
	char		*used_in;
	int		 nforms;		/* forms the language needs */
	char		*text[PLURAL_FORMS_MAX];	/* NULL: none */
	char		*from[PLURAL_FORMS_MAX];	/* English made from */
	int		 stale[PLURAL_FORMS_MAX];
	int		 fuzzy[PLURAL_FORMS_MAX];
};

/* The state of a phrase in a language, as the queue counts it. */
enum tr_state {
	TR_MISSING,	/* a form the language needs has no text */
	TR_STALE,	/* made from other English, or marked fuzzy */
	TR_DONE,
	TR_STATE__MAX
};

extern const char *const tr_state_keys[TR_STATE__MAX];

/*
 * The language of path parameter i that the actor may translate (rule
 * 2 with scope language:xx), into *out: 0, or the status to answer (404
 * for an unknown language or English to whom holds translation.edit
 * site-wide, else 403: rule 1).
 */
int		 tr_lang_target(struct request *, size_t i,
		    const struct i18n_lang **out);
/* May the actor translate tag? */
int		 tr_may_translate(const struct request *, const char *tag);

/* Loads phrase id (not retired) with lang's forms; WEFT_ERR_NOTFOUND. */
enum weft_err	 tr_phrase_load(long long id, const struct i18n_lang *,
		    struct tr_phrase *);
/* Loads phrase key, as tr_phrase_load(). */
enum weft_err	 tr_phrase_load_key(const char *key, const struct i18n_lang *,
		    struct tr_phrase *);
void		 tr_phrase_free(struct tr_phrase *);
enum tr_state	 tr_phrase_state(const struct tr_phrase *);

/*
 * Checks n translated forms against the phrase's placeholders: every
 * form uses only the English's, and (one form) all of them, or (plural)
 * all of them but {n} in some form.  0, or -1 with a sentence naming the
 * missing or extra placeholder in msg (lang's).
 */
int		 tr_check(const struct tr_phrase *, char *const *forms,
		    const char *lang, char *msg, size_t len);
/*
 * Writes forms (p->nforms of them; NULL or "" removes one) of p in lang,
 * made from the English from_one/from_other (NULL: the phrase's current
 * English; a PO file's msgid may be older) with status fuzzy or done,
 * audited as translation.edit with the before and after; inside the
 * caller's transaction, who raises the generation.  A form saved as it
 * was but from the current English is a change: its translator says it
 * still holds.  *changed says whether anything was written.
 */
enum weft_err	 tr_store(const struct request *, const struct tr_phrase *p,
		    const char *lang, char *const *forms, const char *from_one,
		    const char *from_other, int fuzzy, int *changed);
/* Adds 1 to the catalogue generation (every worker reads again). */
enum weft_err	 tr_generation_bump(void);

/* The words of old and new English compared, into d's DIFF sections. */
void		 tr_diff(struct tmpl_dict *d, const char *old, const char *new);

/* The pages. */
int		 tr_index(struct request *);
int		 tr_languages(struct request *);
int		 tr_language_add(struct request *);
int		 tr_language_save(struct request *);
int		 tr_queue(struct request *);
int		 tr_phrase_form(struct request *);
int		 tr_phrase_save(struct request *);
int		 tr_export(struct request *);
int		 tr_import_form(struct request *);
int		 tr_import(struct request *);

/* Counts of one language per area (tr_count()). */
struct tr_counts {
	char	 area[32];
	long	 n[TR_STATE__MAX];
	long	 total;
};
#define TR_AREAS_MAX	24
/* The counts of lang, per area (into per[], *nareas of them) and in
 * all (*all). */
enum weft_err	 tr_count(const struct i18n_lang *, struct tr_counts *per,
		    size_t *nareas, struct tr_counts *all);
/* Sets COUNT_<STATE>, PERCENT_<STATE> and TOTAL of c in d. */
void		 tr_counts_show(struct tmpl_dict *d, const struct tr_counts *c);

#endif
