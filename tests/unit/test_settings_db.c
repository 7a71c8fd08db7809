/*
 * The settings registry against the real database: the worker's copy is
 * read once and then only when the settings generation moves, which the
 * session statement returns (no statement of its own) and a visitor's
 * first read asks for (one statement); settings_set() validates through
 * the table, stores, moves the generation and audits, all inside the
 * caller's transaction, so a rollback leaves nothing.  Skipped unless
 * WEFT_CONFIG names the config of a running stack (tests/run.sh sets it).
 * The settings rows and their generation are put back at the end, and the
 * generation moved once more, so the stack's workers read them again.
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
#include "ledger.h"
#include "log.h"
#include "settings.h"
#include "util.h"

static long long	 member;
static struct actor	 actor;
static char		 was[SETTING__MAX][SETTINGS_VALUE_MAX];
static int		 had[SETTING__MAX];

static void
need_db(void)
{
	if (member == 0)
		skip();
}

/* The stored value of setting id into out; 0 when there is no row. */
static int
stored(enum setting id, char out[SETTINGS_VALUE_MAX])
{
	struct db_rows	*r = NULL;
	int		 found;

	out[0] = '\0';
	assert_int_equal(db_query(&r, "SELECT value FROM settings WHERE"
	    " name = ?", "s", settings_defs[id].name), WEFT_OK);
	if ((found = db_next(r)))
		snprintf(out, SETTINGS_VALUE_MAX, "%s", db_str(r, 0));
	db_rows_free(r);
	return found;
}

static long long
generation(void)
{
	long long	 g = 0;

	assert_int_equal(db_query_int(&g, "SELECT generation FROM"
	    " cache_generations WHERE name = 'settings'", ""), WEFT_OK);
	return g;
}

/* Writes a row behind the registry's back (as a hand-made SQL change
 * would), without moving the generation. */
static void
raw_set(enum setting id, const char *value)
{
	assert_int_equal(db_exec("INSERT INTO settings (name, value) VALUES"
	    " (?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)", "ss",
	    settings_defs[id].name, value), WEFT_OK);
}

static long long
bump(void)
{
	assert_int_equal(db_exec("UPDATE cache_generations SET generation ="
	    " generation + 1 WHERE name = 'settings'", ""), WEFT_OK);
	return generation();
}

/* Statements this connection has executed so far. */
static long long
executed(void)
{
	struct db_rows	*r = NULL;
	long long	 n;

	assert_int_equal(db_query(&r, "SHOW SESSION STATUS LIKE"
	    " 'Com_stmt_execute'", ""), WEFT_OK);
	assert_true(db_next(r));
	n = db_int(r, 1);
	db_rows_free(r);
	return n;
}

/* Statements that fn() ran, beside the counting itself. */
static long long
cost(long long (*fn)(void), long long *value)
{
	long long	 a, b, c;

	a = executed();
	b = executed();
	*value = fn();
	c = executed();
	return (c - b) - (b - a);
}

static long long
credit_limit(void)
{
	return settings_int(SETTING_CREDIT_LIMIT);
}

static int
group_setup(void **state)
{
	const char	*conf = getenv("WEFT_CONFIG");
	char		 u[33];
	size_t		 i;

	(void)state;
	if (conf == NULL || conf[0] == '\0')
		return 0;
	log_init("test_settings_db", LOGL_ERROR);
	if (config_load(&config, conf) != WEFT_OK || db_connect() != WEFT_OK)
		return -1;
	snprintf(u, sizeof(u), "settingstest%ld", (long)getpid());
	if (db_exec("INSERT INTO members (username, email, name,"
	    " password_hash, status, about) VALUES (?,"
	    " 'settingstest@example.org', 'Settings Test', 'x', 'approved',"
	    " '')", "s", u) != WEFT_OK)
		return -1;
	member = db_insert_id();
	memset(&actor, 0, sizeof(actor));
	actor.member_id = actor.acting_id = member;
	actor.status = MEMBER_APPROVED;
	snprintf(actor.addr, sizeof(actor.addr), "test");
	for (i = 0; i < SETTING__MAX; i++)
		had[i] = stored((enum setting)i, was[i]);
	return 0;
}

