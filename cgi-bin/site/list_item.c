/*
 * One item of a list (GET /site/lists/:list/:id) and its changes: its
 * name, place and whether it is retired (POST .../:id), its name in a
 * language (POST .../names), moving its uses to another item (POST
 * .../move) and deleting it (POST .../delete), which moves its uses first
 * when it has any, in the same transaction: nothing ever points at a
 * removed item.  Every change is audited with the before and after.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "db.h"
#include "form.h"
#include "i18n.h"
#include "site.h"
#include "util.h"

struct site_item {
	enum list	 list;
	long long	 id;
	char		 name[256];
	long long	 position;
	int		 active;
	long long	 uses;
};

/*
 * The item of path parameters 0 (list) and 1 (id) into it, its row
 * locked when lock (inside a transaction): 0, or 404.
 */
static int
site_item_load(struct request *req, struct site_item *it, int lock)
{
	const struct list_def	*ld;
	char			 sql[1024], uses[512];
	struct db_rows		*r;
	enum weft_err		 e;
	int			 st;

	if ((st = site_list_of(req, 0, &it->list)) != 0)
		return st;
	if ((it->id = app_param_id(req, 1)) == 0)
		return 404;
	ld = &lists_defs[it->list];
	if (lists_uses_sql(ld, uses, sizeof(uses)) != 0)
		return 500;
	snprintf(sql, sizeof(sql), "SELECT name, position, active, %s"
	    " FROM %s i WHERE id = ?%s", uses, ld->table,
	    lock ? " FOR UPDATE" : "");
	if ((e = db_query(&r, sql, "i", it->id)) != WEFT_OK)
		return app_status_of(e);
	st = 404;
	if (db_next(r)) {
		util_copy(it->name, sizeof(it->name), db_str(r, 0));
		it->position = db_int(r, 1);
		it->active = (int)db_int(r, 2);
		it->uses = db_int(r, 3);
		st = 0;
	}
	db_rows_free(r);
	return st;
}

/* The item as JSON, for the audit. */
static void
site_item_json(struct buf *b, const struct site_item *it)
{
	buf_puts(b, "{\"name\":");
	buf_json_str(b, it->name);
	buf_printf(b, ",\"position\":%lld,\"active\":%s,\"uses\":%lld}",
	    it->position, it->active ? "true" : "false", it->uses);
}

/* The other items uses may move to (MOVE_OPTION), active ones. */
static enum weft_err
site_targets(struct request *req, struct tmpl_dict *d,
    const struct site_item *it)
{
	return lists_options(d, "MOVE_OPTION", it->list, app_lang(req), 0,
	    0) != WEFT_OK ? WEFT_ERR_DB : WEFT_OK;
}

/* The item's names in the other enabled languages (NAME_LANG). */
static enum weft_err
site_item_names(struct tmpl_dict *d, const struct site_item *it)
{
	const struct i18n_lang	*l;
	struct tmpl_dict	*s;
	struct db_rows		*r;
	size_t			 i, n;
	enum weft_err		 e;

	l = i18n_languages(&n);
	for (i = 0; i < n; i++) {
		if (!l[i].enabled || strcmp(l[i].tag, "en") == 0)
			continue;
		s = tmpl_section(d, "NAME_LANG");
		tmpl_set(s, "TAG", l[i].tag);
		tmpl_set(s, "LANGUAGE", l[i].name);
		if ((e = db_query(&r, "SELECT name FROM list_names WHERE list = ?"
		    " AND item_id = ? AND lang = ?", "sis",
		    lists_defs[it->list].key, it->id, l[i].tag)) != WEFT_OK)
			return e;
		if (db_next(r))
			tmpl_set(s, "VALUE", db_str(r, 0));
		db_rows_free(r);
	}
	return WEFT_OK;
}

/* The item's page with status (d from site_item_page()). */
static int
site_item_render(struct request *req, struct tmpl_dict *d,
    const struct site_item *it, int status)
{
	enum weft_err	 e;

	tmpl_set(d, "LIST", lists_defs[it->list].key);
	tmpl_set(d, "LIST_TITLE", app_text(req, lists_defs[it->list].title));
	tmpl_set_int(d, "ID", it->id);
	tmpl_set(d, "ITEM_NAME", it->name);
	tmpl_set_int(d, "USES", it->uses);
	if (!it->active)
		tmpl_show(d, "RETIRED");
	if (it->uses > 0)
		tmpl_show(d, "IN_USE");
	if ((e = site_targets(req, d, it)) != WEFT_OK ||
	    (e = site_item_names(d, it)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, status);
}

static struct tmpl_dict *
site_item_page(struct request *req, const struct site_item *it)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "site/list_item.tpl", it->name)) == NULL)
		return NULL;
	/* The edit form's values, unless a refused form set them. */
	tmpl_set(d, "NAME", it->name);
	tmpl_set_int(d, "POSITION", it->position);
	if (it->active)
		tmpl_show(d, "ACTIVE_CHECKED");
	return d;
}

