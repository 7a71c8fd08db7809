/*
 * The database side of role.h: loading a member's grants, rule 4 (never
 * without an Admin) and giving or removing a grant with its audit row
 * (rules 3 and 6).  The pure rules are role.c's; this file only reads
 * and writes rows around them.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "db.h"
#include "log.h"
#include "role.h"
#include "util.h"

static const char *const scope_kind_keys[SCOPE__MAX] = {
	[SCOPE_SITE] = "site",
	[SCOPE_COMMUNITY] = "community",
	[SCOPE_LANGUAGE] = "language",
};

/*
 * Fills g from the columns role, scope_kind, community_id, lang starting
 * at column c of the current row.  A value the schema allows but this
 * code does not know is an error, never a grant with less or more in it.
 */
static enum weft_err
role_row_grant(const struct db_rows *rows, unsigned c, struct grant *g)
{
	const char	*kind, *lang;
	int		 k;

	memset(g, 0, sizeof(*g));
	if (role_parse(db_str(rows, c), &g->role) != 0)
		return WEFT_ERR_DB;
	kind = db_str(rows, c + 1);
	if ((k = util_lookup(scope_kind_keys, SCOPE__MAX, kind)) == -1)
		return WEFT_ERR_DB;
	g->scope.kind = (enum scope_kind)k;
	if (g->scope.kind == SCOPE_COMMUNITY)
		g->scope.community = db_int(rows, c + 2);
	if (g->scope.kind == SCOPE_LANGUAGE) {
		lang = db_str(rows, c + 3);
		if (lang == NULL || strlen(lang) >= sizeof(g->scope.lang))
			return WEFT_ERR_DB;
		memcpy(g->scope.lang, lang, strlen(lang) + 1);
	}
	return WEFT_OK;
}

/* Orders gs by row id (insertion sort: at most ROLE_GRANTS_MAX). */
static void
role_grants_sort(struct grants *gs)
{
	struct grant	 t;
	size_t		 i, j;

	for (i = 1; i < gs->n; i++) {
		t = gs->g[i];
		for (j = i; j > 0 && gs->g[j - 1].id > t.id; j--)
			gs->g[j] = gs->g[j - 1];
		gs->g[j] = t;
	}
}

enum weft_err
role_grants_read(struct db_rows *rows, unsigned c, long long member_id,
    struct grants *out)
{
	enum weft_err	 e;

	memset(out, 0, sizeof(*out));
	do {
		if (db_null(rows, c))
			continue;
		if (out->n == ROLE_GRANTS_MAX) {
			log_msg(LOGL_ERROR, "member %lld has more than %d "
			    "grants", member_id, ROLE_GRANTS_MAX);
			e = WEFT_ERR_INVALID;
			goto err;
		}
		if ((e = role_row_grant(rows, c + 1, &out->g[out->n])) !=
		    WEFT_OK) {
			log_msg(LOGL_ERROR, "grant %lld: unreadable row",
			    db_int(rows, c));
			goto err;
		}
		out->g[out->n].id = db_int(rows, c);
		out->n++;
	} while (db_next(rows));
	role_grants_sort(out);
	return WEFT_OK;
err:
	memset(out, 0, sizeof(*out));
	return e;
}

/* No ORDER BY: role_grants_read() orders the grants, where MariaDB would
 * sort them in a filesort (grants_unique, which it reads, is not in id
 * order). */
enum weft_err
role_load_grants(long long member_id, struct grants *out)
{
	static const char	 sql[] =
	    "SELECT id, role, scope_kind, community_id, lang FROM grants "
	    "WHERE member_id = ?";
	struct db_rows		*rows = NULL;
	enum weft_err		 e;

	memset(out, 0, sizeof(*out));
	if ((e = db_query(&rows, sql, "i", member_id)) != WEFT_OK)
		return e;
	if (db_next(rows))
		e = role_grants_read(rows, 0, member_id, out);
	db_rows_free(rows);
	return e;
}

/*
 * Rule 4.  The locking, and why it makes two concurrent demotions of the
 * last two admins leave one:
 *
 * SELECT ... FOR UPDATE is a locking ("current") read: InnoDB reads the
 * newest committed version of each row, whatever the isolation level
 * (db.c runs READ COMMITTED), waits for any row another transaction has
 * locked or changed, and takes an exclusive lock on every row it reads:
 * the site admin grant rows (through the grants_role_scope index) and,
 * through the join, those admins' member rows.  STRAIGHT_JOIN keeps the
 * plan grants-first, so that only the admins' member rows are locked,
 * never a scan of every approved member, and every caller takes the
 * locks in the same order.
 *
 * Every change that stops someone being an enabled site admin touches one
 * of those rows: deleting the grant, or disabling, unapproving or
 * deleting the member.  So with T1 demoting A and T2 demoting B, A and B
 * the last two, whichever runs the guard second waits for the first's
 * locks until it commits or rolls back, then reads the rows as they are
 * now: if T1 removed A's grant or disabled A, T2 sees B alone and is
 * refused.  New admins need no lock (gap locks are not needed: an added
 * admin can only make the answer safer).
 *
 * The caller must call the guard before its change, in the same
 * transaction, and commit or roll back soon: the locks are held until
 * then.
 *
 * On a Galera cluster the locks hold on one node only: two demotions on
 * two nodes would not wait for each other.  So a change that passes the
 * guard and may end an admin's adminship also writes the 'site' row of
 * role_guard (sql/032_role_guard.sql): of two such transactions on two
 * nodes, the second to commit fails certification with a deadlock
 * (1213), is run again by app.c and, seeing the first's commit, is
 * refused.
 */
