/*
 * The timebank's lists (docs/site.md, "Lists"; lists.h): the four lists
 * with their counts (GET /site/lists), one list's items in order with
 * how many members or ads use each (GET /site/lists/:list), and adding
 * an item (GET POST /site/lists/new).  An item's own page is
 * list_item.c's.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "db.h"
#include "form.h"
#include "site.h"
#include "util.h"

int
site_list_of(const struct request *req, size_t i, enum list *out)
{
	return lists_find(req->params[i], out) == 0 ? 0 : 404;
}

/* GET /site/lists */
int
site_lists(struct request *req)
{
	struct tmpl_dict	*d, *s;
	char			 sql[256];
	long long		 n[2];
	enum weft_err		 e;
	size_t			 i;
	int			 st;

	if ((st = site_guard(req)) != 0)
		return st;
	if ((d = app_page(req, "site/lists.tpl",
	    app_text(req, N_("site.lists.title")))) == NULL)
		return 500;
	for (i = 0; i < LIST__MAX; i++) {
		snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM %s WHERE"
		    " active = ?", lists_defs[i].table);
		if ((e = db_query_int(&n[0], sql, "i", 1LL)) != WEFT_OK ||
		    (e = db_query_int(&n[1], sql, "i", 0LL)) != WEFT_OK)
			return app_status_of(e);
		s = tmpl_section(d, "LIST");
		tmpl_set(s, "KEY", lists_defs[i].key);
		tmpl_set(s, "TITLE", app_text(req, lists_defs[i].title));
		tmpl_set_int(s, "ACTIVE", n[0]);
		tmpl_set_int(s, "RETIRED", n[1]);
	}
	return app_render(req, 200);
}

/* The items of l, in order, each with its uses and its name in the
 * reader's language (ITEM: ID, NAME, LOCAL, POSITION, USES, RETIRED;
 * USES_LINK, to the member list filtered by the item, or USES_PLAIN). */
static enum weft_err
site_items(struct request *req, struct tmpl_dict *d, enum list l)
{
	const struct list_def	*ld = &lists_defs[l];
	char			 sql[1024], uses[512];
	struct db_rows		*r;
	struct tmpl_dict	*s;
	enum weft_err		 e;

	if (lists_uses_sql(ld, uses, sizeof(uses)) != 0)
		return WEFT_ERR_NOMEM;
	snprintf(sql, sizeof(sql), "SELECT i.id, i.name, i.position, i.active,"
	    " %s, n.name FROM %s i LEFT JOIN list_names n ON n.list = ?"
	    " AND n.item_id = i.id AND n.lang = ?"
	    " ORDER BY i.active DESC, i.position, i.name, i.id", uses,
	    ld->table);
	if ((e = db_query(&r, sql, "ss", ld->key, app_lang(req))) != WEFT_OK)
		return e;
	while (db_next(r)) {
		s = tmpl_section(d, "ITEM");
		tmpl_set(s, "LIST", ld->key);
		tmpl_set_int(s, "ID", db_int(r, 0));
		tmpl_set(s, "NAME", db_str(r, 1));
		tmpl_set_int(s, "POSITION", db_int(r, 2));
		if (!db_int(r, 3))
			tmpl_show(s, "RETIRED");
		tmpl_set_int(s, "USES", db_int(r, 4));
		/* The members a count counts: the member list's filter. */
		if (l < LISTS_MEMBER && db_int(r, 4) > 0)
			tmpl_set(tmpl_section(s, "USES_LINK"), "FIELD",
			    ld->field);
		else
			tmpl_show(s, "USES_PLAIN");
		if (!db_null(r, 5) && strcmp(db_str(r, 5), db_str(r, 1)) != 0)
			tmpl_set(tmpl_section(s, "LOCAL"), "NAME", db_str(r, 5));
	}
	if (db_nrows(r) == 0)
		tmpl_show(d, "EMPTY");
	db_rows_free(r);
	return WEFT_OK;
}

