/*
 * Charges: what a member owes for one period.  "Generate the next
 * charge" makes the charge of the period that starts on the renewal
 * date, at the type's amount in the site's currency; the UNIQUE key
 * (member, period start) makes a double click, a reload or two
 * coordinators at once one charge.  "Delete" only while nothing is paid
 * on it: the payments of a charge lock its row first (payment.c), so the
 * check and the delete cannot cross a payment.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "form.h"
#include "i18n_conv.h"
#include "payments.h"
#include "util.h"

static const char pay_sql_charges[] =
    "SELECT c.id, c.period_start, c.period_end, c.minor, c.currency,"
    " COALESCE((SELECT SUM(p.minor) FROM payments p"
    " WHERE p.charge_id = c.id), 0)"
    " FROM charges c WHERE c.member_id = ? ORDER BY c.period_start DESC";

static const char pay_sql_payments[] =
    "SELECT p.id, p.paid_on, p.minor, p.currency, p.method, p.reference,"
    " p.note, COALESCE(p.hundredths, 0), c.period_start, r.name"
    " FROM payments p JOIN charges c ON c.id = p.charge_id"
    " JOIN members r ON r.id = p.recorded_by"
    " WHERE p.member_id = ? ORDER BY p.paid_on DESC, p.id DESC";

/* The payment form for charge open, the method the member's preference
 * unless the form is being redone. */
static enum weft_err
pay_form_show(struct request *req, struct tmpl_dict *d, long long open,
    const struct pay_sub *s, const char *redo)
{
	struct tmpl_dict	*f = tmpl_section(d, "PAY");
	const char		*sent = http_kv_get(&req->form, "method");
	char			 key[AUTH_TOKEN_HEX], today[UTIL_DATE_LEN];
	int			 again = redo != NULL && strcmp(redo, "payment") == 0;
	size_t			 i;

	tmpl_set_int(f, "CHARGE_ID", open);
	for (i = 0; i < PAY_METHOD__MAX; i++)
		form_option(f, "METHOD_OPTION", pay_pref_names[i],
		    app_text(req, pay_pref_keys[i]), again ? sent != NULL &&
		    strcmp(sent, pay_pref_names[i]) == 0 :
		    (enum pay_pref)i == s->pref);
	if (auth_random_hex(key) != WEFT_OK)
		return WEFT_ERR_SYS;
	tmpl_set(f, "FORM_KEY", key);
	if (!again && util_today(today) == WEFT_OK)
		tmpl_set(d, "PAID_ON", today);
	return WEFT_OK;
}

/* The member's payments, newest first. */
static enum weft_err
pay_payments_show(struct request *req, struct tmpl_dict *d,
    const struct pay_member *m)
{
	struct tmpl_dict	*x;
	struct db_rows		*r;
	const char		*lang = app_lang(req);
	int			 i;
	enum weft_err		 e;

	if ((e = db_query(&r, pay_sql_payments, "i", m->id)) != WEFT_OK)
		return e;
	if (db_nrows(r) == 0)
		tmpl_show(d, "NO_PAYMENTS");
	while (db_next(r)) {
		x = tmpl_section(d, "PAYMENT");
		tmpl_set_int(x, "PAYMENT_ID", db_int(r, 0));
		i18n_set_date(x, "PAID_ON", lang, db_str(r, 1));
		money_set(x, "AMOUNT", lang, db_int(r, 2), db_str(r, 3));
		i = util_lookup(pay_pref_names, PAY_METHOD__MAX, db_str(r, 4));
		tmpl_set(x, "METHOD", app_text(req, pay_pref_keys[i < 0 ? 0 :
		    i]));
		tmpl_set(x, "REFERENCE", db_str(r, 5));
		tmpl_set(x, "NOTE", db_str(r, 6));
		if (db_int(r, 7) > 0)
			i18n_set_hours(tmpl_section(x, "HOURS"), "HOURS", lang,
			    db_int(r, 7));
		i18n_set_date(x, "PERIOD", lang, db_str(r, 8));
		tmpl_set(x, "RECORDED_BY", db_str(r, 9));
	}
	db_rows_free(r);
	return WEFT_OK;
}

/* Fills the charges and payments of the member page, and the payment
 * form for the oldest charge with something left to pay. */
enum weft_err
pay_charges_show(struct request *req, struct tmpl_dict *d,
    const struct pay_member *m, const struct pay_sub *s, const char *redo)
{
	struct tmpl_dict	*x;
	struct db_rows		*r;
	const char		*lang = app_lang(req);
	long long		 left, open = 0;
	enum weft_err		 e;

	if (s->exists && s->active && s->head_id == 0 && s->pref != PAY_WAIVED)
		i18n_set_date(tmpl_section(d, "GENERATE"), "PERIOD_START",
		    lang, s->renewal);
	if ((e = db_query(&r, pay_sql_charges, "i", m->id)) != WEFT_OK)
		return e;
	if (db_nrows(r) == 0)
		tmpl_show(d, "NO_CHARGES");
	while (db_next(r)) {
		x = tmpl_section(d, "CHARGE");
		left = db_int(r, 3) - db_int(r, 5);
		tmpl_set_int(x, "CHARGE_ID", db_int(r, 0));
		i18n_set_date(x, "START", lang, db_str(r, 1));
		i18n_set_date(x, "END", lang, db_str(r, 2));
		money_set(x, "AMOUNT", lang, db_int(r, 3), db_str(r, 4));
		money_set(x, "PAID", lang, db_int(r, 5), db_str(r, 4));
		money_set(x, "LEFT", lang, left, db_str(r, 4));
		if (db_int(r, 5) == 0)
			tmpl_show(x, "DELETE");
		if (left > 0)
			open = db_int(r, 0);	/* the oldest: last in order */
	}
	db_rows_free(r);
	if (open != 0 && (e = pay_form_show(req, d, open, s, redo)) != WEFT_OK)
		return e;
	return pay_payments_show(req, d, m);
}

