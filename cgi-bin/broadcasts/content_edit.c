/*
 * Pages, news and links, written (content.h; content.manage, site grants
 * only): a new item with its first text, an item's own fields and its
 * text in one language (both title and body empty: that translation
 * removed, unless it is the last), deleting with the box ticked.  Each
 * write and its audit row (page.create, .edit, .text_delete, .delete;
 * news.*, link.*) commit together.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "broadcasts.h"
#include "content.h"
#include "db.h"
#include "util.h"

enum { C_LANG, C_TITLE, C_BODY, C_PUBLIC, C_DATE, C_URL, C__MAX };
static const struct form_field ct_fields[C__MAX] = {
	[C_LANG] = { "lang", FORM_LANG, 1, 0, 0 },
	[C_TITLE] = { "title", FORM_TEXT, 0, 0, CT_TITLE_MAX },
	[C_BODY] = { "body", FORM_MULTILINE, 0, 0, CT_BODY_MAX },
	[C_PUBLIC] = { "public", FORM_BOOL, 0, 0, 0 },
	[C_DATE] = { "date", FORM_DATE, 0, 0, 0 },
	[C_URL] = { "url", FORM_TEXT, 0, 0, CT_URL_MAX },
};
static const struct form_field ct_lang_query[] = {
	{ "lang", FORM_LANG, 0, 0, 0, .flags = FORM_QUIET },
};

static const char *const ct_kind_sections[CT_KIND__MAX] = {
	"IS_PAGE", "IS_NEWS", "IS_LINK",
};

/* The path's item of the request's kind, under content.manage (rule 1:
 * 404 to site-wide holders, who are all there are: role.c). */
static int
ct_target(struct request *req, const char *lang, int exact,
    struct ct_item *it)
{
	long long	 id = app_param_id(req, 0);
	enum weft_err	 e;

	if (id > 0)
		e = ct_load(id, ct_kind_of(req), lang, exact, it);
	else {
		memset(it, 0, sizeof(*it));
		buf_init(&it->body);
		e = WEFT_ERR_NOTFOUND;
	}
	return app_target_status(req, PERM_CONTENT_MANAGE, e);
}

/* The form's page, new (it->id 0) or an item's text in lang. */
static struct tmpl_dict *
ct_form_page(struct request *req, const struct ct_item *it)
{
	const struct ct_kind_def	*k = &ct_kinds[ct_kind_of(req)];
	struct tmpl_dict		*d;

	if ((d = app_page(req, "broadcasts/content_edit.tpl", app_text(req,
	    it->id ? k->edit_title : k->new_title))) == NULL)
		return NULL;
	tmpl_set(d, "HEADING", app_text(req, it->id ? k->edit_title :
	    k->new_title));
	tmpl_set(d, "BASE", k->path);
	tmpl_show(d, ct_kind_sections[ct_kind_of(req)]);
	return d;
}

/* The rest of the form, and the page rendered with status. */
static int
ct_form_render(struct request *req, struct tmpl_dict *d,
    const struct ct_item *it, const char *lang, int status)
{
	const struct i18n_lang	*langs;
	struct tmpl_dict	*s, *o;
	size_t			 n, i;

	if (it->id == 0) {
		tmpl_show(d, "NEW");
		form_lang_options(tmpl_section(d, "TEXT_LANG"), lang, "");
		return app_render(req, status);
	}
	s = tmpl_section(d, "EDIT");
	tmpl_set_int(s, "ID", it->id);
	tmpl_set(s, "LANG", lang);
	tmpl_set(s, "LANG_NAME", i18n_lang(lang)->name);
	langs = i18n_languages(&n);
	for (i = 0; i < n; i++) {
		if (!langs[i].enabled || strcmp(langs[i].tag, lang) == 0)
			continue;
		o = tmpl_section(s, "OTHER_LANG");
		tmpl_set_int(o, "ID", it->id);
		tmpl_set(o, "TAG", langs[i].tag);
		tmpl_set(o, "NAME", langs[i].name);
	}
	return app_render(req, status);
}

