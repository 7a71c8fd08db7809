/*
 * The account area: the home page, logging in and out, and the signup
 * application (docs/architecture.md, program `account`;
 * docs/authorization.md "Who is who" for visitors, applying, approved and
 * disabled members); one's own profile and password, and those of the
 * members one acts for, are profile.c (account.h).  Everything here acts
 * on the actor's own account: the acting member's while "become" is
 * active.
 */
#include <stdio.h>
#include <string.h>

#include "account.h"
#include "app.h"
#include "auth.h"
#include "config.h"
#include "db.h"
#include "form.h"
#include "i18n.h"
#include "ledger.h"
#include "log.h"
#include "settings.h"
#include "special.h"
#include "util.h"
#include "valid.h"

int
account_cookie_flags(void)
{
	return HTTP_COOKIE_HTTPONLY |
	    (config.cookie_secure ? HTTP_COOKIE_SECURE : 0);
}

/* A fresh session for member_id in this browser: the old token, if any,
 * is never reused (rotation on login and on password change). */
int
account_start_session(struct request *req, long long member_id)
{
	char	 token[AUTH_TOKEN_HEX];

	if (auth_session_create(member_id, req->actor.addr, token) != WEFT_OK)
		return -1;
	/* A browser session cookie: the server's idle and absolute limits
	 * end it anyway, and closing the browser ends it sooner. */
	http_cookie(&req->resp, auth_cookie_name(), token, -1,
	    account_cookie_flags());
	explicit_bzero(token, sizeof(token));
	return 0;
}

/* A throttled log-in (RFC 9110 section 10.2.3): when to try again, at
 * least a second, so that a client never retries at once. */
void
account_retry_after(struct request *req, int retry_s)
{
	char	 ra[16];

	snprintf(ra, sizeof(ra), "%d", retry_s > 0 ? retry_s : 1);
	http_header(&req->resp, "Retry-After", ra);
}

/* Options of the Community Timebank select, `selected` marked. */
enum weft_err
account_communities(struct tmpl_dict *d, long long selected)
{
	struct db_rows		*r = NULL;
	enum weft_err		 e;

	if ((e = db_query(&r, "SELECT id, name FROM communities"
	    " ORDER BY name, id", "")) != WEFT_OK)
		return e;
	form_options(d, "COMMUNITY_OPTION", r, selected);
	db_rows_free(r);
	return WEFT_OK;
}

/* Is id an existing Community Timebank (0: none chosen, also fine)? */
enum weft_err
account_community_ok(long long id, int *ok)
{
	long long	 n = 0;
	enum weft_err	 e;

	*ok = 1;
	if (id == 0)
		return WEFT_OK;
	if ((e = db_query_int(&n, "SELECT COUNT(*) FROM communities"
	    " WHERE id = ?", "i", id)) != WEFT_OK)
		return e;
	*ok = n > 0;
	return WEFT_OK;
}

/* ---- home ------------------------------------------------------------ */

/* The member's grants, scope in words: the template says "the whole
 * timebank", the community's name, or the language. */
static enum weft_err
home_grants(struct request *req, struct tmpl_dict *d)
{
	const struct grants	*gs = &req->actor.grants;
	struct tmpl_dict	*g, *s;
	struct db_rows		*r;
	enum weft_err		 e;
	size_t			 i;

	if (gs->n > 0)
		tmpl_show(d, "HAS_GRANTS");
	for (i = 0; i < gs->n; i++) {
		g = tmpl_section(d, "GRANT");
		tmpl_set(g, "ROLE", app_text(req,
		    role_title_keys[gs->g[i].role]));
		switch (gs->g[i].scope.kind) {
		case SCOPE_COMMUNITY:
			s = tmpl_section(g, "COMMUNITY");
			if ((e = db_query(&r, "SELECT name FROM communities"
			    " WHERE id = ?", "i", gs->g[i].scope.community)) !=
			    WEFT_OK)
				return e;
			tmpl_set(s, "COMMUNITY_NAME", db_next(r) ?
			    db_str(r, 0) : "?");
			db_rows_free(r);
			break;
		case SCOPE_LANGUAGE:
			s = tmpl_section(g, "LANGUAGE");
			tmpl_set(s, "LANG", gs->g[i].scope.lang);
			break;
		default:
			tmpl_show(g, "SITE");
			break;
		}
	}
	return WEFT_OK;
}