enum weft_err
role_guard_last_admin(long long member_id, enum role_refusal *why)
{
	static const char	 sql[] =
	    "SELECT g.member_id FROM grants g "
	    "STRAIGHT_JOIN members m ON m.id = g.member_id "
	    "WHERE g.role = 'admin' AND g.scope_kind = 'site' "
	    "AND g.community_id = 0 AND m.status = 'approved' "
	    "ORDER BY g.id FOR UPDATE";
	struct db_rows		*rows = NULL;
	enum weft_err		 e;
	size_t			 others = 0;
	int			 present = 0;

	*why = ROLE_OK;
	if ((e = db_query(&rows, sql, "")) != WEFT_OK)
		return e;
	while (db_next(rows)) {
		if (db_int(rows, 0) == member_id)
			present = 1;
		else
			others++;
	}
	db_rows_free(rows);
	if (present && others == 0) {
		*why = ROLE_REFUSE_LAST_ADMIN;
		return WEFT_OK;
	}
	/* The change may end an admin's adminship (member_id 0: a bulk
	 * change, any of its members): the guard row, which Galera's
	 * certification sees where it does not see the locks above. */
	if (present || member_id == 0)
		e = db_exec("INSERT INTO role_guard (scope, changes) "
		    "VALUES ('site', 1) "
		    "ON DUPLICATE KEY UPDATE changes = changes + 1", "");
	return e;
}

/* {"member_id":N,"role":"...","scope":"..."}, for the audit row. */
static void
role_grant_json(struct buf *b, long long member_id, enum role r,
    const struct scope *s)
{
	char	 scope[64];

	scope_format(s, scope, sizeof(scope));
	buf_printf(b, "{\"member_id\":%lld,\"role\":", member_id);
	buf_json_str(b, role_keys[r]);
	buf_puts(b, ",\"scope\":");
	buf_json_str(b, scope);
	buf_puts(b, "}");
}

/* The audit row of a grant added (it is the row's after) or removed (its
 * before), then the commit of the transaction both are part of.  The
 * row's community is the grant's when it is community-scoped, else 0 (a
 * site-level object). */
static enum weft_err
role_grant_audit(const struct actor *a, const char *action, long long id,
    long long member_id, enum role r, const struct scope *s, int removed)
{
	struct buf	 b;
	enum weft_err	 e;

	buf_init(&b);
	role_grant_json(&b, member_id, r, s);
	if (buf_failed(&b))
		e = WEFT_ERR_NOMEM;
	else if ((e = audit_write(a, action, "grant", id,
	    s->kind == SCOPE_COMMUNITY ? s->community : 0,
	    removed ? b.p : NULL, removed ? NULL : b.p)) == WEFT_OK)
		e = db_commit();
	buf_free(&b);
	return e;
}

/* The grantee's own scope (rule 2), read in share mode so that the
 * member cannot be deleted or moved before the insert; WEFT_ERR_NOTFOUND
 * when there is no such member. */
static enum weft_err
role_grantee(long long member_id, struct scope *ms)
{
	enum weft_err	 e;
	long long	 community;

	if ((e = db_query_int(&community, "SELECT community_id FROM members"
	    " WHERE id = ? LOCK IN SHARE MODE", "i", member_id)) == WEFT_OK)
		scope_of_community(community, ms);
	return e;
}

/* WEFT_ERR_NOTFOUND when s is a community scope of no community. */
static enum weft_err
role_scope_exists(const struct scope *s)
{
	enum weft_err	 e;
	long long	 n;

	if (s->kind != SCOPE_COMMUNITY)
		return WEFT_OK;
	if ((e = db_query_int(&n, "SELECT COUNT(*) FROM communities"
	    " WHERE id = ?", "i", s->community)) != WEFT_OK)
		return e;
	return n > 0 ? WEFT_OK : WEFT_ERR_NOTFOUND;
}

/*
 * Gives member_id the grant (r, s).  Rule 3 is checked twice: on the
 * actor's grants alone before anything is read, then on the member's own
 * community (rule 2: a community:N admin appoints only members of N).
 *
 * A grant the member already holds is a no-op: WEFT_OK with *why ==
 * ROLE_OK, nothing written and no audit row, since nothing changed (a form
 * sent twice then does no harm).
 */
