/*
 * Forgot password (docs/mail.md, "Account mail"; sql/021_password_resets):
 *
 *	GET, POST /password/forgot	a username or an e-mail address; the
 *	    answer is the same page whether or not an account matches, and
 *	    whether or not the request was throttled (RESET_PER_MEMBER links
 *	    per member and RESET_PER_ADDR requests per client address in an
 *	    hour).  A match (an applying or approved member) gets a link,
 *	    mailed in their language in the transaction that stores its hash.
 *	GET, POST /password/reset/:token	the new password twice; the
 *	    token must be unused and under an hour old.  The new hash, the
 *	    token used, every session of the account ended, the audit row and
 *	    a notice to the member commit together.
 *
 * A token that is unknown, used or expired is a 404 page.
 */
#include <stdio.h>
#include <string.h>

#include "account.h"
#include "audit.h"
#include "auth.h"
#include "config.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "mail_notice.h"
#include "sha256.h"

#define RESET_PER_MEMBER	3	/* links per member per hour */
#define RESET_PER_ADDR		10	/* requests per address per hour */

enum { F_WHO, F__MAX };
static const struct form_field forgot_fields[F__MAX] = {
	[F_WHO] = { "who", FORM_TEXT, 1, 1, 254 },
};

enum { R_PASSWORD, R_PASSWORD2, R__MAX };
static const struct form_field reset_fields[R__MAX] = {
	[R_PASSWORD] = { "password", FORM_PASSWORD, 1, 0, 0 },
	[R_PASSWORD2] = { "password2", FORM_PASSWORD, 1, 1, 1024 },
};

static struct tmpl_dict *
forgot_page(struct request *req, int sent)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "account/forgot.tpl",
	    app_text(req, N_("account.forgot.title")))) != NULL)
		tmpl_show(d, sent ? "SENT" : "ASK");
	return d;
}

int
account_forgot(struct request *req)
{
	return forgot_page(req, 0) == NULL ? 500 : app_render(req, 200);
}

/* A link for member id, stored hashed and mailed, unless throttled. */
static enum weft_err
forgot_link(struct request *req, long long id)
{
	struct mail_var		 vars[1];
	char			 token[AUTH_TOKEN_HEX], url[400];
	unsigned char		 h[SHA256_LEN];
	long long		 n = 0;
	struct mail_notice	 m = { .kind = "account.password_reset",
	    .subject_key = N_("mail.password_reset.subject"),
	    .body_key = N_("mail.password_reset.body"), .vars = vars,
	    .nvars = 1, .no_angel_copy = 1 };
	enum weft_err		 e;

	if ((e = db_query_int(&n, "SELECT COUNT(*) FROM password_resets "
	    "WHERE member_id = ? AND created_at > UTC_TIMESTAMP() - "
	    "INTERVAL 1 HOUR", "i", id)) != WEFT_OK || n >= RESET_PER_MEMBER)
		return e;
	if ((e = auth_random_hex(token)) != WEFT_OK)
		return e;
	sha256(token, strlen(token), h);
	snprintf(url, sizeof(url), "%s/password/reset/%s", config.site_url,
	    token);
	vars[0] = (struct mail_var){ "url", url };
	/* One link at a time: the older ones end. */
	if ((e = db_exec("UPDATE password_resets SET used_at = "
	    "UTC_TIMESTAMP() WHERE member_id = ? AND used_at IS NULL", "i",
	    id)) == WEFT_OK &&
	    (e = db_exec("INSERT INTO password_resets (token_hash, member_id, "
	    "addr, expires_at) VALUES (?, ?, ?, UTC_TIMESTAMP() + "
	    "INTERVAL 1 HOUR)", "bis", h, sizeof(h), id, req->actor.addr)) ==
	    WEFT_OK &&
	    (e = mail_notice_member(&m, id)) == WEFT_OK)
		e = audit_write(&req->actor, "member.password_reset_request",
		    "member", id, 0, NULL, "{\"mailed\":true}");
	explicit_bzero(token, sizeof(token));
	explicit_bzero(url, sizeof(url));
	return e;
}

