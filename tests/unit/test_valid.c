/*
 * valid.c: each validator with good input next to the bad input that
 * differs by the one thing that matters, hostile strings included.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "i18n.h"
#include "util.h"
#include "valid.h"

struct vcase {
	const char	*in;
	enum valid_err	 want;
};

/* ---- UTF-8 ------------------------------------------------------- */

static enum valid_err
utf8(const char *s)
{
	return valid_utf8(s, strlen(s));
}

static void
test_utf8(void **state)
{
	static const struct vcase cases[] = {
		{ "plain ascii", VALID_OK },
		{ "caf\xc3\xa9", VALID_OK },			/* U+00E9 */
		{ "\xc2\x80", VALID_OK },			/* U+0080 */
		{ "\xdf\xbf", VALID_OK },			/* U+07FF */
		{ "\xe0\xa0\x80", VALID_OK },			/* U+0800 */
		{ "\xed\x9f\xbf", VALID_OK },			/* U+D7FF */
		{ "\xee\x80\x80", VALID_OK },			/* U+E000 */
		{ "\xef\xbf\xbd", VALID_OK },			/* U+FFFD */
		{ "\xf0\x90\x80\x80", VALID_OK },		/* U+10000 */
		{ "\xf4\x8f\xbf\xbf", VALID_OK },		/* U+10FFFF */
		{ "\xf0\x9f\x98\x80", VALID_OK },		/* emoji */
		/* Overlongs: '/' and NUL in two, three, four bytes. */
		{ "\xc0\xaf", VALID_ENCODING },
		{ "\xc0\x80", VALID_ENCODING },
		{ "\xc1\xbf", VALID_ENCODING },
		{ "\xe0\x80\xaf", VALID_ENCODING },
		{ "\xe0\x9f\xbf", VALID_ENCODING },
		{ "\xf0\x80\x80\xaf", VALID_ENCODING },
		{ "\xf0\x8f\xbf\xbf", VALID_ENCODING },
		/* Surrogates, paired or not. */
		{ "\xed\xa0\x80", VALID_ENCODING },		/* U+D800 */
		{ "\xed\xbf\xbf", VALID_ENCODING },		/* U+DFFF */
		{ "\xed\xa0\xbd\xed\xb8\x80", VALID_ENCODING },	/* CESU-8 */
		/* Beyond U+10FFFF, and bytes that never occur. */
		{ "\xf4\x90\x80\x80", VALID_ENCODING },
		{ "\xf5\x80\x80\x80", VALID_ENCODING },
		{ "\xf8\x88\x80\x80\x80", VALID_ENCODING },
		{ "\xfe", VALID_ENCODING },
		{ "\xff", VALID_ENCODING },
		/* Stray continuation, truncated sequences. */
		{ "\x80", VALID_ENCODING },
		{ "a\xbf", VALID_ENCODING },
		{ "\xc3", VALID_ENCODING },
		{ "caf\xc3", VALID_ENCODING },
		{ "\xe2\x82", VALID_ENCODING },
		{ "\xf0\x9f\x98", VALID_ENCODING },
		{ "\xc3\x28", VALID_ENCODING },
		{ "\xe2\x28\xa1", VALID_ENCODING },
	};
	size_t	 i;

	for (i = 0; i < NELEM(cases); i++)
		if (utf8(cases[i].in) != cases[i].want)
			fail_msg("utf8 case %zu", i);
	/* NUL inside the length is refused; the empty string is fine. */
	assert_int_equal(valid_utf8("a\0b", 3), VALID_ENCODING);
	assert_int_equal(valid_utf8("ab", 2), VALID_OK);
	assert_int_equal(valid_utf8("", 0), VALID_OK);
	/* The length is obeyed: a sequence cut by it is truncated. */
	assert_int_equal(valid_utf8("\xc3\xa9", 1), VALID_ENCODING);
	assert_int_equal(valid_utf8("\xc3\xa9", 2), VALID_OK);
}

/* ---- integers and ids -------------------------------------------- */

