/*
 * Notices through the outbox (docs/mail.md), each rendered in the
 * member's language and queued in the transaction of what causes it: a
 * receipt when a payment is recorded; renewal reminders, one N days
 * before the renewal date (payment_reminder_days) and one on it (the
 * first run on or after it, while the subscription is overdue), to the
 * member who pays (a household's head).  payment_notices' key (member,
 * period, kind) makes a reminder once per member and period however
 * often the job runs.  The same selection is what the switch page shows
 * as "who would be mailed".
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "i18n_conv.h"
#include "ledger.h"
#include "outbox.h"
#include "payments.h"
#include "util.h"

#define PAY_REMINDERS_BATCH	200	/* reminders one request queues */

/* The reminders due now, in scope (parameters: N, N, G, site, the list
 * of communities), with the kind each is: 'before' or 'on'.  Members of
 * a household (head_id) are reminded through their head. */
static const char pay_sql_due_notices[] =
    "SELECT s.member_id, s.renewal_date,"
    " IF(s.renewal_date > UTC_DATE(), 'before', 'on') AS kind,"
    " m.name, m.email, m.lang"
    " FROM subscriptions s JOIN members m ON m.id = s.member_id"
    " WHERE s.active = 1 AND s.head_id IS NULL AND s.preference <> 'waived'"
    " AND m.status = 'approved'"
    " AND s.renewal_date <= UTC_DATE() + INTERVAL ? DAY"
    " AND s.renewal_date >= UTC_DATE() - INTERVAL ? DAY"
    " AND (? = 1 OR FIND_IN_SET(COALESCE(m.community_id, 0), ?) > 0)"
    " AND NOT EXISTS (SELECT 1 FROM payment_notices n"
    " WHERE n.member_id = s.member_id AND n.period_start = s.renewal_date"
    " AND n.kind = IF(s.renewal_date > UTC_DATE(), 'before', 'on'))"
    " ORDER BY s.renewal_date, s.member_id LIMIT ?";

enum weft_err
pay_notices_due(const struct ledger_scope *sc, size_t max,
    struct db_rows **out)
{
	long long	 n, g;

	sub_days(&n, &g);
	return db_query(out, pay_sql_due_notices, "iiisi", n, g,
	    (long long)sc->site, sc->list, (long long)max);
}

/* The text of key in lang with pairs, into a fresh buffer the caller
 * frees; NULL when it could not be built. */
static const char *
pay_text(struct buf *b, const char *lang, const char *key, const char *a,
    const char *av, const char *c, const char *cv, const char *e,
    const char *ev)
{
	buf_init(b);
	i18n_format(b, lang, key, a, av, c, cv, e, ev, NULL);
	return buf_failed(b) ? NULL : b->p;
}

/* One reminder of member (a row of pay_sql_due_notices), inside the
 * caller's transaction: its notice row, then its mail; *made 0 when
 * another run made it meanwhile. */
static enum weft_err
pay_reminder_one(struct db_rows *r, int *made)
{
	struct outbox_msg	 msg;
	struct buf		 subj, body;
	const char		*lang = db_str(r, 5);
	const char		*before = strcmp(db_str(r, 2), "before") == 0 ?
				    "1" : NULL;
	char			 date[I18N_DATE_LEN];
	long long		 oid;
	enum weft_err		 e;

	*made = 0;
	if ((e = db_exec("INSERT IGNORE INTO payment_notices (member_id,"
	    " period_start, kind) VALUES (?, ?, ?)", "iss", db_int(r, 0),
	    db_str(r, 1), db_str(r, 2))) != WEFT_OK || db_affected() == 0)
		return e;
	i18n_date(lang, db_str(r, 1), date, sizeof(date));
	memset(&msg, 0, sizeof(msg));
	msg.kind = "payments.reminder";
	msg.member_id = db_int(r, 0);
	msg.to_addr = db_str(r, 4);
	msg.to_name = db_str(r, 3);
	msg.lang = lang;
	msg.subject = pay_text(&subj, lang, before != NULL ?
	    N_("mail.payments.reminder.subject_before") :
	    N_("mail.payments.reminder.subject_on"), "date", date, NULL, NULL,
	    NULL, NULL);
	msg.body = pay_text(&body, lang, before != NULL ?
	    N_("mail.payments.reminder.body_before") :
	    N_("mail.payments.reminder.body_on"), "name", db_str(r, 3),
	    "date", date, NULL, NULL);
	e = msg.subject == NULL || msg.body == NULL ? WEFT_ERR_NOMEM :
	    outbox_queue(&msg, &oid);
	buf_free(&subj);
	buf_free(&body);
	if (e == WEFT_OK && (e = db_exec("UPDATE payment_notices SET"
	    " outbox_id = ? WHERE member_id = ? AND period_start = ?"
	    " AND kind = ?", "iiss", oid, db_int(r, 0), db_str(r, 1),
	    db_str(r, 2))) == WEFT_OK)
		*made = 1;
	return e;
}

