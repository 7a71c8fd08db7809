/*
 * The accounts of a bulk batch (bulk.h): the ids the form posts, and "all
 * matching" the member list's filter within the actor's member.bulk
 * scope.  Which of them may be changed is bulk_run.c's question, asked of
 * each account on its own.
 */
#include <stdlib.h>
#include <string.h>

#include "bulk.h"
#include "db.h"
#include "form.h"
#include "members.h"
#include "valid.h"

/* Adds id once; beyond BULK_MAX the batch is marked truncated. */
static void
bulk_add(struct bulk_job *job, long long id)
{
	size_t	 i;

	for (i = 0; i < job->n; i++)
		if (job->items[i].id == id)
			return;
	if (job->n == BULK_MAX) {
		job->truncated = 1;
		return;
	}
	memset(&job->items[job->n], 0, sizeof(job->items[0]));
	job->items[job->n++].id = id;
}

/* The ids of fields "id" (one each) and "ids" (comma-separated, as the
 * confirm form sends them).  -1 when one is not an id. */
int
bulk_ids_form(const struct request *req, struct bulk_job *job)
{
	const struct http_kv	*kv;
	char			*copy, *tok, *save;
	long long		 id;
	size_t			 i;
	int			 rc = 0;

	for (i = 0; i < req->form.n; i++) {
		kv = &req->form.kv[i];
		if (strcmp(kv->key, "id") == 0) {
			if (valid_id(kv->val, &id) != VALID_OK)
				return -1;
			bulk_add(job, id);
		} else if (strcmp(kv->key, "ids") == 0) {
			if ((copy = strdup(kv->val)) == NULL)
				return -1;
			for (tok = strtok_r(copy, ",", &save); tok != NULL;
			    tok = strtok_r(NULL, ",", &save)) {
				if (valid_id(tok, &id) != VALID_OK) {
					rc = -1;
					break;
				}
				bulk_add(job, id);
			}
			free(copy);
			if (rc == -1)
				return -1;
		}
	}
	return 0;
}

/* A yes/no filter: the list page writes yes and no; 1 and 0 are taken
 * too.  The index modulo 2 is the value. */
static const char *const bulk_yes_no[] = { "no", "yes", "0", "1" };

/* The member list's filter as the bulk form posts it back, each f_ and
 * the list's name.  The community is "none" or an id. */
enum { F_STATUS, F_ROLE, F_COMMUNITY, F_Q, F_ORG, F_OPTOUT, F__MAX };
static const struct form_field bulk_filter_fields[F__MAX] = {
	[F_STATUS] = { "f_status", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(member_status_keys), .flags = FORM_QUIET },
	[F_ROLE] = { "f_role", FORM_CHOICE, 0, 0, 0, FORM_CHOICES(role_keys),
	    .flags = FORM_QUIET },
	[F_COMMUNITY] = { "f_community", FORM_TEXT, 0, 0, 24,
	    .flags = FORM_QUIET },
	[F_Q] = { "f_q", FORM_TEXT, 0, 1, 128, .flags = FORM_QUIET },
	[F_ORG] = { "f_org", FORM_CHOICE, 0, 0, 0, FORM_CHOICES(bulk_yes_no),
	    .flags = FORM_QUIET },
	[F_OPTOUT] = { "f_optout", FORM_CHOICE, 0, 0, 0,
	    FORM_CHOICES(bulk_yes_no), .flags = FORM_QUIET },
};

/* -1 any (not sent), 0 no, 1 yes. */
static long long
bulk_tristate(const struct form_value *v)
{
	return v->set ? (long long)(v->choice % 2) : -1;
}

/* Reads f_status, f_role, f_community, f_q, f_org, f_optout; -1 when
 * one is not a value the list page offers. */
