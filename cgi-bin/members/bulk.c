/*
 * Bulk actions on many accounts (member.bulk, admins): approve, set back
 * to applying, disable, enable, give or remove a role.  ROLES.md rule 7:
 * a bulk action is previewed with every account it will touch and needs a
 * confirmation, and there is no bulk delete.  Each account is authorized
 * on its own over its own scope (rule 2), the last enabled site admin is
 * kept (rule 4), and every changed account gets its audit row (rule 6).
 *
 * Preview and apply are one function, bulk_run(): the whole batch runs in
 * one transaction with every row it touches locked, then the preview
 * rolls it back and apply commits it.  So the preview's verdicts are not
 * a guess at what apply will do; they are what apply does, computed by
 * the same code on the same rows.  The confirm form posts back the exact
 * ids the preview listed (never the filter), so apply works on the same
 * accounts even when "all matching" would now match others.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "members.h"
#include "valid.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* At most this many accounts in one batch: a preview must stay readable
 * and one transaction short. */
#define BULK_MAX	1000

enum bulk_action {
	BULK_APPROVE,
	BULK_UNAPPROVE,
	BULK_DISABLE,
	BULK_ENABLE,
	BULK_GRANT,
	BULK_REVOKE,
	BULK__MAX
};

static const char *const bulk_action_keys[BULK__MAX] = {
	[BULK_APPROVE] = "approve",
	[BULK_UNAPPROVE] = "unapprove",
	[BULK_DISABLE] = "disable",
	[BULK_ENABLE] = "enable",
	[BULK_GRANT] = "grant",
	[BULK_REVOKE] = "revoke",
};

/* The permission each action needs over each account, besides
 * member.bulk (ROLES.md table). */
static const enum perm bulk_action_perm[BULK__MAX] = {
	[BULK_APPROVE] = PERM_MEMBER_APPROVE,
	[BULK_UNAPPROVE] = PERM_MEMBER_UNAPPROVE,
	[BULK_DISABLE] = PERM_MEMBER_DISABLE,
	[BULK_ENABLE] = PERM_MEMBER_DISABLE,
	[BULK_GRANT] = PERM_ROLE_ASSIGN,
	[BULK_REVOKE] = PERM_ROLE_ASSIGN,
};

static const char *const bulk_action_labels[BULK__MAX] = {
	[BULK_APPROVE] = "members.bulk.action.approve",
	[BULK_UNAPPROVE] = "members.bulk.action.unapprove",
	[BULK_DISABLE] = "members.bulk.action.disable",
	[BULK_ENABLE] = "members.bulk.action.enable",
	[BULK_GRANT] = "members.bulk.action.grant",
	[BULK_REVOKE] = "members.bulk.action.revoke",
};

enum bulk_verdict {
	BULK_CHANGE,
	BULK_SAME,
	BULK_REFUSED,
	BULK_VERDICT__MAX
};

static const char *const bulk_verdict_keys[BULK_VERDICT__MAX] = {
	[BULK_CHANGE] = "change",
	[BULK_SAME] = "same",
	[BULK_REFUSED] = "refused",
};

struct bulk_item {
	long long		 id;
	enum bulk_verdict	 verdict;
	const char		*why;	/* phrase key, or NULL */
	int			 known;	/* in scope: name may be shown */
	char			 username[33];
	char			 name[129];
	enum member_status	 status;	/* before the action */
};

struct bulk_job {
	enum bulk_action	 action;
	enum role		 role;		/* grant, revoke */
	struct scope		 scope;
	struct bulk_item	*items;		/* BULK_MAX of them */
	size_t			 n;
	int			 truncated;	/* more were asked for */
	size_t			 count[BULK_VERDICT__MAX];
};

/* ---- the accounts of the batch ----------------------------------------- */

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
static int
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

/* The list page's filters, as the list applies them. */
struct bulk_filter {
	const char	*status;	/* "" or a status key */
	const char	*role;		/* "" or a role key */
	long long	 community;	/* 0: any */
	int		 no_community;	/* f_community=none */
	char		 like[3 * 128 + 3];	/* "" or %q% escaped */
	long long	 org;		/* -1 any, 1 organisations only */
	long long	 optout;
};

/* "" -1 (any), "no"/"0" 0, "yes"/"1" 1, else -2 (invalid): the list
 * page writes yes/no. */
