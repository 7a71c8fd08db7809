/*
 * A member's coordinator roles (role.assign): the grants with their scope
 * in words, giving one and removing one, and the profile panel.  Rules 3
 * and 4 and the audit row of rule 6 are role_grant_add() and
 * role_grant_remove()'s (role_db.c); this file checks the member's own
 * scope first (rule 2), offers only what role_may_grant() allows, and
 * says why when something is refused.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "log.h"
#include "members.h"
#include "util.h"
#include "valid.h"

/* members.h.  A community that has gone is shown by its number rather
 * than hidden; a language by its own name. */
enum weft_err
members_scope_words(struct tmpl_dict *d, const struct scope *s)
{
	static const char	 sql[] =
	    "SELECT name FROM communities WHERE id = ?";
	struct tmpl_dict	*w;
	struct db_rows		*r;
	enum weft_err		 e;
	char			 num[32];

	switch (s->kind) {
	case SCOPE_COMMUNITY:
		if ((e = db_query(&r, sql, "i", s->community)) != WEFT_OK)
			return e;
		w = tmpl_section(d, "COMMUNITY");
		snprintf(num, sizeof(num), "#%lld", s->community);
		tmpl_set(w, "COMMUNITY_NAME", db_next(r) ? db_str(r, 0) : num);
		db_rows_free(r);
		break;
	case SCOPE_LANGUAGE:
		w = tmpl_section(d, "LANGUAGE");
		tmpl_set(w, "LANG", i18n_lang_name(s->lang));
		break;
	default:
		tmpl_show(d, "SITE");
		break;
	}
	return WEFT_OK;
}

/* One GRANT section per grant of the member (tg); a remove button
 * (section REMOVE) only where rule 3 lets this actor take it away. */
static enum weft_err
grants_list(struct tmpl_dict *d, struct request *req,
    const struct member *m, struct member_grants *tg, int buttons)
{
	const struct grants	*gs;
	struct tmpl_dict	*g, *rm;
	enum weft_err		 e;
	size_t			 i;

	if ((e = member_grants_get(tg, &gs)) != WEFT_OK)
		return e;
	if (gs->n == 0)
		tmpl_show(d, "NO_GRANTS");
	else
		tmpl_show(d, "HAS_GRANTS");
	for (i = 0; i < gs->n; i++) {
		g = tmpl_section(d, "GRANT");
		tmpl_set(g, "ROLE", app_text(req,
		    role_title_keys[gs->g[i].role]));
		tmpl_set(g, "ROLE_KEY", role_keys[gs->g[i].role]);
		if ((e = members_scope_words(g, &gs->g[i].scope)) != WEFT_OK)
			return e;
		if (!buttons || role_may_grant(&req->actor.grants,
		    gs->g[i].role, &gs->g[i].scope) != ROLE_OK)
			continue;
		rm = tmpl_section(g, "REMOVE");
		tmpl_set_int(rm, "MEMBER_ID", m->id);
		tmpl_set_int(rm, "GRANT_ID", gs->g[i].id);
		tmpl_set(rm, "ROLE", app_text(req,
		    role_title_keys[gs->g[i].role]));
		tmpl_set(rm, "CSRF", req->actor.csrf);
	}
	return WEFT_OK;
}

/* May the actor give role r in some scope at all (site, one of the
 * communities, or for translators a language)? */
static int
grants_role_offered(const struct grants *a, enum role r)
{
	struct scope	 s;
	size_t		 i;

	memset(&s, 0, sizeof(s));
	if (r == ROLE_TRANSLATOR) {
		s.kind = SCOPE_LANGUAGE;
		snprintf(s.lang, sizeof(s.lang), "en");
		return role_may_grant(a, r, &s) == ROLE_OK;
	}
	s.kind = SCOPE_SITE;
	if (role_may_grant(a, r, &s) == ROLE_OK)
		return 1;
	for (i = 0; i < a->n; i++)
		if (a->g[i].scope.kind == SCOPE_COMMUNITY &&
		    role_may_grant(a, r, &a->g[i].scope) == ROLE_OK)
			return 1;
	return 0;
}

/*
 * The add form's selects: the roles the actor may give somewhere, and
 * the scopes they may give in (site, each community their role.assign
 * covers, "a language" when they may appoint translators).  sel_role and
 * sel_scope are the submitted values, re-selected after an error.
 */
