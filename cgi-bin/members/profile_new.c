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
#include "util.h"
#include "valid.h"

#define PROFILE_COMMUNITIES_MAX	64

/* The status a new account starts with. */
static const char *const profile_new_statuses[] = { "applying", "approved" };

/* community, status and lang are checked by profile_new_check(). */
enum { A_USERNAME, A_NAME, A_EMAIL, A_PASSWORD, A_PASSWORD2, A_COMMUNITY,
    A_STATUS, A_LANG, A_NEIGHBOURHOOD, A_COUNTY, A_AFFILIATION, A__MAX };
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
	[A_NEIGHBOURHOOD] = { "neighbourhood", FORM_ID, 0, 0, 0,
	    .flags = FORM_QUIET },
	[A_COUNTY] = { "county", FORM_ID, 0, 0, 0, .flags = FORM_QUIET },
	[A_AFFILIATION] = { "affiliation", FORM_ID, 0, 0, 0,
	    .flags = FORM_QUIET },
};

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
	struct tmpl_dict	*d;
	struct db_rows		*r = NULL;
	size_t			 n;
	int			 site;

	if ((d = app_page(req, "members/new.tpl",
	    app_text(req, N_("members.profile.title.new")))) == NULL)
		return NULL;
	n = role_communities(&req->actor.grants, PERM_MEMBER_ADD, &site,
	    ids, NELEM(ids));
	tmpl_show(d, site ? "COMMUNITY_NONE" : "COMMUNITY_CHOOSE");
	if (db_query(&r, "SELECT id, name FROM communities ORDER BY name, id",
	    "") != WEFT_OK)
		return NULL;
	while (db_next(r)) {
		if (role_communities_has(db_int(r, 0), site, ids, n))
			form_option(d, "COMMUNITY_OPTION", db_str(r, 0),
			    db_str(r, 1), strcmp(comm, db_str(r, 0)) == 0);
	}
	db_rows_free(r);
	tmpl_show(d, strcmp(status, "approved") == 0 ? "STATUS_APPROVED" :
	    "STATUS_APPLYING");
	form_lang_options(d, lang, "");
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
	n = role_communities(&req->actor.grants, PERM_MEMBER_ADD, &site,
	    ids, NELEM(ids));
	if (pw[0] != '\0' && strcmp(pw, v[A_PASSWORD2].str) != 0) {
		form_error(d, "password2", app_text(req, N_("password.mismatch")));
		bad++;
	}
	if (v[A_COMMUNITY].str[0] != '\0') {
		*comm = v[A_COMMUNITY].set ? v[A_COMMUNITY].id : 0;
		if (*comm > 0 && db_query_int(&known, "SELECT COUNT(*) FROM"
		    " communities WHERE id = ?", "i", *comm) != WEFT_OK)
			return -1;
		comm_ok = *comm > 0 && known > 0 &&
		    role_communities_has(*comm, site, ids, n);
	} else
		comm_ok = site;
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

/* GET /members/new. */
int
members_new_form(struct request *req)
{
	static const long long none[LISTS_MEMBER];
	struct tmpl_dict	*d;

	if ((d = profile_new_page(req, "", "applying", "en")) == NULL ||
	    lists_member_fields(d, app_lang(req), none, none, NULL) != WEFT_OK)
		return 500;
	return app_render(req, 200);
}

/* The member lists sent (lists.h), into ids, their selects on d; how
 * many are refused (each marked), -1 on a database error. */
static int
profile_new_lists(struct request *req, struct tmpl_dict *d,
    const struct form_value *v, long long *ids)
{
	static const long long none[LISTS_MEMBER];
	const char	*errs[LISTS_MEMBER];
	int		 refused[LISTS_MEMBER], n;
	size_t		 i;

	if ((n = lists_member_values(&v[A_NEIGHBOURHOOD], none, ids,
	    refused)) < 0)
		return -1;
	for (i = 0; i < LISTS_MEMBER; i++) {
		errs[i] = refused[i] ? app_text(req,
		    valid_err_keys[VALID_RANGE]) : NULL;
		if (errs[i] != NULL)
			form_error(d, lists_defs[i].field, errs[i]);
	}
	return lists_member_fields(d, app_lang(req), ids, none, errs) !=
	    WEFT_OK ? -1 : n;
}

/* {"username":...,"name":...,...}: the audit's after of a new member. */
static void
profile_new_json(struct buf *a, const struct form_value *v, long long comm,
    const long long *ids)
{
	size_t	 i;

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
	for (i = 0; i < LISTS_MEMBER; i++)
		buf_printf(a, ",\"%s\":%lld", lists_defs[i].field, ids[i]);
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
    const struct form_value *v, long long comm, const long long *ids)
{
	static const char sql[] = "INSERT INTO members (username, email, name,"
	    " password_hash, status, lang, community_id, about, approved_at,"
	    " neighbourhood_id, county_id, affiliation_id)"
	    " VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, 0), '',"
	    " IF(? = 'approved', UTC_TIMESTAMP(), NULL), NULLIF(?, 0),"
	    " NULLIF(?, 0), NULLIF(?, 0))";
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
	profile_new_json(&a, v, comm, ids);
	if ((e = buf_failed(&a) ? WEFT_ERR_NOMEM : db_begin()) == WEFT_OK &&
	    (e = db_exec(sql, "ssssssisiii", v[A_USERNAME].str, v[A_EMAIL].str,
	    v[A_NAME].str, hash, v[A_STATUS].str, v[A_LANG].str, comm,
	    v[A_STATUS].str, ids[0], ids[1], ids[2])) == WEFT_OK) {
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
	struct tmpl_dict	*d;
	long long		 comm, ids[LISTS_MEMBER];
	int			 bad, more, nl;

	bad = form_read(profile_new_fields, A__MAX, &req->form,
	    app_lang(req), NULL, v) > 0;
	if ((d = profile_new_page(req, v[A_COMMUNITY].str, v[A_STATUS].str,
	    v[A_LANG].str)) == NULL)
		return 500;
	form_show(profile_new_fields, A__MAX, v, app_lang(req), d);
	if ((more = profile_new_check(req, d, v, &comm)) == -1 ||
	    (nl = profile_new_lists(req, d, v, ids)) == -1)
		return 500;
	if (bad || more > 0 || nl > 0)
		return app_render(req, 422);
	return profile_insert(req, d, v, comm, ids);
}
