/*
 * Acting for another member (act.h: self, guardian angel, organisation
 * manager) and the sessions of "become" (auth_session_become and
 * auth_session_unbecome in auth_become.c), against the real database.
 * Skipped unless WEFT_CONFIG names the config of a running stack
 * (tests/run.sh sets it).  Works on members of its own, created at the
 * start and deleted at the end, so the demo data is left as it was.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "act.h"
#include "auth.h"
#include "config.h"
#include "db.h"
#include "log.h"

enum who { WARD, ANGEL, ORG, MANAGER, STRANGER, WHO__MAX };

static const char *const who_names[WHO__MAX] = {
	"ward", "angel", "org", "manager", "stranger",
};
static long long	 ids[WHO__MAX];
static int		 ready;

static int
group_setup(void **state)
{
	const char	*conf = getenv("WEFT_CONFIG");
	char		 user[33];
	int		 i;

	(void)state;
	if (conf == NULL || conf[0] == '\0')
		return 0;
	log_init("test_act", LOGL_WARN);
	if (config_load(&config, conf) != WEFT_OK || db_connect() != WEFT_OK)
		return -1;
	for (i = 0; i < WHO__MAX; i++) {
		snprintf(user, sizeof(user), "act%s%ld", who_names[i],
		    (long)getpid());
		/* No usable password: these accounts are never logged in
		 * to, only given sessions directly. */
		if (db_exec("INSERT INTO members (username, email, name,"
		    " password_hash, status, is_organisation, angel_mode,"
		    " about) VALUES (?, 'act@example.org', ?, 'x', 'approved',"
		    " ?, ?, '')", "ssii", user, who_names[i],
		    (long long)(i == ORG), (long long)(i == WARD)) != WEFT_OK)
			return -1;
		ids[i] = db_insert_id();
	}
	if (db_exec("INSERT INTO guardian_angels (member_id, angel_id)"
	    " VALUES (?, ?)", "ii", ids[WARD], ids[ANGEL]) != WEFT_OK ||
	    db_exec("INSERT INTO org_managers (org_id, manager_id)"
	    " VALUES (?, ?)", "ii", ids[ORG], ids[MANAGER]) != WEFT_OK)
		return -1;
	ready = 1;
	return 0;
}

static int
group_teardown(void **state)
{
	int	 i;

	(void)state;
	if (ids[0] == 0)
		return 0;
	db_exec("DELETE FROM guardian_angels WHERE member_id = ?", "i",
	    ids[WARD]);
	db_exec("DELETE FROM org_managers WHERE org_id = ?", "i", ids[ORG]);
	for (i = 0; i < WHO__MAX; i++) {
		db_exec("DELETE FROM sessions WHERE member_id = ?", "i", ids[i]);
		db_exec("DELETE FROM grants WHERE member_id = ?", "i", ids[i]);
		db_exec("DELETE FROM members WHERE id = ?", "i", ids[i]);
	}
	db_close();
	return 0;
}

static void
need_db(void)
{
	if (!ready)
		skip();
}

/* An actor acting as member `who`, approved unless told otherwise. */
static void
actor_as(struct actor *a, long long id, enum member_status st)
{
	memset(a, 0, sizeof(*a));
	a->member_id = id;
	a->acting_id = id;
	a->status = st;
}

static enum act_as
act(long long actor_id, long long member_id)
{
	struct actor	 a;
	enum act_as	 as = ACT_SELF;

	actor_as(&a, actor_id, MEMBER_APPROVED);
	assert_int_equal(act_for(&a, member_id, &as), WEFT_OK);
	return as;
}

static void
set_member(const char *sql, long long v, long long id)
{
	assert_int_equal(db_exec(sql, "ii", v, id), WEFT_OK);
}

