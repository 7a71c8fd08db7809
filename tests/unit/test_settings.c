/*
 * The settings registry's table and validators, without the database:
 * every row is complete and its default passes its own validator; each
 * accepted value has its refused twin.  The copy, the generation and the
 * write path are in test_settings_db.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "settings.h"

static void
test_table(void **state)
{
	const struct setting_def	*d;
	enum setting			 id;
	long long			 n;
	size_t				 i, j;

	(void)state;
	for (i = 0; i < SETTING__MAX; i++) {
		d = &settings_defs[i];
		assert_non_null(d->name);
		/* settings.name is VARCHAR(64); the questions are numbered. */
		assert_true(strlen(d->name) > 0 && strlen(d->name) < 64);
		assert_int_equal(strspn(d->name, "abcdefghijklmnopqrstuvwxyz_0123456789"),
		    strlen(d->name));
		assert_true((unsigned)d->type < SETTING_TYPE__MAX);
		assert_non_null(setting_type_names[d->type]);
		assert_true(d->area != NULL && d->area[0] != '\0');
		assert_true(d->description != NULL &&
		    strlen(d->description) > 10);
		if (d->type == SETTING_INT || d->type == SETTING_TEXT)
			assert_true(d->min <= d->max);
		else
			assert_true(d->choices != NULL &&
			    d->choices[0] != NULL);
		if (d->type == SETTING_TEXT)
			assert_true(d->max < SETTINGS_VALUE_MAX &&
			    (unsigned)d->format < SETTING_FORMAT__MAX);
		assert_int_equal(settings_parse((enum setting)i, d->dflt, &n),
		    VALID_OK);
		assert_int_equal(settings_find(d->name, &id), 0);
		assert_int_equal(id, (enum setting)i);
		for (j = 0; j < i; j++)
			assert_string_not_equal(settings_defs[j].name, d->name);
	}
	assert_int_equal(settings_find("no_such_setting", &id), -1);
	assert_int_equal(settings_find("", &id), -1);
	assert_int_equal(settings_find(NULL, &id), -1);
}

static void
test_parse_int(void **state)
{
	long long	 n;

	(void)state;
	/* The credit limit: zero or below, never above. */
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT, "-2000", &n),
	    VALID_OK);
	assert_int_equal(n, -2000);
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT, "0", &n),
	    VALID_OK);
	assert_int_equal(n, 0);
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT,
	    "-1000000000000", &n), VALID_OK);
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT, "1", &n),
	    VALID_RANGE);
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT,
	    "-1000000000001", &n), VALID_RANGE);
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT, "-0", &n),
	    VALID_FORMAT);
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT, "-20.5", &n),
	    VALID_FORMAT);
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT, " -20", &n),
	    VALID_FORMAT);
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT, "", &n),
	    VALID_EMPTY);
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT, NULL, &n),
	    VALID_EMPTY);
	/* The largest exchange: a quarter hour at least. */
	assert_int_equal(settings_parse(SETTING_EXCHANGE_MAX, "25", &n),
	    VALID_OK);
	assert_int_equal(n, 25);
	assert_int_equal(settings_parse(SETTING_EXCHANGE_MAX, "24", &n),
	    VALID_RANGE);
	assert_int_equal(settings_parse(SETTING_EXCHANGE_OLDEST_DAYS, "36500",
	    &n), VALID_OK);
	assert_int_equal(settings_parse(SETTING_EXCHANGE_OLDEST_DAYS, "36501",
	    &n), VALID_RANGE);
	assert_int_equal(settings_parse(SETTING_EXCHANGE_OLDEST_DAYS, "-1",
	    &n), VALID_RANGE);
}

static void
test_parse_choice(void **state)
{
	char		 longer[SETTINGS_VALUE_MAX + 1];
	long long	 n = -1;

	(void)state;
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT_MODE, "soft", &n),
	    VALID_OK);
	assert_int_equal(n, 0);
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT_MODE, "hard", &n),
	    VALID_OK);
	assert_int_equal(n, 1);
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT_MODE, "HARD", &n),
	    VALID_FORMAT);
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT_MODE, "hard ",
	    &n), VALID_FORMAT);
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT_MODE, "1", &n),
	    VALID_FORMAT);
	memset(longer, 'a', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	assert_int_equal(settings_parse(SETTING_CREDIT_LIMIT_MODE, longer, &n),
	    VALID_TOO_LONG);
	/* Not a setting at all. */
	assert_int_equal(settings_parse(SETTING__MAX, "soft", &n),
	    VALID_FORMAT);
}

/* The text settings: empty where optional, each format its own check. */
static void
test_parse_text(void **state)
{
	long long	 n;

	(void)state;
	assert_int_equal(settings_parse(SETTING_SITE_NAME, "", &n), VALID_OK);
	assert_int_equal(settings_parse(SETTING_SITE_NAME, "Riverside Timebank",
	    &n), VALID_OK);
	assert_int_not_equal(settings_parse(SETTING_SITE_NAME, "two\nlines",
	    &n), VALID_OK);
	assert_int_equal(settings_parse(SETTING_SITE_NAME,
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	    &n), VALID_TOO_LONG);
	assert_int_equal(settings_parse(SETTING_CONTACT_EMAIL, "", &n),
	    VALID_OK);
	assert_int_equal(settings_parse(SETTING_CONTACT_EMAIL,
	    "help@timebank.example.org", &n), VALID_OK);
	assert_int_not_equal(settings_parse(SETTING_CONTACT_EMAIL, "help",
	    &n), VALID_OK);
	assert_int_equal(settings_parse(SETTING_MAIL_FROM_NAME,
	    "Riverside Timebank", &n), VALID_OK);
	assert_int_equal(settings_parse(SETTING_MAIL_FROM_NAME,
	    "Evil <x@y>", &n), VALID_FORMAT);
	assert_int_equal(settings_parse(SETTING_TIME_ZONE, "UTC", &n),
	    VALID_OK);
	assert_int_equal(settings_parse(SETTING_TIME_ZONE, "", &n),
	    VALID_EMPTY);
	assert_int_equal(settings_parse(SETTING_TIME_ZONE, "../../etc/passwd",
	    &n), VALID_FORMAT);
	assert_int_equal(settings_parse(SETTING_TIME_ZONE, "/etc/passwd", &n),
	    VALID_FORMAT);
	assert_int_equal(settings_parse(SETTING_TIME_ZONE, "Mars/Olympus",
	    &n), VALID_FORMAT);
	assert_int_equal(settings_parse(SETTING_DEFAULT_LANGUAGE, "es", &n),
	    VALID_OK);
	assert_int_not_equal(settings_parse(SETTING_DEFAULT_LANGUAGE, "e s",
	    &n), VALID_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_parse_int),
		cmocka_unit_test(test_parse_choice),
		cmocka_unit_test(test_parse_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
