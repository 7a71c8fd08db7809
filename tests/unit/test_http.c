/*
 * http.c: the parsers on hostile input and the response builders'
 * refusals.  Every accepted case sits next to the refused twin that
 * differs from it by the one thing that matters.
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

/* ---- methods ----------------------------------------------------------- */

static void
test_method(void **state)
{
	assert_int_equal(http_method_parse("GET"), HTTP_GET);
	assert_int_equal(http_method_parse("POST"), HTTP_POST);
	assert_int_equal(http_method_parse("HEAD"), HTTP_HEAD);
	assert_int_equal(http_method_parse("get"), HTTP_OTHER);
	assert_int_equal(http_method_parse("GET "), HTTP_OTHER);
	assert_int_equal(http_method_parse("PUT"), HTTP_OTHER);
	assert_int_equal(http_method_parse(""), HTTP_OTHER);
	assert_int_equal(http_method_parse(NULL), HTTP_OTHER);
	assert_string_equal(http_method_names[HTTP_GET], "GET");
	assert_string_equal(http_method_names[HTTP_POST], "POST");
	assert_string_equal(http_method_names[HTTP_HEAD], "HEAD");
	assert_non_null(http_method_names[HTTP_OTHER]);
}

/* ---- headers ----------------------------------------------------------- */

static void
test_header(void **state)
{
	struct http_response	 r;

	http_response_init(&r);
	assert_int_equal(r.status, 200);
	assert_int_equal(http_header(&r, "X-A", "b c\td"), 0);
	assert_int_equal(http_header(&r, "X-Empty", ""), 0);
	assert_string_equal(r.headers.p, "X-A: b c\td\r\nX-Empty: \r\n");
	assert_int_equal(r.failed, 0);
	http_response_free(&r);
}

/* Each refused header leaves the headers untouched and sets failed. */
static void
header_refused(const char *name, const char *value)
{
	struct http_response	 r;

	http_response_init(&r);
	assert_int_equal(http_header(&r, name, value), -1);
	assert_int_equal(r.failed, 1);
	assert_int_equal(r.headers.len, 0);
	/* failed is sticky: a later good header does not clear it. */
	assert_int_equal(http_header(&r, "X-Ok", "1"), 0);
	assert_int_equal(r.failed, 1);
	http_response_free(&r);
}

static void
test_header_injection(void **state)
{
	struct http_response	 r;

	header_refused("X-A", "a\r\nSet-Cookie: x=y");
	header_refused("X-A", "a\rb");
	header_refused("X-A", "a\nb");
	header_refused("X-A", "a\x01");
	header_refused("X-A", "a\x7f");
	header_refused("X-A\r\nX-B", "1");
	header_refused("X-A\n", "1");
	header_refused("X A", "1");
	header_refused("X-A:", "1");
	header_refused("", "1");
	header_refused("X-\xc3\xa9", "1");
	header_refused(NULL, "1");
	header_refused("X-A", NULL);

	/* A C string ends at its NUL, so nothing after it gets through. */
	http_response_init(&r);
	assert_int_equal(http_header(&r, "X-A", "ok\0\r\nX-Evil: 1"), 0);
	assert_string_equal(r.headers.p, "X-A: ok\r\n");
	http_response_free(&r);
}

static void
test_response_reset(void **state)
{
	struct http_response	 r;

	http_response_init(&r);
	r.status = 404;
	http_header(&r, "X-A", "1");
	http_header(&r, "X-B", "\r");
	buf_puts(&r.body, "page");
	assert_int_equal(r.failed, 1);
	http_response_reset(&r);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.failed, 0);
	assert_int_equal(r.headers.len, 0);
	assert_int_equal(r.body.len, 0);
	http_response_free(&r);
}

/* ---- cookies set ------------------------------------------------------- */

/* Sets one cookie and compares the whole header line. */
static void
cookie_line(const char *name, const char *value, long max_age, int flags,
    const char *want)
{
	struct http_response	 r;

	http_response_init(&r);
	assert_int_equal(http_cookie(&r, name, value, max_age, flags), 0);
	assert_int_equal(r.failed, 0);
	assert_string_equal(r.headers.p, want);
	http_response_free(&r);
}