static void
test_int(void **state)
{
	static const struct {
		const char	*in;
		long long	 min, max;
		enum valid_err	 want;
		long long	 val;
	} cases[] = {
		{ "0", 0, 10, VALID_OK, 0 },
		{ "10", 0, 10, VALID_OK, 10 },
		{ "11", 0, 10, VALID_RANGE, 0 },
		{ "007", 0, 10, VALID_OK, 7 },		/* decimal, not octal */
		{ "-5", -10, 10, VALID_OK, -5 },
		{ "-5", 0, 10, VALID_RANGE, 0 },
		{ "-11", -10, 10, VALID_RANGE, 0 },
		{ "9223372036854775807", 0, INT64_MAX, VALID_OK, INT64_MAX },
		{ "9223372036854775808", 0, INT64_MAX, VALID_RANGE, 0 },
		{ "-9223372036854775808", INT64_MIN, 0, VALID_OK, INT64_MIN },
		{ "-9223372036854775809", INT64_MIN, 0, VALID_RANGE, 0 },
		{ "99999999999999999999", 0, INT64_MAX, VALID_RANGE, 0 },
		{ "", 0, 10, VALID_EMPTY, 0 },
		{ "-0", -10, 10, VALID_FORMAT, 0 },
		{ "-00", -10, 10, VALID_FORMAT, 0 },
		{ "+1", 0, 10, VALID_FORMAT, 0 },
		{ "-", -10, 10, VALID_FORMAT, 0 },
		{ "--1", -10, 10, VALID_FORMAT, 0 },
		{ " 1", 0, 10, VALID_FORMAT, 0 },
		{ "1 ", 0, 10, VALID_FORMAT, 0 },
		{ "\t1", 0, 10, VALID_FORMAT, 0 },
		{ "1\n", 0, 10, VALID_FORMAT, 0 },
		{ "1e3", 0, 10000, VALID_FORMAT, 0 },
		{ "0x10", 0, 100, VALID_FORMAT, 0 },
		{ "1.0", 0, 10, VALID_FORMAT, 0 },
		{ "1,000", 0, 10000, VALID_FORMAT, 0 },
		{ "\xd9\xa1", 0, 10, VALID_FORMAT, 0 },	/* Arabic-Indic 1 */
		{ "\xef\xbc\x91", 0, 10, VALID_FORMAT, 0 },	/* fullwidth 1 */
	};
	long long	 v;
	size_t		 i;

	for (i = 0; i < NELEM(cases); i++) {
		v = 12345;
		if (valid_int(cases[i].in, cases[i].min, cases[i].max, &v) !=
		    cases[i].want)
			fail_msg("int \"%s\"", cases[i].in);
		if (cases[i].want == VALID_OK)
			assert_int_equal(v, cases[i].val);
		else
			assert_int_equal(v, 12345);	/* untouched */
	}
	assert_int_equal(valid_int(NULL, 0, 10, &v), VALID_EMPTY);
}

static void
test_id(void **state)
{
	long long	 v;

	assert_int_equal(valid_id("1", &v), VALID_OK);
	assert_int_equal(v, 1);
	assert_int_equal(valid_id("9007199254740992", &v), VALID_OK);
	assert_int_equal(v, 9007199254740992LL);
	assert_int_equal(valid_id("9007199254740993", &v), VALID_RANGE);
	assert_int_equal(valid_id("0", &v), VALID_RANGE);
	assert_int_equal(valid_id("-1", &v), VALID_RANGE);
	assert_int_equal(valid_id("-0", &v), VALID_FORMAT);
	assert_int_equal(valid_id("01", &v), VALID_FORMAT);
	assert_int_equal(valid_id("00", &v), VALID_FORMAT);
	assert_int_equal(valid_id("1a", &v), VALID_FORMAT);
	assert_int_equal(valid_id(" 1", &v), VALID_FORMAT);
	assert_int_equal(valid_id("0x1", &v), VALID_FORMAT);
	assert_int_equal(valid_id("99999999999999999999", &v), VALID_RANGE);
	assert_int_equal(valid_id("", &v), VALID_EMPTY);
	assert_int_equal(valid_id(NULL, &v), VALID_EMPTY);
}

