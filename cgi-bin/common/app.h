/*
 * The program skeleton every area shares: a pre-forking master, the
 * request loop, the route table, dispatch with the guards of
 * docs/architecture.md step 6, page rendering inside the layout, and the
 * one error page.
 *
 * An area program is a route table and its handlers.  The table is the
 * area's cgi-bin/AREA/routes.def, one row per route, each handler named
 * through APP_HANDLER():
 *
 *	{ HTTP_GET, "/members/:id", ACCESS_PERM, PERM_MEMBER_LIST,
 *	    APP_HANDLER(members_show) },
 *	{ HTTP_GET, "/members/new", ACCESS_PERM, PERM_MEMBER_ADD,
 *	    APP_HANDLER(members_new_form),
 *	    APP_NAV(APP_MENU_ADD, 10, "nav.member_add") },
 *
 * The area's main.c includes it with the handlers, for its own requests:
 *
 *	static const struct route routes[] = {
 *	#include "routes.def"
 *	};
 *	int main(int argc, char *argv[]) {
 *		return app_main(argc, argv, &(struct program){"members",
 *		    routes, NELEM(routes)});
 *	}
 *
 * and the build includes every area's table once more, without the
 * handlers (APP_HANDLER() defined as ".handler = NULL" before this
 * header; the Makefile writes var/gen/app_areas.c for the FastCGI
 * programs of cgi-bin/programs), into the common library as app_areas[]:
 * a row with APP_NAV() is an entry of the navigation or of a coordinator
 * menu, which every program's layout shows wherever the viewer may use it
 * (app_nav.c).
 */
#ifndef WEFT_APP_H
#define WEFT_APP_H

#include <stddef.h>

#include "auth.h"
#include "http.h"
#include "i18n.h"
#include "role.h"
#include "tmpl.h"

/* Who may reach a route, checked before its handler runs.  The zero value
 * is deliberately invalid: a route must say (docs/authorization.md rule 1). */
enum access {
	ACCESS_UNSET = 0,
	ACCESS_PUBLIC,	/* visitors too: the short, reviewed list */
	ACCESS_LOGIN,	/* any logged-in member, applying ones too */
	ACCESS_MEMBER,	/* approved members: self-service */
	ACCESS_PERM,	/* holders of `perm` in some scope */
	ACCESS_COORDINATOR, /* approved members holding any grant */
	ACCESS__MAX
};

extern const char *const access_keys[ACCESS__MAX];

/*
 * Where a route is offered: the bar of the main navigation, or a group
 * of one of the two coordinator menus, "+" (add something) and the gear
 * (dashboard and reports, content, configuring the site).  The layout
 * (app_nav.c) says which group goes into which menu.
 */
enum app_menu {
	APP_MENU_NONE = 0,	/* not offered in the navigation */
	APP_MENU_BAR,
	APP_MENU_ADD,
	APP_MENU_REPORTS,
	APP_MENU_CONTENT,
	APP_MENU_SITE,
	APP_MENU__MAX
};

/* A route's entry in the navigation: place, rank within it (lower
 * first; equal ranks keep the order of the areas and their tables) and
 * the phrase key of its label.  The label is read by every program, so
 * its phrase lives in the common catalogue (i18n.c). */
struct app_nav {
	enum app_menu	 menu;
	int		 order;
	const char	*label;
};

#define APP_NAV(menu, order, label)	.nav = { (menu), (order), (label) }
#ifndef APP_HANDLER
#define APP_HANDLER(f)	.handler = (f)
#endif

/*
 * A feature of the site that an Admin switches off and on (a setting):
 * a route of a feature that is off is answered with the page saying so
 * (after its guard: who may not pass is refused as ever), and the
 * navigation does not offer it.  The zero value is "no feature": the
 * route is always there (the switch's own page is).
 */
enum app_feature {
	APP_FEATURE_NONE = 0,
	APP_FEATURE_PAYMENTS,	/* payments_enabled */
	APP_FEATURE__MAX
};

#define APP_FEATURE(f)	.feature = (f)

/* Is feature f on (APP_FEATURE_NONE always is)? */
int		 app_feature_on(enum app_feature f);
/* The phrase key of the page of a feature that is off. */
extern const char *const app_feature_off_keys[APP_FEATURE__MAX];

struct request;

/* A handler returns 0 when it has filled req->resp (page, redirect or
 * app_error()), or an HTTP status for the plain error page. */
typedef int (*handler_fn)(struct request *);

struct route {
	enum http_method	 method;
	const char		*pattern;	/* "/members/:id/notes" */
	enum access		 access;
	enum perm		 perm;		/* ACCESS_PERM only */
	handler_fn		 handler;	/* NULL in app_areas[] */
	struct app_nav		 nav;		/* GET routes without ":x" */
	size_t			 body_max;	/* 0: the config's limits */
	enum app_feature	 feature;	/* APP_FEATURE_NONE: always */
	int			 no_csrf;	/* APP_NO_CSRF */
};

/*
 * A POST route that takes more than the config's body_max and
 * field_len_max (a file pasted into a form: a PO file to import): its
 * body and each of its fields may be up to n bytes, n at most
 * APP_BODY_LARGE_MAX (nginx's client_max_body_size is 1m).
 */
#define APP_BODY_LARGE_MAX	(1024 * 1024)
#define APP_BODY(n)	.body_max = (n)

/*
 * A public POST authenticated by a signed token in its own URL instead of
 * a session: the one-click unsubscribe of RFC 8058, which a mail client
 * posts with neither a cookie nor a form token.  The guard then checks no
 * CSRF token; it is honoured on ACCESS_PUBLIC routes only, the handler
 * checks the token before it changes anything, and every such route is
 * listed and reviewed in docs/authorization.md ("Routes without a CSRF
 * token") and in tests/e2e/routes.test.mjs (`--routes` prints no-csrf).
 */
