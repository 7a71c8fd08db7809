/*
 * The signup application (/signup; docs/site.md, "Member signup"): the
 * site's signup_mode decides who may apply (open: anyone; closed:
 * nobody, the page says so; invitation: only with the link of an
 * invitation, invitation.h), and the configurable fields and questions
 * are signup_form.h's.  An application with an invitation has the
 * invited address and the invitation's Community Timebank, and uses the
 * invitation up in the transaction that writes the applicant.
 */
#include <stdio.h>
#include <string.h>

#include "account.h"
#include "app.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "form.h"
#include "invitation.h"
#include "log.h"
#include "settings.h"
#include "signup_form.h"
#include "util.h"
#include "valid.h"

enum { S_USERNAME, S_NAME, S_EMAIL, S_PASSWORD, S_PASSWORD2, S_COMMUNITY,
    S_ABOUT, S_INVITE, S__MAX };
static const struct form_field signup_fields[S__MAX] = {
	[S_USERNAME] = { "username", FORM_USERNAME, 1, 0, 0 },
	[S_NAME] = { "name", FORM_TEXT, 1, 1, 128 },
	[S_EMAIL] = { "email", FORM_EMAIL, 1, 0, 254 },
	[S_PASSWORD] = { "password", FORM_PASSWORD, 1, 0, 0 },
	[S_PASSWORD2] = { "password2", FORM_PASSWORD, 1, 1, 1024 },
	[S_COMMUNITY] = { "community", FORM_ID, 0, 0, 0 },
	[S_ABOUT] = { "about", FORM_MULTILINE, 0, 0, 4000 },
	[S_INVITE] = { "invite", FORM_TEXT, 0, 0, 128, .flags = FORM_QUIET },
};

enum { SIGNUP_OPEN, SIGNUP_CLOSED, SIGNUP_INVITATION };

/* The form: with an invitation (inv->id), its address and its token in
 * place of the e-mail and community fields. */
static struct tmpl_dict *
signup_page(struct request *req, long long community,
    const struct invitation *inv, const char *token)
{
	struct tmpl_dict	*d, *s;

	if ((d = app_page(req, "account/signup.tpl",
	    app_text(req, N_("nav.signup")))) == NULL)
		return NULL;
	if (inv->id != 0) {
		s = tmpl_section(d, "INVITED");
		tmpl_set(s, "INVITED_EMAIL", inv->email);
		tmpl_set(s, "TOKEN", token);
		return d;
	}
	tmpl_show(d, "EMAIL_FIELD");
	if (account_communities(tmpl_section(d, "COMMUNITY_FIELD"),
	    community) != WEFT_OK)
		return NULL;
	return d;
}

/* Is signup closed (the site setting signup_mode)?  Then the page says
 * so, with status (docs/site.md). */
static int
signup_closed(struct request *req, int status)
{
	if (settings_int(SETTING_SIGNUP_MODE) != SIGNUP_CLOSED)
		return 0;
	if (app_page(req, "account/signup_closed.tpl",
	    app_text(req, N_("nav.signup"))) == NULL)
		return 500;
	app_render(req, status);
	return -1;
}

/* Signup is by invitation and there is no usable one: the page says so
 * (a token that was given is used, expired or revoked). */
static int
signup_invite_only(struct request *req, int given, int status)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "account/signup_invite.tpl",
	    app_text(req, N_("nav.signup")))) == NULL)
		return 500;
	tmpl_show(d, given ? "BAD_TOKEN" : "NO_TOKEN");
	return app_render(req, status);
}

/* The invitation of the token sent in in (query or form), when signup
 * is by invitation; *token is what was sent. */
static enum weft_err
signup_invitation(struct request *req, const struct http_kvlist *in,
    struct invitation *inv, const char **token)
{
	struct form_value	 v[S__MAX];

	memset(inv, 0, sizeof(*inv));
	(void)form_read(&signup_fields[S_INVITE], 1, in, app_lang(req), NULL,
	    &v[S_INVITE]);
	*token = v[S_INVITE].str;
	if (settings_int(SETTING_SIGNUP_MODE) != SIGNUP_INVITATION)
		return WEFT_OK;
	return invitation_find(*token, 0, inv);
}

/* GET /signup.  Members have an account already: home with them. */
int
account_signup_form(struct request *req)
{
	struct invitation	 inv;
	struct tmpl_dict	*d;
	const char		*token;
	enum weft_err		 e;
	int			 st;

	if (req->actor.member_id != 0) {
		http_redirect(&req->resp, "/");
		return 0;
	}
	if ((st = signup_closed(req, 200)) != 0)
		return st < 0 ? 0 : st;
	if ((e = signup_invitation(req, &req->query, &inv, &token)) != WEFT_OK)
		return app_status_of(e);
	if (settings_int(SETTING_SIGNUP_MODE) == SIGNUP_INVITATION &&
	    inv.id == 0)
		return signup_invite_only(req, token[0] != '\0', 200);
	if ((d = signup_page(req, inv.community, &inv, token)) == NULL ||
	    signup_form(d, app_lang(req), SIGNUP_APPLICANT, NULL, NULL) < 0)
		return 500;
	return app_render(req, 200);
}

