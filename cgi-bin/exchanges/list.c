/*
 * The coordinators' list of recorded exchanges (exchange.list): filters
 * (member, community, dates of service, category (the exchange's, else
 * its ad's: sql/037), recorded by,
 * reversed, status), totals of the filtered set, keyset paging, CSV
 * export.  Scoped (docs/authorization.md rule 2): an exchange is listed
 * when either party is in one of the actor's communities, or everywhere
 * for a site grant.  The status filter lists, instead of the recorded
 * exchanges, those recorded by their provider that wait for the
 * recipient (pending), that the recipient disputed, or that a
 * coordinator cancelled (rule 10): the same filters, from
 * exchange_proposals.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "exchanges.h"
#include "filters.h"
#include "form.h"
#include "i18n_conv.h"
#include "ledger.h"
#include "pager.h"
#include "util.h"
#include "valid.h"

#define LIST_PAGE	50
#define LIST_CSV_MAX	100000
#define LIST_NO_CURSOR	((1LL << 53) + 1)

/* The "reversed" filter: any; reversed or a reversal; neither. */
static const char *const list_reversed_keys[] = { "", "yes", "no" };
/* The "status" filter: recorded exchanges, else proposals of the status
 * ledger_status_names[] calls so. */
static const char *const list_status_keys[] = {
	"", "pending", "disputed", "cancelled",
};

/* The query string: the filters and the page (ids below before). */
enum { X_MEMBER, X_COMMUNITY, X_FROM, X_TO, X_CATEGORY, X_RECORDED_BY,
    X_REVERSED, X_STATUS, X_BEFORE, X__MAX };
static const struct form_field list_fields[X__MAX] = {
	[X_MEMBER] = { "member", FORM_TEXT, 0, 1, 64 },
	[X_COMMUNITY] = { "community", FORM_ID, 0, 0, 0 },
	[X_FROM] = { "from", FORM_DATE, 0, 0, 0 },
	[X_TO] = { "to", FORM_DATE, 0, 0, 0 },
	[X_CATEGORY] = { "category", FORM_ID, 0, 0, 0 },
	[X_RECORDED_BY] = { "recorded_by", FORM_TEXT, 0, 1, 64 },
	[X_REVERSED] = { "reversed", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(list_reversed_keys), .refusal = N_("valid.format") },
	[X_STATUS] = { "status", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(list_status_keys), .refusal = N_("valid.format") },
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
	long long		 status;	/* list_status_keys[] */
	struct pager		 page;		/* before=ID: ids below it */
	char			 query[256];	/* the filters, for links */
	/* What the filters' summary says (filters.h): the members' and
	 * the chosen options' names, and whether a row was shown. */
	char			 member_name[33];
	char			 recorded_by_name[33];
	char			 community_name[129];
	char			 category_name[129];
	size_t			 shown;
};

/* The filters, on the parties, the recorder and the ad of table e
 * (exchanges or exchange_proposals: the columns are the same); their
 * parameters are LIST_WHERE_ARGS, in format LIST_WHERE_FMT. */
#define LIST_JOINS \
	" JOIN members p ON p.id = e.provider_id" \
	" JOIN members q ON q.id = e.recipient_id" \
	" JOIN members b ON b.id = e.recorded_by" \
	" LEFT JOIN ads a ON a.id = e.ad_id" \
	" LEFT JOIN categories k ON k.id = COALESCE(e.category_id, a.category_id)"
#define LIST_WHERE \
	" WHERE (? = 1 OR FIND_IN_SET(p.community_id, ?) > 0" \
	" OR FIND_IN_SET(q.community_id, ?) > 0)" \
	" AND (? = 0 OR e.provider_id = ? OR e.recipient_id = ?)" \
	" AND (? = 0 OR p.community_id = ? OR q.community_id = ?)" \
	" AND e.service_date BETWEEN ? AND ?" \
	" AND (? = 0 OR COALESCE(e.category_id, a.category_id) = ?)" \
	" AND (? = 0 OR e.recorded_by = ?)"
