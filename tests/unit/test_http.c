/*
 * http.c's parsers on hostile input: urlencoded bodies and query strings,
 * the Cookie header (judged whole, or only weft's own cookies), and the
 * form content types.  Every accepted case sits next to the refused twin
 * that differs from it by the one thing that matters.  The response
 * builders are test_http_response.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "http.h"
#include "util.h"

static const struct http_limits lim = { 200, 16384 };

typedef enum http_parse (*parser_fn)(const char *, size_t,
    const struct http_limits *, struct http_kvlist *);

/* Parses a NUL-terminated form into l; returns the status. */
static enum http_parse
form(const char *s, struct http_kvlist *l)
{
	return http_parse_urlencoded(s, strlen(s), &lim, l);
}

static enum http_parse
cookies(const char *s, struct http_kvlist *l)
{
	return http_parse_cookies(s, strlen(s), &lim, l);
}

/* The status of parsing s, the list freed; a failure leaves no pair. */
static enum http_parse
parse_rc(parser_fn fn, const char *s)
{
	struct http_kvlist	 l = { 0 };
	enum http_parse		 rc;

	rc = fn(s, strlen(s), &lim, &l);
	if (rc != HTTP_PARSE_OK)
		assert_int_equal(l.n, 0);
	http_kvlist_free(&l);
	return rc;
}

#define form_rc(s)	parse_rc(http_parse_urlencoded, (s))
#define cookie_rc(s)	parse_rc(http_parse_cookies, (s))

/* Asserts that s parses into the single pair key=val. */
static void
parse_one(parser_fn fn, const char *s, const char *key, const char *val)
{
	struct http_kvlist	 l = { 0 };

	assert_int_equal(fn(s, strlen(s), &lim, &l), HTTP_PARSE_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.kv[0].key, key);
	assert_string_equal(l.kv[0].val, val);
	assert_int_equal(l.kv[0].vlen, strlen(val));
	http_kvlist_free(&l);
}

#define form_one(s, k, v)	parse_one(http_parse_urlencoded, (s), (k), (v))
#define cookie_one(s, k, v)	parse_one(http_parse_cookies, (s), (k), (v))

/* n pairs "k0=v&k1=v&..." in a new string. */
static char *
many_pairs(size_t n, char sep)
{
	char	*s, *p;
	size_t	 i;

	s = p = malloc(n * 16 + 1);
	assert_non_null(s);
	for (i = 0; i < n; i++)
		p += sprintf(p, "%sk%zu=v", i ? (sep == ';' ? "; " : "&") :
		    "", i);
	return s;
}

/* "k=" followed by n copies of unit. */
static char *
long_value(const char *prefix, size_t n, const char *unit)
{
	size_t	 ul = strlen(unit), pl = strlen(prefix), i;
	char	*s;

	s = malloc(pl + n * ul + 1);
	assert_non_null(s);
	memcpy(s, prefix, pl);
	for (i = 0; i < n; i++)
		memcpy(s + pl + i * ul, unit, ul);
	s[pl + n * ul] = '\0';
	return s;
}

/* ---- urlencoded -------------------------------------------------------- */