int
bulk_filter_read(const struct request *req, struct bulk_filter *f)
{
	struct form_value	 v[F__MAX];
	const char		*q, *c;
	size_t			 i, n = 0;

	memset(f, 0, sizeof(*f));
	(void)form_read(bulk_filter_fields, F__MAX, &req->form, app_lang(req),
	    NULL, v);
	for (i = 0; i < F__MAX; i++)
		if (v[i].err != VALID_OK)
			return -1;
	f->status = v[F_STATUS].str;
	f->role = v[F_ROLE].str;
	c = v[F_COMMUNITY].str;
	if (strcmp(c, "none") == 0)
		f->no_community = 1;
	else if (c[0] && valid_id(c, &f->community) != VALID_OK)
		return -1;
	f->org = bulk_tristate(&v[F_ORG]);
	f->optout = bulk_tristate(&v[F_OPTOUT]);
	/* As the list: the organisation filter is "only organisations" or
	 * nothing. */
	if (f->org == 0)
		f->org = -1;
	if (!v[F_Q].set)
		return 0;
	q = v[F_Q].str;
	/* LIKE's own characters are escaped: the text is matched as typed. */
	f->like[n++] = '%';
	for (; *q != '\0' && n + 3 < sizeof(f->like); q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			f->like[n++] = '\\';
		f->like[n++] = *q;
	}
	f->like[n++] = '%';
	f->like[n] = '\0';
	return 0;
}

/* Adds the members matching f in one community (0: any) to the batch. */
static enum weft_err
bulk_match(struct bulk_job *job, const struct bulk_filter *f,
    long long community)
{
	static const char	 sql[] =
	    "SELECT m.id FROM members m "
	    "WHERE (? = 0 OR m.community_id = ?) "
	    "AND (? = 0 OR m.community_id IS NULL) "
	    "AND (? = '' OR m.status = ?) "
	    "AND (? = '' OR EXISTS (SELECT 1 FROM grants g "
	    "WHERE g.member_id = m.id AND g.role = ?)) "
	    "AND (? = '' OR m.name LIKE ? OR m.username LIKE ? "
	    "OR m.email LIKE ?) "
	    "AND (? < 0 OR m.is_organisation = ?) "
	    "AND (? < 0 OR m.optout = ?) "
	    "AND (? = 0 OR m.joined_at < UTC_TIMESTAMP() - INTERVAL ? DAY) "
	    "ORDER BY m.id LIMIT 1001";
	struct db_rows		*r;
	enum weft_err		 e;

	if ((e = db_query(&r, sql, "ii" "i" "ss" "ss" "ssss" "ii" "ii" "ii",
	    community, community, (long long)f->no_community,
	    f->status, f->status, f->role, f->role,
	    f->like, f->like, f->like, f->like,
	    f->org, f->org, f->optout, f->optout, f->older_days,
	    f->older_days)) != WEFT_OK)
		return e;
	while (db_next(r))
		bulk_add(job, db_int(r, 0));
	db_rows_free(r);
	return WEFT_OK;
}

/*
 * "All matching the filter": the members the list would show, limited to
 * the actor's scope of the action's routes (bulk_route_perm) in SQL (a
 * community admin's "all" is all of their communities' members, not the
 * site's with most refused).
 */
enum weft_err
bulk_all_matching(const struct request *req, struct bulk_job *job,
    const struct bulk_filter *f)
{
	long long	 ids[ROLE_GRANTS_MAX];
	enum weft_err	 e;
	size_t		 i, n;
	int		 site;

	n = role_communities(&req->actor.grants, bulk_route_perm(job->action),
	    &site,
	    ids, ROLE_GRANTS_MAX);
	if (site)
		return bulk_match(job, f, f->community);
	if (f->no_community)
		return WEFT_OK;
	for (i = 0; i < n; i++) {
		if (f->community != 0 && f->community != ids[i])
			continue;
		if ((e = bulk_match(job, f, ids[i])) != WEFT_OK)
			return e;
	}
	return WEFT_OK;
}
