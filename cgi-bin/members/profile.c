/*
 * A member's profile page as coordinators see it, with the panels of the
 * other families (members.h), and what the profile's files share: the
 * language select and the phrases.  Editing is profile_edit.c, the
 * member's password profile_password.c, adding a member profile_new.c.
 * Contact fields and the profile status show only to those who may see
 * them (member_fill; docs/authorization.md rule 8).
 */
#include <string.h>

#include "form.h"
#include "i18n.h"
#include "i18n_conv.h"
#include "ledger.h"
#include "members.h"
#include "profile.h"
#include "talents.h"
#include "util.h"

/* ---- the profile page ------------------------------------------------ */

/* The links to the member's exchanges and ads (issue 18), each for those
 * whose role over the member's scope lets them follow it: an approved
 * member's statement and exchanges, an exchange recorded for them, an ad
 * posted for them. */
static void
profile_work(struct tmpl_dict *d, struct request *req,
    const struct member *m, const struct scope *sc)
{
	static const struct {
		enum perm	 perm;
		const char	*section;
	} links[] = {
		{ PERM_MEMBER_ACTIVITY, "WORK_STATEMENT" },
		{ PERM_EXCHANGE_LIST, "WORK_EXCHANGES" },
		{ PERM_EXCHANGE_RECORD_FOR, "WORK_RECORD" },
		{ PERM_AD_POST_FOR, "WORK_AD" },
	};
	struct tmpl_dict	*w = NULL;
	size_t			 i;

	if (m->status != MEMBER_APPROVED)
		return;
	for (i = 0; i < NELEM(links); i++) {
		if (!role_allows(&req->actor.grants, links[i].perm, sc))
			continue;
		if (w == NULL) {
			w = tmpl_section(d, "WORK");
			tmpl_set_int(w, "ID", m->id);
			tmpl_set(w, "USERNAME", m->username);
		}
		tmpl_show(w, links[i].section);
	}
}

/* At a glance, beside the status (issue 18): the balance and the latest
 * exchange, for those who may see the member's activity (member.activity
 * over their scope), read from the ledger in one statement. */
static enum weft_err
profile_glance(struct tmpl_dict *d, struct request *req,
    const struct member *m, const struct scope *sc)
{
	struct tmpl_dict	*a;
	long long		 h;
	char			 last[11];
	enum weft_err		 e;

	if (!role_allows(&req->actor.grants, PERM_MEMBER_ACTIVITY, sc))
		return WEFT_OK;
	if ((e = ledger_activity(m->id, &h, last)) != WEFT_OK)
		return e;
	a = tmpl_section(d, "ACTIVITY");
	i18n_set_hours(tmpl_section(a, "BALANCE"), "HOURS", app_lang(req), h);
	if (last[0] != '\0')
		i18n_set_date(tmpl_section(a, "LAST_EXCHANGE"), "DATE",
		    app_lang(req), last);
	else
		tmpl_show(a, "NO_EXCHANGE");
	return WEFT_OK;
}

/* The member's talents (issue 17), and the link to change them for
 * those whose ad.edit covers the member. */
static enum weft_err
profile_talents(struct tmpl_dict *d, struct request *req,
    const struct member *m, const struct scope *sc)
{
	enum weft_err	 e;
	size_t		 n;

	if ((e = talents_show(d, "TALENTS", m->id, app_lang(req), &n)) !=
	    WEFT_OK)
		return e;
	if (n == 0)
		tmpl_show(d, "TALENTS_NONE");
	if (role_allows(&req->actor.grants, PERM_AD_EDIT, sc))
		tmpl_show(d, "TALENTS_EDIT");
	return WEFT_OK;
}

/* The panels of the other families, each added when the actor may see
 * it (members.h); the member's grants (tg) are read once for the panels
 * that show them or decide by them; change is rule 9's answer for this
 * member's account. */
static enum weft_err
profile_panels(struct tmpl_dict *d, struct request *req,
    const struct member *m, enum status_form redo, struct member_grants *tg,
    enum role_refusal change)
{
	enum weft_err		 e;

	if ((e = members_status_panel(d, req, m, redo, change)) != WEFT_OK ||
	    (e = members_notes_panel(d, req, m)) != WEFT_OK ||
	    (e = members_angels_panel(d, req, m)) != WEFT_OK ||
	    (e = members_become_panel(d, req, m, tg)) != WEFT_OK ||
	    (e = members_grants_panel(d, req, m, tg)) != WEFT_OK ||
	    (e = members_application_panel(d, req, m)) != WEFT_OK)
		return e;
	return WEFT_OK;
}

/*
 * The profile page.  The payment coordinator's view is narrow
 * (docs/authorization.md, member.list footnote 1): name and membership
 * status only, so role_allows_full() decides between the two views.  The
 * edit link and the status forms are offered only when rule 9 lets the
 * actor change this account (members_may_change).
 */
int
members_profile(struct request *req, enum status_form redo)
{
	struct member		 m;
	struct member_grants	 tg;
	struct tmpl_dict	*d;
	struct scope		 sc;
	enum role_refusal	 change;
	enum weft_err		 e;
	int			 st;

	if ((st = members_target(req, PERM_MEMBER_LIST, &m)) != 0)
		return st;
	if ((d = app_page(req, "members/show.tpl", m.name)) == NULL)
		return 500;
	member_grants_init(&tg, m.id);
	if ((e = members_may_change(req, &m, &tg, 0, &change)) != WEFT_OK)
		return app_status_of(e);
	member_scope(&m, &sc);
	if (!role_allows_full(&req->actor.grants, PERM_MEMBER_LIST, &sc)) {
		tmpl_show(d, "NARROW");
		tmpl_set(d, "MEMBER_NAME", m.name);
		tmpl_show(d, m.status == MEMBER_APPLYING ? "MEMBER_APPLYING" :
		    m.status == MEMBER_APPROVED ? "MEMBER_APPROVED" :
		    "MEMBER_DISABLED");
	} else {
		tmpl_show(d, "FULL");
		member_fill(d, req, &m);
		/* ctemplate has no "else": the other side of two flags. */
		if (!m.is_organisation)
			tmpl_show(d, "MEMBER_PERSON");
		if (!m.optout)
			tmpl_show(d, "MEMBER_OPTIN");
		if (role_allows(&req->actor.grants, PERM_MEMBER_EDIT, &sc) &&
		    change == ROLE_OK)
			tmpl_show(d, "EDIT_LINK");
		profile_work(d, req, &m, &sc);
		if ((e = profile_glance(d, req, &m, &sc)) != WEFT_OK ||
		    (e = profile_talents(d, req, &m, &sc)) != WEFT_OK)
			return app_status_of(e);
	}
	if ((e = profile_panels(d, req, &m, redo, &tg, change)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, 200);
}

/* GET /members/:id. */
int
members_show(struct request *req)
{
	return members_profile(req, STATUS_FORM_NONE);
}

