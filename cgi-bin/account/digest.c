/*
 * The choice of a coordinator who may approve applications (docs/mail.md,
 * "Account mail"): the notice of each new application as it comes (the
 * default), or one digest a day (weft-mailer's job, digest.c there).
 * Part of the mailings of /me; POST /me/mailings with digest=1|0,
 * audited member.application_digest.
 */
#include "account.h"
#include "audit.h"
#include "db.h"
#include "form.h"

enum { D_DIGEST, D__MAX };
static const struct form_field digest_fields[D__MAX] = {
	[D_DIGEST] = { "digest", FORM_INT, 1, 0, 1 },
};

/* May the actor approve applications somewhere (the choice is theirs)? */
static int
digest_may(const struct request *req)
{
	return role_allows_somewhere(&req->actor.grants, PERM_MEMBER_APPROVE);
}

enum weft_err
account_digest_show(struct request *req, struct tmpl_dict *d, long long id)
{
	long long	 on = 0;
	enum weft_err	 e;

	if (!digest_may(req))
		return WEFT_OK;
	if ((e = db_query_int(&on, "SELECT application_digest FROM members "
	    "WHERE id = ?", "i", id)) != WEFT_OK)
		return e;
	tmpl_show(tmpl_section(d, "DIGEST"), on ? "DIGEST_DAILY" :
	    "DIGEST_EACH");
	return WEFT_OK;
}

int
account_digest(struct request *req)
{
	struct form_value	 v[D__MAX];
	long long		 id = req->actor.acting_id, was = 0;
	enum weft_err		 e;

	if (form_read(digest_fields, D__MAX, &req->form, app_lang(req), NULL,
	    v) > 0)
		return 400;
	if (!digest_may(req))
		return 403;
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	e = db_query_int(&was, "SELECT application_digest FROM members "
	    "WHERE id = ? FOR UPDATE", "i", id);
	if (e == WEFT_OK && was != v[D_DIGEST].n) {
		e = db_exec("UPDATE members SET application_digest = ?, "
		    "updated_at = UTC_TIMESTAMP() WHERE id = ?", "ii",
		    v[D_DIGEST].n, id);
		if (e == WEFT_OK)
			e = audit_write(&req->actor, "member.application_digest",
			    "member", id, req->actor.community, was ?
			    "{\"digest\":true}" : "{\"digest\":false}",
			    v[D_DIGEST].n ? "{\"digest\":true}" :
			    "{\"digest\":false}");
	}
	if (e != WEFT_OK || (e = db_commit()) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, "/me", v[D_DIGEST].n ?
	    N_("account.mailings.flash.digest_daily") :
	    N_("account.mailings.flash.digest_each"));
}
