/*
 * role_db.c against the real database: loading grants, giving and
 * removing them with their audit rows, and rule 4 (never without an
 * Admin), sequentially and under concurrency.
 *
 * Needs WEFT_CONFIG (tests/run.sh sets it after starting a stack with the
 * demo timebank); every test is skipped without it.  The test makes its
 * own members ("t-roledb-<pid>-...") and grants, deletes them at the end,
 * and never changes a demo row for good: where a scenario needs the demo
 * admin out of the way, that happens inside a transaction that is rolled
 * back.  The audit rows it causes stay, as audit rows do.
 *
 * The concurrency case, and why it is built this way.  Rule 4 says two
 * coordinators demoting the last two admins at the same moment must leave
 * one.  The demo timebank has its own site admin, and a state in which
 * two test admins are the only ones can exist in one transaction's view
 * (by deleting the demo admin's grant in it), but never in two
 * transactions' views at once without committing that deletion: the
 * second transaction would have to step over the first's uncommitted
 * change and would wait for it to end.  So the race is rebuilt from what
 * makes it safe, in two children with their own connections:
 *
 *  1. child 1 begins, runs the guard for admin A (OK: others exist),
 *     deletes A's site admin grant, and holds its transaction open;
 *  2. child 2 begins, checks with a plain read that A's grant is still
 *     there (child 1 has not committed), then runs the guard for admin
 *     B.  The guard must block on child 1's locks: the test checks that
 *     it did not return before the parent let child 1 commit;
 *  3. child 1 commits; child 2's guard returns (OK: the demo admin is
 *     still there);
 *  4. child 2, in the same transaction, deletes every enabled site admin
 *     grant but B's (the demo admin's included; all rolled back at the
 *     end) and runs the guard for B again: it must refuse B as the last
 *     admin, A's demotion by the other transaction included.
 *
 * The wait in step 2 is what decides the race: a guard that reads without
 * locking returns at once there, with A still counted, and both
 * demotions would go through.  (db.c runs READ COMMITTED; under
 * REPEATABLE READ step 4 would also prove that the guard reads current
 * rows rather than the transaction's snapshot.)
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "auth.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "role.h"

static int		 have_db;
static char		 prefix[40];
static long long	 community;	/* an existing community */

/* The test's members. */
static long long	 m_a, m_b;	/* approved site admins */
static long long	 m_c;		/* disabled, holding a site admin grant */
static long long	 m_m;		/* site member coordinator */
static long long	 m_p;		/* plain member in `community` */
static long long	 m_q;		/* plain member of no community */

static const char sql_member_comm[] =
    "INSERT INTO members (username, email, name, password_hash, status, "
    "community_id, about) VALUES (?, ?, ?, '!', ?, ?, '')";
static const char sql_member_none[] =
    "INSERT INTO members (username, email, name, password_hash, status, "
    "community_id, about) VALUES (?, ?, ?, '!', ?, NULL, '')";
static const char sql_grant_ins[] =
    "INSERT INTO grants (member_id, role, scope_kind, community_id, lang) "
    "VALUES (?, ?, ?, ?, ?)";
static const char sql_grant_id[] =
    "SELECT id FROM grants WHERE member_id = ? AND role = ? "
    "AND scope_kind = ? AND community_id = ? AND lang = ?";
static const char sql_grant_count[] =
    "SELECT COUNT(*) FROM grants WHERE member_id = ?";
static const char sql_grant_del[] = "DELETE FROM grants WHERE id = ?";
static const char sql_audit_count[] =
    "SELECT COUNT(*) FROM audit_log WHERE object_type = 'grant' "
    "AND object_id = ? AND action = ?";
static const char sql_audit_last[] =
    "SELECT actor_id, acting_id, community_id, before_json, after_json, "
    "addr FROM audit_log WHERE object_type = 'grant' AND object_id = ? "
    "AND action = ? ORDER BY id DESC LIMIT 1";
/* The guard's notion of an enabled site admin, read under lock. */
static const char sql_admins[] =
    "SELECT g.id, g.member_id FROM grants g "
    "JOIN members m ON m.id = g.member_id "
    "WHERE g.role = 'admin' AND g.scope_kind = 'site' "
    "AND m.status = 'approved' ORDER BY g.id FOR UPDATE";
