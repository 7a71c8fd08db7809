/*
 * Profiles and passwords in the account area: one's own (/me,
 * /me/password; the acting member's while "become" is active) and, for a
 * guardian angel while the member's Guardian Angel Mode is on and for a
 * manager of an organisation, those of the member they act for
 * (/me/for/:id, /me/for/:id/password), on act_for(), the check that the
 * member's ads and exchanges use too (docs/authorization.md "Who is
 * who").  The form is the member's own: no coordinator-only field.
 *
 * Audit (rules 5 and 6): a member's own changes are self-service and
 * write no audit row; a change made for the member by someone else
 * ("become" is active, or an angel or a manager writes: audit_on_behalf)
 * writes one, with the real and the acting member, in the transaction of
 * the change.
 *
 * Rule 9: an angel or a manager changes the member's account only when
 * their grants cover the member's (a member holding roles is not a plain
 * angel's to change), and setting the member's password or e-mail
 * address is a takeover, which also needs every member that account acts
 * for within their reach (act_may_change).  While "become" is active,
 * changing the e-mail address of the account one became is a takeover by
 * the real member, checked on their own grants.
 *
 * The angel or manager is asked for no password: not the member's, which
 * they need not know, nor their own, as a coordinator setting a password
 * is not asked for theirs.  The member's sessions end with the new
 * password, and the audit row says who set it.
 */
#include <stdio.h>
#include <string.h>

#include "account.h"
#include "act.h"
#include "audit.h"
#include "buf.h"
#include "db.h"
#include "form.h"
#include "lists.h"
#include "log.h"
#include "mail_notice.h"
#include "outbox.h"
#include "talents.h"
#include "util.h"
#include "valid.h"

/* The community field comes last: only applying members have it (an
 * approved member's community is a coordinator's, member.community).
 * The language is checked against i18n_langs[] instead, and the site's
 * lists (neighbourhood, county, affiliation: lists.h, in enum list's
 * order) by lists_member_values(). */
enum { P_NAME, P_EMAIL, P_PHONE, P_ADDRESS, P_ABOUT, P_LANG,
    P_NEIGHBOURHOOD, P_COUNTY, P_AFFILIATION, P_COMMUNITY, P__MAX };
#define P_LIST(i)	(P_NEIGHBOURHOOD + (i))
static const struct form_field profile_fields[P__MAX] = {
	[P_NAME] = { "name", FORM_TEXT, 1, 1, 128 },
	[P_EMAIL] = { "email", FORM_EMAIL, 1, 0, 254 },
	[P_PHONE] = { "phone", FORM_TEXT, 0, 0, 40 },
	[P_ADDRESS] = { "address", FORM_TEXT, 0, 0, 255 },
	[P_ABOUT] = { "about", FORM_MULTILINE, 0, 0, 4000 },
	[P_LANG] = { "lang", FORM_LANG, 0, 0, 0, .flags = FORM_QUIET },
	[P_NEIGHBOURHOOD] = { "neighbourhood", FORM_ID, 0, 0, 0,
	    .flags = FORM_QUIET },
	[P_COUNTY] = { "county", FORM_ID, 0, 0, 0, .flags = FORM_QUIET },
	[P_AFFILIATION] = { "affiliation", FORM_ID, 0, 0, 0,
	    .flags = FORM_QUIET },
	[P_COMMUNITY] = { "community", FORM_ID, 0, 0, 0 },
};

/* Whose profile a page is: one's own (ACT_SELF) or that of a member one
 * acts for (ACT_ANGEL, ACT_MANAGER). */
struct whose {
	long long		 id;
	enum act_as		 as;
	enum member_status	 status;
	long long		 community;
	char			 username[64];
	char			 name[129];
	char			 lang[ROLE_LANG_MAX];
	enum role_refusal	 takeover;	/* may the password be set */
};

static void
whose_self(const struct request *req, struct whose *w)
{
	memset(w, 0, sizeof(*w));
	w->id = req->actor.acting_id;
	w->as = ACT_SELF;
	w->status = req->actor.status;
	w->community = req->actor.community;
	util_copy(w->username, sizeof(w->username), req->actor.username);
	util_copy(w->name, sizeof(w->name), req->actor.name);
	w->takeover = ROLE_OK;
}

