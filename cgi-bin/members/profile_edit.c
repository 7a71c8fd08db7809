/*
 * Editing a member's profile (member.edit): the edit page and the save,
 * in one transaction with its audit row (docs/authorization.md rules 2
 * and 6).  Rule 9: the actor's grants must cover the member's for any
 * change (members_may_change), and a change of e-mail address is a
 * takeover of the account (a password reset would reach the new
 * address), refused as setting the password would be.  The page offers
 * only what may succeed: no page at all when the profile may not be
 * changed, the e-mail address read-only and no password form when the
 * account may not be taken over, each with the reason.
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

/* lang (the member's own may stay) and profile_status are explained
 * after the others (members_edit). */
enum { E_NAME, E_EMAIL, E_PHONE, E_ADDRESS, E_ABOUT, E_ORG, E_LANG,
    E_PSTATUS, E_NEIGHBOURHOOD, E_COUNTY, E_AFFILIATION, E__MAX };
/* The site's member lists (lists.h), in enum list's order. */
#define E_LIST(i)	(E_NEIGHBOURHOOD + (i))
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
	[E_NEIGHBOURHOOD] = { "neighbourhood", FORM_ID, 0, 0, 0,
	    .flags = FORM_QUIET },
	[E_COUNTY] = { "county", FORM_ID, 0, 0, 0, .flags = FORM_QUIET },
	[E_AFFILIATION] = { "affiliation", FORM_ID, 0, 0, 0,
	    .flags = FORM_QUIET },
};

/*
 * The member lists' values sent (an item, or none), checked: an active
 * item or the one the member has.  ids[i] the choice; errs[i] NULL or
 * the message.  Returns how many are refused, -1 on a database error.
 */