#define LIST_WHERE_FMT	"issiiiiiissiiii"
#define LIST_WHERE_ARGS(f) \
	(long long)(f)->sc.site, (f)->sc.list, (f)->sc.list, \
	(f)->member, (f)->member, (f)->member, \
	(f)->community, (f)->community, (f)->community, (f)->from, (f)->to, \
	(f)->category, (f)->category, (f)->recorded_by, (f)->recorded_by

/* The filtered set of recorded exchanges; its parameters are LIST_ARGS,
 * in format LIST_FMT. */
#define LIST_FROM \
	" FROM exchanges e" LIST_JOINS \
	" LEFT JOIN exchanges x ON x.reverses_id = e.id" LIST_WHERE \
	" AND (? = 0 OR (? = 1) = (e.reverses_id IS NOT NULL" \
	" OR x.id IS NOT NULL))"
#define LIST_FMT	LIST_WHERE_FMT "ii"
#define LIST_ARGS(f) \
	LIST_WHERE_ARGS(f), (f)->reversed, (f)->reversed
#define LIST_COLS \
	"SELECT e.id, e.service_date, p.name, p.username, q.name," \
	" q.username, e.hundredths, e.description, b.name," \
	" COALESCE(e.reverses_id, 0), COALESCE(x.id, 0), k.name"

/* The filtered set of proposals of one status (exchange_proposals_status
 * for the status and the id order): PLIST_ARGS in PLIST_FMT. */
#define PLIST_FROM \
	" FROM exchange_proposals e" LIST_JOINS LIST_WHERE \
	" AND e.status = ?"
#define PLIST_FMT	LIST_WHERE_FMT "s"
#define PLIST_ARGS(f) \
	LIST_WHERE_ARGS(f), list_status_keys[(f)->status]
/* Columns as LIST_COLS's first nine, then the status, the reason and
 * the category (as LIST_COLS's twelfth). */
#define PLIST_COLS \
	"SELECT e.id, e.service_date, p.name, p.username, q.name," \
	" q.username, e.hundredths, e.description, b.name, e.status," \
	" e.reason, k.name"

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
    char name[33], enum weft_err *err)
{
	struct ledger_party	 p;
	enum weft_err		 e;

	*id = 0;
	if (!v->set)
		return 0;
	if ((e = ledger_party_find(v->str, &p)) == WEFT_OK) {
		*id = p.id;
		util_copy(name, 33, p.username);
		list_query_add(f, field, p.username);
		return 0;
	}
	if (e != WEFT_ERR_NOTFOUND) {
		*err = e;
		return 0;
	}
	form_error(d, field, app_text(req, N_("ledger.filter.member")));
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
	    &f->member, f->member_name, err);
	bad += (size_t)list_member(req, d, f, "recorded_by",
	    &v[X_RECORDED_BY], &f->recorded_by, f->recorded_by_name, err);
	f->community = list_id(f, "community", &v[X_COMMUNITY]);
	f->category = list_id(f, "category", &v[X_CATEGORY]);
	f->from = list_date(f, "from", &v[X_FROM], "1000-01-01");
	f->to = list_date(f, "to", &v[X_TO], "9999-12-31");
	if (v[X_REVERSED].set && v[X_REVERSED].choice > 0) {
		f->reversed = (long long)v[X_REVERSED].choice;
		list_query_add(f, "reversed", v[X_REVERSED].str);
	}
	if (v[X_STATUS].set && v[X_STATUS].choice > 0) {
		f->status = (long long)v[X_STATUS].choice;
		list_query_add(f, "status", v[X_STATUS].str);
	}
	if (strcmp(f->from, f->to) > 0) {
		form_error(d, "to", app_text(req, N_("ledger.filter.order")));
		bad++;
	}
	pager_before_id(&f->page, LIST_PAGE,
	    v[X_BEFORE].set ? v[X_BEFORE].id : 0);
	return bad;
}