static size_t
profile_nfields(const struct whose *w)
{
	return w->as == ACT_SELF && w->status == MEMBER_APPLYING ? P__MAX :
	    P_COMMUNITY;
}

/* The profile page around the form: whose it is, the selects and, for a
 * member one acts for, the password form (or why not). */
static struct tmpl_dict *
profile_page(struct request *req, const struct whose *w, const char *lang,
    long long community)
{
	struct tmpl_dict	*d, *s;
	char			 action[48];

	if ((d = app_page(req, "account/profile.tpl", w->as == ACT_SELF ?
	    app_text(req, N_("nav.profile")) : w->name)) == NULL)
		return NULL;
	tmpl_set(d, "USERNAME", w->username);
	if (w->as == ACT_SELF) {
		tmpl_set(d, "FORM_ACTION", "/me");
		tmpl_show(d, w->status == MEMBER_APPLYING ? "APPLYING" :
		    "APPROVED");
		tmpl_show(d, "OWN");
		if (account_mailings_show(d, w->id) != WEFT_OK ||
		    account_digest_show(req, d, w->id) != WEFT_OK)
			return NULL;
	} else {
		snprintf(action, sizeof(action), "/me/for/%lld", w->id);
		tmpl_set(d, "FORM_ACTION", action);
		s = tmpl_section(d, "FOR");
		tmpl_set(s, "FOR_NAME", w->name);
		tmpl_set_int(s, "FOR_ID", w->id);
		tmpl_show(s, w->as == ACT_ANGEL ? "ANGEL" : "MANAGER");
		if (w->takeover == ROLE_OK)
			tmpl_show(s, "PASSWORD_FORM");
		else {
			tmpl_show(d, "EMAIL_LOCKED");
			tmpl_set(d, "TAKEOVER_REASON", app_text(req,
			    role_refusal_keys[w->takeover]));
		}
	}
	form_lang_options(d, lang, w->as != ACT_SELF ? w->lang : "");
	if (w->as == ACT_SELF && w->status == MEMBER_APPLYING &&
	    account_communities(d, community) != WEFT_OK)
		return NULL;
	return d;
}