/* GET /: visitors get a welcome, applying members "awaiting approval",
 * members their home page. */
static int
home(struct request *req)
{
	const struct actor	*a = &req->actor;
	struct tmpl_dict	*d;
	long long		 balance;
	char			 hours[LEDGER_HOURS_LEN];
	enum weft_err		 e;
	int			 confirmed, found;

	if (a->member_id == 0) {
		if ((d = app_page(req, "account/home.tpl",
		    app_text(req, N_("nav.home")))) == NULL)
			return 500;
		d = tmpl_section(d, "VISITOR");
		if ((e = special_set(d, "WELCOME_HTML", SPECIAL_WELCOME,
		    app_lang(req), 2, &found)) != WEFT_OK)
			return app_status_of(e);
		tmpl_show(d, found ? "WELCOME" : "STOCK_WELCOME");
		return app_render(req, 200);
	}
	if (a->status == MEMBER_APPLYING) {
		if ((d = app_page(req, "account/awaiting.tpl",
		    app_text(req, N_("nav.home")))) == NULL)
			return 500;
		tmpl_set(d, "NAME", a->name);
		if ((e = special_set(d, "AWAITING_HTML", SPECIAL_AWAITING,
		    app_lang(req), 2, &found)) != WEFT_OK)
			return app_status_of(e);
		tmpl_show(d, found ? "AWAITING" : "STOCK_AWAITING");
		return app_render(req, 200);
	}
	if ((d = app_page(req, "account/home.tpl",
	    app_text(req, N_("nav.home")))) == NULL)
		return 500;
	d = tmpl_section(d, "MEMBER");
	tmpl_set(d, "NAME", a->name);
	/* What waits for the member's confirmation (docs/authorization.md
	 * rule 10), after the setting has confirmed what waited too long:
	 * the balance shown counts those. */
	if ((e = ledger_auto_confirm(a->acting_id, &confirmed)) != WEFT_OK ||
	    (e = ledger_balance(a->acting_id, &balance)) != WEFT_OK ||
	    (e = ledger_pending_panel(d, a, a->acting_id,
	    LEDGER_PANEL_TO_CONFIRM | LEDGER_PANEL_ACTED_FOR |
	    LEDGER_PANEL_FORMS)) != WEFT_OK)
		return app_status_of(e);
	i18n_hours(app_lang(req), balance, 0, hours);
	tmpl_set(d, "BALANCE", hours);
	if ((e = home_grants(req, d)) != WEFT_OK)
		return app_status_of(e);
	if (a->grants.n > 0)
		tmpl_show(d, "COORDINATOR");
	return app_render(req, 200);
}

/* ---- the special pages ----------------------------------------------- */

/* A special page on a page of its own, for everyone: 404 while it has
 * no text in the reader's language nor in the default one. */
static int
special_page(struct request *req, enum special_page page)
{
	struct tmpl_dict	*d;
	enum weft_err		 e;
	int			 found;

	if ((d = app_page(req, "account/special.tpl",
	    app_text(req, special_defs[page].title))) == NULL)
		return 500;
	tmpl_set(d, "TITLE", app_text(req, special_defs[page].title));
	if ((e = special_set(d, "BODY_HTML", page, app_lang(req), 2, &found))
	    != WEFT_OK)
		return app_status_of(e);
	return found ? app_render(req, 200) : 404;
}

/* GET /about */
static int
special_about(struct request *req)
{
	return special_page(req, SPECIAL_ABOUT);
}

/* GET /terms */
static int
special_terms(struct request *req)
{
	return special_page(req, SPECIAL_TERMS);
}

/* GET /privacy */
static int
special_privacy(struct request *req)
{
	return special_page(req, SPECIAL_PRIVACY);
}

/* ---- log in and out -------------------------------------------------- */

/* next first: the GET reads it alone, from the query string.  Where it
 * leads is http_path_is_local()'s question. */
enum { L_NEXT, L_USERNAME, L_PASSWORD, L__MAX };
static const struct form_field login_fields[L__MAX] = {
	[L_NEXT] = { "next", FORM_TEXT, 0, 1, 4096, .flags = FORM_QUIET },
	[L_USERNAME] = { "username", FORM_TEXT, 1, 1, 128 },
	[L_PASSWORD] = { "password", FORM_PASSWORD, 1, 1, 1024 },
};

/* Is next a path to go on to after logging in? */
static int
login_next_ok(const struct form_value *next)
{
	return next->set && http_path_is_local(next->str);
}

