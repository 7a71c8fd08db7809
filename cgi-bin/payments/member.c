/*
 * A member's subscription page (payment.manage over the member's
 * community): the subscription with its status, each action of the seed
 * (activate or deactivate, renewal date, type, payment preference with a
 * gateway's reference, the household head), the charges with "generate
 * the next charge" and "delete" (charge.c), the payments and the form
 * that records one (payment.c).  Footnote 1 of docs/authorization.md:
 * the page shows names, status and the subscription, no contact detail.
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

enum { S_TYPE, S_RENEWAL, S_PREF, S_REF, S_ACTIVE, S__MAX };
static const struct form_field pay_sub_fields[S__MAX] = {
	[S_TYPE] = { "type", FORM_ID, 1, 0, 0 },
	[S_RENEWAL] = { "renewal_date", FORM_DATE, 1, 0, 0 },
	[S_PREF] = { "preference", FORM_CHOICE, 1, 0, 0,
	    FORM_CHOICES(pay_pref_names) },
	[S_REF] = { "gateway_ref", FORM_TEXT, 0, 0, 128 },
	[S_ACTIVE] = { "active", FORM_BOOL, 0, 0, 0 },
};

enum { H_HEAD, H__MAX };
static const struct form_field pay_head_fields[H__MAX] = {
	[H_HEAD] = { "head", FORM_USERNAME, 0, 0, 0 },
};

struct tmpl_dict *
pay_member_dict(struct request *req, const struct pay_member *m)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "payments/member.tpl",
	    app_text(req, N_("payments.member.title")))) == NULL)
		return NULL;
	tmpl_set_int(d, "MEMBER_ID", m->id);
	tmpl_set(d, "MEMBER_NAME", m->name);
	tmpl_set(d, "MEMBER_USERNAME", m->username);
	return d;
}

/* The options of the type select: the active types, and the member's
 * own when it is retired. */
static enum weft_err
pay_type_options(struct request *req, struct tmpl_dict *d, long long cur)
{
	struct db_rows	*r;
	enum weft_err	 e;

	if ((e = db_query(&r, "SELECT t.id, " PAY_TYPE_NAME_SQL("t", "?")
	    " FROM subscription_types t WHERE t.active = 1 OR t.id = ?"
	    " ORDER BY t.active DESC, t.name", "si", app_lang(req), cur)) !=
	    WEFT_OK)
		return e;
	form_options(d, "TYPE_OPTION", r, cur);
	db_rows_free(r);
	return WEFT_OK;
}

static void
pay_choice_options(struct request *req, struct tmpl_dict *d,
    const char *section, size_t n, const char *selected)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		form_option(d, section, pay_pref_names[i],
		    app_text(req, pay_pref_keys[i]),
		    selected != NULL && strcmp(pay_pref_names[i], selected) == 0);
}

/* The subscription's facts and the values of its form. */
static void
pay_sub_show(struct request *req, struct tmpl_dict *d,
    const struct pay_sub *s, const char *redo)
{
	struct tmpl_dict	*x;
	char			 today[UTIL_DATE_LEN];

	tmpl_set(d, "STATUS", app_text(req, sub_status_keys[s->status]));
	tmpl_set(d, "STATUS_NAME", sub_status_names[s->status]);
	if (!s->exists) {
		tmpl_show(d, "NO_SUB");
		if (redo == NULL || strcmp(redo, "subscription") != 0) {
			if (util_today(today) == WEFT_OK)
				tmpl_set(d, "RENEWAL_DATE", today);
			tmpl_show(d, "ACTIVE_CHECKED");
		}
		return;
	}
	x = tmpl_section(d, "SUB");
	tmpl_set(x, "TYPE_NAME", s->type_name);
	tmpl_set(x, "KIND", app_text(req, pay_kind_keys[s->kind]));
	money_set(x, "AMOUNT", app_lang(req), s->minor, s->currency);
	i18n_set_date(x, "RENEWAL", app_lang(req), s->renewal);
	tmpl_set(x, "PREFERENCE", app_text(req, pay_pref_keys[s->pref]));
	if (s->gateway_ref[0] != '\0')
		tmpl_set(tmpl_section(x, "GATEWAY"), "GATEWAY_REF",
		    s->gateway_ref);
	if (!s->active)
		tmpl_show(x, "INACTIVE");
	if (s->head_id != 0) {
		x = tmpl_section(d, "HOUSEHOLD_MEMBER");
		tmpl_set_int(x, "HEAD_ID", s->head_id);
		tmpl_set(x, "HEAD_NAME", s->head_name);
		i18n_set_date(x, "HEAD_RENEWAL", app_lang(req),
		    s->payer_renewal);
	}
	if (redo != NULL && strcmp(redo, "subscription") == 0)
		return;
	tmpl_set(d, "RENEWAL_DATE", s->renewal);
	tmpl_set(d, "GATEWAY_REF", s->gateway_ref);
	if (s->active)
		tmpl_show(d, "ACTIVE_CHECKED");
}