static int
group_teardown(void **state)
{
	size_t	 i;

	(void)state;
	if (member == 0)
		return 0;
	for (i = 0; i < SETTING__MAX; i++)
		if (had[i])
			raw_set((enum setting)i, was[i]);
		else
			db_exec("DELETE FROM settings WHERE name = ?", "s",
			    settings_defs[i].name);
	db_exec("DELETE FROM settings WHERE name = 'settingstest_unknown'",
	    "");
	bump();
	db_exec("DELETE FROM audit_log WHERE actor_id = ?", "i", member);
	db_exec("DELETE FROM sessions WHERE member_id = ?", "i", member);
	db_exec("DELETE FROM members WHERE id = ?", "i", member);
	db_close();
	return 0;
}

/* A current copy costs no statement; only a new generation is read. */
static void
test_copy(void **state)
{
	long long	 g, v;

	(void)state;
	need_db();
	raw_set(SETTING_CREDIT_LIMIT, "-1500");
	g = bump();
	settings_expect(g);
	assert_int_equal(cost(credit_limit, &v), 1);	/* read: it moved */
	assert_int_equal(v, -1500);
	assert_int_equal(cost(credit_limit, &v), 0);	/* same request */
	assert_int_equal(v, -1500);
	settings_expect(g);			/* the next request */
	assert_int_equal(cost(credit_limit, &v), 0);
	assert_int_equal(v, -1500);
	/* A change that does not move the generation is not seen: writers
	 * go through settings_set(). */
	raw_set(SETTING_CREDIT_LIMIT, "-1600");
	settings_expect(g);
	assert_int_equal(cost(credit_limit, &v), 0);
	assert_int_equal(v, -1500);
	/* Moved: seen on the very next request. */
	g = bump();
	settings_expect(g);
	assert_int_equal(cost(credit_limit, &v), 1);
	assert_int_equal(v, -1600);
	assert_int_equal(settings_int(SETTING_EXCHANGE_MAX),
	    had[SETTING_EXCHANGE_MAX] ? atoll(was[SETTING_EXCHANGE_MAX]) :
	    2400);
}

/* A visitor's request has no session statement: its first read asks for
 * the generation (one statement), its next reads ask nothing. */
static void
test_visitor(void **state)
{
	long long	 g, v;

	(void)state;
	need_db();
	raw_set(SETTING_CREDIT_LIMIT, "-1700");
	g = bump();
	settings_expect(g);
	assert_int_equal(credit_limit(), -1700);
	settings_expect(0);
	assert_int_equal(cost(credit_limit, &v), 1);	/* unchanged */
	assert_int_equal(v, -1700);
	assert_int_equal(cost(credit_limit, &v), 0);
	raw_set(SETTING_CREDIT_LIMIT, "-1800");
	bump();
	settings_expect(0);
	assert_int_equal(cost(credit_limit, &v), 1);	/* and the values */
	assert_int_equal(v, -1800);
	assert_string_equal(settings_str(SETTING_CREDIT_LIMIT), "-1800");
}

/* The generation comes with the session (auth_session_load()). */
static void
test_session(void **state)
{
	char		 tok[AUTH_TOKEN_HEX];
	struct actor	 a;
	long long	 v;

	(void)state;
	need_db();
	assert_int_equal(auth_session_create(member, "", tok), WEFT_OK);
	assert_int_equal(auth_session_load(tok, "", &a), WEFT_OK);
	assert_int_equal(a.member_id, member);
	(void)credit_limit();
	assert_int_equal(auth_session_load(tok, "", &a), WEFT_OK);
	assert_int_equal(cost(credit_limit, &v), 0);
	raw_set(SETTING_CREDIT_LIMIT, "-1900");
	bump();
	assert_int_equal(auth_session_load(tok, "", &a), WEFT_OK);
	assert_int_equal(cost(credit_limit, &v), 1);
	assert_int_equal(v, -1900);
	/* A visitor's load (no token) says nothing: the next read asks. */
	assert_int_equal(auth_session_load(NULL, "", &a), WEFT_OK);
	assert_int_equal(a.member_id, 0);
	assert_int_equal(cost(credit_limit, &v), 1);
	assert_int_equal(v, -1900);
}

