/*
 * A language's work queue (GET /translations/:lang): its progress per
 * area, and its phrases filtered by state (missing, stale, done, all),
 * area and text (in the English, the key or the translation), fifty a
 * page in key order, each linking to its form.  A translator sees only
 * the languages of their grants (tr_lang_target()).
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "pager.h"
#include "translations.h"
#include "util.h"

#define TR_PAGE	50

static const char *const tr_filters[] = { "missing", "stale", "done", "all" };

enum { Q_STATE, Q_AREA, Q_TEXT, Q_AFTER, Q__MAX };
static const struct form_field tr_queue_fields[Q__MAX] = {
	[Q_STATE] = { "state", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(tr_filters) },
	[Q_AREA] = { "area", FORM_TEXT, 0, 0, 31 },
	[Q_TEXT] = { "q", FORM_TEXT, 0, 0, 64 },
	[Q_AFTER] = { "after", FORM_TEXT, 0, 0, 95, .flags = FORM_QUIET },
};

static const char tr_sql_queue[] =
    "SELECT p.id, p.phrase_key, p.area, p.english,"
    " COUNT(t.plural_index) AS forms,"
    " COALESCE(SUM(t.english_hash <> p.english_hash OR"
    " t.status = 'fuzzy'), 0) AS stale,"
    " MAX(CASE WHEN t.plural_index = 0 THEN t.text END),"
    " IF(p.english_plural IS NULL, 1, ?) AS need"
    " FROM phrases p LEFT JOIN translations t ON t.phrase_id = p.id"
    " AND t.lang = ? AND t.text <> ''"
    " WHERE p.retired_at IS NULL"
    " AND (? = '' OR p.area = CONVERT(? USING ascii))"
    " AND p.phrase_key > CONVERT(? USING ascii)"
    " AND (? = '' OR p.english LIKE ?"
    " OR p.phrase_key LIKE CONVERT(? USING ascii)"
    " OR EXISTS (SELECT 1 FROM translations x WHERE x.phrase_id = p.id"
    " AND x.lang = ? AND x.text LIKE ?))"
    " GROUP BY p.id"
    " HAVING ? = 'all' OR (? = 'missing' AND forms < need)"
    " OR (? = 'stale' AND forms >= need AND stale > 0)"
    " OR (? = 'done' AND forms >= need AND stale = 0)"
    " ORDER BY p.phrase_key LIMIT ?";

/* The rows of the page into d; the key of the last shown, for "next". */
static enum weft_err
tr_queue_rows(struct tmpl_dict *d, const struct i18n_lang *l,
    const struct form_value *v, const char *state, char *last, size_t n)
{
	struct db_rows		*r;
	struct tmpl_dict	*s;
	char			 like[2 * 64 + 4];
	size_t			 shown = 0;
	enum weft_err		 e;

	like[0] = '%';
	if (pager_like_prefix(like + 1, sizeof(like) - 1, v[Q_TEXT].str) ==
	    -1)
		return WEFT_ERR_INVALID;
	if ((e = db_query(&r, tr_sql_queue, "isssssssssssssi",
	    (long long)l->nplurals, l->tag, v[Q_AREA].str, v[Q_AREA].str,
	    v[Q_AFTER].str, v[Q_TEXT].str, like, like, l->tag, like, state,
	    state, state, state, (long long)TR_PAGE + 1)) != WEFT_OK)
		return e;
	last[0] = '\0';
	while (db_next(r)) {
		if (shown++ == TR_PAGE) {
			tmpl_show(d, "NEXT");
			break;
		}
		s = tmpl_section(d, "PHRASE");
		tmpl_set_int(s, "ID", db_int(r, 0));
		tmpl_set(s, "KEY", db_str(r, 1));
		tmpl_set(s, "AREA", db_str(r, 2));
		tmpl_set(s, "ENGLISH", db_str(r, 3));
		tmpl_set(s, "TEXT", db_str(r, 6));
		tmpl_show(s, db_int(r, 4) < db_int(r, 7) ? "MISSING" :
		    db_int(r, 5) > 0 ? "STALE" : "DONE");
		util_copy(last, n, db_str(r, 1));
	}
	db_rows_free(r);
	if (shown == 0)
		tmpl_show(d, "EMPTY");
	return WEFT_OK;
}

/* Progress per area, and the area filter's options. */
static enum weft_err
tr_queue_areas(struct tmpl_dict *d, const struct i18n_lang *l,
    const char *area)
{
	struct tr_counts	 per[TR_AREAS_MAX], all;
	struct tmpl_dict	*s;
	size_t			 i, n;
	enum weft_err		 e;

	if ((e = tr_count(l, per, &n, &all)) != WEFT_OK)
		return e;
	tr_counts_show(d, &all);
	for (i = 0; i < n; i++) {
		s = tmpl_section(d, "AREA");
		tmpl_set(s, "NAME", per[i].area);
		tr_counts_show(s, &per[i]);
		form_option(d, "AREA_OPTION", per[i].area, per[i].area,
		    strcmp(area, per[i].area) == 0);
	}
	return WEFT_OK;
}

int
tr_queue(struct request *req)
{
	const struct i18n_lang	*l;
	struct form_value	 v[Q__MAX];
	struct tmpl_dict	*d;
	struct buf		 next;
	const char		*state;
	char			 last[96];
	size_t			 i;
	int			 st;
	enum weft_err		 e;

	if ((st = tr_lang_target(req, 0, &l)) != 0)
		return st;
	if ((d = app_page(req, "translations/queue.tpl", l->name)) == NULL)
		return 500;
	tmpl_set(d, "TAG", l->tag);
	tmpl_set(d, "NAME", l->name);
	form_summary(d, app_lang(req), N_("form.summary.filters"), NULL, 0);
	if (form_read(tr_queue_fields, Q__MAX, &req->query, app_lang(req), d,
	    v) > 0)
		return app_render(req, 422);
	state = v[Q_STATE].set ? tr_filters[v[Q_STATE].choice] : "missing";
	for (i = 0; i < NELEM(tr_filters); i++)
		form_option(d, "STATE_OPTION", tr_filters[i], app_text(req,
		    (const char *const []){ N_("translations.queue.missing"),
		    N_("translations.queue.stale"), N_("translations.queue.done"),
		    N_("translations.queue.all") }[i]),
		    strcmp(state, tr_filters[i]) == 0);
	if ((e = tr_queue_areas(d, l, v[Q_AREA].str)) != WEFT_OK ||
	    (e = tr_queue_rows(d, l, v, state, last, sizeof(last))) != WEFT_OK)
		return app_status_of(e);
	buf_init(&next);
	buf_printf(&next, "/translations/%s?state=%s", l->tag, state);
	pager_param(&next, "area", v[Q_AREA].str);
	pager_param(&next, "q", v[Q_TEXT].str);
	pager_param(&next, "after", last);
	tmpl_set(d, "NEXT_HREF", next.p);
	buf_free(&next);
	return app_render(req, 200);
}