/* The household's members of a head. */
static enum weft_err
pay_household_show(struct tmpl_dict *d, const struct pay_member *m)
{
	struct tmpl_dict	*x;
	struct db_rows		*r;
	enum weft_err		 e;

	if ((e = db_query(&r, "SELECT m.id, m.name FROM subscriptions s"
	    " JOIN members m ON m.id = s.member_id WHERE s.head_id = ?"
	    " ORDER BY m.name, m.id", "i", m->id)) != WEFT_OK)
		return e;
	while (db_next(r)) {
		x = tmpl_section(d, "HOUSEHOLD");
		tmpl_set_int(x, "ID", db_int(r, 0));
		tmpl_set(x, "NAME", db_str(r, 1));
	}
	db_rows_free(r);
	return WEFT_OK;
}

/* Charges and payments (charge.c, payment.c fill their parts). */
enum weft_err	 pay_charges_show(struct request *, struct tmpl_dict *,
		    const struct pay_member *, const struct pay_sub *,
		    const char *redo);

int
pay_member_render(struct request *req, const struct pay_member *m,
    struct tmpl_dict *d, const char *redo, int status)
{
	struct pay_sub	 s;
	enum weft_err	 e;

	if ((e = pay_sub_load(m, app_lang(req), &s)) != WEFT_OK ||
	    (e = pay_type_options(req, d, s.type_id)) != WEFT_OK ||
	    (e = pay_household_show(d, m)) != WEFT_OK)
		return app_status_of(e);
	pay_sub_show(req, d, &s, redo);
	pay_choice_options(req, d, "PREF_OPTION", PAY_PREF__MAX,
	    redo != NULL && strcmp(redo, "subscription") == 0 ?
	    http_kv_get(&req->form, "preference") : pay_pref_names[s.pref]);
	if (redo == NULL || strcmp(redo, "household") != 0)
		tmpl_set(d, "HEAD", s.head_username);
	if ((e = pay_charges_show(req, d, m, &s, redo)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, status);
}

int
pay_member_post(struct request *req, struct pay_member *m,
    struct tmpl_dict **d, const struct form_field *fields, size_t n,
    struct form_value *v, const char *redo)
{
	int	 st;