static const char *const list_rev_labels[] = {
	N_("ledger.list.reversed.all"), N_("ledger.list.reversed.yes"),
	N_("ledger.list.reversed.no"),
};
static const char *const list_status_labels[] = {
	N_("ledger.list.status.recorded"),
	N_("ledger.list.status.pending"),
	N_("ledger.list.status.disputed"),
	N_("ledger.list.status.cancelled"),
};

/* The options of a select from rows (id, name), the chosen one's name
 * kept in name for the summary. */
static void
list_options(struct tmpl_dict *d, const char *section, struct db_rows *r,
    long long chosen, char *name, size_t len)
{
	while (db_next(r)) {
		form_option(d, section, db_str(r, 0), db_str(r, 1),
		    chosen != 0 && db_int(r, 0) == chosen);
		if (chosen != 0 && db_int(r, 0) == chosen)
			util_copy(name, len, db_str(r, 1));
	}
}

/* The select boxes: communities in the actor's scope, categories, and
 * the reversed and status filters (labels in lang), each with the
 * current choice selected. */
static enum weft_err
list_selects(struct tmpl_dict *d, const char *lang, struct list_filter *f)
{
	struct db_rows		*r;
	enum weft_err		 e;
	size_t			 i;

	if ((e = db_query(&r, "SELECT id, name FROM communities WHERE"
	    " (? = 1 OR FIND_IN_SET(id, ?) > 0) ORDER BY name, id", "is",
	    (long long)f->sc.site, f->sc.list)) != WEFT_OK)
		return e;
	list_options(d, "COMMUNITY_OPTION", r, f->community,
	    f->community_name, sizeof(f->community_name));
	db_rows_free(r);
	if ((e = db_query(&r, "SELECT id, name FROM categories"
	    " ORDER BY position, name, id", "")) != WEFT_OK)
		return e;
	list_options(d, "CATEGORY_OPTION", r, f->category,
	    f->category_name, sizeof(f->category_name));
	db_rows_free(r);
	for (i = 0; i < NELEM(list_reversed_keys); i++)
		form_option(d, "REVERSED_OPTION", list_reversed_keys[i],
		    i18n_text(lang, list_rev_labels[i]),
		    (long long)i == f->reversed);
	for (i = 0; i < NELEM(list_status_keys); i++)
		form_option(d, "STATUS_OPTION", list_status_keys[i],
		    i18n_text(lang, list_status_labels[i]),
		    (long long)i == f->status);
	return WEFT_OK;
}

static enum weft_err
list_totals(struct tmpl_dict *d, const char *lang,
    const struct list_filter *f)
{
	struct db_rows	*r;
	enum weft_err	 e;

	if (f->status != 0)
		e = db_query(&r, "SELECT COUNT(*), COALESCE(SUM(e.hundredths),"
		    " 0)" PLIST_FROM, PLIST_FMT, PLIST_ARGS(f));
	else
		e = db_query(&r, "SELECT COUNT(*), COALESCE(SUM(e.hundredths),"
		    " 0)" LIST_FROM, LIST_FMT, LIST_ARGS(f));
	if (e != WEFT_OK)
		return e;
	if (db_next(r)) {
		tmpl_set_int(d, "COUNT", db_int(r, 0));
		i18n_set_hours(d, "TOTAL", lang, db_int(r, 1));
	}
	db_rows_free(r);
	return WEFT_OK;
}

/* The status of a proposal's row (PLIST_COLS): its section, and the
 * dispute's reason. */
static void
list_row_status(struct tmpl_dict *s, struct db_rows *r)
{
	static const char *const sections[] = {
		"RECORDED", "PENDING", "DISPUTED", "CANCELLED",
	};
	struct tmpl_dict	*x;
	size_t			 i;

	for (i = 1; i < NELEM(list_status_keys); i++)
		if (db_str(r, 9) != NULL &&
		    strcmp(db_str(r, 9), list_status_keys[i]) == 0)
			break;
	if (i == NELEM(list_status_keys))
		return;
	x = tmpl_section(s, sections[i]);
	tmpl_set(x, "REASON", db_str(r, 10));
	tmpl_show(x, db_str(r, 10) != NULL && db_str(r, 10)[0] != '\0' ?
	    "HAS_REASON" : "NO_REASON");
}

