/*
 * The talents directory (GET /ads/talents, issue 17): what approved
 * members offer as talents (sql/044), for every member, filtered by
 * category and searched by words, newest first with keyset paging.
 * Like the ads' directory it shows names, never contact details
 * (docs/authorization.md rule 8).
 *
 * Cost: a category filter reads member_talents_category; words read
 * talent_prefixes (sql/051), the longest word's range newest first, the
 * others one key each per row; neither reads more than a page of rows
 * once found (a category that few of a word's talents have excepted).
 */
#include <stdio.h>
#include <string.h>

#include "ads.h"
#include "db.h"
#include "exchanges.h"
#include "form.h"
#include "pager.h"
#include "util.h"

#define TALENTS_PAGE	50

enum { T_CATEGORY, T_Q, T_BEFORE, T__MAX };
static const struct form_field talents_dir_fields[T__MAX] = {
	[T_CATEGORY] = { "category", FORM_ID, 0, 0, 0 },
	[T_Q] = { "q", FORM_TEXT, 0, 0, 100 },
	[T_BEFORE] = { "before", FORM_ID, 0, 0, 0, .flags = FORM_QUIET },
};

/* The words searched: at most TALENT_TERMS, each cut to its first
 * TALENT_TERM_CHARS characters (talent_prefixes keeps no longer prefix),
 * one character alone left out (it keeps none so short either); the
 * longest first, to lead the search (the fewest talents, as a rule), and
 * the places of absent words filled with it (TALENT_ALSO). */
#define TALENT_TERMS		8
#define TALENT_TERM_CHARS	32
struct talent_terms {
	char	 t[TALENT_TERMS][TALENT_TERM_CHARS * 4 + 1];
	size_t	 n;
};

static void
talent_terms(const char *q, struct talent_terms *out)
{
	char		 tmp[sizeof(out->t[0])];
	const char	*w;
	size_t		 wl, i, chars, longest = 0, most = 0;

	memset(out, 0, sizeof(*out));
	while (out->n < TALENT_TERMS && (w = ads_next_word(&q, &wl)) != NULL) {
		for (i = chars = 0; i < wl; i++)
			if (((unsigned char)w[i] & 0xC0) != 0x80 &&
			    ++chars > TALENT_TERM_CHARS)
				break;
		if (chars < 2)
			continue;
		if (chars > TALENT_TERM_CHARS)
			chars = TALENT_TERM_CHARS;
		memcpy(out->t[out->n], w, i);
		if (chars > most) {
			most = chars;
			longest = out->n;
		}
		out->n++;
	}
	for (i = out->n; i < TALENT_TERMS; i++)
		memcpy(out->t[i], out->t[longest], sizeof(tmp));
	memcpy(tmp, out->t[0], sizeof(tmp));
	memcpy(out->t[0], out->t[longest], sizeof(tmp));
	memcpy(out->t[longest], tmp, sizeof(tmp));
}

#define TALENT_COLS							\
	" t.id, m.name, m.username, COALESCE(n.name, c.name, ''), t.text"
#define TALENT_JOINS							\
	" JOIN members m ON m.id = t.member_id"				\
	" LEFT JOIN categories c ON c.id = t.category_id"		\
	" LEFT JOIN list_names n ON n.list = 'categories'"		\
	" AND n.item_id = c.id AND n.lang = ?"				\
	" WHERE m.status = 'approved' AND (? = 0 OR t.category_id = ?)"
/* Another word the talent has: one key of talent_prefixes per row of the
 * leading word's range (a plain join: as "EXISTS" MariaDB made a table of
 * every talent with the word first, 37,000 rows for a common one).  An
 * absent word is the leading one again, the key of the row itself. */
#define TALENT_ALSO(k)							\
	" JOIN talent_prefixes x" #k " ON x" #k ".prefix = ?"		\
	" AND x" #k ".talent_id = p.talent_id"