/* The form into it (its text in *lang), checked.  Returns how many
 * fields are refused; *drop 1 when both title and body are empty (an
 * edit's translation removed). */
static size_t
ct_read(struct request *req, struct tmpl_dict *d, struct ct_item *it,
    const char **lang, int *drop)
{
	struct form_value	 v[C__MAX];
	struct buf		 probe;
	size_t			 bad;

	bad = form_read(ct_fields, C__MAX, &req->form, app_lang(req), d, v);
	*lang = v[C_LANG].str;
	*drop = v[C_TITLE].str[0] == '\0' && v[C_BODY].str[0] == '\0';
	util_copy(it->text_lang, sizeof(it->text_lang), v[C_LANG].str);
	util_copy(it->title, sizeof(it->title), v[C_TITLE].str);
	buf_reset(&it->body);
	buf_puts(&it->body, v[C_BODY].str);
	it->public = v[C_PUBLIC].on;
	util_copy(it->date, sizeof(it->date), v[C_DATE].str);
	util_copy(it->url, sizeof(it->url), v[C_URL].str);
	if (v[C_LANG].set && !form_lang_ok(v[C_LANG].str, "")) {
		form_error(d, "lang", app_text(req,
		    N_("broadcasts.error.lang")));
		bad++;
	}
	if (v[C_TITLE].str[0] == '\0' && !(*drop && it->id != 0)) {
		form_error(d, "title", app_text(req,
		    N_("content.error.title")));
		bad++;
	}
	if (it->kind == CT_NEWS && !v[C_DATE].set && v[C_DATE].err ==
	    VALID_OK) {
		form_error(d, "date", app_text(req,
		    N_("content.error.date")));
		bad++;
	}
	if (it->kind == CT_LINK && !ct_url_ok(it->url)) {
		form_error(d, "url", app_text(req, N_("content.error.url")));
		bad++;
	}
	buf_init(&probe);
	if (bc_body_text(&probe, it->body.p != NULL ? it->body.p : "") > 0) {
		form_error(d, "body", app_text(req,
		    N_("broadcasts.error.link")));
		bad++;
	}
	buf_free(&probe);
	return bad;
}

static const char ct_sql_insert[] =
    "INSERT INTO content_items (kind, lang, public, url, news_on,"
    " created_by) VALUES (?, ?, ?, ?, NULLIF(?, ''), ?)";
static const char ct_sql_update[] =
    "UPDATE content_items SET public = ?, url = ?, news_on = NULLIF(?, ''),"
    " updated_at = UTC_TIMESTAMP() WHERE id = ?";
static const char ct_sql_text[] =
    "INSERT INTO content_texts (item_id, lang, title, body)"
    " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE title = VALUES(title),"
    " body = VALUES(body)";
static const char ct_sql_text_delete[] =
    "DELETE FROM content_texts WHERE item_id = ? AND lang = ?";

/* The audit's action for the request's kind: "page.create". */
static const char *
ct_action(const struct request *req, const char *verb, char *out,
    size_t len)
{
	snprintf(out, len, "%s.%s", ct_kinds[ct_kind_of(req)].key, verb);
	return out;
}

/* GET /pages/new, /news/new, /links/new */
int
ct_new_form(struct request *req)
{
	struct tmpl_dict	*d;
	struct ct_item		 it;
	int			 st;

	memset(&it, 0, sizeof(it));
	it.kind = ct_kind_of(req);
	if ((d = ct_form_page(req, &it)) == NULL)
		return 500;
	if (it.kind == CT_NEWS && util_today(it.date) != WEFT_OK)
		return 500;
	tmpl_set(d, "DATE", it.date);
	st = ct_form_render(req, d, &it, app_lang(req), 200);
	return st;
}