static const char sql_status[] =
    "UPDATE members SET status = ? WHERE id = ?";

static long long
mk_member(const char *tag, const char *status, long long comm)
{
	char		 user[64], email[96];
	enum weft_err	 e;

	snprintf(user, sizeof(user), "%s%s", prefix, tag);
	snprintf(email, sizeof(email), "%s@example.org", user);
	if (comm > 0)
		e = db_exec(sql_member_comm, "ssssi", user, email, user, status,
		    comm);
	else
		e = db_exec(sql_member_none, "ssss", user, email, user, status);
	if (e != WEFT_OK)
		fail_msg("insert member %s: %s", user, weft_strerror(e));
	return db_insert_id();
}

static long long
mk_grant(long long member, const char *role, const char *kind,
    long long comm, const char *lang)
{
	enum weft_err	 e;

	if ((e = db_exec(sql_grant_ins, "issis", member, role, kind, comm,
	    lang)) != WEFT_OK)
		fail_msg("insert grant: %s", weft_strerror(e));
	return db_insert_id();
}

/* The id of a grant, 0 when there is none. */
static long long
grant_id(long long member, const char *role, const char *kind,
    long long comm, const char *lang)
{
	long long	 id = 0;
	enum weft_err	 e;

	e = db_query_int(&id, sql_grant_id, "issis", member, role, kind, comm,
	    lang);
	if (e != WEFT_OK && e != WEFT_ERR_NOTFOUND)
		fail_msg("grant lookup: %s", weft_strerror(e));
	return e == WEFT_OK ? id : 0;
}

static long long
count(const char *sql, const char *fmt, long long id, const char *s)
{
	long long	 n = -1;
	enum weft_err	 e;

	if (s != NULL)
		e = db_query_int(&n, sql, fmt, id, s);
	else
		e = db_query_int(&n, sql, fmt, id);
	if (e != WEFT_OK)
		fail_msg("count: %s", weft_strerror(e));
	return n;
}

/* An actor acting as itself with the given grants. */
static void
mk_actor(struct actor *a, long long id, const struct grants *g)
{
	memset(a, 0, sizeof(*a));
	a->member_id = id;
	a->acting_id = id;
	a->status = MEMBER_APPROVED;
	snprintf(a->addr, sizeof(a->addr), "192.0.2.7");
	if (g != NULL)
		a->grants = *g;
}

static void
load_actor(struct actor *a, long long id)
{
	struct grants	 g;

	assert_int_equal(role_load_grants(id, &g), WEFT_OK);
	mk_actor(a, id, &g);
}

static int
setup(void **state)
{
	const char	*conf = getenv("WEFT_CONFIG");

	if (conf == NULL || conf[0] == '\0')
		return 0;
	log_init("test_role_db", LOGL_WARN);
	if (config_load(&config, conf) != WEFT_OK) {
		fprintf(stderr, "cannot load %s\n", conf);
		return -1;
	}
	if (db_connect() != WEFT_OK) {
		fprintf(stderr, "cannot connect to the database\n");
		return -1;
	}
	snprintf(prefix, sizeof(prefix), "t-roledb-%ld-", (long)getpid());
	if (db_query_int(&community, "SELECT MIN(id) FROM communities", "") !=
	    WEFT_OK || community <= 0) {
		fprintf(stderr, "no community in the database\n");
		return -1;
	}
	have_db = 1;
	m_a = mk_member("a", "approved", 0);
	m_b = mk_member("b", "approved", 0);
	m_c = mk_member("c", "disabled", 0);
	m_m = mk_member("m", "approved", 0);
	m_p = mk_member("p", "approved", community);
	m_q = mk_member("q", "approved", 0);
	mk_grant(m_a, "admin", "site", 0, "");
	mk_grant(m_b, "admin", "site", 0, "");
	mk_grant(m_c, "admin", "site", 0, "");
	mk_grant(m_m, "member", "site", 0, "");
	return 0;
}

