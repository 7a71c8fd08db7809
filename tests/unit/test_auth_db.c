/*
 * Sessions and login throttling against the real database.  Skipped
 * unless WEFT_CONFIG names the config of a running stack (tests/run.sh
 * sets it).  Works on a member of its own, created applying and deleted
 * at the end, and on throttle keys no one else uses, so the demo data the
 * end-to-end tests rely on is left as it was.
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

#include "auth.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "util.h"

#define PW	"a test password, long enough"

static char		 username[33], addr[64], hash[AUTH_HASH_MAX];
static long long	 member;

static int
group_setup(void **state)
{
	const char	*conf = getenv("WEFT_CONFIG");

	(void)state;
	if (conf == NULL || conf[0] == '\0')
		return 0;
	log_init("test_auth_db", LOGL_WARN);
	if (config_load(&config, conf) != WEFT_OK || db_connect() != WEFT_OK)
		return -1;
	/* Cheap hashes; the throttle limits small enough to reach. */
	config.argon2_t = 1;
	config.argon2_m_kib = 1024;
	config.argon2_p = 1;
	config.throttle_account_max = 3;
	config.throttle_address_max = 5;
	snprintf(username, sizeof(username), "authtest%ld", (long)getpid());
	snprintf(addr, sizeof(addr), "test-addr-%ld", (long)getpid());
	if (auth_password_hash(PW, hash, sizeof(hash)) != WEFT_OK ||
	    db_exec("INSERT INTO members (username, email, name,"
	    " password_hash, status, about) VALUES (?, 'authtest@example.org',"
	    " 'Auth Test', ?, 'applying', '')", "ss", username, hash) !=
	    WEFT_OK)
		return -1;
	member = db_insert_id();
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	if (member == 0)
		return 0;
	db_exec("DELETE FROM login_throttle WHERE k LIKE '% authtest%'"
	    " OR k LIKE 'test-addr-%' OR k LIKE '% nobody-authtest%'", "");
	db_exec("DELETE FROM grants WHERE member_id = ?", "i", member);
	db_exec("DELETE FROM members WHERE id = ?", "i", member);
	db_close();
	return 0;
}

static void
need_db(void)
{
	if (member == 0)
		skip();
}

static long long
count_sessions(void)
{
	long long	 n = -1;

	assert_int_equal(db_query_int(&n, "SELECT COUNT(*) FROM sessions"
	    " WHERE member_id = ?", "i", member), WEFT_OK);
	return n;
}

static void
clear_throttle(void)
{
	char	 ak[AUTH_ADDR_KEY_MAX];

	auth_address_key(addr, ak);
	assert_int_equal(db_exec("DELETE FROM login_throttle WHERE k LIKE ?"
	    " OR k LIKE ? OR k = ?", "sss", "% authtest%", "% nobody-authtest%",
	    ak), WEFT_OK);
}

static void
test_session_round_trip(void **state)
{
	char		 tok[AUTH_TOKEN_HEX];
	struct actor	 a;

	(void)state;
	need_db();
	assert_int_equal(auth_session_create(member, "192.0.2.1", tok),
	    WEFT_OK);
	assert_int_equal(strlen(tok), 64);
	assert_int_equal(auth_session_load(tok, "192.0.2.1", &a), WEFT_OK);
	assert_true(a.has_session);
	assert_int_equal(a.member_id, member);
	assert_int_equal(a.acting_id, member);
	assert_int_equal(a.status, MEMBER_APPLYING);
	assert_string_equal(a.username, username);
	assert_string_equal(a.name, "Auth Test");
	assert_string_equal(a.real_name, "Auth Test");
	assert_string_equal(a.addr, "192.0.2.1");
	assert_int_equal(strlen(a.csrf), 64);
	assert_int_equal(a.grants.n, 0);
	/* The token itself is not what is stored. */
	{
		long long	 n = -1;

		assert_int_equal(db_query_int(&n, "SELECT COUNT(*) FROM"
		    " sessions WHERE HEX(id) = UPPER(?)", "s", tok), WEFT_OK);
		assert_int_equal(n, 0);
	}
	/* Deleted: the same token is a visitor. */
	assert_int_equal(auth_session_delete(a.session_id), WEFT_OK);
	assert_int_equal(auth_session_load(tok, "192.0.2.1", &a), WEFT_OK);
	assert_false(a.has_session);
	assert_int_equal(a.member_id, 0);
	assert_string_equal(a.addr, "192.0.2.1");
}