/* GET /site/lists/:list/:id */
int
site_list_item(struct request *req)
{
	struct site_item	 it;
	struct tmpl_dict	*d;
	int			 st;

	if ((st = site_guard(req)) != 0 || (st = site_item_load(req, &it, 0)))
		return st;
	if ((d = site_item_page(req, &it)) == NULL)
		return 500;
	return site_item_render(req, d, &it, 200);
}

/*
 * The start of every POST on an item: the guard, the item loaded, its
 * page begun (*d, for a refused form), then the transaction begun and
 * the item read again with its row locked.  0, or the status (the
 * transaction rolled back).
 */
static int
site_item_begin(struct request *req, struct site_item *it,
    struct tmpl_dict **d)
{
	enum weft_err	 e;
	int		 st;

	if ((st = site_guard(req)) != 0 || (st = site_item_load(req, it, 0)))
		return st;
	if ((*d = site_item_page(req, it)) == NULL)
		return 500;
	if ((e = db_begin()) != WEFT_OK)
		return app_status_of(e);
	if ((st = site_item_load(req, it, 1)) != 0)
		db_rollback();
	return st;
}

/* Commits with the audit row of action on it (before b, after a); the
 * redirect to the list, or the error's status. */
static int
site_item_commit(struct request *req, const struct site_item *it,
    const char *action, struct buf *b, struct buf *a, const char *flash)
{
	char		 path[64];
	enum weft_err	 e;

	if (buf_failed(b) || buf_failed(a))
		e = WEFT_ERR_NOMEM;
	else if ((e = audit_write(&req->actor, action,
	    lists_defs[it->list].key, it->id, 0, b->p, a->p)) == WEFT_OK)
		e = db_commit();
	buf_free(b);
	buf_free(a);
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	snprintf(path, sizeof(path), "/site/lists/%s", lists_defs[it->list].key);
	return app_redirect(req, path, flash);
}

enum { E_NAME, E_POSITION, E_ACTIVE, E__MAX };
static const struct form_field site_item_fields[E__MAX] = {
	[E_NAME] = { "name", FORM_TEXT, 1, 1, 64 },
	[E_POSITION] = { "position", FORM_INT, 1, -1000000, 1000000 },
	[E_ACTIVE] = { "active", FORM_BOOL, 0, 0, 0 },
};

/* POST /site/lists/:list/:id: renamed, moved, retired or back */
int
site_list_item_save(struct request *req)
{
	struct form_value	 v[E__MAX];
	struct site_item	 it, now;
	struct tmpl_dict	*d;
	struct buf		 b, a;
	char			 sql[256];
	enum weft_err		 e;
	int			 st;

	if ((st = site_item_begin(req, &it, &d)) != 0)
		return st;
	if (form_read(site_item_fields, E__MAX, &req->form, app_lang(req), d,
	    v) > 0) {
		db_rollback();
		return site_item_render(req, d, &it, 422);
	}
	now = it;
	util_copy(now.name, sizeof(now.name), v[E_NAME].str);
	now.position = v[E_POSITION].n;
	now.active = v[E_ACTIVE].on;
	snprintf(sql, sizeof(sql), "UPDATE %s SET name = ?, position = ?,"
	    " active = ? WHERE id = ?", lists_defs[it.list].table);
	if ((e = db_exec(sql, "siii", now.name, now.position,
	    (long long)now.active, it.id)) != WEFT_OK) {
		db_rollback();
		if (e != WEFT_ERR_DUPLICATE)
			return app_status_of(e);
		form_error(d, "name", app_text(req, N_("site.lists.error.taken")));
		return site_item_render(req, d, &it, 422);
	}
	buf_init(&b);
	buf_init(&a);
	site_item_json(&b, &it);
	site_item_json(&a, &now);
	return site_item_commit(req, &it, "list.edit", &b, &a,
	    N_("site.lists.flash.saved"));
}

enum { T_LANG, T_NAME, T__MAX };
static const struct form_field site_name_fields[T__MAX] = {
	[T_LANG] = { "lang", FORM_LANG, 1, 0, 0 },
	[T_NAME] = { "name", FORM_TEXT, 0, 0, 64 },
};

/* POST /site/lists/:list/:id/names: the item's name in lang (empty: its
 * own name again) */