/* ---- text -------------------------------------------------------- */

static void
test_text(void **state)
{
	char	 big[400];

	assert_int_equal(valid_text("Ada", 1, 3, 0), VALID_OK);
	assert_int_equal(valid_text("Adam", 1, 3, 0), VALID_TOO_LONG);
	/* Characters, not bytes: three letters of two bytes each. */
	assert_int_equal(valid_text("\xc3\xa9\xc3\xa9\xc3\xa9", 1, 3, 0),
	    VALID_OK);
	assert_int_equal(valid_text("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 1, 3,
	    0), VALID_TOO_LONG);
	assert_int_equal(valid_text("ab", 3, 10, 0), VALID_TOO_SHORT);
	assert_int_equal(valid_text("abc", 3, 10, 0), VALID_OK);
	assert_int_equal(valid_text("", 1, 10, 0), VALID_EMPTY);
	assert_int_equal(valid_text(NULL, 1, 10, 0), VALID_EMPTY);
	assert_int_equal(valid_text("", 0, 10, 0), VALID_OK);
	assert_int_equal(valid_text("   ", 1, 10, 0), VALID_EMPTY);
	assert_int_equal(valid_text("   ", 0, 10, 0), VALID_OK);
	/* Line breaks and tabs: only in multiline text. */
	assert_int_equal(valid_text("a\nb", 1, 10, 1), VALID_OK);
	assert_int_equal(valid_text("a\nb", 1, 10, 0), VALID_FORMAT);
	assert_int_equal(valid_text("a\r\nb\tc", 1, 10, 1), VALID_OK);
	assert_int_equal(valid_text("a\tb", 1, 10, 0), VALID_FORMAT);
	assert_int_equal(valid_text("\n\n", 1, 10, 1), VALID_EMPTY);
	/* Other control characters: never. */
	assert_int_equal(valid_text("a\x01" "b", 1, 10, 1), VALID_FORMAT);
	assert_int_equal(valid_text("a\x1b[31mb", 1, 20, 1), VALID_FORMAT);
	assert_int_equal(valid_text("a\x7f", 1, 10, 1), VALID_FORMAT);
	assert_int_equal(valid_text("a\xc2\x85", 1, 10, 1), VALID_FORMAT);
	assert_int_equal(valid_text("a\xc2\xa0" "b", 1, 10, 0), VALID_OK);
	/* Encoding before anything else. */
	assert_int_equal(valid_text("a\xc0\xaf", 1, 10, 0), VALID_ENCODING);
	assert_int_equal(valid_text("\xed\xa0\x80", 1, 10, 0),
	    VALID_ENCODING);
	assert_int_equal(valid_text("\xff", 1, 10, 0), VALID_ENCODING);
	/* Markup is text: escaping is the template's job. */
	assert_int_equal(valid_text("<script>alert(1)</script>", 1, 100, 0),
	    VALID_OK);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(valid_text(big, 1, sizeof(big) - 1, 0), VALID_OK);
	assert_int_equal(valid_text(big, 1, sizeof(big) - 2, 0),
	    VALID_TOO_LONG);
}

/* ---- hours ------------------------------------------------------- */

struct hcase {
	const char	*in;
	enum valid_err	 want;
	long long	 val;
};

/* Each case with decimal mark `decimal` and a maximum of 24 hours. */
static void
hours_cases(const struct hcase *cases, size_t n, char decimal)
{
	long long	 v;
	size_t		 i;

	for (i = 0; i < n; i++) {
		v = -7;
		if (valid_hours(cases[i].in, decimal, 2400, &v) !=
		    cases[i].want)
			fail_msg("hours \"%s\" with '%c'", cases[i].in,
			    decimal);
		assert_int_equal(v, cases[i].want == VALID_OK ?
		    cases[i].val : -7);
	}
}

