/*
 * http.c's response builders and their refusals: methods, headers (no
 * injection), Set-Cookie, redirects, the security headers and the status
 * texts.  Every accepted case sits next to the refused twin that differs
 * from it by the one thing that matters.  The parsers are test_http.c.
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
	for (i = 0; i < NELEM(want); i++) {
		p = strstr(r.headers.p, want[i]);
		assert_non_null(p);
		/* Each exactly once. */
		assert_null(strstr(p + 1, want[i]));
	}
	assert_null(strstr(r.headers.p, "unsafe-inline"));
	http_response_free(&r);
}

static void
test_status_text(void **state)
{
	static const int codes[] = { 200, 201, 204, 303, 400, 403, 404, 405,
	    409, 413, 422, 429, 500, 503 };
	size_t	 i;

	for (i = 0; i < NELEM(codes); i++)
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

	return cmocka_run_group_tests(tests, NULL, NULL);
}