/* Checks what the table cannot: passwords equal, community exists.
 * Returns 1 when both hold, 0 when not, -1 on a database error. */
static int
signup_check(struct request *req, struct tmpl_dict *d,
    const struct form_value *v, long long comm)
{
	int	 ok = 1, known;

	if (v[S_PASSWORD].sent && v[S_PASSWORD2].str[0] != '\0' &&
	    strcmp(v[S_PASSWORD].str, v[S_PASSWORD2].str) != 0) {
		form_error(d, "password2", app_text(req, N_("password.mismatch")));
		ok = 0;
	}
	if (account_community_ok(comm, &known) != WEFT_OK)
		return -1;
	if (!known) {
		form_error(d, "community",
		    app_text(req, valid_err_keys[VALID_RANGE]));
		ok = 0;
	}
	return ok;
}

#define SIGNUP_ADMITTED	(-1)

/*
 * What a well-formed application must pass before its password is hashed,
 * the costly step (argon2id, issue 15, 6): its address is not over its
 * applications (429, Retry-After), and in one statement, the username is
 * free and no application with this e-mail is waiting (422; the column's
 * collation, utf8mb4_unicode_ci, ignores case).  Approved members' e-mails
 * are not refused: households and angels share addresses, and whether an
 * e-mail belongs to a member is not a visitor's to learn.  Two applications
 * sent at the same moment may both pass the e-mail check (a coordinator
 * sees both); the username's unique key decides its race.  Then the
 * application is counted.  Returns SIGNUP_ADMITTED, or the handler's
 * answer when refused.
 */
static int
signup_admit(struct request *req, struct tmpl_dict *d, const char *username,
    const char *email)
{
	struct db_rows	*r = NULL;
	int		 retry, taken = 0, waiting = 0;
	enum weft_err	 e;

	if ((e = auth_signup_check(req->actor.addr, &retry)) != WEFT_OK)
		return app_status_of(e);
	if (retry > 0) {
		account_retry_after(req, retry);
		tmpl_set(tmpl_section(d, "SIGNUP_ERROR"), "MESSAGE",
		    app_text(req, N_("signup.throttled")));
		return app_render(req, 429);
	}
	if ((e = db_query(&r, "SELECT EXISTS(SELECT 1 FROM members"
	    " WHERE username = ?), EXISTS(SELECT 1 FROM members"
	    " WHERE email = ? AND status = 'applying')", "ss", username,
	    email)) != WEFT_OK)
		return app_status_of(e);
	if (db_next(r)) {
		taken = db_int(r, 0) != 0;
		waiting = db_int(r, 1) != 0;
	}
	db_rows_free(r);
	if (taken)
		form_error(d, "username",
		    app_text(req, N_("signup.username_taken")));
	if (waiting)
		form_error(d, "email",
		    app_text(req, N_("signup.email_waiting")));
	if (taken || waiting)
		return app_render(req, 422);
	if ((e = auth_signup_count(req->actor.addr)) != WEFT_OK)
		return app_status_of(e);
	return SIGNUP_ADMITTED;
}

/* The application's audit row, by the visitor (no actor): who applied
 * and where; the answers are on the application panel. */
static enum weft_err
signup_audit(struct request *req, long long id, const struct form_value *v,
    const char *email, long long comm)
{
	struct buf	 b;
	enum weft_err	 e;

	buf_init(&b);
	buf_puts(&b, "{\"username\":");
	buf_json_str(&b, v[S_USERNAME].str);
	buf_puts(&b, ",\"name\":");
	buf_json_str(&b, v[S_NAME].str);
	buf_puts(&b, ",\"email\":");
	buf_json_str(&b, email);
	buf_printf(&b, ",\"community\":%lld,\"status\":\"applying\"}", comm);
	e = buf_failed(&b) ? WEFT_ERR_NOMEM : audit_write(&req->actor,
	    "member.apply", "member", id, comm, NULL, b.p);
	buf_free(&b);
	return e;
}

/*
 * The application's transaction: the applicant, the configured fields
 * and answers, the invitation used up (locked first: a token used since
 * the form was checked is refused, *gone), and the coordinators' notices.
 */