/* One row, in lang: a recorded exchange (LIST_COLS), else a proposal
 * (PLIST_COLS, proposal set). */
static void
list_row(struct tmpl_dict *d, const char *lang, struct db_rows *r,
    int proposal)
{
	struct tmpl_dict	*s = tmpl_section(d, "ROW"), *x;

	tmpl_show(s, proposal ? "PROPOSAL" : "EXCHANGE");
	tmpl_set_int(s, "ID", db_int(r, 0));
	i18n_set_date(s, "DATE", lang, db_str(r, 1));
	tmpl_set(s, "PROVIDER", db_str(r, 2));
	tmpl_set(s, "PROVIDER_USERNAME", db_str(r, 3));
	tmpl_set(s, "RECIPIENT", db_str(r, 4));
	tmpl_set(s, "RECIPIENT_USERNAME", db_str(r, 5));
	i18n_set_hours(s, "HOURS", lang, db_int(r, 6));
	tmpl_set(s, "DESCRIPTION", db_str(r, 7));
	tmpl_set(s, "RECORDED_BY", db_str(r, 8));
	tmpl_set(s, "CATEGORY", db_str(r, 11));
	if (proposal) {
		list_row_status(s, r);
		return;
	}
	tmpl_show(s, "RECORDED");
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
list_rows(struct tmpl_dict *d, const char *lang, struct list_filter *f)
{
	struct db_rows		*r;
	struct pager_result	 pr;
	struct buf		 next;
	long long		 last = 0;
	size_t			 n;
	enum weft_err		 e;

	if (f->status != 0)
		e = db_query(&r, PLIST_COLS PLIST_FROM " AND e.id < ?"
		    " ORDER BY e.id DESC LIMIT ?", PLIST_FMT "ii",
		    PLIST_ARGS(f), f->page.cursor == PAGER_NONE ?
		    LIST_NO_CURSOR : f->page.id,
		    (long long)pager_limit(&f->page));
	else
		e = db_query(&r, LIST_COLS LIST_FROM " AND e.id < ?"
		    " ORDER BY e.id DESC LIMIT ?", LIST_FMT "ii", LIST_ARGS(f),
		    f->page.cursor == PAGER_NONE ? LIST_NO_CURSOR : f->page.id,
		    (long long)pager_limit(&f->page));
	if (e != WEFT_OK)
		return e;
	pager_result(&f->page, db_nrows(r), &pr);
	for (n = 0; n < pr.shown && db_next(r); n++) {
		list_row(d, lang, r, f->status != 0);
		last = db_int(r, 0);
	}
	tmpl_show(d, n > 0 ? "ROWS" : "NO_ROWS");
	f->shown = n;
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

/* The filters in one line above the folded form (filters.h), in the
 * form's order; open when asked. */
static void
list_summary(struct tmpl_dict *d, const char *lang,
    const struct list_filter *f, int open)
{
	struct filters	 s;
	char		 day[24];

	filters_init(&s, lang);
	filters_add_value(&s, N_("ledger.filters.member"), f->member_name);
	filters_add(&s, f->community_name);
	if (strcmp(f->from, "1000-01-01") != 0) {
		i18n_date(lang, f->from, day, sizeof(day));
		filters_add_value(&s, N_("ledger.filters.from"), day);
	}
	if (strcmp(f->to, "9999-12-31") != 0) {
		i18n_date(lang, f->to, day, sizeof(day));
		filters_add_value(&s, N_("ledger.filters.to"), day);
	}
	filters_add(&s, f->category_name);
	filters_add_value(&s, N_("ledger.filters.recorded_by"),
	    f->recorded_by_name);
	if (f->reversed > 0)
		filters_add(&s, i18n_text(lang, list_rev_labels[f->reversed]));
	if (f->status > 0)
		filters_add(&s, i18n_text(lang, list_status_labels[f->status]));
	filters_show(&s, d, N_("ledger.filters.all"), open);
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
	    app_text(req, N_("ledger.list.title")))) == NULL)
		return 500;
	form_summary(d, app_lang(req), N_("form.summary.filters"), NULL, 0);
	bad = list_filter_read(req, d, &f, &e);
	if (e != WEFT_OK || (e = list_selects(d, app_lang(req), &f)) != WEFT_OK)
		return app_status_of(e);
	if (bad > 0) {
		list_summary(d, app_lang(req), &f, 1);
		return app_render(req, 422);
	}
	snprintf(csv, sizeof(csv), "/exchanges/list.csv?%s", f.query);
	tmpl_set(d, "CSV", csv);
	if ((e = list_totals(d, app_lang(req), &f)) != WEFT_OK ||
	    (e = list_rows(d, app_lang(req), &f)) != WEFT_OK)
		return app_status_of(e);
	/* Folded while it shows rows: the reader needs the form when
	 * nothing matches. */
	list_summary(d, app_lang(req), &f, f.shown == 0);
	return app_render(req, 200);
}

