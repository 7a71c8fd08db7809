/*
 * Exchanges waiting for their recipient (docs/authorization.md rule 10,
 * no debit without the payer): the page of one (GET
 * /exchanges/pending/:id) and the answers to it (POST .../confirm,
 * .../dispute, .../cancel).  The ledger's side is common/
 * ledger_pending.c; recording one is record.c.
 *
 * Who may do what:
 *   see      a party, or whoever acts for one (act.h); a coordinator
 *            with exchange.list over either party's scope;
 *   answer   (confirm, dispute) the recipient or whoever acts for them,
 *            never the provider: the one whose hours it takes consents;
 *   resolve  (confirm for the recipient, cancel) a coordinator with
 *            exchange.edit over both parties' scopes, as for reversing,
 *            audited; never the provider either.
 */
#include <stdio.h>
#include <string.h>

#include "act.h"
#include "exchanges.h"
#include "form.h"
#include "i18n_conv.h"
#include "ledger.h"

enum { D_REASON, D__MAX };
static const struct form_field dispute_fields[D__MAX] = {
	[D_REASON] = { "reason", FORM_TEXT, 0, 0, 255 },
};

/* What the actor may do with proposal p. */
struct pending_may {
	int	 see;
	int	 answer;
	int	 resolve;
};

static enum weft_err
pending_may(const struct request *req, const struct ledger_proposal *p,
    struct pending_may *m)
{
	const struct actor	*a = &req->actor;
	struct scope		 sp, sr;
	enum act_as		 ap, ar;
	enum weft_err		 e;
	int			 provider;

	memset(m, 0, sizeof(*m));
	if ((e = act_for(a, p->x.provider.id, &ap)) != WEFT_OK ||
	    (e = act_for(a, p->x.recipient.id, &ar)) != WEFT_OK)
		return e;
	/* The provider, really or by "become", never consents for the
	 * other side. */
	provider = a->acting_id == p->x.provider.id ||
	    a->member_id == p->x.provider.id;
	ledger_party_scope(&p->x.provider, &sp);
	ledger_party_scope(&p->x.recipient, &sr);
	m->answer = ar != ACT_NONE && !provider;
	m->resolve = !provider &&
	    role_allows(&a->grants, PERM_EXCHANGE_EDIT, &sp) &&
	    role_allows(&a->grants, PERM_EXCHANGE_EDIT, &sr);
	m->see = ap != ACT_NONE || ar != ACT_NONE ||
	    role_allows(&a->grants, PERM_EXCHANGE_LIST, &sp) ||
	    role_allows(&a->grants, PERM_EXCHANGE_LIST, &sr);
	return WEFT_OK;
}

/*
 * The proposal the path names, and what the actor may do with it: 0, or
 * the status to answer.  Rule 1: a missing id is 404 only to whom holds
 * perm site-wide (app_target_status(); PERM__MAX: nobody), and 403 to
 * everyone else, the same 403 as for a proposal out of reach.
 */
static int
pending_target(struct request *req, enum perm perm, struct ledger_proposal *p,
    struct pending_may *m)
{
	long long	 id = app_param_id(req, 0);
	enum weft_err	 e;
	int		 st;

	e = id > 0 ? ledger_proposal_load(id, p) : WEFT_ERR_NOTFOUND;
	if (perm == PERM__MAX && e == WEFT_ERR_NOTFOUND)
		return 403;
	if ((st = app_target_status(req, perm, e)) != 0)
		return st;
	if ((e = pending_may(req, p, m)) != WEFT_OK)
		return app_status_of(e);
	return 0;
}

/* Where the proposal stands, its dates in lang. */
static void
pending_state(struct tmpl_dict *d, const struct ledger_proposal *p,
    const char *lang)
{
	static const char *const sections[LEDGER_STATUS__MAX] = {
		"PENDING", "DISPUTED", "CONFIRMED", "CANCELLED",
	};
	struct tmpl_dict	*s = tmpl_section(d, sections[p->status]);

	tmpl_set(s, "REASON", p->x.reason);
	tmpl_show(s, p->x.reason[0] != '\0' ? "HAS_REASON" : "NO_REASON");
	tmpl_set(s, "DISPUTED_BY", p->disputed_by_name);
	i18n_set_date(s, "DISPUTED_AT", lang, p->disputed_at);
	tmpl_set(s, "NAME", p->settled_by_name);
	i18n_set_date(s, "AT", lang, p->settled_at);
	tmpl_set_int(s, "EXCHANGE_ID", p->exchange_id);
	tmpl_show(s, p->settled_by != 0 ? "BY" : "AUTO");
}

static void
pending_fill(struct request *req, struct tmpl_dict *d,
    const struct ledger_proposal *p, const struct pending_may *m)
{
	struct tmpl_dict	*s;
	int			 open;

	exchanges_show_entry(req, d, &p->x);
	pending_state(d, p, app_lang(req));
	open = p->status == LEDGER_PENDING || p->status == LEDGER_DISPUTED;
	if (open && m->answer) {
		s = tmpl_section(d, "ANSWER");
		if (p->status == LEDGER_PENDING)
			tmpl_show(s, "DISPUTE");
	}
	if (open && m->resolve && !m->answer)
		tmpl_show(d, "RESOLVE");
}