static int
teardown(void **state)
{
	static const char	 del_grants[] =
	    "DELETE g FROM grants g JOIN members m ON m.id = g.member_id "
	    "WHERE m.username LIKE CONCAT(?, '%')";
	static const char	 del_members[] =
	    "DELETE FROM members WHERE username LIKE CONCAT(?, '%')";

	if (!have_db)
		return 0;
	db_rollback();
	if (db_exec(del_grants, "s", prefix) != WEFT_OK ||
	    db_exec(del_members, "s", prefix) != WEFT_OK)
		fprintf(stderr, "could not remove the %s* rows\n", prefix);
	db_close();
	return 0;
}

#define NEED_DB()	do { if (!have_db) skip(); } while (0)

/* ---- loading ------------------------------------------------------ */

static void
test_load_grants(void **state)
{
	struct grants	 g;
	long long	 id;

	NEED_DB();
	assert_int_equal(role_load_grants(m_a, &g), WEFT_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.g[0].role, ROLE_ADMIN);
	assert_int_equal(g.g[0].scope.kind, SCOPE_SITE);
	assert_true(g.g[0].id > 0);
	id = mk_grant(m_q, "translator", "language", 0, "pt-BR");
	mk_grant(m_q, "support", "community", community, "");
	assert_int_equal(role_load_grants(m_q, &g), WEFT_OK);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.g[0].id, id);
	assert_int_equal(g.g[0].role, ROLE_TRANSLATOR);
	assert_int_equal(g.g[0].scope.kind, SCOPE_LANGUAGE);
	assert_string_equal(g.g[0].scope.lang, "pt-BR");
	assert_int_equal(g.g[1].role, ROLE_SUPPORT);
	assert_int_equal(g.g[1].scope.kind, SCOPE_COMMUNITY);
	assert_int_equal(g.g[1].scope.community, community);
	/* The twin: nobody's grants, and a member with none. */
	assert_int_equal(role_load_grants(m_p, &g), WEFT_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(role_load_grants(INT64_MAX, &g), WEFT_OK);
	assert_int_equal(g.n, 0);
}

/* ---- giving ------------------------------------------------------- */

static void
test_grant_add(void **state)
{
	struct actor		 a;
	struct scope		 s = { .kind = SCOPE_COMMUNITY };
	struct db_rows		*r = NULL;
	enum role_refusal	 why;
	long long		 id, n;
	char			 want[160];

	NEED_DB();
	s.community = community;
	load_actor(&a, m_a);
	assert_int_equal(role_grant_add(&a, m_p, ROLE_SUPPORT, &s, &why),
	    WEFT_OK);
	assert_int_equal(why, ROLE_OK);
	id = grant_id(m_p, "support", "community", community, "");
	assert_true(id > 0);
	assert_int_equal(count(sql_audit_count, "is", id, "grant.add"), 1);
	assert_int_equal(db_query(&r, sql_audit_last, "is", id, "grant.add"),
	    WEFT_OK);
	assert_true(db_next(r));
	assert_int_equal(db_int(r, 0), m_a);
	assert_int_equal(db_int(r, 1), m_a);
	assert_int_equal(db_int(r, 2), community);
	assert_true(db_null(r, 3));
	snprintf(want, sizeof(want), "{\"member_id\":%lld,\"role\":"
	    "\"support\",\"scope\":\"community:%lld\"}", m_p, community);
	assert_string_equal(db_str(r, 4), want);
	assert_string_equal(db_str(r, 5), "192.0.2.7");
	db_rows_free(r);

	/* Again: a no-op, no second row, no second audit row. */
	n = count(sql_grant_count, "i", m_p, NULL);
	assert_int_equal(role_grant_add(&a, m_p, ROLE_SUPPORT, &s, &why),
	    WEFT_OK);
	assert_int_equal(why, ROLE_OK);
	assert_int_equal(count(sql_grant_count, "i", m_p, NULL), n);
	assert_int_equal(count(sql_audit_count, "is", id, "grant.add"), 1);
}