static const char pay_sql_next[] =
    "INSERT INTO charges (member_id, type_id, period_start, period_end,"
    " minor, currency, created_by)"
    " SELECT s.member_id, s.type_id, s.renewal_date,"
    " IF(t.period_unit = 'year', s.renewal_date + INTERVAL t.period_n YEAR,"
    " s.renewal_date + INTERVAL t.period_n MONTH), t.minor, ?, ?"
    " FROM subscriptions s JOIN subscription_types t ON t.id = s.type_id"
    " WHERE s.member_id = ?";

/* POST /payments/members/:id/charges: the charge of the period that
 * starts on the renewal date; one already there is the answer. */
int
pay_charge_next(struct request *req)
{
	struct pay_member	 m;
	struct pay_sub		 s;
	struct buf		 after;
	char			 path[64];
	long long		 id;
	int			 st;
	enum weft_err		 e;

	if ((st = pay_target(req, &m)) != 0)
		return st;
	if ((e = pay_sub_load(&m, "en", &s)) != WEFT_OK)
		return app_status_of(e);
	if (!s.exists || !s.active || s.head_id != 0 || s.pref == PAY_WAIVED)
		return app_error(req, 409, app_text(req,
		    N_("payments.charge.error.none_due")));
	snprintf(path, sizeof(path), "/payments/members/%lld", m.id);
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	/* The subscription first, as every writer of the member's charges
	 * (sql/039: its triggers' order). */
	if ((e = pay_sub_lock(m.id)) != WEFT_OK)
		goto err;
	e = db_exec(pay_sql_next, "sii", money_site_currency(),
	    req->actor.member_id, m.id);
	if (e == WEFT_ERR_DUPLICATE) {
		db_rollback();
		return app_redirect(req, path, N_("payments.charge.flash.exists"));
	}
	if (e != WEFT_OK)
		goto err;
	id = db_insert_id();
	buf_init(&after);
	buf_printf(&after, "{\"id\":%lld,\"period_start\":\"%s\","
	    "\"minor\":%lld,\"currency\":\"%s\"}", id, s.renewal, s.minor,
	    money_site_currency());
	e = buf_failed(&after) ? WEFT_ERR_NOMEM : audit_write(&req->actor,
	    "charge.generate", "charge", id, m.community, NULL, after.p);
	buf_free(&after);
	if (e != WEFT_OK || (e = db_commit()) != WEFT_OK)
		goto err;
	return app_redirect(req, path, N_("payments.charge.flash.made"));
err:
	db_rollback();
	return app_status_of(e);
}

/* POST /payments/members/:id/charges/:charge/delete */
int
pay_charge_delete(struct request *req)
{
	struct pay_member	 m;
	struct db_rows		*r;
	struct buf		 before;
	char			 path[64];
	long long		 cid = app_param_id(req, 1), paid;
	int			 st;
	enum weft_err		 e;

	if ((st = pay_target(req, &m)) != 0)
		return st;
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((e = pay_sub_lock(m.id)) != WEFT_OK ||
	    (e = db_query(&r, "SELECT id, period_start, minor, currency"
	    " FROM charges WHERE id = ? AND member_id = ? FOR UPDATE", "ii",
	    cid, m.id)) != WEFT_OK)
		goto err;
	if (!db_next(r)) {
		db_rows_free(r);
		db_rollback();
		return 404;
	}
	buf_init(&before);
	buf_printf(&before, "{\"id\":%lld,\"period_start\":\"%s\","
	    "\"minor\":%lld,\"currency\":\"%s\"}", cid, db_str(r, 1),
	    db_int(r, 2), db_str(r, 3));
	db_rows_free(r);
	if ((e = db_query_int(&paid, "SELECT COUNT(*) FROM payments"
	    " WHERE charge_id = ?", "i", cid)) != WEFT_OK)
		goto err_buf;
	if (paid > 0) {
		buf_free(&before);
		db_rollback();
		return app_error(req, 409, app_text(req,
		    N_("payments.charge.error.paid")));
	}
	if ((e = db_exec("DELETE FROM charges WHERE id = ?", "i", cid)) !=
	    WEFT_OK || (e = buf_failed(&before) ? WEFT_ERR_NOMEM :
	    audit_write(&req->actor, "charge.delete", "charge", cid,
	    m.community, before.p, NULL)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK)
		goto err_buf;
	buf_free(&before);
	snprintf(path, sizeof(path), "/payments/members/%lld", m.id);
	return app_redirect(req, path, N_("payments.charge.flash.deleted"));
err_buf:
	buf_free(&before);
err:
	db_rollback();
	return app_status_of(e);
}