static enum weft_err
grants_form_options(struct tmpl_dict *d, struct request *req,
    const char *sel_role, const char *sel_scope)
{
	static const char	 sql[] =
	    "SELECT id, name FROM communities ORDER BY name, id LIMIT 500";
	static const struct scope site = { SCOPE_SITE, 0, "" };
	const struct grants	*a = &req->actor.grants;
	struct tmpl_dict	*o;
	struct db_rows		*r;
	struct scope		 s;
	enum weft_err		 e;
	char			 v[64];
	int			 i, any = 0;

	for (i = 0; i < ROLE__MAX; i++) {
		if (!grants_role_offered(a, (enum role)i))
			continue;
		any = 1;
		form_option(d, "ROLE_OPTION", role_keys[i],
		    app_text(req, role_title_keys[i]),
		    sel_role != NULL && strcmp(sel_role, role_keys[i]) == 0);
	}
	if (!any)
		return WEFT_OK;
	tmpl_show(d, "ADD_FORM");
	if (role_allows(a, PERM_ROLE_ASSIGN, &site))
		form_option(d, "SCOPE_OPTION", "site",
		    app_text(req, N_("members.grants.scope_site")),
		    sel_scope != NULL && strcmp(sel_scope, "site") == 0);
	if ((e = db_query(&r, sql, "")) != WEFT_OK)
		return e;
	memset(&s, 0, sizeof(s));
	s.kind = SCOPE_COMMUNITY;
	while (db_next(r)) {
		s.community = db_int(r, 0);
		if (!role_allows(a, PERM_ROLE_ASSIGN, &s))
			continue;
		scope_format(&s, v, sizeof(v));
		form_option(d, "SCOPE_OPTION", v, db_str(r, 1),
		    sel_scope != NULL && strcmp(sel_scope, v) == 0);
	}
	db_rows_free(r);
	if (grants_role_offered(a, ROLE_TRANSLATOR)) {
		o = tmpl_section(d, "LANGUAGE_OPTION");
		if (sel_scope != NULL && strcmp(sel_scope, "language") == 0)
			tmpl_show(o, "SELECTED");
		tmpl_show(d, "LANGUAGE_INPUT");
	}
	return WEFT_OK;
}

/* The page of a member's grants, with the add form; NULL on error. */
static struct tmpl_dict *
grants_page(struct request *req, const struct member *m,
    const char *sel_role, const char *sel_scope)
{
	struct tmpl_dict	*d;
	struct member_grants	 tg;

	if ((d = app_page(req, "members/grants.tpl",
	    app_text(req, N_("members.grants.title")))) == NULL)
		return NULL;
	member_fill(d, req, m);
	member_grants_init(&tg, m->id);
	if (grants_list(d, req, m, &tg, 1) != WEFT_OK ||
	    grants_form_options(d, req, sel_role, sel_scope) != WEFT_OK)
		return NULL;
	return d;
}

/* GET /members/:id/roles */
int
members_grants(struct request *req)
{
	struct member	 m;
	int		 st;

	if ((st = members_target(req, PERM_ROLE_ASSIGN, &m)) != 0)
		return st;
	if (grants_page(req, &m, NULL, NULL) == NULL)
		return 500;
	return app_render(req, 200);
}

/* The add form.  No table message: a refusal names one field, with
 * the reason (grants_refuse_form). */
enum { G_ROLE, G_SCOPE, G_LANG, G__MAX };
static const struct form_field grants_fields[G__MAX] = {
	[G_ROLE] = { "role", FORM_CHOICE, 0, 0, 0, FORM_CHOICES(role_keys),
	    .flags = FORM_QUIET },
	[G_SCOPE] = { "scope", FORM_TEXT, 0, 0, 64, .flags = FORM_QUIET },
	[G_LANG] = { "lang", FORM_LANG, 0, 0, 0, .flags = FORM_QUIET },
};

/*
 * The scope of the add form: "site", "community:N", "language:xx", or
 * "language" with the tag in the field lang (the form's text input, since
 * a select cannot hold every tag).  0 ok, -1 when it is not a scope.
 */
static int
grants_form_scope(const struct form_value *v, struct scope *s)
{
	char	 buf[ROLE_LANG_MAX + 16];

	if (strcmp(v[G_SCOPE].str, "language") == 0) {
		if (!v[G_LANG].sent || strlen(v[G_LANG].str) >= ROLE_LANG_MAX)
			return -1;
		snprintf(buf, sizeof(buf), "language:%s", v[G_LANG].str);
		return scope_parse(buf, s);
	}
	return scope_parse(v[G_SCOPE].str, s);
}

/* The form again with a message on field, status 422: nothing saved. */
static int
grants_refuse_form(struct request *req, const struct member *m,
    const struct form_value *v, const char *field, const char *message)
{
	struct tmpl_dict	*d;

	if ((d = grants_page(req, m, v[G_ROLE].str, v[G_SCOPE].str)) == NULL)
		return 500;
	tmpl_set(d, "LANG_VALUE", v[G_LANG].str);
	form_show(grants_fields, G__MAX, v, app_lang(req), d);
	form_error(d, field, message);
	return app_render(req, 422);
}

/* Does the member hold (r, s) already?  1 yes, 0 no, -1 error.  Only for
 * the flash: role_grant_add() itself treats a repeat as a no-op. */
static int
grants_held(long long member_id, enum role r, const struct scope *s)
{
	struct grants	 gs;
	char		 a[64], b[64];
	size_t		 i;

	if (role_load_grants(member_id, &gs) != WEFT_OK)
		return -1;
	scope_format(s, a, sizeof(a));
	for (i = 0; i < gs.n; i++) {
		scope_format(&gs.g[i].scope, b, sizeof(b));
		if (gs.g[i].role == r && strcmp(a, b) == 0)
			return 1;
	}
	return 0;
}