static void
test_grant_add_refused(void **state)
{
	struct actor		 a;
	struct grants		 g;
	struct scope		 s = { .kind = SCOPE_COMMUNITY };
	struct scope		 site = { .kind = SCOPE_SITE };
	enum role_refusal	 why;
	long long		 n;

	NEED_DB();
	s.community = community;
	n = count(sql_grant_count, "i", m_q, NULL);
	/* Rule 3: a member coordinator holds no role.assign. */
	load_actor(&a, m_m);
	assert_int_equal(role_grant_add(&a, m_q, ROLE_SUPPORT, &site, &why),
	    WEFT_OK);
	assert_int_equal(why, ROLE_REFUSE_NO_PERM);
	/* Rule 2: an admin of the community appoints only its members; q
	 * belongs to none, p to the community (the twin). */
	memset(&g, 0, sizeof(g));
	g.g[0].role = ROLE_ADMIN;
	g.g[0].scope = s;
	g.n = 1;
	mk_actor(&a, m_m, &g);
	assert_int_equal(role_grant_add(&a, m_q, ROLE_MEMBER, &s, &why),
	    WEFT_OK);
	assert_int_equal(why, ROLE_REFUSE_OUT_OF_SCOPE);
	assert_int_equal(count(sql_grant_count, "i", m_q, NULL), n);
	assert_int_equal(role_grant_add(&a, m_p, ROLE_MEMBER, &s, &why),
	    WEFT_OK);
	assert_int_equal(why, ROLE_OK);
	assert_true(grant_id(m_p, "member", "community", community, "") > 0);
	/* Nobody, and a community that does not exist. */
	load_actor(&a, m_a);
	assert_int_equal(role_grant_add(&a, INT64_MAX, ROLE_MEMBER, &site,
	    &why), WEFT_ERR_NOTFOUND);
	s.community = 9007199254740000LL;
	assert_int_equal(role_grant_add(&a, m_q, ROLE_MEMBER, &s, &why),
	    WEFT_ERR_NOTFOUND);
	assert_int_equal(count(sql_grant_count, "i", m_q, NULL), n);
}

/* ---- removing ----------------------------------------------------- */

static void
test_grant_remove_non_last(void **state)
{
	struct actor		 a;
	struct db_rows		*r = NULL;
	enum role_refusal	 why;
	long long		 id;
	char			 want[160];

	NEED_DB();
	id = grant_id(m_b, "admin", "site", 0, "");
	assert_true(id > 0);
	/* The twin first: a member coordinator may not. */
	load_actor(&a, m_m);
	assert_int_equal(role_grant_remove(&a, id, &why), WEFT_OK);
	assert_int_equal(why, ROLE_REFUSE_NO_PERM);
	assert_int_equal(grant_id(m_b, "admin", "site", 0, ""), id);
	/* A (with B and the demo admin still there) may. */
	load_actor(&a, m_a);
	assert_int_equal(role_grant_remove(&a, id, &why), WEFT_OK);
	assert_int_equal(why, ROLE_OK);
	assert_int_equal(grant_id(m_b, "admin", "site", 0, ""), 0);
	assert_int_equal(count(sql_audit_count, "is", id, "grant.remove"), 1);
	assert_int_equal(db_query(&r, sql_audit_last, "is", id,
	    "grant.remove"), WEFT_OK);
	assert_true(db_next(r));
	snprintf(want, sizeof(want), "{\"member_id\":%lld,\"role\":"
	    "\"admin\",\"scope\":\"site\"}", m_b);
	assert_string_equal(db_str(r, 3), want);
	assert_true(db_null(r, 4));
	assert_int_equal(db_int(r, 2), 0);
	db_rows_free(r);
	/* Gone already: not found. */
	assert_int_equal(role_grant_remove(&a, id, &why), WEFT_ERR_NOTFOUND);
	mk_grant(m_b, "admin", "site", 0, "");
}

/* ---- rule 4, one transaction -------------------------------------- */

/* Deletes, in the open transaction, every enabled site admin grant but
 * those of keep1 and keep2.  Rolled back by the caller. */
static void
only_admins_left(long long keep1, long long keep2)
{
	struct db_rows	*r = NULL;
	long long	 ids[256];
	size_t		 n = 0, i;

	assert_int_equal(db_query(&r, sql_admins, ""), WEFT_OK);
	while (db_next(r) && n < 256)
		if (db_int(r, 1) != keep1 && db_int(r, 1) != keep2)
			ids[n++] = db_int(r, 0);
	db_rows_free(r);
	for (i = 0; i < n; i++)
		assert_int_equal(db_exec(sql_grant_del, "i", ids[i]), WEFT_OK);
}

