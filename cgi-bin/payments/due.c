/*
 * The due list (payment.manage, over the members of the actor's scope):
 * subscriptions due, overdue and lapsed, with filters, totals, keyset
 * pages and CSV.  Footnote 1 of docs/authorization.md: names, status and
 * subscription columns only, never a contact detail, in the page and in
 * the CSV alike.
 *
 * Its cost does not grow with the number of members (docs/payments.md,
 * "The due list"; sql/039_payments_due.sql): the rows are one range of an
 * index of pay_dues, where triggers keep what each subscription owes,
 * read in order from a cursor with a LIMIT; the totals are a range of
 * pay_due_days, the same rows added up per day, community, type and
 * preference.  A status is a range of renewal dates (SUB_STATUS_SQL: the
 * settings payment_reminder_days N and payment_grace_days G).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "i18n_conv.h"
#include "ledger.h"
#include "pager.h"
#include "payments.h"
#include "util.h"
#include "valid.h"

#define PAY_DUE_PAGE	200	/* rows of a page */
#define PAY_DUE_CHUNK	1000	/* rows per query of the CSV */
#define PAY_DUE_CSV_MAX	100000	/* rows of a CSV file */

static const char *const pay_filter_status[] = {
	"open", "due", "overdue", "lapsed",
};
static const char *const pay_filter_status_keys[] = {
	N_("payments.due.filter.open"), N_("subscription.status.due"),
	N_("subscription.status.overdue"), N_("subscription.status.lapsed"),
};

enum { D_STATUS, D_TYPE, D_COMMUNITY, D_PREF, D_AFTER, D__MAX };
static const struct form_field pay_due_fields[D__MAX] = {
	[D_STATUS] = { .name = "status", .kind = FORM_CHOICE,
	    FORM_CHOICES(pay_filter_status) },
	[D_TYPE] = { .name = "type", .kind = FORM_ID },
	[D_COMMUNITY] = { .name = "community", .kind = FORM_ID },
	[D_PREF] = { .name = "preference", .kind = FORM_CHOICE,
	    FORM_CHOICES(pay_pref_names) },
	[D_AFTER] = { .name = "after", .kind = FORM_TEXT, .min = 1,
	    .max = 32, .flags = FORM_QUIET },
};

/*
 * The filters but the dates, the same for the rows and their totals
 * (alias x): type, preference, the actor's scope (site, or its
 * communities' list), the community.  Parameters: type, type, pref,
 * pref, site, list, community, community.
 */
#define PAY_DUE_FILTER(x) \
    " AND (? = 0 OR " x ".type_id = ?) AND (? = '' OR " x ".preference = ?)" \
    " AND (? = 1 OR FIND_IN_SET(" x ".community_id, ?) > 0)" \
    " AND (? = 0 OR " x ".community_id = ?)"
#define PAY_DUE_FILTER_FMT	"iissisii"

/*
 * The rows of renewal dates from .. to after the cursor (mode, date,
 * date, id: pager_mode()), in order: N and G of the status first, the
 * dates, PAY_DUE_FILTER's, the cursor's, the limit.  One statement per
 * index, the filter's own when there is one (named: the range of renewal
 * dates within one community, type or preference is then read in order,
 * and stops at the limit).  Every join is named by its primary key too:
 * with a handful of types, MariaDB 10.11's statistics after a restart
 * made it read subscription_types whole into a join buffer, which loses
 * the index's order, so it read the whole range (41,537 rows at 100k
 * members, 0.66 s) and sorted it before the LIMIT.
 */
#define PAY_DUE_ROWS(index) \
    "SELECT d.member_id, m.name, m.username, " SUB_STATUS_SQL("s") "," \
    " t.name, d.renewal_date, d.preference," \
    " IF(d.charged, d.charge_left, t.minor), t.currency, d.charged" \
    " FROM pay_dues d FORCE INDEX (" index ")" \
    " STRAIGHT_JOIN subscriptions s FORCE INDEX (PRIMARY)" \
    " ON s.member_id = d.member_id" \
    " STRAIGHT_JOIN members m FORCE INDEX (PRIMARY) ON m.id = d.member_id" \
    " STRAIGHT_JOIN subscription_types t FORCE INDEX (PRIMARY)" \
    " ON t.id = d.type_id" \
    " WHERE d.renewal_date >= ? AND d.renewal_date <= ?" \
    PAY_DUE_FILTER("d") \
    " AND (? = 0 OR d.renewal_date > ? OR (d.renewal_date = ?" \
    " AND d.member_id > ?))" \
    " ORDER BY d.renewal_date, d.member_id LIMIT ?"

