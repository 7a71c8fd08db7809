/*
 * Editing a member's profile (member.edit): the edit page and the save,
 * in one transaction with its audit row (docs/authorization.md rules 2
 * and 6).  A change of e-mail address is a takeover of the account and
 * is refused as setting the password would be (profile_takeover_may).
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "members.h"
#include "profile.h"
#include "util.h"
#include "valid.h"

/* The coordinator-only profile status, as in 002_members.sql. */
static const struct profile_pstatus {
	const char	*key;
	const char	*label_key;
} profile_pstatuses[] = {
	{ "new", "members.profile.pstatus.new" },
	{ "complete", "members.profile.pstatus.complete" },
	{ "incomplete", "members.profile.pstatus.incomplete" },
	{ "hidden", "members.profile.pstatus.hidden" },
};

/* lang and profile_status are checked against their lists instead. */
static const struct form_field profile_edit_fields[] = {
	{ "name", FORM_TEXT, 1, 1, 128 },
	{ "email", FORM_EMAIL, 1, 0, 254 },
	{ "phone", FORM_TEXT, 0, 0, 40 },
	{ "address", FORM_TEXT, 0, 0, 255 },
	{ "about", FORM_MULTILINE, 0, 0, 4000 },
	{ "is_organisation", FORM_BOOL, 0, 0, 0 },
};

/* Commits after the audit row; the answer is a 303 to path with flash. */
static int
profile_commit(struct request *req, const char *path, const char *flash)
{
	enum weft_err	 e;

	if ((e = db_commit()) != WEFT_OK)
		return app_status_of(e);
	return app_redirect(req, path, flash);
}

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
	for (i = 0; i < NELEM(profile_pstatuses); i++) {
		o = tmpl_section(d, "PSTATUS_OPTION");
		tmpl_set(o, "VALUE", profile_pstatuses[i].key);
		tmpl_set(o, "LABEL", app_text(req,
		    profile_pstatuses[i].label_key));
		if (strcmp(pstatus, profile_pstatuses[i].key) == 0)
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

int
profile_edit_stored(struct request *req, struct member *m,
    struct tmpl_dict **d)
{
	enum weft_err	 e;
	int		 st;

	if ((st = members_target(req, PERM_MEMBER_EDIT, m)) != 0)
		return st;
	if ((*d = profile_edit_page(req, m, m->lang, m->profile_status)) ==
	    NULL)
		return 500;
	if ((e = profile_edit_values(*d, m)) != WEFT_OK)
		return app_status_of(e);
	return 0;
}

/* GET /members/:id/edit. */
int
members_edit_form(struct request *req)
{
	struct member		 m;
	struct tmpl_dict	*d;
	int			 st;

	if ((st = profile_edit_stored(req, &m, &d)) != 0)
		return st;
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
profile_changes(const struct request *req, const struct member *m,
    const char *about, struct buf *b, struct buf *a)
{
	int	 n = 0, org = app_form(req, "is_organisation") != NULL;

	profile_diff(b, a, "name", m->name, app_form(req, "name"), &n);
	profile_diff(b, a, "email", m->email, app_form(req, "email"), &n);
	profile_diff(b, a, "phone", m->phone, app_form_str(req, "phone"),
	    &n);
	profile_diff(b, a, "address", m->address,
	    app_form_str(req, "address"), &n);
	profile_diff(b, a, "about", about, app_form_str(req, "about"),
	    &n);
	profile_diff(b, a, "lang", m->lang, app_form(req, "lang"), &n);
	profile_diff(b, a, "profile_status", m->profile_status,
	    app_form(req, "profile_status"), &n);
	profile_diff(b, a, "is_organisation", m->is_organisation ? "1" : "0",
	    org ? "1" : "0", &n);
	if (n > 0) {
		buf_puts(b, "}");
		buf_puts(a, "}");
	}
	return n;
}

/*
 * Changing someone's e-mail address is taking over their account as
 * surely as setting their password (a password reset goes to it): the
 * same rule (profile_takeover_may) refuses it, 403 and nothing written.
 * Returns 1 when the change may go on; else 0, the transaction rolled
 * back and *st the answer (app_error's 0 among them).
 */
static int
profile_email_may(struct request *req, const struct member *before,
    int *st)
{
	enum role_refusal	 why;
	enum weft_err		 e;

	if (strcmp(before->email, app_form_str(req, "email")) == 0)
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
profile_save(struct request *req, long long id)
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
	if (!profile_email_may(req, &before, &st))
		return st;
	buf_init(&b);
	buf_init(&a);
	buf_init(&about);
	snprintf(path, sizeof(path), "/members/%lld", id);
	if ((e = profile_about(id, &about)) == WEFT_OK &&
	    (n = profile_changes(req, &before, about.p, &b, &a)) > 0 &&
	    (e = buf_failed(&b) || buf_failed(&a) ? WEFT_ERR_NOMEM :
	    WEFT_OK) == WEFT_OK &&
	    (e = db_exec(sql, "sssssssii", app_form(req, "name"),
	    app_form(req, "email"), app_form_str(req, "phone"),
	    app_form_str(req, "address"), app_form_str(req, "about"),
	    app_form(req, "lang"), app_form(req, "profile_status"),
	    (long long)(app_form(req, "is_organisation") != NULL), id)) ==
	    WEFT_OK)
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

static int
profile_pstatus_ok(const char *v)
{
	size_t	 i;

	for (i = 0; v != NULL && i < NELEM(profile_pstatuses); i++)
		if (strcmp(v, profile_pstatuses[i].key) == 0)
			return 1;
	return 0;
}

/* POST /members/:id/edit: a message per field; nothing saved on error. */
int
members_edit(struct request *req)
{
	struct member		 m;
	struct tmpl_dict	*d;
	const char		*lang = app_form_str(req, "lang");
	const char		*ps = app_form_str(req, "profile_status");
	int			 st, bad;

	if ((st = members_target(req, PERM_MEMBER_EDIT, &m)) != 0)
		return st;
	if ((d = profile_edit_page(req, &m, lang, ps)) == NULL)
		return 500;
	bad = form_check(profile_edit_fields, NELEM(profile_edit_fields),
	    &req->form, app_lang(req), d) > 0;
	if (!profile_lang_ok(lang, m.lang)) {
		form_error(d, "lang", app_text(req, lang[0] == '\0' ?
		    valid_err_keys[VALID_EMPTY] : valid_err_keys[VALID_RANGE]));
		bad = 1;
	}
	if (!profile_pstatus_ok(ps)) {
		form_error(d, "profile_status", app_text(req, ps[0] == '\0' ?
		    valid_err_keys[VALID_EMPTY] : valid_err_keys[VALID_RANGE]));
		bad = 1;
	}
	if (bad)
		return app_render(req, 422);
	return profile_save(req, m.id);
}