static void
cookie_refused(const char *name, const char *value, int flags)
{
	struct http_response	 r;

	http_response_init(&r);
	assert_int_equal(http_cookie(&r, name, value, -1, flags), -1);
	assert_int_equal(r.failed, 1);
	assert_int_equal(r.headers.len, 0);
	http_response_free(&r);
}

static void
test_set_cookie_flags(void **state)
{
	cookie_line("__Host-weft", "abc123", -1,
	    HTTP_COOKIE_SECURE | HTTP_COOKIE_HTTPONLY,
	    "Set-Cookie: __Host-weft=abc123; Path=/; SameSite=Lax; Secure; "
	    "HttpOnly\r\n");
	cookie_line("weft", "abc123", -1, HTTP_COOKIE_HTTPONLY,
	    "Set-Cookie: weft=abc123; Path=/; SameSite=Lax; HttpOnly\r\n");
	cookie_line("weft-flash", "saved", 60, 0,
	    "Set-Cookie: weft-flash=saved; Path=/; SameSite=Lax; "
	    "Max-Age=60\r\n");
	cookie_line("__Host-weft", "", 0,
	    HTTP_COOKIE_SECURE | HTTP_COOKIE_HTTPONLY,
	    "Set-Cookie: __Host-weft=; Path=/; SameSite=Lax; Secure; "
	    "HttpOnly; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT\r\n");
	cookie_line("__Secure-x", "1", -1, HTTP_COOKIE_SECURE,
	    "Set-Cookie: __Secure-x=1; Path=/; SameSite=Lax; Secure\r\n");
}

static void
test_set_cookie_refused(void **state)
{
	/* The accepted twin of each refusal is in test_set_cookie_flags. */
	cookie_refused("__Host-weft", "abc", HTTP_COOKIE_HTTPONLY);
	cookie_refused("__Secure-x", "1", 0);
	cookie_refused("weft", "a;b", 0);
	cookie_refused("weft", "a b", 0);
	cookie_refused("weft", "a,b", 0);
	cookie_refused("weft", "\"ab\"", 0);
	cookie_refused("weft", "a\\b", 0);
	cookie_refused("weft", "a\r\nSet-Cookie: evil=1", 0);
	cookie_refused("weft", "\xc3\xa9", 0);
	cookie_refused("weft", "a\x7f", 0);
	cookie_refused("we=ft", "1", 0);
	cookie_refused("we;ft", "1", 0);
	cookie_refused("we ft", "1", 0);
	cookie_refused("", "1", 0);
	cookie_refused(NULL, "1", 0);
	cookie_refused("weft", NULL, 0);
	cookie_refused("weft", "1", 0x80);
}

/* ---- redirects --------------------------------------------------------- */

/* Redirects to path and checks the Location that resulted. */
static void
redirect_to(const char *path, const char *want)
{
	struct http_response	 r;
	char			 line[5000];

	http_response_init(&r);
	buf_puts(&r.body, "old body");
	http_redirect(&r, path);
	assert_int_equal(r.status, 303);
	assert_int_equal(r.failed, 0);
	snprintf(line, sizeof(line), "Location: %s\r\n", want);
	assert_non_null(strstr(r.headers.p, line));
	assert_null(strstr(r.body.p, "old body"));
	assert_true(r.body.len > 0 && r.body.len < 64);
	http_response_free(&r);
}