static void
test_set(void **state)
{
	char		 v[SETTINGS_VALUE_MAX];
	struct db_rows	*r = NULL;
	enum valid_err	 why = VALID_OK;
	long long	 g0, g1;

	(void)state;
	need_db();
	raw_set(SETTING_CREDIT_LIMIT_MODE, "soft");
	g0 = bump();
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(settings_set(&actor, SETTING_CREDIT_LIMIT_MODE,
	    "hard", &why), WEFT_OK);
	assert_int_equal(why, VALID_OK);
	assert_int_equal(db_commit(), WEFT_OK);
	g1 = generation();
	assert_int_equal(g1, g0 + 1);
	assert_true(stored(SETTING_CREDIT_LIMIT_MODE, v));
	assert_string_equal(v, "hard");
	/* Audited, under the generation it made. */
	assert_int_equal(db_query(&r, "SELECT action, object_id, before_json,"
	    " after_json, acting_id FROM audit_log WHERE actor_id = ? AND"
	    " object_type = 'setting' ORDER BY id DESC LIMIT 1", "i", member),
	    WEFT_OK);
	assert_true(db_next(r));
	assert_string_equal(db_str(r, 0), "setting.set");
	assert_int_equal(db_int(r, 1), g1);
	assert_string_equal(db_str(r, 2),
	    "{\"name\":\"credit_limit_mode\",\"value\":\"soft\"}");
	assert_string_equal(db_str(r, 3),
	    "{\"name\":\"credit_limit_mode\",\"value\":\"hard\"}");
	assert_int_equal(db_int(r, 4), member);
	db_rows_free(r);
	settings_expect(g1);
	assert_int_equal(settings_int(SETTING_CREDIT_LIMIT_MODE), 1);
	assert_string_equal(settings_str(SETTING_CREDIT_LIMIT_MODE), "hard");
}

/* A setting without a row: before is null, and the row is made. */
static void
test_set_new_row(void **state)
{
	char		 v[SETTINGS_VALUE_MAX];
	enum valid_err	 why;
	long long	 n = 0;

	(void)state;
	need_db();
	assert_int_equal(db_exec("DELETE FROM settings WHERE name ="
	    " 'exchange_oldest_days'", ""), WEFT_OK);
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(settings_set(&actor, SETTING_EXCHANGE_OLDEST_DAYS,
	    "30", &why), WEFT_OK);
	assert_int_equal(db_commit(), WEFT_OK);
	assert_true(stored(SETTING_EXCHANGE_OLDEST_DAYS, v));
	assert_string_equal(v, "30");
	assert_int_equal(db_query_int(&n, "SELECT COUNT(*) FROM audit_log"
	    " WHERE actor_id = ? AND object_id = ? AND before_json ="
	    " '{\"name\":\"exchange_oldest_days\",\"value\":null}'", "ii",
	    member, generation()), WEFT_OK);
	assert_int_equal(n, 1);
	settings_expect(generation());
	assert_int_equal(settings_int(SETTING_EXCHANGE_OLDEST_DAYS), 30);
}

/* Refused by the table: nothing written, the generation unmoved. */
static void
test_set_refused(void **state)
{
	static const struct {
		enum setting	 id;
		const char	*value;
		enum valid_err	 why;
	} bad[] = {
		{ SETTING_CREDIT_LIMIT, "100", VALID_RANGE },
		{ SETTING_CREDIT_LIMIT, "-20 hours", VALID_FORMAT },
		{ SETTING_CREDIT_LIMIT_MODE, "strict", VALID_FORMAT },
		{ SETTING_EXCHANGE_MAX, "", VALID_EMPTY },
	};
	char		 before[SETTINGS_VALUE_MAX], after[SETTINGS_VALUE_MAX];
	enum valid_err	 why;
	long long	 g, n = -1;
	size_t		 i;

	(void)state;
	need_db();
	g = generation();
	for (i = 0; i < NELEM(bad); i++) {
		stored(bad[i].id, before);
		assert_int_equal(db_begin(), WEFT_OK);
		assert_int_equal(settings_set(&actor, bad[i].id, bad[i].value,
		    &why), WEFT_ERR_INVALID);
		assert_int_equal(why, bad[i].why);
		assert_int_equal(db_commit(), WEFT_OK);
		stored(bad[i].id, after);
		assert_string_equal(before, after);
	}
	assert_int_equal(generation(), g);
	assert_int_equal(db_query_int(&n, "SELECT COUNT(*) FROM audit_log"
	    " WHERE actor_id = ? AND object_id > ?", "ii", member, g),
	    WEFT_OK);
	assert_int_equal(n, 0);
}

