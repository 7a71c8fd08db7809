/*
 * The coordinators' lists (payment.manage, over the members of the
 * actor's scope): subscriptions due, overdue and lapsed, with filters,
 * totals and CSV; payments received by period and method, for
 * reconciling the bank account, with CSV.  Footnote 1 of
 * docs/authorization.md: names, status and subscription columns only,
 * never a contact detail, in the page and in the CSV alike.  The due
 * list is one range of subscriptions_due (renewal date) in order, so
 * its cost does not grow with the number of members (docs/payments.md).
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "i18n_conv.h"
#include "ledger.h"
#include "payments.h"
#include "util.h"

#define PAY_LIST_MAX	200	/* rows of a page */
#define PAY_CSV_MAX	100000	/* rows of a CSV file */

static const char *const pay_filter_status[] = {
	"open", "due", "overdue", "lapsed",
};
static const char *const pay_filter_status_keys[] = {
	N_("payments.due.filter.open"), N_("subscription.status.due"),
	N_("subscription.status.overdue"), N_("subscription.status.lapsed"),
};

enum { D_STATUS, D_TYPE, D_COMMUNITY, D_PREF, D__MAX };
static const struct form_field pay_due_fields[D__MAX] = {
	[D_STATUS] = { "status", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(pay_filter_status) },
	[D_TYPE] = { "type", FORM_ID, 0, 0, 0 },
	[D_COMMUNITY] = { "community", FORM_ID, 0, 0, 0 },
	[D_PREF] = { "preference", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(pay_pref_names) },
};

/* What a row owes: the rest of its period's charge, or the type's
 * amount when it is not charged yet. */
#define PAY_DUE_OWED \
    "COALESCE((SELECT c.minor - COALESCE((SELECT SUM(p.minor)" \
    " FROM payments p WHERE p.charge_id = c.id), 0) FROM charges c" \
    " WHERE c.member_id = s.member_id AND c.period_start = s.renewal_date)," \
    " t.minor)"

/* The due list's range and filters: renewal dates from today + lo to
 * today + hi days.  Parameters: lo, hi, type, type, pref, pref, site,
 * communities, community, community.  The rows and their grand total
 * read the same. */
#define PAY_DUE_FROM \
    " FROM subscriptions s FORCE INDEX (subscriptions_due)" \
    " JOIN members m ON m.id = s.member_id" \
    " JOIN subscription_types t ON t.id = s.type_id" \
    " WHERE s.active = 1 AND s.renewal_date >= UTC_DATE() + INTERVAL ? DAY" \
    " AND s.renewal_date <= UTC_DATE() + INTERVAL ? DAY" \
    " AND s.head_id IS NULL AND s.preference <> 'waived'" \
    " AND (? = 0 OR s.type_id = ?) AND (? = '' OR s.preference = ?)" \
    " AND (? = 1 OR FIND_IN_SET(COALESCE(m.community_id, 0), ?) > 0)" \
    " AND (? = 0 OR m.community_id = ?)"

/* The rows, in order: N, G (the status), PAY_DUE_FROM's, limit. */
static const char pay_sql_due[] =
    "SELECT m.id, m.name, m.username, " SUB_STATUS_SQL("s") ","
    " t.name, s.renewal_date, s.preference, " PAY_DUE_OWED ", t.currency,"
    " EXISTS (SELECT 1 FROM charges c WHERE c.member_id = s.member_id"
    " AND c.period_start = s.renewal_date)"
    PAY_DUE_FROM
    " ORDER BY s.renewal_date, s.member_id LIMIT ?";

/* The grand total of every row, not only of a page's, per currency:
 * PAY_DUE_FROM's parameters. */
static const char pay_sql_due_total[] =
    "SELECT t.currency, COUNT(*), SUM(" PAY_DUE_OWED ")"
    PAY_DUE_FROM
    " GROUP BY t.currency ORDER BY t.currency";

/* The filters read from the query, the day range of the status. */
struct pay_due_q {
	struct form_value	 v[D__MAX];
	long long		 lo, hi;
	long long		 n, g;
	struct ledger_scope	 sc;
};

static void
pay_due_read(struct request *req, struct tmpl_dict *d, struct pay_due_q *q)
{
	form_read(pay_due_fields, D__MAX, &req->query, app_lang(req), d, q->v);
	sub_days(&q->n, &q->g);
	ledger_scope_of(&req->actor, PERM_PAYMENT_MANAGE, &q->sc);
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
}