static void
test_act_self_and_none(void **state)
{
	struct actor	 a;
	enum act_as	 as;

	(void)state;
	need_db();
	assert_int_equal(act(ids[STRANGER], ids[STRANGER]), ACT_SELF);
	assert_int_equal(act(ids[STRANGER], ids[WARD]), ACT_NONE);
	assert_int_equal(act(ids[STRANGER], ids[ORG]), ACT_NONE);
	assert_int_equal(act(ids[STRANGER], 0), ACT_NONE);
	assert_int_equal(act(ids[STRANGER], -5), ACT_NONE);
	/* A visitor, or an applying or disabled actor: never. */
	actor_as(&a, 0, MEMBER_APPROVED);
	assert_int_equal(act_for(&a, ids[WARD], &as), WEFT_OK);
	assert_int_equal(as, ACT_NONE);
	actor_as(&a, ids[ANGEL], MEMBER_APPLYING);
	assert_int_equal(act_for(&a, ids[WARD], &as), WEFT_OK);
	assert_int_equal(as, ACT_NONE);
	actor_as(&a, ids[ANGEL], MEMBER_DISABLED);
	assert_int_equal(act_for(&a, ids[ANGEL], &as), WEFT_OK);
	assert_int_equal(as, ACT_NONE);
	assert_int_equal(act_for(NULL, ids[WARD], &as), WEFT_OK);
	assert_int_equal(as, ACT_NONE);
	assert_string_equal(act_as_keys[ACT_ANGEL], "angel");
}

static void
test_act_angel(void **state)
{
	static const char mode[] = "UPDATE members SET angel_mode = ?"
	    " WHERE id = ?";
	static const char status[] = "UPDATE members SET status ="
	    " ELT(?, 'applying', 'approved', 'disabled') WHERE id = ?";

	(void)state;
	need_db();
	assert_int_equal(act(ids[ANGEL], ids[WARD]), ACT_ANGEL);
	/* The relation has a direction. */
	assert_int_equal(act(ids[WARD], ids[ANGEL]), ACT_NONE);
	/* Mode off: the angel cannot act. */
	set_member(mode, 0, ids[WARD]);
	assert_int_equal(act(ids[ANGEL], ids[WARD]), ACT_NONE);
	set_member(mode, 1, ids[WARD]);
	assert_int_equal(act(ids[ANGEL], ids[WARD]), ACT_ANGEL);
	/* Only for an approved member. */
	set_member(status, 3, ids[WARD]);
	assert_int_equal(act(ids[ANGEL], ids[WARD]), ACT_NONE);
	set_member(status, 1, ids[WARD]);
	assert_int_equal(act(ids[ANGEL], ids[WARD]), ACT_NONE);
	set_member(status, 2, ids[WARD]);
	assert_int_equal(act(ids[ANGEL], ids[WARD]), ACT_ANGEL);
	/* An angel is not a manager: the org's account stays closed. */
	assert_int_equal(act(ids[ANGEL], ids[ORG]), ACT_NONE);
}

static void
test_act_manager(void **state)
{
	static const char org[] = "UPDATE members SET is_organisation = ?"
	    " WHERE id = ?";

	(void)state;
	need_db();
	assert_int_equal(act(ids[MANAGER], ids[ORG]), ACT_MANAGER);
	assert_int_equal(act(ids[ORG], ids[MANAGER]), ACT_NONE);
	assert_int_equal(act(ids[MANAGER], ids[WARD]), ACT_NONE);
	/* No longer an organisation account: no manager acts for it. */
	set_member(org, 0, ids[ORG]);
	assert_int_equal(act(ids[MANAGER], ids[ORG]), ACT_NONE);
	set_member(org, 1, ids[ORG]);
	assert_int_equal(act(ids[MANAGER], ids[ORG]), ACT_MANAGER);
	/* Angel Mode has nothing to do with managers. */
	assert_int_equal(db_exec("UPDATE members SET angel_mode = 0"
	    " WHERE id = ?", "i", ids[ORG]), WEFT_OK);
	assert_int_equal(act(ids[MANAGER], ids[ORG]), ACT_MANAGER);
}

/* Gives member id the grant (role, site), or takes their grants away. */
static void
set_grant(long long id, const char *role)
{
	if (role == NULL)
		assert_int_equal(db_exec("DELETE FROM grants WHERE member_id ="
		    " ?", "i", id), WEFT_OK);
	else
		assert_int_equal(db_exec("INSERT INTO grants (member_id, role,"
		    " scope_kind, community_id) VALUES (?, ?, 'site', 0)", "is",
		    id, role), WEFT_OK);
}

