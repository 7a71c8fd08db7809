/*
 * The special pages (docs/site.md, "Special pages"): the list of them in
 * every language (GET /site/pages), one page in one language with its
 * versions (GET /site/pages/:page/:lang), saving it (POST, a new version)
 * and putting an older version back (POST .../restore, a new version
 * too).  Each write is audited, before -> after, in its transaction.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "db.h"
#include "form.h"
#include "i18n.h"
#include "i18n_conv.h"
#include "site.h"
#include "special.h"
#include "util.h"

/* The guard, then the page and language of path parameters 0 and 1: 0,
 * 403 or 404. */
static int
site_page_of(const struct request *req, enum special_page *page,
    const char **lang)
{
	int	 st;

	if ((st = site_guard(req)) != 0)
		return st;
	if (special_find(req->params[0], page) != 0)
		return 404;
	*lang = req->params[1];
	return i18n_lang_offered(*lang) ? 0 : 404;
}

/* GET /site/pages */
int
site_pages(struct request *req)
{
	const struct i18n_lang	*l;
	struct tmpl_dict	*d, *s, *c;
	struct buf		 b;
	long long		 version;
	size_t			 i, j, n;
	enum weft_err		 e;
	int			 st;

	if ((st = site_guard(req)) != 0)
		return st;
	if ((d = app_page(req, "site/pages.tpl",
	    app_text(req, N_("site.pages.title")))) == NULL)
		return 500;
	l = i18n_languages(&n);
	for (j = 0; j < n; j++)
		if (l[j].enabled)
			tmpl_set(tmpl_section(d, "LANG"), "LANGUAGE", l[j].name);
	buf_init(&b);
	for (i = 0; i < SPECIAL__MAX; i++) {
		s = tmpl_section(d, "PAGE");
		tmpl_set(s, "TITLE", app_text(req, special_defs[i].title));
		tmpl_set(s, "HELP", app_text(req, special_defs[i].help));
		for (j = 0; j < n; j++) {
			if (!l[j].enabled)
				continue;
			buf_reset(&b);
			if ((e = special_current((enum special_page)i, l[j].tag,
			    &b, &version)) != WEFT_OK) {
				buf_free(&b);
				return app_status_of(e);
			}
			c = tmpl_section(s, "CELL");
			tmpl_set(c, "KEY", special_defs[i].key);
			tmpl_set(c, "TAG", l[j].tag);
			tmpl_set(c, "LANGUAGE", l[j].name);
			tmpl_show(c, version != 0 ? "WRITTEN" : "EMPTY");
		}
	}
	buf_free(&b);
	return app_render(req, 200);
}

/* The versions of page in lang (VERSION), newest first, each but the one
 * in force with a restore form. */
static enum weft_err
site_page_versions(struct request *req, struct tmpl_dict *d,
    enum special_page page, const char *lang, long long current)
{
	struct tmpl_dict	*s, *f;
	struct db_rows		*r;
	enum weft_err		 e;
	int			 first = 1;

	if ((e = db_query(&r, "SELECT p.id,"
	    " DATE_FORMAT(p.created_at, '%Y-%m-%d %H:%i:%s'),"
	    " COALESCE(m.name, ''), p.restored_from, CHAR_LENGTH(p.body)"
	    " FROM special_pages p LEFT JOIN members m ON m.id = p.author_id"
	    " WHERE p.page = ? AND p.lang = ? ORDER BY p.id DESC LIMIT 50",
	    "ss", special_defs[page].key, lang)) != WEFT_OK)
		return e;
	while (db_next(r)) {
		s = tmpl_section(d, "VERSION");
		tmpl_set_int(s, "ID", db_int(r, 0));
		i18n_set_date(s, "AT", app_lang(req), db_str(r, 1));
		tmpl_set(s, "WHO", db_str(r, 2));
		tmpl_set_int(s, "CHARS", db_int(r, 4));
		if (!db_null(r, 3)) {
			tmpl_set_int(tmpl_section(s, "RESTORED"), "FROM",
			    db_int(r, 3));
		}
		if (first && (current != 0 || db_int(r, 4) == 0))
			tmpl_show(s, "CURRENT");
		else {
			f = tmpl_section(s, "RESTORE");
			tmpl_set(f, "KEY", special_defs[page].key);
			tmpl_set(f, "TAG", lang);
			tmpl_set_int(f, "ID", db_int(r, 0));
			tmpl_set(f, "CSRF", req->actor.csrf);
		}
		first = 0;
	}
	db_rows_free(r);
	return WEFT_OK;
}