/* The rows (limit: at most), or with limit 0 the grand total. */
static enum weft_err
pay_due_query(struct pay_due_q *q, long long limit, struct db_rows **r)
{
	const char	*pref = q->v[D_PREF].set ? q->v[D_PREF].str : "";
	long long	 type = q->v[D_TYPE].set ? q->v[D_TYPE].id : 0;
	long long	 comm = q->v[D_COMMUNITY].set ? q->v[D_COMMUNITY].id : 0;

	if (limit == 0)
		return db_query(r, pay_sql_due_total, "iiiissisii", q->lo,
		    q->hi, type, type, pref, pref, (long long)q->sc.site,
		    q->sc.list, comm, comm);
	return db_query(r, pay_sql_due, "iiiiiissisiii", q->n, q->g, q->lo,
	    q->hi, type, type, pref, pref, (long long)q->sc.site, q->sc.list,
	    comm, comm, limit);
}

/* The grand total into d: the count of every row (COUNT), and a TOTAL
 * row per currency (its count and amount) in TOTALS. */
static enum weft_err
pay_due_total(struct request *req, struct tmpl_dict *d, struct pay_due_q *q)
{
	struct tmpl_dict *t = NULL, *x;
	struct db_rows	*r;
	long long	 count = 0;
	enum weft_err	 e;

	if ((e = pay_due_query(q, 0, &r)) != WEFT_OK)
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

/* GET /payments */
int
pay_due(struct request *req)
{
	struct pay_due_q	 q;
	struct tmpl_dict	*d, *x;
	struct db_rows		*r;
	const char		*lang = app_lang(req);
	size_t			 n = 0;
	int			 k;
	enum weft_err		 e;

	if ((d = app_page(req, "payments/due.tpl",
	    app_text(req, N_("payments.due.title")))) == NULL)
		return 500;
	pay_due_read(req, d, &q);
	if ((e = pay_due_filters(req, d, &q)) != WEFT_OK ||
	    (e = pay_due_total(req, d, &q)) != WEFT_OK ||
	    (e = pay_due_query(&q, PAY_LIST_MAX + 1, &r)) != WEFT_OK)
		return app_status_of(e);
	while (db_next(r) && n++ < PAY_LIST_MAX) {
		x = tmpl_section(d, "ROW");
		tmpl_set_int(x, "ID", db_int(r, 0));
		tmpl_set(x, "NAME", db_str(r, 1));
		tmpl_set(x, "USERNAME", db_str(r, 2));
		tmpl_set(x, "STATUS", app_text(req,
		    sub_status_keys[sub_status_parse(db_str(r, 3))]));
		tmpl_set(x, "STATUS_NAME", db_str(r, 3));
		tmpl_set(x, "TYPE", db_str(r, 4));
		i18n_set_date(x, "RENEWAL", lang, db_str(r, 5));
		k = util_lookup(pay_pref_names, PAY_PREF__MAX, db_str(r, 6));
		tmpl_set(x, "PREFERENCE", app_text(req, pay_pref_keys[k < 0 ?
		    0 : k]));
		money_set(x, "OWED", lang, db_int(r, 7), db_str(r, 8));
		if (!db_int(r, 9))
			tmpl_show(x, "NOT_CHARGED");
	}
	if (db_nrows(r) > PAY_LIST_MAX)
		tmpl_show(d, "MORE");
	db_rows_free(r);
	tmpl_set(d, "QUERY_STATUS", http_kv_get(&req->query, "status") ?
	    http_kv_get(&req->query, "status") : "");
	return app_render(req, 200);
}

/* GET /payments/due.csv: the same rows, the machine's forms. */
int
pay_due_csv(struct request *req)
{
	struct pay_due_q	 q;
	struct db_rows		*r;
	struct buf		*b = &req->resp.body;
	char			 amount[MONEY_NUM_LEN];
	enum weft_err		 e;

	pay_due_read(req, NULL, &q);
	if ((e = pay_due_query(&q, PAY_CSV_MAX, &r)) != WEFT_OK)
		return app_status_of(e);
	buf_csv_fields(b, 8, "member_id", "username", "name", "status",
	    "type", "renewal_date", "preference", "owed");
	buf_puts(b, ",currency\r\n");
	while (db_next(r)) {
		money_fmt(db_int(r, 7), money_exponent(db_str(r, 8)), '.',
		    amount);
		buf_printf(b, "%lld,", db_int(r, 0));
		buf_csv_fields(b, 6, db_str(r, 2), db_str(r, 1), db_str(r, 3),
		    db_str(r, 4), db_str(r, 5), db_str(r, 6));
		buf_puts(b, ",");
		buf_csv_fields(b, 2, amount, db_str(r, 8));
		buf_puts(b, "\r\n");
	}
	db_rows_free(r);
	return app_csv(req, "subscriptions-due.csv");
}

/* ---- payments received ------------------------------------------------- */

enum { R_FROM, R_TO, R_METHOD, R__MAX };
static const struct form_field pay_recv_fields[R__MAX] = {
	[R_FROM] = { "from", FORM_DATE, 0, 0, 0 },
	[R_TO] = { "to", FORM_DATE, 0, 0, 0 },
	[R_METHOD] = { "method", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(pay_pref_names) },
};

static const char pay_sql_recv[] =
    "SELECT p.id, p.paid_on, m.id, m.name, m.username, p.minor,"
    " p.currency, p.method, p.reference, p.note, c.period_start, r.name"
    " FROM payments p FORCE INDEX (payments_paid_on)"
    " JOIN members m ON m.id = p.member_id"
    " JOIN charges c ON c.id = p.charge_id"
    " JOIN members r ON r.id = p.recorded_by"
    " WHERE p.paid_on BETWEEN ? AND ? AND (? = '' OR p.method = ?)"
    " AND (? = 1 OR FIND_IN_SET(COALESCE(m.community_id, 0), ?) > 0)"
    " ORDER BY p.paid_on, p.id LIMIT ?";

/* Every payment of the period, not only a page's: per method and
 * currency, then (method NULL, the rollup) per currency. */
static const char pay_sql_recv_totals[] =
    "SELECT p.currency, p.method, COUNT(*), SUM(p.minor)"
    " FROM payments p JOIN members m ON m.id = p.member_id"
    " WHERE p.paid_on BETWEEN ? AND ? AND (? = '' OR p.method = ?)"
    " AND (? = 1 OR FIND_IN_SET(COALESCE(m.community_id, 0), ?) > 0)"
    " GROUP BY p.currency, p.method WITH ROLLUP";

struct pay_recv_q {
	struct form_value	 v[R__MAX];
	char			 from[UTIL_DATE_LEN];
	char			 to[UTIL_DATE_LEN];
	const char		*method;
	struct ledger_scope	 sc;
};

/* The period: from .. to, by default this month to today. */
static void
pay_recv_read(struct request *req, struct tmpl_dict *d, struct pay_recv_q *q)
{
	char	 today[UTIL_DATE_LEN] = "1970-01-01";

	form_read(pay_recv_fields, R__MAX, &req->query, app_lang(req), d, q->v);
	(void)util_today(today);
	snprintf(q->from, sizeof(q->from), "%.8s01", today);
	util_copy(q->to, sizeof(q->to), today);
	if (q->v[R_FROM].set)
		util_copy(q->from, sizeof(q->from), q->v[R_FROM].str);
	if (q->v[R_TO].set)
		util_copy(q->to, sizeof(q->to), q->v[R_TO].str);
	q->method = q->v[R_METHOD].set ? q->v[R_METHOD].str : "";
	ledger_scope_of(&req->actor, PERM_PAYMENT_MANAGE, &q->sc);
	if (d != NULL) {
		tmpl_set(d, "FROM", q->from);
		tmpl_set(d, "TO", q->to);
		tmpl_set(d, "METHOD_NAME", q->method);
	}
}

/* GET /payments/received */
int
pay_received(struct request *req)
{
	struct pay_recv_q	 q;
	struct tmpl_dict	*d, *x, *g = NULL;
	struct db_rows		*r;
	const char		*lang = app_lang(req);
	size_t			 i, n = 0;
	int			 k;
	enum weft_err		 e;

	if ((d = app_page(req, "payments/received.tpl",
	    app_text(req, N_("payments.received.title")))) == NULL)
		return 500;
	pay_recv_read(req, d, &q);
	for (i = 0; i < PAY_METHOD__MAX; i++)
		form_option(d, "METHOD_OPTION", pay_pref_names[i],
		    app_text(req, pay_pref_keys[i]),
		    q.v[R_METHOD].set && q.v[R_METHOD].choice == i);
	if ((e = db_query(&r, pay_sql_recv_totals, "ssssis", q.from, q.to,
	    q.method, q.method, (long long)q.sc.site, q.sc.list)) != WEFT_OK)
		return app_status_of(e);
	while (db_next(r)) {
		if (db_null(r, 0))
			continue;	/* the rollup of every currency */
		if (db_null(r, 1)) {
			if (g == NULL)
				g = tmpl_section(d, "GRAND");
			x = tmpl_section(g, "ALL");
		} else {
			x = tmpl_section(d, "TOTAL");
			k = util_lookup(pay_pref_names, PAY_METHOD__MAX,
			    db_str(r, 1));
			tmpl_set(x, "METHOD", app_text(req, pay_pref_keys[k < 0 ?
			    0 : k]));
		}
		tmpl_set_int(x, "COUNT", db_int(r, 2));
		money_set(x, "AMOUNT", lang, db_int(r, 3), db_str(r, 0));
	}
	db_rows_free(r);
	if ((e = db_query(&r, pay_sql_recv, "ssssisi", q.from, q.to, q.method,
	    q.method, (long long)q.sc.site, q.sc.list,
	    (long long)PAY_LIST_MAX + 1)) != WEFT_OK)
		return app_status_of(e);
	while (db_next(r) && n++ < PAY_LIST_MAX) {
		x = tmpl_section(d, "ROW");
		i18n_set_date(x, "PAID_ON", lang, db_str(r, 1));
		tmpl_set_int(x, "MEMBER_ID", db_int(r, 2));
		tmpl_set(x, "NAME", db_str(r, 3));
		money_set(x, "AMOUNT", lang, db_int(r, 5), db_str(r, 6));
		k = util_lookup(pay_pref_names, PAY_METHOD__MAX, db_str(r, 7));
		tmpl_set(x, "METHOD", app_text(req, pay_pref_keys[k < 0 ? 0 :
		    k]));
		tmpl_set(x, "REFERENCE", db_str(r, 8));
		i18n_set_date(x, "PERIOD", lang, db_str(r, 10));
		tmpl_set(x, "RECORDED_BY", db_str(r, 11));
	}
	if (db_nrows(r) > PAY_LIST_MAX)
		tmpl_show(d, "MORE");
	db_rows_free(r);
	if (n == 0)
		tmpl_show(d, "NONE");
	return app_render(req, 200);
}

/* GET /payments/received.csv */
int
pay_received_csv(struct request *req)
{
	struct pay_recv_q	 q;
	struct db_rows		*r;
	struct buf		*b = &req->resp.body;
	char			 amount[MONEY_NUM_LEN];
	enum weft_err		 e;

	pay_recv_read(req, NULL, &q);
	if ((e = db_query(&r, pay_sql_recv, "ssssisi", q.from, q.to, q.method,
	    q.method, (long long)q.sc.site, q.sc.list,
	    (long long)PAY_CSV_MAX)) != WEFT_OK)
		return app_status_of(e);
	buf_csv_fields(b, 6, "payment_id", "paid_on", "member_id", "username",
	    "name", "amount");
	buf_puts(b, ",");
	buf_csv_fields(b, 6, "currency", "method", "reference", "note",
	    "period_start", "recorded_by");
	buf_puts(b, "\r\n");
	while (db_next(r)) {
		money_fmt(db_int(r, 5), money_exponent(db_str(r, 6)), '.',
		    amount);
		buf_printf(b, "%lld,%s,%lld,", db_int(r, 0), db_str(r, 1),
		    db_int(r, 2));
		buf_csv_fields(b, 3, db_str(r, 4), db_str(r, 3), amount);
		buf_puts(b, ",");
		buf_csv_fields(b, 6, db_str(r, 6), db_str(r, 7), db_str(r, 8),
		    db_str(r, 9), db_str(r, 10), db_str(r, 11));
		buf_puts(b, "\r\n");
	}
	db_rows_free(r);
	return app_csv(req, "payments-received.csv");
}