enum pay_due_index {
	PAY_DUE_BY_DATE,
	PAY_DUE_BY_COMMUNITY,
	PAY_DUE_BY_TYPE,
	PAY_DUE_BY_PREF,
	PAY_DUE_BY__MAX
};

static const char *const pay_sql_due[PAY_DUE_BY__MAX] = {
	[PAY_DUE_BY_DATE] = PAY_DUE_ROWS("pay_dues_date"),
	[PAY_DUE_BY_COMMUNITY] = PAY_DUE_ROWS("pay_dues_community"),
	[PAY_DUE_BY_TYPE] = PAY_DUE_ROWS("pay_dues_type"),
	[PAY_DUE_BY_PREF] = PAY_DUE_ROWS("pay_dues_preference"),
};

/*
 * Every row's total, not only a page's, per currency: what is left on
 * the charges plus the type's amount for each row not charged yet.  The
 * months the dates cover whole (from m1, before m2), then the days of
 * the range outside them.  Parameters: m1, m2, PAY_DUE_FILTER's; from,
 * to, m1, m2, PAY_DUE_FILTER's.
 */
static const char pay_sql_due_total[] =
    "SELECT t.currency, SUM(x.n), SUM(x.charge_left +"
    " (x.n - x.n_charged) * t.minor)"
    " FROM (SELECT y.type_id, y.n, y.n_charged, y.charge_left"
    " FROM pay_due_months y WHERE y.month >= ? AND y.month < ?"
    PAY_DUE_FILTER("y")
    " UNION ALL SELECT y.type_id, y.n, y.n_charged, y.charge_left"
    " FROM pay_due_days y WHERE y.renewal_date >= ? AND y.renewal_date <= ?"
    " AND (y.renewal_date < ? OR y.renewal_date >= ?)"
    PAY_DUE_FILTER("y") ") x"
    " STRAIGHT_JOIN subscription_types t ON t.id = x.type_id"
    " GROUP BY t.currency HAVING SUM(x.n) > 0 ORDER BY t.currency";

/*
 * The dates of the status range, today + lo .. today + hi days, from the
 * database's clock as SUB_STATUS_SQL reads it: from, to, and the months
 * they cover whole, m1 (the first month's first day) to m2 (the first
 * day after the last one; m1 >= m2 when none).
 */
static const char pay_sql_due_dates[] =
    "SELECT b.f, b.t, IF(DAY(b.f) = 1, b.f, LAST_DAY(b.f) + INTERVAL 1 DAY),"
    " b.t + INTERVAL 1 DAY - INTERVAL (DAY(b.t + INTERVAL 1 DAY) - 1) DAY"
    " FROM (SELECT UTC_DATE() + INTERVAL ? DAY AS f,"
    " UTC_DATE() + INTERVAL ? DAY AS t) b";

/* The filters read from the query, the day range of the status. */
struct pay_due_q {
	struct form_value	 v[D__MAX];
	long long		 lo, hi;
	long long		 n, g;
	long long		 type, comm;
	const char		*pref;
	struct ledger_scope	 sc;
	struct pager		 page;
	char			 from[UTIL_DATE_LEN], to[UTIL_DATE_LEN];
	char			 m1[UTIL_DATE_LEN], m2[UTIL_DATE_LEN];
};

static enum weft_err
pay_due_dates(struct pay_due_q *q)
{
	struct db_rows	*r;
	enum weft_err	 e;

	if ((e = db_query(&r, pay_sql_due_dates, "ii", q->lo, q->hi)) !=
	    WEFT_OK)
		return e;
	if (!db_next(r) || db_null(r, 0) || db_null(r, 1)) {
		db_rows_free(r);
		return WEFT_ERR_DB;
	}
	util_copy(q->from, sizeof(q->from), db_str(r, 0));
	util_copy(q->to, sizeof(q->to), db_str(r, 1));
	util_copy(q->m1, sizeof(q->m1), db_str(r, 2));
	util_copy(q->m2, sizeof(q->m2), db_str(r, 3));
	db_rows_free(r);
	return WEFT_OK;
}