/* One line of the CSV: a recorded exchange's (LIST_COLS), else a
 * proposal's (PLIST_COLS, proposal set). */
static void
list_csv_row(struct buf *b, struct db_rows *r, int proposal)
{
	char	 h[LEDGER_HOURS_LEN];

	buf_printf(b, "%lld,%s,", db_int(r, 0), db_str(r, 1));
	buf_csv_fields(b, 4, db_str(r, 3), db_str(r, 2), db_str(r, 5),
	    db_str(r, 4));
	ledger_format_hours(db_int(r, 6), 0, h);
	buf_printf(b, ",%s,", h);
	buf_csv_fields(b, 3, db_str(r, 7), db_str(r, 11) != NULL ?
	    db_str(r, 11) : "", db_str(r, 8));
	if (proposal) {
		buf_printf(b, ",%s,", db_str(r, 9));
		buf_csv_field(b, db_str(r, 10));
		buf_puts(b, "\r\n");
	} else
		buf_printf(b, ",%s,%s\r\n", db_int(r, 9) ? db_str(r, 9) :
		    "", db_int(r, 10) ? db_str(r, 10) : "");
}

/* GET /exchanges/list.csv: the whole filtered set (at most LIST_CSV_MAX
 * rows), newest first; bad filters are a 400. */
int
exchanges_list_csv(struct request *req)
{
	struct list_filter	 f;
	struct db_rows		*r = NULL;
	struct buf		*b = &req->resp.body;
	enum weft_err		 e = WEFT_OK;
	size_t			 bad;

	bad = list_filter_read(req, NULL, &f, &e);
	if (e != WEFT_OK)
		return app_status_of(e);
	if (bad > 0)
		return 400;
	if (f.status != 0)
		e = db_query(&r, PLIST_COLS PLIST_FROM " ORDER BY e.id DESC"
		    " LIMIT ?", PLIST_FMT "i", PLIST_ARGS(&f),
		    (long long)LIST_CSV_MAX);
	else
		e = db_query(&r, LIST_COLS LIST_FROM " ORDER BY e.id DESC"
		    " LIMIT ?", LIST_FMT "i", LIST_ARGS(&f),
		    (long long)LIST_CSV_MAX);
	if (e != WEFT_OK)
		return app_status_of(e);
	buf_printf(b, "id,date,provider,provider_name,recipient,recipient_name,"
	    "hours,description,category,recorded_by,%s\r\n", f.status != 0 ?
	    "status,reason" : "reverses,reversed_by");
	while (db_next(r))
		list_csv_row(b, r, f.status != 0);
	db_rows_free(r);
	return app_csv(req, "exchanges.csv");
}
