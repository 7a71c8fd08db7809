/*
 * Signup throttling (auth_signup_check, auth_signup_count; issue 15, 6)
 * against the real database.  Skipped unless WEFT_CONFIG names the config
 * of a running stack (tests/run.sh sets it).  Uses addresses of the IPv6
 * documentation prefix, 2001:db8:5ee::/48, that no other test uses, and
 * removes their rows at the end.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "auth.h"
#include "config.h"
#include "db.h"
#include "log.h"

/* Two addresses of one /64, and one of the next /64. */
#define NET1_A	"2001:db8:5ee:1:aaaa::1"
#define NET1_B	"2001:db8:5ee:1:bbbb:cccc:dddd:2"
#define NET2	"2001:db8:5ee:2::1"

static int	 connected;

static int
group_setup(void **state)
{
	const char	*conf = getenv("WEFT_CONFIG");

	(void)state;
	if (conf == NULL || conf[0] == '\0')
		return 0;
	log_init("test_signup_db", LOGL_WARN);
	if (config_load(&config, conf) != WEFT_OK || db_connect() != WEFT_OK)
		return -1;
	config.signup_address_max = 3;
	config.signup_window_s = 3600;
	config.throttle_window_s = 900;
	connected = 1;
	return 0;
}

static void
clear(void)
{
	assert_int_equal(db_exec("DELETE FROM login_throttle WHERE"
	    " k LIKE '2001:db8:5ee:%' OR k LIKE '% signuptest-%'", ""),
	    WEFT_OK);
}

static int
group_teardown(void **state)
{
	(void)state;
	if (!connected)
		return 0;
	clear();
	db_close();
	return 0;
}

static void
need_db(void)
{
	if (!connected)
		skip();
}

static int
retry_of(const char *addr)
{
	int	 retry = -1;

	assert_int_equal(auth_signup_check(addr, &retry), WEFT_OK);
	return retry;
}

static long long
rows_of(const char *addr)
{
	char		 ak[AUTH_ADDR_KEY_MAX];
	long long	 n = -1;

	auth_address_key(addr, ak);
	assert_int_equal(db_query_int(&n, "SELECT COUNT(*) FROM login_throttle"
	    " WHERE kind = 'signup' AND k = ?", "s", ak), WEFT_OK);
	return n;
}

/* Moves the signup window of addr's network s seconds into the past. */
static void
age(const char *addr, long long s)
{
	char	 ak[AUTH_ADDR_KEY_MAX];

	auth_address_key(addr, ak);
	assert_int_equal(db_exec("UPDATE login_throttle SET window_start ="
	    " window_start - INTERVAL ? SECOND, last_failure = last_failure"
	    " - INTERVAL ? SECOND WHERE kind = 'signup' AND k = ?", "iis",
	    s, s, ak), WEFT_OK);
}

/* signup_address_max applications from one /64, then it is held back
 * until the window ends, whichever address of it asks; the next /64 is
 * not. */
static void
test_signup_window(void **state)
{
	int	 i, retry;

	(void)state;
	need_db();
	clear();
	for (i = 0; i < config.signup_address_max; i++) {
		assert_int_equal(retry_of(i % 2 ? NET1_B : NET1_A), 0);
		assert_int_equal(auth_signup_count(i % 2 ? NET1_A : NET1_B),
		    WEFT_OK);
	}
	retry = retry_of(NET1_A);
	assert_true(retry > config.signup_window_s - 60 &&
	    retry <= config.signup_window_s);
	assert_int_equal(retry_of(NET1_B), retry);
	assert_int_equal(retry_of(NET2), 0);
	/* Near the end of the window, the wait is what is left of it. */
	age(NET1_A, config.signup_window_s - 100);
	retry = retry_of(NET1_B);
	assert_true(retry > 0 && retry <= 100);
	/* After it, the count starts again at one. */
	age(NET1_A, 100);
	assert_int_equal(retry_of(NET1_A), 0);
	assert_int_equal(auth_signup_count(NET1_A), WEFT_OK);
	for (i = 1; i < config.signup_address_max; i++) {
		assert_int_equal(retry_of(NET1_A), 0);
		assert_int_equal(auth_signup_count(NET1_B), WEFT_OK);
	}
	assert_true(retry_of(NET1_A) > 0);
	clear();
}

/* The sweep that failed log-ins run now and then removes rows older than
 * the log-in window, but a signup count lives for its own, longer window. */
static void
test_signup_outlives_login_sweep(void **state)
{
	int	 i;

	(void)state;
	need_db();
	clear();
	for (i = 0; i < config.signup_address_max; i++)
		assert_int_equal(auth_signup_count(NET1_A), WEFT_OK);
	age(NET1_A, config.throttle_window_s + 60);
	/* 64 counts sweep at least once. */
	for (i = 0; i < 64; i++)
		assert_int_equal(auth_throttle_fail("signuptest-nobody",
		    "192.0.2.55"), WEFT_OK);
	assert_true(retry_of(NET1_A) > 0);
	/* Past its own window it goes with the next sweep. */
	assert_int_equal(rows_of(NET1_A), 1);
	age(NET1_A, config.signup_window_s);
	for (i = 0; i < 64; i++)
		assert_int_equal(auth_signup_count(NET2), WEFT_OK);
	assert_int_equal(rows_of(NET1_A), 0);
	clear();
	assert_int_equal(db_exec("DELETE FROM login_throttle WHERE k ="
	    " '192.0.2.55'", ""), WEFT_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signup_window),
		cmocka_unit_test(test_signup_outlives_login_sweep),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