/* The login page; next is kept in a hidden field when it is local. */
static struct tmpl_dict *
login_page(struct request *req, const struct form_value *next)
{
	struct tmpl_dict	*d, *s;

	if ((d = app_page(req, "account/login.tpl",
	    app_text(req, N_("nav.login")))) == NULL)
		return NULL;
	if (login_next_ok(next)) {
		s = tmpl_section(d, "NEXT");
		tmpl_set(s, "PATH", next->str);
	}
	if (req->actor.member_id != 0) {
		s = tmpl_section(d, "LOGGED_IN");
		tmpl_set(s, "NAME", req->actor.name);
	}
	return d;
}

/* GET /login.  A logged-in member sees the form too: logging in again
 * (perhaps as someone else) replaces the session. */
static int
login_form(struct request *req)
{
	struct form_value	 v[L__MAX];

	(void)form_read(login_fields, L_NEXT + 1, &req->query, app_lang(req),
	    NULL, v);
	if (login_page(req, &v[L_NEXT]) == NULL)
		return 500;
	return app_render(req, 200);
}

static int
login_refused(struct request *req, struct tmpl_dict *d, int status,
    const char *key)
{
	struct tmpl_dict	*s = tmpl_section(d, "LOGIN_ERROR");

	tmpl_set(s, "MESSAGE", app_text(req, key));
	return app_render(req, status);
}

/* POST /login.  Wrong password and unknown user get the same page; the
 * "disabled" message only follows the right password (auth_login). */
static int
login_post(struct request *req)
{
	struct form_value	 v[L__MAX];
	struct tmpl_dict	*d;
	long long		 id;
	size_t			 bad;
	int			 retry;

	bad = form_read(login_fields, L__MAX, &req->form, app_lang(req), NULL,
	    v);
	if ((d = login_page(req, &v[L_NEXT])) == NULL)
		return 500;
	form_show(login_fields, L__MAX, v, app_lang(req), d);
	if (bad > 0)
		return app_render(req, 422);
	switch (auth_login(v[L_USERNAME].str, v[L_PASSWORD].str,
	    req->actor.addr, &id, &retry)) {
	case LOGIN_OK:
		break;
	case LOGIN_BAD:
		return login_refused(req, d, 200, N_("login.failed"));
	case LOGIN_DISABLED:
		return login_refused(req, d, 403, N_("login.disabled"));
	case LOGIN_THROTTLED:
		account_retry_after(req, retry);
		return login_refused(req, d, 429, N_("login.throttled"));
	default:
		return 500;
	}
	if (req->actor.has_session &&
	    auth_session_delete(req->actor.session_id) != WEFT_OK)
		return 500;
	if (account_start_session(req, id) == -1)
		return 500;
	log_msg(LOGL_INFO, "member %lld logged in", id);
	http_redirect(&req->resp,
	    login_next_ok(&v[L_NEXT]) ? v[L_NEXT].str : "/");
	return 0;
}

/* POST /logout: the session row goes, so a copied cookie is worthless. */
static int
logout(struct request *req)
{
	enum weft_err	 e;

	if ((e = auth_session_delete(req->actor.session_id)) != WEFT_OK)
		return app_status_of(e);
	http_cookie(&req->resp, auth_cookie_name(), "", 0,
	    account_cookie_flags());
	return app_redirect(req, "/login", N_("flash.logged_out"));
}

/* ---- signup application ---------------------------------------------- */

enum { S_USERNAME, S_NAME, S_EMAIL, S_PASSWORD, S_PASSWORD2, S_COMMUNITY,
    S_ABOUT, S__MAX };
static const struct form_field signup_fields[S__MAX] = {
	[S_USERNAME] = { "username", FORM_USERNAME, 1, 0, 0 },
	[S_NAME] = { "name", FORM_TEXT, 1, 1, 128 },
	[S_EMAIL] = { "email", FORM_EMAIL, 1, 0, 254 },
	[S_PASSWORD] = { "password", FORM_PASSWORD, 1, 0, 0 },
	[S_PASSWORD2] = { "password2", FORM_PASSWORD, 1, 1, 1024 },
	[S_COMMUNITY] = { "community", FORM_ID, 0, 0, 0 },
	[S_ABOUT] = { "about", FORM_MULTILINE, 0, 0, 4000 },
};

