/*
 * The coordinators' list of recorded exchanges (exchange.list): filters
 * (member, community, dates of service, category of the ad, recorded by,
 * reversed), totals of the filtered set, keyset paging, CSV export.
 * Scoped (docs/authorization.md rule 2): an exchange is listed when either
 * party is in one of the actor's communities, or everywhere for a site grant.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "exchanges.h"
#include "form.h"
#include "ledger.h"
#include "pager.h"
#include "util.h"
#include "valid.h"

#define LIST_PAGE	50
#define LIST_CSV_MAX	100000
#define LIST_NO_CURSOR	((1LL << 53) + 1)

/* The "reversed" filter: any; reversed or a reversal; neither. */
static const char *const list_reversed_keys[] = { "", "yes", "no" };

/* The query string: the filters and the page (ids below before). */
enum { X_MEMBER, X_COMMUNITY, X_FROM, X_TO, X_CATEGORY, X_RECORDED_BY,
    X_REVERSED, X_BEFORE, X__MAX };
static const struct form_field list_fields[X__MAX] = {
	[X_MEMBER] = { "member", FORM_TEXT, 0, 1, 64 },
	[X_COMMUNITY] = { "community", FORM_ID, 0, 0, 0 },
	[X_FROM] = { "from", FORM_DATE, 0, 0, 0 },
	[X_TO] = { "to", FORM_DATE, 0, 0, 0 },
	[X_CATEGORY] = { "category", FORM_ID, 0, 0, 0 },
	[X_RECORDED_BY] = { "recorded_by", FORM_TEXT, 0, 1, 64 },
	[X_REVERSED] = { "reversed", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(list_reversed_keys), .refusal = "valid.format" },
	[X_BEFORE] = { "before", FORM_ID, 0, 0, 0, .flags = FORM_QUIET },
};

struct list_filter {
	struct ledger_scope	 sc;
	long long		 member;
	long long		 community;
	const char		*from;
	const char		*to;
	long long		 category;
	long long		 recorded_by;
	long long		 reversed;	/* list_reversed_keys[] */
	struct pager		 page;		/* before=ID: ids below it */
	char			 query[256];	/* the filters, for links */
};

/* The filtered set; its parameters are LIST_ARGS, in format LIST_FMT. */
#define LIST_FROM \
	" FROM exchanges e JOIN members p ON p.id = e.provider_id" \
	" JOIN members q ON q.id = e.recipient_id" \
	" JOIN members b ON b.id = e.recorded_by" \
	" LEFT JOIN ads a ON a.id = e.ad_id" \
	" LEFT JOIN exchanges x ON x.reverses_id = e.id" \
	" WHERE (? = 1 OR FIND_IN_SET(p.community_id, ?) > 0" \
	" OR FIND_IN_SET(q.community_id, ?) > 0)" \
	" AND (? = 0 OR e.provider_id = ? OR e.recipient_id = ?)" \
	" AND (? = 0 OR p.community_id = ? OR q.community_id = ?)" \
	" AND e.service_date BETWEEN ? AND ?" \
	" AND (? = 0 OR a.category_id = ?)" \
	" AND (? = 0 OR e.recorded_by = ?)" \
	" AND (? = 0 OR (? = 1) = (e.reverses_id IS NOT NULL" \
	" OR x.id IS NOT NULL))"
#define LIST_FMT	"issiiiiiissiiiiii"
#define LIST_ARGS(f) \
	(long long)(f)->sc.site, (f)->sc.list, (f)->sc.list, \
	(f)->member, (f)->member, (f)->member, \
	(f)->community, (f)->community, (f)->community, (f)->from, (f)->to, \
	(f)->category, (f)->category, (f)->recorded_by, (f)->recorded_by, \
	(f)->reversed, (f)->reversed
#define LIST_COLS \
	"SELECT e.id, e.service_date, p.name, p.username, q.name," \
	" q.username, e.hundredths, e.description, b.name," \
	" COALESCE(e.reverses_id, 0), COALESCE(x.id, 0)"

/* Appends "&key=value" to the filters' query (values are validated ids,
 * dates and usernames: nothing to encode). */
static void
list_query_add(struct list_filter *f, const char *key, const char *val)
{
	size_t	 n = strlen(f->query);

	snprintf(f->query + n, sizeof(f->query) - n, "%s%s=%s",
	    n > 0 ? "&" : "", key, val);
}

/* A member filter by username (any status: disabled members have
 * history too); returns 1 when there is no such member. */
static int
list_member(struct request *req, struct tmpl_dict *d, struct list_filter *f,
    const char *field, const struct form_value *v, long long *id,
    enum weft_err *err)
{
	struct ledger_party	 p;
	enum weft_err		 e;

