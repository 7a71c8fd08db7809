/*
 * Pages, news and links, read (content.h): loading an item in a
 * language, and the pages members and visitors read: a page, the news,
 * the links, and the list of regular and special pages (page.list).
 */
#include <stdio.h>
#include <string.h>

#include "broadcasts.h"
#include "content.h"
#include "db.h"
#include "i18n_conv.h"
#include "markup.h"
#include "settings.h"
#include "special.h"
#include "util.h"

const struct ct_kind_def ct_kinds[CT_KIND__MAX] = {
	[CT_PAGE] = { "page", "/pages", N_("content.page.new_title"),
	    N_("content.page.edit_title"), N_("content.page.flash.saved"),
	    N_("content.page.flash.deleted") },
	[CT_NEWS] = { "news", "/news", N_("content.news.new_title"),
	    N_("content.news.edit_title"), N_("content.news.flash.saved"),
	    N_("content.news.flash.deleted") },
	[CT_LINK] = { "link", "/links", N_("content.link.new_title"),
	    N_("content.link.edit_title"), N_("content.link.flash.saved"),
	    N_("content.link.flash.deleted") },
};

enum ct_kind
ct_kind_of(const struct request *req)
{
	size_t	 i, n;

	for (i = 0; i < CT_KIND__MAX; i++) {
		n = strlen(ct_kinds[i].path);
		if (strncmp(req->path, ct_kinds[i].path, n) == 0 &&
		    (req->path[n] == '/' || req->path[n] == '\0'))
			return (enum ct_kind)i;
	}
	return CT_PAGE;
}

#define CT_ITEM_COLS							\
    "SELECT i.id, i.lang, i.public, i.url,"				\
    " COALESCE(DATE_FORMAT(i.news_on, '%Y-%m-%d'), ''),"		\
    " COALESCE(t.lang, ''), COALESCE(t.title, ''), COALESCE(t.body, '')" \
    " FROM content_items i"
static const char ct_sql_exact[] = CT_ITEM_COLS
    " LEFT JOIN content_texts t ON t.item_id = i.id AND t.lang = ?"
    " WHERE i.id = ? AND i.kind = ?";
static const char ct_sql_read[] = CT_ITEM_COLS
    " LEFT JOIN content_texts t ON t.item_id = i.id AND t.lang ="
    " (SELECT t.lang FROM content_texts t WHERE t.item_id = i.id "
    CT_TEXT_ORDER ") WHERE i.id = ? AND i.kind = ?";

enum weft_err
ct_load(long long id, enum ct_kind kind, const char *lang, int exact,
    struct ct_item *it)
{
	struct db_rows	*r;
	enum weft_err	 e;

