/*
 * Guardian angels (member.angels) and Managers of Organisations
 * (member.orgs).  An angel acts for the member they look after while
 * that member's Guardian Angel Mode is on; a manager acts for an
 * organisation account (act.h answers "may this actor act for that
 * member", for the exchanges area).
 *
 * Footnote 3 of docs/authorization.md: support may switch the mode on and
 * off but not assign or remove angels, so those two need
 * role_allows_full().  The angel or manager named in a form must be an
 * approved member within the actor's own scope: a community coordinator
 * cannot reach outside their community through someone else's account.
 *
 * The two relations work alike, so they are one table (angels_rels[])
 * and one pair of handlers.  Bad input re-renders this family's panel as
 * a page of its own (the STANDALONE section of angels_panel.tpl) with the
 * messages, and status 422.
 */
#include <stdio.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "members.h"
#include "util.h"
#include "valid.h"

enum angels_kind {
	REL_ANGEL,
	REL_MANAGER,
	REL__MAX
};

struct angels_rel {
	enum perm		 perm;
	int			 full;		/* footnote 3: role_allows_full */
	int			 org_only;	/* the target is an organisation */
	struct form_field	 field;		/* the other member's username */
	const char		*sql_list;	/* (member) -> id, username, name */
	const char		*sql_find;	/* (member, other) -> username */
	const char		*sql_add;	/* (member, other, created_by) */
	const char		*sql_del;	/* (member, other) */
	const char		*audit_add;
	const char		*audit_del;
	const char		*json_key;
	const char		*key_self;
	const char		*key_already;
	const char		*flash_add;
	const char		*flash_del;
};

static const struct angels_rel angels_rels[REL__MAX] = {
	[REL_ANGEL] = {
		PERM_MEMBER_ANGELS, 1, 0,
		{ "angel", FORM_USERNAME, 1, 0, 0 },
		"SELECT a.id, a.username, a.name FROM guardian_angels g"
		" JOIN members a ON a.id = g.angel_id"
		" WHERE g.member_id = ? ORDER BY a.name, a.id",
		"SELECT a.username FROM guardian_angels g"
		" JOIN members a ON a.id = g.angel_id"
		" WHERE g.member_id = ? AND g.angel_id = ? FOR UPDATE",
		"INSERT INTO guardian_angels (member_id, angel_id, created_by)"
		" VALUES (?, ?, ?)",
		"DELETE FROM guardian_angels WHERE member_id = ?"
		" AND angel_id = ?",
		"member.angel_add", "member.angel_remove", "angel",
		N_("members.angels.error.self"), N_("members.angels.error.already"),
		N_("members.angels.flash.added"), N_("members.angels.flash.removed"),
	},
	[REL_MANAGER] = {
		PERM_MEMBER_ORGS, 0, 1,
		{ "manager", FORM_USERNAME, 1, 0, 0 },
		"SELECT a.id, a.username, a.name FROM org_managers o"
		" JOIN members a ON a.id = o.manager_id"
		" WHERE o.org_id = ? ORDER BY a.name, a.id",
		"SELECT a.username FROM org_managers o"
		" JOIN members a ON a.id = o.manager_id"
		" WHERE o.org_id = ? AND o.manager_id = ? FOR UPDATE",
		"INSERT INTO org_managers (org_id, manager_id, created_by)"
		" VALUES (?, ?, ?)",
		"DELETE FROM org_managers WHERE org_id = ? AND manager_id = ?",
		"member.manager_add", "member.manager_remove", "manager",
		N_("members.angels.error.manager_self"),
		N_("members.angels.error.manager_already"),
		N_("members.angels.flash.manager_added"),
		N_("members.angels.flash.manager_removed"),
	},
};

enum { O_ON, O__MAX };
static const struct form_field angels_mode_fields[O__MAX] = {
	[O_ON] = { "on", FORM_INT, 1, 0, 1 },
};

/* May the actor change this relation of m (assign, remove)? */
static int
angels_may(const struct request *req, const struct angels_rel *rel,
    const struct member *m)
{
	struct scope	 sc;

	member_scope(m, &sc);
	return rel->full ? role_allows_full(&req->actor.grants, rel->perm,
	    &sc) : role_allows(&req->actor.grants, rel->perm, &sc);
}

/* Footnote 3 before anything is looked up: one who holds member.angels
 * only through the support role is refused whatever the id, so that the
 * answer says nothing about which members exist (rule 1). */
