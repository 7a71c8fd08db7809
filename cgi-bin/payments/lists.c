/*
 * The payments received (payment.manage, over the members of the
 * actor's scope), by period and method, for reconciling the bank
 * account, with CSV.  Footnote 1 of docs/authorization.md: names and
 * payment columns only, never a contact detail, in the page and in the
 * CSV alike.  The due list is due.c.
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