/* POST /pages/new, /news/new, /links/new */
int
ct_new(struct request *req)
{
	struct tmpl_dict	*d;
	struct ct_item		 it;
	struct buf		 after;
	const char		*lang;
	char			 action[32], path[48];
	long long		 id = 0;
	int			 drop;
	enum weft_err		 e;

	memset(&it, 0, sizeof(it));
	buf_init(&it.body);
	it.kind = ct_kind_of(req);
	if ((d = ct_form_page(req, &it)) == NULL) {
		ct_item_free(&it);
		return 500;
	}
	if (ct_read(req, d, &it, &lang, &drop) > 0) {
		e = ct_form_render(req, d, &it, lang, 422);
		ct_item_free(&it);
		return e;
	}
	util_copy(it.lang, sizeof(it.lang), lang);
	buf_init(&after);
	ct_json(&after, &it);
	if ((e = db_begin()) == WEFT_OK &&
	    (e = db_exec(ct_sql_insert, "ssissi", ct_kinds[it.kind].key,
	    it.lang, (long long)it.public, it.kind == CT_LINK ? it.url : "",
	    it.kind == CT_NEWS ? it.date : "", req->actor.acting_id)) ==
	    WEFT_OK && (id = db_insert_id()) > 0 &&
	    (e = db_exec(ct_sql_text, "isss", id, it.lang, it.title,
	    it.body.p != NULL ? it.body.p : "")) == WEFT_OK &&
	    (e = audit_write(&req->actor, ct_action(req, "create", action,
	    sizeof(action)), ct_kinds[it.kind].key, id, 0, NULL, after.p)) ==
	    WEFT_OK)
		e = db_commit();
	buf_free(&after);
	ct_item_free(&it);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	if (it.kind == CT_PAGE)
		snprintf(path, sizeof(path), "/pages/%lld", id);
	else
		snprintf(path, sizeof(path), "%s", ct_kinds[it.kind].path);
	return app_redirect(req, path, ct_kinds[it.kind].saved);
}

/* GET /pages/:id/edit[?lang=xx] (and news, links): the item's own
 * fields and its text in xx (default: its own language). */
int
ct_edit_form(struct request *req)
{
	struct form_value	 q[1];
	struct tmpl_dict	*d;
	struct ct_item		 it;
	char			 lang[16];
	int			 st;

	form_read(ct_lang_query, 1, &req->query, app_lang(req), NULL, q);
	util_copy(lang, sizeof(lang), q[0].set && form_lang_ok(q[0].str, "") ?
	    q[0].str : "");
	if ((st = ct_target(req, lang, 1, &it)) != 0) {
		ct_item_free(&it);
		return st;
	}
	if (lang[0] == '\0') {
		/* its own language */
		util_copy(lang, sizeof(lang), it.lang);
		ct_item_free(&it);
		if ((st = ct_target(req, lang, 1, &it)) != 0) {
			ct_item_free(&it);
			return st;
		}
	}
	if ((d = ct_form_page(req, &it)) == NULL) {
		ct_item_free(&it);
		return 500;
	}
	tmpl_set(d, "TITLE", it.title);
	tmpl_set(d, "BODY", it.body.p != NULL ? it.body.p : "");
	tmpl_set(d, "DATE", it.date);
	tmpl_set(d, "URL", it.url);
	if (it.public)
		tmpl_show(d, "PUBLIC_CHECKED");
	st = ct_form_render(req, d, &it, lang, 200);
	ct_item_free(&it);
	return st;
}

/* An edit's writes and its audit row, in one transaction: the item's
 * own fields as n, its text in lang n's (drop: removed). */
