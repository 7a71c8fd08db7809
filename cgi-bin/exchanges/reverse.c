/*
 * Corrections (exchange.edit): POST /exchanges/:id/reverse.  History is
 * never edited or deleted; a mistake is answered by a reversing exchange
 * (parties swapped, same hours) linked to the original, with a reason,
 * shown on both statements.  Needs the permission over the scopes of both
 * parties (docs/authorization.md "Scope of a grant"); audited (rule 6) by
 * the ledger in the same transaction.
 */
#include <stdio.h>

#include "exchanges.h"
#include "form.h"
#include "i18n_conv.h"
#include "ledger.h"
#include "valid.h"

enum { V_REASON, V__MAX };
static const struct form_field reverse_fields[V__MAX] = {
	[V_REASON] = { "reason", FORM_TEXT, 1, 1, 255 },
};

/* The form again, with what was wrong (422). */
static int
reverse_again(struct request *req, const struct ledger_exchange *x,
    const struct form_value *v)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "exchanges/ledger_reverse.tpl",
	    app_text(req, N_("ledger.reverse.title")))) == NULL)
		return 500;
	tmpl_set_int(d, "ID", x->id);
	tmpl_set(d, "PROVIDER", x->provider.name);
	tmpl_set(d, "RECIPIENT", x->recipient.name);
	i18n_set_hours(d, "HOURS", app_lang(req), x->hundredths);
	i18n_set_date(d, "SERVICE_DATE", app_lang(req), x->service_date);
	tmpl_set(d, "DESCRIPTION", x->description);
	form_summary(d, app_lang(req), N_("ledger.summary.reversed"), NULL, 0);
	form_show(reverse_fields, V__MAX, v, app_lang(req), d);
	return app_render(req, 422);
}

int
exchanges_reverse(struct request *req)
{
	struct ledger_exchange	 x;
	struct scope		 sp, sr;
	enum ledger_refusal	 why;
	enum weft_err		 e;
	struct form_value	 v[V__MAX];
	long long		 rid, id = app_param_id(req, 0);
	char			 path[64];
	int			 st;

	e = id > 0 ? ledger_exchange_load(id, &x) : WEFT_ERR_NOTFOUND;
	if ((st = app_target_status(req, PERM_EXCHANGE_EDIT, e)) != 0)
		return st;
	ledger_party_scope(&x.provider, &sp);
	ledger_party_scope(&x.recipient, &sr);
	if (!role_allows(&req->actor.grants, PERM_EXCHANGE_EDIT, &sp) ||
	    !role_allows(&req->actor.grants, PERM_EXCHANGE_EDIT, &sr))
		return 403;
	if (x.reverses_id != 0 || x.reversed_by != 0)
		return app_error(req, 409, app_text(req, x.reverses_id != 0 ?
		    N_("ledger.refuse.is_reversal") : N_("ledger.refuse.reversed")));
	if (form_read(reverse_fields, V__MAX, &req->form, app_lang(req), NULL,
	    v) > 0)
		return reverse_again(req, &x, v);
	if ((e = ledger_reverse(&req->actor, x.id, v[V_REASON].str, &rid,
	    &why)) != WEFT_OK)
		return app_status_of(e);
	if (why != LEDGER_OK)	/* reversed meanwhile by someone else */
		return app_error(req, 409, app_text(req,
		    ledger_refusal_keys[why]));
	snprintf(path, sizeof(path), "/exchanges/%lld", rid);
	return app_redirect(req, path, N_("ledger.flash.reversed"));
}