static enum weft_err
signup_write(struct request *req, const struct form_value *v,
    const char *email, long long comm, const char *hash,
    const struct signup_values *sv, const char *token, long long *id,
    int *gone)
{
	struct invitation	 inv;
	enum weft_err		 e;

	*id = 0;
	*gone = 0;
	if ((e = db_begin()) != WEFT_OK)
		return e;
	if (settings_int(SETTING_SIGNUP_MODE) == SIGNUP_INVITATION &&
	    (e = invitation_find(token, 1, &inv)) == WEFT_OK && inv.id == 0)
		*gone = 1;
	if (e == WEFT_OK && !*gone)
		/* The language the visitor applied in (their choice on the
		 * public pages, else their browser's, app_lang_choose()):
		 * the applicant's mail, a rejection's included, is in it. */
		e = db_exec("INSERT INTO members (username, email, name,"
		    " password_hash, status, lang, community_id, about) VALUES"
		    " (?, ?, ?, ?, 'applying', ?, NULLIF(?, 0), ?)",
		    "sssssis", v[S_USERNAME].str, email, v[S_NAME].str, hash,
		    app_lang(req), comm, v[S_ABOUT].str);
	if (e == WEFT_OK && !*gone && (*id = db_insert_id()) > 0 &&
	    (e = signup_form_store(*id, sv)) == WEFT_OK &&
	    (e = signup_audit(req, *id, v, email, comm)) == WEFT_OK &&
	    (settings_int(SETTING_SIGNUP_MODE) != SIGNUP_INVITATION ||
	    (e = invitation_use(&req->actor, &inv, *id)) == WEFT_OK))
		e = account_application_mail(*id, v[S_NAME].str,
		    v[S_USERNAME].str, comm);
	if (e == WEFT_OK && !*gone)
		e = db_commit();
	if (e != WEFT_OK || *gone)
		db_rollback();
	return e;
}

/* POST /signup: a new applying member; a taken username is a field
 * error, found before the hash, and the unique key still decides, so two
 * racing signups cannot both win. */
int
account_signup_post(struct request *req)
{
	struct form_field	 t[S__MAX];
	struct form_value	 v[S__MAX];
	struct signup_values	 sv;
	struct invitation	 inv;
	struct tmpl_dict	*d;
	const char		*token, *email;
	char			 hash[AUTH_HASH_MAX];
	long long		 comm, id = 0;
	enum weft_err		 e;
	int			 bad, ok, st, more, gone;

	if (req->actor.member_id != 0) {
		http_redirect(&req->resp, "/");
		return 0;
	}
	if ((st = signup_closed(req, 403)) != 0)
		return st < 0 ? 0 : st;
	if ((e = signup_invitation(req, &req->form, &inv, &token)) != WEFT_OK)
		return app_status_of(e);
	if (settings_int(SETTING_SIGNUP_MODE) == SIGNUP_INVITATION &&
	    inv.id == 0)
		return signup_invite_only(req, token[0] != '\0', 403);
	memcpy(t, signup_fields, sizeof(t));
	if (inv.id != 0) {
		/* The invitation's address and community, not the form's. */
		t[S_EMAIL].required = 0;
		t[S_EMAIL].flags = t[S_COMMUNITY].flags = FORM_QUIET;
	}
	bad = form_read(t, S__MAX, &req->form, app_lang(req), NULL, v) > 0;
	comm = inv.id != 0 ? inv.community : v[S_COMMUNITY].set ?
	    v[S_COMMUNITY].id : 0;
	email = inv.id != 0 ? inv.email : v[S_EMAIL].str;
	if ((d = signup_page(req, comm, &inv, token)) == NULL)
		return 500;
	form_show(t, S__MAX, v, app_lang(req), d);
	if ((more = signup_form(d, app_lang(req), SIGNUP_APPLICANT, &req->form,
	    &sv)) < 0 || (ok = signup_check(req, d, v, comm)) == -1)
		return 500;
	if (!ok || bad || more > 0)
		return app_render(req, 422);
	if ((st = signup_admit(req, d, v[S_USERNAME].str, email)) !=
	    SIGNUP_ADMITTED)
		return st;
	if ((e = auth_password_hash(v[S_PASSWORD].str, hash, sizeof(hash))) !=
	    WEFT_OK)
		return app_status_of(e);
	e = signup_write(req, v, email, comm, hash, &sv, token, &id, &gone);
	explicit_bzero(hash, sizeof(hash));
	if (e == WEFT_ERR_DUPLICATE) {
		form_error(d, "username",
		    app_text(req, N_("signup.username_taken")));
		return app_render(req, 422);
	}
	if (e != WEFT_OK)
		return app_status_of(e);
	if (gone)
		return signup_invite_only(req, 1, 403);
	log_msg(LOGL_INFO, "new application, member %lld", id);
	http_redirect(&req->resp, "/signup/done");
	return 0;
}

int
account_signup_done(struct request *req)
{
	if (app_page(req, "account/signup_done.tpl",
	    app_text(req, N_("nav.signup"))) == NULL)
		return 500;
	return app_render(req, 200);
}