static int
angels_may_somewhere(const struct request *req, const struct angels_rel *rel)
{
	size_t	 i;

	if (!rel->full)
		return 1;
	for (i = 0; i < req->actor.grants.n; i++)
		if (role_allows_full(&req->actor.grants, rel->perm,
		    &req->actor.grants.g[i].scope))
			return 1;
	return 0;
}

/* One relation's rows into the panel: a list section holding one row
 * section per member, or the none section when there are none. */
static enum weft_err
angels_list(struct tmpl_dict *p, const struct angels_rel *rel,
    const struct member *m, const char *const names[3], int may)
{
	struct tmpl_dict	*list = NULL, *s;
	struct db_rows		*r;
	enum weft_err		 e;

	if ((e = db_query(&r, rel->sql_list, "i", m->id)) != WEFT_OK)
		return e;
	while (db_next(r)) {
		if (list == NULL)
			list = tmpl_section(p, names[0]);
		s = tmpl_section(list, names[1]);
		tmpl_set(s, "ID", db_str(r, 0));
		tmpl_set(s, "USERNAME", db_str(r, 1));
		tmpl_set(s, "NAME", db_str(r, 2));
		if (may)
			tmpl_show(s, "REMOVE");
	}
	if (list == NULL)
		tmpl_show(p, names[2]);
	db_rows_free(r);
	return WEFT_OK;
}

/* Fills the panel (or the standalone page) p for member m. */
static enum weft_err
angels_fill(struct tmpl_dict *p, struct request *req, const struct member *m)
{
	static const char *const angel_names[3] = {
		"ANGEL_LIST", "ANGEL_ROW", "ANGEL_NONE",
	};
	static const char *const manager_names[3] = {
		"MANAGER_LIST", "MANAGER_ROW", "MANAGER_NONE",
	};
	struct scope	 sc;
	struct tmpl_dict *s;
	enum weft_err	 e;
	int		 may;

	member_scope(m, &sc);
	tmpl_set(p, "CSRF", req->actor.csrf);
	tmpl_set_int(p, "MEMBER_ID", m->id);
	tmpl_set(p, "MEMBER_NAME", m->name);
	if (role_allows(&req->actor.grants, PERM_MEMBER_ANGELS, &sc)) {
		s = tmpl_section(p, "ANGELS");
		tmpl_show(s, m->angel_mode ? "MODE_ON" : "MODE_OFF");
		tmpl_set_int(s, "MODE_NEXT", !m->angel_mode);
		may = angels_may(req, &angels_rels[REL_ANGEL], m);
		if (may)
			tmpl_show(s, "ASSIGN");
		if ((e = angels_list(s, &angels_rels[REL_ANGEL], m,
		    angel_names, may)) != WEFT_OK)
			return e;
	}
	if (m->is_organisation &&
	    role_allows(&req->actor.grants, PERM_MEMBER_ORGS, &sc)) {
		s = tmpl_section(p, "MANAGERS");
		if ((e = angels_list(s, &angels_rels[REL_MANAGER], m,
		    manager_names, 1)) != WEFT_OK)
			return e;
	}
	return WEFT_OK;
}

enum weft_err
members_angels_panel(struct tmpl_dict *d, struct request *req,
    const struct member *m)
{
	struct tmpl_dict	*p;
	struct scope		 sc;

	member_scope(m, &sc);
	if (!role_allows(&req->actor.grants, PERM_MEMBER_ANGELS, &sc) &&
	    !(m->is_organisation &&
	    role_allows(&req->actor.grants, PERM_MEMBER_ORGS, &sc)))
		return WEFT_OK;
	if ((p = tmpl_include(d, "ANGELS_PANEL",
	    "members/angels_panel.tpl")) == NULL)
		return WEFT_ERR_NOMEM;
	return angels_fill(p, req, m);
}

/* The panel as a page of its own, for a form sent back with messages. */
static struct tmpl_dict *
angels_page(struct request *req)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "members/angels_panel.tpl",
	    app_text(req, N_("members.angels.title")))) == NULL)
		return NULL;
	tmpl_show(d, "STANDALONE");
	form_summary(d, app_lang(req), NULL, "angels-errors-title", 0);
	return d;
}

