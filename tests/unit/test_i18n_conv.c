/*
 * i18n_conv.c: hours and dates written in each convention of the
 * languages table (decimal point or comma; date order ymd, dmy, mdy),
 * English's as before for "en", NULL and an unknown order, and what is
 * not a date copied as it is; a moment stored in UTC in a time zone.  Spanish through the real languages row is
 * test_ledger_db.c's (it needs the database).
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

#include "i18n_conv.h"
#include "util.h"

static void
test_hours_point_and_comma(void **state)
{
	static const struct {
		long long	 h;
		int		 sign;
		const char	*point, *comma;
	} cases[] = {
		{ 150, 0, "1.50", "1,50" },
		{ 125, 0, "1.25", "1,25" },
		{ 0, 0, "0.00", "0,00" },
		{ 0, 1, "0.00", "0,00" },
		{ -50, 0, "-0.50", "-0,50" },
		{ 2400, 1, "+24.00", "+24,00" },
		{ -2000, 1, "-20.00", "-20,00" },
		{ 5, 0, "0.05", "0,05" },
		{ -9223372036854775807LL - 1, 0, "-92233720368547758.08",
		    "-92233720368547758,08" },
	};
	char	 out[I18N_HOURS_LEN];
	size_t	 i;

	for (i = 0; i < NELEM(cases); i++) {
		i18n_hours_fmt('.', cases[i].h, cases[i].sign, out);
		assert_string_equal(out, cases[i].point);
		i18n_hours_fmt(',', cases[i].h, cases[i].sign, out);
		assert_string_equal(out, cases[i].comma);
	}
	/* Any other mark is the point: the column allows only the two. */
	i18n_hours_fmt('x', 150, 0, out);
	assert_string_equal(out, "1.50");
	/* English, by tag and by NULL: as the pages always wrote it. */
	i18n_hours("en", 150, 0, out);
	assert_string_equal(out, "1.50");
	i18n_hours(NULL, -75, 0, out);
	assert_string_equal(out, "-0.75");
	assert_int_equal(i18n_decimal("en"), '.');
}

static void
test_date_orders(void **state)
{
	static const struct {
		const char	*order, *in, *want;
	} cases[] = {
		{ "ymd", "2025-03-07", "2025-03-07" },
		{ "dmy", "2025-03-07", "07/03/2025" },
		{ "mdy", "2025-03-07", "03/07/2025" },
		/* A DATETIME: the date reordered, the time as it is. */
		{ "ymd", "2025-03-07 09:05:01", "2025-03-07 09:05:01" },
		{ "dmy", "2025-03-07 09:05:01", "07/03/2025 09:05:01" },
		{ "mdy", "2025-03-07 09:05:01", "03/07/2025 09:05:01" },
		/* A month, as the dashboard's chart labels them. */
		{ "ymd", "2025-03", "2025-03" },
		{ "dmy", "2025-03", "03/2025" },
		{ "mdy", "2025-03", "03/2025" },
		/* Not a date: copied as it is. */
		{ "dmy", "", "" },
		{ "dmy", "?", "?" },
		{ "dmy", "2025-3-7", "2025-3-7" },
		{ "dmy", "2025-03-0", "2025-03-0" },
		{ "dmy", "20x5-03-07", "20x5-03-07" },
		{ "dmy", "2025/03/07", "2025/03/07" },
		{ "dmy", "2025-03-", "2025-03-" },
		/* An order the table cannot hold: as given. */
		{ "ydm", "2025-03-07", "2025-03-07" },
		{ "", "2025-03-07", "2025-03-07" },
	};
	char	 out[I18N_DATE_LEN], small[6];
	size_t	 i;

	for (i = 0; i < NELEM(cases); i++) {
		i18n_date_fmt(cases[i].order, cases[i].in, out, sizeof(out));
		assert_string_equal(out, cases[i].want);
	}
	i18n_date_fmt(NULL, "2025-03-07", out, sizeof(out));
	assert_string_equal(out, "2025-03-07");
	i18n_date_fmt("dmy", NULL, out, sizeof(out));
	assert_string_equal(out, "");
	/* Cut short, still terminated. */
	i18n_date_fmt("dmy", "2025-03-07", small, sizeof(small));
	assert_string_equal(small, "07/03");
	/* English's order is ISO's. */
	i18n_date("en", "2025-03-07", out, sizeof(out));
	assert_string_equal(out, "2025-03-07");
	i18n_date(NULL, "2025-03-07 10:00:00", out, sizeof(out));
	assert_string_equal(out, "2025-03-07 10:00:00");
}

static const char *zone_now = "Pacific/Kiritimati";

static const char *
zone_of_site(void)
{
	return zone_now;
}

/* A moment stored in UTC shown as a zone's wall clock; plain dates, other
 * text and unknown zones as they are. */