static void
test_hours(void **state)
{
	static const struct hcase cases[] = {
		{ "1", VALID_OK, 100 },
		{ "1.5", VALID_OK, 150 },
		{ "0.25", VALID_OK, 25 },
		{ "2.50", VALID_OK, 250 },
		{ "0.75", VALID_OK, 75 },
		{ "3.0", VALID_OK, 300 },
		{ "3.00", VALID_OK, 300 },
		{ "24", VALID_OK, 2400 },
		{ "24.25", VALID_RANGE, 0 },		/* max is 24 h */
		{ "100", VALID_RANGE, 0 },
		{ "0", VALID_RANGE, 0 },
		{ "0.00", VALID_RANGE, 0 },
		{ "-1", VALID_FORMAT, 0 },
		{ "-0.5", VALID_FORMAT, 0 },
		{ "+1", VALID_FORMAT, 0 },
		{ "0.3", VALID_FORMAT, 0 },
		{ "0.30", VALID_FORMAT, 0 },
		{ "0.1", VALID_FORMAT, 0 },
		{ "1.255", VALID_FORMAT, 0 },
		{ "1.250", VALID_FORMAT, 0 },
		{ "1.", VALID_FORMAT, 0 },
		{ ".5", VALID_FORMAT, 0 },
		{ "1,5", VALID_FORMAT, 0 },
		{ "1e3", VALID_FORMAT, 0 },
		{ "0x10", VALID_FORMAT, 0 },
		{ " 1", VALID_FORMAT, 0 },
		{ "1 ", VALID_FORMAT, 0 },
		{ "1.5.5", VALID_FORMAT, 0 },
		{ "1:30", VALID_FORMAT, 0 },
		{ "one", VALID_FORMAT, 0 },
		{ "99999999999999999999", VALID_RANGE, 0 },
		{ "92233720368547758", VALID_RANGE, 0 },
		{ "", VALID_EMPTY, 0 },
	};
	long long	 v;

	hours_cases(cases, NELEM(cases), '.');
	assert_int_equal(valid_hours(NULL, '.', 2400, &v), VALID_EMPTY);
	/* A large max: the biggest whole number of hours that fits. */
	assert_int_equal(valid_hours("92233720368547757", '.', INT64_MAX, &v),
	    VALID_OK);
	assert_int_equal(v, 9223372036854775700LL);
}

/* A language writing a decimal comma (Spanish): "1,5" as well as "1.5";
 * every rule of the point holds for the comma too. */
static void
test_hours_comma(void **state)
{
	static const struct hcase cases[] = {
		{ "1,5", VALID_OK, 150 },
		{ "1,50", VALID_OK, 150 },
		{ "0,25", VALID_OK, 25 },
		{ "1.5", VALID_OK, 150 },	/* a keypad's point */
		{ "2", VALID_OK, 200 },
		{ "24,00", VALID_OK, 2400 },
		{ "24,25", VALID_RANGE, 0 },
		{ "0,00", VALID_RANGE, 0 },
		{ "0,3", VALID_FORMAT, 0 },
		{ "1,255", VALID_FORMAT, 0 },
		{ "1,", VALID_FORMAT, 0 },
		{ ",5", VALID_FORMAT, 0 },
		{ "1,5,5", VALID_FORMAT, 0 },
		{ "1.5,5", VALID_FORMAT, 0 },
		{ "1,5.5", VALID_FORMAT, 0 },
		{ "1.000", VALID_FORMAT, 0 },	/* no thousands separator */
		{ "-1,5", VALID_FORMAT, 0 },
		{ "1 5", VALID_FORMAT, 0 },
	};
	long long	 v;

	hours_cases(cases, NELEM(cases), ',');
	/* The point's languages still refuse the comma. */
	assert_int_equal(valid_hours("1,5", '.', 2400, &v), VALID_FORMAT);
}

/* ---- dates ------------------------------------------------------- */

