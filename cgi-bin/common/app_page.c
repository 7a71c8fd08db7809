/*
 * Pages, the error page and redirects (docs/architecture.md steps 7-9):
 * every HTML answer is a body template rendered inside templates/layout.tpl.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "settings.h"
#include "special.h"
#include "util.h"

const char *
app_text(const struct request *req, const char *key)
{
	return i18n_text(app_lang(req), key);
}

static const char app_sql_alerts[] =
    "SELECT id, message FROM alerts WHERE FIND_IN_SET(id, ?) > 0"
    " ORDER BY id DESC";

/*
 * The alerts the member has to see (their ids came with the session,
 * auth.c; sql/026_alerts.sql), each with its dismiss button, which comes
 * back to this page.  A page that cannot read them is shown without
 * them: an alert is not worth an error page.
 */
static void
app_alerts(struct request *req, struct tmpl_dict *d)
{
	const struct actor	*a = &req->actor;
	struct tmpl_dict	*list, *s;
	struct db_rows		*r;

	if (a->member_id == 0 || a->alerts[0] == '\0' ||
	    db_query(&r, app_sql_alerts, "s", a->alerts) != WEFT_OK)
		return;
	list = db_nrows(r) > 0 ? tmpl_section(d, "ALERTS") : NULL;
	while (list != NULL && db_next(r)) {
		s = tmpl_section(list, "ALERT");
		tmpl_set(s, "ID", db_str(r, 0));
		tmpl_set_markup(s, "MESSAGE_HTML", db_str(r, 1), 2);
		tmpl_set(s, "CSRF", a->csrf);
		tmpl_set(s, "NEXT", req->path);
	}
	db_rows_free(r);
}

/* The foot's links to the timebank's about, terms and privacy pages, each
 * only when the reader would read a text there (special_readable(): the
 * page answers 404 otherwise). */
static void
app_footer_links(struct request *req, struct tmpl_dict *d)
{
	static const enum special_page pages[] = {
		SPECIAL_ABOUT, SPECIAL_TERMS, SPECIAL_PRIVACY,
	};
	struct tmpl_dict	*list = NULL, *s;
	char			 href[32];
	int			 on[SPECIAL__MAX];
	size_t			 i;

	if (special_readable(app_lang(req), on) != WEFT_OK) {
		log_msg(LOGL_WARN, "layout: the special pages not read");
		return;
	}
	for (i = 0; i < NELEM(pages); i++) {
		if (!on[pages[i]])
			continue;
		if (list == NULL)
			list = tmpl_section(d, "FOOTER_LINKS");
		s = tmpl_section(list, "FOOTER_LINK");
		snprintf(href, sizeof(href), "/%s", special_defs[pages[i]].key);
		tmpl_set(s, "HREF", href);
		tmpl_set(s, "LABEL", app_text(req, special_defs[pages[i]].title));
	}
}

static void
app_layout(struct request *req, const char *title)
{
	const struct actor	*a = &req->actor;
	struct tmpl_dict	*d = req->layout, *s;
	const char		*v;

	tmpl_set(d, "TITLE", title);
	/* The timebank's name and description (site settings), else weft's
	 * own words in the reader's language. */
	v = settings_str(SETTING_SITE_NAME);
	tmpl_set(d, "SITE_NAME", v[0] != '\0' ? v :
	    app_text(req, N_("layout.brand")));
	v = settings_str(SETTING_SITE_DESCRIPTION);
	tmpl_set(d, "SITE_DESCRIPTION", v[0] != '\0' ? v :
	    app_text(req, N_("layout.tagline")));
	if ((v = settings_str(SETTING_CONTACT_EMAIL))[0] != '\0')
		tmpl_set(tmpl_section(d, "CONTACT"), "EMAIL", v);
	app_footer_links(req, d);
	tmpl_set(d, "LANG", app_lang(req));
	if (i18n_lang(app_lang(req))->rtl)
		tmpl_show(d, "RTL");
	app_lang_switch(req, d);
	tmpl_set(d, "CSRF", a->csrf);
	app_nav_fill(req, d);
	if (a->member_id != 0) {
		s = tmpl_section(d, "USER");
		tmpl_set(s, "NAME", a->name);
		tmpl_set(s, "CSRF", a->csrf);
	} else if (settings_int(SETTING_SIGNUP_MODE) == 0)
		tmpl_show(tmpl_section(d, "VISITOR"), "SIGNUP_OPEN");
	else
		tmpl_show(d, "VISITOR");
	if (a->member_id != 0 && a->acting_id != a->member_id) {
		/* Rule 5: while "become" is active every page says so. */
		s = tmpl_section(d, "BECOME");
		tmpl_set(s, "ACTING_NAME", a->name);
		tmpl_set(s, "REAL_NAME", a->real_name);
		tmpl_set(s, "CSRF", a->csrf);
	}
	app_alerts(req, d);
	if (req->flash[0] != '\0') {
		s = tmpl_section(d, "FLASH");
		tmpl_set(s, "MESSAGE", app_text(req, req->flash));
	}
}