static void
test_zones(void **state)
{
	char	 out[64];

	(void)state;
	i18n_utc_to_zone("Pacific/Kiritimati", "2026-03-10 15:30:00", out,
	    sizeof(out));
	assert_string_equal(out, "2026-03-11 05:30:00");
	/* Daylight saving time: New York is UTC-4 in July, UTC-5 in
	 * January. */
	i18n_utc_to_zone("America/New_York", "2026-07-01 03:00:00", out,
	    sizeof(out));
	assert_string_equal(out, "2026-06-30 23:00:00");
	i18n_utc_to_zone("America/New_York", "2026-01-01 03:00:00.250000",
	    out, sizeof(out));
	assert_string_equal(out, "2025-12-31 22:00:00.250000");
	i18n_utc_to_zone("UTC", "2026-03-10 15:30:00", out, sizeof(out));
	assert_string_equal(out, "2026-03-10 15:30:00");
	i18n_utc_to_zone(NULL, "2026-03-10 15:30:00", out, sizeof(out));
	assert_string_equal(out, "2026-03-10 15:30:00");
	i18n_utc_to_zone("Mars/Olympus", "2026-03-10 15:30:00", out,
	    sizeof(out));
	assert_string_equal(out, "2026-03-10 15:30:00");
	i18n_utc_to_zone("../../etc/passwd", "2026-03-10 15:30:00", out,
	    sizeof(out));
	assert_string_equal(out, "2026-03-10 15:30:00");
	i18n_utc_to_zone("Pacific/Kiritimati", "2026-03-10", out,
	    sizeof(out));
	assert_string_equal(out, "2026-03-10");
	i18n_utc_to_zone("Pacific/Kiritimati", "2026-03-10 1x:30:00", out,
	    sizeof(out));
	assert_string_equal(out, "2026-03-10 1x:30:00");
	i18n_utc_to_zone("Pacific/Kiritimati", NULL, out, sizeof(out));
	assert_string_equal(out, "");
	/* Through i18n_date(), with the site's zone as its source. */
	i18n_zone_source(zone_of_site);
	i18n_date("en", "2026-03-10 15:30:00", out, sizeof(out));
	assert_string_equal(out, "2026-03-11 05:30:00");
	i18n_date("en", "2026-03-10", out, sizeof(out));
	assert_string_equal(out, "2026-03-10");
	zone_now = "UTC";
	i18n_date("en", "2026-03-10 15:30:00", out, sizeof(out));
	assert_string_equal(out, "2026-03-10 15:30:00");
	i18n_zone_source(NULL);
}

/* Typed as the site's wall clock, kept in UTC; to the minute shown to
 * the minute; now in the site's zone. */
static void
test_local_clock(void **state)
{
	char	 out[64], now[I18N_MOMENT_LEN], utc[I18N_MOMENT_LEN];
	time_t	 t;
	struct tm tm;

	(void)state;
	zone_now = "Pacific/Kiritimati";
	i18n_zone_source(zone_of_site);
	assert_int_equal(i18n_local_to_utc("2026-03-11 05:30", out), 0);
	assert_string_equal(out, "2026-03-10 15:30:00");
	assert_int_equal(i18n_local_to_utc("2026-03-11 05:30:15", out), 0);
	assert_string_equal(out, "2026-03-10 15:30:15");
	assert_int_equal(i18n_local_to_utc("2026-03-11", out), -1);
	assert_int_equal(i18n_local_to_utc("2026-03-11 05:30x", out), -1);
	assert_int_equal(i18n_local_to_utc(NULL, out), -1);
	zone_now = "America/New_York";
	assert_int_equal(i18n_local_to_utc("2026-07-01 09:00", out), 0);
	assert_string_equal(out, "2026-07-01 13:00:00");
	assert_int_equal(i18n_local_to_utc("2026-01-01 09:00", out), 0);
	assert_string_equal(out, "2026-01-01 14:00:00");
	i18n_date("en", "2026-07-01 13:00", out, sizeof(out));
	assert_string_equal(out, "2026-07-01 09:00");
	/* Now: 14 hours ahead of UTC in Kiritimati, within the test's second. */
	zone_now = "Pacific/Kiritimati";
	i18n_local_now(now);
	assert_int_equal(i18n_local_to_utc(now, utc), 0);
	t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(out, sizeof(out), "%Y-%m-%d %H:%M:%S", &tm);
	assert_true(strcmp(utc, out) <= 0);
	t -= 5;
	gmtime_r(&t, &tm);
	strftime(out, sizeof(out), "%Y-%m-%d %H:%M:%S", &tm);
	assert_true(strcmp(utc, out) > 0);
	zone_now = "UTC";
	assert_int_equal(i18n_local_to_utc("2026-03-11 05:30", out), 0);
	assert_string_equal(out, "2026-03-11 05:30:00");
	i18n_zone_source(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hours_point_and_comma),
		cmocka_unit_test(test_date_orders),
		cmocka_unit_test(test_zones),
		cmocka_unit_test(test_local_clock),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
