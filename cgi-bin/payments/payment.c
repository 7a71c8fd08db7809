/*
 * Recording a payment against a charge (payment.manage over the
 * member).  Partial payments add up; a payment larger than what is left
 * to pay is refused with a message saying how much that is (weft keeps
 * no credit: docs/payments.md).  The charge's row is locked first, so two
 * payments at once are judged one after the other.  The payment that
 * completes a charge moves the renewal date to the charge's period end
 * (when it still is the charge's start): the member is current.  Paid in
 * hours, the hours move to the timebank's own account through the
 * ledger, in the same transaction.  The receipt is queued in the
 * member's language in the same transaction too.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "i18n_conv.h"
#include "ledger.h"
#include "outbox.h"
#include "payments.h"
#include "util.h"

static const char *const pay_methods[PAY_METHOD__MAX] = {
	"cash", "cheque", "transfer", "card", "hours",
};

enum { P_AMOUNT, P_PAID_ON, P_METHOD, P_REF, P_NOTE, P_HOURS, P_KEY,
    P__MAX };
static const struct form_field pay_fields[P__MAX] = {
	[P_AMOUNT] = { "amount", FORM_MONEY, 1, 0, 0,
	    .refusal = N_("payments.pay.error.amount") },
	[P_PAID_ON] = { "paid_on", FORM_DATE, 1, 0, 0 },
	[P_METHOD] = { "method", FORM_CHOICE, 1, 0, 0,
	    FORM_CHOICES(pay_methods) },
	[P_REF] = { "reference", FORM_TEXT, 0, 0, 128 },
	[P_NOTE] = { "note", FORM_TEXT, 0, 0, 255 },
	[P_HOURS] = { "hours", FORM_HOURS, 0, 0, 0 },
	[P_KEY] = { "form_key", FORM_TEXT, 1, 1, LEDGER_KEY_LEN,
	    .flags = FORM_QUIET },
};

/* The charge, locked. */
struct pay_charge {
	long long	 id;
	long long	 minor;
	long long	 paid;
	char		 currency[MONEY_CODE_LEN];
	char		 start[11];
	char		 end[11];
};