/* The enabled site admins, as "id,id,..." (to compare before/after). */
static void
admins(char *out, size_t len)
{
	struct db_rows	*r = NULL;
	size_t		 o = 0;

	out[0] = '\0';
	assert_int_equal(db_query(&r, "SELECT g.member_id FROM grants g "
	    "JOIN members m ON m.id = g.member_id WHERE g.role = 'admin' "
	    "AND g.scope_kind = 'site' AND m.status = 'approved' "
	    "ORDER BY g.member_id", ""), WEFT_OK);
	while (db_next(r) && o + 24 < len)
		o += (size_t)snprintf(out + o, len - o, "%lld,",
		    db_int(r, 0));
	db_rows_free(r);
}

static void
test_guard_last_admin(void **state)
{
	enum role_refusal	 why;
	char			 before[4096], after[4096];

	NEED_DB();
	admins(before, sizeof(before));
	assert_int_equal(db_begin(), WEFT_OK);
	/* A with others: fine.  Not an enabled admin: always fine. */
	assert_int_equal(role_guard_last_admin(m_a, &why), WEFT_OK);
	assert_int_equal(why, ROLE_OK);
	/* Only A and B left: each may go, the other stays. */
	only_admins_left(m_a, m_b);
	assert_int_equal(role_guard_last_admin(m_a, &why), WEFT_OK);
	assert_int_equal(why, ROLE_OK);
	assert_int_equal(role_guard_last_admin(m_b, &why), WEFT_OK);
	assert_int_equal(why, ROLE_OK);
	/* B disabled: A is the last one; B, C (disabled) and P (no admin)
	 * are not enabled site admins, so nothing stops them. */
	assert_int_equal(db_exec(sql_status, "si", "disabled", m_b), WEFT_OK);
	assert_int_equal(role_guard_last_admin(m_a, &why), WEFT_OK);
	assert_int_equal(why, ROLE_REFUSE_LAST_ADMIN);
	assert_int_equal(role_guard_last_admin(m_b, &why), WEFT_OK);
	assert_int_equal(why, ROLE_OK);
	assert_int_equal(role_guard_last_admin(m_c, &why), WEFT_OK);
	assert_int_equal(why, ROLE_OK);
	assert_int_equal(role_guard_last_admin(m_p, &why), WEFT_OK);
	assert_int_equal(why, ROLE_OK);
	/* B enabled again, then B's grant gone: A last again. */
	assert_int_equal(db_exec(sql_status, "si", "approved", m_b), WEFT_OK);
	assert_int_equal(role_guard_last_admin(m_a, &why), WEFT_OK);
	assert_int_equal(why, ROLE_OK);
	only_admins_left(m_a, m_a);
	assert_int_equal(role_guard_last_admin(m_a, &why), WEFT_OK);
	assert_int_equal(why, ROLE_REFUSE_LAST_ADMIN);
	db_rollback();
	/* Everything as it was, the demo admin included. */
	admins(after, sizeof(after));
	assert_string_equal(before, after);
}

/* ---- rule 4, two transactions ------------------------------------- */