/* The cursor "YYYY-MM-DD_ID" of after=; anything else is page one. */
static void
pay_due_cursor(struct pay_due_q *q)
{
	int	 y, m, d;

	pager_before_key(&q->page, PAY_DUE_PAGE, q->v[D_AFTER].set ?
	    q->v[D_AFTER].str : NULL);
	if (q->page.cursor != PAGER_NONE &&
	    valid_date(q->page.key, &y, &m, &d) != VALID_OK)
		pager_before_id(&q->page, PAY_DUE_PAGE, 0);
}

static void
pay_due_read(struct request *req, struct tmpl_dict *d, struct pay_due_q *q)
{
	form_read(pay_due_fields, D__MAX, &req->query, app_lang(req), d, q->v);
	sub_days(&q->n, &q->g);
	ledger_scope_of(&req->actor, PERM_PAYMENT_MANAGE, &q->sc);
	q->pref = q->v[D_PREF].set ? q->v[D_PREF].str : "";
	q->type = q->v[D_TYPE].set ? q->v[D_TYPE].id : 0;
	q->comm = q->v[D_COMMUNITY].set ? q->v[D_COMMUNITY].id : 0;
	/* A coordinator of one community: its index, as with the filter. */
	if (q->comm == 0 && !q->sc.site && q->sc.n == 1)
		q->comm = q->sc.ids[0];
	q->lo = -300000;	/* every lapsed one (a DATE is 1000-9999) */
	q->hi = q->n;
	switch (q->v[D_STATUS].set ? q->v[D_STATUS].choice : 0) {
	case 1:
		q->lo = 0;
		break;
	case 2:
		q->lo = -q->g;
		q->hi = -1;
		break;
	case 3:
		q->hi = -q->g - 1;
		break;
	default:
		break;
	}
	pay_due_cursor(q);
}

/* The index of the filters: a community's, a type's, a preference's,
 * else the dates'. */
static enum pay_due_index
pay_due_index(const struct pay_due_q *q)
{
	if (q->comm != 0)
		return PAY_DUE_BY_COMMUNITY;
	if (q->type != 0)
		return PAY_DUE_BY_TYPE;
	if (q->pref[0] != '\0')
		return PAY_DUE_BY_PREF;
	return PAY_DUE_BY_DATE;
}

/* Up to limit rows after the cursor p. */
static enum weft_err
pay_due_rows(const struct pay_due_q *q, const struct pager *p,
    long long limit, struct db_rows **r)
{
	const char	*key = p->cursor != PAGER_NONE ? p->key : "";

	return db_query(r, pay_sql_due[pay_due_index(q)],
	    "iiss" PAY_DUE_FILTER_FMT "issii", q->n, q->g, q->from, q->to,
	    q->type, q->type, q->pref, q->pref, (long long)q->sc.site,
	    q->sc.list, q->comm, q->comm, (long long)pager_mode(p), key, key,
	    p->id, limit);
}

/* The totals into d: the count of every row (COUNT), and a TOTAL row per
 * currency (its count and amount) in TOTALS. */
static enum weft_err
pay_due_total(struct request *req, struct tmpl_dict *d,
    const struct pay_due_q *q)
{
	struct tmpl_dict *t = NULL, *x;
	struct db_rows	*r;
	long long	 count = 0;
	enum weft_err	 e;

	if ((e = db_query(&r, pay_sql_due_total, "ss" PAY_DUE_FILTER_FMT
	    "ssss" PAY_DUE_FILTER_FMT, q->m1, q->m2, q->type, q->type, q->pref,
	    q->pref, (long long)q->sc.site, q->sc.list, q->comm, q->comm,
	    q->from, q->to, q->m1, q->m2, q->type, q->type, q->pref, q->pref,
	    (long long)q->sc.site, q->sc.list, q->comm, q->comm)) != WEFT_OK)
		return e;
	while (db_next(r)) {
		if (t == NULL)
			t = tmpl_section(d, "TOTALS");
		x = tmpl_section(t, "TOTAL");
		tmpl_set_int(x, "COUNT", db_int(r, 1));
		money_set(x, "TOTAL", app_lang(req), db_int(r, 2),
		    db_str(r, 0));
		count += db_int(r, 1);
	}
	db_rows_free(r);
	tmpl_set_int(d, "COUNT", count);
	if (count == 0)
		tmpl_show(d, "NONE");
	return WEFT_OK;
}

