/*
 * Community Timebanks (member.community): the list, with how many
 * accounts each holds, and creating one.  A coordinator scoped to a
 * community sees only the communities their grants cover (rule 2);
 * creating a community changes the shape of the whole timebank, so it
 * needs member.community site-wide.  Putting a member in a community is
 * status.c's (POST /members/:id/community).
 */
#include <stdio.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "members.h"

enum { C_NAME, C__MAX };
static const struct form_field communities_fields[C__MAX] = {
	[C_NAME] = { "name", FORM_TEXT, 1, 1, 128 },
};

static const struct scope communities_site = { SCOPE_SITE, 0, "" };

/*
 * The communities the actor's member.community covers, with their
 * number of accounts (every status).  Communities are few, so they are
 * read whole and filtered with role_allows(), the one place that says
 * who reaches what; the count is one query per community shown, on the
 * members_community_name index, so it reads no member rows.
 */
static enum weft_err
communities_list(struct tmpl_dict *d, const struct request *req)
{
	struct db_rows		*r, *c;
	struct tmpl_dict	*list = NULL, *s;
	struct scope		 sc = { SCOPE_COMMUNITY, 0, "" };
	enum weft_err		 e = WEFT_OK;

	if ((e = db_query(&r, "SELECT id, name FROM communities"
	    " ORDER BY name, id", "")) != WEFT_OK)
		return e;
	while (db_next(r)) {
		sc.community = db_int(r, 0);
		if (!role_allows(&req->actor.grants, PERM_MEMBER_COMMUNITY,
		    &sc))
			continue;
		if ((e = db_query(&c, "SELECT COUNT(*) FROM members"
		    " WHERE community_id = ?", "i", sc.community)) != WEFT_OK)
			break;
		if (list == NULL)
			list = tmpl_section(d, "LIST");
		s = tmpl_section(list, "COMMUNITY");
		tmpl_set_int(s, "ID", sc.community);
		tmpl_set(s, "NAME", db_str(r, 1));
		tmpl_set_int(s, "COUNT", db_next(c) ? db_int(c, 0) : 0);
		db_rows_free(c);
	}
	db_rows_free(r);
	if (e == WEFT_OK && list == NULL)
		tmpl_show(d, "NONE");
	return e;
}

/* The page: the list, and the form for those who may create. */
static struct tmpl_dict *
communities_page(struct request *req)
{
	struct tmpl_dict	*d;

	if ((d = app_page(req, "members/communities.tpl",
	    app_text(req, N_("members.communities.title")))) == NULL)
		return NULL;
	if (role_allows(&req->actor.grants, PERM_MEMBER_COMMUNITY,
	    &communities_site))
		tmpl_show(d, "CREATE");
	return d;
}

static int
communities_render(struct request *req, struct tmpl_dict *d, int status)
{
	enum weft_err	 e;

	if ((e = communities_list(d, req)) != WEFT_OK)
		return app_status_of(e);
	return app_render(req, status);
}

/* GET /members/communities */
int
members_communities(struct request *req)
{
	struct tmpl_dict	*d;

	if ((d = communities_page(req)) == NULL)
		return 500;
	return communities_render(req, d, 200);
}

/*
 * POST /members/communities, field name (1..128 characters, unique: the
 * unique key decides, so two at once cannot both win).
 */
int
members_community_add(struct request *req)
{
	struct form_value	 v[C__MAX];
	struct tmpl_dict	*d;
	struct buf		 after;
	const char		*name;
	long long		 id;
	enum weft_err		 e;

	if (!role_allows(&req->actor.grants, PERM_MEMBER_COMMUNITY,
	    &communities_site))
		return 403;
	if ((d = communities_page(req)) == NULL)
		return 500;
	if (form_read(communities_fields, C__MAX, &req->form, app_lang(req), d,
	    v) > 0)
		return communities_render(req, d, 422);
	name = v[C_NAME].str;
	buf_init(&after);
	if ((e = db_begin()) != WEFT_OK ||
	    (e = db_exec("INSERT INTO communities (name) VALUES (?)", "s",
	    name)) != WEFT_OK)
		goto out;
	id = db_insert_id();
	buf_printf(&after, "{\"id\":%lld,\"name\":", id);
	buf_json_str(&after, name);
	buf_puts(&after, "}");
	if ((e = buf_failed(&after) ? WEFT_ERR_NOMEM : WEFT_OK) != WEFT_OK ||
	    (e = audit_write(&req->actor, "community.add", "community", id,
	    id, NULL, after.p)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK)
		goto out;
	buf_free(&after);
	return app_redirect(req, "/members/communities",
	    N_("members.communities.flash.added"));
out:
	db_rollback();
	buf_free(&after);
	if (e != WEFT_ERR_DUPLICATE)
		return app_status_of(e);
	form_error(d, "name", app_text(req, N_("members.communities.taken")));
	return communities_render(req, d, 422);
}

