/*
 * "Become another member" (member.become; docs/authorization.md rule 5): a
 * coordinator uses the product as a member sees it, never with more rights
 * than their own.  Becoming starts a new session token whose acting member
 * is the target (auth_session_become); the real member never changes, every
 * page shows the banner of layout.tpl with "Return to myself", and every
 * audit row written meanwhile carries both members.  While acting, the
 * actor's grants, status and community are the target's (auth.c loads
 * them for the acting member), so a coordinator who becomes a plain
 * member has a plain member's rights until they come back.
 *
 * Rule 9 (docs/authorization.md), no reach through another account:
 * becoming a member gives what their account gives, the members it acts
 * for (guardian angel, manager of an organisation) included.  So the
 * target must act for nobody the actor could not become themself
 * (act_reach, checked here with the reason shown), and while "become"
 * lasts act_for() asks the same of each member acted for, which covers a
 * relation made or a mode switched on after the become.
 */
#include <stdio.h>
#include <string.h>

#include "act.h"
#include "audit.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "members.h"
#include "util.h"

static int
become_acting(const struct actor *a)
{
	return a->member_id != 0 && a->acting_id != a->member_id;
}

/* Rules 5 and 9 for this actor and target, with the target's grants
 * from tg: the target, then every member the target acts for. */
static enum weft_err
become_check(const struct request *req, const struct member *t,
    struct member_grants *tg, enum role_refusal *why)
{
	const struct grants	*g;
	struct scope		 sc;
	enum weft_err		 e;

	*why = ROLE_REFUSE_NO_PERM;
	if ((e = member_grants_get(tg, &g)) != WEFT_OK)
		return e;
	member_scope(t, &sc);
	*why = role_may_become(&req->actor.grants, req->actor.acting_id, g,
	    t->id, &sc, t->status == MEMBER_DISABLED);
	if (*why != ROLE_OK)
		return WEFT_OK;
	return act_reach(&req->actor.grants, req->actor.acting_id, t->id,
	    ACT_REACH_BECOME, why);
}

/* The new session's cookie, as account/main.c sets it at log-in. */
static void
become_cookie(struct request *req, const char *token)
{
	http_cookie(&req->resp, auth_cookie_name(), token, -1,
	    HTTP_COOKIE_HTTPONLY |
	    (config.cookie_secure ? HTTP_COOKIE_SECURE : 0));
}

/*
 * The profile panel: "Become this member" only when rule 5 allows it;
 * otherwise the reason, so that a coordinator knows why the button is not
 * there.  Nothing for those without member.become.
 */
enum weft_err
members_become_panel(struct tmpl_dict *d, struct request *req,
    const struct member *m, struct member_grants *tg)
{
	struct tmpl_dict	*p, *s;
	enum role_refusal	 why;
	enum weft_err		 e;

	if (!role_allows_somewhere(&req->actor.grants, PERM_MEMBER_BECOME))
		return WEFT_OK;
	if ((e = become_check(req, m, tg, &why)) != WEFT_OK)
		return e;
	if (why == ROLE_REFUSE_NO_PERM)
		return WEFT_OK;
	if ((p = tmpl_include(d, "BECOME_PANEL",
	    "members/become_panel.tpl")) == NULL)
		return WEFT_ERR_NOMEM;
	tmpl_set(p, "CSRF", req->actor.csrf);
	tmpl_set_int(p, "MEMBER_ID", m->id);
	tmpl_set(p, "MEMBER_NAME", m->name);
	s = tmpl_section(p, why == ROLE_OK && !become_acting(&req->actor) ?
	    "ALLOWED" : "REFUSED");
	tmpl_set(s, "REASON", become_acting(&req->actor) ?
	    app_text(req, N_("members.become.already_acting")) :
	    app_text(req, role_refusal_keys[why]));
	return WEFT_OK;
}

/*
 * POST /members/:id/become.  Scope first (members_target: the same 403
 * for out of scope and for no such member), then rule 5 inside the
 * transaction on the locked target row, then the new session and its
 * audit row together.  The audit row's acting member is the target: the
 * row records who became whom.
 */
int
members_become(struct request *req)
{
	struct member		 t;
	struct member_grants	 tg;
	struct actor		 as;
	struct buf		 after;
	char			 token[AUTH_TOKEN_HEX];
	enum role_refusal	 why;
	enum weft_err		 e;
	int			 st;

	if ((st = members_target(req, PERM_MEMBER_BECOME, &t)) != 0)
		return st;
	if (become_acting(&req->actor))
		return app_error(req, 409,
		    app_text(req, N_("members.become.already_acting")));
	buf_init(&after);
	if ((e = db_begin()) != WEFT_OK)
		goto fail;
	if ((e = member_load(t.id, 1, &t)) != WEFT_OK)
		goto fail;
	member_grants_init(&tg, t.id);
	if ((e = become_check(req, &t, &tg, &why)) != WEFT_OK)
		goto fail;
	if (why != ROLE_OK) {
		db_rollback();
		buf_free(&after);
		return app_error(req, 403, app_text(req,
		    role_refusal_keys[why]));
	}
	as = req->actor;
	as.acting_id = t.id;
	member_json(&after, &t);
	if (buf_failed(&after)) {
		e = WEFT_ERR_NOMEM;
		goto fail;
	}
	if ((e = auth_session_become(&req->actor, t.id, token)) != WEFT_OK ||
	    (e = audit_write(&as, "member.become", "member", t.id,
	    t.community, NULL, after.p)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK)
		goto fail;
	buf_free(&after);
	become_cookie(req, token);
	explicit_bzero(token, sizeof(token));
	log_msg(LOGL_INFO, "member %lld became member %lld",
	    req->actor.member_id, t.id);
	/* No flash: "/" is the account program's, and the banner says it. */
	return app_redirect(req, "/", NULL);
fail:
	db_rollback();
	buf_free(&after);
	return app_status_of(e);
}

/*
 * POST /members/become/return (any logged-in member: the acting member's
 * grants need not include member.become).  Not acting: nothing to do.
 */
int
members_become_return(struct request *req)
{
	const struct actor	*a = &req->actor;
	char			 token[AUTH_TOKEN_HEX], path[64];
	enum weft_err		 e;

	if (!become_acting(a))
		return app_redirect(req, "/", NULL);
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((e = auth_session_unbecome(a, token)) != WEFT_OK ||
	    (e = audit_write(a, "member.become_return", "member",
	    a->acting_id, a->community, NULL, NULL)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	become_cookie(req, token);
	explicit_bzero(token, sizeof(token));
	log_msg(LOGL_INFO, "member %lld returned from member %lld",
	    a->member_id, a->acting_id);
	snprintf(path, sizeof(path), "/members/%lld", a->acting_id);
	return app_redirect(req, path, N_("members.become.flash.returned"));
}

