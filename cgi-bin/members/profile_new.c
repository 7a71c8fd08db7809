/*
 * Adding a member (member.add): the form, the checks its table cannot
 * make (community in the actor's scope, the status the actor may give),
 * and the insert with its audit row.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "members.h"
#include "profile.h"
#include "signup_form.h"
#include "util.h"
#include "valid.h"

#define PROFILE_COMMUNITIES_MAX	64

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

/*
 * The add form: the community select holds the communities the actor's
 * member.add covers, and "none" for site holders only (a member of no
 * community is in site scope: only site grants reach them).
 */
enum weft_err
members_add_communities(struct request *req, struct tmpl_dict *d,
    const char *comm)
{
	long long		 ids[PROFILE_COMMUNITIES_MAX];
	struct db_rows		*r = NULL;
	enum weft_err		 e;
	size_t			 n;
	int			 site;

	n = role_communities(&req->actor.grants, PERM_MEMBER_ADD, &site,
	    ids, NELEM(ids));
	tmpl_show(d, site ? "COMMUNITY_NONE" : "COMMUNITY_CHOOSE");
	if ((e = db_query(&r, "SELECT id, name FROM communities ORDER BY"
	    " name, id", "")) != WEFT_OK)
		return e;
	while (db_next(r)) {
		if (role_communities_has(db_int(r, 0), site, ids, n))
			form_option(d, "COMMUNITY_OPTION", db_str(r, 0),
			    db_str(r, 1), strcmp(comm, db_str(r, 0)) == 0);
	}
	db_rows_free(r);
	return WEFT_OK;
}

static struct tmpl_dict *
profile_new_page(struct request *req, const char *comm, const char *status,
    const char *lang)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "members/new.tpl",
	    app_text(req, N_("members.profile.title.new")))) == NULL ||
	    members_add_communities(req, d, comm) != WEFT_OK)
		return NULL;
	tmpl_show(d, strcmp(status, "approved") == 0 ? "STATUS_APPROVED" :
	    "STATUS_APPLYING");
	form_lang_options(d, lang, "");
	return d;
}

/* The checks the table cannot make; *comm gets the community (0: none).
 * Returns how many fields are wrong, or -1 on a database error. */
int
members_add_community(struct request *req, const struct form_value *v,
    long long *comm)
{
	long long	 ids[PROFILE_COMMUNITIES_MAX], known = 0;
	size_t		 n;
	int		 site;

	*comm = 0;
	n = role_communities(&req->actor.grants, PERM_MEMBER_ADD, &site,
	    ids, NELEM(ids));
	if (v->str[0] == '\0')
		return site;
	*comm = v->set ? v->id : 0;
	if (*comm > 0 && db_query_int(&known, "SELECT COUNT(*) FROM"
	    " communities WHERE id = ?", "i", *comm) != WEFT_OK)
		return -1;
	return *comm > 0 && known > 0 &&
	    role_communities_has(*comm, site, ids, n);
}

static int
profile_new_check(struct request *req, struct tmpl_dict *d,
    const struct form_value *v, long long *comm)
{
	const char	*pw = v[A_PASSWORD].str;
	struct scope	 sc = { SCOPE_SITE, 0, "" };
	int		 comm_ok, bad = 0, approved;

	if (pw[0] != '\0' && strcmp(pw, v[A_PASSWORD2].str) != 0) {
		form_error(d, "password2", app_text(req, N_("password.mismatch")));
		bad++;
	}
	if ((comm_ok = members_add_community(req, &v[A_COMMUNITY], comm)) < 0)
		return -1;
	if (!comm_ok) {
		form_error(d, "community", app_text(req,
		    N_("members.profile.error.community")));
		bad++;
	} else
		scope_of_community(*comm, &sc);
	approved = v[A_STATUS].set && v[A_STATUS].choice == 1;
	if (!v[A_STATUS].set) {
		form_error(d, "status", app_text(req,
		    valid_err_keys[VALID_RANGE]));
		bad++;
	} else if (approved && comm_ok &&
	    !role_allows(&req->actor.grants, PERM_MEMBER_APPROVE, &sc)) {
		form_error(d, "status", app_text(req,
		    N_("members.profile.error.approve")));
		bad++;
	}
	if (!form_lang_ok(v[A_LANG].str, "")) {
		form_error(d, "lang", app_text(req,
		    valid_err_keys[VALID_RANGE]));
		bad++;
	}
	return bad;
}

/* GET /members/new: the profile fields are the application form's,
 * as a coordinator's form has them (signup_form.h). */
int
members_new_form(struct request *req)
{
	struct tmpl_dict	*d;

	if ((d = profile_new_page(req, "", "applying", "en")) == NULL ||
	    signup_form(d, app_lang(req), SIGNUP_COORDINATOR, NULL, NULL) < 0)
		return 500;
	return app_render(req, 200);
}

/* {"username":...,"name":...,...}: the audit's after of a new member. */
static void
profile_new_json(struct buf *a, const struct form_value *v, long long comm,
    const struct signup_values *sv)
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
	signup_form_json(a, sv);
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
    const struct form_value *v, long long comm,
    const struct signup_values *sv)
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
	profile_new_json(&a, v, comm, sv);
	if ((e = buf_failed(&a) ? WEFT_ERR_NOMEM : db_begin()) == WEFT_OK &&
	    (e = db_exec(sql, "ssssssis", v[A_USERNAME].str, v[A_EMAIL].str,
	    v[A_NAME].str, hash, v[A_STATUS].str, v[A_LANG].str, comm,
	    v[A_STATUS].str)) == WEFT_OK) {
		id = db_insert_id();
		if ((e = signup_form_store(id, sv)) == WEFT_OK &&
		    (e = audit_write(&req->actor, "member.add", "member", id,
		    comm, NULL, a.p)) == WEFT_OK)
			e = db_commit();
	}
	explicit_bzero(hash, sizeof(hash));
	buf_free(&a);
	if (e == WEFT_ERR_DUPLICATE) {
		db_rollback();
		form_error(d, "username", app_text(req,
		    N_("signup.username_taken")));
		return app_render(req, 422);
	}
	if (e != WEFT_OK) {
		db_rollback();
		return app_status_of(e);
	}
	snprintf(path, sizeof(path), "/members/%lld", id);
	return app_redirect(req, path, N_("members.profile.flash.added"));
}

/* POST /members/new. */
int
members_new(struct request *req)
{
	struct form_value	 v[A__MAX];
	struct signup_values	 sv;
	struct tmpl_dict	*d;
	long long		 comm;
	int			 bad, more, nl;

	bad = form_read(profile_new_fields, A__MAX, &req->form,
	    app_lang(req), NULL, v) > 0;
	if ((d = profile_new_page(req, v[A_COMMUNITY].str, v[A_STATUS].str,
	    v[A_LANG].str)) == NULL)
		return 500;
	form_show(profile_new_fields, A__MAX, v, app_lang(req), d);
	if ((more = profile_new_check(req, d, v, &comm)) == -1 ||
	    (nl = signup_form(d, app_lang(req), SIGNUP_COORDINATOR,
	    &req->form, &sv)) == -1)
		return 500;
	if (bad || more > 0 || nl > 0)
		return app_render(req, 422);
	return profile_insert(req, d, v, comm, &sv);
}
