/*
 * A phrase of the catalogue with one language's translation: loading it,
 * its state, the placeholder check, and writing a translation (audited;
 * the catalogue generation raised so that every worker reads it again).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "catalogue.h"
#include "db.h"
#include "translations.h"
#include "util.h"

const char *const tr_state_keys[TR_STATE__MAX] = {
	[TR_MISSING] = "missing",
	[TR_STALE] = "stale",
	[TR_DONE] = "done",
};

int
tr_may_translate(const struct request *req, const char *tag)
{
	struct scope	 s = { SCOPE_LANGUAGE, 0, "" };

	util_copy(s.lang, sizeof(s.lang), tag);
	return role_allows(&req->actor.grants, PERM_TRANSLATION_EDIT, &s);
}

int
tr_lang_target(struct request *req, size_t i, const struct i18n_lang **out)
{
	const struct i18n_lang	*l;
	const char		*tag = i < req->nparams ? req->params[i] : "";

	l = i18n_lang(tag);
	if (strcmp(l->tag, tag) != 0 || strcmp(tag, "en") == 0)
		return app_target_status(req, PERM_TRANSLATION_EDIT,
		    WEFT_ERR_NOTFOUND);
	if (!tr_may_translate(req, tag))
		return 403;
	*out = l;
	return 0;
}

static const char tr_sql_phrase[] =
    "SELECT id, phrase_key, area, note, english, english_plural,"
    " english_hash, placeholders, used_in FROM phrases"
    " WHERE id = ? AND retired_at IS NULL";
static const char tr_sql_phrase_key[] =
    "SELECT id, phrase_key, area, note, english, english_plural,"
    " english_hash, placeholders, used_in FROM phrases"
    " WHERE phrase_key = ? AND retired_at IS NULL";
static const char tr_sql_forms[] =
    "SELECT plural_index, text, english_from, english_hash = ?,"
    " status = 'fuzzy' FROM translations WHERE phrase_id = ? AND lang = ?";

static char *
tr_dup(const char *s)
{
	return strdup(s != NULL ? s : "");
}

/* The forms of p in lang. */
static enum weft_err
tr_forms_load(struct tr_phrase *p, const struct i18n_lang *l)
{
	struct db_rows	*r;
	long long	 f;
	enum weft_err	 e;

	p->nforms = p->english_plural != NULL ? l->nplurals : 1;
	if ((e = db_query(&r, tr_sql_forms, "bis", p->hash, sizeof(p->hash),
	    p->id, l->tag)) != WEFT_OK)
		return e;
	while (db_next(r)) {
		if ((f = db_int(r, 0)) < 0 || f >= PLURAL_FORMS_MAX ||
		    p->text[f] != NULL)
			continue;
		if ((p->text[f] = tr_dup(db_str(r, 1))) == NULL ||
		    (p->from[f] = tr_dup(db_str(r, 2))) == NULL) {
			e = WEFT_ERR_NOMEM;
			break;
		}
		p->stale[f] = db_int(r, 3) == 0;
		p->fuzzy[f] = db_int(r, 4) != 0;
	}
	db_rows_free(r);
	return e;
}