static void
test_form_basic(void **state)
{
	struct http_kvlist	 l = { 0 };

	assert_int_equal(form("a=1&b=two&c=", &l), HTTP_PARSE_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(http_kv_get(&l, "a"), "1");
	assert_string_equal(http_kv_get(&l, "b"), "two");
	assert_string_equal(http_kv_get(&l, "c"), "");
	assert_int_equal(l.kv[1].vlen, 3);
	assert_null(http_kv_get(&l, "d"));
	assert_null(http_kv_get(&l, NULL));
	assert_null(http_kv_get(NULL, "a"));
	http_kvlist_free(&l);
	assert_int_equal(l.n, 0);
	assert_null(l.kv);
	http_kvlist_free(&l);	/* twice is harmless */
}

static void
test_form_plus_and_percent(void **state)
{
	form_one("q=a+b%2Bc", "q", "a b+c");
	form_one("a+b=1", "a b", "1");
	form_one("x=%41%6a%7E", "x", "Aj~");
	form_one("%6B%65%79=v", "key", "v");
	/* Textarea line breaks arrive as %0D%0A and stay data. */
	form_one("t=a%0D%0Ab", "t", "a\r\nb");
	form_one("e=%C3%A9t%C3%A9", "e", "\xc3\xa9t\xc3\xa9");
	form_one("raw=\xc3\xa9", "raw", "\xc3\xa9");
	form_one("a=b=c", "a", "b=c");
	/* ';' is data, not a separator. */
	form_one("a=1;b=2", "a", "1;b=2");
}

static void
test_form_bad_percent(void **state)
{
	assert_int_equal(form_rc("a=%41"), HTTP_PARSE_OK);
	assert_int_equal(form_rc("a=%"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("a=%4"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("a=%4&b=1"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("a=%zz"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("a=%g1"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("a=%+1"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("%=1"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("a=1&b=%"), HTTP_PARSE_BAD);
	/* Only len bytes are read: "%41" cut after "%4". */
	{
		struct http_kvlist	 l = { 0 };

		assert_int_equal(http_parse_urlencoded("a=%41", 4, &lim, &l),
		    HTTP_PARSE_BAD);
		assert_int_equal(http_parse_urlencoded("a=%41", 5, &lim, &l),
		    HTTP_PARSE_OK);
		http_kvlist_free(&l);
	}
}

static void
test_form_nul(void **state)
{
	struct http_kvlist	 l = { 0 };

	assert_int_equal(form_rc("a=%01"), HTTP_PARSE_OK);
	assert_int_equal(form_rc("a=%00"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("%00=a"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("a=x%00y"), HTTP_PARSE_BAD);
	assert_int_equal(http_parse_urlencoded("a=x\0y", 5, &lim, &l),
	    HTTP_PARSE_BAD);
	assert_int_equal(http_parse_urlencoded("a\0=y", 4, &lim, &l),
	    HTTP_PARSE_BAD);
	assert_int_equal(l.n, 0);
	http_kvlist_free(&l);
}

static void
test_form_utf8(void **state)
{
	/* "/" spelled as an overlong two-byte sequence. */
	assert_int_equal(form_rc("a=%2F"), HTTP_PARSE_OK);
	assert_int_equal(form_rc("a=%C0%AF"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("a=\xc0\xaf"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("a=%E0%80%AF"), HTTP_PARSE_BAD);
	/* U+D7FF is the last code point before the surrogates. */
	assert_int_equal(form_rc("a=%ED%9F%BF"), HTTP_PARSE_OK);
	assert_int_equal(form_rc("a=%ED%A0%80"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("a=%ED%BF%BF"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("a=%E2%82%AC"), HTTP_PARSE_OK);
	assert_int_equal(form_rc("a=%E2%82"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("a=%F4%8F%BF%BF"), HTTP_PARSE_OK);
	assert_int_equal(form_rc("a=%F4%90%80%80"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("a=%FF"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("a=\xff"), HTTP_PARSE_BAD);
	assert_int_equal(form_rc("%C3%A9=1"), HTTP_PARSE_OK);
	assert_int_equal(form_rc("%C3=1"), HTTP_PARSE_BAD);
}

static void
test_form_empty_pairs(void **state)
{
	struct http_kvlist	 l = { 0 };

	assert_int_equal(http_parse_urlencoded(NULL, 0, &lim, &l),
	    HTTP_PARSE_OK);
	assert_int_equal(form("", &l), HTTP_PARSE_OK);
	assert_int_equal(form("=", &l), HTTP_PARSE_OK);
	assert_int_equal(form("&=&", &l), HTTP_PARSE_OK);
	assert_int_equal(form("&&&", &l), HTTP_PARSE_OK);
	assert_int_equal(form("=nameless&=", &l), HTTP_PARSE_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(form("&&a=1&&=x&&", &l), HTTP_PARSE_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(http_kv_get(&l, "a"), "1");
	http_kvlist_free(&l);

	/* A name without '=' is a flag with the empty value. */
	form_one("flag", "flag", "");
	form_one("flag=", "flag", "");
	form_one("&flag&", "flag", "");
}

static void
test_form_repeated_keys(void **state)
{
	struct http_kvlist	 l = { 0 };

	assert_int_equal(form("a=1&b=x&a=2", &l), HTTP_PARSE_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(http_kv_get(&l, "a"), "1");
	assert_string_equal(l.kv[2].val, "2");
	http_kvlist_free(&l);
}

static void
test_form_many_fields(void **state)
{
	struct http_kvlist	 l = { 0 };
	char			*s;

	s = many_pairs(200, '&');
	assert_int_equal(form(s, &l), HTTP_PARSE_OK);
	assert_int_equal(l.n, 200);
	assert_string_equal(l.kv[199].key, "k199");
	http_kvlist_free(&l);
	free(s);

	s = many_pairs(201, '&');
	assert_int_equal(form(s, &l), HTTP_PARSE_TOO_LARGE);
	assert_int_equal(l.n, 0);
	free(s);

	s = many_pairs(10000, '&');
	assert_int_equal(form(s, &l), HTTP_PARSE_TOO_LARGE);
	assert_int_equal(l.n, 0);
	assert_null(l.kv);
	/* Without limits the defaults apply: 200 fields. */
	assert_int_equal(http_parse_urlencoded(s, strlen(s), NULL, &l),
	    HTTP_PARSE_TOO_LARGE);
	free(s);

	/* fields_max 0 allows only the empty form. */
	{
		const struct http_limits zero = { 0, 16 };

		assert_int_equal(http_parse_urlencoded("&&", 2, &zero, &l),
		    HTTP_PARSE_OK);
		assert_int_equal(http_parse_urlencoded("a", 1, &zero, &l),
		    HTTP_PARSE_TOO_LARGE);
	}
}

static void
test_form_huge_value(void **state)
{
	struct http_kvlist	 l = { 0 };
	char			*s;

	s = long_value("k=", 16384, "x");
	assert_int_equal(form(s, &l), HTTP_PARSE_OK);
	assert_int_equal(l.kv[0].vlen, 16384);
	http_kvlist_free(&l);
	free(s);

	s = long_value("k=", 16385, "x");
	assert_int_equal(form(s, &l), HTTP_PARSE_TOO_LARGE);
	free(s);

	/* The limit is on decoded bytes: 16384 escapes are 16384 bytes. */
	s = long_value("k=", 16384, "%41");
	assert_int_equal(form(s, &l), HTTP_PARSE_OK);
	assert_int_equal(l.kv[0].vlen, 16384);
	http_kvlist_free(&l);
	free(s);
	s = long_value("k=", 16385, "%41");
	assert_int_equal(form(s, &l), HTTP_PARSE_TOO_LARGE);
	free(s);

	/* Keys have the same limit. */
	s = long_value("", 16385, "k");
	assert_int_equal(form(s, &l), HTTP_PARSE_TOO_LARGE);
	free(s);

	s = long_value("k=", 1000000, "x");
	assert_int_equal(form(s, &l), HTTP_PARSE_TOO_LARGE);
	assert_int_equal(l.n, 0);
	free(s);
}

static void
test_form_append_and_rollback(void **state)
{
	struct http_kvlist		 l = { 0 };
	const struct http_limits	 two = { 2, 16 };

	assert_int_equal(form("a=1", &l), HTTP_PARSE_OK);
	assert_int_equal(form("b=2", &l), HTTP_PARSE_OK);
	assert_int_equal(l.n, 2);
	/* A failed parse leaves the pairs that were there before. */
	assert_int_equal(form("c=3&d=%zz", &l), HTTP_PARSE_BAD);
	assert_int_equal(l.n, 2);
	assert_string_equal(http_kv_get(&l, "b"), "2");
	assert_null(http_kv_get(&l, "c"));
	/* fields_max counts the whole list. */
	assert_int_equal(http_parse_urlencoded("c=3", 3, &two, &l),
	    HTTP_PARSE_TOO_LARGE);
	assert_int_equal(l.n, 2);
	http_kvlist_free(&l);
	assert_int_equal(http_parse_urlencoded("c=3&d=4", 7, &two, &l),
	    HTTP_PARSE_OK);
	http_kvlist_free(&l);
}

/* ---- cookies ----------------------------------------------------------- */

static void
test_cookie_basic(void **state)
{
	struct http_kvlist	 l = { 0 };

	assert_int_equal(cookies("a=b; c=d", &l), HTTP_PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(http_kv_get(&l, "a"), "b");
	assert_string_equal(http_kv_get(&l, "c"), "d");
	http_kvlist_free(&l);

	assert_int_equal(cookies("", &l), HTTP_PARSE_OK);
	assert_int_equal(http_parse_cookies(NULL, 0, &lim, &l),
	    HTTP_PARSE_OK);
	assert_int_equal(cookies(" ; ;;", &l), HTTP_PARSE_OK);
	assert_int_equal(l.n, 0);
}

static void
test_cookie_spaces(void **state)
{
	struct http_kvlist	 l = { 0 };

	assert_int_equal(cookies("  a = b  ;c=d ;\te=f\t", &l),
	    HTTP_PARSE_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(http_kv_get(&l, "a"), "b");
	assert_string_equal(http_kv_get(&l, "c"), "d");
	assert_string_equal(http_kv_get(&l, "e"), "f");
	http_kvlist_free(&l);
	/* Inner spaces stay; an inner tab is refused. */
	cookie_one("a=b c", "a", "b c");
	assert_int_equal(cookie_rc("a=b\tc"), HTTP_PARSE_BAD);
}

static void
test_cookie_no_equals(void **state)
{
	cookie_one("a; b=1", "b", "1");
	cookie_one("b=1; flag", "b", "1");
	cookie_one("=x; b=1", "b", "1");
	cookie_one("b=", "b", "");
	cookie_one("b=1=2", "b", "1=2");
}

static void
test_cookie_quotes(void **state)
{
	cookie_one("a=\"xyz\"", "a", "xyz");
	cookie_one("a=\"\"", "a", "");
	cookie_one("a= \"x y\" ", "a", "x y");
	/* Unbalanced quotes are kept as sent. */
	cookie_one("a=\"x", "a", "\"x");
	cookie_one("a=\"", "a", "\"");
	/* Values are not percent-decoded. */
	cookie_one("a=%41%zz", "a", "%41%zz");
	cookie_one("a=x+y", "a", "x+y");
}

static void
test_cookie_ctl(void **state)
{
	struct http_kvlist	 l = { 0 };

	assert_int_equal(cookie_rc("a=b"), HTTP_PARSE_OK);
	assert_int_equal(cookie_rc("a=b\x01"), HTTP_PARSE_BAD);
	assert_int_equal(cookie_rc("a=b\r\nX-Evil: 1"), HTTP_PARSE_BAD);
	assert_int_equal(cookie_rc("a=b\n"), HTTP_PARSE_BAD);
	assert_int_equal(cookie_rc("a=\x7f"), HTTP_PARSE_BAD);
	/* Even in a pair that would be skipped. */
	assert_int_equal(cookie_rc("junk\x1b; a=b"), HTTP_PARSE_BAD);
	assert_int_equal(http_parse_cookies("a=b\0c", 5, &lim, &l),
	    HTTP_PARSE_BAD);
	assert_int_equal(http_parse_cookies("a=b\0c", 3, &lim, &l),
	    HTTP_PARSE_OK);
	http_kvlist_free(&l);
}

static void
test_cookie_utf8(void **state)
{
	cookie_one("a=\xc3\xa9", "a", "\xc3\xa9");
	assert_int_equal(cookie_rc("a=\xc0\xaf"), HTTP_PARSE_BAD);
	assert_int_equal(cookie_rc("a=\xed\xa0\x80"), HTTP_PARSE_BAD);
	assert_int_equal(cookie_rc("\xff=1"), HTTP_PARSE_BAD);
}

static void
test_cookie_many_and_long(void **state)
{
	struct http_kvlist	 l = { 0 };
	char			*s;

	s = many_pairs(200, ';');
	assert_int_equal(cookies(s, &l), HTTP_PARSE_OK);
	assert_int_equal(l.n, 200);
	http_kvlist_free(&l);
	free(s);
	s = many_pairs(201, ';');
	assert_int_equal(cookies(s, &l), HTTP_PARSE_TOO_LARGE);
	assert_int_equal(l.n, 0);
	free(s);

	s = long_value("k=", 16384, "x");
	assert_int_equal(cookie_rc(s), HTTP_PARSE_OK);
	free(s);
	s = long_value("k=", 16385, "x");
	assert_int_equal(cookie_rc(s), HTTP_PARSE_TOO_LARGE);
	free(s);
	s = long_value("", 16386, "k");
	s[16385] = '=';
	assert_int_equal(cookie_rc(s), HTTP_PARSE_TOO_LARGE);
	free(s);
}

static void
test_cookie_repeated(void **state)
{
	struct http_kvlist	 l = { 0 };

	assert_int_equal(cookies("s=first; s=second", &l), HTTP_PARSE_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(http_kv_get(&l, "s"), "first");
	/* Names are case-sensitive. */
	assert_null(http_kv_get(&l, "S"));
	http_kvlist_free(&l);
}


/* Issue 15 (8): the cookies of other applications are not weft's to
 * judge; weft's own are checked strictly and a damaged one is named. */
static void
test_cookie_owned(void **state)
{
	static const char *const owned[] = { "weft", "weft-csrf", NULL };
	struct http_kvlist	 l = { 0 };
	unsigned		 bad;
	char			*many;
	const char		*junk = "tracker=\x01\xff\xfe; x=\"a\tb\"; "
	    "weft=tok; other=\x7f; weft-csrf=abc";

	(void)state;
	assert_int_equal(http_parse_cookies_owned(junk, strlen(junk), &lim,
	    owned, &bad, &l), HTTP_PARSE_OK);
	assert_int_equal(bad, 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(http_kv_get(&l, "weft"), "tok");
	assert_string_equal(http_kv_get(&l, "weft-csrf"), "abc");
	assert_null(http_kv_get(&l, "tracker"));
	http_kvlist_free(&l);
	/* The same header judged whole is refused, as before. */
	assert_int_equal(cookie_rc(junk), HTTP_PARSE_BAD);

	/* More foreign pairs than fields_max: not counted. */
	many = many_pairs(lim.fields_max + 50, ';');
	assert_int_equal(http_parse_cookies_owned(many, strlen(many), &lim,
	    owned, &bad, &l), HTTP_PARSE_OK);
	assert_int_equal(l.n, 0);
	http_kvlist_free(&l);
	assert_int_equal(cookie_rc(many), HTTP_PARSE_TOO_LARGE);
	free(many);

	/* A damaged cookie of weft's is left out and named. */
	junk = "weft=a\x01b; weft-csrf=ok";
	assert_int_equal(http_parse_cookies_owned(junk, strlen(junk), &lim,
	    owned, &bad, &l), HTTP_PARSE_OK);
	assert_int_equal(bad, 1u << 0);
	assert_int_equal(l.n, 1);
	assert_null(http_kv_get(&l, "weft"));
	http_kvlist_free(&l);
	junk = "weft-csrf=\xc3\x28";
	assert_int_equal(http_parse_cookies_owned(junk, strlen(junk), &lim,
	    owned, &bad, &l), HTTP_PARSE_OK);
	assert_int_equal(bad, 1u << 1);
	assert_int_equal(l.n, 0);
	http_kvlist_free(&l);
}

/* Issue 15 (11): the form type alone, or with charset=utf-8. */
static void
test_urlencoded_type(void **state)
{
	(void)state;
	assert_true(http_is_urlencoded("application/x-www-form-urlencoded"));
	assert_true(http_is_urlencoded("Application/X-WWW-Form-URLEncoded"));
	assert_true(http_is_urlencoded(
	    "application/x-www-form-urlencoded;charset=UTF-8"));
	assert_true(http_is_urlencoded(
	    "application/x-www-form-urlencoded ; charset=\"utf-8\" "));
	assert_false(http_is_urlencoded(NULL));
	assert_false(http_is_urlencoded(""));
	assert_false(http_is_urlencoded(
	    "application/x-www-form-urlencodedxyz"));
	assert_false(http_is_urlencoded(
	    "application/x-www-form-urlencoded-evil"));
	assert_false(http_is_urlencoded(
	    "application/x-www-form-urlencoded; charset=latin1"));
	assert_false(http_is_urlencoded(
	    "application/x-www-form-urlencoded; boundary=x"));
	assert_false(http_is_urlencoded(
	    "application/x-www-form-urlencoded; charset=utf-8; x=y"));
	assert_false(http_is_urlencoded("multipart/form-data; boundary=x"));
	assert_false(http_is_urlencoded("text/plain"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form_basic),
		cmocka_unit_test(test_form_plus_and_percent),
		cmocka_unit_test(test_form_bad_percent),
		cmocka_unit_test(test_form_nul),
		cmocka_unit_test(test_form_utf8),
		cmocka_unit_test(test_form_empty_pairs),
		cmocka_unit_test(test_form_repeated_keys),
		cmocka_unit_test(test_form_many_fields),
		cmocka_unit_test(test_form_huge_value),
		cmocka_unit_test(test_form_append_and_rollback),
		cmocka_unit_test(test_cookie_basic),
		cmocka_unit_test(test_cookie_spaces),
		cmocka_unit_test(test_cookie_no_equals),
		cmocka_unit_test(test_cookie_quotes),
		cmocka_unit_test(test_cookie_ctl),
		cmocka_unit_test(test_cookie_utf8),
		cmocka_unit_test(test_cookie_many_and_long),
		cmocka_unit_test(test_cookie_repeated),
		cmocka_unit_test(test_cookie_owned),
		cmocka_unit_test(test_urlencoded_type),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