static void
test_session_bad_tokens(void **state)
{
	static const char *const bad[] = {
		"", "zz", "0123",
		"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg",
	};
	struct actor	 a;
	size_t		 i;

	(void)state;
	need_db();
	for (i = 0; i < NELEM(bad); i++) {
		assert_int_equal(auth_session_load(bad[i], "x", &a), WEFT_OK);
		assert_false(a.has_session);
		assert_int_equal(a.member_id, 0);
	}
	assert_int_equal(auth_session_load(NULL, "x", &a), WEFT_OK);
	assert_false(a.has_session);
}

/* Moves the session's clock back by secs seconds (column col). */
static void
age_session(const unsigned char id[32], int last_seen, long long secs)
{
	if (last_seen)
		assert_int_equal(db_exec("UPDATE sessions SET last_seen_at ="
		    " UTC_TIMESTAMP() - INTERVAL ? SECOND WHERE id = ?", "ib",
		    secs, id, (size_t)32), WEFT_OK);
	else
		assert_int_equal(db_exec("UPDATE sessions SET created_at ="
		    " UTC_TIMESTAMP() - INTERVAL ? SECOND WHERE id = ?", "ib",
		    secs, id, (size_t)32), WEFT_OK);
}

static void
test_session_expiry(void **state)
{
	char		 tok[AUTH_TOKEN_HEX];
	unsigned char	 id[32];
	struct actor	 a;
	long long	 n;

	(void)state;
	need_db();
	/* Idle: just inside the limit lives (and is touched), past it dies. */
	assert_int_equal(auth_session_create(member, "", tok), WEFT_OK);
	assert_int_equal(auth_session_load(tok, "", &a), WEFT_OK);
	memcpy(id, a.session_id, sizeof(id));
	age_session(id, 1, config.session_idle_s - 30);
	assert_int_equal(auth_session_load(tok, "", &a), WEFT_OK);
	assert_true(a.has_session);
	assert_int_equal(db_query_int(&n, "SELECT TIMESTAMPDIFF(SECOND,"
	    " last_seen_at, UTC_TIMESTAMP()) FROM sessions WHERE id = ?", "b",
	    id, sizeof(id)), WEFT_OK);
	assert_true(n < 5);
	age_session(id, 1, config.session_idle_s + 5);
	assert_int_equal(auth_session_load(tok, "", &a), WEFT_OK);
	assert_false(a.has_session);
	/* and the expired row is gone. */
	assert_int_equal(db_query_int(&n, "SELECT COUNT(*) FROM sessions"
	    " WHERE id = ?", "b", id, sizeof(id)), WEFT_OK);
	assert_int_equal(n, 0);

	/* Absolute: a session in use all along still ends. */
	assert_int_equal(auth_session_create(member, "", tok), WEFT_OK);
	assert_int_equal(auth_session_load(tok, "", &a), WEFT_OK);
	memcpy(id, a.session_id, sizeof(id));
	age_session(id, 0, config.session_absolute_s - 30);
	assert_int_equal(auth_session_load(tok, "", &a), WEFT_OK);
	assert_true(a.has_session);
	age_session(id, 0, config.session_absolute_s + 5);
	assert_int_equal(auth_session_load(tok, "", &a), WEFT_OK);
	assert_false(a.has_session);
}

static void
add_grant(long long who, const char *role, const char *kind, long long comm,
    const char *lang)
{
	assert_int_equal(db_exec("INSERT INTO grants (member_id, role,"
	    " scope_kind, community_id, lang) VALUES (?, ?, ?, ?, ?)", "issis",
	    who, role, kind, comm, lang), WEFT_OK);
}

/* test_session_grants, acting as other: other's grants, not the real
 * member's; then one grant too many for other. */