	memset(it, 0, sizeof(*it));
	buf_init(&it->body);
	it->kind = kind;
	e = exact ? db_query(&r, ct_sql_exact, "sis", lang, id,
	    ct_kinds[kind].key) : db_query(&r, ct_sql_read, "ssis", lang,
	    settings_str(SETTING_DEFAULT_LANGUAGE), id, ct_kinds[kind].key);
	if (e != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	it->id = db_int(r, 0);
	util_copy(it->lang, sizeof(it->lang), db_str(r, 1));
	it->public = db_int(r, 2) != 0;
	util_copy(it->url, sizeof(it->url), db_str(r, 3));
	util_copy(it->date, sizeof(it->date), db_str(r, 4));
	util_copy(it->text_lang, sizeof(it->text_lang), db_str(r, 5));
	util_copy(it->title, sizeof(it->title), db_str(r, 6));
	buf_puts(&it->body, db_str(r, 7));
	db_rows_free(r);
	return buf_failed(&it->body) ? WEFT_ERR_NOMEM : WEFT_OK;
}

void
ct_item_free(struct ct_item *it)
{
	buf_free(&it->body);
}

enum weft_err
ct_text_count(long long id, long long *n)
{
	return db_query_int(n, "SELECT COUNT(*) FROM content_texts "
	    "WHERE item_id = ?", "i", id);
}

void
ct_json(struct buf *b, const struct ct_item *it)
{
	buf_puts(b, "{\"kind\":");
	buf_json_str(b, ct_kinds[it->kind].key);
	buf_puts(b, ",\"lang\":");
	buf_json_str(b, it->lang);
	switch (it->kind) {
	case CT_PAGE:
		buf_printf(b, ",\"public\":%s", it->public ? "true" : "false");
		break;
	case CT_NEWS:
		buf_puts(b, ",\"date\":");
		buf_json_str(b, it->date);
		break;
	default:
		buf_puts(b, ",\"url\":");
		buf_json_str(b, it->url);
		break;
	}
	if (it->text_lang[0] != '\0') {
		buf_puts(b, ",\"text\":{\"lang\":");
		buf_json_str(b, it->text_lang);
		buf_puts(b, ",\"title\":");
		buf_json_str(b, it->title);
		buf_puts(b, ",\"body\":");
		buf_json_str(b, it->body.p != NULL ? it->body.p : "");
		buf_puts(b, "}");
	}
	buf_puts(b, "}");
}

int
ct_url_ok(const char *url)
{
	size_t	 n = strlen(url);

	return (strncmp(url, "http://", 7) == 0 ||
	    strncmp(url, "https://", 8) == 0) && markup_url_ok(url, n);
}

/*
 * GET /pages/:id: a public page to everyone; a members-only one to
 * approved members (a visitor is sent to log in, for one that does not
 * exist too: rule 1).  An applying member is refused (403).
 */
int
ct_page_show(struct request *req)
{
	struct tmpl_dict	*d;
	struct ct_item		 it;
	char			 next[64];
	long long		 id = app_param_id(req, 0);
	enum weft_err		 e;
	int			 st;

	e = id > 0 ? ct_load(id, CT_PAGE, app_lang(req), 0, &it) :
	    (memset(&it, 0, sizeof(it)), buf_init(&it.body), WEFT_ERR_NOTFOUND);
	if (e != WEFT_OK && e != WEFT_ERR_NOTFOUND) {
		ct_item_free(&it);
		return app_status_of(e);
	}
	if (e != WEFT_OK || !it.public) {
		if (req->actor.member_id == 0) {
			ct_item_free(&it);
			snprintf(next, sizeof(next), "/login?next=/pages/%lld",
			    id > 0 ? id : 0);
			return app_redirect(req, next, NULL);
		}
		if (req->actor.status != MEMBER_APPROVED) {
			ct_item_free(&it);
			return 403;
		}
		if ((st = app_target_status(req, PERM_PAGE_LIST, e)) != 0) {
			ct_item_free(&it);
			return st;
		}
	}
	if ((d = app_page(req, "broadcasts/page.tpl", it.title)) == NULL) {
		ct_item_free(&it);
		return 500;
	}
	tmpl_set(d, "TITLE", it.title);
	tmpl_set_markup(d, "BODY_HTML", it.body.p != NULL ? it.body.p : "",
	    2);
	if (!it.public)
		tmpl_show(d, "MEMBERS_ONLY");
	if (role_allows_somewhere(&req->actor.grants, PERM_CONTENT_MANAGE))
		tmpl_set_int(tmpl_section(d, "MANAGE"), "ID", it.id);
	ct_item_free(&it);
	return app_render(req, 200);
}

/* The items of a kind, each in the reader's text, for a list page:
 * parameters the reader's language, the default language, the kind. */
static const char ct_sql_list[] =
    "SELECT i.id, i.public, i.url,"
    " COALESCE(DATE_FORMAT(i.news_on, '%Y-%m-%d'), ''), t.title, t.body,"
    " (SELECT GROUP_CONCAT(x.lang ORDER BY x.lang SEPARATOR ' ')"
    " FROM content_texts x WHERE x.item_id = i.id)"
    " FROM content_items i JOIN content_texts t ON t.item_id = i.id"
    " AND t.lang = (SELECT t.lang FROM content_texts t"
    " WHERE t.item_id = i.id " CT_TEXT_ORDER ")"
    " WHERE i.kind = ? ORDER BY i.news_on DESC, t.title, i.id DESC"
    " LIMIT 200";

/* Fills section sect of d with the items of kind; manage: their edit
 * links.  Returns how many. */
static enum weft_err
ct_list_fill(struct request *req, struct tmpl_dict *d, enum ct_kind kind,
    const char *sect, size_t *n)
{
	struct tmpl_dict	*s;
	struct db_rows		*r;
	char			 date[32];
	int			 manage;
	enum weft_err		 e;

	manage = role_allows_somewhere(&req->actor.grants,
	    PERM_CONTENT_MANAGE);
	if ((e = db_query(&r, ct_sql_list, "sss", app_lang(req),
	    settings_str(SETTING_DEFAULT_LANGUAGE), ct_kinds[kind].key)) !=
	    WEFT_OK)
		return e;
	*n = db_nrows(r);
	while (db_next(r)) {
		s = tmpl_section(d, sect);
		tmpl_set(s, "ID", db_str(r, 0));
		tmpl_show(s, db_int(r, 1) ? "PUBLIC" : "MEMBERS_ONLY");
		tmpl_set(s, "URL", db_str(r, 2));
		i18n_date(app_lang(req), db_str(r, 3), date, sizeof(date));
		tmpl_set(s, "DATE", date);
		tmpl_set(s, "ISO_DATE", db_str(r, 3));
		tmpl_set(s, "TITLE", db_str(r, 4));
		tmpl_set_markup(s, "BODY_HTML", db_str(r, 5), 3);
		tmpl_set(s, "LANGS", db_str(r, 6) != NULL ? db_str(r, 6) : "");
		if (manage)
			tmpl_set(tmpl_section(s, "MANAGE"), "ID", db_str(r, 0));
	}
	db_rows_free(r);
	if (manage)
		tmpl_show(d, "CAN_ADD");
	return WEFT_OK;
}

/* GET /news: the news, newest first, and the members' pages. */
int
ct_news(struct request *req)
{
	struct tmpl_dict	*d;
	size_t			 n, p;
	enum weft_err		 e;

	if ((d = app_page(req, "broadcasts/news.tpl", app_text(req,
	    N_("content.news.title")))) == NULL)
		return 500;
	if ((e = ct_list_fill(req, d, CT_NEWS, "NEWS", &n)) != WEFT_OK ||
	    (e = ct_list_fill(req, d, CT_PAGE, "PAGE", &p)) != WEFT_OK)
		return app_status_of(e);
	if (n == 0)
		tmpl_show(d, "NO_NEWS");
	if (p > 0)
		tmpl_show(d, "HAS_PAGES");
	return app_render(req, 200);
}

/* GET /links */
int
ct_links(struct request *req)
{
	struct tmpl_dict	*d;
	size_t			 n;
	enum weft_err		 e;

	if ((d = app_page(req, "broadcasts/links.tpl", app_text(req,
	    N_("content.links.title")))) == NULL)
		return 500;
	if ((e = ct_list_fill(req, d, CT_LINK, "LINK", &n)) != WEFT_OK)
		return app_status_of(e);
	if (n == 0)
		tmpl_show(d, "NONE");
	return app_render(req, 200);
}

/* Where each special page is read (none: the applying member's home). */
static const char *const ct_special_paths[SPECIAL__MAX] = {
	[SPECIAL_WELCOME] = "/", [SPECIAL_ABOUT] = "/about",
	[SPECIAL_TERMS] = "/terms", [SPECIAL_PRIVACY] = "/privacy",
	[SPECIAL_AWAITING] = NULL, [SPECIAL_PAYMENTS] = "/payments/how",
};

/* GET /pages (page.list): the regular pages, then the special ones. */
int
ct_pages(struct request *req)
{
	struct tmpl_dict	*d, *s, *c;
	size_t			 n, i;
	enum weft_err		 e;
	int			 config;

	if ((d = app_page(req, "broadcasts/pages.tpl", app_text(req,
	    N_("content.pages.title")))) == NULL)
		return 500;
	if ((e = ct_list_fill(req, d, CT_PAGE, "PAGE", &n)) != WEFT_OK)
		return app_status_of(e);
	if (n == 0)
		tmpl_show(d, "NONE");
	config = role_allows_somewhere(&req->actor.grants, PERM_SITE_CONFIG);
	for (i = 0; i < SPECIAL__MAX; i++) {
		s = tmpl_section(d, "SPECIAL");
		tmpl_set(s, "TITLE", app_text(req, special_defs[i].title));
		tmpl_set(s, "HELP", app_text(req, special_defs[i].help));
		if (ct_special_paths[i] != NULL)
			tmpl_set(tmpl_section(s, "READ"), "PATH",
			    ct_special_paths[i]);
		if (config) {
			c = tmpl_section(s, "CONFIG");
			tmpl_set(c, "KEY", special_defs[i].key);
			tmpl_set(c, "LANG",
			    settings_str(SETTING_DEFAULT_LANGUAGE));
		}
	}
	return app_render(req, 200);
}
