/*
 * Running a bulk batch (bulk.h).  Each account is authorized on its own
 * over its own scope (docs/authorization.md rule 2) and, for a status
 * change, by rule 9 (the admin's grants must cover the account's, as on
 * the single forms), the last enabled site admin is kept (rule 4), and
 * every changed account gets its audit row (rule 6).
 *
 * Preview and apply are one function, bulk_run(): the whole batch runs in
 * one transaction with every row it touches locked, then the preview
 * rolls it back and apply commits it.  So the preview's verdicts are not
 * a guess at what apply will do; they are what apply does, computed by
 * the same code on the same rows.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "bulk.h"
#include "db.h"
#include "members.h"

/* The permission each action needs over each account, besides
 * member.bulk (docs/authorization.md "Permissions"). */
static const enum perm bulk_action_perm[BULK__MAX] = {
	[BULK_APPROVE] = PERM_MEMBER_APPROVE,
	[BULK_UNAPPROVE] = PERM_MEMBER_UNAPPROVE,
	[BULK_DISABLE] = PERM_MEMBER_DISABLE,
	[BULK_ENABLE] = PERM_MEMBER_DISABLE,
	[BULK_GRANT] = PERM_ROLE_ASSIGN,
	[BULK_REVOKE] = PERM_ROLE_ASSIGN,
	[BULK_EXPIRE] = PERM_MEMBER_APPROVE,
};

enum perm
bulk_route_perm(enum bulk_action a)
{
	return a == BULK_EXPIRE ? PERM_MEMBER_APPROVE : PERM_MEMBER_BULK;
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
 * Where each status action takes each status (docs/style.md 3: tables over
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
	[BULK_EXPIRE] = "member.expire",
};

/*
 * approve, unapprove, disable, enable on m (locked).  Rule 9 as for one
 * account (members_may_change); rule 4 before any change that ends an
 * enabled site admin; bulk_run() took the guard's locks before any
 * member's, so crossing batches queue on the admins' rows instead of
 * deadlocking on each other's members.  Nobody shuts themselves out:
 * disabling or unapproving oneself is refused.
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
		bulk_verdict(it, BULK_REFUSED, N_("members.bulk.why.disabled"));
	else if (to == m->status)
		bulk_verdict(it, BULK_SAME, NULL);
	else if (to != MEMBER_APPROVED && (m->id == req->actor.member_id ||
	    m->id == req->actor.acting_id))
		bulk_verdict(it, BULK_REFUSED, N_("members.bulk.why.self"));
	if (to == MEMBER_STATUS__MAX || to == m->status || it->why != NULL)
		return WEFT_OK;
	if ((e = members_may_change(req, m, NULL, 0, &why)) != WEFT_OK)
		return e;
	if (why != ROLE_OK) {
		bulk_verdict(it, BULK_REFUSED, role_refusal_keys[why]);
		return WEFT_OK;
	}
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

/*
 * expire on m (locked): an application (applying) older than job->days
 * becomes disabled, never approved, with its member_rejections row
 * (kind expired) and the applicant's sessions ended.  The age is checked
 * again in the update itself, so a confirm form posting other ids than
 * its preview's changes only applications old enough.  Rule 9 as for
 * one account.  Nobody is mailed: an expiry is the timebank's
 * housekeeping (a rejection is where a coordinator writes to them).
 */
static enum weft_err
bulk_expire(const struct request *req, const struct bulk_job *job,
    struct bulk_item *it, const struct member *m)
{
	enum role_refusal	 why = ROLE_OK;
	char			 after[128];
	enum weft_err		 e;

	if (m->status != MEMBER_APPLYING) {
		bulk_verdict(it, BULK_REFUSED,
		    N_("members.bulk.why.not_waiting"));
		return WEFT_OK;
	}
	if ((e = members_may_change(req, m, NULL, 0, &why)) != WEFT_OK)
		return e;
	if (why != ROLE_OK) {
		bulk_verdict(it, BULK_REFUSED, role_refusal_keys[why]);
		return WEFT_OK;
	}
	if ((e = db_exec("UPDATE members SET status = 'disabled',"
	    " updated_at = UTC_TIMESTAMP() WHERE id = ? AND status ="
	    " 'applying' AND joined_at < UTC_TIMESTAMP() - INTERVAL ? DAY",
	    "ii", m->id, job->days)) != WEFT_OK)
		return e;
	if (db_affected() == 0) {
		bulk_verdict(it, BULK_REFUSED, N_("members.bulk.why.too_recent"));
		return WEFT_OK;
	}
	if ((e = auth_sessions_end_member(m->id)) != WEFT_OK ||
	    (e = members_rejection_write(req, m->id, "expired", "", 0)) !=
	    WEFT_OK)
		return e;
	snprintf(after, sizeof(after), "{\"status\":\"disabled\","
	    "\"expired\":true,\"older_than_days\":%lld}", job->days);
	bulk_verdict(it, BULK_CHANGE, NULL);
	return audit_write(&req->actor, bulk_audit_actions[job->action],
	    "member", m->id, m->community, "{\"status\":\"applying\"}",
	    after);
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
 * authorized on its own (the routes' permission, member.bulk or for an
 * expiry member.approve, and the action's permission over
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
		bulk_verdict(it, BULK_REFUSED, role_allows(g,
		    bulk_route_perm(job->action), &site) ?
		    N_("members.bulk.why.missing") :
		    role_refusal_keys[ROLE_REFUSE_OUT_OF_SCOPE]);
		return WEFT_OK;
	}
	if (e != WEFT_OK)
		return e;
	member_scope(&m, &sc);
	if (!role_allows(g, bulk_route_perm(job->action), &sc) ||
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
	if (job->action == BULK_EXPIRE)
		return bulk_expire(req, job, it, &m);
	return bulk_status(req, job, it, &m);
}

/*
 * The batch: one transaction, each account in id order (one lock order
 * for every batch).  Actions that can end an admin take rule 4's locks
 * first, before any member row.  commit 0 is the preview: everything is
 * done, then rolled back; commit 1 is apply.  A database error anywhere
 * rolls back the whole batch: nothing is half applied.
 */
enum weft_err
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