static int
profile_lists(struct request *req, const struct form_value *v,
    const struct member *m, long long *ids, const char **errs)
{
	size_t	 i;
	int	 bad = 0, ok;

	for (i = 0; i < LISTS_MEMBER; i++) {
		errs[i] = NULL;
		ids[i] = v[E_LIST(i)].set ? v[E_LIST(i)].id : 0;
		if (!v[E_LIST(i)].sent)
			ids[i] = m->lists[i];	/* not on the form: kept */
		ok = v[E_LIST(i)].str[0] == '\0' || v[E_LIST(i)].set;
		if (ok && ids[i] != 0 && ids[i] != m->lists[i] &&
		    (ok = lists_ok((enum list)i, ids[i], m->lists[i])) < 0)
			return -1;
		if (!ok) {
			errs[i] = app_text(req, valid_err_keys[VALID_RANGE]);
			ids[i] = m->lists[i];
			bad++;
		}
	}
	return bad;
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

/*
 * Rule 9 for the edit page: *change for the profile, *takeover for the
 * password and the e-mail address (ROLE_OK, or why not).
 */
static enum weft_err
profile_rights(const struct request *req, const struct member *m,
    enum role_refusal *change, enum role_refusal *takeover)
{
	struct member_grants	 tg;
	enum weft_err		 e;

	member_grants_init(&tg, m->id);
	if ((e = members_may_change(req, m, &tg, 0, change)) != WEFT_OK)
		return e;
	*takeover = *change;
	if (*change != ROLE_OK)
		return WEFT_OK;
	return members_may_change(req, m, &tg, 1, takeover);
}

/* The edit page around its two forms; lang and pstatus select options;
 * without the password form, and the e-mail address read-only, when the
 * account may not be taken over (takeover, the reason). */
static struct tmpl_dict *
profile_edit_page(struct request *req, const struct member *m,
    const char *lang, const char *pstatus, enum role_refusal takeover)
{
	struct tmpl_dict	*d;
	size_t			 i;

	if ((d = app_page(req, "members/edit.tpl",
	    app_text(req, N_("members.profile.title.edit")))) == NULL)
		return NULL;
	if (takeover == ROLE_OK)
		tmpl_show(d, "PASSWORD_FORM");
	else {
		tmpl_show(d, "EMAIL_LOCKED");
		tmpl_set(d, "TAKEOVER_REASON", app_text(req,
		    role_refusal_keys[takeover]));
	}
	tmpl_set_int(d, "MEMBER_ID", m->id);
	tmpl_set(d, "MEMBER_NAME", m->name);
	tmpl_set(d, "MEMBER_USERNAME", m->username);
	form_lang_options(d, lang, m->lang);
	for (i = 0; i < PSTATUS__MAX; i++)
		form_option(d, "PSTATUS_OPTION", profile_pstatus_keys[i],
		    app_text(req, profile_pstatus_labels[i]),
		    strcmp(pstatus, profile_pstatus_keys[i]) == 0);
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
	if (e == WEFT_OK)
		e = lists_member_fields(d, tmpl_page_lang(d), m->lists,
		    m->lists, NULL);
	return e;
}

int
profile_edit_stored(struct request *req, struct member *m,
    struct tmpl_dict **d, int *st)
{
	enum role_refusal	 change, takeover;
	enum weft_err		 e;

	if ((*st = members_target(req, PERM_MEMBER_EDIT, m)) != 0)
		return -1;
	if ((e = profile_rights(req, m, &change, &takeover)) != WEFT_OK) {
		*st = app_status_of(e);
		return -1;
	}
	if (change != ROLE_OK) {
		*st = app_error(req, 403, app_text(req,
		    role_refusal_keys[change]));
		return -1;
	}
	*st = 500;
	if ((*d = profile_edit_page(req, m, m->lang, m->profile_status,
	    takeover)) == NULL)
		return -1;
	if ((e = profile_edit_values(*d, m)) != WEFT_OK) {
		*st = app_status_of(e);
		return -1;
	}
	return 0;
}

/* GET /members/:id/edit. */
int
members_edit_form(struct request *req)
{
	struct member		 m;
	struct tmpl_dict	*d;
	int			 st;

	if (profile_edit_stored(req, &m, &d, &st) == -1)
		return st;
	return app_render(req, 200);
}

/* Only the fields that change go to the audit row (before and after). */
static int
profile_changes(const struct form_value *v, const struct member *m,
    const char *about, const long long *ids, struct buf *b, struct buf *a)
{
	char	 was[24], now[24];
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < LISTS_MEMBER; i++) {
		snprintf(was, sizeof(was), "%lld", m->lists[i]);
		snprintf(now, sizeof(now), "%lld", ids[i]);
		audit_diff(b, a, lists_defs[i].field, was, now, &n);
	}
	audit_diff(b, a, "name", m->name, v[E_NAME].str, &n);
	audit_diff(b, a, "email", m->email, v[E_EMAIL].str, &n);
	audit_diff(b, a, "phone", m->phone, v[E_PHONE].str, &n);
	audit_diff(b, a, "address", m->address, v[E_ADDRESS].str, &n);
	audit_diff(b, a, "about", about, v[E_ABOUT].str, &n);
	audit_diff(b, a, "lang", m->lang, v[E_LANG].str, &n);
	audit_diff(b, a, "profile_status", m->profile_status,
	    v[E_PSTATUS].str, &n);
	audit_diff(b, a, "is_organisation", m->is_organisation ? "1" : "0",
	    v[E_ORG].on ? "1" : "0", &n);
	if (n > 0) {
		buf_puts(b, "}");
		buf_puts(a, "}");
	}
	return n;
}

/*
 * Rule 9 on the locked row, inside the edit's transaction: the actor's
 * grants must cover the member's, and changing their e-mail address is
 * taking over their account as surely as setting their password (a
 * password reset goes to it), so it needs the takeover's check too.
 * Returns 1 when the change may go on; else 0, the transaction rolled
 * back and *st the answer (a 403 page that says why).
 */
static int
profile_may_save(struct request *req, const struct member *before,
    const char *email, int *st)
{
	struct member_grants	 tg;
	enum role_refusal	 why;
	enum weft_err		 e;

	member_grants_init(&tg, before->id);
	if ((e = members_may_change(req, before, &tg,
	    strcmp(before->email, email) != 0, &why)) != WEFT_OK) {
		db_rollback();
		*st = app_status_of(e);
		return 0;
	}
	if (why == ROLE_OK)
		return 1;
	db_rollback();
	*st = app_error(req, 403, app_text(req, role_refusal_keys[why]));
	return 0;
}