	*id = 0;
	if (!v->set)
		return 0;
	if ((e = ledger_party_find(v->str, &p)) == WEFT_OK) {
		*id = p.id;
		list_query_add(f, field, p.username);
		return 0;
	}
	if (e != WEFT_ERR_NOTFOUND) {
		*err = e;
		return 0;
	}
	form_error(d, field, app_text(req, "ledger.filter.member"));
	return 1;
}

/* An optional id or date filter, kept when valid (the form has given
 * the message otherwise). */
static long long
list_id(struct list_filter *f, const char *key, const struct form_value *v)
{
	if (!v->set)
		return 0;
	list_query_add(f, key, v->str);
	return v->id;
}

static const char *
list_date(struct list_filter *f, const char *key, const struct form_value *v,
    const char *dflt)
{
	if (!v->set)
		return dflt;
	list_query_add(f, key, v->str);
	return v->str;
}

/* Reads the filters from the query string into f and the page d;
 * returns how many are invalid. */
static size_t
list_filter_read(struct request *req, struct tmpl_dict *d,
    struct list_filter *f, enum weft_err *err)
{
	struct form_value	 v[X__MAX];
	size_t			 bad;

	memset(f, 0, sizeof(*f));
	ledger_scope_of(&req->actor, PERM_EXCHANGE_LIST, &f->sc);
	bad = form_read(list_fields, X__MAX, &req->query, app_lang(req), d, v);
	bad += (size_t)list_member(req, d, f, "member", &v[X_MEMBER],
	    &f->member, err);
	bad += (size_t)list_member(req, d, f, "recorded_by",
	    &v[X_RECORDED_BY], &f->recorded_by, err);
	f->community = list_id(f, "community", &v[X_COMMUNITY]);
	f->category = list_id(f, "category", &v[X_CATEGORY]);
	f->from = list_date(f, "from", &v[X_FROM], "1000-01-01");
	f->to = list_date(f, "to", &v[X_TO], "9999-12-31");
	if (v[X_REVERSED].set && v[X_REVERSED].choice > 0) {
		f->reversed = (long long)v[X_REVERSED].choice;
		list_query_add(f, "reversed", v[X_REVERSED].str);
	}
	if (strcmp(f->from, f->to) > 0) {
		form_error(d, "to", app_text(req, "ledger.filter.order"));
		bad++;
	}
	pager_before_id(&f->page, LIST_PAGE,
	    v[X_BEFORE].set ? v[X_BEFORE].id : 0);
	return bad;
}

/* The select boxes: communities in the actor's scope, categories, and
 * the reversed filter, each with the current choice selected. */
static enum weft_err
list_selects(struct tmpl_dict *d, const struct list_filter *f)
{
	static const char *const rev_labels[] = {
		"All", "Reversed, or a reversal", "Neither",
	};
	struct db_rows		*r;
	enum weft_err		 e;
	size_t			 i;

	if ((e = db_query(&r, "SELECT id, name FROM communities WHERE"
	    " (? = 1 OR FIND_IN_SET(id, ?) > 0) ORDER BY name, id", "is",
	    (long long)f->sc.site, f->sc.list)) != WEFT_OK)
		return e;
	form_options(d, "COMMUNITY_OPTION", r, f->community);
	db_rows_free(r);
	if ((e = db_query(&r, "SELECT id, name FROM categories"
	    " ORDER BY position, name, id", "")) != WEFT_OK)
		return e;
	form_options(d, "CATEGORY_OPTION", r, f->category);
	db_rows_free(r);
	for (i = 0; i < NELEM(list_reversed_keys); i++)
		form_option(d, "REVERSED_OPTION", list_reversed_keys[i],
		    rev_labels[i], (long long)i == f->reversed);
	return WEFT_OK;
}

static enum weft_err
list_totals(struct tmpl_dict *d, const struct list_filter *f)
{
	struct db_rows	*r;
	char		 h[LEDGER_HOURS_LEN];
	enum weft_err	 e;

	if ((e = db_query(&r, "SELECT COUNT(*), COALESCE(SUM(e.hundredths),"
	    " 0)" LIST_FROM, LIST_FMT, LIST_ARGS(f))) != WEFT_OK)
		return e;
	if (db_next(r)) {
		tmpl_set_int(d, "COUNT", db_int(r, 0));
		ledger_format_hours(db_int(r, 1), 0, h);
		tmpl_set(d, "TOTAL", h);
	}
	db_rows_free(r);
	return WEFT_OK;
}

