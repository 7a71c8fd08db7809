/*
 * The talents directory (GET /ads/talents, issue 17): what approved
 * members offer as talents (sql/044), for every member, filtered by
 * category and searched by words, newest first with keyset paging.
 * Like the ads' directory it shows names, never contact details
 * (docs/authorization.md rule 8).
 *
 * Cost: a category filter reads member_talents_category; words read the
 * full-text index; neither reads more than a page of rows once found.
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

/* The rows of a page into TALENT sections; *last the last id shown. */
static enum weft_err
talents_dir_rows(struct request *req, struct tmpl_dict *d,
    const struct form_value *v, int *has_next, long long *last)
{
	struct db_rows		*r;
	struct tmpl_dict	*s;
	struct pager		 pg;
	struct pager_result	 pr;
	long long		 cat = v[T_CATEGORY].set ? v[T_CATEGORY].id : 0;
	char			 ft[512];
	size_t			 n;
	enum weft_err		 e;

	pager_before_id(&pg, TALENTS_PAGE, v[T_BEFORE].set ?
	    v[T_BEFORE].id : 0);
	ads_ft_query(v[T_Q].str, ft, sizeof(ft));
	if ((e = db_query(&r, "SELECT t.id, m.name, m.username,"
	    " COALESCE(n.name, c.name, ''), t.text FROM member_talents t"
	    " JOIN members m ON m.id = t.member_id"
	    " LEFT JOIN categories c ON c.id = t.category_id"
	    " LEFT JOIN list_names n ON n.list = 'categories'"
	    " AND n.item_id = c.id AND n.lang = ?"
	    " WHERE m.status = 'approved'"
	    " AND (? = 0 OR t.category_id = ?)"
	    " AND (? = '' OR MATCH (t.text) AGAINST (? IN BOOLEAN MODE))"
	    " AND (? = 0 OR t.id < ?)"
	    " ORDER BY t.id DESC LIMIT ?", "siissiii", app_lang(req), cat, cat,
	    ft, ft, pg.id, pg.id, (long long)pager_limit(&pg))) != WEFT_OK)
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