static void
test_redirect(void **state)
{
	char	 longp[4200];

	redirect_to("/ok?a=b", "/ok?a=b");
	redirect_to("/", "/");
	redirect_to("/members/3#notes", "/members/3#notes");
	redirect_to("/a/b/", "/a/b/");
	redirect_to("/login?next=/me", "/login?next=/me");
	/*
	 * Decided: percent-encoded bytes are accepted.  They stay three
	 * printable characters in the header and in the browser's URL, so
	 * they cannot split the header or name another host.
	 */
	redirect_to("/%0d%0a", "/%0d%0a");
	redirect_to("/%2F%2Fevil.com", "/%2F%2Fevil.com");
	redirect_to("/%5Cevil.com", "/%5Cevil.com");

	redirect_to("//evil.com", "/");
	redirect_to("///evil.com", "/");
	redirect_to("/\\evil.com", "/");
	redirect_to("\\\\evil.com", "/");
	redirect_to("/a\\b", "/");
	redirect_to("/a//b", "/");
	redirect_to("https://x", "/");
	redirect_to("javascript:alert(1)", "/");
	redirect_to("evil.com", "/");
	redirect_to("", "/");
	redirect_to(NULL, "/");
	redirect_to("/\t/evil.com", "/");
	redirect_to("/\n/evil.com", "/");
	redirect_to("/a\r\nSet-Cookie: x=y", "/");
	redirect_to("/ space", "/");
	redirect_to(" /ok", "/");
	redirect_to("/\xc3\xa9", "/");
	redirect_to("/\x7f", "/");

	memset(longp, 'a', sizeof(longp) - 1);
	longp[0] = '/';
	longp[4096] = '\0';
	assert_true(http_path_is_local(longp));
	longp[4096] = 'a';
	longp[4097] = '\0';
	assert_false(http_path_is_local(longp));
}

static void
test_redirect_keeps_cookie(void **state)
{
	struct http_response	 r;

	http_response_init(&r);
	http_cookie(&r, "weft", "tok", -1, HTTP_COOKIE_HTTPONLY);
	http_redirect(&r, "/me");
	assert_non_null(strstr(r.headers.p, "Set-Cookie: weft=tok;"));
	assert_non_null(strstr(r.headers.p, "Location: /me\r\n"));
	http_response_free(&r);
}

/* ---- security headers and status texts --------------------------------- */

static void
test_security_headers(void **state)
{
	struct http_response	 r;
	static const char *const want[] = {
		"Content-Security-Policy: default-src 'self'; "
		    "script-src 'self'; style-src 'self'; "
		    "img-src 'self' data:; form-action 'self'; "
		    "frame-ancestors 'none'; base-uri 'none'; "
		    "object-src 'none'\r\n",
		"X-Content-Type-Options: nosniff\r\n",
		"Referrer-Policy: same-origin\r\n",
		"X-Frame-Options: DENY\r\n",
		"Cache-Control: no-store\r\n",
		"Permissions-Policy: ",
		"Cross-Origin-Opener-Policy: same-origin\r\n",
	};
	size_t			 i;
	const char		*p;

	http_response_init(&r);
	http_security_headers(&r);
	assert_int_equal(r.failed, 0);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		p = strstr(r.headers.p, want[i]);
		assert_non_null(p);
		/* Each exactly once. */
		assert_null(strstr(p + 1, want[i]));
	}
	assert_null(strstr(r.headers.p, "unsafe-inline"));
	http_response_free(&r);
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

static void
test_status_text(void **state)
{
	static const int codes[] = { 200, 201, 204, 303, 400, 403, 404, 405,
	    409, 413, 422, 429, 500, 503 };
	size_t	 i;

	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		assert_string_not_equal(http_status_text(codes[i]),
		    "Unknown");
	assert_string_equal(http_status_text(200), "OK");
	assert_string_equal(http_status_text(303), "See Other");
	assert_string_equal(http_status_text(404), "Not Found");
	assert_string_equal(http_status_text(999), "Unknown");
	assert_string_equal(http_status_text(-1), "Unknown");
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
		cmocka_unit_test(test_method),
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_header_injection),
		cmocka_unit_test(test_response_reset),
		cmocka_unit_test(test_set_cookie_flags),
		cmocka_unit_test(test_set_cookie_refused),
		cmocka_unit_test(test_redirect),
		cmocka_unit_test(test_redirect_keeps_cookie),
		cmocka_unit_test(test_security_headers),
		cmocka_unit_test(test_status_text),
	};

	return cmocka_run_group_tests_name("http", tests, NULL, NULL);
}