static enum weft_err
ct_edit_write(struct request *req, const struct ct_item *it,
    const struct ct_item *n, const char *lang, int drop)
{
	struct buf	 before, after;
	char		 action[32];
	enum weft_err	 e;

	buf_init(&before);
	buf_init(&after);
	ct_json(&before, it);
	ct_json(&after, n);
	if ((e = db_begin()) == WEFT_OK &&
	    (e = db_exec(ct_sql_update, "issi", (long long)(n->kind == CT_PAGE &&
	    n->public), n->kind == CT_LINK ? n->url : "",
	    n->kind == CT_NEWS ? n->date : "", it->id)) == WEFT_OK &&
	    (e = drop ? db_exec(ct_sql_text_delete, "is", it->id, lang) :
	    db_exec(ct_sql_text, "isss", it->id, lang, n->title,
	    n->body.p != NULL ? n->body.p : "")) == WEFT_OK &&
	    (e = audit_write(&req->actor, ct_action(req, drop ? "text_delete" :
	    "edit", action, sizeof(action)), ct_kinds[it->kind].key, it->id, 0,
	    before.p, after.p)) == WEFT_OK)
		e = db_commit();
	buf_free(&before);
	buf_free(&after);
	if (e != WEFT_OK)
		db_rollback();
	return e;
}

/* POST /pages/:id/edit (and news, links) */
int
ct_edit(struct request *req)
{
	struct tmpl_dict	*d;
	struct ct_item		 it, n;
	const char		*lang;
	char			 path[64];
	long long		 texts = 0;
	int			 drop, st;
	enum weft_err		 e;

	if ((st = ct_target(req, http_kv_get(&req->form, "lang") != NULL ?
	    http_kv_get(&req->form, "lang") : "", 1, &it)) != 0) {
		ct_item_free(&it);
		return st;
	}
	memset(&n, 0, sizeof(n));
	buf_init(&n.body);
	n.id = it.id;
	n.kind = it.kind;
	util_copy(n.lang, sizeof(n.lang), it.lang);
	if ((d = ct_form_page(req, &n)) == NULL) {
		st = 500;
		goto out;
	}
	if (ct_read(req, d, &n, &lang, &drop) > 0) {
		st = ct_form_render(req, d, &n, lang[0] != '\0' ? lang : it.lang,
		    422);
		goto out;
	}
	if (drop && (e = ct_text_count(it.id, &texts)) != WEFT_OK) {
		st = app_status_of(e);
		goto out;
	}
	if (drop && texts - (it.text_lang[0] != '\0') <= 0) {
		/* The last text stays: delete the item instead. */
		form_error(d, "title", app_text(req,
		    N_("content.error.title")));
		st = ct_form_render(req, d, &n, lang, 422);
		goto out;
	}
	if (drop)
		n.text_lang[0] = '\0';
	if ((e = ct_edit_write(req, &it, &n, lang, drop)) != WEFT_OK) {
		st = app_status_of(e);
		goto out;
	}
	if (it.kind == CT_PAGE)
		snprintf(path, sizeof(path), "/pages/%lld", it.id);
	else
		snprintf(path, sizeof(path), "%s", ct_kinds[it.kind].path);
	st = app_redirect(req, path, ct_kinds[it.kind].saved);
out:
	ct_item_free(&it);
	ct_item_free(&n);
	return st;
}

/* POST /pages/:id/delete (and news, links), with the box ticked. */
int
ct_delete(struct request *req)
{
	struct ct_item	 it;
	struct buf	 before;
	char		 action[32];
	enum ct_kind	 k;
	enum weft_err	 e;
	int		 st;

	if ((st = ct_target(req, "", 0, &it)) != 0) {
		ct_item_free(&it);
		return st;
	}
	if (!bc_confirmed(req)) {
		ct_item_free(&it);
		return app_error(req, 422, app_text(req,
		    N_("content.error.confirm")));
	}
	buf_init(&before);
	ct_json(&before, &it);
	if ((e = db_begin()) == WEFT_OK &&
	    (e = db_exec("DELETE FROM content_items WHERE id = ?", "i",
	    it.id)) == WEFT_OK && (e = audit_write(&req->actor,
	    ct_action(req, "delete", action, sizeof(action)),
	    ct_kinds[it.kind].key, it.id, 0, before.p, NULL)) == WEFT_OK)
		e = db_commit();
	buf_free(&before);
	k = it.kind;
	ct_item_free(&it);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	return app_redirect(req, ct_kinds[k].path, ct_kinds[k].deleted);
}