/* The member's items of the site's lists (0 for none) into ids. */
static enum weft_err
profile_lists_current(long long id, long long *ids)
{
	struct db_rows	*r = NULL;
	enum weft_err	 e;
	size_t		 i;

	if ((e = db_query(&r, "SELECT COALESCE(neighbourhood_id, 0),"
	    " COALESCE(county_id, 0), COALESCE(affiliation_id, 0)"
	    " FROM members WHERE id = ?", "i", id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	for (i = 0; i < LISTS_MEMBER; i++)
		ids[i] = db_int(r, (unsigned)i);
	db_rows_free(r);
	return WEFT_OK;
}

/* The stored values into the form; the selects of the site's lists offer
 * the member's own items even when retired (lists.h). */
static enum weft_err
profile_values(struct tmpl_dict *d, long long id)
{
	static const char *const cols[] = {
		"NAME", "EMAIL", "PHONE", "ADDRESS", "ABOUT",
	};
	struct db_rows	*r = NULL;
	long long	 ids[LISTS_MEMBER];
	enum weft_err	 e;
	size_t		 i;

	if ((e = db_query(&r, "SELECT name, email, phone, address, about"
	    " FROM members WHERE id = ?", "i", id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	for (i = 0; i < NELEM(cols); i++)
		tmpl_set(d, cols[i], db_str(r, (unsigned)i));
	db_rows_free(r);
	if ((e = profile_lists_current(id, ids)) != WEFT_OK)
		return e;
	return lists_member_fields(d, tmpl_page_lang(d), ids, ids, NULL);
}

/*
 * The members the actor acts for, on /me: a link to each one's profile,
 * or, when rule 9 keeps the actor from changing their account, why.
 * The rows of the relations are candidates; act_for() decides.
 */
static enum weft_err
profile_acts_for(struct request *req, struct tmpl_dict *d)
{
	struct tmpl_dict	*list = NULL, *s;
	struct db_rows		*r = NULL;
	enum role_refusal	 why;
	enum act_as		 as;
	enum weft_err		 e;

	if ((e = db_query(&r, "SELECT m.id, m.name FROM guardian_angels g"
	    " JOIN members m ON m.id = g.member_id WHERE g.angel_id = ?"
	    " UNION SELECT m.id, m.name FROM org_managers o"
	    " JOIN members m ON m.id = o.org_id WHERE o.manager_id = ?"
	    " ORDER BY 2, 1 LIMIT 32", "ii", req->actor.acting_id,
	    req->actor.acting_id)) != WEFT_OK)
		return e;
	while (db_next(r)) {
		if ((e = act_for(&req->actor, db_int(r, 0), &as)) != WEFT_OK)
			break;
		if (as != ACT_ANGEL && as != ACT_MANAGER)
			continue;
		if ((e = act_may_change(&req->actor.grants,
		    req->actor.acting_id, db_int(r, 0), NULL, 0, &why)) !=
		    WEFT_OK)
			break;
		if (list == NULL)
			list = tmpl_section(d, "ACTS_FOR");
		s = tmpl_section(list, "ACT_ROW");
		tmpl_set(s, "ID", db_str(r, 0));
		tmpl_set(s, "NAME", db_str(r, 1));
		tmpl_show(s, as == ACT_ANGEL ? "ANGEL" : "MANAGER");
		if (why == ROLE_OK)
			tmpl_show(s, "LINK");
		else
			tmpl_set(tmpl_section(s, "REFUSED"), "REASON",
			    app_text(req, role_refusal_keys[why]));
	}
	db_rows_free(r);
	return e;
}

/*
 * The member of /me/for/:id, whom the actor must act for (act_for: an
 * angel, mode on, or a manager) and whose account their grants must
 * cover (rule 9); w->takeover says whether the password may be set too.
 * Returns 0 to go on; else -1 with *st the answer: to /me for oneself,
 * the same 403 for anyone the actor does not act for and for no member
 * at all (rule 1), a 403 that says why for rule 9.
 */
static int
profile_for_target(struct request *req, struct whose *w, int *st)
{
	struct db_rows		*r = NULL;
	struct grants		 tg;
	enum role_refusal	 why = ROLE_REFUSE_COVER;
	enum weft_err		 e;

	memset(w, 0, sizeof(*w));
	*st = 403;
	if ((w->id = app_param_id(req, 0)) == req->actor.acting_id) {
		*st = app_redirect(req, "/me", NULL);
		return -1;
	}
	if ((e = act_for(&req->actor, w->id, &w->as)) != WEFT_OK) {
		*st = app_status_of(e);
		return -1;
	}
	if (w->as != ACT_ANGEL && w->as != ACT_MANAGER)
		return -1;
	if ((e = db_query(&r, "SELECT username, name, status,"
	    " COALESCE(community_id, 0), lang FROM members WHERE id = ?", "i",
	    w->id)) != WEFT_OK || !db_next(r)) {
		db_rows_free(r);
		*st = e != WEFT_OK ? app_status_of(e) : 403;
		return -1;
	}
	util_copy(w->username, sizeof(w->username), db_str(r, 0));
	util_copy(w->name, sizeof(w->name), db_str(r, 1));
	if (member_status_parse(db_str(r, 2), &w->status) != 0)
		w->status = MEMBER_DISABLED;
	w->community = db_int(r, 3);
	util_copy(w->lang, sizeof(w->lang), db_str(r, 4));
	db_rows_free(r);
	if ((e = role_load_grants(w->id, &tg)) == WEFT_OK &&
	    (e = act_may_change(&req->actor.grants, req->actor.acting_id,
	    w->id, &tg, 0, &why)) == WEFT_OK && why == ROLE_OK)
		e = act_may_change(&req->actor.grants, req->actor.acting_id,
		    w->id, &tg, 1, &w->takeover);
	if (e != WEFT_OK) {
		*st = app_status_of(e);
		return -1;
	}
	if (why != ROLE_OK) {
		*st = app_error(req, 403, app_text(req,
		    role_refusal_keys[why]));
		return -1;
	}
	return 0;
}

/* ---- saving a profile ------------------------------------------------ */

/*
 * Rule 9 inside the save's transaction: for a member one acts for, the
 * change (a takeover when the e-mail changes); while "become" is active,
 * a change of e-mail address as the real member's takeover.  One's own
 * account, by oneself, is one's own.  *why ROLE_OK or the refusal.
 */
static enum weft_err
profile_may_save(const struct request *req, const struct whose *w,
    int email_changed, enum role_refusal *why)
{
	const struct actor	*a = &req->actor;
	struct grants		 real;
	enum weft_err		 e;

	*why = ROLE_OK;
	if (w->as != ACT_SELF)
		return act_may_change(&a->grants, a->acting_id, w->id, NULL,
		    email_changed, why);
	if (a->member_id == a->acting_id || !email_changed)
		return WEFT_OK;
	if ((e = role_load_grants(a->member_id, &real)) != WEFT_OK)
		return e;
	return act_may_change(&real, a->member_id, w->id, NULL, 1, why);
}

/* The member's fields as they are (locked) and as the form has them, as
 * the audit's before and after objects of what changes (*n of them);
 * *email_changed, and the address it was in old (OUTBOX_ADDR_MAX + 1). */
static enum weft_err
profile_before(long long id, const struct form_value *v, const char *lang,
    const long long *ids, struct buf *b, struct buf *a, int *n,
    int *email_changed, char *old)
{
	char		 now[24];
	static const char *const keys[] = {
		"name", "email", "phone", "address", "about",
	};
	static const size_t fields[] = {
		P_NAME, P_EMAIL, P_PHONE, P_ADDRESS, P_ABOUT,
	};
	struct db_rows	*r = NULL;
	enum weft_err	 e;
	size_t		 i;

	*n = 0;
	if ((e = db_query(&r, "SELECT name, email, phone, address, about,"
	    " lang, COALESCE(neighbourhood_id, 0), COALESCE(county_id, 0),"
	    " COALESCE(affiliation_id, 0) FROM members WHERE id = ?"
	    " FOR UPDATE", "i", id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	*email_changed = strcmp(db_str(r, 1), v[P_EMAIL].str) != 0;
	util_copy(old, OUTBOX_ADDR_MAX + 1, db_str(r, 1));
	for (i = 0; i < NELEM(keys); i++)
		audit_diff(b, a, keys[i], db_str(r, (unsigned)i),
		    v[fields[i]].str, n);
	audit_diff(b, a, "lang", db_str(r, 5), lang, n);
	for (i = 0; i < LISTS_MEMBER; i++) {
		snprintf(now, sizeof(now), "%lld", ids[i]);
		audit_diff(b, a, lists_defs[i].field, db_str(r, 6 + (unsigned)i),
		    now, n);
	}
	db_rows_free(r);
	if (*n > 0) {
		buf_puts(b, "}");
		buf_puts(a, "}");
	}
	return buf_failed(b) || buf_failed(a) ? WEFT_ERR_NOMEM : WEFT_OK;
}

/* The notice of a changed e-mail address, to the old one (docs/mail.md,
 * "Account mail"), in the language the member now has. */
static enum weft_err
profile_email_notice(const char *old, const struct form_value *v,
    const char *lang)
{
	const struct mail_var	 vars[] = { { "new", v[P_EMAIL].str } };
	const struct mail_notice n = { .kind = "account.email_changed",
	    .subject_key = N_("mail.email_changed.subject"),
	    .body_key = N_("mail.email_changed.body"), .vars = vars,
	    .nvars = 1 };

	return mail_notice_addr(&n, old, v[P_NAME].str, lang);
}

/* The save's transaction: rule 9, the update, the audit row when made
 * for someone else, the commit; a 303 to path. */
static int
profile_store(struct request *req, const struct whose *w,
    const struct form_value *v, const char *lang, long long comm,
    const long long *ids, const char *path)
{
	struct buf		 b, a;
	char			 old[OUTBOX_ADDR_MAX + 1];
	enum role_refusal	 why = ROLE_OK;
	enum weft_err		 e;
	int			 n = 0, email_changed = 0;

	buf_init(&b);
	buf_init(&a);
	if ((e = db_begin()) != WEFT_OK)
		goto out;
	if ((e = profile_before(w->id, v, lang, ids, &b, &a, &n,
	    &email_changed, old)) != WEFT_OK ||
	    (e = profile_may_save(req, w, email_changed, &why)) != WEFT_OK ||
	    why != ROLE_OK)
		goto out;
	if ((e = db_exec("UPDATE members SET name = ?, email = ?, phone = ?,"
	    " address = ?, about = ?, lang = ?, community_id ="
	    " IF(status = 'applying', NULLIF(?, 0), community_id),"
	    " neighbourhood_id = NULLIF(?, 0), county_id = NULLIF(?, 0),"
	    " affiliation_id = NULLIF(?, 0),"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?", "ssssssiiiii",
	    v[P_NAME].str, v[P_EMAIL].str, v[P_PHONE].str, v[P_ADDRESS].str,
	    v[P_ABOUT].str, lang, comm, ids[0], ids[1], ids[2], w->id)) !=
	    WEFT_OK)
		goto out;
	if (email_changed && (e = profile_email_notice(old, v, lang)) !=
	    WEFT_OK)
		goto out;
	if (n > 0 && audit_on_behalf(&req->actor, w->id) &&
	    (e = audit_write(&req->actor, "member.edit", "member", w->id,
	    w->community, b.p, a.p)) != WEFT_OK)
		goto out;
	e = db_commit();
out:
	if (e != WEFT_OK || why != ROLE_OK)
		db_rollback();
	buf_free(&b);
	buf_free(&a);
	if (e != WEFT_OK)
		return app_status_of(e);
	if (why != ROLE_OK)
		return app_error(req, 403, app_text(req,
		    role_refusal_keys[why]));
	return app_redirect(req, path, N_("flash.saved"));
}

/*
 * The site's lists as sent, checked (lists_member_values(): an item
 * offered, none, or the member's current one, retired or not), and their
 * selects on d with a message on each refused one.  ids gets the choices;
 * returns how many are refused, -1 on a database error.
 */
static int
profile_lists(struct request *req, struct tmpl_dict *d, long long id,
    const struct form_value *v, long long *ids)
{
	const char	*errs[LISTS_MEMBER];
	long long	 cur[LISTS_MEMBER];
	int		 refused[LISTS_MEMBER], n;
	size_t		 i;

	if (profile_lists_current(id, cur) != WEFT_OK ||
	    (n = lists_member_values(&v[P_LIST(0)], cur, ids, refused)) < 0)
		return -1;
	for (i = 0; i < LISTS_MEMBER; i++)
		errs[i] = refused[i] ? app_text(req,
		    valid_err_keys[VALID_RANGE]) : NULL;
	if (lists_member_fields(d, app_lang(req), ids, cur, errs) != WEFT_OK)
		return -1;
	return n;
}

/* A profile form sent: a message per field and nothing saved on error,
 * else profile_store().  An empty language keeps the current one. */
static int
profile_save(struct request *req, const struct whose *w, const char *path)
{
	struct form_value	 v[P__MAX];
	struct tmpl_dict	*d;
	const char		*lang;
	long long		 comm = 0, ids[LISTS_MEMBER];
	enum weft_err		 e;
	int			 ok, known, bad;

	ok = form_read(profile_fields, profile_nfields(w), &req->form,
	    app_lang(req), NULL, v) == 0;
	lang = v[P_LANG].str[0] != '\0' ? v[P_LANG].str :
	    w->as == ACT_SELF ? app_lang(req) : w->lang;
	if (profile_nfields(w) == P__MAX && v[P_COMMUNITY].set)
		comm = v[P_COMMUNITY].id;
	if ((d = profile_page(req, w, lang, comm)) == NULL)
		return 500;
	form_show(profile_fields, profile_nfields(w), v, app_lang(req), d);
	if (!form_lang_ok(lang, w->as != ACT_SELF ? w->lang : "")) {
		form_error(d, "lang",
		    app_text(req, valid_err_keys[VALID_RANGE]));
		ok = 0;
	}
	if ((bad = profile_lists(req, d, w->id, v, ids)) < 0)
		return 500;
	if (bad > 0)
		ok = 0;
	if (profile_nfields(w) == P__MAX) {
		if ((e = account_community_ok(comm, &known)) != WEFT_OK)
			return app_status_of(e);
		if (!known) {
			form_error(d, "community",
			    app_text(req, valid_err_keys[VALID_RANGE]));
			ok = 0;
		}
	}
	if (!ok)
		return app_render(req, 422);
	return profile_store(req, w, v, lang, comm, ids, path);
}

/* ---- passwords ------------------------------------------------------- */

enum { W_CURRENT, W_PASSWORD, W_PASSWORD2, W__MAX };
static const struct form_field password_fields[W__MAX] = {
	[W_CURRENT] = { "current", FORM_PASSWORD, 1, 1, 1024 },
	[W_PASSWORD] = { "password", FORM_PASSWORD, 1, 0, 0 },
	[W_PASSWORD2] = { "password2", FORM_PASSWORD, 1, 1, 1024 },
};

/*
 * Stores the new hash of w's account and ends every session of it, with
 * the audit row when someone else sets it (never the hash), in one
 * transaction, so that no old session survives a changed password.
 */
static enum weft_err
password_store(const struct request *req, const struct whose *w,
    const char *password)
{
	char		 hash[AUTH_HASH_MAX];
	enum weft_err	 e;

	if ((e = auth_password_hash(password, hash, sizeof(hash))) != WEFT_OK)
		return e;
	if ((e = db_begin()) == WEFT_OK &&
	    (e = db_exec("UPDATE members SET password_hash = ?,"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ?", "si", hash,
	    w->id)) == WEFT_OK &&
	    (e = auth_sessions_end_member(w->id)) == WEFT_OK &&
	    (!audit_on_behalf(&req->actor, w->id) ||
	    (e = audit_write(&req->actor, "member.password", "member", w->id,
	    w->community, NULL,
	    "{\"password\":\"changed\",\"sessions_ended\":true}")) == WEFT_OK))
		e = db_commit();
	if (e != WEFT_OK)
		db_rollback();
	explicit_bzero(hash, sizeof(hash));
	return e;
}

/* The new password twice, into v; a message on d when they differ.
 * Returns how many fields are wrong. */
static size_t
password_read(struct request *req, struct tmpl_dict *d, size_t first,
    struct form_value *v)
{
	size_t	 bad;

	bad = form_read(password_fields + first, W__MAX - first, &req->form,
	    app_lang(req), d, v + first);
	if (bad == 0 && strcmp(v[W_PASSWORD].str, v[W_PASSWORD2].str) != 0) {
		form_error(d, "password2", app_text(req, N_("password.mismatch")));
		bad = 1;
	}
	return bad;
}

static struct tmpl_dict *
password_page(struct request *req)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "account/password.tpl",
	    app_text(req, N_("password.title")))) == NULL)
		return NULL;
	/* For password managers: whose password this is. */
	tmpl_set(d, "USERNAME", req->actor.username);
	return d;
}

/* ---- handlers -------------------------------------------------------- */

/* GET /me: one's own profile, and the members one acts for. */
/* One's talents (issue 17) and the link to their page. */
static enum weft_err
profile_own_talents(struct tmpl_dict *d, long long id, const char *lang)
{
	size_t	 n;

	return talents_show(tmpl_section(d, "OWN_TALENTS"), "TALENTS", id,
	    lang, &n);
}

int
account_me(struct request *req)
{
	struct whose		 w;
	struct tmpl_dict	*d;
	enum weft_err		 e;

	whose_self(req, &w);
	if ((d = profile_page(req, &w, app_lang(req), w.community)) == NULL)
		return 500;
	if ((e = profile_values(d, w.id)) != WEFT_OK)
		return e == WEFT_ERR_NOTFOUND ? 500 : app_status_of(e);
	if (w.status == MEMBER_APPROVED &&
	    (e = profile_acts_for(req, d)) != WEFT_OK)
		return app_status_of(e);
	if (w.status == MEMBER_APPROVED &&
	    (e = profile_own_talents(d, w.id, app_lang(req))) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, 200);
}

/* POST /me. */
int
account_me_save(struct request *req)
{
	struct whose	 w;

	whose_self(req, &w);
	return profile_save(req, &w, "/me");
}

int
account_password(struct request *req)
{
	if (password_page(req) == NULL)
		return 500;
	return app_render(req, 200);
}

/*
 * POST /me/password.  The current password is checked by auth_login(),
 * so guessing it through this form is throttled like the login form.
 * Afterwards this browser gets a fresh session; while "become" is active
 * the coordinator's own session is not the account's and lives on.
 */
int
account_password_save(struct request *req)
{
	const struct actor	*a = &req->actor;
	struct form_value	 v[W__MAX];
	struct tmpl_dict	*d;
	struct whose		 w;
	long long		 id;
	int			 retry;
	enum weft_err		 e;

	if ((d = password_page(req)) == NULL)
		return 500;
	if (password_read(req, d, 0, v) > 0)
		return app_render(req, 422);
	switch (auth_login(a->username, v[W_CURRENT].str, a->addr, &id,
	    &retry)) {
	case LOGIN_OK:
		if (id == a->acting_id)
			break;
		/* FALLTHROUGH */
	case LOGIN_BAD:
	case LOGIN_DISABLED:
	case LOGIN_REJECTED:
		form_error(d, "current", app_text(req,
		    N_("password.wrong_current")));
		return app_render(req, 422);
	case LOGIN_THROTTLED:
		account_retry_after(req, retry);
		form_error(d, "current", app_text(req, N_("login.throttled")));
		return app_render(req, 429);
	default:
		return 500;
	}
	whose_self(req, &w);
	if ((e = password_store(req, &w, v[W_PASSWORD].str)) != WEFT_OK)
		return app_status_of(e);
	log_msg(LOGL_INFO, "member %lld changed their password", a->acting_id);
	if (a->member_id == a->acting_id &&
	    account_start_session(req, a->member_id) == -1)
		return 500;
	return app_redirect(req, "/me", N_("flash.password_changed"));
}

/* GET /me/for/:id: the profile of a member one acts for. */
int
account_for(struct request *req)
{
	struct whose		 w;
	struct tmpl_dict	*d;
	enum weft_err		 e;
	int			 st;

	if (profile_for_target(req, &w, &st) == -1)
		return st;
	if ((d = profile_page(req, &w, w.lang, 0)) == NULL)
		return 500;
	if ((e = profile_values(d, w.id)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, 200);
}

/* POST /me/for/:id. */
int
account_for_save(struct request *req)
{
	struct whose	 w;
	char		 path[48];
	int		 st;

	if (profile_for_target(req, &w, &st) == -1)
		return st;
	snprintf(path, sizeof(path), "/me/for/%lld", w.id);
	return profile_save(req, &w, path);
}

/* POST /me/for/:id/password: the new password twice, no current one
 * (see the top of this file); every session of the member ends. */
int
account_for_password(struct request *req)
{
	struct form_value	 v[W__MAX];
	struct tmpl_dict	*d;
	struct whose		 w;
	char			 path[48];
	enum weft_err		 e;
	int			 st;

	if (profile_for_target(req, &w, &st) == -1)
		return st;
	if (w.takeover != ROLE_OK)
		return app_error(req, 403, app_text(req,
		    role_refusal_keys[w.takeover]));
	if ((d = profile_page(req, &w, w.lang, 0)) == NULL)
		return 500;
	if (password_read(req, d, W_PASSWORD, v) > 0) {
		if ((e = profile_values(d, w.id)) != WEFT_OK)
			return app_status_of(e);
		return app_render(req, 422);
	}
	if ((e = password_store(req, &w, v[W_PASSWORD].str)) != WEFT_OK)
		return app_status_of(e);
	log_msg(LOGL_INFO, "password of member %lld set by member %lld, who "
	    "acts for them", w.id, req->actor.acting_id);
	snprintf(path, sizeof(path), "/me/for/%lld", w.id);
	return app_redirect(req, path, N_("account.flash.password_set"));
}