static void
session_grants_acting(const char *tok, struct actor *ap, long long other)
{
	struct actor	 a = *ap;
	char		 lang[16];
	int		 i;

	/* Acting as a member without grants: none of the real member's. */
	assert_int_equal(db_exec("UPDATE sessions SET acting_member_id = ?"
	    " WHERE id = ?", "ib", other, a.session_id, sizeof(a.session_id)),
	    WEFT_OK);
	assert_int_equal(auth_session_load(tok, "", &a), WEFT_OK);
	assert_true(a.has_session);
	assert_int_equal(a.member_id, member);
	assert_int_equal(a.acting_id, other);
	assert_string_equal(a.name, "Auth Other");
	assert_string_equal(a.real_name, "Auth Test");
	assert_int_equal(a.grants.n, 0);
	/* The other way round: the acting member's grants. */
	add_grant(other, "member", "site", 0, "");
	assert_int_equal(auth_session_load(tok, "", &a), WEFT_OK);
	assert_int_equal(a.grants.n, 1);
	assert_int_equal(a.grants.g[0].role, ROLE_MEMBER);
	/* One grant too many: an error, and a visitor. */
	for (i = 0; i < ROLE_GRANTS_MAX; i++) {
		snprintf(lang, sizeof(lang), "x-t%d", i);
		add_grant(other, "translator", "language", 0, lang);
	}
	assert_int_equal(auth_session_load(tok, "", &a), WEFT_ERR_INVALID);
	assert_false(a.has_session);
	assert_int_equal(a.member_id, 0);
	assert_int_equal(a.grants.n, 0);
}

/*
 * The grants come with the session, in one statement: the acting
 * member's, ordered by id (not by the index the join reads them through),
 * none for a member without any, and more than ROLE_GRANTS_MAX is an
 * error that leaves a visitor, as role_load_grants() has it.
 */
static void
test_session_grants(void **state)
{
	char		 tok[AUTH_TOKEN_HEX];
	struct actor	 a;
	long long	 other, first, comm = 0;

	(void)state;
	need_db();
	assert_int_equal(db_exec("INSERT INTO members (username, email, name,"
	    " password_hash, status, about) VALUES (CONCAT(?, 'o'),"
	    " 'authtest-o@example.org', 'Auth Other', '!', 'approved', '')",
	    "s", username), WEFT_OK);
	other = db_insert_id();
	assert_int_equal(db_query_int(&comm, "SELECT COALESCE(MIN(id), 0)"
	    " FROM communities", ""), WEFT_OK);
	/* Inserted in the order opposite to grants_unique's (role first). */
	add_grant(member, "translator", "language", 0, "pt-BR");
	first = db_insert_id();
	add_grant(member, "admin", "site", 0, "");
	if (comm > 0)
		add_grant(member, "support", "community", comm, "");
	assert_int_equal(auth_session_create(member, "", tok), WEFT_OK);
	assert_int_equal(auth_session_load(tok, "", &a), WEFT_OK);
	assert_true(a.has_session);
	assert_string_equal(a.name, "Auth Test");
	assert_int_equal(a.grants.n, comm > 0 ? 3 : 2);
	assert_int_equal(a.grants.g[0].id, first);
	assert_int_equal(a.grants.g[0].role, ROLE_TRANSLATOR);
	assert_string_equal(a.grants.g[0].scope.lang, "pt-BR");
	assert_int_equal(a.grants.g[1].role, ROLE_ADMIN);
	assert_int_equal(a.grants.g[1].scope.kind, SCOPE_SITE);
	if (comm > 0) {
		assert_int_equal(a.grants.g[2].role, ROLE_SUPPORT);
		assert_int_equal(a.grants.g[2].scope.community, comm);
	}
	session_grants_acting(tok, &a, other);
	assert_int_equal(auth_sessions_end_member(member), WEFT_OK);
	assert_int_equal(db_exec("DELETE FROM grants WHERE member_id IN (?, ?)",
	    "ii", member, other), WEFT_OK);
	assert_int_equal(db_exec("DELETE FROM members WHERE id = ?", "i",
	    other), WEFT_OK);
}

static void
test_sessions_end_member(void **state)
{
	char		 t1[AUTH_TOKEN_HEX], t2[AUTH_TOKEN_HEX];
	struct actor	 a;

	(void)state;
	need_db();
	assert_int_equal(auth_sessions_end_member(member), WEFT_OK);
	assert_int_equal(auth_session_create(member, "", t1), WEFT_OK);
	assert_int_equal(auth_session_create(member, "", t2), WEFT_OK);
	assert_string_not_equal(t1, t2);
	assert_int_equal(count_sessions(), 2);
	assert_int_equal(auth_sessions_end_member(member), WEFT_OK);
	assert_int_equal(count_sessions(), 0);
	assert_int_equal(auth_session_load(t1, "", &a), WEFT_OK);
	assert_false(a.has_session);
}