/* POST /members/:id/roles: role, scope (and lang). */
int
members_grant_add(struct request *req)
{
	struct form_value	 v[G__MAX];
	struct member		 m;
	struct scope		 s;
	enum role		 r;
	enum role_refusal	 why;
	enum weft_err		 e;
	char			 path[64];
	int			 st, held;

	if ((st = members_target(req, PERM_ROLE_ASSIGN, &m)) != 0)
		return st;
	(void)form_read(grants_fields, G__MAX, &req->form, app_lang(req), NULL,
	    v);
	if (!v[G_ROLE].set)
		return grants_refuse_form(req, &m, v, "role",
		    app_text(req, N_("members.grants.error.role")));
	r = (enum role)v[G_ROLE].choice;
	if (grants_form_scope(v, &s) != 0)
		return grants_refuse_form(req, &m, v, "scope",
		    app_text(req, N_("members.grants.error.scope")));
	if ((held = grants_held(m.id, r, &s)) < 0)
		return 500;
	e = role_grant_add(&req->actor, m.id, r, &s, &why);
	if (e == WEFT_ERR_NOTFOUND && s.kind == SCOPE_COMMUNITY)
		return grants_refuse_form(req, &m, v, "scope",
		    app_text(req, N_("members.grants.error.community")));
	if (e != WEFT_OK)
		return app_status_of(e);
	if (why != ROLE_OK)
		return grants_refuse_form(req, &m, v,
		    why == ROLE_REFUSE_BAD_SCOPE ? "scope" : "role",
		    app_text(req, role_refusal_keys[why]));
	log_msg(LOGL_INFO, "member %lld: grant %s added", m.id, role_keys[r]);
	snprintf(path, sizeof(path), "/members/%lld/roles", m.id);
	return app_redirect(req, path, held ? N_("members.grants.flash.unchanged") :
	    N_("members.grants.flash.added"));
}

/* The grants page again with the reason at the top, status 409. */
static int
grants_refuse_remove(struct request *req, const struct member *m,
    enum role_refusal why)
{
	struct tmpl_dict	*d, *s;

	if ((d = grants_page(req, m, NULL, NULL)) == NULL)
		return 500;
	s = tmpl_section(d, "REFUSED");
	tmpl_set(s, "MESSAGE", app_text(req, role_refusal_keys[why]));
	return app_render(req, 409);
}

/*
 * POST /members/:id/roles/:grant/remove.  The grant must be one of this
 * member's: a grant id of someone else under this member's path is "no
 * such grant" (404), never a way round the member's scope check.
 */
int
members_grant_remove(struct request *req)
{
	struct member		 m;
	struct grants		 gs;
	enum role_refusal	 why;
	enum weft_err		 e;
	long long		 gid = app_param_id(req, 1);
	char			 path[64];
	size_t			 i;
	int			 st;

	if ((st = members_target(req, PERM_ROLE_ASSIGN, &m)) != 0)
		return st;
	if ((e = role_load_grants(m.id, &gs)) != WEFT_OK)
		return app_status_of(e);
	for (i = 0; i < gs.n && gs.g[i].id != gid; i++)
		continue;
	if (gid <= 0 || i == gs.n)
		return 404;
	/* A deadlock between two removals (both lock the admins for rule 4)
	 * rolls one back whole; MariaDB's advice is to run it again, and
	 * the second run sees the other's commit: "last admin", not a bare
	 * conflict. */
	if ((e = role_grant_remove(&req->actor, gid, &why)) ==
	    WEFT_ERR_CONFLICT)
		e = role_grant_remove(&req->actor, gid, &why);
	if (e != WEFT_OK)
		return app_status_of(e);
	if (why != ROLE_OK)
		return grants_refuse_remove(req, &m, why);
	log_msg(LOGL_INFO, "member %lld: grant %lld removed", m.id, gid);
	snprintf(path, sizeof(path), "/members/%lld/roles", m.id);
	return app_redirect(req, path, N_("members.grants.flash.removed"));
}

/*
 * The profile's panel: the member's roles, for whoever may see the
 * profile (roles are not private: members need to know who coordinates),
 * and a link to manage them for a holder of role.assign over the member.
 */
enum weft_err
members_grants_panel(struct tmpl_dict *d, struct request *req,
    const struct member *m, struct member_grants *tg)
{
	struct tmpl_dict	*p;
	struct scope		 sc;

	/* Footnote 1: the payment coordinator's narrow view shows names and
	 * membership status only, not who coordinates what. */
	member_scope(m, &sc);
	if (!role_allows_full(&req->actor.grants, PERM_MEMBER_LIST, &sc))
		return WEFT_OK;
	p = tmpl_include(d, "GRANTS_PANEL", "members/grants_panel.tpl");
	tmpl_set_int(p, "MEMBER_ID", m->id);
	tmpl_set(p, "MEMBER_NAME", m->name);
	if (role_allows(&req->actor.grants, PERM_ROLE_ASSIGN, &sc))
		tmpl_show(p, "MANAGE");
	return grants_list(p, req, m, tg, 0);
}