	if ((st = pay_target(req, m)) != 0)
		return st;
	if ((*d = pay_member_dict(req, m)) == NULL)
		return 500;
	if (form_read(fields, n, &req->form, app_lang(req), *d, v) > 0)
		return pay_member_render(req, m, *d, redo, 422);
	return -1;
}

/* GET /payments/members/:id */
int
pay_member(struct request *req)
{
	struct pay_member	 m;
	struct tmpl_dict	*d;
	int			 st;

	if ((st = pay_target(req, &m)) != 0)
		return st;
	if ((d = pay_member_dict(req, &m)) == NULL)
		return 500;
	return pay_member_render(req, &m, d, NULL, 200);
}

static void
pay_sub_json(struct buf *b, const struct pay_sub *s)
{
	if (!s->exists) {
		buf_puts(b, "null");
		return;
	}
	buf_printf(b, "{\"type\":%lld,\"renewal_date\":\"%s\",\"preference\":"
	    "\"%s\",\"gateway_ref\":", s->type_id, s->renewal,
	    pay_pref_names[s->pref]);
	buf_json_str(b, s->gateway_ref);
	buf_printf(b, ",\"active\":%s,\"head\":%lld}", s->active ? "true" :
	    "false", s->head_id);
}

static const char pay_sql_sub_save[] =
    "INSERT INTO subscriptions (member_id, type_id, active, renewal_date,"
    " preference, gateway_ref)"
    " SELECT ?, t.id, ?, ?, ?, ? FROM subscription_types t"
    " WHERE t.id = ? AND (t.active = 1 OR t.id = ?)"
    " ON DUPLICATE KEY UPDATE type_id = VALUES(type_id),"
    " active = VALUES(active), renewal_date = VALUES(renewal_date),"
    " preference = VALUES(preference), gateway_ref = VALUES(gateway_ref),"
    " updated_at = UTC_TIMESTAMP()";

/* POST /payments/members/:id/subscription: starts or changes it. */
int
pay_sub_save(struct request *req)
{
	struct form_value	 v[S__MAX];
	struct pay_member	 m;
	struct pay_sub		 s, n;
	struct tmpl_dict	*d;
	struct buf		 before, after;
	char			 path[64];
	int			 st;
	enum weft_err		 e;

	if ((st = pay_member_post(req, &m, &d, pay_sub_fields, S__MAX, v,
	    "subscription")) != -1)
		return st;
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((e = pay_sub_lock(m.id)) != WEFT_OK ||
	    (e = pay_sub_load(&m, "en", &s)) != WEFT_OK ||
	    (e = db_exec(pay_sql_sub_save, "iisssii", m.id,
	    (long long)v[S_ACTIVE].on, v[S_RENEWAL].str, v[S_PREF].str,
	    v[S_REF].str, v[S_TYPE].id, s.type_id)) != WEFT_OK)
		goto err;
	if (db_affected() == 0) {
		db_rollback();
		form_error(d, "type", app_text(req,
		    N_("payments.member.error.type")));
		return pay_member_render(req, &m, d, "subscription", 422);
	}
	if ((e = pay_sub_load(&m, "en", &n)) != WEFT_OK)
		goto err;
	buf_init(&before);
	buf_init(&after);
	pay_sub_json(&before, &s);
	pay_sub_json(&after, &n);
	e = buf_failed(&before) || buf_failed(&after) ? WEFT_ERR_NOMEM :
	    audit_write(&req->actor, "subscription.save", "member", m.id,
	    m.community, before.p, after.p);
	buf_free(&before);
	buf_free(&after);
	if (e != WEFT_OK || (e = db_commit()) != WEFT_OK)
		goto err;
	snprintf(path, sizeof(path), "/payments/members/%lld", m.id);
	return app_redirect(req, path, N_("payments.member.flash.saved"));
err:
	db_rollback();
	return app_status_of(e);
}

/*
 * May username head the household of m?  A member of the actor's scope,
 * not m, whose own subscription is of a household type and who is in no
 * household; and m heads no household of its own (no chains).  NULL
 * when it may (*hid the head), else the phrase key saying why not.
 */
static const char *
pay_head_check(struct request *req, const struct pay_member *m,
    const char *username, long long *hid, enum weft_err *e)
{
	struct pay_member	 h;
	struct pay_sub		 hs;
	struct scope		 sc;
	long long		 n;

	*e = db_query_int(hid, "SELECT id FROM members WHERE username = ?",
	    "s", username);
	if (*e == WEFT_ERR_NOTFOUND || (*e == WEFT_OK && *hid == m->id)) {
		*e = WEFT_OK;
		return N_("payments.household.error.head");
	}
	if (*e != WEFT_OK || (*e = pay_member_load(*hid, &h)) != WEFT_OK ||
	    (*e = pay_sub_load(&h, "en", &hs)) != WEFT_OK ||
	    (*e = db_query_int(&n, "SELECT COUNT(*) FROM subscriptions"
	    " WHERE head_id = ?", "i", m->id)) != WEFT_OK)
		return NULL;
	scope_of_community(h.community, &sc);
	if (!role_allows(&req->actor.grants, PERM_PAYMENT_MANAGE, &sc) ||
	    !hs.exists || hs.kind != PAY_KIND_HOUSEHOLD || hs.head_id != 0 ||
	    n > 0)
		return N_("payments.household.error.head");
	return NULL;
}

/*
 * POST /payments/members/:id/household: head, a username, makes the
 * member one of that head's household (the head's subscription, of a
 * household type, pays for them); empty takes them out.
 */
int
pay_household_save(struct request *req)
{
	struct form_value	 v[H__MAX];
	struct pay_member	 m;
	struct pay_sub		 s;
	struct tmpl_dict	*d;
	const char		*why = NULL;
	char			 path[64], before[48], after[48];
	long long		 hid = 0;
	int			 st;
	enum weft_err		 e = WEFT_OK;

	if ((st = pay_member_post(req, &m, &d, pay_head_fields, H__MAX, v,
	    "household")) != -1)
		return st;
	if ((e = pay_sub_load(&m, "en", &s)) != WEFT_OK)
		return app_status_of(e);
	if (!s.exists)
		why = N_("payments.household.error.no_sub");
	else if (v[H_HEAD].set)
		why = pay_head_check(req, &m, v[H_HEAD].str, &hid, &e);
	if (e != WEFT_OK)
		return app_status_of(e);
	if (why != NULL) {
		form_error(d, "head", app_text(req, why));
		return pay_member_render(req, &m, d, "household", 422);
	}
	snprintf(before, sizeof(before), "{\"head\":%lld}", s.head_id);
	snprintf(after, sizeof(after), "{\"head\":%lld}", hid);
	if ((e = db_begin()) != WEFT_OK ||
	    (e = db_exec("UPDATE subscriptions SET head_id = NULLIF(?, 0),"
	    " updated_at = UTC_TIMESTAMP() WHERE member_id = ?", "ii", hid,
	    m.id)) != WEFT_OK || (e = audit_write(&req->actor,
	    "subscription.household", "member", m.id, m.community, before,
	    after)) != WEFT_OK || (e = db_commit()) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	snprintf(path, sizeof(path), "/payments/members/%lld", m.id);
	return app_redirect(req, path, N_("payments.member.flash.saved"));
}