enum weft_err
role_grant_add(const struct actor *a, long long member_id, enum role r,
    const struct scope *s, enum role_refusal *why)
{
	static const char	 sql_insert[] =
	    "INSERT INTO grants (member_id, role, scope_kind, community_id, "
	    "lang, granted_by) VALUES (?, ?, ?, ?, ?, ?)";
	struct scope		 ms;
	enum weft_err		 e;

	if ((*why = role_may_grant(&a->grants, r, s)) != ROLE_OK)
		return WEFT_OK;
	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((e = role_grantee(member_id, &ms)) != WEFT_OK)
		goto err;
	if (!role_allows(&a->grants, PERM_ROLE_ASSIGN, &ms)) {
		*why = ROLE_REFUSE_OUT_OF_SCOPE;
		db_rollback();
		return WEFT_OK;
	}
	if ((e = role_scope_exists(s)) != WEFT_OK)
		goto err;
	e = db_exec(sql_insert, "issisi", member_id, role_keys[r],
	    scope_kind_keys[s->kind],
	    s->kind == SCOPE_COMMUNITY ? s->community : 0LL,
	    s->kind == SCOPE_LANGUAGE ? s->lang : "", a->member_id);
	if (e == WEFT_ERR_DUPLICATE) {
		db_rollback();
		return WEFT_OK;
	}
	if (e == WEFT_OK && (e = role_grant_audit(a, "grant.add",
	    db_insert_id(), member_id, r, s, 0)) == WEFT_OK)
		return WEFT_OK;
err:
	db_rollback();
	return e;
}

/* The grant to remove: its row, its member and that member's own scope
 * (ms); WEFT_ERR_NOTFOUND when there is none. */
static enum weft_err
role_grant_read(long long grant_id, struct grant *g, long long *member_id,
    struct scope *ms)
{
	static const char	 sql_grant[] =
	    "SELECT g.member_id, g.role, g.scope_kind, g.community_id, "
	    "g.lang, m.community_id FROM grants g "
	    "JOIN members m ON m.id = g.member_id WHERE g.id = ?";
	struct db_rows		*rows = NULL;
	enum weft_err		 e;

	if ((e = db_query(&rows, sql_grant, "i", grant_id)) != WEFT_OK)
		return e;
	if (!db_next(rows))
		e = WEFT_ERR_NOTFOUND;
	else if ((e = role_row_grant(rows, 1, g)) != WEFT_OK)
		log_msg(LOGL_ERROR, "grant %lld: unreadable row", grant_id);
	else {
		*member_id = db_int(rows, 0);
		g->id = grant_id;
		scope_of_community(db_int(rows, 5), ms);
	}
	db_rows_free(rows);
	return e;
}

/*
 * Removes grant grant_id after rules 3 and 4, with its audit row, in one
 * transaction.  The grant is first read without a lock: grants are never
 * updated, only inserted and deleted, so its role and scope cannot
 * change under us, and a share lock here would deadlock against a
 * concurrent removal's guard (each holding its own admin row, each
 * waiting for the other's).  The guard then locks every enabled site
 * admin in one order; the DELETE finding no row means someone removed
 * the grant meanwhile (WEFT_ERR_NOTFOUND).
 */
enum weft_err
role_grant_remove(const struct actor *a, long long grant_id,
    enum role_refusal *why)
{
	struct grant		 g;
	struct scope		 ms;
	enum weft_err		 e;
	long long		 member_id = 0;

	*why = ROLE_OK;
	if (!role_allows_somewhere(&a->grants, PERM_ROLE_ASSIGN)) {
		*why = ROLE_REFUSE_NO_PERM;
		return WEFT_OK;
	}
	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((e = role_grant_read(grant_id, &g, &member_id, &ms)) != WEFT_OK)
		goto err;
	if ((*why = role_may_grant(&a->grants, g.role, &g.scope)) ==
	    ROLE_OK && !role_allows(&a->grants, PERM_ROLE_ASSIGN, &ms))
		*why = ROLE_REFUSE_OUT_OF_SCOPE;
	if (*why == ROLE_OK && g.role == ROLE_ADMIN &&
	    g.scope.kind == SCOPE_SITE &&
	    (e = role_guard_last_admin(member_id, why)) != WEFT_OK)
		goto err;
	if (*why != ROLE_OK) {
		db_rollback();
		return WEFT_OK;
	}
	if ((e = db_exec("DELETE FROM grants WHERE id = ?", "i", grant_id)) !=
	    WEFT_OK)
		goto err;
	if (db_affected() == 0) {
		e = WEFT_ERR_NOTFOUND;
		goto err;
	}
	if ((e = role_grant_audit(a, "grant.remove", grant_id, member_id,
	    g.role, &g.scope, 1)) == WEFT_OK)
		return WEFT_OK;
err:
	db_rollback();
	return e;
}
