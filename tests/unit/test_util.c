/*
 * util.c: the bounded copy (NULL, cut short, exact fit), NELEM, a key's
 * index in a string table, and today's date in the shape and time zone
 * the database uses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "util.h"
#include "valid.h"

static void
test_copy(void **state)
{
	char	 small[4], big[16];

	memset(big, 'x', sizeof(big));
	util_copy(big, sizeof(big), NULL);
	assert_string_equal(big, "");
	util_copy(big, sizeof(big), "abc");
	assert_string_equal(big, "abc");
	/* Too long: cut short, still terminated. */
	util_copy(small, sizeof(small), "abcdef");
	assert_string_equal(small, "abc");
	util_copy(small, sizeof(small), "abc");
	assert_string_equal(small, "abc");
}

static void
test_nelem(void **state)
{
	static const char *const three[] = { "a", "b", "c" };
	long long	 many[17];

	assert_int_equal(NELEM(three), 3);
	assert_int_equal(NELEM(many), 17);
}

static void
test_lookup(void **state)
{
	static const char *const keys[] = { "", "yes", "no" };

	assert_int_equal(util_lookup(keys, NELEM(keys), ""), 0);
	assert_int_equal(util_lookup(keys, NELEM(keys), "no"), 2);
	assert_int_equal(util_lookup(keys, NELEM(keys), "No"), -1);
	assert_int_equal(util_lookup(keys, NELEM(keys), "n"), -1);
	assert_int_equal(util_lookup(keys, NELEM(keys), NULL), -1);
	/* Only the first n count. */
	assert_int_equal(util_lookup(keys, 2, "no"), -1);
}

static void
test_today(void **state)
{
	char		 today[UTIL_DATE_LEN], want[UTIL_DATE_LEN];
	struct tm	 tm;
	time_t		 now;
	int		 y, m, d;

	assert_int_equal(util_now_tm(&tm), WEFT_OK);
	assert_true(tm.tm_year + 1900 >= 2024);
	assert_int_equal(util_today(today), WEFT_OK);
	assert_int_equal(strlen(today), 10);
	assert_int_equal(valid_date(today, &y, &m, &d), VALID_OK);
	/* UTC, not the local zone: in UTC+14 the local date is another
	 * for 14 hours of the day.  Compared with gmtime of the same second
	 * (retried across a midnight). */
	assert_int_equal(setenv("TZ", "Pacific/Kiritimati", 1), 0);
	tzset();
	do {
		now = time(NULL);
		assert_non_null(gmtime_r(&now, &tm));
		strftime(want, sizeof(want), "%Y-%m-%d", &tm);
		assert_int_equal(util_today(today), WEFT_OK);
	} while (time(NULL) != now);
	assert_string_equal(today, want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_nelem),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_today),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