static long long
bulk_tristate(const char *v)
{
	if (v[0] == '\0')
		return -1;
	if (strcmp(v, "no") == 0 || strcmp(v, "0") == 0)
		return 0;
	if (strcmp(v, "yes") == 0 || strcmp(v, "1") == 0)
		return 1;
	return -2;
}

/* Reads f_status, f_role, f_community, f_q, f_org, f_optout; -1 when
 * one is not a value the list page offers. */
static int
bulk_filter_read(const struct request *req, struct bulk_filter *f)
{
	enum member_status	 st;
	enum role		 r;
	const char		*q = app_form_str(req, "f_q"), *c;
	size_t			 n = 0;

	memset(f, 0, sizeof(*f));
	f->status = app_form_str(req, "f_status");
	f->role = app_form_str(req, "f_role");
	if ((f->status[0] && member_status_parse(f->status, &st) != 0) ||
	    (f->role[0] && role_parse(f->role, &r) != 0))
		return -1;
	c = app_form_str(req, "f_community");
	if (strcmp(c, "none") == 0)
		f->no_community = 1;
	else if (c[0] && valid_id(c, &f->community) != VALID_OK)
		return -1;
	if ((f->org = bulk_tristate(app_form_str(req, "f_org"))) == -2 ||
	    (f->optout = bulk_tristate(app_form_str(req, "f_optout"))) == -2)
		return -1;
	/* As the list: the organisation filter is "only organisations" or
	 * nothing. */
	if (f->org == 0)
		f->org = -1;
	if (q[0] == '\0')
		return 0;
	if (valid_text(q, 1, 128, 0) != VALID_OK)
		return -1;
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
	    "ORDER BY m.id LIMIT 1001";
	struct db_rows		*r;
	enum weft_err		 e;

	if ((e = db_query(&r, sql, "ii" "i" "ss" "ss" "ssss" "ii" "ii",
	    community, community, (long long)f->no_community,
	    f->status, f->status, f->role, f->role,
	    f->like, f->like, f->like, f->like,
	    f->org, f->org, f->optout, f->optout)) != WEFT_OK)
		return e;
	while (db_next(r))
		bulk_add(job, db_int(r, 0));
	db_rows_free(r);
	return WEFT_OK;
}

/*
 * "All matching the filter": the members the list would show, limited to
 * the actor's member.bulk scope in SQL (a community admin's "all" is all
 * of their communities' members, not the site's with most refused).
 */