static struct tmpl_dict *
signup_page(struct request *req, long long community)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "account/signup.tpl",
	    app_text(req, N_("nav.signup")))) == NULL)
		return NULL;
	if (account_communities(d, community) != WEFT_OK)
		return NULL;
	return d;
}

/* Is signup closed (the site setting signup_mode)?  Then the page says
 * so, with status (docs/site.md). */
static int
signup_closed(struct request *req, int status)
{
	if (settings_int(SETTING_SIGNUP_MODE) == 0)
		return 0;
	if (app_page(req, "account/signup_closed.tpl",
	    app_text(req, N_("nav.signup"))) == NULL)
		return 500;
	app_render(req, status);
	return -1;
}

/* GET /signup.  Members have an account already: home with them. */
static int
signup_form(struct request *req)
{
	int	 st;

	if (req->actor.member_id != 0) {
		http_redirect(&req->resp, "/");
		return 0;
	}
	if ((st = signup_closed(req, 200)) != 0)
		return st < 0 ? 0 : st;
	if (signup_page(req, 0) == NULL)
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
		form_error(d, "email", app_text(req, N_("signup.email_waiting")));
	if (taken || waiting)
		return app_render(req, 422);
	if ((e = auth_signup_count(req->actor.addr)) != WEFT_OK)
		return app_status_of(e);
	return SIGNUP_ADMITTED;
}

/* POST /signup: a new applying member; a taken username is a field
 * error, found before the hash, and the unique key still decides, so two
 * racing signups cannot both win. */
static int
signup_post(struct request *req)
{
	struct form_value	 v[S__MAX];
	long long		 comm;
	struct tmpl_dict	*d;
	char			 hash[AUTH_HASH_MAX];
	long long		 id = 0;
	enum weft_err		 e;
	int			 bad, ok, st;

	if (req->actor.member_id != 0) {
		http_redirect(&req->resp, "/");
		return 0;
	}
	if ((st = signup_closed(req, 403)) != 0)
		return st < 0 ? 0 : st;
	bad = form_read(signup_fields, S__MAX, &req->form, app_lang(req), NULL,
	    v) > 0;
	comm = v[S_COMMUNITY].set ? v[S_COMMUNITY].id : 0;
	if ((d = signup_page(req, comm)) == NULL)
		return 500;
	form_show(signup_fields, S__MAX, v, app_lang(req), d);
	if ((ok = signup_check(req, d, v, comm)) == -1)
		return 500;
	if (!ok || bad)
		return app_render(req, 422);
	if ((st = signup_admit(req, d, v[S_USERNAME].str, v[S_EMAIL].str)) !=
	    SIGNUP_ADMITTED)
		return st;
	if ((e = auth_password_hash(v[S_PASSWORD].str, hash, sizeof(hash))) !=
	    WEFT_OK)
		return app_status_of(e);
	/* The application and the coordinators' notices commit together. */
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	e = db_exec("INSERT INTO members (username, email, name, password_hash,"
	    " status, lang, community_id, about) VALUES (?, ?, ?, ?,"
	    " 'applying', 'en', NULLIF(?, 0), ?)", "ssssis",
	    v[S_USERNAME].str, v[S_EMAIL].str, v[S_NAME].str, hash, comm,
	    v[S_ABOUT].str);
	if (e == WEFT_OK && (id = db_insert_id()) > 0)
		e = account_application_mail(id, v[S_NAME].str,
		    v[S_USERNAME].str, comm);
	if (e == WEFT_OK)
		e = db_commit();
	if (e != WEFT_OK)
		db_rollback();
	if (e == WEFT_ERR_DUPLICATE) {
		form_error(d, "username",
		    app_text(req, N_("signup.username_taken")));
		return app_render(req, 422);
	}
	if (e != WEFT_OK)
		return app_status_of(e);
	log_msg(LOGL_INFO, "new application, member %lld", id);
	http_redirect(&req->resp, "/signup/done");
	return 0;
}

static int
signup_done(struct request *req)
{
	if (app_page(req, "account/signup_done.tpl",
	    app_text(req, N_("nav.signup"))) == NULL)
		return 500;
	return app_render(req, 200);
}

/* ---- the program ----------------------------------------------------- */

static const struct route account_routes[] = {
#include "routes.def"
};

int
main(int argc, char *argv[])
{
	static const struct program prog = {
		"account", account_routes, NELEM(account_routes),
	};

	return app_main(argc, argv, &prog);
}