/*
 * While "become" is active the acting member's relations count, but only
 * towards members the real member could become themself
 * (docs/authorization.md rule 9): the real member without member.become
 * reaches nobody through the angel they became; with it, the ward; and
 * the real member being the ward is reaching oneself.
 */
static void
test_act_while_acting(void **state)
{
	struct actor	 a;
	enum act_as	 as;

	(void)state;
	need_db();
	actor_as(&a, ids[STRANGER], MEMBER_APPROVED);
	a.acting_id = ids[ANGEL];
	assert_int_equal(act_for(&a, ids[WARD], &as), WEFT_OK);
	assert_int_equal(as, ACT_NONE);
	assert_int_equal(act_for(&a, ids[ANGEL], &as), WEFT_OK);
	assert_int_equal(as, ACT_SELF);
	assert_int_equal(act_for(&a, ids[STRANGER], &as), WEFT_OK);
	assert_int_equal(as, ACT_NONE);
	set_grant(ids[STRANGER], "member");
	assert_int_equal(act_for(&a, ids[WARD], &as), WEFT_OK);
	assert_int_equal(as, ACT_ANGEL);
	/* Support has no member.become: the ward is out of reach again. */
	set_grant(ids[STRANGER], NULL);
	set_grant(ids[STRANGER], "support");
	assert_int_equal(act_for(&a, ids[WARD], &as), WEFT_OK);
	assert_int_equal(as, ACT_NONE);
	set_grant(ids[STRANGER], NULL);
	actor_as(&a, ids[WARD], MEMBER_APPROVED);
	a.acting_id = ids[ANGEL];
	assert_int_equal(act_for(&a, ids[WARD], &as), WEFT_OK);
	assert_int_equal(as, ACT_ANGEL);
}

/* One grant (role, site or community:c) as a set of grants. */
static struct grants
one_grant(enum role r, long long c)
{
	struct grants	 g;

	memset(&g, 0, sizeof(g));
	g.n = 1;
	g.g[0].id = 1;
	g.g[0].role = r;
	scope_of_community(c, &g.g[0].scope);
	return g;
}

/*
 * Rule 9's reach: through the angel's account one reaches the ward (of
 * no community here: site scope), whatever the ward's mode; becoming
 * the angel needs becoming the ward, taking the angel's account over
 * needs member.edit over the ward with their grants covered.
 */