/* POST /payments/reminders: queues the reminders due now to the members
 * in the actor's scope, a batch at a time, with one audit row. */
int
pay_reminders(struct request *req)
{
	struct ledger_scope	 sc;
	struct db_rows		*r;
	char			 after[64];
	int			 made, n = 0;
	enum weft_err		 e;

	ledger_scope_of(&req->actor, PERM_PAYMENT_MANAGE, &sc);
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((e = pay_notices_due(&sc, PAY_REMINDERS_BATCH, &r)) != WEFT_OK)
		goto err;
	while (db_next(r)) {
		if ((e = pay_reminder_one(r, &made)) != WEFT_OK) {
			db_rows_free(r);
			goto err;
		}
		n += made;
	}
	db_rows_free(r);
	snprintf(after, sizeof(after), "{\"queued\":%d}", n);
	if ((e = audit_write(&req->actor, "payment.reminders", "payments", 0,
	    sc.site || sc.n != 1 ? 0 : sc.ids[0], NULL, after)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK)
		goto err;
	return app_redirect(req, "/payments", n > 0 ?
	    N_("payments.reminders.flash.sent") :
	    N_("payments.reminders.flash.none"));
err:
	db_rollback();
	return app_status_of(e);
}

static const char pay_sql_receipt[] =
    "SELECT p.minor, p.currency, p.paid_on, p.method, c.period_start,"
    " c.period_end, c.minor - (SELECT SUM(q.minor) FROM payments q"
    " WHERE q.charge_id = c.id), m.id, m.name, m.email, m.lang"
    " FROM payments p JOIN charges c ON c.id = p.charge_id"
    " JOIN members m ON m.id = p.member_id WHERE p.id = ?";

enum weft_err
pay_receipt_queue(long long payment_id)
{
	struct outbox_msg	 msg;
	struct db_rows		*r;
	struct buf		 subj, body;
	const char		*lang;
	char			 amount[MONEY_LEN], left[MONEY_LEN];
	char			 date[I18N_DATE_LEN], start[I18N_DATE_LEN];
	char			 end[I18N_DATE_LEN];
	int			 i;
	enum weft_err		 e;

	if ((e = db_query(&r, pay_sql_receipt, "i", payment_id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	lang = db_str(r, 10);
	money_text(lang, db_int(r, 0), db_str(r, 1), amount);
	money_text(lang, db_int(r, 6), db_str(r, 1), left);
	i18n_date(lang, db_str(r, 2), date, sizeof(date));
	i18n_date(lang, db_str(r, 4), start, sizeof(start));
	i18n_date(lang, db_str(r, 5), end, sizeof(end));
	i = util_lookup(pay_pref_names, PAY_METHOD__MAX, db_str(r, 3));
	memset(&msg, 0, sizeof(msg));
	msg.kind = "payments.receipt";
	msg.member_id = db_int(r, 7);
	msg.to_name = db_str(r, 8);
	msg.to_addr = db_str(r, 9);
	msg.lang = lang;
	msg.subject = pay_text(&subj, lang, N_("mail.payments.receipt.subject"),
	    "amount", amount, NULL, NULL, NULL, NULL);
	buf_init(&body);
	i18n_format(&body, lang, N_("mail.payments.receipt.body"), "name",
	    db_str(r, 8), "amount", amount, "date", date, "method",
	    i18n_text(lang, pay_pref_keys[i < 0 ? 0 : i]), "start", start,
	    "end", end, "left", left, NULL);
	msg.body = buf_failed(&body) ? NULL : body.p;
	e = msg.subject == NULL || msg.body == NULL ? WEFT_ERR_NOMEM :
	    outbox_queue(&msg, NULL);
	buf_free(&subj);
	buf_free(&body);
	db_rows_free(r);
	return e;
}
