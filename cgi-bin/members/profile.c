/*
 * A member's profile as coordinators see it: the profile page with the
 * panels of the other families, editing it (member.edit), setting the
 * member's password, and adding a member (member.add).  ROLES.md rules 2
 * (scope on every object), 6 (every write audited, in its transaction)
 * and 8 (contact fields and profile status only for those who may see
 * them: member_fill) hold here.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "config.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "members.h"
#include "valid.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define PROFILE_COMMUNITIES_MAX	64

/* The languages a member may choose; as account.c, until the
 * translations area brings its languages table. */
static const struct profile_lang {
	const char	*tag;
	const char	*label;
} profile_langs[] = {
	{ "en", "English" },
	{ "es", "Español" },
};

/* The coordinator-only profile status, as in 002_members.sql, and the
 * phrase of each. */
enum profile_pstatus {
	PSTATUS_NEW,
	PSTATUS_COMPLETE,
	PSTATUS_INCOMPLETE,
	PSTATUS_HIDDEN,
	PSTATUS__MAX
};
static const char *const profile_pstatus_keys[PSTATUS__MAX] = {
	[PSTATUS_NEW] = "new",
	[PSTATUS_COMPLETE] = "complete",
	[PSTATUS_INCOMPLETE] = "incomplete",
	[PSTATUS_HIDDEN] = "hidden",
};
static const char *const profile_pstatus_labels[PSTATUS__MAX] = {
	[PSTATUS_NEW] = "members.profile.pstatus.new",
	[PSTATUS_COMPLETE] = "members.profile.pstatus.complete",
	[PSTATUS_INCOMPLETE] = "members.profile.pstatus.incomplete",
	[PSTATUS_HIDDEN] = "members.profile.pstatus.hidden",
};

static const char *
profile_lang(const struct request *req)
{
	return req->actor.lang[0] != '\0' ? req->actor.lang : "en";
}

/* Options of the language select; `current` (the member's stored
 * language) is offered too when it is not in the list, so that saving
 * the form does not change it unasked. */
static void
profile_lang_options(struct tmpl_dict *d, const char *selected,
    const char *current)
{
	struct tmpl_dict	*o;
	size_t			 i;
	int			 listed = 0;

	for (i = 0; i < NELEM(profile_langs); i++) {
		o = tmpl_section(d, "LANG_OPTION");
		tmpl_set(o, "VALUE", profile_langs[i].tag);
		tmpl_set(o, "LABEL", profile_langs[i].label);
		if (strcmp(selected, profile_langs[i].tag) == 0)
			tmpl_show(o, "SELECTED");
		if (strcmp(current, profile_langs[i].tag) == 0)
			listed = 1;
	}
	if (!listed && current[0] != '\0') {
		o = tmpl_section(d, "LANG_OPTION");
		tmpl_set(o, "VALUE", current);
		tmpl_set(o, "LABEL", current);
		if (strcmp(selected, current) == 0)
			tmpl_show(o, "SELECTED");
	}
}

static int
profile_lang_ok(const char *tag, const char *current)
{
	size_t	 i;

	for (i = 0; i < NELEM(profile_langs); i++)
		if (strcmp(tag, profile_langs[i].tag) == 0)
			return 1;
	return current[0] != '\0' && strcmp(tag, current) == 0;
}

/* Commits after the audit row; the answer is a 303 to path with flash. */
static int
profile_commit(struct request *req, const char *path, const char *flash)
{
	enum weft_err	 e;

	if ((e = db_commit()) != WEFT_OK)
		return app_status_of(e);
	return app_redirect(req, path, flash);
}

/* ---- the profile page ------------------------------------------------ */

/* The panels of the other families, each added when the actor may see
 * it (members.h); the member's grants are read once for the two panels
 * that show them or decide by them. */
