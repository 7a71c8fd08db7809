/*
 * The special pages: their table and reading their text (special.h).
 */
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "settings.h"
#include "special.h"
#include "tmpl.h"

const struct special_def special_defs[SPECIAL__MAX] = {
	[SPECIAL_WELCOME] = { "welcome", N_("special.welcome"),
	    N_("special.welcome.help") },
	[SPECIAL_ABOUT] = { "about", N_("special.about"),
	    N_("special.about.help") },
	[SPECIAL_TERMS] = { "terms", N_("special.terms"),
	    N_("special.terms.help") },
	[SPECIAL_PRIVACY] = { "privacy", N_("special.privacy"),
	    N_("special.privacy.help") },
	[SPECIAL_AWAITING] = { "awaiting", N_("special.awaiting"),
	    N_("special.awaiting.help") },
	[SPECIAL_PAYMENTS] = { "payments", N_("special.payments"),
	    N_("special.payments.help") },
};

int
special_find(const char *key, enum special_page *out)
{
	size_t	 i;

	for (i = 0; i < SPECIAL__MAX; i++)
		if (strcmp(special_defs[i].key, key) == 0) {
			*out = (enum special_page)i;
			return 0;
		}
	return -1;
}

enum weft_err
special_current(enum special_page page, const char *lang, struct buf *out,
    long long *version)
{
	struct db_rows	*r;
	enum weft_err	 e;

	*version = 0;
	if ((e = db_query(&r, "SELECT id, body FROM special_pages"
	    " WHERE page = ? AND lang = ? ORDER BY id DESC LIMIT 1", "ss",
	    special_defs[page].key, lang)) != WEFT_OK)
		return e;
	if (db_next(r) && db_len(r, 1) > 0) {
		*version = db_int(r, 0);
		buf_append(out, db_str(r, 1), db_len(r, 1));
	}
	db_rows_free(r);
	return buf_failed(out) ? WEFT_ERR_NOMEM : WEFT_OK;
}

enum weft_err
special_text(enum special_page page, const char *lang, struct buf *out,
    int *found)
{
	const char	*dflt = settings_str(SETTING_DEFAULT_LANGUAGE);
	long long	 version;
	enum weft_err	 e;

	*found = 0;
	if ((e = special_current(page, lang, out, &version)) != WEFT_OK)
		return e;
	if (version == 0 && strcmp(lang, dflt) != 0 &&
	    (e = special_current(page, dflt, out, &version)) != WEFT_OK)
		return e;
	*found = version != 0;
	return WEFT_OK;
}

enum weft_err
special_readable(const char *lang, int readable[SPECIAL__MAX])
{
	struct db_rows	*r;
	enum special_page p;
	enum weft_err	 e;

	memset(readable, 0, sizeof(int) * SPECIAL__MAX);
	/* The latest version of each page in the two languages, where it
	 * is not empty (an empty one falls back, as in special_text()). */
	if ((e = db_query(&r, "SELECT DISTINCT s.page FROM special_pages s"
	    " WHERE s.lang IN (?, ?) AND LENGTH(s.body) > 0"
	    " AND s.id = (SELECT MAX(t.id) FROM special_pages t"
	    " WHERE t.page = s.page AND t.lang = s.lang)", "ss", lang,
	    settings_str(SETTING_DEFAULT_LANGUAGE))) != WEFT_OK)
		return e;
	while (db_next(r))
		if (special_find(db_str(r, 0), &p) == 0)
			readable[p] = 1;
	db_rows_free(r);
	return WEFT_OK;
}

enum weft_err
special_set(struct tmpl_dict *d, const char *key, enum special_page page,
    const char *lang, int heading, int *found)
{
	struct buf	 b;
	enum weft_err	 e;

	buf_init(&b);
	if ((e = special_text(page, lang, &b, found)) == WEFT_OK && *found)
		tmpl_set_markup(d, key, b.p, heading);
	buf_free(&b);
	return e;
}