static enum weft_err
bulk_all_matching(const struct request *req, struct bulk_job *job,
    const struct bulk_filter *f)
{
	long long	 ids[ROLE_GRANTS_MAX];
	enum weft_err	 e;
	size_t		 i, n;
	int		 site;

	n = members_scope_ids(&req->actor, PERM_MEMBER_BULK, &site, ids,
	    ROLE_GRANTS_MAX);
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

static int
bulk_cmp(const void *a, const void *b)
{
	const struct bulk_item	*x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* ---- one account ----------------------------------------------------- */

static void
bulk_verdict(struct bulk_item *it, enum bulk_verdict v, const char *why)
{
	it->verdict = v;
	it->why = why;
}

/* The audit row of a status change, with the member before and after. */
static enum weft_err
bulk_audit_member(const struct request *req, const char *action,
    const struct member *before, const struct member *after)
{
	struct buf	 b, a;
	enum weft_err	 e;

	buf_init(&b);
	buf_init(&a);
	member_json(&b, before);
	member_json(&a, after);
	if (buf_failed(&b) || buf_failed(&a))
		e = WEFT_ERR_NOMEM;
	else
		e = audit_write(&req->actor, action, "member", before->id,
		    before->community, b.p, a.p);
	buf_free(&b);
	buf_free(&a);
	return e;
}

/*
 * Where each status action takes each status (STYLE.md 3: tables over
 * code); MEMBER_STATUS__MAX is a wrong state, refused.  Enabling gives
 * back an approved account, as status.c's single form does.
 */
static const enum member_status bulk_next[BULK__MAX][MEMBER_STATUS__MAX] = {
	[BULK_APPROVE] = { MEMBER_APPROVED, MEMBER_APPROVED,
	    MEMBER_STATUS__MAX },
	[BULK_UNAPPROVE] = { MEMBER_APPLYING, MEMBER_APPLYING,
	    MEMBER_STATUS__MAX },
	[BULK_DISABLE] = { MEMBER_DISABLED, MEMBER_DISABLED, MEMBER_DISABLED },
	[BULK_ENABLE] = { MEMBER_APPLYING, MEMBER_APPROVED, MEMBER_APPROVED },
};

static const char *const bulk_audit_actions[BULK__MAX] = {
	[BULK_APPROVE] = "member.approve",
	[BULK_UNAPPROVE] = "member.unapprove",
	[BULK_DISABLE] = "member.disable",
	[BULK_ENABLE] = "member.enable",
	[BULK_GRANT] = "grant.add",
	[BULK_REVOKE] = "grant.remove",
};

/*
 * approve, unapprove, disable, enable on m (locked).  Rule 4 before any
 * change that ends an enabled site admin; bulk_run() took the guard's
 * locks before any member's, so crossing batches queue on the admins'
 * rows instead of deadlocking on each other's members.  Nobody shuts
 * themselves out: disabling or unapproving oneself is refused.
 */
static enum weft_err
bulk_status(const struct request *req, const struct bulk_job *job,
    struct bulk_item *it, const struct member *m)
{
	/* approved_at first: MariaDB assigns left to right, and the CASE
	 * must see the old status.  As status.c does: approving stamps the
	 * date, enabling keeps it (or stamps it when there was none),
	 * setting back to applying clears it. */
	static const char	 sql[] =
	    "UPDATE members SET approved_at = CASE "
	    "WHEN ? = 'approved' AND status = 'applying' THEN UTC_TIMESTAMP() "
	    "WHEN ? = 'approved' THEN COALESCE(approved_at, UTC_TIMESTAMP()) "
	    "WHEN ? = 'applying' THEN NULL ELSE approved_at END, status = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?";
	enum member_status	 to = bulk_next[job->action][m->status];
	enum role_refusal	 why = ROLE_OK;
	struct member		 after;
	const char		*k;
	enum weft_err		 e;

	if (to == MEMBER_STATUS__MAX)
		bulk_verdict(it, BULK_REFUSED, "members.bulk.why.disabled");
	else if (to == m->status)
		bulk_verdict(it, BULK_SAME, NULL);
	else if (to != MEMBER_APPROVED && (m->id == req->actor.member_id ||
	    m->id == req->actor.acting_id))
		bulk_verdict(it, BULK_REFUSED, "members.bulk.why.self");
	if (to == MEMBER_STATUS__MAX || to == m->status || it->why != NULL)
		return WEFT_OK;
	if (m->status == MEMBER_APPROVED &&
	    (e = role_guard_last_admin(m->id, &why)) != WEFT_OK)
		return e;
	if (why != ROLE_OK) {
		bulk_verdict(it, BULK_REFUSED, role_refusal_keys[why]);
		return WEFT_OK;
	}
	k = member_status_keys[to];
	if ((e = db_exec(sql, "ssssi", k, k, k, k, m->id)) != WEFT_OK)
		return e;
	if (to == MEMBER_DISABLED &&
	    (e = auth_sessions_end_member(m->id)) != WEFT_OK)
		return e;
	if ((e = member_load(m->id, 0, &after)) != WEFT_OK)
		return e;
	bulk_verdict(it, BULK_CHANGE, NULL);
	return bulk_audit_member(req, bulk_audit_actions[job->action], m,
	    &after);
}

/* {"member_id":N,"role":"...","scope":"..."}, as role_db.c writes it for
 * the single grant forms, so the log reads the same either way. */
static enum weft_err
bulk_audit_grant(const struct request *req, const struct bulk_job *job,
    long long grant_id, long long member_id)
{
	struct buf	 b;
	enum weft_err	 e;
	char		 scope[64];
	int		 add = job->action == BULK_GRANT;

	buf_init(&b);
	scope_format(&job->scope, scope, sizeof(scope));
	buf_printf(&b, "{\"member_id\":%lld,\"role\":", member_id);
	buf_json_str(&b, role_keys[job->role]);
	buf_puts(&b, ",\"scope\":");
	buf_json_str(&b, scope);
	buf_puts(&b, "}");
	if (buf_failed(&b))
		e = WEFT_ERR_NOMEM;
	else
		e = audit_write(&req->actor, bulk_audit_actions[job->action],
		    "grant", grant_id, job->scope.kind == SCOPE_COMMUNITY ?
		    job->scope.community : 0, add ? NULL : b.p,
		    add ? b.p : NULL);
	buf_free(&b);
	return e;
}

/* grant and revoke: rule 3 on the grant itself (the member's own scope
 * was checked by the caller), rule 4 for a site admin grant. */
static enum weft_err
bulk_grant(const struct request *req, const struct bulk_job *job,
    struct bulk_item *it, const struct member *m)
{
	static const char	 sql_find[] =
	    "SELECT id FROM grants WHERE member_id = ? AND role = ? "
	    "AND scope_kind = ? AND community_id = ? AND lang = ? FOR UPDATE";
	static const char	 sql_add[] =
	    "INSERT INTO grants (member_id, role, scope_kind, community_id, "
	    "lang, granted_by) VALUES (?, ?, ?, ?, ?, ?)";
	static const char	 sql_del[] = "DELETE FROM grants WHERE id = ?";
	static const char *const kinds[SCOPE__MAX] = {
		"site", "community", "language",
	};
	const struct scope	*s = &job->scope;
	enum role_refusal	 why;
	enum weft_err		 e;
	long long		 gid = 0;

	if ((why = role_may_grant(&req->actor.grants, job->role, s)) !=
	    ROLE_OK) {
		bulk_verdict(it, BULK_REFUSED, role_refusal_keys[why]);
		return WEFT_OK;
	}
	e = db_query_int(&gid, sql_find, "issis", m->id, role_keys[job->role],
	    kinds[s->kind], s->kind == SCOPE_COMMUNITY ? s->community : 0LL,
	    s->kind == SCOPE_LANGUAGE ? s->lang : "");
	if (e != WEFT_OK && e != WEFT_ERR_NOTFOUND)
		return e;
	if ((job->action == BULK_GRANT) == (e == WEFT_OK)) {
		bulk_verdict(it, BULK_SAME, NULL);
		return WEFT_OK;
	}
	if (job->action == BULK_GRANT) {
		if ((e = db_exec(sql_add, "issisi", m->id, role_keys[job->role],
		    kinds[s->kind], s->kind == SCOPE_COMMUNITY ?
		    s->community : 0LL, s->kind == SCOPE_LANGUAGE ? s->lang :
		    "", req->actor.member_id)) != WEFT_OK)
			return e;
		bulk_verdict(it, BULK_CHANGE, NULL);
		return bulk_audit_grant(req, job, db_insert_id(), m->id);
	}
	if (job->role == ROLE_ADMIN && s->kind == SCOPE_SITE &&
	    (e = role_guard_last_admin(m->id, &why)) != WEFT_OK)
		return e;
	if (why != ROLE_OK) {
		bulk_verdict(it, BULK_REFUSED, role_refusal_keys[why]);
		return WEFT_OK;
	}
	if ((e = db_exec(sql_del, "i", gid)) != WEFT_OK)
		return e;
	bulk_verdict(it, BULK_CHANGE, NULL);
	return bulk_audit_grant(req, job, gid, m->id);
}

/*
 * One account, inside the batch's transaction: loaded and locked, then
 * authorized on its own (member.bulk and the action's permission over
 * this member's scope), then changed or not.  A member out of scope and
 * a member that does not exist get the same verdict for a scoped admin
 * (rule 1: no probing by id), and neither shows a name.
 */
static enum weft_err
bulk_item(const struct request *req, const struct bulk_job *job,
    struct bulk_item *it)
{
	static const struct scope site = { SCOPE_SITE, 0, "" };
	const struct grants	*g = &req->actor.grants;
	struct member		 m;
	struct scope		 sc;
	enum weft_err		 e;

	if ((e = member_load(it->id, 1, &m)) == WEFT_ERR_NOTFOUND) {
		bulk_verdict(it, BULK_REFUSED, role_allows(g, PERM_MEMBER_BULK,
		    &site) ? "members.bulk.why.missing" :
		    role_refusal_keys[ROLE_REFUSE_OUT_OF_SCOPE]);
		return WEFT_OK;
	}
	if (e != WEFT_OK)
		return e;
	member_scope(&m, &sc);
	if (!role_allows(g, PERM_MEMBER_BULK, &sc) ||
	    !role_allows(g, bulk_action_perm[job->action], &sc)) {
		bulk_verdict(it, BULK_REFUSED,
		    role_refusal_keys[ROLE_REFUSE_OUT_OF_SCOPE]);
		return WEFT_OK;
	}
	it->known = 1;
	snprintf(it->username, sizeof(it->username), "%s", m.username);
	snprintf(it->name, sizeof(it->name), "%s", m.name);
	it->status = m.status;
	if (job->action == BULK_GRANT || job->action == BULK_REVOKE)
		return bulk_grant(req, job, it, &m);
	return bulk_status(req, job, it, &m);
}

/*
 * The batch: one transaction, each account in id order (one lock order
 * for every batch).  Actions that can end an admin take rule 4's locks
 * first, before any member row.  commit 0 is the preview: everything is
 * done, then rolled back; commit 1 is apply.  A database error anywhere
 * rolls back the whole batch: nothing is half applied.
 */
static enum weft_err
bulk_run(const struct request *req, struct bulk_job *job, int commit)
{
	enum role_refusal	 why;
	enum weft_err		 e;
	size_t			 i;

	memset(job->count, 0, sizeof(job->count));
	for (i = 0; i < job->n; i++) {
		job->items[i].why = NULL;
		job->items[i].known = 0;
	}
	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((job->action == BULK_UNAPPROVE || job->action == BULK_DISABLE ||
	    job->action == BULK_REVOKE) &&
	    (e = role_guard_last_admin(0, &why)) != WEFT_OK)
		goto err;
	for (i = 0; i < job->n; i++) {
		if ((e = bulk_item(req, job, &job->items[i])) != WEFT_OK)
			goto err;
		job->count[job->items[i].verdict]++;
	}
	if (!commit) {
		db_rollback();
		return WEFT_OK;
	}
	return db_commit();
err:
	db_rollback();
	return e;
}

/* ---- pages ----------------------------------------------------------- */

/* The action in words: "Disable", "Give the role X for Y". */
static void
bulk_describe(struct tmpl_dict *d, const struct request *req,
    const struct bulk_job *job)
{
	char	 scope[64];

	tmpl_set(d, "ACTION", bulk_action_keys[job->action]);
	tmpl_set(d, "ACTION_LABEL", app_text(req,
	    bulk_action_labels[job->action]));
	if (job->action != BULK_GRANT && job->action != BULK_REVOKE)
		return;
	scope_format(&job->scope, scope, sizeof(scope));
	/* For the confirm form's hidden fields. */
	tmpl_set(d, "ROLE_VALUE", role_keys[job->role]);
	tmpl_set(d, "SCOPE_VALUE", scope);
	d = tmpl_section(d, "ROLE_ACTION");
	tmpl_set(d, "ROLE_TITLE", role_titles[job->role]);
	tmpl_set(d, "ROLE", role_keys[job->role]);
	tmpl_set(d, "SCOPE", scope);
}

/* IDS: the batch's ids, comma-separated, for a form to post back. */
static enum weft_err
bulk_ids_set(struct tmpl_dict *d, const struct bulk_job *job)
{
	struct buf	 ids;
	enum weft_err	 e;
	size_t		 i;

	buf_init(&ids);
	for (i = 0; i < job->n; i++)
		buf_printf(&ids, "%s%lld", i ? "," : "", job->items[i].id);
	e = buf_failed(&ids) ? WEFT_ERR_NOMEM : WEFT_OK;
	tmpl_set(d, "IDS", e == WEFT_OK && ids.p != NULL ? ids.p : "");
	buf_free(&ids);
	return e;
}

/* Every account with its verdict; ids for the confirm form. */
static enum weft_err
bulk_items_fill(struct tmpl_dict *d, const struct request *req,
    const struct bulk_job *job, int preview)
{
	static const char *const words[2][BULK_VERDICT__MAX] = {
		{ "members.bulk.verdict.changed", "members.bulk.verdict.same",
		    "members.bulk.verdict.refused" },
		{ "members.bulk.verdict.will", "members.bulk.verdict.same",
		    "members.bulk.verdict.refused" },
	};
	struct tmpl_dict	*row, *s;
	char			 key[32];
	size_t			 i;

	for (i = 0; i < job->n; i++) {
		const struct bulk_item *it = &job->items[i];

		row = tmpl_section(d, "ITEM");
		tmpl_set_int(row, "ID", it->id);
		tmpl_set(row, "VERDICT", bulk_verdict_keys[it->verdict]);
		tmpl_set(row, "VERDICT_TEXT", app_text(req,
		    words[preview != 0][it->verdict]));
		if (it->why != NULL)
			tmpl_set(tmpl_section(row, "WHY"), "TEXT",
			    app_text(req, it->why));
		if (it->known) {
			s = tmpl_section(row, "KNOWN");
			tmpl_set_int(s, "ID", it->id);
			tmpl_set(s, "NAME", it->name);
			tmpl_set(s, "USERNAME", it->username);
			tmpl_set(s, "STATUS", member_status_keys[it->status]);
		} else
			tmpl_show(row, "UNKNOWN");
	}
	for (i = 0; i < BULK_VERDICT__MAX; i++) {
		snprintf(key, sizeof(key), "N_%s", bulk_verdict_keys[i]);
		tmpl_set_int(d, key, (long long)job->count[i]);
	}
	tmpl_set_int(d, "N_TOTAL", (long long)job->n);
	if (job->truncated)
		tmpl_show(d, "TRUNCATED");
	tmpl_set_int(d, "MAX", BULK_MAX);
	return bulk_ids_set(d, job);
}

/* The choose-an-action form again, status 422, with the message on
 * field: nothing was changed.  Keeps the accounts and choices made.
 * Returns -1 once the page is rendered, else the status to answer. */
static int
bulk_refuse_form(struct request *req, const struct bulk_job *job,
    const char *field, const char *key)
{
	struct tmpl_dict	*d, *o;
	size_t			 i;
	const char		*sel = app_form_str(req, "action");

	if ((d = app_page(req, "members/bulk.tpl",
	    app_text(req, "members.bulk.title"))) == NULL ||
	    bulk_ids_set(d, job) != WEFT_OK)
		return 500;
	tmpl_set_int(d, "N_TOTAL", (long long)job->n);
	for (i = 0; i < BULK__MAX; i++) {
		o = tmpl_section(d, "ACTION_OPTION");
		tmpl_set(o, "VALUE", bulk_action_keys[i]);
		tmpl_set(o, "LABEL", app_text(req, bulk_action_labels[i]));
		if (strcmp(sel, bulk_action_keys[i]) == 0)
			tmpl_show(o, "SELECTED");
	}
	for (i = 0; i < ROLE__MAX; i++) {
		o = tmpl_section(d, "ROLE_OPTION");
		tmpl_set(o, "VALUE", role_keys[i]);
		tmpl_set(o, "LABEL", role_titles[i]);
		if (strcmp(app_form_str(req, "role"), role_keys[i]) == 0)
			tmpl_show(o, "SELECTED");
	}
	tmpl_set(d, "SCOPE", app_form_str(req, "scope"));
	form_error(d, field, app_text(req, key));
	(void)app_render(req, 422);
	return -1;
}

/*
 * Reads the batch from the form: the action (and role and scope), and
 * the accounts (ids, or all matching the list's filter).  Returns 0 to
 * go on, -1 when the 422 form is rendered, else the status to answer.
 */
static int
bulk_read(struct request *req, struct bulk_job *job, int allow_all)
{
	struct bulk_filter	 f;
	enum weft_err		 e;
	size_t			 i;
	long long		 n;
	const char		*a = app_form_str(req, "action");

	for (i = 0; i < BULK__MAX && strcmp(a, bulk_action_keys[i]) != 0; i++)
		continue;
	job->action = (enum bulk_action)i;
	if (bulk_ids_form(req, job) != 0)
		return bulk_refuse_form(req, job, "ids",
		    "members.bulk.error.ids");
	if (allow_all && strcmp(app_form_str(req, "all_matching"), "1") == 0) {
		if (bulk_filter_read(req, &f) != 0)
			return bulk_refuse_form(req, job, "ids",
			    "members.bulk.error.filter");
		if ((e = bulk_all_matching(req, job, &f)) != WEFT_OK)
			return app_status_of(e);
	}
	qsort(job->items, job->n, sizeof(job->items[0]), bulk_cmp);
	if (job->n == 0)
		return bulk_refuse_form(req, job, "ids",
		    "members.bulk.error.none");
	if (i == BULK__MAX)
		return bulk_refuse_form(req, job, "action",
		    "members.bulk.error.action");
	if (job->action != BULK_GRANT && job->action != BULK_REVOKE)
		return 0;
	if (role_parse(app_form(req, "role"), &job->role) != 0)
		return bulk_refuse_form(req, job, "role",
		    "members.bulk.error.role");
	if (scope_parse(app_form(req, "scope"), &job->scope) != 0)
		return bulk_refuse_form(req, job, "scope",
		    "members.bulk.error.scope");
	if (job->scope.kind == SCOPE_COMMUNITY) {
		if ((e = db_query_int(&n, "SELECT COUNT(*) FROM communities "
		    "WHERE id = ?", "i", job->scope.community)) != WEFT_OK)
			return app_status_of(e);
		if (n == 0)
			return bulk_refuse_form(req, job, "scope",
			    "members.bulk.error.community");
	}
	return 0;
}

/*
 * POST /members/bulk (preview) and POST /members/bulk/apply: the same
 * reading, the same bulk_run(); only commit and the page differ.
 */
static int
bulk_handle(struct request *req, int apply)
{
	struct bulk_job		 job;
	struct tmpl_dict	*d;
	enum weft_err		 e;
	int			 st;

	memset(&job, 0, sizeof(job));
	if ((job.items = calloc(BULK_MAX, sizeof(job.items[0]))) == NULL)
		return 500;
	if ((st = bulk_read(req, &job, !apply)) != 0) {
		st = st == -1 ? 0 : st;
		goto out;
	}
	/* A deadlock rolled the whole batch back: run it once more, as
	 * MariaDB advises; the second run sees what the other committed. */
	if ((e = bulk_run(req, &job, apply)) == WEFT_ERR_CONFLICT)
		e = bulk_run(req, &job, apply);
	if (e != WEFT_OK) {
		st = e == WEFT_ERR_CONFLICT ? app_error(req, 409, app_text(req,
		    "members.bulk.error.conflict")) : app_status_of(e);
		goto out;
	}
	if (apply)
		log_msg(LOGL_INFO, "bulk %s: %lu changed, %lu unchanged, "
		    "%lu refused", bulk_action_keys[job.action],
		    (unsigned long)job.count[BULK_CHANGE],
		    (unsigned long)job.count[BULK_SAME],
		    (unsigned long)job.count[BULK_REFUSED]);
	st = 500;
	if ((d = app_page(req, apply ? "members/bulk_result.tpl" :
	    "members/bulk_preview.tpl", app_text(req, apply ?
	    "members.bulk.result_title" : "members.bulk.preview_title"))) ==
	    NULL)
		goto out;
	bulk_describe(d, req, &job);
	if (bulk_items_fill(d, req, &job, !apply) != WEFT_OK)
		goto out;
	if (!apply)
		tmpl_show(d, job.count[BULK_CHANGE] > 0 ? "CONFIRM" :
		    "NOTHING");
	st = app_render(req, 200);
out:
	free(job.items);
	return st;
}

int
members_bulk_preview(struct request *req)
{
	return bulk_handle(req, 0);
}

int
members_bulk_apply(struct request *req)
{
	return bulk_handle(req, 1);
}

const struct i18n_phrase members_bulk_phrases[] = {
	{ "members.bulk.action.approve", "Approve" },
	{ "members.bulk.action.disable", "Disable" },
	{ "members.bulk.action.enable", "Enable" },
	{ "members.bulk.action.grant", "Give a role" },
	{ "members.bulk.action.revoke", "Remove a role" },
	{ "members.bulk.action.unapprove", "Set back to applying" },
	{ "members.bulk.error.action", "Choose what to do with the accounts." },
	{ "members.bulk.error.community", "There is no such Community "
	    "Timebank." },
	{ "members.bulk.error.conflict", "Another change to these accounts "
	    "ran at the same moment, so nothing was changed. Please try "
	    "again." },
	{ "members.bulk.error.filter", "The filter of the member list is not "
	    "valid." },
	{ "members.bulk.error.ids", "The list of accounts is not valid." },
	{ "members.bulk.error.none", "Choose at least one account." },
	{ "members.bulk.error.role", "Choose the role to give or remove." },
	{ "members.bulk.error.scope", "Say where the role applies: site, "
	    "community:N, or language:xx for a Translator." },
	{ "members.bulk.preview_title", "Bulk action: preview" },
	{ "members.bulk.result_title", "Bulk action: done" },
	{ "members.bulk.title", "Bulk action" },
	{ "members.bulk.verdict.changed", "Changed" },
	{ "members.bulk.verdict.refused", "Refused" },
	{ "members.bulk.verdict.same", "No change needed" },
	{ "members.bulk.verdict.will", "Will change" },
	{ "members.bulk.why.disabled", "The account is disabled: enable it "
	    "first." },
	{ "members.bulk.why.missing", "There is no such member." },
	{ "members.bulk.why.self", "You cannot do this to your own "
	    "account." },
};
const size_t members_bulk_nphrases = NELEM(members_bulk_phrases);