static void
test_act_reach(void **state)
{
	struct grants		 site = one_grant(ROLE_MEMBER, 0);
	struct grants		 comm = one_grant(ROLE_MEMBER, 1);
	struct grants		 sup = one_grant(ROLE_SUPPORT, 0);
	struct grants		 admin = one_grant(ROLE_ADMIN, 0);
	enum role_refusal	 why;
	long long		 me = ids[STRANGER];

	(void)state;
	need_db();
	assert_int_equal(act_reach(&site, me, ids[ANGEL], ACT_REACH_BECOME,
	    &why), WEFT_OK);
	assert_int_equal(why, ROLE_OK);
	assert_int_equal(act_reach(&comm, me, ids[ANGEL], ACT_REACH_BECOME,
	    &why), WEFT_OK);
	assert_int_equal(why, ROLE_REFUSE_REACH);
	assert_int_equal(act_reach(&comm, me, ids[ANGEL], ACT_REACH_TAKEOVER,
	    &why), WEFT_OK);
	assert_int_equal(why, ROLE_REFUSE_REACH);
	assert_int_equal(act_reach(&sup, me, ids[ANGEL], ACT_REACH_TAKEOVER,
	    &why), WEFT_OK);
	assert_int_equal(why, ROLE_REFUSE_REACH);	/* no member.edit */
	/* The mode off does not narrow the reach: it may be switched on. */
	set_member("UPDATE members SET angel_mode = ? WHERE id = ?", 0,
	    ids[WARD]);
	assert_int_equal(act_reach(&comm, me, ids[ANGEL], ACT_REACH_BECOME,
	    &why), WEFT_OK);
	assert_int_equal(why, ROLE_REFUSE_REACH);
	set_member("UPDATE members SET angel_mode = ? WHERE id = ?", 1,
	    ids[WARD]);
	/* Nobody acts for the stranger: nothing to reach. */
	assert_int_equal(act_reach(&comm, me, ids[STRANGER],
	    ACT_REACH_BECOME, &why), WEFT_OK);
	assert_int_equal(why, ROLE_OK);
	/* A ward holding the site admin role: a member coordinator
	 * reaches them neither way; a site admin may take over, not
	 * become. */
	set_grant(ids[WARD], "admin");
	assert_int_equal(act_may_change(&site, me, ids[ANGEL], NULL, 1, &why),
	    WEFT_OK);
	assert_int_equal(why, ROLE_REFUSE_REACH);
	assert_int_equal(act_may_change(&site, me, ids[ANGEL], NULL, 0, &why),
	    WEFT_OK);
	assert_int_equal(why, ROLE_OK);		/* the angel's own profile */
	assert_int_equal(act_may_change(&admin, me, ids[ANGEL], NULL, 1,
	    &why), WEFT_OK);
	assert_int_equal(why, ROLE_OK);
	assert_int_equal(act_reach(&admin, me, ids[ANGEL], ACT_REACH_BECOME,
	    &why), WEFT_OK);
	assert_int_equal(why, ROLE_REFUSE_REACH);
	/* Nor is the admin ward's own account a community coordinator's. */
	assert_int_equal(act_may_change(&comm, me, ids[WARD], NULL, 0, &why),
	    WEFT_OK);
	assert_int_equal(why, ROLE_REFUSE_COVER);
	set_grant(ids[WARD], NULL);
}

/* The session's created_at, as seconds before now. */
static long long
session_age(const unsigned char id[32])
{
	long long	 n = -1;

	assert_int_equal(db_query_int(&n, "SELECT TIMESTAMPDIFF(SECOND,"
	    " created_at, UTC_TIMESTAMP()) FROM sessions WHERE id = ?", "b",
	    id, (size_t)32), WEFT_OK);
	return n;
}

static void
test_become_rotates(void **state)
{
	char		 t0[AUTH_TOKEN_HEX], t1[AUTH_TOKEN_HEX];
	char		 t2[AUTH_TOKEN_HEX], csrf0[AUTH_TOKEN_HEX];
	struct actor	 a, b;

	(void)state;
	need_db();
	assert_int_equal(auth_session_create(ids[STRANGER], "192.0.2.7", t0),
	    WEFT_OK);
	assert_int_equal(auth_session_load(t0, "192.0.2.7", &a), WEFT_OK);
	assert_true(a.has_session);
	memcpy(csrf0, a.csrf, sizeof(csrf0));
	/* An older log-in: become must keep its time. */
	assert_int_equal(db_exec("UPDATE sessions SET created_at ="
	    " UTC_TIMESTAMP() - INTERVAL 1000 SECOND WHERE id = ?", "b",
	    a.session_id, sizeof(a.session_id)), WEFT_OK);

	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(auth_session_become(&a, ids[WARD], t1), WEFT_OK);
	assert_int_equal(db_commit(), WEFT_OK);
	assert_string_not_equal(t0, t1);
	/* The old token opens nothing any more. */
	assert_int_equal(auth_session_load(t0, "", &b), WEFT_OK);
	assert_false(b.has_session);
	assert_int_equal(auth_session_load(t1, "192.0.2.7", &b), WEFT_OK);
	assert_true(b.has_session);
	assert_int_equal(b.member_id, ids[STRANGER]);
	assert_int_equal(b.acting_id, ids[WARD]);
	assert_string_equal(b.name, "ward");
	assert_string_equal(b.real_name, "stranger");
	assert_string_not_equal(b.csrf, csrf0);
	assert_true(session_age(b.session_id) >= 1000);
	assert_true(session_age(b.session_id) < 1100);

	/* Already acting: come back first. */
	assert_int_equal(auth_session_become(&b, ids[ANGEL], t2),
	    WEFT_ERR_CONFLICT);
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(auth_session_unbecome(&b, t2), WEFT_OK);
	assert_int_equal(db_commit(), WEFT_OK);
	assert_int_equal(auth_session_load(t1, "", &a), WEFT_OK);
	assert_false(a.has_session);
	assert_int_equal(auth_session_load(t2, "", &a), WEFT_OK);
	assert_true(a.has_session);
	assert_int_equal(a.member_id, ids[STRANGER]);
	assert_int_equal(a.acting_id, ids[STRANGER]);
	assert_true(session_age(a.session_id) >= 1000);
	/* Not acting: nothing to come back from. */
	assert_int_equal(auth_session_unbecome(&a, t1), WEFT_ERR_NOTFOUND);
	/* Becoming oneself or no one is a programmer's error. */
	assert_int_equal(auth_session_become(&a, ids[STRANGER], t1),
	    WEFT_ERR_INVALID);
	assert_int_equal(auth_session_become(&a, 0, t1), WEFT_ERR_INVALID);
	assert_int_equal(auth_session_delete(a.session_id), WEFT_OK);
}

