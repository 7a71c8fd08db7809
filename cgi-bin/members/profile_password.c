/*
 * Setting a member's password (member.edit over the member's scope): the
 * new password twice, every session of the member ended with the change,
 * and the rule that keeps it from raising anyone's privileges or reaching
 * beyond the actor's scope (docs/authorization.md rule 9: setting
 * someone's password is taking over their account, so the actor's grants
 * must cover theirs, and every member the account acts for must be
 * within the actor's own reach; members_may_change).
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "config.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "members.h"
#include "profile.h"
#include "util.h"

enum { PW_PASSWORD, PW_PASSWORD2, PW__MAX };
static const struct form_field profile_password_fields[PW__MAX] = {
	[PW_PASSWORD] = { "password", FORM_PASSWORD, 1, 0, 0 },
	[PW_PASSWORD2] = { "password2", FORM_PASSWORD, 1, 1, 1024 },
};

/* The coordinator set their own password here: this browser gets a
 * fresh session, as after /me/password, since every other one ended. */
static int
profile_own_session(struct request *req)
{
	char	 token[AUTH_TOKEN_HEX];

	if (auth_session_create(req->actor.member_id, req->actor.addr,
	    token) != WEFT_OK)
		return -1;
	http_cookie(&req->resp, auth_cookie_name(), token, -1,
	    HTTP_COOKIE_HTTPONLY |
	    (config.cookie_secure ? HTTP_COOKIE_SECURE : 0));
	explicit_bzero(token, sizeof(token));
	return 0;
}

/*
 * The new hash, the end of the member's sessions and the audit row, in
 * one transaction.  The audit row says that the password changed, never
 * what to: no hash in the log.
 */
static int
profile_password_store(struct request *req, long long id, const char *hash)
{
	struct member		 before;
	enum role_refusal	 why;
	char			 path[64];
	enum weft_err		 e;
	int			 st;

	if ((st = members_lock(req, id, PERM_MEMBER_EDIT, &before)) != 0)
		return st;
	if ((e = members_may_change(req, &before, NULL, 1, &why)) !=
	    WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	if (why != ROLE_OK) {
		db_rollback();
		return app_error(req, 403, app_text(req,
		    role_refusal_keys[why]));
	}
	if ((e = db_exec("UPDATE members SET password_hash = ?,"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?", "si", hash, id)) !=
	    WEFT_OK ||
	    (e = auth_sessions_end_member(id)) != WEFT_OK ||
	    (e = audit_write(&req->actor, "member.password", "member", id,
	    before.community, NULL,
	    "{\"password\":\"changed\",\"sessions_ended\":true}")) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	if ((e = db_commit()) != WEFT_OK)
		return app_status_of(e);
	log_msg(LOGL_INFO, "password of member %lld set by a coordinator", id);
	if (id == req->actor.member_id && id == req->actor.acting_id &&
	    profile_own_session(req) == -1)
		return 500;
	snprintf(path, sizeof(path), "/members/%lld", id);
	return app_redirect(req, path, N_("members.profile.flash.password"));
}

/* POST /members/:id/password: the new password twice; every session of
 * the member ends with the change. */
int
members_password(struct request *req)
{
	struct form_value	 v[PW__MAX];
	struct member		 m;
	struct tmpl_dict	*d;
	char			 hash[AUTH_HASH_MAX];
	enum weft_err		 e;
	int			 st, bad;

	if (profile_edit_stored(req, &m, &d, &st) == -1)
		return st;
	bad = form_read(profile_password_fields, PW__MAX, &req->form,
	    app_lang(req), d, v) > 0;
	if (!bad && strcmp(v[PW_PASSWORD].str, v[PW_PASSWORD2].str) != 0) {
		form_error(d, "password2", app_text(req, N_("password.mismatch")));
		bad = 1;
	}
	if (bad)
		return app_render(req, 422);
	if ((e = auth_password_hash(v[PW_PASSWORD].str, hash, sizeof(hash))) !=
	    WEFT_OK)
		return app_status_of(e);
	st = profile_password_store(req, m.id, hash);
	explicit_bzero(hash, sizeof(hash));
	return st;
}