/* The rows of a page into TALENT sections; *last the last id shown. */
static enum weft_err
talents_dir_rows(struct request *req, struct tmpl_dict *d,
    const struct form_value *v, int *has_next, long long *last)
{
	struct db_rows		*r;
	struct tmpl_dict	*s;
	struct pager		 pg;
	struct pager_result	 pr;
	struct talent_terms	 w;
	long long		 cat = v[T_CATEGORY].set ? v[T_CATEGORY].id : 0;
	size_t			 n;
	enum weft_err		 e;

	pager_before_id(&pg, TALENTS_PAGE, v[T_BEFORE].set ?
	    v[T_BEFORE].id : 0);
	talent_terms(v[T_Q].str, &w);
	if (w.n == 0)
		e = db_query(&r, "SELECT" TALENT_COLS " FROM member_talents t"
		    TALENT_JOINS " AND (? = 0 OR t.id < ?)"
		    " ORDER BY t.id DESC LIMIT ?", "siiiii", app_lang(req),
		    cat, cat, pg.id, pg.id, (long long)pager_limit(&pg));
	else
		e = db_query(&r, "SELECT STRAIGHT_JOIN" TALENT_COLS
		    " FROM talent_prefixes p" TALENT_ALSO(1) TALENT_ALSO(2)
		    TALENT_ALSO(3) TALENT_ALSO(4) TALENT_ALSO(5) TALENT_ALSO(6)
		    TALENT_ALSO(7) " JOIN member_talents t ON t.id = p.talent_id"
		    TALENT_JOINS " AND p.prefix = ? AND (? = 0 OR p.talent_id < ?)"
		    " ORDER BY p.talent_id DESC LIMIT ?", "sssssss" "siis" "iii",
		    w.t[1], w.t[2], w.t[3], w.t[4], w.t[5], w.t[6], w.t[7],
		    app_lang(req), cat, cat, w.t[0], pg.id, pg.id,
		    (long long)pager_limit(&pg));
	if (e != WEFT_OK)
		return e;
	pager_result(&pg, db_nrows(r), &pr);
	for (n = 0; n < pr.shown && db_next(r); n++) {
		s = tmpl_section(d, "TALENT");
		tmpl_set(s, "NAME", db_str(r, 1));
		tmpl_set(s, "USERNAME", db_str(r, 2));
		tmpl_set(s, "CATEGORY", db_str(r, 3));
		tmpl_set(s, "TEXT", db_str(r, 4));
		*last = db_int(r, 0);
	}
	db_rows_free(r);
	tmpl_show(d, n == 0 ? "EMPTY" : "RESULTS");
	*has_next = pr.has_next;
	return WEFT_OK;
}

/* GET /ads/talents. */
int
ads_talents(struct request *req)
{
	struct form_value	 v[T__MAX];
	struct tmpl_dict	*d;
	struct buf		 params, url;
	long long		 last = 0;
	enum weft_err		 e;
	int			 has_next = 0;

	if ((d = app_page(req, "exchanges/talents.tpl",
	    app_text(req, N_("talents.directory.title")))) == NULL)
		return 500;
	if (form_read(talents_dir_fields, T__MAX, &req->query, app_lang(req),
	    d, v) > 0) {
		if ((e = ads_category_options(d, 0, 0)) != WEFT_OK)
			return app_status_of(e);
		return app_render(req, 422);
	}
	if ((e = ads_category_options(d, v[T_CATEGORY].set ?
	    v[T_CATEGORY].id : 0, 0)) != WEFT_OK ||
	    (e = talents_dir_rows(req, d, v, &has_next, &last)) != WEFT_OK)
		return app_status_of(e);
	if (!has_next)
		return app_render(req, 200);
	buf_init(&params);
	buf_init(&url);
	pager_param(&params, "category", v[T_CATEGORY].str);
	pager_param(&params, "q", v[T_Q].str);
	pager_href_before(&url, "/ads/talents", params.p, NULL, last);
	if (!buf_failed(&params) && !buf_failed(&url))
		tmpl_set(tmpl_section(d, "NEXT"), "HREF", url.p);
	buf_free(&params);
	buf_free(&url);
	return app_render(req, 200);
}
