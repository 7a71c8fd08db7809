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
 * "disabled" and "application not accepted" messages only follow the
 * right password (auth_login). */
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
	case LOGIN_REJECTED:
		return login_refused(req, d, 403, N_("login.rejected"));
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