static void
test_date(void **state)
{
	static const struct vcase cases[] = {
		{ "2024-02-29", VALID_OK },	/* leap year */
		{ "2023-02-29", VALID_RANGE },	/* not one */
		{ "2000-02-29", VALID_OK },	/* divisible by 400 */
		{ "1900-02-29", VALID_RANGE },	/* by 100, not 400 */
		{ "2023-02-28", VALID_OK },
		{ "2024-02-30", VALID_RANGE },
		{ "2024-01-31", VALID_OK },
		{ "2024-04-31", VALID_RANGE },
		{ "2024-04-30", VALID_OK },
		{ "2024-12-31", VALID_OK },
		{ "2024-13-01", VALID_RANGE },
		{ "2024-00-10", VALID_RANGE },
		{ "2024-01-00", VALID_RANGE },
		{ "2024-01-32", VALID_RANGE },
		{ "9999-12-31", VALID_OK },
		{ "1000-01-01", VALID_OK },
		{ "0999-12-31", VALID_RANGE },
		{ "0000-01-01", VALID_RANGE },
		{ "2024-1-01", VALID_FORMAT },
		{ "2024-01-1", VALID_FORMAT },
		{ "24-01-01", VALID_FORMAT },
		{ "2024/01/01", VALID_FORMAT },
		{ "2024-01-01 ", VALID_FORMAT },
		{ " 2024-01-01", VALID_FORMAT },
		{ "2024-01-01T00:00", VALID_FORMAT },
		{ "20240101", VALID_FORMAT },
		{ "+024-01-01", VALID_FORMAT },
		{ "2024-+1-01", VALID_FORMAT },
		{ "2024-01--1", VALID_FORMAT },
		{ "2024", VALID_FORMAT },
		{ "", VALID_EMPTY },
	};
	int	 y, m, d;
	size_t	 i;

	for (i = 0; i < NELEM(cases); i++)
		if (valid_date(cases[i].in, &y, &m, &d) != cases[i].want)
			fail_msg("date \"%s\"", cases[i].in);
	assert_int_equal(valid_date("2024-02-29", &y, &m, &d), VALID_OK);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	assert_int_equal(valid_date(NULL, &y, &m, &d), VALID_EMPTY);
}

/* ---- e-mail, username, password, language ------------------------ */

static void
test_email(void **state)
{
	static const struct vcase cases[] = {
		{ "ada@example.org", VALID_OK },
		{ "a.b+tag@sub.example.co.uk", VALID_OK },
		{ "o'neil@example.org", VALID_OK },
		{ "x@a-b.example", VALID_OK },
		{ "ADA@EXAMPLE.ORG", VALID_OK },
		{ "ada@localhost", VALID_FORMAT },	/* one label */
		{ "ada@example.", VALID_FORMAT },
		{ "ada@.example.org", VALID_FORMAT },
		{ "ada@example..org", VALID_FORMAT },
		{ "ada@-example.org", VALID_FORMAT },
		{ "ada@example-.org", VALID_FORMAT },
		{ "ada@1.2.3.4", VALID_FORMAT },
		{ "ada@[127.0.0.1]", VALID_FORMAT },
		{ "ada", VALID_FORMAT },
		{ "@example.org", VALID_FORMAT },
		{ "ada@", VALID_FORMAT },
		{ "ada@@example.org", VALID_FORMAT },
		{ "a@b@example.org", VALID_FORMAT },
		{ ".ada@example.org", VALID_FORMAT },
		{ "ada.@example.org", VALID_FORMAT },
		{ "a..da@example.org", VALID_FORMAT },
		{ "a da@example.org", VALID_FORMAT },
		{ "ada@exa mple.org", VALID_FORMAT },
		{ "ada@example.org ", VALID_FORMAT },
		{ "\"ada\"@example.org", VALID_FORMAT },
		{ "ada@example.org\r\nBcc: x@example.org", VALID_FORMAT },
		{ "ada,bob@example.org", VALID_FORMAT },
		{ "<ada@example.org>", VALID_FORMAT },
		{ "ad\xc3\xa1@example.org", VALID_FORMAT },
		{ "ada@ex\xc3\xa1mple.org", VALID_FORMAT },
		{ "", VALID_EMPTY },
	};
	size_t	 i;

	for (i = 0; i < NELEM(cases); i++)
		if (valid_email(cases[i].in) != cases[i].want)
			fail_msg("email \"%s\"", cases[i].in);
	assert_int_equal(valid_email(NULL), VALID_EMPTY);
}