static enum weft_err
pay_due_filters(struct request *req, struct tmpl_dict *d,
    const struct pay_due_q *q)
{
	struct db_rows	*r;
	size_t		 i;
	enum weft_err	 e;

	for (i = 0; i < NELEM(pay_filter_status); i++)
		form_option(d, "STATUS_OPTION", pay_filter_status[i],
		    app_text(req, pay_filter_status_keys[i]),
		    (q->v[D_STATUS].set ? q->v[D_STATUS].choice : 0) == i);
	for (i = 0; i < PAY_METHOD__MAX; i++)
		form_option(d, "PREF_OPTION", pay_pref_names[i],
		    app_text(req, pay_pref_keys[i]),
		    q->v[D_PREF].set && q->v[D_PREF].choice == i);
	if ((e = db_query(&r, "SELECT t.id, " PAY_TYPE_NAME_SQL("t", "?")
	    " FROM subscription_types t ORDER BY t.name", "s",
	    app_lang(req))) != WEFT_OK)
		return e;
	form_options(d, "TYPE_OPTION", r, q->v[D_TYPE].set ? q->v[D_TYPE].id :
	    0);
	db_rows_free(r);
	if ((e = db_query(&r, "SELECT id, name FROM communities"
	    " WHERE ? = 1 OR FIND_IN_SET(id, ?) > 0 ORDER BY name", "is",
	    (long long)q->sc.site, q->sc.list)) != WEFT_OK)
		return e;
	form_options(d, "COMMUNITY_OPTION", r, q->v[D_COMMUNITY].set ?
	    q->v[D_COMMUNITY].id : 0);
	db_rows_free(r);
	return WEFT_OK;
}

/* The filters as sent, for the links (CSV, pages). */
static void
pay_due_params(const struct pay_due_q *q, struct buf *b)
{
	static const int	 keep[] = { D_STATUS, D_TYPE, D_COMMUNITY,
				    D_PREF };
	size_t			 i;

	for (i = 0; i < NELEM(keep); i++)
		if (q->v[keep[i]].set)
			pager_param(b, pay_due_fields[keep[i]].name,
			    q->v[keep[i]].str);
}

/* The links of the page: the CSV of every row, the next rows after the
 * last one shown, the first rows. */
static void
pay_due_links(struct tmpl_dict *d, const struct pay_due_q *q, int more,
    const char *last_date, long long last_id)
{
	struct buf	 params, href, key, next;

	buf_init(&params);
	pay_due_params(q, &params);
	buf_init(&href);
	pager_href(&href, "/payments/due.csv", params.p, PAGER_NONE, NULL, 0,
	    0);
	tmpl_set(d, "CSV_HREF", buf_failed(&href) ? "/payments/due.csv" :
	    href.p);
	buf_free(&href);
	if (more) {
		buf_init(&key);
		buf_printf(&key, "%s_%lld", last_date, last_id);
		buf_init(&next);
		buf_puts(&next, params.p != NULL ? params.p : "");
		if (!buf_failed(&key))
			pager_param(&next, "after", key.p);
		buf_init(&href);
		pager_href(&href, "/payments", next.p, PAGER_NONE, NULL, 0, 0);
		if (!buf_failed(&href) && !buf_failed(&next))
			tmpl_set(tmpl_section(d, "NEXT"), "NEXT_HREF", href.p);
		buf_free(&href);
		buf_free(&next);
		buf_free(&key);
	}
	if (q->page.cursor != PAGER_NONE) {
		buf_init(&href);
		pager_href(&href, "/payments", params.p, PAGER_NONE, NULL, 0,
		    0);
		if (!buf_failed(&href))
			tmpl_set(tmpl_section(d, "FIRST"), "FIRST_HREF",
			    href.p);
		buf_free(&href);
	}
	buf_free(&params);
}

static void
pay_due_row(struct request *req, struct tmpl_dict *d, struct db_rows *r)
{
	struct tmpl_dict	*x = tmpl_section(d, "ROW");
	const char		*lang = app_lang(req);
	int			 k;

	tmpl_set_int(x, "ID", db_int(r, 0));
	tmpl_set(x, "NAME", db_str(r, 1));
	tmpl_set(x, "USERNAME", db_str(r, 2));
	tmpl_set(x, "STATUS", app_text(req,
	    sub_status_keys[sub_status_parse(db_str(r, 3))]));
	tmpl_set(x, "STATUS_NAME", db_str(r, 3));
	tmpl_set(x, "TYPE", db_str(r, 4));
	i18n_set_date(x, "RENEWAL", lang, db_str(r, 5));
	k = util_lookup(pay_pref_names, PAY_PREF__MAX, db_str(r, 6));
	tmpl_set(x, "PREFERENCE", app_text(req, pay_pref_keys[k < 0 ? 0 : k]));
	money_set(x, "OWED", lang, db_int(r, 7), db_str(r, 8));
	if (!db_int(r, 9))
		tmpl_show(x, "NOT_CHARGED");
}

