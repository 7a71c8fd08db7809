/*
 * The program skeleton every area shares: a pre-forking master, the
 * request loop, the route table, dispatch with the guards of DESIGN.md
 * step 4, page rendering inside the layout, and the one error page.
 *
 * An area program is a route table and its handlers:
 *
 *	static const struct route routes[] = {
 *		{ HTTP_GET, "/members/:id", ACCESS_PERM, PERM_MEMBER_LIST, show },
 *	};
 *	int main(int argc, char *argv[]) {
 *		return app_main(argc, argv, &(struct program){"members",
 *		    routes, sizeof(routes) / sizeof(routes[0])});
 *	}
 */
#ifndef WEFT_APP_H
#define WEFT_APP_H

#include <stddef.h>

#include "auth.h"
#include "http.h"
#include "role.h"
#include "tmpl.h"

/* Who may reach a route, checked before its handler runs.  The zero value
 * is deliberately invalid: a route must say (ROLES.md rule 1). */
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

struct request;

/* A handler returns 0 when it has filled req->resp (page, redirect or
 * app_error()), or an HTTP status for the plain error page. */
typedef int (*handler_fn)(struct request *);

struct route {
	enum http_method	 method;
	const char		*pattern;	/* "/members/:id/notes" */
	enum access		 access;
	enum perm		 perm;		/* ACCESS_PERM only */
	handler_fn		 handler;
};

struct program {
	const char		*name;
	const struct route	*routes;
	size_t			 nroutes;
};

#define APP_PARAMS_MAX	4
/* The one-time flash message's cookie: a phrase key, read once. */
#define APP_FLASH_COOKIE	"weft-flash"

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
/* Submitted form value, or NULL. */
const char	*app_form(const struct request *, const char *key);
const char	*app_query(const struct request *, const char *key);
/* As app_form() and app_query(), but "" when the field was not sent: for
 * optional fields, where absent and empty mean the same. */
const char	*app_form_str(const struct request *, const char *key);
const char	*app_query_str(const struct request *, const char *key);
/* A submitted row id (valid_id(): canonical, 1 .. 2^53), or 0 when the
 * field is absent, empty or not an id: for optional selects and filters
 * where 0 means "none chosen".  Whether the id exists is the caller's. */
long long	 app_form_id(const struct request *, const char *key);
long long	 app_query_id(const struct request *, const char *key);

/* Starts a page: returns the dictionary of the page body (file, relative
 * to the templates root), rendered inside layout.tpl with title, the
 * navigation for the actor, the CSRF token (also set in the page as
 * {{CSRF}}), the flash message and the "become" banner. */
struct tmpl_dict *app_page(struct request *, const char *file,
		    const char *title);
/* Renders the started page with status into req->resp; returns 0. */
int		 app_render(struct request *, int status);
/* Renders the error page with status and message (NULL: the standard
 * sentence for status); returns 0. */
int		 app_error(struct request *, int status, const char *message);
/* 303 to path with a one-time flash message (phrase key or NULL). */
int		 app_redirect(struct request *, const char *path,
		    const char *flash_key);
/* The HTTP status for an error from the common module: 503 when the
 * database is down, 404, 403, 409 (duplicate, lock conflict), else 500. */
int		 app_status_of(enum weft_err);
/* The actor's phrase for key. */
const char	*app_text(const struct request *, const char *key);
/* The actor's language tag, "en" when none is set (visitors): the lang
 * argument of form_check() and i18n_text(). */
const char	*app_lang(const struct request *);

#endif
