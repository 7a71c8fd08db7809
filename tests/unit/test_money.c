/*
 * money.c: amounts read strictly in a language's decimal mark and the
 * currency's minor unit, the refusals next to what they differ from, and
 * writing them back; FORM_MONEY through a form table.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "form.h"
#include "http.h"
#include "i18n.h"
#include "money.h"
#include "util.h"

struct mcase {
	const char	*in;
	char		 decimal;
	int		 exponent;
	enum valid_err	 want;
	long long	 minor;
};

static void
test_parse(void **state)
{
	static const struct mcase cases[] = {
		{ "12.50", '.', 2, VALID_OK, 1250 },
		{ "12,50", ',', 2, VALID_OK, 1250 },
		{ "12.50", ',', 2, VALID_OK, 1250 },	/* '.' is read too */
		{ "12,50", '.', 2, VALID_FORMAT, 0 },	/* not in English */
		{ "12", '.', 2, VALID_OK, 1200 },
		{ "12.5", '.', 2, VALID_OK, 1250 },
		{ "0.01", '.', 2, VALID_OK, 1 },
		{ "0.00", '.', 2, VALID_RANGE, 0 },
		{ "0", '.', 2, VALID_RANGE, 0 },
		{ "12.505", '.', 2, VALID_FORMAT, 0 },
		{ "12.", '.', 2, VALID_FORMAT, 0 },
		{ ".50", '.', 2, VALID_FORMAT, 0 },
		{ "-12.50", '.', 2, VALID_FORMAT, 0 },
		{ "+12.50", '.', 2, VALID_FORMAT, 0 },
		{ " 12.50", '.', 2, VALID_FORMAT, 0 },
		{ "12.50 ", '.', 2, VALID_FORMAT, 0 },
		{ "1,250.00", '.', 2, VALID_FORMAT, 0 },
		{ "1.250,00", ',', 2, VALID_FORMAT, 0 },
		{ "1e3", '.', 2, VALID_FORMAT, 0 },
		{ "0x10", '.', 2, VALID_FORMAT, 0 },
		{ "12.5O", '.', 2, VALID_FORMAT, 0 },
		{ "", '.', 2, VALID_EMPTY, 0 },
		{ "500", '.', 0, VALID_OK, 500 },	/* JPY */
		{ "500.0", '.', 0, VALID_FORMAT, 0 },
		{ "1.250", '.', 3, VALID_OK, 1250 },	/* KWD */
		{ "1.2505", '.', 3, VALID_FORMAT, 0 },
		{ "92233720368547758.07", '.', 2, VALID_OK, LLONG_MAX },
		{ "92233720368547758.08", '.', 2, VALID_RANGE, 0 },
		{ "99999999999999999999", '.', 2, VALID_RANGE, 0 },
	};
	long long	 v;
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		v = 0;
		if (money_parse(cases[i].in, cases[i].decimal,
		    cases[i].exponent, 0, &v) != cases[i].want ||
		    (cases[i].want == VALID_OK && v != cases[i].minor))
			fail_msg("money_parse(\"%s\", '%c', %d): %lld",
			    cases[i].in, cases[i].decimal, cases[i].exponent, v);
	}
	assert_int_equal(money_parse(NULL, '.', 2, 0, &v), VALID_EMPTY);
	assert_int_equal(money_parse("10.01", '.', 2, 1000, &v), VALID_RANGE);
	assert_int_equal(money_parse("10.00", '.', 2, 1000, &v), VALID_OK);
}

static void
test_format(void **state)
{
	char	 s[MONEY_NUM_LEN], t[MONEY_LEN];

	(void)state;
	money_fmt(1250, 2, '.', s);
	assert_string_equal(s, "12.50");
	money_fmt(1250, 2, ',', s);
	assert_string_equal(s, "12,50");
	money_fmt(5, 2, '.', s);
	assert_string_equal(s, "0.05");
	money_fmt(-5, 2, '.', s);
	assert_string_equal(s, "-0.05");
	money_fmt(500, 0, '.', s);
	assert_string_equal(s, "500");
	money_fmt(1250, 3, '.', s);
	assert_string_equal(s, "1.250");
	money_fmt(LLONG_MIN, 2, '.', s);
	assert_string_equal(s, "-92233720368547758.08");
	money_text("en", 1250, "EUR", t);
	assert_string_equal(t, "12.50 EUR");
	money_text("en", 500, "JPY", t);
	assert_string_equal(t, "500 JPY");
	assert_int_equal(money_exponent("KWD"), 3);
	assert_int_equal(money_exponent("JPY"), 0);
	assert_int_equal(money_exponent("EUR"), 2);
	assert_int_equal(money_exponent("XYZ"), 2);
}

/* Every currency the setting offers is three capital letters. */
static void
test_codes(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; money_currency_codes[i] != NULL; i++) {
		assert_int_equal(strlen(money_currency_codes[i]), 3);
		assert_true(money_currency_codes[i][0] >= 'A' &&
		    money_currency_codes[i][2] <= 'Z');
	}
	assert_true(i > 10);
}

static size_t
read_amount(const char *body, const char *lang, long long *minor)
{
	static const struct http_limits lim = { 64, 8192 };
	static const struct form_field f[1] = {
		{ "amount", FORM_MONEY, 1, 0, 0, NULL, 0, NULL, NULL, 0 },
	};
	struct http_kvlist	 kv;
	struct form_value	 v[1];
	size_t			 bad;

	memset(&kv, 0, sizeof(kv));
	assert_int_equal(http_parse_urlencoded(body, strlen(body), &lim, &kv),
	    HTTP_PARSE_OK);
	bad = form_read(f, 1, &kv, lang, NULL, v);
	*minor = v[0].set ? v[0].money : -1;
	http_kvlist_free(&kv);
	return bad;
}

/* FORM_MONEY: the site's currency (EUR, the default, without a
 * database), the decimal mark of the reader's language. */
static void
test_form_money(void **state)
{
	long long	 m;

	(void)state;
	assert_int_equal(read_amount("amount=7.5", "en", &m), 0);
	assert_int_equal(m, 750);
	assert_int_equal(read_amount("amount=7%2C5", "en", &m), 1);
	assert_int_equal(read_amount("amount=", "en", &m), 1);
	assert_int_equal(read_amount("amount=7.555", "en", &m), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_form_money),
	};

	if (i18n_load("templates/phrases") != WEFT_OK)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