/* The page's editor with status: body the form's text (NULL: the text
 * in force). */
static int
site_page_render(struct request *req, struct tmpl_dict *d,
    enum special_page page, const char *lang, const char *body, int status)
{
	struct buf	 cur;
	long long	 version;
	enum weft_err	 e;

	buf_init(&cur);
	if ((e = special_current(page, lang, &cur, &version)) != WEFT_OK) {
		buf_free(&cur);
		return app_status_of(e);
	}
	tmpl_set(d, "KEY", special_defs[page].key);
	tmpl_set(d, "TAG", lang);
	tmpl_set(d, "LANGUAGE", i18n_lang(lang)->name);
	tmpl_set(d, "TITLE", app_text(req, special_defs[page].title));
	tmpl_set(d, "HELP", app_text(req, special_defs[page].help));
	tmpl_set(d, "DEFAULT_LANGUAGE",
	    i18n_lang(settings_str(SETTING_DEFAULT_LANGUAGE))->name);
	if (body == NULL)
		tmpl_set(d, "BODY", cur.p != NULL ? cur.p : "");
	if (version != 0) {
		tmpl_set_markup(tmpl_section(d, "PREVIEW"), "BODY_HTML",
		    cur.p != NULL ? cur.p : "", 2);
	} else
		tmpl_show(d, "NO_TEXT");
	buf_free(&cur);
	if ((e = site_page_versions(req, d, page, lang, version)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, status);
}

/* site_page_of(), then the editor's page begun (*d): 0 or the status. */
static int
site_page_open(struct request *req, enum special_page *page,
    const char **lang, struct tmpl_dict **d)
{
	int	 st;

	if ((st = site_page_of(req, page, lang)) != 0)
		return st;
	*d = app_page(req, "site/page.tpl",
	    app_text(req, special_defs[*page].title));
	return *d == NULL ? 500 : 0;
}

/* GET /site/pages/:page/:lang */
int
site_page(struct request *req)
{
	enum special_page	 page;
	struct tmpl_dict	*d;
	const char		*lang;
	int			 st;

	if ((st = site_page_open(req, &page, &lang, &d)) != 0)
		return st;
	return site_page_render(req, d, page, lang, NULL, 200);
}

/* A version as JSON, for the audit: {"page","lang","version","body"}. */
static void
site_page_json(struct buf *j, enum special_page page, const char *lang,
    long long version, const char *body)
{
	buf_puts(j, "{\"page\":");
	buf_json_str(j, special_defs[page].key);
	buf_puts(j, ",\"lang\":");
	buf_json_str(j, lang);
	buf_printf(j, ",\"version\":%lld,\"body\":", version);
	buf_json_str(j, body);
	buf_puts(j, "}");
}

/*
 * Writes body as the new version of page in lang (restored_from: the
 * version it copies, or 0) with its audit row of action, in one
 * transaction, and redirects to the page's editor.
 */
static int
site_page_write(struct request *req, enum special_page page,
    const char *lang, const char *body, long long restored_from,
    const char *action, const char *flash)
{
	struct db_rows	*r;
	struct buf	 cur, b, a;
	long long	 version, id;
	char		 path[96];
	enum weft_err	 e;

	buf_init(&cur);
	buf_init(&b);
	buf_init(&a);
	if ((e = db_begin()) != WEFT_OK)
		goto out;
	/* The rows of the page, locked: two saves at once are in order. */
	if ((e = db_query(&r, "SELECT id FROM special_pages WHERE page = ?"
	    " AND lang = ? FOR UPDATE", "ss", special_defs[page].key, lang)) !=
	    WEFT_OK)
		goto out;
	db_rows_free(r);
	if ((e = special_current(page, lang, &cur, &version)) != WEFT_OK)
		goto out;
	if ((e = restored_from != 0 ?
	    db_exec("INSERT INTO special_pages (page, lang, body, author_id,"
	    " restored_from) VALUES (?, ?, ?, ?, ?)", "sssii",
	    special_defs[page].key, lang, body, req->actor.member_id,
	    restored_from) :
	    db_exec("INSERT INTO special_pages (page, lang, body, author_id)"
	    " VALUES (?, ?, ?, ?)", "sssi", special_defs[page].key, lang, body,
	    req->actor.member_id)) != WEFT_OK)
		goto out;
	id = db_insert_id();
	site_page_json(&b, page, lang, version, cur.p != NULL ? cur.p : "");
	site_page_json(&a, page, lang, id, body);
	if (buf_failed(&b) || buf_failed(&a))
		e = WEFT_ERR_NOMEM;
	else if ((e = audit_write(&req->actor, action, "special_page", id, 0,
	    b.p, a.p)) == WEFT_OK)
		e = db_commit();
out:
	buf_free(&cur);
	buf_free(&b);
	buf_free(&a);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	snprintf(path, sizeof(path), "/site/pages/%s/%s",
	    special_defs[page].key, lang);
	return app_redirect(req, path, flash);
}

enum { P_BODY, P__MAX };
static const struct form_field site_page_fields[P__MAX] = {
	[P_BODY] = { "body", FORM_MULTILINE, 0, 0, SPECIAL_BODY_MAX },
};

/* POST /site/pages/:page/:lang (body; empty: the page has no text) */
int
site_page_save(struct request *req)
{
	struct form_value	 v[P__MAX];
	enum special_page	 page;
	struct tmpl_dict	*d;
	const char		*lang;
	int			 st;

	if ((st = site_page_open(req, &page, &lang, &d)) != 0)
		return st;
	if (form_read(site_page_fields, P__MAX, &req->form, app_lang(req), d,
	    v) > 0)
		return site_page_render(req, d, page, lang, "", 422);
	return site_page_write(req, page, lang,
	    v[P_BODY].str != NULL ? v[P_BODY].str : "", 0, "special_page.save",
	    N_("site.pages.flash.saved"));
}

enum { R_VERSION, R__MAX };
static const struct form_field site_page_restore_fields[R__MAX] = {
	[R_VERSION] = { "version", FORM_INT, 1, 1, 9007199254740991LL },
};

/* POST /site/pages/:page/:lang/restore (version: a row of this page in
 * this language, else 404) */
int
site_page_restore(struct request *req)
{
	struct form_value	 v[R__MAX];
	enum special_page	 page;
	struct db_rows		*r;
	struct buf		 body;
	const char		*lang;
	enum weft_err		 e;
	int			 st;

	if ((st = site_page_of(req, &page, &lang)) != 0)
		return st;
	if (form_read(site_page_restore_fields, R__MAX, &req->form,
	    app_lang(req), NULL, v) > 0)
		return 400;
	if ((e = db_query(&r, "SELECT body FROM special_pages WHERE id = ?"
	    " AND page = ? AND lang = ?", "iss", v[R_VERSION].n,
	    special_defs[page].key, lang)) != WEFT_OK)
		return app_status_of(e);
	buf_init(&body);
	st = 404;
	if (db_next(r)) {
		buf_append(&body, db_str(r, 0), db_len(r, 0));
		st = 0;
	}
	db_rows_free(r);
	if (st == 0)
		st = buf_failed(&body) ? 500 : site_page_write(req, page, lang,
		    body.p, v[R_VERSION].n, "special_page.restore",
		    N_("site.pages.flash.restored"));
	buf_free(&body);
	return st;
}