/* The caller's rollback takes the value, the generation and the audit
 * row back; the copy, read inside the transaction, is read again. */
static void
test_set_rollback(void **state)
{
	char		 v[SETTINGS_VALUE_MAX];
	enum valid_err	 why;
	long long	 g, n = -1;

	(void)state;
	need_db();
	raw_set(SETTING_CREDIT_LIMIT, "-2100");
	g = bump();
	settings_expect(g);
	assert_int_equal(credit_limit(), -2100);
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(settings_set(&actor, SETTING_CREDIT_LIMIT, "-4000",
	    &why), WEFT_OK);
	assert_int_equal(credit_limit(), -4000);	/* its own change */
	db_rollback();
	assert_int_equal(generation(), g);
	assert_true(stored(SETTING_CREDIT_LIMIT, v));
	assert_string_equal(v, "-2100");
	assert_int_equal(db_query_int(&n, "SELECT COUNT(*) FROM audit_log"
	    " WHERE actor_id = ? AND object_id > ?", "ii", member, g),
	    WEFT_OK);
	assert_int_equal(n, 0);
	settings_expect(g);
	assert_int_equal(credit_limit(), -2100);
}

/* Rows the table refuses read as the default; unknown names are left
 * alone; a setting without a row has its default. */
static void
test_bad_rows(void **state)
{
	(void)state;
	need_db();
	raw_set(SETTING_CREDIT_LIMIT, "1000");
	raw_set(SETTING_CREDIT_LIMIT_MODE, "HARD");
	assert_int_equal(db_exec("INSERT IGNORE INTO settings (name, value)"
	    " VALUES ('settingstest_unknown', 'x')", ""), WEFT_OK);
	assert_int_equal(db_exec("DELETE FROM settings WHERE name ="
	    " 'exchange_max_hundredths'", ""), WEFT_OK);
	settings_expect(bump());
	assert_int_equal(credit_limit(), -2000);
	assert_int_equal(settings_int(SETTING_CREDIT_LIMIT_MODE), 0);
	assert_int_equal(settings_int(SETTING_EXCHANGE_MAX), 2400);
	raw_set(SETTING_CREDIT_LIMIT, "-2200");
	settings_expect(bump());
	assert_int_equal(credit_limit(), -2200);
}

/* The ledger reads the registry. */
static void
test_ledger(void **state)
{
	struct ledger_settings	 s;

	(void)state;
	need_db();
	raw_set(SETTING_CREDIT_LIMIT, "-2300");
	raw_set(SETTING_CREDIT_LIMIT_MODE, "hard");
	raw_set(SETTING_EXCHANGE_MAX, "800");
	raw_set(SETTING_EXCHANGE_OLDEST_DAYS, "7");
	settings_expect(bump());
	assert_int_equal(ledger_settings_load(&s), WEFT_OK);
	assert_int_equal(s.credit_limit, -2300);
	assert_int_equal(s.mode, LEDGER_LIMIT_HARD);
	assert_int_equal(s.max_hundredths, 800);
	assert_int_equal(s.oldest_days, 7);
	raw_set(SETTING_CREDIT_LIMIT_MODE, "soft");
	settings_expect(bump());
	assert_int_equal(ledger_settings_load(&s), WEFT_OK);
	assert_int_equal(s.mode, LEDGER_LIMIT_SOFT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_visitor),
		cmocka_unit_test(test_session),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_set_new_row),
		cmocka_unit_test(test_set_refused),
		cmocka_unit_test(test_set_rollback),
		cmocka_unit_test(test_bad_rows),
		cmocka_unit_test(test_ledger),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