static void
test_email_limits(void **state)
{
	char	 local[80], label[80], addr[400];

	/* Local part 64, label 63: the limits and one past them. */
	memset(local, 'a', 64);
	local[64] = '\0';
	snprintf(addr, sizeof(addr), "%s@example.org", local);
	assert_int_equal(valid_email(addr), VALID_OK);
	snprintf(addr, sizeof(addr), "%sa@example.org", local);
	assert_int_equal(valid_email(addr), VALID_FORMAT);
	memset(label, 'b', 63);
	label[63] = '\0';
	snprintf(addr, sizeof(addr), "a@%s.org", label);
	assert_int_equal(valid_email(addr), VALID_OK);
	snprintf(addr, sizeof(addr), "a@%sb.org", label);
	assert_int_equal(valid_email(addr), VALID_FORMAT);
	/* 254 bytes in all, and 255. */
	snprintf(addr, sizeof(addr), "%s@%s.%s.%.61s", local, label, label,
	    label);
	assert_int_equal(strlen(addr), 254);
	assert_int_equal(valid_email(addr), VALID_OK);
	snprintf(addr, sizeof(addr), "%s@%s.%s.%.62s", local, label, label,
	    label);
	assert_int_equal(valid_email(addr), VALID_TOO_LONG);
}

static void
test_username(void **state)
{
	static const struct vcase cases[] = {
		{ "ada", VALID_OK },
		{ "ada.lovelace", VALID_OK },
		{ "a_b-c.d", VALID_OK },
		{ "007", VALID_OK },
		{ "t-roledb-12-x", VALID_OK },
		{ "abcdefghijklmnopqrstuvwxyz012345", VALID_OK },	/* 32 */
		{ "abcdefghijklmnopqrstuvwxyz0123456", VALID_TOO_LONG },
		{ "ab", VALID_TOO_SHORT },
		{ "a", VALID_TOO_SHORT },
		{ "", VALID_EMPTY },
		{ "Ada", VALID_FORMAT },
		{ "ADA", VALID_FORMAT },
		{ ".ada", VALID_FORMAT },
		{ "-ada", VALID_FORMAT },
		{ "_ada", VALID_FORMAT },
		{ "ad a", VALID_FORMAT },
		{ "ada ", VALID_FORMAT },
		{ "ada@x", VALID_FORMAT },
		{ "ad\xc3\xa1", VALID_FORMAT },
		{ "ada\n", VALID_FORMAT },
		{ "../etc", VALID_FORMAT },
		{ "ada'--", VALID_FORMAT },
	};
	size_t	 i;

	for (i = 0; i < NELEM(cases); i++)
		if (valid_username(cases[i].in) != cases[i].want)
			fail_msg("username \"%s\"", cases[i].in);
	assert_int_equal(valid_username(NULL), VALID_EMPTY);
}

static void
test_password(void **state)
{
	char	 p[300];

	assert_int_equal(valid_password("0123456789"), VALID_OK);
	assert_int_equal(valid_password("012345678"), VALID_TOO_SHORT);
	/* Ten characters of two bytes each: long enough; five are not,
	 * though they are ten bytes. */
	assert_int_equal(valid_password("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"), VALID_OK);
	assert_int_equal(valid_password("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9"), VALID_TOO_SHORT);
	assert_int_equal(valid_password("correct horse battery"), VALID_OK);
	assert_int_equal(valid_password("\tspaces and tab "), VALID_OK);
	assert_int_equal(valid_password("0123456789\xc0\xaf"),
	    VALID_ENCODING);
	assert_int_equal(valid_password(""), VALID_EMPTY);
	assert_int_equal(valid_password(NULL), VALID_EMPTY);
	memset(p, 'x', 256);
	p[256] = '\0';
	assert_int_equal(valid_password(p), VALID_OK);
	p[256] = 'x';
	p[257] = '\0';
	assert_int_equal(valid_password(p), VALID_TOO_LONG);
}