/* The edit's transaction: re-read, compare, update, audit, commit.  A
 * form that changes nothing writes nothing, and so has no audit row. */
static int
profile_save(struct request *req, long long id, const struct form_value *v,
    const long long *ids)
{
	static const char sql[] = "UPDATE members SET name = ?, email = ?,"
	    " phone = ?, address = ?, about = ?, lang = ?, profile_status = ?,"
	    " is_organisation = ?, neighbourhood_id = NULLIF(?, 0),"
	    " county_id = NULLIF(?, 0), affiliation_id = NULLIF(?, 0),"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?";
	struct member	 before;
	struct buf	 b, a, about;
	char		 path[64];
	enum weft_err	 e;
	int		 st, n = 0;

	if ((st = members_lock(req, id, PERM_MEMBER_EDIT, &before)) != 0)
		return st;
	if (!profile_may_save(req, &before, v[E_EMAIL].str, &st))
		return st;
	buf_init(&b);
	buf_init(&a);
	buf_init(&about);
	snprintf(path, sizeof(path), "/members/%lld", id);
	if ((e = profile_about(id, &about)) == WEFT_OK &&
	    (n = profile_changes(v, &before, about.p, ids, &b, &a)) > 0 &&
	    (e = buf_failed(&b) || buf_failed(&a) ? WEFT_ERR_NOMEM :
	    WEFT_OK) == WEFT_OK &&
	    (e = db_exec(sql, "sssssssiiiii", v[E_NAME].str, v[E_EMAIL].str,
	    v[E_PHONE].str, v[E_ADDRESS].str, v[E_ABOUT].str, v[E_LANG].str,
	    v[E_PSTATUS].str, (long long)v[E_ORG].on, ids[0], ids[1], ids[2],
	    id)) == WEFT_OK)
		e = audit_write(&req->actor, "member.edit", "member", id,
		    before.community, b.p, a.p);
	if (e != WEFT_OK) {
		db_rollback();
		st = app_status_of(e);
	} else if (n == 0) {
		db_rollback();
		st = app_redirect(req, path, N_("members.profile.flash.unchanged"));
	} else
		st = profile_commit(req, path, N_("members.profile.flash.saved"));
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
	enum role_refusal	 change, takeover;
	const char		*lang, *errs[LISTS_MEMBER];
	long long		 ids[LISTS_MEMBER];
	enum weft_err		 e;
	int			 st, bad, nl;

	if ((st = members_target(req, PERM_MEMBER_EDIT, &m)) != 0)
		return st;
	if ((e = profile_rights(req, &m, &change, &takeover)) != WEFT_OK)
		return app_status_of(e);
	if (change != ROLE_OK)
		return app_error(req, 403, app_text(req,
		    role_refusal_keys[change]));
	bad = form_read(profile_edit_fields, E__MAX, &req->form,
	    app_lang(req), NULL, v) > 0;
	lang = v[E_LANG].str;
	if ((d = profile_edit_page(req, &m, lang, v[E_PSTATUS].str,
	    takeover)) == NULL)
		return 500;
	form_show(profile_edit_fields, E__MAX, v, app_lang(req), d);
	if (!form_lang_ok(lang, m.lang)) {
		form_error(d, "lang", app_text(req, lang[0] == '\0' ?
		    valid_err_keys[VALID_EMPTY] : valid_err_keys[VALID_RANGE]));
		bad = 1;
	}
	if (!v[E_PSTATUS].set) {
		form_error(d, "profile_status",
		    app_text(req, valid_err_keys[v[E_PSTATUS].err]));
		bad = 1;
	}
	if ((nl = profile_lists(req, v, &m, ids, errs)) < 0 ||
	    lists_member_fields(d, app_lang(req), ids, m.lists, errs) !=
	    WEFT_OK)
		return 503;
	for (st = 0; st < LISTS_MEMBER; st++)
		if (errs[st] != NULL)
			form_error(d, lists_defs[st].field, errs[st]);
	if (bad || nl > 0)
		return app_render(req, 422);
	return profile_save(req, m.id, v, ids);
}