int
site_list_item_name(struct request *req)
{
	struct form_value	 v[T__MAX];
	struct site_item	 it;
	struct tmpl_dict	*d;
	struct buf		 b, a;
	const char		*key;
	enum weft_err		 e;
	int			 st;

	if ((st = site_guard(req)) != 0 || (st = site_item_load(req, &it, 0)))
		return st;
	if ((d = site_item_page(req, &it)) == NULL)
		return 500;
	if (form_read(site_name_fields, T__MAX, &req->form, app_lang(req),
	    NULL, v) > 0 || strcmp(v[T_LANG].str, "en") == 0 ||
	    !i18n_lang_offered(v[T_LANG].str)) {
		form_error(d, "lang", app_text(req, N_("site.lists.error.lang")));
		return site_item_render(req, d, &it, 422);
	}
	key = lists_defs[it.list].key;
	buf_init(&b);
	buf_init(&a);
	buf_printf(&b, "{\"lang\":\"%s\"}", v[T_LANG].str);
	buf_printf(&a, "{\"lang\":\"%s\",\"name\":", v[T_LANG].str);
	buf_json_str(&a, v[T_NAME].str);
	buf_puts(&a, "}");
	if ((e = db_begin()) != WEFT_OK || (e = db_exec("DELETE FROM list_names"
	    " WHERE list = ? AND item_id = ? AND lang = ?", "sis", key, it.id,
	    v[T_LANG].str)) != WEFT_OK || (v[T_NAME].str[0] != '\0' &&
	    (e = db_exec("INSERT INTO list_names (list, item_id, lang, name)"
	    " VALUES (?, ?, ?, ?)", "siss", key, it.id, v[T_LANG].str,
	    v[T_NAME].str)) != WEFT_OK)) {
		db_rollback();
		buf_free(&b);
		buf_free(&a);
		return app_status_of(e);
	}
	return site_item_commit(req, &it, "list.name", &b, &a,
	    N_("site.lists.flash.named"));
}

enum { M_TO, M__MAX };
static const struct form_field site_move_fields[M__MAX] = {
	[M_TO] = { "to", FORM_ID, 0, 0, 0 },
};

/*
 * Moves the uses of it (locked) to the item v names, inside the caller's
 * transaction, recording it in a: 0, or 422 after marking the field on d
 * (no other active item of the list, or none chosen where it is in use
 * and required).
 */
static int
site_move(struct request *req, struct tmpl_dict *d, const struct site_item *it,
    const struct form_value *v, int required, struct buf *a)
{
	const struct list_def	*ld = &lists_defs[it->list];
	char			 sql[256];
	unsigned long long	 moved;
	size_t			 i;
	int			 ok = 0;

	if (!v->set && !required)
		return 0;
	if (!v->set || v->id == it->id ||
	    (ok = lists_ok(it->list, v->id, 0)) == 0) {
		form_error(d, "to", app_text(req, N_("site.lists.error.move")));
		return 422;
	}
	if (ok < 0)
		return 503;
	snprintf(sql, sizeof(sql), "UPDATE %s SET %s = ? WHERE %s = ?",
	    ld->use_table, ld->use_col, ld->use_col);
	if (db_exec(sql, "ii", v->id, it->id) != WEFT_OK)
		return 503;
	moved = db_affected();
	for (i = 0; i < LISTS_USES_MAX && ld->also[i].table != NULL; i++) {
		snprintf(sql, sizeof(sql), "UPDATE %s SET %s = ? WHERE %s = ?",
		    ld->also[i].table, ld->also[i].col, ld->also[i].col);
		if (db_exec(sql, "ii", v->id, it->id) != WEFT_OK)
			return 503;
		moved += db_affected();
	}
	buf_printf(a, "\"moved_to\":%lld,\"moved\":%llu,", v->id, moved);
	return 0;
}

/* The move or delete of it: refused forms come back on its page. */
static int
site_move_or_delete(struct request *req, int delete)
{
	struct form_value	 v[M__MAX];
	struct site_item	 it;
	struct tmpl_dict	*d;
	struct buf		 b, a;
	char			 sql[256];
	enum weft_err		 e;
	int			 st;

	if ((st = site_item_begin(req, &it, &d)) != 0)
		return st;
	form_read(site_move_fields, M__MAX, &req->form, app_lang(req), NULL, v);
	buf_init(&b);
	buf_init(&a);
	site_item_json(&b, &it);
	buf_puts(&a, "{");
	if ((st = site_move(req, d, &it, &v[M_TO], !delete || it.uses > 0,
	    &a)) != 0) {
		db_rollback();
		buf_free(&b);
		buf_free(&a);
		return st == 422 ? site_item_render(req, d, &it, 422) : st;
	}
	snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id = ?",
	    lists_defs[it.list].table);
	if (delete && ((e = db_exec("DELETE FROM list_names WHERE list = ?"
	    " AND item_id = ?", "si", lists_defs[it.list].key, it.id)) !=
	    WEFT_OK || (e = db_exec(sql, "i", it.id)) != WEFT_OK)) {
		db_rollback();
		buf_free(&b);
		buf_free(&a);
		return app_status_of(e);
	}
	buf_printf(&a, "\"deleted\":%s}", delete ? "true" : "false");
	return site_item_commit(req, &it, delete ? "list.delete" : "list.move",
	    &b, &a, delete ? N_("site.lists.flash.deleted") :
	    N_("site.lists.flash.moved"));
}

/* POST /site/lists/:list/:id/move (to: the item its uses move to) */
int
site_list_item_move(struct request *req)
{
	return site_move_or_delete(req, 0);
}

/* POST /site/lists/:list/:id/delete (to: where its uses move first; needed
 * when it has any) */
int
site_list_item_delete(struct request *req)
{
	return site_move_or_delete(req, 1);
}
