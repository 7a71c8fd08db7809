/*
 * What every page of the area shares: the names of kinds, periods,
 * preferences and statuses; a member and their subscription loaded; the
 * scope of a member (docs/authorization.md rule 2).
 */
#include <string.h>

#include "db.h"
#include "payments.h"
#include "settings.h"
#include "util.h"

const char *const pay_kind_names[PAY_KIND__MAX] = {
	"individual", "household", "organisation",
};
const char *const pay_kind_keys[PAY_KIND__MAX] = {
	N_("payments.kind.individual"), N_("payments.kind.household"),
	N_("payments.kind.organisation"),
};
const char *const pay_unit_names[PAY_UNIT__MAX] = { "month", "year" };
const char *const pay_pref_names[PAY_PREF__MAX] = {
	"cash", "cheque", "transfer", "card", "hours", "waived",
};
const char *const pay_pref_keys[PAY_PREF__MAX] = {
	N_("payments.pref.cash"), N_("payments.pref.cheque"),
	N_("payments.pref.transfer"), N_("payments.pref.card"),
	N_("payments.pref.hours"), N_("payments.pref.waived"),
};
int
pay_site(const struct request *req)
{
	static const struct scope site = { SCOPE_SITE, 0, "" };

	return role_allows(&req->actor.grants, PERM_PAYMENT_MANAGE, &site);
}

enum weft_err
pay_member_load(long long id, struct pay_member *m)
{
	struct db_rows	*r;
	enum weft_err	 e;

	memset(m, 0, sizeof(*m));
	if ((e = db_query(&r, "SELECT id, username, name, email, lang,"
	    " COALESCE(community_id, 0), is_organisation FROM members"
	    " WHERE id = ?", "i", id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	m->id = db_int(r, 0);
	util_copy(m->username, sizeof(m->username), db_str(r, 1));
	util_copy(m->name, sizeof(m->name), db_str(r, 2));
	util_copy(m->email, sizeof(m->email), db_str(r, 3));
	util_copy(m->lang, sizeof(m->lang), db_str(r, 4));
	m->community = db_int(r, 5);
	m->is_organisation = db_int(r, 6) != 0;
	db_rows_free(r);
	return WEFT_OK;
}

int
pay_target(struct request *req, struct pay_member *m)
{
	struct scope	 sc;
	long long	 id = app_param_id(req, 0);
	enum weft_err	 e;
	int		 st;

	e = id > 0 ? pay_member_load(id, m) : WEFT_ERR_NOTFOUND;
	if ((st = app_target_status(req, PERM_PAYMENT_MANAGE, e)) != 0)
		return st;
	scope_of_community(m->community, &sc);
	return role_allows(&req->actor.grants, PERM_PAYMENT_MANAGE, &sc) ? 0 :
	    403;
}

/* The subscription and its payer's status, in one statement: the
 * member's own row, and its head's when it has one. */
static const char pay_sql_sub[] =
    "SELECT s.type_id, " PAY_TYPE_NAME_SQL("t", "?") ", t.kind,"
    " t.period_unit, t.period_n, t.minor, t.currency, s.active,"
    " s.renewal_date, s.preference, s.gateway_ref, COALESCE(s.head_id, 0),"
    " COALESCE(hm.name, ''), COALESCE(hm.username, ''),"
    " IF(s.head_id IS NULL, " SUB_STATUS_SQL("s") ","
    " IF(h.member_id IS NULL, 'none', " SUB_STATUS_SQL("h") ")),"
    " COALESCE(h.renewal_date, s.renewal_date)"
    " FROM subscriptions s JOIN subscription_types t ON t.id = s.type_id"
    " LEFT JOIN subscriptions h ON h.member_id = s.head_id"
    " LEFT JOIN members hm ON hm.id = s.head_id"
    " WHERE s.member_id = ?";

enum weft_err
pay_sub_load(const struct pay_member *m, const char *lang, struct pay_sub *s)
{
	struct db_rows	*r;
	long long	 n, g;
	int		 i;
	enum weft_err	 e;

	memset(s, 0, sizeof(*s));
	s->status = SUB_NONE;
	sub_days(&n, &g);
	if ((e = db_query(&r, pay_sql_sub, "siiiii", lang, n, g, n, g,
	    m->id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_OK;
	}
	s->exists = 1;
	s->type_id = db_int(r, 0);
	util_copy(s->type_name, sizeof(s->type_name), db_str(r, 1));
	i = util_lookup(pay_kind_names, PAY_KIND__MAX, db_str(r, 2));
	s->kind = i < 0 ? PAY_KIND_INDIVIDUAL : (enum pay_kind)i;
	s->unit = strcmp(db_str(r, 3), "year") == 0 ? PAY_UNIT_YEAR :
	    PAY_UNIT_MONTH;
	s->period_n = (int)db_int(r, 4);
	s->minor = db_int(r, 5);
	util_copy(s->currency, sizeof(s->currency), db_str(r, 6));
	s->active = db_int(r, 7) != 0;
	util_copy(s->renewal, sizeof(s->renewal), db_str(r, 8));
	i = util_lookup(pay_pref_names, PAY_PREF__MAX, db_str(r, 9));
	s->pref = i < 0 ? PAY_CASH : (enum pay_pref)i;
	util_copy(s->gateway_ref, sizeof(s->gateway_ref), db_str(r, 10));
	s->head_id = db_int(r, 11);
	util_copy(s->head_name, sizeof(s->head_name), db_str(r, 12));
	util_copy(s->head_username, sizeof(s->head_username), db_str(r, 13));
	s->status = sub_status_parse(db_str(r, 14));
	util_copy(s->payer_renewal, sizeof(s->payer_renewal), db_str(r, 15));
	db_rows_free(r);
	return WEFT_OK;
}

enum weft_err
pay_sub_lock(long long member_id)
{
	struct db_rows	*r;
	enum weft_err	 e;

	if ((e = db_query(&r, "SELECT member_id FROM subscriptions"
	    " WHERE member_id = ? FOR UPDATE", "i", member_id)) == WEFT_OK)
		db_rows_free(r);
	return e;
}