int
account_forgot_post(struct request *req)
{
	struct form_value	 v[F__MAX];
	struct tmpl_dict	*d;
	struct db_rows		*r = NULL;
	long long		 n = 0;
	enum weft_err		 e;

	if (form_read(forgot_fields, F__MAX, &req->form, app_lang(req), NULL,
	    v) > 0) {
		/* Read again onto the page: a message per field. */
		if ((d = forgot_page(req, 0)) == NULL)
			return 500;
		(void)form_read(forgot_fields, F__MAX, &req->form,
		    app_lang(req), d, v);
		form_show(forgot_fields, F__MAX, v, app_lang(req), d);
		return app_render(req, 422);
	}
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	e = db_query_int(&n, "SELECT COUNT(*) FROM password_resets "
	    "WHERE addr = ? AND created_at > UTC_TIMESTAMP() - INTERVAL 1 HOUR",
	    "s", req->actor.addr);
	if (e == WEFT_OK && n < RESET_PER_ADDR)
		e = db_query(&r, "SELECT id FROM members WHERE (username = ? "
		    "OR email = ?) AND status <> 'disabled' ORDER BY id LIMIT 2",
		    "ss", v[F_WHO].str, v[F_WHO].str);
	/* An address two accounts share names neither. */
	if (e == WEFT_OK && r != NULL && db_nrows(r) == 1 && db_next(r))
		e = forgot_link(req, db_int(r, 0));
	db_rows_free(r);
	if (e != WEFT_OK || (e = db_commit()) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	/* The same answer, whatever happened. */
	return forgot_page(req, 1) == NULL ? 500 : app_render(req, 200);
}

/* The member of a usable token (locked when lock); 0 when none. */
static enum weft_err
reset_member(const struct request *req, int lock, long long *id)
{
	unsigned char	 h[SHA256_LEN];
	const char	*t = req->nparams == 1 ? req->params[0] : "";
	enum weft_err	 e;

	*id = 0;
	if (strlen(t) != AUTH_TOKEN_HEX - 1)
		return WEFT_OK;
	sha256(t, strlen(t), h);
	e = db_query_int(id, lock ? "SELECT member_id FROM password_resets "
	    "WHERE token_hash = ? AND used_at IS NULL AND expires_at > "
	    "UTC_TIMESTAMP() FOR UPDATE" : "SELECT member_id FROM "
	    "password_resets WHERE token_hash = ? AND used_at IS NULL AND "
	    "expires_at > UTC_TIMESTAMP()", "b", h, sizeof(h));
	return e == WEFT_ERR_NOTFOUND ? WEFT_OK : e;
}

static struct tmpl_dict *
reset_page(struct request *req)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "account/reset.tpl",
	    app_text(req, N_("account.reset.title")))) != NULL)
		tmpl_set(d, "PATH", req->path);
	return d;
}

int
account_reset(struct request *req)
{
	long long	 id;
	enum weft_err	 e;

	if ((e = reset_member(req, 0, &id)) != WEFT_OK)
		return app_status_of(e);
	if (id == 0)
		return 404;
	return reset_page(req) == NULL ? 500 : app_render(req, 200);
}

/* The reset's transaction, after the hash is made. */
static enum weft_err
reset_store(struct request *req, const char *hash, long long *id)
{
	unsigned char		 h[SHA256_LEN];
	const struct mail_notice m = { .kind = "account.password_changed",
	    .subject_key = N_("mail.password_changed.subject"),
	    .body_key = N_("mail.password_changed.body") };
	enum weft_err		 e;

	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((e = reset_member(req, 1, id)) != WEFT_OK || *id == 0) {
		db_rollback();
		return e;
	}
	sha256(req->params[0], strlen(req->params[0]), h);
	if ((e = db_exec("UPDATE members SET password_hash = ?, updated_at = "
	    "UTC_TIMESTAMP() WHERE id = ?", "si", hash, *id)) == WEFT_OK &&
	    (e = db_exec("UPDATE password_resets SET used_at = "
	    "UTC_TIMESTAMP() WHERE member_id = ? AND used_at IS NULL", "i",
	    *id)) == WEFT_OK &&
	    (e = auth_sessions_end_member(*id)) == WEFT_OK &&
	    (e = audit_write(&req->actor, "member.password_reset", "member",
	    *id, 0, NULL, "{\"password\":\"reset\",\"sessions_ended\":true}"))
	    == WEFT_OK && (e = mail_notice_member(&m, *id)) == WEFT_OK)
		e = db_commit();
	if (e != WEFT_OK)
		db_rollback();
	return e;
}

int
account_reset_post(struct request *req)
{
	struct form_value	 v[R__MAX];
	struct tmpl_dict	*d;
	char			 hash[AUTH_HASH_MAX];
	long long		 id;
	enum weft_err		 e;

	if ((e = reset_member(req, 0, &id)) != WEFT_OK)
		return app_status_of(e);
	if (id == 0)
		return 404;
	if ((d = reset_page(req)) == NULL)
		return 500;
	if (form_read(reset_fields, R__MAX, &req->form, app_lang(req), d, v) >
	    0)
		return app_render(req, 422);
	if (strcmp(v[R_PASSWORD].str, v[R_PASSWORD2].str) != 0) {
		form_error(d, "password2", app_text(req,
		    N_("password.mismatch")));
		return app_render(req, 422);
	}
	if ((e = auth_password_hash(v[R_PASSWORD].str, hash, sizeof(hash))) !=
	    WEFT_OK)
		return app_status_of(e);
	e = reset_store(req, hash, &id);
	explicit_bzero(hash, sizeof(hash));
	if (e != WEFT_OK)
		return app_status_of(e);
	if (id == 0)
		return 404;
	log_msg(LOGL_INFO, "member %lld reset their password by mail", id);
	return app_redirect(req, "/login", N_("account.reset.flash"));
}