/* Become never extends the absolute lifetime: a session near its end
 * that becomes someone ends when the log-in would have. */
static void
test_become_expires_with_session(void **state)
{
	char		 t0[AUTH_TOKEN_HEX], t1[AUTH_TOKEN_HEX];
	struct actor	 a;

	(void)state;
	need_db();
	assert_int_equal(auth_session_create(ids[STRANGER], "", t0), WEFT_OK);
	assert_int_equal(auth_session_load(t0, "", &a), WEFT_OK);
	assert_int_equal(db_exec("UPDATE sessions SET created_at ="
	    " UTC_TIMESTAMP() - INTERVAL ? SECOND WHERE id = ?", "ib",
	    (long long)config.session_absolute_s - 30, a.session_id,
	    sizeof(a.session_id)), WEFT_OK);
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(auth_session_become(&a, ids[WARD], t1), WEFT_OK);
	assert_int_equal(db_commit(), WEFT_OK);
	assert_int_equal(auth_session_load(t1, "", &a), WEFT_OK);
	assert_true(a.has_session);
	assert_int_equal(a.acting_id, ids[WARD]);
	assert_int_equal(db_exec("UPDATE sessions SET created_at ="
	    " created_at - INTERVAL 60 SECOND WHERE id = ?", "b",
	    a.session_id, sizeof(a.session_id)), WEFT_OK);
	assert_int_equal(auth_session_load(t1, "", &a), WEFT_OK);
	assert_false(a.has_session);
}

/* A become that lost a race (its row already replaced) changes nothing. */
static void
test_become_stale_session(void **state)
{
	char		 t0[AUTH_TOKEN_HEX], t1[AUTH_TOKEN_HEX];
	char		 t2[AUTH_TOKEN_HEX];
	struct actor	 a;
	long long	 n = -1;

	(void)state;
	need_db();
	assert_int_equal(auth_session_create(ids[STRANGER], "", t0), WEFT_OK);
	assert_int_equal(auth_session_load(t0, "", &a), WEFT_OK);
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(auth_session_become(&a, ids[WARD], t1), WEFT_OK);
	assert_int_equal(db_commit(), WEFT_OK);
	/* The same (now deleted) session again. */
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(auth_session_become(&a, ids[ANGEL], t2),
	    WEFT_ERR_CONFLICT);
	db_rollback();
	assert_int_equal(db_query_int(&n, "SELECT COUNT(*) FROM sessions"
	    " WHERE member_id = ?", "i", ids[STRANGER]), WEFT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(auth_sessions_end_member(ids[STRANGER]), WEFT_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_act_self_and_none),
		cmocka_unit_test(test_act_angel),
		cmocka_unit_test(test_act_manager),
		cmocka_unit_test(test_act_while_acting),
		cmocka_unit_test(test_act_reach),
		cmocka_unit_test(test_become_rotates),
		cmocka_unit_test(test_become_expires_with_session),
		cmocka_unit_test(test_become_stale_session),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
