/*
 * /unsubscribe/:token: a broadcast's unsubscribe link (docs/mail.md,
 * RFC 8058).  The token (mail_token.h) names the member and is signed, so
 * that it is the whole authentication: no login, and the POST has no CSRF
 * token (APP_NO_CSRF, docs/authorization.md "Routes without a CSRF
 * token"), since a mail client's one-click POST carries only
 * "List-Unsubscribe=One-Click".  GET shows what the link does and a
 * button; POST sets the member's opt-out.  Both are audited against the
 * member (action mail.unsubscribe_page, member.optout with "via").  A
 * token that is malformed or forged, or names no member, is a 404.
 */
#include <stdio.h>

#include "account.h"
#include "audit.h"
#include "db.h"
#include "form.h"
#include "mail_token.h"

struct unsub_member {
	long long	 id;
	long long	 community;
	int		 optout;
};

/* The member the token names; 0, or the status to answer. */
static int
unsub_member(struct request *req, struct unsub_member *m, int lock)
{
	struct db_rows	*r;
	enum weft_err	 e;

	if (req->nparams != 1)
		return 404;
	e = mail_token_check(req->params[0], &m->id);
	if (e == WEFT_ERR_INVALID)
		return 404;
	if (e != WEFT_OK)
		return app_status_of(e);
	e = db_query(&r, lock ? "SELECT COALESCE(community_id, 0), optout "
	    "FROM members WHERE id = ? FOR UPDATE" :
	    "SELECT COALESCE(community_id, 0), optout FROM members WHERE id = ?",
	    "i", m->id);
	if (e != WEFT_OK)
		return app_status_of(e);
	if (!db_next(r)) {
		db_rows_free(r);
		return 404;
	}
	m->community = db_int(r, 0);
	m->optout = db_int(r, 1) != 0;
	db_rows_free(r);
	return 0;
}

static int
unsub_page(struct request *req, int done, int already)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "account/unsubscribe.tpl",
	    app_text(req, N_("account.unsubscribe.title")))) == NULL)
		return 500;
	tmpl_set(d, "PATH", req->path);
	tmpl_show(d, done ? (already ? "ALREADY" : "DONE") : "ASK");
	return app_render(req, 200);
}

/* GET: what the link does, and the button that does it. */
int
account_unsubscribe(struct request *req)
{
	struct unsub_member	 m;
	enum weft_err		 e;
	int			 st;

	if ((st = unsub_member(req, &m, 0)) != 0)
		return st;
	/* Seen: a mail system that opens links to scan them shows here. */
	if ((e = audit_write(&req->actor, "mail.unsubscribe_page", "member",
	    m.id, m.community, NULL, m.optout ? "{\"optout\":true}" :
	    "{\"optout\":false}")) != WEFT_OK)
		return app_status_of(e);
	return unsub_page(req, m.optout, m.optout);
}

/* POST (the page's button, or a mail client's one click): opted out. */
int
account_unsubscribe_post(struct request *req)
{
	struct unsub_member	 m;
	enum weft_err		 e;
	int			 st, already;

	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((st = unsub_member(req, &m, 1)) != 0) {
		db_rollback();
		return st;
	}
	already = m.optout;
	if (!already)
		e = db_exec("UPDATE members SET optout = 1, "
		    "updated_at = UTC_TIMESTAMP() WHERE id = ?", "i", m.id);
	if (e == WEFT_OK)
		e = audit_write(&req->actor, "member.optout", "member", m.id,
		    m.community, already ? "{\"optout\":true}" :
		    "{\"optout\":false}",
		    "{\"optout\":true,\"via\":\"unsubscribe\"}");
	if (e != WEFT_OK || (e = db_commit()) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return unsub_page(req, 1, already);
}

/* ---- /me: one's own choice ------------------------------------------- */

enum { O_OPTOUT, O__MAX };
static const struct form_field mailings_fields[O__MAX] = {
	[O_OPTOUT] = { "optout", FORM_INT, 1, 0, 1 },
};

/* The mailings part of /me: whether they come, and the button that
 * changes it. */
enum weft_err
account_mailings_show(struct tmpl_dict *d, long long id)
{
	long long	 optout = 0;
	enum weft_err	 e;

	if ((e = db_query_int(&optout, "SELECT optout FROM members "
	    "WHERE id = ?", "i", id)) != WEFT_OK)
		return e;
	tmpl_show(d, optout ? "OPTED_OUT" : "OPTED_IN");
	return WEFT_OK;
}

/* POST /me/mailings: optout=1 unsubscribes, optout=0 subscribes again;
 * audited (the record of a member's consent), by whomever acts. */
int
account_mailings(struct request *req)
{
	struct form_value	 v[O__MAX];
	long long		 id = req->actor.acting_id, was = 0;
	int			 set;
	enum weft_err		 e;

	if (http_kv_get(&req->form, "digest") != NULL)
		return account_digest(req);	/* the applications' digest */
	if (form_read(mailings_fields, O__MAX, &req->form, app_lang(req),
	    NULL, v) > 0)
		return 400;
	set = v[O_OPTOUT].n == 1;
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	e = db_query_int(&was, "SELECT optout FROM members WHERE id = ? "
	    "FOR UPDATE", "i", id);
	if (e == WEFT_OK && was != set) {
		e = db_exec("UPDATE members SET optout = ?, "
		    "updated_at = UTC_TIMESTAMP() WHERE id = ?", "ii",
		    (long long)set, id);
		if (e == WEFT_OK)
			e = audit_write(&req->actor, "member.optout", "member",
			    id, req->actor.community, set ?
			    "{\"optout\":false}" : "{\"optout\":true}", set ?
			    "{\"optout\":true,\"via\":\"profile\"}" :
			    "{\"optout\":false,\"via\":\"profile\"}");
	}
	if (e != WEFT_OK || (e = db_commit()) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, "/me", was == set ? N_("flash.saved") : set ?
	    N_("account.mailings.flash.off") : N_("account.mailings.flash.on"));
}