static void
test_disabled_loses_sessions(void **state)
{
	char		 tok[AUTH_TOKEN_HEX];
	struct actor	 a;
	long long	 id;
	int		 retry;

	(void)state;
	need_db();
	clear_throttle();
	assert_int_equal(auth_session_create(member, "", tok), WEFT_OK);
	assert_int_equal(db_exec("UPDATE members SET status = 'disabled'"
	    " WHERE id = ?", "i", member), WEFT_OK);
	assert_int_equal(auth_session_load(tok, "", &a), WEFT_OK);
	assert_false(a.has_session);
	assert_int_equal(count_sessions(), 0);
	/* The right password says "disabled"; a wrong one says nothing. */
	assert_int_equal(auth_login(username, PW, addr, &id, &retry),
	    LOGIN_DISABLED);
	assert_int_equal(id, 0);
	assert_int_equal(auth_login(username, "wrong", addr, &id, &retry),
	    LOGIN_BAD);
	assert_int_equal(db_exec("UPDATE members SET status = 'applying'"
	    " WHERE id = ?", "i", member), WEFT_OK);
	clear_throttle();
}

static void
test_login(void **state)
{
	long long	 id;
	int		 retry;
	char		 upper[sizeof(username)];
	size_t		 i;

	(void)state;
	need_db();
	clear_throttle();
	assert_int_equal(auth_login(username, PW, addr, &id, &retry),
	    LOGIN_OK);
	assert_int_equal(id, member);
	/* The username is not case-sensitive; the password is. */
	for (i = 0; i < sizeof(upper); i++)
		upper[i] = (char)(username[i] >= 'a' && username[i] <= 'z' ?
		    username[i] - 32 : username[i]);
	assert_int_equal(auth_login(upper, PW, addr, &id, &retry), LOGIN_OK);
	assert_int_equal(auth_login(username, "A TEST PASSWORD, LONG ENOUGH",
	    addr, &id, &retry), LOGIN_BAD);
	assert_int_equal(id, 0);
	clear_throttle();
}

/* The (address, account) pair's failures, -1 when it has no row. */
static long long
pair_failures(const char *from)
{
	char		 k[256], ak[AUTH_ADDR_KEY_MAX];
	long long	 n;

	auth_address_key(from, ak);
	snprintf(k, sizeof(k), "%s %s", ak, username);
	switch (db_query_int(&n, "SELECT failures FROM login_throttle"
	    " WHERE kind = 'pair' AND k = ?", "s", k)) {
	case WEFT_OK:
		return n;
	case WEFT_ERR_NOTFOUND:
		return -1;
	default:
		return -2;
	}
}

/* Moves the pair's last failure s seconds into the past. */
static void
pair_age(const char *from, long long s)
{
	char	 k[256], ak[AUTH_ADDR_KEY_MAX];

	auth_address_key(from, ak);
	snprintf(k, sizeof(k), "%s %s", ak, username);
	assert_int_equal(db_exec("UPDATE login_throttle SET last_failure ="
	    " last_failure - INTERVAL ? SECOND WHERE kind = 'pair' AND k = ?",
	    "is", s, k), WEFT_OK);
}

/* Issue 15 (7): the failures of one address hold back that address on
 * that account, with growing delays, and nobody else. */