/* GET /exchanges/pending/:id. */
int
exchanges_pending_show(struct request *req)
{
	struct ledger_proposal	 p;
	struct pending_may	 m;
	struct tmpl_dict	*d;
	char			 num[24];
	int			 st;

	if ((st = pending_target(req, PERM_EXCHANGE_LIST, &p, &m)) != 0)
		return st;
	if (!m.see)
		return 403;
	snprintf(num, sizeof(num), "%lld", p.x.id);
	if ((d = exchanges_page(req, "exchanges/ledger_pending_show.tpl",
	    N_("ledger.pending.title"), "id", num)) == NULL)
		return 500;
	pending_fill(req, d, &p, &m);
	return app_render(req, 200);
}

/* 303 to proposal id's page (xid: to exchange xid's) with flash. */
static int
pending_redirect(struct request *req, long long id, long long xid,
    const char *flash)
{
	char	 path[64];

	if (xid != 0)
		snprintf(path, sizeof(path), "/exchanges/%lld", xid);
	else
		snprintf(path, sizeof(path), "/exchanges/pending/%lld", id);
	return app_redirect(req, path, flash);
}

/* A refusal the actor cannot change by trying again: 409, saying why. */
static int
pending_refused(struct request *req, enum ledger_refusal why,
    const struct ledger_settings *s)
{
	char	 msg[512], lim[I18N_HOURS_LEN];

	if (why != LEDGER_REFUSE_CREDIT_LIMIT || s == NULL)
		return app_error(req, 409, app_text(req,
		    ledger_refusal_keys[why]));
	i18n_hours(app_lang(req), s->credit_limit, 0, lim);
	exchanges_phrase(app_lang(req), ledger_refusal_keys[why], "limit", lim,
	    msg, sizeof(msg));
	return app_error(req, 409, msg);
}

/* POST /exchanges/pending/:id/confirm: by the recipient's side, else by
 * a coordinator with exchange.edit over both parties (audited).  A
 * second confirmation, at once or later, moves nothing and is shown the
 * exchange of the first. */
int
exchanges_pending_confirm(struct request *req)
{
	struct ledger_proposal	 p;
	struct ledger_settings	 s;
	struct pending_may	 m;
	enum ledger_refusal	 why;
	enum weft_err		 e;
	long long		 xid;
	int			 st;

	if ((st = pending_target(req, PERM_EXCHANGE_EDIT, &p, &m)) != 0)
		return st;
	if (!m.answer && !m.resolve)
		return 403;
	if ((e = ledger_settings_load(&s)) != WEFT_OK ||
	    (e = ledger_confirm(&req->actor, &s, p.x.id, m.answer ?
	    LEDGER_BY_RECIPIENT : LEDGER_BY_COORDINATOR, &xid, &why)) !=
	    WEFT_OK)
		return app_status_of(e);
	if (why == LEDGER_OK)
		return pending_redirect(req, p.x.id, xid,
		    N_("ledger.flash.confirmed"));
	if (why == LEDGER_REFUSE_CONFIRMED)
		return pending_redirect(req, p.x.id, xid,
		    N_("ledger.flash.already_confirmed"));
	return pending_refused(req, why, &s);
}

/* POST /exchanges/pending/:id/dispute[reason]: the recipient's side
 * says no; a coordinator decides. */
int
exchanges_pending_dispute(struct request *req)
{
	struct form_value	 v[D__MAX];
	struct ledger_proposal	 p;
	struct pending_may	 m;
	enum ledger_refusal	 why;
	enum weft_err		 e;
	int			 st;

	/* Nobody learns of a proposal through this route that is not
	 * theirs to answer. */
	if ((st = pending_target(req, PERM__MAX, &p, &m)) != 0)
		return st;
	if (!m.answer)
		return 403;
	if (form_read(dispute_fields, D__MAX, &req->form, app_lang(req), NULL,
	    v) > 0)
		return app_error(req, 422, app_text(req,
		    valid_err_keys[v[D_REASON].err]));
	if ((e = ledger_dispute(&req->actor, p.x.id, v[D_REASON].str, &why)) !=
	    WEFT_OK)
		return app_status_of(e);
	if (why == LEDGER_OK)
		return pending_redirect(req, p.x.id, 0,
		    N_("ledger.flash.disputed"));
	if (why == LEDGER_REFUSE_DISPUTED)
		return pending_redirect(req, p.x.id, 0,
		    N_("ledger.flash.already_disputed"));
	return pending_refused(req, why, NULL);
}

/* POST /exchanges/pending/:id/cancel: a coordinator withdraws it. */
int
exchanges_pending_cancel(struct request *req)
{
	struct ledger_proposal	 p;
	struct pending_may	 m;
	enum ledger_refusal	 why;
	enum weft_err		 e;
	int			 st;

	if ((st = pending_target(req, PERM_EXCHANGE_EDIT, &p, &m)) != 0)
		return st;
	if (!m.resolve)
		return 403;
	if ((e = ledger_cancel(&req->actor, p.x.id, &why)) != WEFT_OK)
		return app_status_of(e);
	if (why == LEDGER_OK || why == LEDGER_REFUSE_CANCELLED)
		return pending_redirect(req, p.x.id, 0, why == LEDGER_OK ?
		    N_("ledger.flash.cancelled") :
		    N_("ledger.flash.already_cancelled"));
	return pending_refused(req, why, NULL);
}

