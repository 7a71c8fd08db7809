/*
 * Progress: how much of each language is translated, stale or missing,
 * in all and per area (GET /translations: the languages the actor may
 * translate).  A phrase is translated when it has every form its
 * language needs; stale when one of them was made from other English
 * than the phrase's now (or was imported as needing review).  Phrases are
 * a few hundred: one grouped query per language, counted here.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "translations.h"
#include "util.h"

static const char tr_sql_count[] =
    "SELECT p.area, p.english_plural IS NOT NULL, COUNT(t.plural_index),"
    " COALESCE(SUM(t.english_hash <> p.english_hash OR"
    " t.status = 'fuzzy'), 0)"
    " FROM phrases p LEFT JOIN translations t ON t.phrase_id = p.id"
    " AND t.lang = ? AND t.text <> ''"
    " WHERE p.retired_at IS NULL GROUP BY p.id ORDER BY p.area";

static struct tr_counts *
tr_area(struct tr_counts *per, size_t *n, const char *area)
{
	if (*n > 0 && strcmp(per[*n - 1].area, area) == 0)
		return &per[*n - 1];
	if (*n == TR_AREAS_MAX)
		return &per[*n - 1];	/* more areas than that: lumped */
	memset(&per[*n], 0, sizeof(per[*n]));
	util_copy(per[*n].area, sizeof(per[*n].area), area);
	return &per[(*n)++];
}

enum weft_err
tr_count(const struct i18n_lang *l, struct tr_counts *per, size_t *nareas,
    struct tr_counts *all)
{
	struct db_rows		*r;
	struct tr_counts	*c;
	enum tr_state		 st;
	long long		 need;
	enum weft_err		 e;

	*nareas = 0;
	memset(all, 0, sizeof(*all));
	if ((e = db_query(&r, tr_sql_count, "s", l->tag)) != WEFT_OK)
		return e;
	while (db_next(r)) {
		need = db_int(r, 1) ? l->nplurals : 1;
		st = db_int(r, 2) < need ? TR_MISSING : db_int(r, 3) > 0 ?
		    TR_STALE : TR_DONE;
		c = tr_area(per, nareas, db_str(r, 0));
		c->n[st]++;
		c->total++;
		all->n[st]++;
		all->total++;
	}
	db_rows_free(r);
	return WEFT_OK;
}

void
tr_counts_show(struct tmpl_dict *d, const struct tr_counts *c)
{
	static const char *const count[TR_STATE__MAX] = {
		"COUNT_MISSING", "COUNT_STALE", "COUNT_DONE" };
	static const char *const pct[TR_STATE__MAX] = {
		"PERCENT_MISSING", "PERCENT_STALE", "PERCENT_DONE" };
	size_t	 i;

	tmpl_set_int(d, "TOTAL", c->total);
	for (i = 0; i < TR_STATE__MAX; i++) {
		tmpl_set_int(d, count[i], c->n[i]);
		tmpl_set_int(d, pct[i], c->total > 0 ?
		    (c->n[i] * 100 + c->total / 2) / c->total : 0);
	}
}

/* GET /translations */
int
tr_index(struct request *req)
{
	const struct i18n_lang	*l;
	struct tr_counts	 per[TR_AREAS_MAX], all;
	struct tmpl_dict	*d, *s;
	size_t			 i, n, na, shown = 0;
	enum weft_err		 e;

	if ((d = app_page(req, "translations/index.tpl",
	    app_text(req, N_("translations.index.title")))) == NULL)
		return 500;
	if (role_allows(&req->actor.grants, PERM_SITE_CONFIG,
	    &(struct scope){ SCOPE_SITE, 0, "" }))
		tmpl_show(d, "MANAGE");
	l = i18n_languages(&n);
	for (i = 1; i < n; i++) {
		if (!tr_may_translate(req, l[i].tag))
			continue;
		if ((e = tr_count(&l[i], per, &na, &all)) != WEFT_OK)
			return app_status_of(e);
		s = tmpl_section(d, "LANGUAGE");
		tmpl_set(s, "TAG", l[i].tag);
		tmpl_set(s, "NAME", l[i].name);
		if (!l[i].enabled)
			tmpl_show(s, "DISABLED");
		tr_counts_show(s, &all);
		shown++;
	}
	if (shown == 0)
		tmpl_show(d, "NONE");
	return app_render(req, 200);
}