#define APP_NO_CSRF	.no_csrf = 1

struct program {
	const char		*name;
	const struct route	*routes;
	size_t			 nroutes;
};

/* Every area's route table, without handlers (generated by the build
 * from the list of programs): what the navigation offers, and where. */
struct app_area {
	const char		*name;
	const struct route	*routes;
	size_t			 nroutes;
};

extern const struct app_area	 app_areas[];
extern const size_t		 app_nareas;

/*
 * The one access decision (docs/authorization.md rule 1): may actor pass
 * a route of this access (and permission, for ACCESS_PERM)?  The guard
 * answers APP_LOGIN_FIRST with the login page (a GET) or 403, and
 * APP_DENY with 403; the navigation shows only what is APP_ALLOW.  The
 * object's own scope is the handler's (rule 2).
 */
enum app_verdict {
	APP_ALLOW,
	APP_LOGIN_FIRST,	/* a visitor, where members may pass */
	APP_DENY
};

enum app_verdict app_access(const struct actor *, enum access, enum perm);

/* The entries of place the actor may use, in display order, at most max
 * into out; returns how many. */
size_t		 app_nav_visible(const struct actor *, enum app_menu place,
		    const struct route **out, size_t max);

#define APP_PARAMS_MAX	4
/* The one-time flash message's cookie: a phrase key, read once. */
#define APP_FLASH_COOKIE	"weft-flash"
/* A visitor's choice of language (the switcher of the public pages). */
#define APP_LANG_COOKIE		"weft-lang"

struct request {
	enum http_method	 method;
	const char		*path;
	struct http_kvlist	 query;
	struct http_kvlist	 form;
	struct http_kvlist	 cookies;
	const char		*params[APP_PARAMS_MAX];  /* ":x" segments */
	size_t			 nparams;
	const struct route	*route;
	struct actor		 actor;
	struct http_response	 resp;
	struct tmpl_dict	*layout;	/* set by app_page() */
	const char		*page_tpl;
	char			 flash[64];	/* phrase key, "" for none */
	unsigned		 bad_cookies;	/* damaged cookies of weft's */
	char			 param_buf[256];
};

/* Parses options (-c config, -s socket, -n workers, --routes), then runs
 * the master; returns the exit status. */
int		 app_main(int argc, char *argv[], const struct program *);

/* Does pattern match path?  Fills params (pointers into buf). */
int		 app_route_match(const char *pattern, const char *path,
		    char *buf, size_t bufsz, const char **params,
		    size_t *nparams);
/* The route for method+path: NULL with *status 404 (no pattern) or 405
 * (pattern, other method). */
const struct route *app_route_find(const struct program *,
		    enum http_method, const char *path, struct request *,
		    int *status);

/* Path parameter i as a positive id, or 0 when it is not one. */
long long	 app_param_id(const struct request *, size_t i);
/* Form and query fields are read through a field table into typed
 * values: form_read() (form.h), never key by key. */

/* Starts a page: returns the dictionary of the page body (file, relative
 * to the templates root), rendered inside layout.tpl with title, the
 * navigation for the actor, the CSRF token (also set in the page as
 * {{CSRF}}), the flash message and the "become" banner. */
struct tmpl_dict *app_page(struct request *, const char *file,
		    const char *title);
/* Fills the layout's navigation for the request's actor (app_page() does;
 * NAV for the bar, MENU for the coordinator menus). */
void		 app_nav_fill(struct request *, struct tmpl_dict *layout);
/* Renders the started page with status into req->resp; returns 0. */
int		 app_render(struct request *, int status);
/* Renders the error page with status and message (NULL: the standard
 * sentence for status); returns 0. */
int		 app_error(struct request *, int status, const char *message);
/* 200 with the CSV in req->resp.body, as an attachment named filename
 * (a plain name: no quotes); returns 0. */
int		 app_csv(struct request *, const char *filename);
/* The same for a body of another type (a PO file). */
int		 app_attachment(struct request *, const char *type,
		    const char *filename);
/* 303 to path with a one-time flash message (phrase key or NULL). */
int		 app_redirect(struct request *, const char *path,
		    const char *flash_key);
/* The HTTP status for an error from the common module: 503 when the
 * database is down, 404, 403, 409 (duplicate, lock conflict), else 500. */
int		 app_status_of(enum weft_err);
/*
 * The answer for the target of a path id under perm, from what loading
 * it returned (docs/authorization.md rule 1, no probing by id): 0 when it
 * loaded; for a missing target (WEFT_ERR_NOTFOUND: also pass it for an id
 * that is not one) 404 only when the actor holds perm site-wide, else the
 * same 403 as for a target out of scope; else app_status_of(e).  Whether
 * a target that exists is in scope is the caller's to check next.
 */
int		 app_target_status(const struct request *, enum perm,
		    enum weft_err e);
/* The actor's phrase for key. */
const char	*app_text(const struct request *, const char *key);
/* The actor's language tag: the member's, a visitor's as
 * app_lang_choose() chose it, else "en"; the lang argument of form_read()
 * and i18n_text(). */
const char	*app_lang(const struct request *);
/*
 * A visitor's language, into req->actor.lang: the one they chose with the
 * switcher (APP_LANG_COOKIE), else the best of accept (the
 * Accept-Language header) among the languages offered, else English.
 */
void		 app_lang_choose(struct request *, const char *accept);
/* The public pages' language switcher: the offered languages into the
 * layout's LANG_SWITCH (LANG_OPTION), for visitors, when there are two. */
void		 app_lang_switch(struct request *, struct tmpl_dict *layout);

#endif