static void
test_lang(void **state)
{
	static const struct vcase cases[] = {
		{ "es", VALID_OK },
		{ "en", VALID_OK },
		{ "pt-BR", VALID_OK },
		{ "zh-Hant", VALID_OK },
		{ "zh-Hant-TW", VALID_OK },
		{ "es-419", VALID_OK },
		{ "ast", VALID_OK },
		{ "e", VALID_FORMAT },
		{ "english", VALID_FORMAT },
		{ "es-", VALID_FORMAT },
		{ "-es", VALID_FORMAT },
		{ "es--ES", VALID_FORMAT },
		{ "es_ES", VALID_FORMAT },
		{ "es ES", VALID_FORMAT },
		{ "es-E", VALID_FORMAT },
		{ "x-klingon", VALID_FORMAT },
		{ "i-klingon", VALID_FORMAT },
		{ "e1", VALID_FORMAT },
		{ "es\n", VALID_FORMAT },
		{ "../../etc", VALID_FORMAT },
		{ "es;DROP", VALID_FORMAT },
		{ "\xc3\xa9s", VALID_FORMAT },
		{ "de-DE-1901x", VALID_OK },		/* 11 bytes */
		{ "abc-defghijk-lm", VALID_OK },		/* 15 bytes */
		{ "abc-defghijk-lmn", VALID_TOO_LONG },	/* 16 */
		{ "", VALID_EMPTY },
	};
	size_t	 i;

	for (i = 0; i < NELEM(cases); i++)
		if (valid_lang(cases[i].in) != cases[i].want)
			fail_msg("lang \"%s\"", cases[i].in);
	assert_int_equal(valid_lang(NULL), VALID_EMPTY);
}

/*
 * Each reason's key has a sentence in the catalogue.  bsearch finds
 * phrases only if the catalogue is sorted: it is checked here too, as
 * this is the test of the keys forms show most.
 */
static void
test_err_keys_and_catalogue(void **state)
{
	const char	*t;
	size_t		 i;

	for (i = 0; i < VALID__MAX; i++) {
		assert_non_null(valid_err_keys[i]);
		t = i18n_text("en", valid_err_keys[i]);
		if (strcmp(t, valid_err_keys[i]) == 0)
			fail_msg("no phrase for %s", valid_err_keys[i]);
	}
	assert_string_equal(i18n_text("en", "valid.empty"),
	    "This field is required.");
	assert_string_equal(i18n_text("es", "login.failed"),
	    "Wrong username or password.");
	assert_true(i18n_count() > 0);
	for (i = 1; i < i18n_count(); i++)
		if (strcmp(i18n_key(i - 1), i18n_key(i)) >= 0)
			fail_msg("catalogue not sorted at %s", i18n_key(i));
	for (i = 0; i < i18n_count(); i++)
		assert_string_not_equal(i18n_text(NULL, i18n_key(i)),
		    i18n_key(i));
	assert_null(i18n_key(i18n_count()));
	/* Unknown keys come back as themselves (and are logged once). */
	assert_string_equal(i18n_text("en", "no.such.key"), "no.such.key");
	assert_string_equal(i18n_text("en", "no.such.key"), "no.such.key");
	assert_string_equal(i18n_text("en", ""), "");
	assert_string_equal(i18n_text("en", NULL), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_int),
		cmocka_unit_test(test_id),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_hours),
		cmocka_unit_test(test_hours_comma),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_email_limits),
		cmocka_unit_test(test_username),
		cmocka_unit_test(test_password),
		cmocka_unit_test(test_lang),
		cmocka_unit_test(test_err_keys_and_catalogue),
	};

	/* The English catalogue, as a program reads it at start-up. */
	if (i18n_load("templates/phrases") != WEFT_OK)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
