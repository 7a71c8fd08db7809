/*
 * Notices through the outbox (docs/mail.md), each rendered in the
 * member's language and queued in the transaction of what causes it: a
 * receipt when a payment is recorded; and the due list's button, which
 * queues the renewal reminders due now in the coordinator's scope
 * (common/sub_reminders.h: the same as weft-mailer's periodic job, one
 * per member, period and kind however often either runs).
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "i18n_conv.h"
#include "ledger.h"
#include "outbox.h"
#include "payments.h"
#include "sub_reminders.h"
#include "util.h"

/* The text of key in lang with pairs, into a fresh buffer the caller
 * frees; NULL when it could not be built. */
static const char *
pay_text(struct buf *b, const char *lang, const char *key, const char *a,
    const char *av)
{
	buf_init(b);
	i18n_format(b, lang, key, a, av, NULL);
	return buf_failed(b) ? NULL : b->p;
}

/* POST /payments/reminders: queues the reminders due now to the members
 * in the actor's scope, a batch at a time, with one audit row. */
int
pay_reminders(struct request *req)
{
	struct ledger_scope	 sc;
	char			 after[64];
	long long		 n = 0;
	enum weft_err		 e;

	ledger_scope_of(&req->actor, PERM_PAYMENT_MANAGE, &sc);
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((e = sub_reminders_queue(sc.site, sc.list, &n)) != WEFT_OK)
		goto err;
	snprintf(after, sizeof(after), "{\"queued\":%lld}", n);
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
	    "amount", amount);
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