/* GET /payments */
int
pay_due(struct request *req)
{
	struct pay_due_q	 q;
	struct tmpl_dict	*d;
	struct db_rows		*r;
	char			 last[UTIL_DATE_LEN] = "";
	long long		 last_id = 0;
	size_t			 n = 0;
	int			 more;
	enum weft_err		 e;

	if ((d = app_page(req, "payments/due.tpl",
	    app_text(req, N_("payments.due.title")))) == NULL)
		return 500;
	pay_due_read(req, d, &q);
	if ((e = pay_due_dates(&q)) != WEFT_OK ||
	    (e = pay_due_filters(req, d, &q)) != WEFT_OK ||
	    (e = pay_due_total(req, d, &q)) != WEFT_OK ||
	    (e = pay_due_rows(&q, &q.page, PAY_DUE_PAGE + 1, &r)) != WEFT_OK)
		return app_status_of(e);
	while (n < PAY_DUE_PAGE && db_next(r)) {
		pay_due_row(req, d, r);
		util_copy(last, sizeof(last), db_str(r, 5));
		last_id = db_int(r, 0);
		n++;
	}
	more = db_nrows(r) > PAY_DUE_PAGE;
	db_rows_free(r);
	if (more)
		tmpl_show(d, "MORE");
	pay_due_links(d, &q, more, last, last_id);
	return app_render(req, 200);
}

/* One record of the CSV. */
static void
pay_due_csv_row(struct buf *b, struct db_rows *r)
{
	char	 amount[MONEY_NUM_LEN];

	money_fmt(db_int(r, 7), money_exponent(db_str(r, 8)), '.', amount);
	buf_printf(b, "%lld,", db_int(r, 0));
	buf_csv_fields(b, 6, db_str(r, 2), db_str(r, 1), db_str(r, 3),
	    db_str(r, 4), db_str(r, 5), db_str(r, 6));
	buf_puts(b, ",");
	buf_csv_fields(b, 2, amount, db_str(r, 8));
	buf_puts(b, "\r\n");
}

/*
 * GET /payments/due.csv: every row of the filters (not only a page's), in
 * the list's order and the machine's forms, PAY_DUE_CHUNK rows per query,
 * each chunk from the last row of the one before (keyset: no OFFSET, no
 * statement over everything at once), at most PAY_DUE_CSV_MAX rows; a
 * file cut there says so in its last line and in X-Weft-Truncated, as the
 * member list's export does.
 */
int
pay_due_csv(struct request *req)
{
	struct pay_due_q	 q;
	struct pager		 p;
	struct db_rows		*r;
	struct buf		*b = &req->resp.body;
	size_t			 n, total = 0;
	int			 more = 0;
	enum weft_err		 e;

	pay_due_read(req, NULL, &q);
	if ((e = pay_due_dates(&q)) != WEFT_OK)
		return app_status_of(e);
	memset(&p, 0, sizeof(p));
	buf_csv_fields(b, 8, "member_id", "username", "name", "status",
	    "type", "renewal_date", "preference", "owed");
	buf_puts(b, ",currency\r\n");
	for (;;) {
		if ((e = pay_due_rows(&q, &p, total < PAY_DUE_CSV_MAX ?
		    PAY_DUE_CHUNK : 1, &r)) != WEFT_OK)
			return app_status_of(e);
		if (total >= PAY_DUE_CSV_MAX) {
			more = db_nrows(r) > 0;
			db_rows_free(r);
			break;
		}
		for (n = 0; db_next(r); n++) {
			pay_due_csv_row(b, r);
			p.cursor = PAGER_AFTER;
			util_copy(p.key, sizeof(p.key), db_str(r, 5));
			p.id = db_int(r, 0);
		}
		db_rows_free(r);
		total += n;
		if (n < PAY_DUE_CHUNK)
			break;
	}
	if (more) {
		buf_csv_field(b, app_text(req, N_("payments.due.truncated")));
		buf_puts(b, "\r\n");
		http_header(&req->resp, "X-Weft-Truncated", "100000");
	}
	return app_csv(req, "subscriptions-due.csv");
}