static double
now_s(void)
{
	struct timespec	 ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One byte over a pipe; -1 on failure. */
static int
put(int fd, char c)
{
	return write(fd, &c, 1) == 1 ? 0 : -1;
}

static int
get(int fd)
{
	char	 c;

	return read(fd, &c, 1) == 1 ? c : -1;
}

#define HOLD_S	0.8	/* how long child 1 keeps its locks once 2 waits */

/* Child 1: guard A, demote A, tell the parent, wait, commit.  Exit
 * status 0 when all went as rule 4 says. */
static int
child_first(int tell, int wait_go)
{
	enum role_refusal	 why;
	long long		 ga;

	if (db_connect() != WEFT_OK || db_begin() != WEFT_OK)
		return 10;
	if (role_guard_last_admin(m_a, &why) != WEFT_OK || why != ROLE_OK)
		return 11;
	if (db_query_int(&ga, sql_grant_id, "issis", m_a, "admin", "site",
	    0LL, "") != WEFT_OK || db_exec(sql_grant_del, "i", ga) != WEFT_OK)
		return 12;
	if (put(tell, 'L') == -1 || get(wait_go) != 'G')
		return 13;
	if (db_commit() != WEFT_OK)
		return 14;
	db_close();
	return 0;
}

/* Child 2: guard B (must wait for child 1), then, every other admin
 * gone, B must be refused. */
static int
child_second(int tell)
{
	struct db_rows		*r = NULL;
	enum role_refusal	 why;
	long long		 n = -1, ids[256];
	size_t			 k = 0, i;
	double			 t0, waited;
	int			 rc = 0;

	if (db_connect() != WEFT_OK || db_begin() != WEFT_OK)
		return 20;
	/* Child 1's delete is not committed: A still holds the grant. */
	if (db_query_int(&n, sql_grant_count, "i", m_a) != WEFT_OK || n != 1)
		return 21;
	if (put(tell, 'S') == -1)
		return 22;
	t0 = now_s();
	if (role_guard_last_admin(m_b, &why) != WEFT_OK)
		return 23;
	waited = now_s() - t0;
	if (waited < HOLD_S * 0.75) {
		fprintf(stderr, "child 2: the guard did not wait for child "
		    "1's locks (%.3f s)\n", waited);
		rc = 24;
	}
	if (why != ROLE_OK)
		return 25;	/* the demo admin is still there */
	/* With every other admin gone, B is the last. */
	if (db_query(&r, sql_admins, "") != WEFT_OK)
		return 27;
	while (db_next(r) && k < 256)
		if (db_int(r, 1) != m_b)
			ids[k++] = db_int(r, 0);
	db_rows_free(r);
	for (i = 0; i < k; i++)
		if (db_exec(sql_grant_del, "i", ids[i]) != WEFT_OK)
			return 28;
	if (role_guard_last_admin(m_b, &why) != WEFT_OK)
		return 29;
	if (why != ROLE_REFUSE_LAST_ADMIN) {
		fprintf(stderr, "child 2: B not refused as the last admin\n");
		rc = 30;
	}
	db_rollback();
	db_close();
	return rc;
}

static int
wait_child(pid_t pid)
{
	int	 st;

	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st);
}

static void
test_guard_concurrent(void **state)
{
	int		 up1[2], go1[2], up2[2], rc1, rc2;
	pid_t		 p1, p2;
	char		 before[4096], after[4096];
	long long	 ga;

	NEED_DB();
	ga = grant_id(m_a, "admin", "site", 0, "");
	assert_true(ga > 0);
	assert_true(grant_id(m_b, "admin", "site", 0, "") > 0);
	admins(before, sizeof(before));
	/* Each process its own connection: none is carried over fork. */
	db_close();
	assert_int_equal(pipe(up1), 0);
	assert_int_equal(pipe(go1), 0);
	assert_int_equal(pipe(up2), 0);
	if ((p1 = fork()) == 0)
		_exit(child_first(up1[1], go1[0]));
	assert_true(p1 > 0);
	assert_int_equal(get(up1[0]), 'L');
	if ((p2 = fork()) == 0)
		_exit(child_second(up2[1]));
	assert_true(p2 > 0);
	assert_int_equal(get(up2[0]), 'S');
	/* Child 2 is now in, or about to enter, the guard; let it wait
	 * there, then let child 1 commit. */
	usleep((useconds_t)(HOLD_S * 1e6));
	assert_int_equal(put(go1[1], 'G'), 0);
	rc1 = wait_child(p1);
	rc2 = wait_child(p2);
	close(up1[0]);
	close(up1[1]);
	close(go1[0]);
	close(go1[1]);
	close(up2[0]);
	close(up2[1]);
	assert_int_equal(db_connect(), WEFT_OK);
	if (rc1 != 0 || rc2 != 0)
		fail_msg("child 1 exit %d, child 2 exit %d", rc1, rc2);
	/* Child 1's demotion of A stands; child 2 left no trace. */
	assert_int_equal(grant_id(m_a, "admin", "site", 0, ""), 0);
	assert_true(grant_id(m_b, "admin", "site", 0, "") > 0);
	admins(after, sizeof(after));
	assert_string_not_equal(before, after);
	mk_grant(m_a, "admin", "site", 0, "");
	admins(after, sizeof(after));
	assert_string_equal(before, after);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_grants),
		cmocka_unit_test(test_grant_add),
		cmocka_unit_test(test_grant_add_refused),
		cmocka_unit_test(test_grant_remove_non_last),
		cmocka_unit_test(test_guard_last_admin),
		cmocka_unit_test(test_guard_concurrent),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