static void
list_row(struct tmpl_dict *d, struct db_rows *r)
{
	struct tmpl_dict	*s = tmpl_section(d, "ROW"), *x;
	char			 h[LEDGER_HOURS_LEN];

	tmpl_set_int(s, "ID", db_int(r, 0));
	tmpl_set(s, "DATE", db_str(r, 1));
	tmpl_set(s, "PROVIDER", db_str(r, 2));
	tmpl_set(s, "PROVIDER_USERNAME", db_str(r, 3));
	tmpl_set(s, "RECIPIENT", db_str(r, 4));
	tmpl_set(s, "RECIPIENT_USERNAME", db_str(r, 5));
	ledger_format_hours(db_int(r, 6), 0, h);
	tmpl_set(s, "HOURS", h);
	tmpl_set(s, "DESCRIPTION", db_str(r, 7));
	tmpl_set(s, "RECORDED_BY", db_str(r, 8));
	if (db_int(r, 9) != 0) {
		x = tmpl_section(s, "REVERSES");
		tmpl_set_int(x, "REVERSES_ID", db_int(r, 9));
	}
	if (db_int(r, 10) != 0) {
		x = tmpl_section(s, "REVERSED");
		tmpl_set_int(x, "REVERSED_BY", db_int(r, 10));
	}
}

/* One page of rows, newest first, and the link to the next. */
static enum weft_err
list_rows(struct tmpl_dict *d, const struct list_filter *f)
{
	struct db_rows		*r;
	struct pager_result	 pr;
	struct buf		 next;
	long long		 last = 0;
	size_t			 n;
	enum weft_err		 e;

	if ((e = db_query(&r, LIST_COLS LIST_FROM " AND e.id < ?"
	    " ORDER BY e.id DESC LIMIT ?", LIST_FMT "ii", LIST_ARGS(f),
	    f->page.cursor == PAGER_NONE ? LIST_NO_CURSOR : f->page.id,
	    (long long)pager_limit(&f->page))) != WEFT_OK)
		return e;
	pager_result(&f->page, db_nrows(r), &pr);
	for (n = 0; n < pr.shown && db_next(r); n++) {
		list_row(d, r);
		last = db_int(r, 0);
	}
	tmpl_show(d, n > 0 ? "ROWS" : "NO_ROWS");
	db_rows_free(r);
	if (pr.has_next) {
		buf_init(&next);
		pager_href_before(&next, "/exchanges/list", f->query, NULL,
		    last);
		e = buf_failed(&next) ? WEFT_ERR_NOMEM : WEFT_OK;
		if (e == WEFT_OK)
			tmpl_set(tmpl_section(d, "NEXT"), "HREF", next.p);
		buf_free(&next);
	}
	return e;
}

/* GET /exchanges/list. */
int
exchanges_list(struct request *req)
{
	struct list_filter	 f;
	struct tmpl_dict	*d;
	enum weft_err		 e = WEFT_OK;
	char			 csv[300];
	size_t			 bad;

	if ((d = app_page(req, "exchanges/ledger_list.tpl",
	    app_text(req, "ledger.list.title"))) == NULL)
		return 500;
	form_summary(d, app_lang(req), "form.summary.filters", NULL, 0);
	bad = list_filter_read(req, d, &f, &e);
	if (e != WEFT_OK || (e = list_selects(d, &f)) != WEFT_OK)
		return app_status_of(e);
	if (bad > 0)
		return app_render(req, 422);
	snprintf(csv, sizeof(csv), "/exchanges/list.csv?%s", f.query);
	tmpl_set(d, "CSV", csv);
	if ((e = list_totals(d, &f)) != WEFT_OK ||
	    (e = list_rows(d, &f)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, 200);
}

/* GET /exchanges/list.csv: the whole filtered set (at most LIST_CSV_MAX
 * rows), newest first; bad filters are a 400. */
int
exchanges_list_csv(struct request *req)
{
	struct list_filter	 f;
	struct db_rows		*r = NULL;
	struct buf		*b = &req->resp.body;
	char			 h[LEDGER_HOURS_LEN];
	enum weft_err		 e = WEFT_OK;
	size_t			 bad;

	bad = list_filter_read(req, NULL, &f, &e);
	if (e != WEFT_OK)
		return app_status_of(e);
	if (bad > 0)
		return 400;
	if ((e = db_query(&r, LIST_COLS LIST_FROM " ORDER BY e.id DESC"
	    " LIMIT ?", LIST_FMT "i", LIST_ARGS(&f),
	    (long long)LIST_CSV_MAX)) != WEFT_OK)
		return app_status_of(e);
	buf_puts(b, "id,date,provider,provider_name,recipient,recipient_name,"
	    "hours,description,recorded_by,reverses,reversed_by\r\n");
	while (db_next(r)) {
		buf_printf(b, "%lld,%s,", db_int(r, 0), db_str(r, 1));
		buf_csv_fields(b, 4, db_str(r, 3), db_str(r, 2), db_str(r, 5),
		    db_str(r, 4));
		ledger_format_hours(db_int(r, 6), 0, h);
		buf_printf(b, ",%s,", h);
		buf_csv_fields(b, 2, db_str(r, 7), db_str(r, 8));
		buf_printf(b, ",%s,%s\r\n", db_int(r, 9) ? db_str(r, 9) : "",
		    db_int(r, 10) ? db_str(r, 10) : "");
	}
	db_rows_free(r);
	return app_csv(req, "exchanges.csv");
}