/* GET /site/lists/:list */
int
site_list(struct request *req)
{
	struct tmpl_dict	*d;
	enum list		 l;
	enum weft_err		 e;
	int			 st;

	if ((st = site_guard(req)) != 0 || (st = site_list_of(req, 0, &l)))
		return st;
	if ((d = app_page(req, "site/list.tpl",
	    app_text(req, lists_defs[l].title))) == NULL)
		return 500;
	tmpl_set(d, "LIST", lists_defs[l].key);
	tmpl_set(d, "TITLE", app_text(req, lists_defs[l].title));
	if ((e = site_items(req, d, l)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, 200);
}

static const char *const site_list_keys[LIST__MAX] = {
	"neighbourhoods", "counties", "affiliations", "categories",
};

enum { N_LIST, N_NAME, N__MAX };
static const struct form_field site_new_fields[N__MAX] = {
	[N_LIST] = { "list", FORM_CHOICE, 1, 0, 0,
	    FORM_CHOICES(site_list_keys) },
	[N_NAME] = { "name", FORM_TEXT, 1, 1, 64 },
};

/* The add form: the lists to choose from (LIST_OPTION), selected the one
 * sent or the query's ?list=. */
static int
site_new_render(struct request *req, struct tmpl_dict *d, const char *sel,
    int status)
{
	size_t	 i;

	for (i = 0; i < LIST__MAX; i++)
		form_option(d, "LIST_OPTION", lists_defs[i].key,
		    app_text(req, lists_defs[i].title),
		    sel != NULL && strcmp(sel, lists_defs[i].key) == 0);
	return app_render(req, status);
}

static struct tmpl_dict *
site_new_page(struct request *req)
{
	return app_page(req, "site/list_new.tpl",
	    app_text(req, N_("site.lists.new.title")));
}

/* GET /site/lists/new[?list=KEY] */
int
site_list_new_form(struct request *req)
{
	struct tmpl_dict	*d;
	int			 st;

	if ((st = site_guard(req)) != 0)
		return st;
	if ((d = site_new_page(req)) == NULL)
		return 500;
	return site_new_render(req, d, http_kv_get(&req->query, "list"), 200);
}

/* POST /site/lists/new */
int
site_list_add(struct request *req)
{
	struct form_value	 v[N__MAX];
	struct tmpl_dict	*d;
	const struct list_def	*ld;
	char			 sql[256], path[64];
	struct buf		 after;
	enum weft_err		 e;
	int			 st;

	if ((st = site_guard(req)) != 0)
		return st;
	if ((d = site_new_page(req)) == NULL)
		return 500;
	if (form_read(site_new_fields, N__MAX, &req->form, app_lang(req), d,
	    v) > 0)
		return site_new_render(req, d, v[N_LIST].str, 422);
	ld = &lists_defs[v[N_LIST].choice];
	snprintf(sql, sizeof(sql), "INSERT INTO %s (name, position)"
	    " SELECT ?, COALESCE(MAX(position), 0) + 10 FROM %s", ld->table,
	    ld->table);
	buf_init(&after);
	buf_printf(&after, "{\"list\":\"%s\",\"name\":", ld->key);
	buf_json_str(&after, v[N_NAME].str);
	buf_puts(&after, "}");
	if ((e = db_begin()) != WEFT_OK || (e = db_exec(sql, "s",
	    v[N_NAME].str)) != WEFT_OK || (e = buf_failed(&after) ?
	    WEFT_ERR_NOMEM : WEFT_OK) != WEFT_OK || (e = audit_write(
	    &req->actor, "list.add", ld->key, db_insert_id(), 0, NULL,
	    after.p)) != WEFT_OK || (e = db_commit()) != WEFT_OK) {
		db_rollback();
		buf_free(&after);
		if (e != WEFT_ERR_DUPLICATE)
			return app_status_of(e);
		form_error(d, "name", app_text(req, N_("site.lists.error.taken")));
		return site_new_render(req, d, v[N_LIST].str, 422);
	}
	buf_free(&after);
	snprintf(path, sizeof(path), "/site/lists/%s", ld->key);
	return app_redirect(req, path, N_("site.lists.flash.added"));
}