static enum weft_err
pay_charge_lock(long long id, long long member, struct pay_charge *c)
{
	struct db_rows	*r;
	enum weft_err	 e;

	memset(c, 0, sizeof(*c));
	if ((e = db_query(&r, "SELECT id, minor, currency, period_start,"
	    " period_end FROM charges WHERE id = ? AND member_id = ?"
	    " FOR UPDATE", "ii", id, member)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	c->id = db_int(r, 0);
	c->minor = db_int(r, 1);
	util_copy(c->currency, sizeof(c->currency), db_str(r, 2));
	util_copy(c->start, sizeof(c->start), db_str(r, 3));
	util_copy(c->end, sizeof(c->end), db_str(r, 4));
	db_rows_free(r);
	return db_query_int(&c->paid, "SELECT COALESCE(SUM(minor), 0)"
	    " FROM payments WHERE charge_id = ?", "i", id);
}

/* The exchange that pays in hours, inside the transaction. */
static enum weft_err
pay_hours(struct request *req, const struct pay_member *m,
    const struct form_value *v, const struct pay_charge *c, long long tb,
    long long *xid, enum ledger_refusal *why)
{
	struct ledger_settings	 ls;
	struct ledger_entry	 x;
	struct buf		 desc;
	enum weft_err		 e;

	if ((e = ledger_settings_load(&ls)) != WEFT_OK)
		return e;
	buf_init(&desc);
	i18n_format(&desc, m->lang, N_("payments.pay.exchange"), "start",
	    c->start, NULL);
	memset(&x, 0, sizeof(x));
	x.provider = tb;
	x.recipient = m->id;
	x.hundredths = v[P_HOURS].hours;
	x.service_date = v[P_PAID_ON].str;
	x.description = buf_failed(&desc) ? "" : desc.p;
	x.form_key = v[P_KEY].str;
	x.community = m->community;
	e = ledger_record_within(&req->actor, &ls, &x, xid, why);
	buf_free(&desc);
	return e;
}

static int
pay_refuse(struct request *req, const struct pay_member *m,
    struct tmpl_dict *d, const char *field, const char *message)
{
	db_rollback();
	form_error(d, field, message);
	return pay_member_render(req, m, d, "payment", 422);
}

static const char pay_sql_insert[] =
    "INSERT INTO payments (charge_id, member_id, minor, currency, paid_on,"
    " method, reference, note, hundredths, exchange_id, form_key,"
    " recorded_by, recorded_as)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?)";

/* After the payment's row: the renewal date moved when the charge is
 * paid whole, the audit row (before: what was left to pay on the charge
 * and, when it moves, the renewal date; after: the payment, what is left
 * and the new date), the receipt. */
static enum weft_err
pay_payment_finish(struct request *req, const struct pay_member *m,
    const struct pay_charge *c, const struct form_value *v, long long pid,
    long long xid)
{
	struct buf	 before, after;
	long long	 hours = v[P_METHOD].choice == PAY_HOURS ?
			    v[P_HOURS].hours : 0;
	int		 renewed = 0;
	enum weft_err	 e;

	if (c->paid + v[P_AMOUNT].money == c->minor) {
		if ((e = db_exec("UPDATE subscriptions SET renewal_date = ?,"
		    " updated_at = UTC_TIMESTAMP() WHERE member_id = ?"
		    " AND renewal_date = ?", "sis", c->end, m->id, c->start)) !=
		    WEFT_OK)
			return e;
		renewed = db_affected() > 0;
	}
	buf_init(&before);
	buf_printf(&before, "{\"charge\":%lld,\"left\":%lld", c->id,
	    c->minor - c->paid);
	if (renewed)
		buf_printf(&before, ",\"renewal_date\":\"%s\"", c->start);
	buf_puts(&before, "}");
	buf_init(&after);
	buf_printf(&after, "{\"id\":%lld,\"charge\":%lld,\"minor\":%lld,"
	    "\"currency\":\"%s\",\"paid_on\":\"%s\",\"method\":\"%s\","
	    "\"reference\":", pid, c->id, v[P_AMOUNT].money, c->currency,
	    v[P_PAID_ON].str, v[P_METHOD].str);
	buf_json_str(&after, v[P_REF].str);
	buf_puts(&after, ",\"note\":");
	buf_json_str(&after, v[P_NOTE].str);
	buf_printf(&after, ",\"hundredths\":%lld,\"exchange\":%lld,"
	    "\"left\":%lld", hours, xid, c->minor - c->paid -
	    v[P_AMOUNT].money);
	if (renewed)
		buf_printf(&after, ",\"renewal_date\":\"%s\"", c->end);
	buf_puts(&after, "}");
	e = buf_failed(&before) || buf_failed(&after) ? WEFT_ERR_NOMEM :
	    audit_write(&req->actor, "payment.record", "payment", pid,
	    m->community, before.p, after.p);
	buf_free(&before);
	buf_free(&after);
	return e != WEFT_OK ? e : pay_receipt_queue(pid);
}

/* Refused: more than what is left to pay on c. */
static int
pay_refuse_more(struct request *req, const struct pay_member *m,
    struct tmpl_dict *d, const struct pay_charge *c)
{
	struct buf	 msg;
	char		 left[MONEY_LEN];
	int		 st;

	money_text(app_lang(req), c->minor - c->paid, c->currency, left);
	buf_init(&msg);
	i18n_format(&msg, app_lang(req), N_("payments.pay.error.more"),
	    "left", left, NULL);
	st = pay_refuse(req, m, d, "amount", buf_failed(&msg) ? "" : msg.p);
	buf_free(&msg);
	return st;
}

/*
 * The form checked, and for a payment in hours the timebank's
 * account and both balance rows made (ledger_record_within() needs them
 * before the transaction): -1 to go on, else what the handler returns
 * (0: the form rendered again with its messages, or a status).
 */
static int
pay_payment_read(struct request *req, const struct pay_member *m,
    struct tmpl_dict *d, struct form_value *v, long long *tb)
{
	enum weft_err	 e;

	if (!v[P_KEY].set || !ledger_key_ok(v[P_KEY].str))
		return 400;
	if (v[P_METHOD].choice != PAY_HOURS)
		return -1;
	if (!v[P_HOURS].set) {
		form_error(d, "hours", app_text(req,
		    N_("payments.pay.error.hours")));
		return pay_member_render(req, m, d, "payment", 422);
	}
	if ((e = ledger_timebank_account(tb)) != WEFT_OK ||
	    (e = ledger_prepare(*tb, m->id)) != WEFT_OK)
		return app_status_of(e);
	return -1;
}

/* POST /payments/members/:id/charges/:charge/payments */
int
pay_payment_record(struct request *req)
{
	struct form_value	 v[P__MAX];
	struct pay_member	 m;
	struct pay_charge	 c;
	struct tmpl_dict	*d;
	enum ledger_refusal	 why = LEDGER_OK;
	char			 path[64];
	long long		 tb = 0, xid = 0;
	int			 st;
	enum weft_err		 e;

	if ((st = pay_member_post(req, &m, &d, pay_fields, P__MAX, v,
	    "payment")) != -1 || (st = pay_payment_read(req, &m, d, v, &tb)) !=
	    -1)
		return st;
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	/* The subscription before the charge, as every writer of the
	 * member's charges and payments (sql/039: its triggers' order). */
	if ((e = pay_sub_lock(m.id)) != WEFT_OK ||
	    (e = pay_charge_lock(app_param_id(req, 1), m.id, &c)) != WEFT_OK) {
		db_rollback();
		return e == WEFT_ERR_NOTFOUND ? 404 : app_status_of(e);
	}
	if (strcmp(c.currency, money_site_currency()) != 0)
		return pay_refuse(req, &m, d, "amount", app_text(req,
		    N_("payments.pay.error.currency")));
	if (v[P_AMOUNT].money > c.minor - c.paid)
		return pay_refuse_more(req, &m, d, &c);
	if (tb != 0 && ((e = pay_hours(req, &m, v, &c, tb, &xid, &why)) !=
	    WEFT_OK || why != LEDGER_OK)) {
		if (e != WEFT_OK)
			goto err;
		return pay_refuse(req, &m, d, "hours", app_text(req,
		    why == LEDGER_REFUSE_DUPLICATE_KEY ?
		    N_("payments.pay.error.again") : ledger_refusal_keys[why]));
	}
	snprintf(path, sizeof(path), "/payments/members/%lld", m.id);
	e = db_exec(pay_sql_insert, "iiisssssiisii", c.id, m.id,
	    v[P_AMOUNT].money, c.currency, v[P_PAID_ON].str, v[P_METHOD].str,
	    v[P_REF].str, v[P_NOTE].str, tb != 0 ? v[P_HOURS].hours : 0LL, xid,
	    v[P_KEY].str, req->actor.member_id, req->actor.acting_id);
	if (e == WEFT_ERR_DUPLICATE) {
		db_rollback();
		return app_redirect(req, path, N_("payments.pay.flash.again"));
	}
	if (e != WEFT_OK || (e = pay_payment_finish(req, &m, &c, v,
	    db_insert_id(), xid)) != WEFT_OK || (e = db_commit()) != WEFT_OK)
		goto err;
	return app_redirect(req, path, N_("payments.pay.flash.recorded"));
err:
	db_rollback();
	return app_status_of(e);
}