static enum weft_err
tr_load(const char *sql, const char *fmt, long long id, const char *key,
    const struct i18n_lang *l, struct tr_phrase *p)
{
	struct db_rows	*r;
	enum weft_err	 e;

	memset(p, 0, sizeof(*p));
	e = key != NULL ? db_query(&r, sql, fmt, key) : db_query(&r, sql, fmt,
	    id);
	if (e != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	p->id = db_int(r, 0);
	util_copy(p->key, sizeof(p->key), db_str(r, 1));
	util_copy(p->area, sizeof(p->area), db_str(r, 2));
	if (db_len(r, 6) == sizeof(p->hash))
		memcpy(p->hash, db_str(r, 6), sizeof(p->hash));
	util_copy(p->placeholders, sizeof(p->placeholders), db_str(r, 7));
	if ((p->note = tr_dup(db_str(r, 3))) == NULL ||
	    (p->english = tr_dup(db_str(r, 4))) == NULL ||
	    (!db_null(r, 5) && (p->english_plural = tr_dup(db_str(r, 5))) ==
	    NULL) || (p->used_in = tr_dup(db_str(r, 8))) == NULL)
		e = WEFT_ERR_NOMEM;
	db_rows_free(r);
	return e == WEFT_OK ? tr_forms_load(p, l) : e;
}

enum weft_err
tr_phrase_load(long long id, const struct i18n_lang *l, struct tr_phrase *p)
{
	return tr_load(tr_sql_phrase, "i", id, NULL, l, p);
}

enum weft_err
tr_phrase_load_key(const char *key, const struct i18n_lang *l,
    struct tr_phrase *p)
{
	return tr_load(tr_sql_phrase_key, "s", 0, key, l, p);
}

void
tr_phrase_free(struct tr_phrase *p)
{
	size_t	 i;

	free(p->note);
	free(p->english);
	free(p->english_plural);
	free(p->used_in);
	for (i = 0; i < PLURAL_FORMS_MAX; i++) {
		free(p->text[i]);
		free(p->from[i]);
	}
	memset(p, 0, sizeof(*p));
}

enum tr_state
tr_phrase_state(const struct tr_phrase *p)
{
	int	 i, stale = 0;

	for (i = 0; i < p->nforms; i++) {
		if (p->text[i] == NULL || p->text[i][0] == '\0')
			return TR_MISSING;
		stale |= p->stale[i] || p->fuzzy[i];
	}
	return stale ? TR_STALE : TR_DONE;
}

/* Is {name} (len bytes) in the comma-separated list? */
static int
tr_listed(const char *list, const char *name, size_t len)
{
	const char	*s = list;

	while (*s != '\0') {
		if (strncmp(s, name, len) == 0 && (s[len] == ',' ||
		    s[len] == '\0'))
			return 1;
		if ((s = strchr(s, ',')) == NULL)
			return 0;
		s++;
	}
	return 0;
}

/* The first placeholder of text that list lacks, into out; 0 if none. */
static int
tr_extra(const char *text, const char *list, char *out, size_t n)
{
	struct catalogue_phrase	 one = { 0 };
	char			 names[256], *s, *next;

	one.one = (char *)text;
	catalogue_placeholders(&one, names, sizeof(names));
	for (s = names; *s != '\0'; s = next) {
		next = s + strcspn(s, ",");
		if (!tr_listed(list, s, (size_t)(next - s))) {
			snprintf(out, n, "%.*s", (int)(next - s), s);
			return 1;
		}
		if (*next == ',')
			next++;
	}
	return 0;
}

int
tr_check(const struct tr_phrase *p, char *const *forms, const char *lang,
    char *msg, size_t len)
{
	char		 name[64], all[1024], mine[256], *s, *next;
	struct buf	 b;
	int		 i;

	all[0] = '\0';
	for (i = 0; i < p->nforms; i++) {
		if (forms[i] == NULL || forms[i][0] == '\0')
			continue;
		if (tr_extra(forms[i], p->placeholders, name, sizeof(name))) {
			buf_init(&b);
			snprintf(msg, len, "%s", i18n_format(&b, lang,
			    N_("translations.check.extra"), "name", name,
			    NULL));
			buf_free(&b);
			return -1;
		}
		/* Joined, the forms' placeholders; the English's must all be. */
		snprintf(all + strlen(all), sizeof(all) - strlen(all), "%s%s",
		    forms[i], "\n");
	}
	util_copy(mine, sizeof(mine), p->placeholders);
	for (s = mine; *s != '\0'; s = next) {
		next = s + strcspn(s, ",");
		snprintf(name, sizeof(name), "{%.*s}", (int)(next - s), s);
		if (strstr(all, name) == NULL && !(p->english_plural != NULL &&
		    strcmp(name, "{n}") == 0)) {
			buf_init(&b);
			snprintf(name, sizeof(name), "%.*s", (int)(next - s), s);
			snprintf(msg, len, "%s", i18n_format(&b, lang,
			    N_("translations.check.missing"), "name", name,
			    NULL));
			buf_free(&b);
			return -1;
		}
		if (*next == ',')
			next++;
	}
	return 0;
}

enum weft_err
tr_generation_bump(void)
{
	return db_exec("UPDATE cache_generations SET generation ="
	    " generation + 1 WHERE name = 'catalogue'", "");
}
