/*
 * Invitations to apply (docs/site.md, "Invitations"; invitation.h), for
 * holders of member.add: GET /members/invitations lists the pending ones
 * in the actor's scope (their community's, or all for a site grant) with
 * a form to invite an address; POST there invites (stored, mailed and
 * audited in one transaction); POST /members/invitations/:id/revoke ends
 * a pending one (audited; one that is none is 404 to site holders, 403 to
 * others; one in scope that was used, withdrawn or has expired is 409).  An address with a pending invitation is not
 * invited twice.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "db.h"
#include "form.h"
#include "i18n_conv.h"
#include "invitation.h"
#include "members.h"
#include "profile.h"
#include "settings.h"
#include "util.h"

enum { I_EMAIL, I_COMMUNITY, I__MAX };
static const struct form_field invite_fields[I__MAX] = {
	[I_EMAIL] = { "email", FORM_EMAIL, 1, 0, 254 },
	[I_COMMUNITY] = { "community", FORM_ID, 0, 0, 0, .flags = FORM_QUIET },
};

#define PENDING	"i.used_at IS NULL AND i.revoked_at IS NULL AND" \
		" i.expires_at > UTC_TIMESTAMP()"

/* May the actor reach an invitation of community (0: none)? */
static int
invite_in_scope(struct request *req, long long community)
{
	struct scope	 sc;

	scope_of_community(community, &sc);
	return role_allows(&req->actor.grants, PERM_MEMBER_ADD, &sc);
}

/* The page: the form (comm selected) and the pending invitations. */
static struct tmpl_dict *
invite_page(struct request *req, const char *comm)
{
	struct tmpl_dict	*d, *s, *pend = NULL;
	struct db_rows		*r = NULL;
	int			 n = 0;

	if ((d = app_page(req, "members/invitations.tpl",
	    app_text(req, N_("members.invitations.title")))) == NULL ||
	    members_add_communities(req, d, comm) != WEFT_OK)
		return NULL;
	if (settings_int(SETTING_SIGNUP_MODE) != 2)
		tmpl_show(d, "NOT_INVITATION_MODE");
	if (db_query(&r, "SELECT i.id, i.email, COALESCE(c.name, ''),"
	    " COALESCE(m.name, ''), i.created_at, i.expires_at,"
	    " COALESCE(i.community_id, 0) FROM invitations i LEFT JOIN"
	    " communities c ON c.id = i.community_id LEFT JOIN members m ON"
	    " m.id = i.invited_by WHERE " PENDING " ORDER BY i.created_at"
	    " DESC, i.id DESC LIMIT 500", "") != WEFT_OK)
		return NULL;
	while (db_next(r)) {
		if (!invite_in_scope(req, db_int(r, 6)))
			continue;
		if (n++ == 0)
			pend = tmpl_section(d, "PENDING");
		s = tmpl_section(pend, "INVITATION");
		tmpl_set(s, "ID", db_str(r, 0));
		tmpl_set(s, "EMAIL", db_str(r, 1));
		if (db_str(r, 2)[0] != '\0')
			tmpl_set(tmpl_section(s, "COMMUNITY"), "NAME",
			    db_str(r, 2));
		else
			tmpl_show(s, "NO_COMMUNITY");
		tmpl_set(s, "INVITER", db_str(r, 3));
		i18n_set_date(s, "SENT", tmpl_page_lang(d), db_str(r, 4));
		i18n_set_date(s, "EXPIRES", tmpl_page_lang(d), db_str(r, 5));
	}
	db_rows_free(r);
	if (n == 0)
		tmpl_show(d, "NO_PENDING");
	return d;
}

/* GET /members/invitations */
int
members_invitations(struct request *req)
{
	return invite_page(req, "") == NULL ? 500 : app_render(req, 200);
}

/* POST /members/invitations */
int
members_invite(struct request *req)
{
	struct form_value	 v[I__MAX];
	struct tmpl_dict	*d;
	long long		 comm, id = 0, pending = 0;
	enum weft_err		 e;
	int			 bad, ok;

	bad = form_read(invite_fields, I__MAX, &req->form, app_lang(req), NULL,
	    v) > 0;
	if ((d = invite_page(req, v[I_COMMUNITY].str)) == NULL)
		return 500;
	form_show(invite_fields, I__MAX, v, app_lang(req), d);
	if ((ok = members_add_community(req, &v[I_COMMUNITY], &comm)) < 0)
		return 500;
	if (!ok) {
		form_error(d, "community", app_text(req,
		    N_("members.profile.error.community")));
		bad = 1;
	}
	if (!bad && db_query_int(&pending, "SELECT COUNT(*) FROM invitations i"
	    " WHERE i.email = ? AND " PENDING, "s", v[I_EMAIL].str) != WEFT_OK)
		return 500;
	if (pending > 0) {
		form_error(d, "email", app_text(req,
		    N_("members.invitations.error.pending")));
		bad = 1;
	}
	if (bad)
		return app_render(req, 422);
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((e = invitation_add(&req->actor, v[I_EMAIL].str, comm, &id)) !=
	    WEFT_OK || (e = db_commit()) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, "/members/invitations",
	    N_("members.invitations.flash.sent"));
}

/* POST /members/invitations/:id/revoke: a pending invitation in the
 * actor's scope. */
int
members_invitation_revoke(struct request *req)
{
	long long	 id = app_param_id(req, 0), comm = 0;
	struct db_rows	*r = NULL;
	struct buf	 b;
	enum weft_err	 e;
	int		 found = 0, pending = 0;
	char		 email[256] = "";

	if (id <= 0)
		return 404;
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((e = db_query(&r, "SELECT i.email, COALESCE(i.community_id, 0),"
	    " " PENDING " FROM invitations i WHERE i.id = ? FOR UPDATE",
	    "i", id)) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	if (db_next(r)) {
		found = 1;
		util_copy(email, sizeof(email), db_str(r, 0));
		comm = db_int(r, 1);
		pending = db_int(r, 2) != 0;
	}
	db_rows_free(r);
	/* Rule 1 (docs/authorization.md): one that is none is 404 only to
	 * whom may reach every invitation, so that ids cannot be probed. */
	if (!found || !invite_in_scope(req, comm)) {
		db_rollback();
		return !found && invite_in_scope(req, 0) ? 404 : 403;
	}
	/* Withdrawn twice (two coordinators, or a second tab): say so. */
	if (!pending) {
		db_rollback();
		return app_error(req, 409, app_text(req,
		    N_("members.invitations.error.ended")));
	}
	buf_init(&b);
	buf_puts(&b, "{\"email\":");
	buf_json_str(&b, email);
	buf_printf(&b, ",\"community\":%lld,\"revoked\":true}", comm);
	if ((e = buf_failed(&b) ? WEFT_ERR_NOMEM : db_exec("UPDATE invitations"
	    " SET revoked_at = UTC_TIMESTAMP() WHERE id = ?", "i", id)) ==
	    WEFT_OK && (e = audit_write(&req->actor, "invitation.revoke",
	    "invitation", id, comm, NULL, b.p)) == WEFT_OK)
		e = db_commit();
	buf_free(&b);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, "/members/invitations",
	    N_("members.invitations.flash.revoked"));
}
