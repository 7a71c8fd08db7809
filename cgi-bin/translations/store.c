/*
 * Writing one phrase's translation in one language (tr_store(), for the
 * phrase form and the PO import alike): the forms that differ, each a row
 * of translations with the English it was made from, and one audit row
 * with the before and after of them all.
 */
#include <string.h>

#include "audit.h"
#include "catalogue.h"
#include "db.h"
#include "translations.h"

static const char tr_sql_upsert[] =
    "INSERT INTO translations (phrase_id, lang, plural_index, text, status,"
    " english_hash, english_from, translator_id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
    " text = VALUES(text), status = VALUES(status),"
    " english_hash = VALUES(english_hash),"
    " english_from = VALUES(english_from),"
    " translator_id = VALUES(translator_id), updated_at = UTC_TIMESTAMP()";
static const char tr_sql_delete[] =
    "DELETE FROM translations WHERE phrase_id = ? AND lang = ?"
    " AND plural_index = ?";

static int
tr_empty(const char *s)
{
	return s == NULL || s[0] == '\0';
}

/* Does form i need writing? */
static int
tr_differs(const struct tr_phrase *p, int i, const char *text, int current,
    int fuzzy)
{
	if (tr_empty(text))
		return !tr_empty(p->text[i]);
	if (tr_empty(p->text[i]) || strcmp(text, p->text[i]) != 0)
		return 1;
	/* The same words: a change only if it changes what they are of. */
	return (current && p->stale[i]) || fuzzy != p->fuzzy[i] ||
	    (!current && !p->stale[i]);
}

/* {"lang":"es","key":"...","text":["...", ...]} */
static void
tr_json(struct buf *b, const char *lang, const char *key,
    char *const *forms, int n)
{
	int	 i;

	buf_puts(b, "{\"lang\":");
	buf_json_str(b, lang);
	buf_puts(b, ",\"key\":");
	buf_json_str(b, key);
	buf_puts(b, ",\"text\":[");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(b, ",");
		buf_json_str(b, forms[i] != NULL ? forms[i] : "");
	}
	buf_puts(b, "]}");
}

static enum weft_err
tr_write(const struct request *req, const struct tr_phrase *p,
    const char *lang, int i, const char *text, const unsigned char *hash,
    const char *from, int fuzzy)
{
	if (tr_empty(text))
		return db_exec(tr_sql_delete, "isi", p->id, lang, (long long)i);
	return db_exec(tr_sql_upsert, "isissbsi", p->id, lang, (long long)i,
	    text, fuzzy ? "fuzzy" : "done", hash, (size_t)32, from,
	    req->actor.member_id);
}

enum weft_err
tr_store(const struct request *req, const struct tr_phrase *p,
    const char *lang, char *const *forms, const char *from_one,
    const char *from_other, int fuzzy, int *changed)
{
	struct catalogue_phrase	 src = { 0 };
	unsigned char		 hash[32];
	struct buf		 before, after;
	int			 i, current = from_one == NULL;
	enum weft_err		 e = WEFT_OK;

	*changed = 0;
	src.one = (char *)(current ? p->english : from_one);
	src.other = current ? p->english_plural : (char *)from_other;
	catalogue_hash(&src, hash);
	for (i = 0; e == WEFT_OK && i < p->nforms; i++) {
		if (!tr_differs(p, i, forms[i], current, fuzzy))
			continue;
		*changed = 1;
		e = tr_write(req, p, lang, i, forms[i], hash, i > 0 &&
		    src.other != NULL ? src.other : src.one, fuzzy);
	}
	if (e != WEFT_OK || !*changed)
		return e;
	buf_init(&before);
	buf_init(&after);
	tr_json(&before, lang, p->key, p->text, p->nforms);
	tr_json(&after, lang, p->key, forms, p->nforms);
	if (buf_failed(&before) || buf_failed(&after))
		e = WEFT_ERR_NOMEM;
	else
		e = audit_write(&req->actor, "translation.edit", "phrase",
		    p->id, 0, before.p, after.p);
	buf_free(&before);
	buf_free(&after);
	return e;
}