struct tmpl_dict *
app_page(struct request *req, const char *file, const char *title)
{
	struct tmpl_dict	*body;

	if (req->layout != NULL)
		tmpl_dict_free(req->layout);
	if ((req->layout = tmpl_dict_new()) != NULL)
		tmpl_lang(req->layout, app_lang(req));
	if (req->layout == NULL)
		return NULL;
	req->page_tpl = file;
	app_layout(req, title);
	body = tmpl_include(req->layout, "BODY", file);
	tmpl_set(body, "CSRF", req->actor.csrf);
	return body;
}

int
app_render(struct request *req, int status)
{
	enum weft_err	 e;

	if (req->layout == NULL) {
		req->resp.failed = 1;
		return 0;
	}
	buf_reset(&req->resp.body);
	if ((e = tmpl_render(req->layout, "layout.tpl", &req->resp.body)) !=
	    WEFT_OK) {
		log_msg(LOGL_ERROR, "rendering %s: %s", req->page_tpl,
		    weft_strerror(e));
		req->resp.failed = 1;
		return 0;
	}
	req->resp.status = status;
	http_header(&req->resp, "Content-Type", "text/html; charset=utf-8");
	return 0;
}

/*
 * The error page of each status: its heading (also the page's title) and
 * its standard sentence, phrases in the viewer's language.  The status
 * line keeps HTTP's English reason phrase (http_status_text()): it is
 * for programs, not people.
 */
static const struct app_error_page {
	int		 status;
	const char	*title;
	const char	*message;
} app_error_pages[] = {
	{ 400, N_("error.title.400"), N_("error.400") },
	{ 403, N_("error.title.403"), N_("error.403") },
	{ 404, N_("error.title.404"), N_("error.404") },
	{ 405, N_("error.title.405"), N_("error.405") },
	{ 409, N_("error.title.409"), N_("error.409") },
	{ 413, N_("error.title.413"), N_("error.413") },
	{ 415, N_("error.title.415"), N_("error.415") },
	{ 422, N_("error.title.422"), N_("error.422") },
	{ 429, N_("error.title.429"), N_("error.429") },
	{ 500, N_("error.title.500"), N_("error.500") },
	{ 503, N_("error.title.503"), N_("error.503") },
};

/* The row of status; a status without one is shown as a 500's. */
static const struct app_error_page *
app_error_page_of(int status)
{
	size_t	 i;

	for (i = 0; i < NELEM(app_error_pages); i++)
		if (app_error_pages[i].status == status)
			return &app_error_pages[i];
	for (i = 0; app_error_pages[i].status != 500; i++)
		;
	return &app_error_pages[i];
}

/* The one error page.  If even that cannot be rendered (templates gone),
 * a plain-text answer still says what happened. */
int
app_error(struct request *req, int status, const char *message)
{
	const struct app_error_page	*p = app_error_page_of(status);
	struct tmpl_dict		*d;
	const char			*heading;

	http_response_reset(&req->resp);
	if (message == NULL)
		message = app_text(req, p->message);
	heading = app_text(req, p->title);
	if (status == 503)
		http_header(&req->resp, "Retry-After", "5");
	if ((d = app_page(req, "error.tpl", heading)) != NULL) {
		tmpl_set_int(d, "STATUS", status);
		tmpl_set(d, "HEADING", heading);
		tmpl_set(d, "MESSAGE", message);
		app_render(req, status);
	}
	if (d == NULL || req->resp.failed) {
		http_response_reset(&req->resp);
		if (status == 503)
			http_header(&req->resp, "Retry-After", "5");
		http_header(&req->resp, "Content-Type",
		    "text/plain; charset=utf-8");
		buf_printf(&req->resp.body, "%d %s\n%s\n", status, heading,
		    message);
	}
	req->resp.status = status;
	return 0;
}

int
app_attachment(struct request *req, const char *type, const char *filename)
{
	char	 disp[128];

	snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"", filename);
	http_header(&req->resp, "Content-Type", type);
	http_header(&req->resp, "Content-Disposition", disp);
	req->resp.status = 200;
	return 0;
}

int
app_csv(struct request *req, const char *filename)
{
	return app_attachment(req, "text/csv; charset=utf-8", filename);
}

int
app_redirect(struct request *req, const char *path, const char *flash_key)
{
	http_redirect(&req->resp, path);
	if (flash_key != NULL)
		http_cookie(&req->resp, APP_FLASH_COOKIE, flash_key, 60,
		    config.cookie_secure ? HTTP_COOKIE_SECURE : 0);
	return 0;
}

int
app_status_of(enum weft_err e)
{
	switch (e) {
	case WEFT_OK:
		return 200;
	case WEFT_ERR_DB_DOWN:
		return 503;
	case WEFT_ERR_NOTFOUND:
		return 404;
	case WEFT_ERR_FORBIDDEN:
		return 403;
	case WEFT_ERR_DUPLICATE:
	case WEFT_ERR_CONFLICT:
		return 409;
	case WEFT_ERR_INVALID:
		return 400;
	default:
		return 500;
	}
}

int
app_target_status(const struct request *req, enum perm perm, enum weft_err e)
{
	static const struct scope site = { SCOPE_SITE, 0, "" };

	if (e == WEFT_OK)
		return 0;
	if (e == WEFT_ERR_NOTFOUND)
		return role_allows(&req->actor.grants, perm, &site) ? 404 : 403;
	return app_status_of(e);
}