static void
test_throttle_pair(void **state)
{
	long long	 id;
	int		 i, retry, first;

	(void)state;
	need_db();
	clear_throttle();
	for (i = 0; i < config.throttle_account_max; i++)
		assert_int_equal(auth_login(username, "wrong", addr, &id,
		    &retry), LOGIN_BAD);
	assert_int_equal(pair_failures(addr), config.throttle_account_max);
	/* Over the free tries: held back even with the right password,
	 * and the refusals are not counted. */
	assert_int_equal(auth_login(username, PW, addr, &id, &retry),
	    LOGIN_THROTTLED);
	assert_int_equal(id, 0);
	assert_true(retry > 0 && retry <= 15);
	first = retry;
	assert_int_equal(pair_failures(addr), config.throttle_account_max);
	/* The owner, from another address, is not held back at all. */
	assert_int_equal(auth_login(username, PW, "another-addr", &id,
	    &retry), LOGIN_OK);
	assert_int_equal(id, member);
	/* Once the delay is over, one more try; failing it doubles it. */
	pair_age(addr, 16);
	assert_int_equal(auth_login(username, "wrong", addr, &id, &retry),
	    LOGIN_BAD);
	assert_int_equal(auth_login(username, PW, addr, &id, &retry),
	    LOGIN_THROTTLED);
	assert_true(retry > first && retry <= 30);
	/* The delay doubles up to the window and never beyond; a window
	 * after the last failure the count starts again.  (The address's
	 * own count is cleared on the way: it is another test's.) */
	for (i = 0; i < 12 && retry < config.throttle_window_s - 1; i++) {
		first = retry;
		pair_age(addr, retry);
		assert_int_equal(db_exec("DELETE FROM login_throttle WHERE"
		    " kind = 'address'", ""), WEFT_OK);
		assert_int_equal(auth_login(username, "wrong", addr, &id,
		    &retry), LOGIN_BAD);
		assert_int_equal(auth_login(username, PW, addr, &id, &retry),
		    LOGIN_THROTTLED);
		assert_true(retry > first && retry <= config.throttle_window_s);
	}
	assert_true(retry >= config.throttle_window_s - 1);
	pair_age(addr, config.throttle_window_s);
	assert_int_equal(auth_login(username, "wrong", addr, &id, &retry),
	    LOGIN_BAD);
	assert_int_equal(pair_failures(addr), 1);
	/* Success clears the pair's count. */
	assert_int_equal(auth_login(username, PW, addr, &id, &retry),
	    LOGIN_OK);
	assert_int_equal(pair_failures(addr), -1);
	clear_throttle();
}

static void
test_throttle_address(void **state)
{
	char		 name[64];
	long long	 id;
	int		 i, retry;

	(void)state;
	need_db();
	clear_throttle();
	/* Unknown usernames count for the address (and for themselves). */
	for (i = 0; i < config.throttle_address_max; i++) {
		snprintf(name, sizeof(name), "nobody-%s-%d", username, i);
		assert_int_equal(auth_login(name, "wrong", addr, &id, &retry),
		    LOGIN_BAD);
	}
	assert_int_equal(auth_login(username, PW, addr, &id, &retry),
	    LOGIN_THROTTLED);
	assert_true(retry > 0);
	/* From another address the account is fine. */
	assert_int_equal(auth_login(username, PW, "another-addr", &id,
	    &retry), LOGIN_OK);
	clear_throttle();
}

static void
test_rehash_on_login(void **state)
{
	char		 stored[AUTH_HASH_MAX];
	struct db_rows	*r = NULL;
	long long	 id;
	int		 retry;

	(void)state;
	need_db();
	clear_throttle();
	config.argon2_m_kib = 2048;
	assert_int_equal(auth_login(username, PW, addr, &id, &retry),
	    LOGIN_OK);
	assert_int_equal(db_query(&r, "SELECT password_hash FROM members"
	    " WHERE id = ?", "i", member), WEFT_OK);
	assert_true(db_next(r));
	snprintf(stored, sizeof(stored), "%s", db_str(r, 0));
	db_rows_free(r);
	assert_string_not_equal(stored, hash);
	assert_int_equal(auth_password_needs_rehash(stored), 0);
	assert_int_equal(auth_password_verify(stored, PW), 1);
	config.argon2_m_kib = 1024;
	clear_throttle();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session_round_trip),
		cmocka_unit_test(test_session_bad_tokens),
		cmocka_unit_test(test_session_expiry),
		cmocka_unit_test(test_session_grants),
		cmocka_unit_test(test_sessions_end_member),
		cmocka_unit_test(test_disabled_loses_sessions),
		cmocka_unit_test(test_login),
		cmocka_unit_test(test_throttle_pair),
		cmocka_unit_test(test_throttle_address),
		cmocka_unit_test(test_rehash_on_login),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
