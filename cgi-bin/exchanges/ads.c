/*
 * Reading offers and requests (issue 4, "Offers and requests"): the
 * members' directory of active ads, a member's own ads (and those of the
 * members they act for), the coordinators' list with every filter
 * (ad.list, in the coordinator's scope) and one ad.
 *
 * Lists page by keyset: newest first, the next page starts below the last
 * id shown (?before=ID), so a page costs the same however deep it is and
 * new ads never shift a page under the reader.
 */
#include <stdio.h>
#include <string.h>

#include "ads.h"
#include "buf.h"
#include "db.h"
#include "filters.h"
#include "form.h"
#include "i18n_conv.h"
#include "ledger.h"
#include "lists.h"
#include "pager.h"
#include "util.h"

#define ADS_MANAGE_PAGE	50
#define ADS_MINE_MAX	100	/* ads per member on "My ads" */
#define ADS_ACTS_MAX	16	/* members one acts for, on "My ads" */
#define ADS_FT_WORDS	8

/* ---- filters ------------------------------------------------------- */

/* A letter or digit of a search word: any non-ASCII byte counts, so that
 * words in every script stay whole. */
static int
ads_word_char(char c)
{
	return (unsigned char)c >= 0x80 || (c >= '0' && c <= '9') ||
	    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

const char *
ads_next_word(const char **q, size_t *len)
{
	const char	*w;

	while (**q != '\0' && !ads_word_char(**q))
		(*q)++;
	for (w = *q; **q != '\0' && ads_word_char(**q); (*q)++)
		continue;
	*len = (size_t)(*q - w);
	return *len == 0 ? NULL : w;
}

/*
 * The words of a search as a boolean-mode full-text query: each word a
 * required prefix ("+bike* +repair*"), so that every word must appear and
 * no operator typed by the user reaches the parser.  At most ADS_FT_WORDS
 * words; out is "" when there is none.
 */
void
ads_ft_query(const char *q, char *out, size_t len)
{
	const char	*w;
	size_t		 n = 0, wl, words = 0;

	out[0] = '\0';
	while (words < ADS_FT_WORDS && (w = ads_next_word(&q, &wl)) != NULL) {
		if (n + wl + 4 > len)
			break;
		if (n > 0)
			out[n++] = ' ';
		out[n++] = '+';
		memcpy(out + n, w, wl);
		n += wl;
		out[n++] = '*';
		out[n] = '\0';
		words++;
	}
}

/* The kind filter's select: KIND_OFFER_SELECTED / KIND_REQUEST_SELECTED;
 * its choice in the summary s. */
static void
ads_kind_filter(struct tmpl_dict *d, const struct form_value *kind,
    struct filters *s)
{
	static const char *const sections[AD_KIND__MAX] = {
		[AD_OFFER] = "KIND_OFFER_SELECTED",
		[AD_REQUEST] = "KIND_REQUEST_SELECTED",
	};
	static const char *const labels[AD_KIND__MAX] = {
		[AD_OFFER] = N_("ads.filter.offers"),
		[AD_REQUEST] = N_("ads.filter.requests"),
	};

	if (!kind->set)
		return;
	tmpl_show(d, sections[kind->choice]);
	filters_add(s, i18n_text(s->lang, labels[kind->choice]));
}

/* The id of an optional id filter, 0 for none. */
static long long
ads_id(const struct form_value *v)
{
	return v->set ? v->id : 0;
}

/* Options of a community filter: every community, or with perm only
 * those in the actor's scope for perm; the chosen one in the summary s. */
static enum weft_err
ads_community_filter(const struct request *req, struct tmpl_dict *d,
    long long selected, int limit, enum perm perm, struct filters *s)
{
	struct db_rows		*r = NULL;
	struct scope		 sc;
	enum weft_err		 e;

	if ((e = db_query(&r, "SELECT id, name FROM communities"
	    " ORDER BY name, id", "")) != WEFT_OK)
		return e;
	while (db_next(r)) {
		ads_scope_of(db_int(r, 0), 0, &sc);
		if (limit && !role_allows(&req->actor.grants, perm, &sc))
			continue;
		form_option(d, "COMMUNITY_OPTION", db_str(r, 0), db_str(r, 1),
		    db_int(r, 0) == selected);
		if (db_int(r, 0) == selected)
			filters_add(s, db_str(r, 1));
	}
	db_rows_free(r);
	return WEFT_OK;
}

/* One row of a list; columns as in the directory's and manager's
 * queries: id, kind, title, category, community, owner name, owner
 * username, expires_on. */
static struct tmpl_dict *
ads_row(const struct request *req, struct tmpl_dict *d,
    const struct db_rows *r)
{
	struct tmpl_dict	*s = tmpl_section(d, "AD");
	enum ad_kind		 k;

	tmpl_set(s, "ID", db_str(r, 0));
	if (ad_kind_parse(db_str(r, 1), &k) == 0)
		tmpl_set(s, "KIND", app_text(req, ad_kind_phrases[k]));
	tmpl_set(s, "TITLE", db_str(r, 2));
	tmpl_set(s, "CATEGORY", db_str(r, 3));
	tmpl_set(s, "COMMUNITY", db_str(r, 4)[0] != '\0' ? db_str(r, 4) :
	    "—");
	tmpl_set(s, "OWNER_NAME", db_str(r, 5));
	tmpl_set(s, "OWNER_USERNAME", db_str(r, 6));
	i18n_set_date(s, "EXPIRES_ON", app_lang(req), db_str(r, 7));
	return s;
}

/* The "next page" link when the query found one row more than a page:
 * path with the n filters of the list's table again, as sent (v), and
 * before= the last id shown. */
static enum weft_err
ads_next(struct tmpl_dict *d, const char *path,
    const struct form_field *fields, const struct form_value *v, size_t n,
    long long last)
{
	struct buf	 params, url;
	enum weft_err	 e;
	size_t		 i;

	buf_init(&params);
	buf_init(&url);
	for (i = 0; i < n; i++)
		pager_param(&params, fields[i].name, v[i].str);
	pager_href_before(&url, path, params.p, NULL, last);
	e = buf_failed(&params) || buf_failed(&url) ? WEFT_ERR_NOMEM :
	    WEFT_OK;
	if (e == WEFT_OK)
		tmpl_set(tmpl_section(d, "NEXT"), "HREF", url.p);
	buf_free(&params);
	buf_free(&url);
	return e;
}

/* ---- the directory ------------------------------------------------- */

enum { D_KIND, D_CATEGORY, D_COMMUNITY, D_Q, D_BEFORE, D__MAX };
static const struct form_field directory_fields[D__MAX] = {
	[D_KIND] = { "kind", FORM_CHOICE, 0, 0, 16,
	    FORM_CHOICES(ad_kind_keys), .refusal = N_("ads.error.kind") },
	[D_CATEGORY] = { "category", FORM_ID, 0, 0, 0 },
	[D_COMMUNITY] = { "community", FORM_ID, 0, 0, 0 },
	[D_Q] = { "q", FORM_TEXT, 0, 0, 100 },
	[D_BEFORE] = { "before", FORM_ID, 0, 0, 0 },
};

/*
 * One statement for every combination of filters: MariaDB optimises a
 * prepared statement again at each execution with the bound values as
 * constants, so "? = '' OR ..." folds away and a text search still uses
 * the full-text index.  The ads drive the join (STRAIGHT_JOIN) and are
 * read newest first along the primary key, or ads_kind_id with a kind
 * filter (sql/007), stopping after a page: left to itself the optimizer
 * starts from the twelve categories, reads every ad of each, and sorts
 * them all (5-8 ms at 2,000 ads, against 0.2-0.3 ms; tests/bench).
 */
static enum weft_err
ads_directory_rows(struct request *req, struct tmpl_dict *d,
    const struct form_value *v, size_t *shown)
{
	struct db_rows		*r = NULL;
	struct pager		 pg;
	struct pager_result	 pr;
	const char		*kind = v[D_KIND].str;
	long long		 cat = ads_id(&v[D_CATEGORY]);
	long long		 comm = ads_id(&v[D_COMMUNITY]);
	long long		 last = 0;
	char			 ft[512];
	size_t			 n;
	enum weft_err		 e;

	pager_before_id(&pg, AD_PAGE, ads_id(&v[D_BEFORE]));
	ads_ft_query(v[D_Q].str, ft, sizeof(ft));
	if ((e = db_query(&r, "SELECT STRAIGHT_JOIN a.id, a.kind, a.title,"
	    " c.name, COALESCE(cm.name, ''), m.name, m.username, a.expires_on"
	    " FROM ads a FORCE INDEX FOR ORDER BY (PRIMARY, ads_kind_id)"
	    " JOIN members m ON m.id = a.member_id"
	    " JOIN categories c ON c.id = a.category_id"
	    " LEFT JOIN communities cm ON cm.id = a.community_id"
	    " WHERE a.status = 'active' AND a.expires_on >= UTC_DATE()"
	    " AND m.status = 'approved'"
	    " AND (? = '' OR a.kind = ?)"
	    " AND (? = 0 OR a.category_id = ?)"
	    " AND (? = 0 OR a.community_id = ?)"
	    " AND (? = '' OR MATCH (a.title, a.description)"
	    " AGAINST (? IN BOOLEAN MODE))"
	    " AND (? = 0 OR a.id < ?)"
	    " ORDER BY a.id DESC LIMIT ?", "ssiiiissiii", kind, kind, cat,
	    cat, comm, comm, ft, ft, pg.id, pg.id,
	    (long long)pager_limit(&pg))) != WEFT_OK)
		return e;
	pager_result(&pg, db_nrows(r), &pr);
	for (n = 0; n < pr.shown && db_next(r); n++) {
		ads_row(req, d, r);
		last = db_int(r, 0);
	}
	db_rows_free(r);
	tmpl_show(d, n == 0 ? "EMPTY" : "RESULTS");
	*shown = n;
	return pr.has_next ? ads_next(d, "/ads", directory_fields, v,
	    D_BEFORE, last) : WEFT_OK;
}

/* The chosen category's name in the summary s. */
static enum weft_err
ads_category_summary(struct filters *s, long long id)
{
	char		 name[256];
	enum weft_err	 e;

	if (id == 0)
		return WEFT_OK;
	if ((e = lists_name(LIST_CATEGORY, id, s->lang, name,
	    sizeof(name))) != WEFT_OK)
		return e;
	filters_add(s, name);
	return WEFT_OK;
}

/*
 * The page of an ad list with its filter form: the n filters of table
 * fields read from the query string into v (the kind first, the
 * category and community at cat and comm), the selects filled (the
 * communities limited to the actor's ad.list scope when limit), and
 * those three choices the first parts of the summary s (filters.h), which
 * the caller goes on with and shows.  NULL with *st the status to answer
 * on an error (s freed); else *bad is how many filters were refused.
 */
static struct tmpl_dict *
ads_list_page(struct request *req, const char *tpl, const char *title_key,
    const struct form_field *fields, size_t n, size_t cat, size_t comm,
    int limit, struct form_value *v, size_t *bad, struct filters *s, int *st)
{
	struct tmpl_dict	*d;
	enum weft_err		 e;

	*st = 500;
	filters_init(s, app_lang(req));
	if ((d = app_page(req, tpl, app_text(req, title_key))) == NULL)
		return NULL;
	*bad = form_read(fields, n, &req->query, app_lang(req), d, v);
	ads_kind_filter(d, &v[0], s);
	if ((e = ads_category_options(d, ads_id(&v[cat]), 0)) != WEFT_OK ||
	    (e = ads_category_summary(s, ads_id(&v[cat]))) != WEFT_OK ||
	    (e = ads_community_filter(req, d, ads_id(&v[comm]), limit,
	    PERM_AD_LIST, s)) != WEFT_OK) {
		filters_show(s, d, N_("ads.filters.all"), 1);
		*st = app_status_of(e);
		return NULL;
	}
	return d;
}

/* GET /ads: active, unexpired ads of approved members. */
int
ads_directory(struct request *req)
{
	struct form_value	 v[D__MAX];
	struct tmpl_dict	*d;
	struct filters		 s;
	enum weft_err		 e;
	size_t			 bad, shown = 0;
	int			 st;

	if ((d = ads_list_page(req, "exchanges/ads_directory.tpl",
	    N_("ads.title.directory"), directory_fields, D__MAX, D_CATEGORY,
	    D_COMMUNITY, 0, v, &bad, &s, &st)) == NULL)
		return st;
	if (role_allows_somewhere(&req->actor.grants, PERM_AD_LIST))
		tmpl_show(d, "MANAGE");
	filters_add_value(&s, N_("ads.filters.words"), v[D_Q].str);
	if (bad == 0 && (e = ads_directory_rows(req, d, v, &shown)) !=
	    WEFT_OK) {
		filters_show(&s, d, N_("ads.filters.all"), 1);
		return app_status_of(e);
	}
	/* Folded while ads are listed (filters.h). */
	filters_show(&s, d, N_("ads.filters.all"), bad > 0 || shown == 0);
	return app_render(req, bad > 0 ? 422 : 200);
}

/* ---- my ads -------------------------------------------------------- */

struct ads_someone {
	long long	 id;
	char		 name[128 * 4 + 1];
	enum act_as	 as;
};

/*
 * Who the actor acts for (act.h), for "My ads": the acting member first,
 * then the candidates of the guardian angel and organisation manager
 * rows, each confirmed by act_for() so that its rule (mode on, approved,
 * an organisation) is decided in one place.  Returns how many, or 0 on
 * a database error (*e set).
 */
static size_t
ads_acts_for(const struct request *req, struct ads_someone *out, size_t max,
    enum weft_err *e)
{
	struct db_rows	*r = NULL;
	size_t		 n = 0;

	out[n].id = req->actor.acting_id;
	snprintf(out[n].name, sizeof(out[n].name), "%s", req->actor.name);
	out[n++].as = ACT_SELF;
	if ((*e = db_query(&r, "SELECT m.id, m.name FROM guardian_angels g"
	    " JOIN members m ON m.id = g.member_id WHERE g.angel_id = ?"
	    " UNION SELECT m.id, m.name FROM org_managers o"
	    " JOIN members m ON m.id = o.org_id WHERE o.manager_id = ?"
	    " ORDER BY 2, 1 LIMIT 16", "ii", req->actor.acting_id,
	    req->actor.acting_id)) != WEFT_OK)
		return 0;
	while (db_next(r) && n < max) {
		out[n].id = db_int(r, 0);
		snprintf(out[n].name, sizeof(out[n].name), "%s",
		    db_str(r, 1));
		if ((*e = act_for(&req->actor, out[n].id, &out[n].as)) !=
		    WEFT_OK) {
			db_rows_free(r);
			return 0;
		}
		if (out[n].as != ACT_NONE && out[n].as != ACT_SELF)
			n++;
	}
	db_rows_free(r);
	return n;
}

/* One member's active ads (expired ones too: they are the ones to
 * renew), newest first, as a GROUP of the page.  A member with more than
 * ADS_MINE_MAX is told so; the coordinators' list pages through all. */
static enum weft_err
ads_mine_group(struct request *req, struct tmpl_dict *d,
    const struct ads_someone *who)
{
	struct db_rows		*r = NULL;
	struct tmpl_dict	*g, *s;
	enum ad_kind		 k;
	enum weft_err		 e;
	size_t			 n = 0;

	g = tmpl_section(d, "GROUP");
	tmpl_show(g, who->as == ACT_SELF ? "SELF" : who->as == ACT_ANGEL ?
	    "ANGEL" : "MANAGER");
	tmpl_set(g, "NAME", who->name);
	if ((e = db_query(&r, "SELECT a.id, a.kind, a.title, c.name,"
	    " COALESCE(cm.name, ''), a.expires_on, a.expires_on < UTC_DATE()"
	    " FROM ads a JOIN categories c ON c.id = a.category_id"
	    " LEFT JOIN communities cm ON cm.id = a.community_id"
	    " WHERE a.member_id = ? AND a.status = 'active'"
	    " ORDER BY a.id DESC LIMIT 101", "i", who->id)) != WEFT_OK)
		return e;
	if (db_nrows(r) == 0)
		tmpl_show(g, "EMPTY");
	else
		tmpl_show(g, "RESULTS");
	if (db_nrows(r) > ADS_MINE_MAX)	/* LIMIT is ADS_MINE_MAX + 1 */
		tmpl_set_int(tmpl_section(g, "MORE"), "MINE_MAX",
		    ADS_MINE_MAX);
	while (db_next(r) && n++ < ADS_MINE_MAX) {
		s = tmpl_section(g, "AD");
		tmpl_set(s, "ID", db_str(r, 0));
		if (ad_kind_parse(db_str(r, 1), &k) == 0)
			tmpl_set(s, "KIND", app_text(req, ad_kind_phrases[k]));
		tmpl_set(s, "TITLE", db_str(r, 2));
		tmpl_set(s, "CATEGORY", db_str(r, 3));
		tmpl_set(s, "COMMUNITY", db_str(r, 4)[0] != '\0' ?
		    db_str(r, 4) : "—");
		i18n_set_date(s, "EXPIRES_ON", app_lang(req), db_str(r, 5));
		if (db_int(r, 6) != 0)
			tmpl_show(s, "EXPIRED");
		tmpl_set(s, "CSRF", req->actor.csrf);
	}
	db_rows_free(r);
	return WEFT_OK;
}

/* GET /ads/mine. */
int
ads_mine(struct request *req)
{
	struct ads_someone	 who[ADS_ACTS_MAX + 1];
	struct tmpl_dict	*d;
	enum weft_err		 e = WEFT_OK;
	size_t			 i, n;

	if ((n = ads_acts_for(req, who, NELEM(who), &e)) == 0)
		return app_status_of(e);
	if ((d = app_page(req, "exchanges/ads_mine.tpl",
	    app_text(req, N_("ads.title.mine")))) == NULL)
		return 500;
	for (i = 0; i < n; i++)
		if ((e = ads_mine_group(req, d, &who[i])) != WEFT_OK)
			return app_status_of(e);
	return app_render(req, 200);
}

/* ---- the coordinators' list ---------------------------------------- */

/* The status filter: "" (any), active (and current), expired, deleted. */
static const char *const ads_status_keys[] = {
	"active", "expired", "deleted",
};

/* The filters, in the order of the next page's link, then the page. */
enum { M_KIND, M_STATUS, M_CATEGORY, M_COMMUNITY, M_MEMBER, M_Q, M_FROM,
    M_TO, M_BEFORE, M__MAX };
static const struct form_field manage_fields[M__MAX] = {
	[M_KIND] = { "kind", FORM_CHOICE, 0, 0, 16,
	    FORM_CHOICES(ad_kind_keys), .refusal = N_("ads.error.kind") },
	[M_STATUS] = { "status", FORM_CHOICE, 0, 0, 16,
	    FORM_CHOICES(ads_status_keys), .refusal = N_("ads.error.status") },
	[M_CATEGORY] = { "category", FORM_ID, 0, 0, 0 },
	[M_COMMUNITY] = { "community", FORM_ID, 0, 0, 0 },
	[M_MEMBER] = { "member", FORM_USERNAME, 0, 0, 0 },
	[M_Q] = { "q", FORM_TEXT, 0, 0, 100 },
	[M_FROM] = { "from", FORM_DATE, 0, 0, 0 },
	[M_TO] = { "to", FORM_DATE, 0, 0, 0 },
	[M_BEFORE] = { "before", FORM_ID, 0, 0, 0 },
};

static void
ads_status_filter(struct tmpl_dict *d, const struct form_value *st,
    struct filters *s)
{
	static const char *const sections[] = { "STATUS_ACTIVE_SELECTED",
	    "STATUS_EXPIRED_SELECTED", "STATUS_DELETED_SELECTED" };
	static const char *const labels[] = {
		N_("ads.manage.status_active"), N_("ads.status.expired"),
		N_("ads.status.deleted"),
	};

	if (!st->set)
		return;
	tmpl_show(d, sections[st->choice]);
	filters_add(s, i18n_text(s->lang, labels[st->choice]));
}

static const char ads_manage_sql[] =
    "SELECT a.id, a.kind, a.title, c.name, COALESCE(cm.name, ''), m.name,"
    " m.username, a.expires_on, a.status = 'deleted',"
    " a.expires_on < UTC_DATE(), a.created_at"
    " FROM ads a JOIN members m ON m.id = a.member_id"
    " JOIN categories c ON c.id = a.category_id"
    " LEFT JOIN communities cm ON cm.id = a.community_id"
    " WHERE (? = 1 OR FIND_IN_SET(COALESCE(a.community_id, m.community_id),"
    " ?))"
    " AND (? = '' OR a.kind = ?)"
    " AND (? = '' OR (? = 'active' AND a.status = 'active'"
    " AND a.expires_on >= UTC_DATE()) OR (? = 'expired'"
    " AND a.status = 'active' AND a.expires_on < UTC_DATE())"
    " OR (? = 'deleted' AND a.status = 'deleted'))"
    " AND (? = 0 OR a.category_id = ?)"
    " AND (? = 0 OR COALESCE(a.community_id, m.community_id) = ?)"
    " AND (? = '' OR m.username = ?)"
    " AND (? = '' OR MATCH (a.title, a.description)"
    " AGAINST (? IN BOOLEAN MODE))"
    " AND (? = '' OR a.created_at >= ?)"
    " AND (? = '' OR a.created_at < ? + INTERVAL 1 DAY)"
    " AND (? = 0 OR a.id < ?)"
    " ORDER BY a.id DESC LIMIT ?";

static enum weft_err
ads_manage_rows(struct request *req, struct tmpl_dict *d,
    const struct form_value *v, size_t *shown)
{
	struct db_rows		*r = NULL;
	struct tmpl_dict	*s;
	struct pager		 pg;
	struct pager_result	 pr;
	struct ledger_scope	 sc;
	const char		*kind = v[M_KIND].str;
	const char		*st = v[M_STATUS].str;
	const char		*mem = v[M_MEMBER].str;
	const char		*from = v[M_FROM].str;
	const char		*to = v[M_TO].str;
	long long		 cat = ads_id(&v[M_CATEGORY]),
				 comm = ads_id(&v[M_COMMUNITY]),
				 last = 0;
	char			 ft[512];
	size_t			 n;
	enum weft_err		 e;

	pager_before_id(&pg, ADS_MANAGE_PAGE, ads_id(&v[M_BEFORE]));
	/* The communities where the actor holds ad.list, as "1,4" for
	 * FIND_IN_SET (a bound parameter: the statement's text stays
	 * fixed).  An ad's community for this is its scope's: its own,
	 * else its owner's; an ad of neither is site's. */
	ledger_scope_of(&req->actor, PERM_AD_LIST, &sc);
	ads_ft_query(v[M_Q].str, ft, sizeof(ft));
	if ((e = db_query(&r, ads_manage_sql, "isssssssiiiissssssssiii",
	    (long long)sc.site, sc.list, kind, kind, st, st, st, st, cat,
	    cat, comm, comm, mem, mem, ft, ft, from, from, to, to, pg.id,
	    pg.id, (long long)pager_limit(&pg))) != WEFT_OK)
		return e;
	pager_result(&pg, db_nrows(r), &pr);
	for (n = 0; n < pr.shown && db_next(r); n++) {
		s = ads_row(req, d, r);
		if (db_int(r, 8) != 0)
			tmpl_show(s, "DELETED");
		else if (db_int(r, 9) != 0)
			tmpl_show(s, "EXPIRED");
		else
			tmpl_show(s, "ACTIVE");
		i18n_set_date(s, "CREATED_AT", app_lang(req), db_str(r, 10));
		last = db_int(r, 0);
	}
	db_rows_free(r);
	tmpl_show(d, n == 0 ? "EMPTY" : "RESULTS");
	*shown = n;
	return pr.has_next ? ads_next(d, "/ads/manage", manage_fields, v,
	    M_BEFORE, last) : WEFT_OK;
}

/* GET /ads/manage (ad.list): every ad in the actor's scope, deleted and
 * expired ones too, with every filter. */
int
ads_manage(struct request *req)
{
	struct form_value	 v[M__MAX];
	struct tmpl_dict	*d;
	struct filters		 s;
	enum weft_err		 e;
	size_t			 bad, shown = 0;
	int			 st;
	char			 day[24];

	if ((d = ads_list_page(req, "exchanges/ads_manage.tpl",
	    N_("ads.title.manage"), manage_fields, M__MAX, M_CATEGORY, M_COMMUNITY,
	    1, v, &bad, &s, &st)) == NULL)
		return st;
	ads_status_filter(d, &v[M_STATUS], &s);
	if (v[M_MEMBER].set)
		filters_add_value(&s, N_("ads.filters.member"),
		    v[M_MEMBER].str);
	filters_add_value(&s, N_("ads.filters.words"), v[M_Q].str);
	if (v[M_FROM].set) {
		i18n_date(s.lang, v[M_FROM].str, day, sizeof(day));
		filters_add_value(&s, N_("ads.filters.from"), day);
	}
	if (v[M_TO].set) {
		i18n_date(s.lang, v[M_TO].str, day, sizeof(day));
		filters_add_value(&s, N_("ads.filters.to"), day);
	}
	if (bad == 0 && (e = ads_manage_rows(req, d, v, &shown)) !=
	    WEFT_OK) {
		filters_show(&s, d, N_("ads.filters.all"), 1);
		return app_status_of(e);
	}
	filters_show(&s, d, N_("ads.filters.all"), bad > 0 || shown == 0);
	return app_render(req, bad > 0 ? 422 : 200);
}

/* ---- one ad -------------------------------------------------------- */

/*
 * GET /ads/:id.  An active ad is for every member; a deleted one only for
 * its owner (and who acts for them) and coordinators with ad.list over
 * its scope.  The buttons show what the actor may do.
 */
/* "Record an exchange for this ad", for a member who is not its owner
 * (nor acts for them) while the ad is up (issue 18): the form filled in
 * with both parties and the ad's number.  An offer's owner gave the
 * service (the reader received it, recorded at once); a request's owner
 * received it (the reader gave it: it waits for the owner). */
static void
ads_show_record(struct tmpl_dict *d, struct request *req,
    const struct ad *ad, enum act_as as)
{
	struct tmpl_dict	*s;
	int			 offer = ad->kind == AD_OFFER;

	if (ad->deleted || ad->expired || as != ACT_NONE ||
	    req->actor.acting_id == ad->member_id)
		return;
	s = tmpl_section(d, "RECORD");
	tmpl_set_int(s, "AD_ID", ad->id);
	tmpl_set(s, "PROVIDER", offer ? ad->owner_username :
	    req->actor.username);
	tmpl_set(s, "RECIPIENT", offer ? req->actor.username :
	    ad->owner_username);
}

int
ads_show(struct request *req)
{
	struct ad		 ad;
	struct tmpl_dict	*d;
	struct scope		 sc;
	enum act_as		 as;
	enum weft_err		 e;
	long long		 id = app_param_id(req, 0);
	int			 st, ok;

	e = id > 0 ? ad_load(id, 0, &ad) : WEFT_ERR_NOTFOUND;
	if ((st = app_target_status(req, PERM_AD_LIST, e)) != 0)
		return st;
	if ((ok = ads_reach(req, PERM_AD_LIST, &ad, &as)) == -1)
		return 500;
	if (ad.deleted && !ok)
		return 403;
	if ((d = app_page(req, "exchanges/ads_show.tpl", ad.title)) == NULL)
		return 500;
	ad_fill(d, req, &ad);
	ad_scope(&ad, &sc);
	if (!ad.deleted && (as != ACT_NONE ||
	    role_allows(&req->actor.grants, PERM_AD_EDIT, &sc)))
		tmpl_show(d, "CAN_EDIT");
	if (!ad.deleted && (as != ACT_NONE ||
	    role_allows(&req->actor.grants, PERM_AD_DELETE, &sc)))
		tmpl_show(d, "CAN_DELETE");
	ads_show_record(d, req, &ad, as);
	return app_render(req, 200);
}