static int
angels_render(struct request *req, struct tmpl_dict *d,
    const struct member *m, int status)
{
	enum weft_err	 e;

	if ((e = angels_fill(d, req, m)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, status);
}

/*
 * The other member named by username: an approved member within the
 * actor's scope for perm.  Unknown, out of scope and not approved get one
 * and the same message (no probing).  Returns 0 with *o filled, 422 with
 * the message set on d, or another status.
 */
static int
angels_other(struct request *req, struct tmpl_dict *d,
    const struct angels_rel *rel, const char *username, struct member *o)
{
	struct db_rows	*r;
	long long	 id = 0;
	enum weft_err	 e;
	int		 st;

	if ((e = db_query(&r, "SELECT id FROM members WHERE username = ?",
	    "s", username)) != WEFT_OK)
		return app_status_of(e);
	if (db_next(r))
		id = db_int(r, 0);
	db_rows_free(r);
	st = members_target_id(req, id, rel->perm, o);
	if (st == 0 && o->status == MEMBER_APPROVED)
		return 0;
	if (st != 0 && st != 403 && st != 404)
		return st;
	form_error(d, rel->field.name, app_text(req,
	    N_("members.angels.error.unknown")));
	return 422;
}

/* POST /members/:id/angels and /members/:id/managers. */
static int
angels_add(struct request *req, const struct angels_rel *rel)
{
	struct member		 m, o;
	struct form_value	 v;
	struct tmpl_dict	*d;
	struct buf		 after;
	enum weft_err		 e;
	int			 st;

	if (!angels_may_somewhere(req, rel))
		return 403;
	if ((st = members_target(req, rel->perm, &m)) != 0)
		return st;
	if (!angels_may(req, rel, &m))
		return 403;
	if ((d = angels_page(req)) == NULL)
		return 500;
	if (form_read(&rel->field, 1, &req->form, app_lang(req), d, &v) > 0)
		return angels_render(req, d, &m, 422);
	if (rel->org_only && !m.is_organisation)
		return app_error(req, 409, app_text(req,
		    N_("members.angels.error.not_organisation")));
	if ((st = angels_other(req, d, rel, v.str, &o)) != 0)
		return st == 422 ? angels_render(req, d, &m, 422) : st;
	if (o.id == m.id) {
		form_error(d, rel->field.name, app_text(req, rel->key_self));
		return angels_render(req, d, &m, 422);
	}
	buf_init(&after);
	buf_printf(&after, "{\"%s\":%lld,\"username\":", rel->json_key, o.id);
	buf_json_str(&after, o.username);
	buf_puts(&after, "}");
	if ((e = buf_failed(&after) ? WEFT_ERR_NOMEM : db_begin()) != WEFT_OK)
		goto out;
	/* Rule 2 again on the locked row: the member may have moved to a
	 * community outside the actor's scope since members_target(). */
	if ((e = member_load(m.id, 1, &m)) == WEFT_OK &&
	    !angels_may(req, rel, &m))
		e = WEFT_ERR_FORBIDDEN;
	if (e != WEFT_OK ||
	    (e = db_exec(rel->sql_add, "iii", m.id, o.id,
	    req->actor.member_id)) != WEFT_OK ||
	    (e = audit_write(&req->actor, rel->audit_add, "member", m.id,
	    m.community, NULL, after.p)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK)
		goto out;
	buf_free(&after);
	snprintf(req->param_buf, sizeof(req->param_buf), "/members/%lld",
	    m.id);
	return app_redirect(req, req->param_buf, rel->flash_add);
out:
	db_rollback();
	buf_free(&after);
	if (e != WEFT_ERR_DUPLICATE)
		return app_status_of(e);
	form_error(d, rel->field.name, app_text(req, rel->key_already));
	return angels_render(req, d, &m, 422);
}

/*
 * POST /members/:id/angels/:angel/remove and
 * /members/:id/managers/:manager/remove (:angel, :manager: member ids).
 * Removing a relation that is not there answers as if it had been
 * removed: sending the form twice is not an error.
 */
static int
angels_remove(struct request *req, const struct angels_rel *rel)
{
	struct member	 m;
	struct db_rows	*r = NULL;
	struct buf	 before;
	long long	 other = app_param_id(req, 1);
	enum weft_err	 e;
	int		 st;

	if (!angels_may_somewhere(req, rel))
		return 403;
	if ((st = members_target(req, rel->perm, &m)) != 0)
		return st;
	if (!angels_may(req, rel, &m))
		return 403;
	if (other <= 0)
		return 404;
	buf_init(&before);
	if ((e = db_begin()) != WEFT_OK ||
	    (e = member_load(m.id, 1, &m)) != WEFT_OK)
		goto out;
	/* Rule 2 again on the locked row (the member may have moved). */
	if (!angels_may(req, rel, &m)) {
		e = WEFT_ERR_FORBIDDEN;
		goto out;
	}
	if ((e = db_query(&r, rel->sql_find, "ii", m.id, other)) != WEFT_OK)
		goto out;
	/* Already gone (a second click, or someone else removed it): the
	 * state asked for holds, and there is nothing to audit. */
	if (db_next(r)) {
		buf_printf(&before, "{\"%s\":%lld,\"username\":",
		    rel->json_key, other);
		buf_json_str(&before, db_str(r, 0));
		buf_puts(&before, "}");
		if ((e = buf_failed(&before) ? WEFT_ERR_NOMEM : WEFT_OK) !=
		    WEFT_OK ||
		    (e = db_exec(rel->sql_del, "ii", m.id, other)) != WEFT_OK ||
		    (e = audit_write(&req->actor, rel->audit_del, "member",
		    m.id, m.community, before.p, NULL)) != WEFT_OK)
			goto out;
	}
	if ((e = db_commit()) != WEFT_OK)
		goto out;
	db_rows_free(r);
	buf_free(&before);
	snprintf(req->param_buf, sizeof(req->param_buf), "/members/%lld",
	    m.id);
	return app_redirect(req, req->param_buf, rel->flash_del);
out:
	db_rollback();
	db_rows_free(r);
	buf_free(&before);
	return app_status_of(e);
}

int
members_angel_add(struct request *req)
{
	return angels_add(req, &angels_rels[REL_ANGEL]);
}

int
members_angel_remove(struct request *req)
{
	return angels_remove(req, &angels_rels[REL_ANGEL]);
}

int
members_manager_add(struct request *req)
{
	return angels_add(req, &angels_rels[REL_MANAGER]);
}

int
members_manager_remove(struct request *req)
{
	return angels_remove(req, &angels_rels[REL_MANAGER]);
}

/*
 * POST /members/:id/angel-mode, field on = 1 or 0.  member.angels in the
 * member's scope, footnote 3 included: support may do this.
 */
int
members_angel_mode(struct request *req)
{
	struct member		 m, before;
	struct form_value	 v[O__MAX];
	struct tmpl_dict	*d;
	struct scope		 sc;
	struct buf		 b, a;
	long long		 on;
	enum weft_err		 e;
	int			 st;

	if ((st = members_target(req, PERM_MEMBER_ANGELS, &m)) != 0)
		return st;
	if ((d = angels_page(req)) == NULL)
		return 500;
	if (form_read(angels_mode_fields, O__MAX, &req->form, app_lang(req),
	    d, v) > 0)
		return angels_render(req, d, &m, 422);
	on = v[O_ON].n;
	buf_init(&b);
	buf_init(&a);
	if ((e = db_begin()) != WEFT_OK ||
	    (e = member_load(m.id, 1, &before)) != WEFT_OK)
		goto out;
	/* Rule 2 again on the locked row (the member may have moved). */
	member_scope(&before, &sc);
	if (!role_allows(&req->actor.grants, PERM_MEMBER_ANGELS, &sc)) {
		e = WEFT_ERR_FORBIDDEN;
		goto out;
	}
	m = before;
	m.angel_mode = (int)on;
	member_json(&b, &before);
	member_json(&a, &m);
	if ((e = buf_failed(&b) || buf_failed(&a) ? WEFT_ERR_NOMEM :
	    WEFT_OK) != WEFT_OK ||
	    (e = db_exec("UPDATE members SET angel_mode = ?,"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?", "ii", on, m.id)) !=
	    WEFT_OK ||
	    (e = audit_write(&req->actor, "member.angel_mode", "member", m.id,
	    m.community, b.p, a.p)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK)
		goto out;
	buf_free(&b);
	buf_free(&a);
	snprintf(req->param_buf, sizeof(req->param_buf), "/members/%lld",
	    m.id);
	return app_redirect(req, req->param_buf, on ?
	    N_("members.angels.flash.mode_on") : N_("members.angels.flash.mode_off"));
out:
	db_rollback();
	buf_free(&b);
	buf_free(&a);
	return app_status_of(e);
}