static enum weft_err
profile_panels(struct tmpl_dict *d, struct request *req,
    const struct member *m)
{
	struct member_grants	 tg;
	enum weft_err		 e;

	member_grants_init(&tg, m->id);
	if ((e = members_status_panel(d, req, m)) != WEFT_OK ||
	    (e = members_notes_panel(d, req, m)) != WEFT_OK ||
	    (e = members_angels_panel(d, req, m)) != WEFT_OK ||
	    (e = members_become_panel(d, req, m, &tg)) != WEFT_OK ||
	    (e = members_grants_panel(d, req, m, &tg)) != WEFT_OK)
		return e;
	return WEFT_OK;
}

/*
 * GET /members/:id.  The payment coordinator's view is narrow (ROLES.md
 * footnote 1): name and membership status only, so role_allows_full()
 * decides between the two views.
 */
int
members_show(struct request *req)
{
	struct member		 m;
	struct tmpl_dict	*d;
	struct scope		 sc;
	enum weft_err		 e;
	int			 st;

	if ((st = members_target(req, PERM_MEMBER_LIST, &m)) != 0)
		return st;
	if ((d = app_page(req, "members/show.tpl", m.name)) == NULL)
		return 500;
	member_scope(&m, &sc);
	if (!role_allows_full(&req->actor.grants, PERM_MEMBER_LIST, &sc)) {
		tmpl_show(d, "NARROW");
		tmpl_set(d, "MEMBER_NAME", m.name);
		tmpl_show(d, m.status == MEMBER_APPLYING ? "MEMBER_APPLYING" :
		    m.status == MEMBER_APPROVED ? "MEMBER_APPROVED" :
		    "MEMBER_DISABLED");
	} else {
		tmpl_show(d, "FULL");
		member_fill(d, req, &m);
		/* ctemplate has no "else": the other side of two flags. */
		if (!m.is_organisation)
			tmpl_show(d, "MEMBER_PERSON");
		if (!m.optout)
			tmpl_show(d, "MEMBER_OPTIN");
		if (role_allows(&req->actor.grants, PERM_MEMBER_EDIT, &sc))
			tmpl_show(d, "EDIT_LINK");
	}
	if ((e = profile_panels(d, req, &m)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, 200);
}

/* ---- editing --------------------------------------------------------- */

/* lang (the member's own may stay) and profile_status are explained
 * after the others (members_edit). */
enum { E_NAME, E_EMAIL, E_PHONE, E_ADDRESS, E_ABOUT, E_ORG, E_LANG,
    E_PSTATUS, E__MAX };
static const struct form_field profile_edit_fields[E__MAX] = {
	[E_NAME] = { "name", FORM_TEXT, 1, 1, 128 },
	[E_EMAIL] = { "email", FORM_EMAIL, 1, 0, 254 },
	[E_PHONE] = { "phone", FORM_TEXT, 0, 0, 40 },
	[E_ADDRESS] = { "address", FORM_TEXT, 0, 0, 255 },
	[E_ABOUT] = { "about", FORM_MULTILINE, 0, 0, 4000 },
	[E_ORG] = { "is_organisation", FORM_BOOL, 0, 0, 0 },
	[E_LANG] = { "lang", FORM_LANG, 0, 0, 0, .flags = FORM_QUIET },
	[E_PSTATUS] = { "profile_status", FORM_CHOICE, 1, 0, 0,
	    FORM_CHOICES(profile_pstatus_keys), .flags = FORM_QUIET },
};

enum { PW_PASSWORD, PW_PASSWORD2, PW__MAX };
static const struct form_field profile_password_fields[PW__MAX] = {
	[PW_PASSWORD] = { "password", FORM_PASSWORD, 1, 0, 0 },
	[PW_PASSWORD2] = { "password2", FORM_PASSWORD, 1, 1, 1024 },
};

/* The edit page around its two forms; lang and pstatus select options. */
static struct tmpl_dict *
profile_edit_page(struct request *req, const struct member *m,
    const char *lang, const char *pstatus)
{
	struct tmpl_dict	*d, *o;
	size_t			 i;

	if ((d = app_page(req, "members/edit.tpl",
	    app_text(req, "members.profile.title.edit"))) == NULL)
		return NULL;
	tmpl_set_int(d, "MEMBER_ID", m->id);
	tmpl_set(d, "MEMBER_NAME", m->name);
	tmpl_set(d, "MEMBER_USERNAME", m->username);
	profile_lang_options(d, lang, m->lang);
	for (i = 0; i < PSTATUS__MAX; i++) {
		o = tmpl_section(d, "PSTATUS_OPTION");
		tmpl_set(o, "VALUE", profile_pstatus_keys[i]);
		tmpl_set(o, "LABEL", app_text(req, profile_pstatus_labels[i]));
		if (strcmp(pstatus, profile_pstatus_keys[i]) == 0)
			tmpl_show(o, "SELECTED");
	}
	return d;
}

/*
 * The member's "about" text whole, into out.  struct member holds at most
 * 4095 bytes of it, and 4000 characters may take more: the form must
 * show, and the comparison see, what is stored, or saving the form would
 * cut the text short.
 */
static enum weft_err
profile_about(long long id, struct buf *out)
{
	struct db_rows	*r;
	enum weft_err	 e;

	if ((e = db_query(&r, "SELECT about FROM members WHERE id = ?", "i",
	    id)) != WEFT_OK)
		return e;
	if (db_next(r) && db_str(r, 0) != NULL)
		buf_append(out, db_str(r, 0), db_len(r, 0));
	else
		buf_puts(out, "");
	db_rows_free(r);
	return buf_failed(out) ? WEFT_ERR_NOMEM : WEFT_OK;
}

/* The stored values in the profile form (a GET, or beside a refused
 * password change). */
static enum weft_err
profile_edit_values(struct tmpl_dict *d, const struct member *m)
{
	struct buf	 about;
	enum weft_err	 e;

	buf_init(&about);
	if ((e = profile_about(m->id, &about)) == WEFT_OK)
		tmpl_set(d, "ABOUT", about.p);
	buf_free(&about);
	tmpl_set(d, "NAME", m->name);
	tmpl_set(d, "EMAIL", m->email);
	tmpl_set(d, "PHONE", m->phone);
	tmpl_set(d, "ADDRESS", m->address);
	if (m->is_organisation)
		tmpl_show(d, "IS_ORGANISATION_CHECKED");
	return e;
}

/* GET /members/:id/edit. */
int
members_edit_form(struct request *req)
{
	struct member		 m;
	struct tmpl_dict	*d;
	enum weft_err		 e;
	int			 st;

	if ((st = members_target(req, PERM_MEMBER_EDIT, &m)) != 0)
		return st;
	if ((d = profile_edit_page(req, &m, m.lang, m.profile_status)) ==
	    NULL)
		return 500;
	if ((e = profile_edit_values(d, &m)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, 200);
}

/* One changed field in the audit's before and after objects. */
static void
profile_diff(struct buf *b, struct buf *a, const char *key,
    const char *old, const char *new, int *n)
{
	if (strcmp(old, new) == 0)
		return;
	buf_puts(b, *n ? "," : "{");
	buf_puts(a, *n ? "," : "{");
	buf_json_str(b, key);
	buf_puts(b, ":");
	buf_json_str(b, old);
	buf_json_str(a, key);
	buf_puts(a, ":");
	buf_json_str(a, new);
	(*n)++;
}

/* Only the fields that change go to the audit row (before and after). */
static int
profile_changes(const struct form_value *v, const struct member *m,
    const char *about, struct buf *b, struct buf *a)
{
	int	 n = 0;

	profile_diff(b, a, "name", m->name, v[E_NAME].str, &n);
	profile_diff(b, a, "email", m->email, v[E_EMAIL].str, &n);
	profile_diff(b, a, "phone", m->phone, v[E_PHONE].str, &n);
	profile_diff(b, a, "address", m->address, v[E_ADDRESS].str, &n);
	profile_diff(b, a, "about", about, v[E_ABOUT].str, &n);
	profile_diff(b, a, "lang", m->lang, v[E_LANG].str, &n);
	profile_diff(b, a, "profile_status", m->profile_status,
	    v[E_PSTATUS].str, &n);
	profile_diff(b, a, "is_organisation", m->is_organisation ? "1" : "0",
	    v[E_ORG].on ? "1" : "0", &n);
	if (n > 0) {
		buf_puts(b, "}");
		buf_puts(a, "}");
	}
	return n;
}

static enum weft_err profile_takeover_may(const struct request *,
		    const struct member *, enum role_refusal *);

/*
 * Changing someone's e-mail address is taking over their account as
 * surely as setting their password (a password reset goes to it): the
 * same rule (profile_takeover_may) refuses it, 403 and nothing written.
 * Returns 1 when the change may go on; else 0, the transaction rolled
 * back and *st the answer (app_error's 0 among them).
 */
static int
profile_email_may(struct request *req, const struct member *before,
    const char *email, int *st)
{
	enum role_refusal	 why;
	enum weft_err		 e;

	if (strcmp(before->email, email) == 0)
		return 1;
	if ((e = profile_takeover_may(req, before, &why)) != WEFT_OK) {
		db_rollback();
		*st = app_status_of(e);
		return 0;
	}
	if (why == ROLE_OK)
		return 1;
	db_rollback();
	*st = app_error(req, 403, app_text(req, why ==
	    ROLE_REFUSE_OUT_OF_SCOPE ? role_refusal_keys[why] :
	    "members.profile.error.email_rights"));
	return 0;
}

/* The edit's transaction: re-read, compare, update, audit, commit.  A
 * form that changes nothing writes nothing, and so has no audit row. */
static int
profile_save(struct request *req, long long id, const struct form_value *v)
{
	static const char sql[] = "UPDATE members SET name = ?, email = ?,"
	    " phone = ?, address = ?, about = ?, lang = ?, profile_status = ?,"
	    " is_organisation = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?";
	struct member	 before;
	struct buf	 b, a, about;
	char		 path[64];
	enum weft_err	 e;
	int		 st, n = 0;

	if ((st = members_lock(req, id, PERM_MEMBER_EDIT, &before)) != 0)
		return st;
	if (!profile_email_may(req, &before, v[E_EMAIL].str, &st))
		return st;
	buf_init(&b);
	buf_init(&a);
	buf_init(&about);
	snprintf(path, sizeof(path), "/members/%lld", id);
	if ((e = profile_about(id, &about)) == WEFT_OK &&
	    (n = profile_changes(v, &before, about.p, &b, &a)) > 0 &&
	    (e = buf_failed(&b) || buf_failed(&a) ? WEFT_ERR_NOMEM :
	    WEFT_OK) == WEFT_OK &&
	    (e = db_exec(sql, "sssssssii", v[E_NAME].str, v[E_EMAIL].str,
	    v[E_PHONE].str, v[E_ADDRESS].str, v[E_ABOUT].str, v[E_LANG].str,
	    v[E_PSTATUS].str, (long long)v[E_ORG].on, id)) == WEFT_OK)
		e = audit_write(&req->actor, "member.edit", "member", id,
		    before.community, b.p, a.p);
	if (e != WEFT_OK) {
		db_rollback();
		st = app_status_of(e);
	} else if (n == 0) {
		db_rollback();
		st = app_redirect(req, path, "members.profile.flash.unchanged");
	} else
		st = profile_commit(req, path, "members.profile.flash.saved");
	buf_free(&b);
	buf_free(&a);
	buf_free(&about);
	return st;
}

/* POST /members/:id/edit: a message per field; nothing saved on error. */
int
members_edit(struct request *req)
{
	struct form_value	 v[E__MAX];
	struct member		 m;
	struct tmpl_dict	*d;
	const char		*lang;
	int			 st, bad;

	if ((st = members_target(req, PERM_MEMBER_EDIT, &m)) != 0)
		return st;
	bad = form_read(profile_edit_fields, E__MAX, &req->form,
	    profile_lang(req), NULL, v) > 0;
	lang = v[E_LANG].str;
	if ((d = profile_edit_page(req, &m, lang, v[E_PSTATUS].str)) == NULL)
		return 500;
	form_show(profile_edit_fields, E__MAX, v, profile_lang(req), d);
	if (!profile_lang_ok(lang, m.lang)) {
		form_error(d, "lang", app_text(req, lang[0] == '\0' ?
		    valid_err_keys[VALID_EMPTY] : valid_err_keys[VALID_RANGE]));
		bad = 1;
	}
	if (!v[E_PSTATUS].set) {
		form_error(d, "profile_status",
		    app_text(req, valid_err_keys[v[E_PSTATUS].err]));
		bad = 1;
	}
	if (bad)
		return app_render(req, 422);
	return profile_save(req, m.id, v);
}

/* ---- the member's password ------------------------------------------- */

/* The coordinator set their own password here: this browser gets a
 * fresh session, as after /me/password, since every other one ended. */
static int
profile_own_session(struct request *req)
{
	char	 token[AUTH_TOKEN_HEX];

	if (auth_session_create(req->actor.member_id, req->actor.addr,
	    token) != WEFT_OK)
		return -1;
	http_cookie(&req->resp, auth_cookie_name(), token, -1,
	    HTTP_COOKIE_HTTPONLY |
	    (config.cookie_secure ? HTTP_COOKIE_SECURE : 0));
	explicit_bzero(token, sizeof(token));
	return 0;
}

/*
 * Setting someone's password (or e-mail address: profile_email_may) is
 * taking over their account, so it must not raise privileges either (the
 * reasoning of ROLES.md rule 5): the target's grants must all be covered
 * by the actor's, as for "become".  One's own password or address is
 * always fine; a site admin may set another site admin's (rule 5 keeps
 * admins from becoming each other, but an admin already holds everything
 * the other does).  Returns ROLE_OK or why not, in *why.
 */
static enum weft_err
profile_takeover_may(const struct request *req, const struct member *m,
    enum role_refusal *why)
{
	static const struct scope site = { SCOPE_SITE, 0, "" };
	struct grants	 tg;
	struct scope	 sc;
	enum weft_err	 e;
	size_t		 i;

	*why = ROLE_OK;
	if (m->id == req->actor.acting_id)
		return WEFT_OK;
	if ((e = role_load_grants(m->id, &tg)) != WEFT_OK)
		return e;
	if (tg.n == 0)
		return WEFT_OK;
	member_scope(m, &sc);
	*why = role_may_become(&req->actor.grants, req->actor.acting_id, &tg,
	    m->id, &sc, 0);
	if (*why == ROLE_REFUSE_SITE_ADMIN)
		for (i = 0; i < req->actor.grants.n; i++)
			if (req->actor.grants.g[i].role == ROLE_ADMIN &&
			    scope_covers(&req->actor.grants.g[i].scope, &site))
				*why = ROLE_OK;
	return WEFT_OK;
}

/*
 * The new hash, the end of the member's sessions and the audit row, in
 * one transaction.  The audit row says that the password changed, never
 * what to: no hash in the log.
 */
static int
profile_password_store(struct request *req, long long id, const char *hash)
{
	struct member		 before;
	enum role_refusal	 why;
	char			 path[64];
	enum weft_err		 e;
	int			 st;

	if ((st = members_lock(req, id, PERM_MEMBER_EDIT, &before)) != 0)
		return st;
	if ((e = profile_takeover_may(req, &before, &why)) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	if (why != ROLE_OK) {
		db_rollback();
		return app_error(req, 403, app_text(req, why ==
		    ROLE_REFUSE_OUT_OF_SCOPE ? role_refusal_keys[why] :
		    "members.profile.error.password_rights"));
	}
	if ((e = db_exec("UPDATE members SET password_hash = ?,"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?", "si", hash, id)) !=
	    WEFT_OK ||
	    (e = auth_sessions_end_member(id)) != WEFT_OK ||
	    (e = audit_write(&req->actor, "member.password", "member", id,
	    before.community, NULL,
	    "{\"password\":\"changed\",\"sessions_ended\":true}")) != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	if ((e = db_commit()) != WEFT_OK)
		return app_status_of(e);
	log_msg(LOGL_INFO, "password of member %lld set by a coordinator", id);
	if (id == req->actor.member_id && id == req->actor.acting_id &&
	    profile_own_session(req) == -1)
		return 500;
	snprintf(path, sizeof(path), "/members/%lld", id);
	return app_redirect(req, path, "members.profile.flash.password");
}

/* POST /members/:id/password: the new password twice; every session of
 * the member ends with the change. */
int
members_password(struct request *req)
{
	struct form_value	 v[PW__MAX];
	struct member		 m;
	struct tmpl_dict	*d;
	char			 hash[AUTH_HASH_MAX];
	enum weft_err		 e;
	int			 st, bad;

	if ((st = members_target(req, PERM_MEMBER_EDIT, &m)) != 0)
		return st;
	if ((d = profile_edit_page(req, &m, m.lang, m.profile_status)) ==
	    NULL)
		return 500;
	if ((e = profile_edit_values(d, &m)) != WEFT_OK)
		return app_status_of(e);
	bad = form_read(profile_password_fields, PW__MAX, &req->form,
	    profile_lang(req), d, v) > 0;
	if (!bad && strcmp(v[PW_PASSWORD].str, v[PW_PASSWORD2].str) != 0) {
		form_error(d, "password2", app_text(req, "password.mismatch"));
		bad = 1;
	}
	if (bad)
		return app_render(req, 422);
	if ((e = auth_password_hash(v[PW_PASSWORD].str, hash, sizeof(hash))) !=
	    WEFT_OK)
		return app_status_of(e);
	st = profile_password_store(req, m.id, hash);
	explicit_bzero(hash, sizeof(hash));
	return st;
}

/* ---- adding a member ------------------------------------------------- */

/* The status a new account starts with. */
static const char *const profile_new_statuses[] = { "applying", "approved" };

/* community, status and lang are checked by profile_new_check(). */
enum { A_USERNAME, A_NAME, A_EMAIL, A_PASSWORD, A_PASSWORD2, A_COMMUNITY,
    A_STATUS, A_LANG, A__MAX };
static const struct form_field profile_new_fields[A__MAX] = {
	[A_USERNAME] = { "username", FORM_USERNAME, 1, 0, 0 },
	[A_NAME] = { "name", FORM_TEXT, 1, 1, 128 },
	[A_EMAIL] = { "email", FORM_EMAIL, 1, 0, 254 },
	[A_PASSWORD] = { "password", FORM_PASSWORD, 0, 0, 0 },
	[A_PASSWORD2] = { "password2", FORM_PASSWORD, 0, 1, 1024 },
	[A_COMMUNITY] = { "community", FORM_ID, 0, 0, 0, .flags = FORM_QUIET },
	[A_STATUS] = { "status", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(profile_new_statuses), .flags = FORM_QUIET },
	[A_LANG] = { "lang", FORM_LANG, 0, 0, 0, .flags = FORM_QUIET },
};

/* Is id among the communities the actor's perm covers (ids/n/site as
 * members_scope_ids() gives them)? */
static int
profile_in_scope(long long id, int site, const long long *ids, size_t n)
{
	size_t	 i;

	if (site)
		return 1;
	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/*
 * The add form: the community select holds the communities the actor's
 * member.add covers, and "none" for site holders only (a member of no
 * community is in site scope: only site grants reach them).
 */
static struct tmpl_dict *
profile_new_page(struct request *req, const char *comm, const char *status,
    const char *lang)
{
	long long		 ids[PROFILE_COMMUNITIES_MAX];
	struct tmpl_dict	*d, *o;
	struct db_rows		*r = NULL;
	size_t			 n;
	int			 site;

	if ((d = app_page(req, "members/new.tpl",
	    app_text(req, "members.profile.title.new"))) == NULL)
		return NULL;
	n = members_scope_ids(&req->actor, PERM_MEMBER_ADD, &site, ids,
	    NELEM(ids));
	tmpl_show(d, site ? "COMMUNITY_NONE" : "COMMUNITY_CHOOSE");
	if (db_query(&r, "SELECT id, name FROM communities ORDER BY name, id",
	    "") != WEFT_OK)
		return NULL;
	while (db_next(r)) {
		if (!profile_in_scope(db_int(r, 0), site, ids, n))
			continue;
		o = tmpl_section(d, "COMMUNITY_OPTION");
		tmpl_set(o, "VALUE", db_str(r, 0));
		tmpl_set(o, "LABEL", db_str(r, 1));
		if (strcmp(comm, db_str(r, 0)) == 0)
			tmpl_show(o, "SELECTED");
	}
	db_rows_free(r);
	tmpl_show(d, strcmp(status, "approved") == 0 ? "STATUS_APPROVED" :
	    "STATUS_APPLYING");
	profile_lang_options(d, lang, "");
	return d;
}

/* The checks the table cannot make; *comm gets the community (0: none).
 * Returns how many fields are wrong, or -1 on a database error. */
static int
profile_new_check(struct request *req, struct tmpl_dict *d,
    const struct form_value *v, long long *comm)
{
	long long	 ids[PROFILE_COMMUNITIES_MAX], known = 0;
	const char	*pw = v[A_PASSWORD].str;
	struct scope	 sc = { SCOPE_SITE, 0, "" };
	size_t		 n;
	int		 site, comm_ok, bad = 0, approved;

	*comm = 0;
	n = members_scope_ids(&req->actor, PERM_MEMBER_ADD, &site, ids,
	    NELEM(ids));
	if (pw[0] != '\0' && strcmp(pw, v[A_PASSWORD2].str) != 0) {
		form_error(d, "password2", app_text(req, "password.mismatch"));
		bad++;
	}
	if (v[A_COMMUNITY].str[0] != '\0') {
		*comm = v[A_COMMUNITY].set ? v[A_COMMUNITY].id : 0;
		if (*comm > 0 && db_query_int(&known, "SELECT COUNT(*) FROM"
		    " communities WHERE id = ?", "i", *comm) != WEFT_OK)
			return -1;
		comm_ok = *comm > 0 && known > 0 &&
		    profile_in_scope(*comm, site, ids, n);
	} else
		comm_ok = site;
	if (!comm_ok) {
		form_error(d, "community", app_text(req,
		    "members.profile.error.community"));
		bad++;
	} else if (*comm > 0) {
		sc.kind = SCOPE_COMMUNITY;
		sc.community = *comm;
	}
	approved = v[A_STATUS].set && v[A_STATUS].choice == 1;
	if (!v[A_STATUS].set) {
		form_error(d, "status", app_text(req,
		    valid_err_keys[VALID_RANGE]));
		bad++;
	} else if (approved && comm_ok &&
	    !role_allows(&req->actor.grants, PERM_MEMBER_APPROVE, &sc)) {
		form_error(d, "status", app_text(req,
		    "members.profile.error.approve"));
		bad++;
	}
	if (!profile_lang_ok(v[A_LANG].str, "")) {
		form_error(d, "lang", app_text(req,
		    valid_err_keys[VALID_RANGE]));
		bad++;
	}
	return bad;
}

/* GET /members/new. */
int
members_new_form(struct request *req)
{
	if (profile_new_page(req, "", "applying", "en") == NULL)
		return 500;
	return app_render(req, 200);
}

/* {"username":...,"name":...,...}: the audit's after of a new member. */
static void
profile_new_json(struct buf *a, const struct form_value *v, long long comm)
{
	buf_puts(a, "{\"username\":");
	buf_json_str(a, v[A_USERNAME].str);
	buf_puts(a, ",\"name\":");
	buf_json_str(a, v[A_NAME].str);
	buf_puts(a, ",\"email\":");
	buf_json_str(a, v[A_EMAIL].str);
	buf_puts(a, ",\"status\":");
	buf_json_str(a, v[A_STATUS].str);
	buf_printf(a, ",\"community\":%lld,\"lang\":", comm);
	buf_json_str(a, v[A_LANG].str);
	buf_printf(a, ",\"password_set\":%s}",
	    v[A_PASSWORD].str[0] != '\0' ? "true" : "false");
}

/*
 * The insert and its audit row.  Without a password the account gets the
 * hash of a random secret that is thrown away: nobody can log in until a
 * coordinator sets a password, and a log-in attempt meanwhile is an
 * ordinary "wrong password" (a non-argon2 marker such as "!" would make
 * auth_login() fail with an error instead).  A taken username is a field
 * error: the unique key decides, so two racing adds cannot both win.
 */
static int
profile_insert(struct request *req, struct tmpl_dict *d,
    const struct form_value *v, long long comm)
{
	static const char sql[] = "INSERT INTO members (username, email, name,"
	    " password_hash, status, lang, community_id, about, approved_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, 0), '',"
	    " IF(? = 'approved', UTC_TIMESTAMP(), NULL))";
	const char	*pw = v[A_PASSWORD].str;
	char		 hash[AUTH_HASH_MAX], secret[AUTH_TOKEN_HEX], path[64];
	struct buf	 a;
	enum weft_err	 e;
	long long	 id = 0;

	if (pw[0] == '\0') {
		if ((e = auth_random_hex(secret)) != WEFT_OK)
			return app_status_of(e);
		pw = secret;
	}
	e = auth_password_hash(pw, hash, sizeof(hash));
	explicit_bzero(secret, sizeof(secret));
	if (e != WEFT_OK)
		return app_status_of(e);
	buf_init(&a);
	profile_new_json(&a, v, comm);
	if ((e = buf_failed(&a) ? WEFT_ERR_NOMEM : db_begin()) == WEFT_OK &&
	    (e = db_exec(sql, "ssssssis", v[A_USERNAME].str, v[A_EMAIL].str,
	    v[A_NAME].str, hash, v[A_STATUS].str, v[A_LANG].str, comm,
	    v[A_STATUS].str)) == WEFT_OK) {
		id = db_insert_id();
		if ((e = audit_write(&req->actor, "member.add", "member", id,
		    comm, NULL, a.p)) == WEFT_OK)
			e = db_commit();
	}
	explicit_bzero(hash, sizeof(hash));
	buf_free(&a);
	if (e == WEFT_ERR_DUPLICATE) {
		db_rollback();
		form_error(d, "username", app_text(req,
		    "signup.username_taken"));
		return app_render(req, 422);
	}
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	snprintf(path, sizeof(path), "/members/%lld", id);
	return app_redirect(req, path, "members.profile.flash.added");
}

/* POST /members/new. */
int
members_new(struct request *req)
{
	struct form_value	 v[A__MAX];
	struct tmpl_dict	*d;
	long long		 comm;
	int			 bad, more;

	bad = form_read(profile_new_fields, A__MAX, &req->form,
	    profile_lang(req), NULL, v) > 0;
	if ((d = profile_new_page(req, v[A_COMMUNITY].str, v[A_STATUS].str,
	    v[A_LANG].str)) == NULL)
		return 500;
	form_show(profile_new_fields, A__MAX, v, profile_lang(req), d);
	if ((more = profile_new_check(req, d, v, &comm)) == -1)
		return 500;
	if (bad || more > 0)
		return app_render(req, 422);
	return profile_insert(req, d, v, comm);
}

const struct i18n_phrase members_profile_phrases[] = {
	{ "members.profile.error.approve", "You may not approve members in "
	    "this Community Timebank: choose \"Applying\"." },
	{ "members.profile.error.community", "Choose one of the Community "
	    "Timebanks you coordinate." },
	{ "members.profile.error.email_rights", "This member holds roles "
	    "you do not hold: changing their e-mail address would give you "
	    "their rights." },
	{ "members.profile.error.password_rights", "This member holds roles "
	    "you do not hold: setting their password would give you their "
	    "rights." },
	{ "members.profile.flash.added", "The member has been added." },
	{ "members.profile.flash.password", "The password has been set. "
	    "Every session of this member has ended." },
	{ "members.profile.flash.saved", "The profile has been saved." },
	{ "members.profile.flash.unchanged", "Nothing was changed." },
	{ "members.profile.pstatus.complete", "Complete" },
	{ "members.profile.pstatus.hidden", "Hidden" },
	{ "members.profile.pstatus.incomplete", "Incomplete" },
	{ "members.profile.pstatus.new", "New" },
	{ "members.profile.title.edit", "Edit a member's profile" },
	{ "members.profile.title.new", "Add a member" },
};
const size_t members_profile_nphrases =
    sizeof(members_profile_phrases) / sizeof(members_profile_phrases[0]);
