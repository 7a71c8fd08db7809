/*
 * libFuzzer driver for the request parsers of http.c (docs/style.md 10), after
 * kcgi's afl/afl-urlencoded.c.  The same bytes are parsed as a form body
 * and as a Cookie header (all cookies, and weft's own among the host's)
 * under tight and default limits, and every result is checked against
 * the promises of http.h; the bytes are also offered as a redirect
 * target, a header value and a cookie value, which must never let a
 * control byte into the headers, and as a Content-Type.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "http.h"
#include "valid.h"

static const struct http_limits lim_small = { 4, 16 };
static const struct http_limits lim_default = { 200, 16384 };

/* What every parsed list must satisfy, whichever parser made it. */
static void
check_list(enum http_parse rc, const struct http_kvlist *l,
    const struct http_limits *lim)
{
	size_t	 i, klen;

	CHECK(rc == HTTP_PARSE_OK || rc == HTTP_PARSE_BAD ||
	    rc == HTTP_PARSE_TOO_LARGE || rc == HTTP_PARSE_NOMEM);
	if (rc != HTTP_PARSE_OK) {
		CHECK(l->n == 0);
		CHECK(l->kv == NULL);
		return;
	}
	CHECK(l->n <= lim->fields_max);
	CHECK(l->n <= l->cap);
	CHECK(l->cap <= lim->fields_max);
	for (i = 0; i < l->n; i++) {
		CHECK(l->kv[i].key != NULL && l->kv[i].val != NULL);
		klen = strlen(l->kv[i].key);
		CHECK(klen > 0);
		CHECK(klen <= lim->field_len_max);
		CHECK(strlen(l->kv[i].val) == l->kv[i].vlen);
		CHECK(l->kv[i].vlen <= lim->field_len_max);
		CHECK(valid_utf8(l->kv[i].key, klen) == VALID_OK);
		CHECK(l->kv[i].vlen == 0 ||
		    valid_utf8(l->kv[i].val, l->kv[i].vlen) == VALID_OK);
	}
	if (l->n > 0)
		CHECK(http_kv_get(l, l->kv[0].key) == l->kv[0].val);
}

/* Percent-encodes s the way a browser's form would (space as '+'). */
static void
form_encode(struct buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	unsigned char		 c;
	char			 e[3];

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '*')
			buf_append(b, (const char *)&c, 1);
		else if (c == ' ')
			buf_append(b, "+", 1);
		else {
			e[0] = '%';
			e[1] = hex[c >> 4];
			e[2] = hex[c & 0xf];
			buf_append(b, e, 3);
		}
	}
}

/*
 * A parsed form, encoded again and parsed again under the same limits,
 * gives the same pairs: decoding loses nothing and invents nothing.
 */
static void
check_roundtrip(const struct http_kvlist *l, const struct http_limits *lim)
{
	struct http_kvlist	 again = { 0 };
	struct buf		 b;
	size_t			 i;

	buf_init(&b);
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			buf_append(&b, "&", 1);
		form_encode(&b, l->kv[i].key);
		buf_append(&b, "=", 1);
		form_encode(&b, l->kv[i].val);
	}
	if (buf_failed(&b)) {
		buf_free(&b);
		return;
	}
	CHECK(http_parse_urlencoded(b.p, b.len, lim, &again) ==
	    HTTP_PARSE_OK);
	CHECK(again.n == l->n);
	for (i = 0; i < l->n; i++) {
		CHECK(strcmp(again.kv[i].key, l->kv[i].key) == 0);
		CHECK(again.kv[i].vlen == l->kv[i].vlen);
		CHECK(memcmp(again.kv[i].val, l->kv[i].val,
		    l->kv[i].vlen) == 0);
	}
	http_kvlist_free(&again);
	buf_free(&b);
}

/* Cookie names and values are trimmed and hold no separator. */
static void
check_cookies(const struct http_kvlist *l)
{
	const char	*k;
	size_t		 i, klen;

	for (i = 0; i < l->n; i++) {
		k = l->kv[i].key;
		klen = strlen(k);
		CHECK(strpbrk(k, ";=\t") == NULL);
		CHECK(k[0] != ' ' && k[klen - 1] != ' ');
		CHECK(strpbrk(l->kv[i].val, ";\t") == NULL);
	}
}

/* Whatever comes before, damaged cookies too, a well-formed owned pair
 * added at the end is read, and last. */
static void
check_owned_last(const char *in, size_t len, const struct http_limits *lim,
    const char *const *owned)
{
	static const char	 tail[] = "; __Host-weft-csrf=zz";
	struct http_kvlist	 l = { 0 };
	unsigned		 damaged;
	char			*ext;

	if ((ext = malloc(len + sizeof(tail))) == NULL)
		return;
	memcpy(ext, in, len);
	memcpy(ext + len, tail, sizeof(tail));
	if (http_parse_cookies_owned(ext, len + sizeof(tail) - 1, lim, owned,
	    &damaged, &l) == HTTP_PARSE_OK) {
		CHECK(l.n > 0);
		CHECK(strcmp(l.kv[l.n - 1].key, "__Host-weft-csrf") == 0);
		CHECK(strcmp(l.kv[l.n - 1].val, "zz") == 0);
	}
	http_kvlist_free(&l);
	free(ext);
}

/*
 * The cookies weft reads among all the host's: only owned names come out,
 * well-formed as any parsed cookie; a damaged one only sets its bit.
 * When every cookie was well-formed (the plain parse, given as plain,
 * took them all), the owned ones are exactly those of the plain list.
 */
static void
check_owned(const char *in, size_t len, const struct http_limits *lim,
    enum http_parse plain_rc, const struct http_kvlist *plain)
{
	static const char *const owned[] = {
		"__Host-weft", "__Host-weft-csrf", "weft-flash", NULL,
	};
	struct http_limits	 olim = { HTTP_COOKIES_OWNED_MAX,
	    (lim != NULL ? lim : &lim_default)->field_len_max };
	struct http_kvlist	 l = { 0 };
	enum http_parse		 rc;
	unsigned		 damaged = 99;
	size_t			 i, j, k;

	rc = http_parse_cookies_owned(in, len, lim, owned, &damaged, &l);
	check_list(rc, &l, &olim);
	check_cookies(&l);
	if (rc == HTTP_PARSE_OK)
		CHECK(damaged < (1u << 3));
	for (i = 0; i < l.n; i++) {
		for (k = 0; owned[k] != NULL; k++)
			if (strcmp(l.kv[i].key, owned[k]) == 0)
				break;
		CHECK(owned[k] != NULL);
	}
	if (rc == HTTP_PARSE_OK && plain_rc == HTTP_PARSE_OK) {
		CHECK(damaged == 0);
		for (i = 0, j = 0; i < plain->n; i++) {
			for (k = 0; owned[k] != NULL; k++)
				if (strcmp(plain->kv[i].key, owned[k]) == 0)
					break;
			if (owned[k] == NULL)
				continue;
			CHECK(j < l.n);
			CHECK(strcmp(l.kv[j].key, plain->kv[i].key) == 0);
			CHECK(strcmp(l.kv[j].val, plain->kv[i].val) == 0);
			j++;
		}
		CHECK(j == l.n);
	}
	http_kvlist_free(&l);
	check_owned_last(in, len, lim, owned);
}

/* A Content-Type taken as a form is that type, with at most a UTF-8
 * charset: lower-cased and without blanks and quotes, one of two. */
static void
check_content_type(const char *s)
{
	char	 norm[64];
	size_t	 n = 0;

	if (!http_is_urlencoded(s))
		return;
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '"')
			continue;
		CHECK(n + 1 < sizeof(norm));
		norm[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
	}
	norm[n] = '\0';
	CHECK(strcmp(norm, "application/x-www-form-urlencoded") == 0 ||
	    strcmp(norm, "application/x-www-form-urlencoded;charset=utf-8") ==
	    0);
}

static void
parse_all(const char *in, size_t len, const struct http_limits *lim)
{
	struct http_kvlist	 l = { 0 };
	enum http_parse		 rc;

	rc = http_parse_urlencoded(in, len, lim, &l);
	check_list(rc, &l, lim != NULL ? lim : &lim_default);
	if (rc == HTTP_PARSE_OK)
		check_roundtrip(&l, lim);
	http_kvlist_free(&l);
	CHECK(l.n == 0 && l.kv == NULL);

	rc = http_parse_cookies(in, len, lim, &l);
	check_list(rc, &l, lim != NULL ? lim : &lim_default);
	check_cookies(&l);
	check_owned(in, len, lim, rc, &l);
	http_kvlist_free(&l);
}

/* No header line of r may hold CR or LF but its own terminating CRLF. */
static void
check_headers(const struct http_response *r)
{
	const char	*p, *end;

	if (r->headers.len == 0)
		return;
	for (p = r->headers.p; *p != '\0'; p = end + 2) {
		end = strstr(p, "\r\n");
		CHECK(end != NULL);
		CHECK(memchr(p, '\r', (size_t)(end - p)) == NULL);
		CHECK(memchr(p, '\n', (size_t)(end - p)) == NULL);
	}
}

/* The bytes as the untrusted part of a response. */
static void
respond(const char *s)
{
	struct http_response	 r;
	const char		*c;

	if (http_path_is_local(s)) {
		CHECK(s[0] == '/' && strstr(s, "//") == NULL);
		CHECK(strchr(s, '\\') == NULL);
		for (c = s; *c != '\0'; c++)
			CHECK(*c > 0x20 && *c < 0x7f);
	}
	http_response_init(&r);
	http_redirect(&r, s);
	CHECK(r.status == 303 && !r.failed);
	http_header(&r, "X-Fuzz", s);
	http_cookie(&r, "weft", s, 60, HTTP_COOKIE_HTTPONLY);
	http_header(&r, s, "1");
	check_headers(&r);
	http_response_free(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*in = (const char *)data;
	char		*s;

	parse_all(in, size, &lim_small);
	parse_all(in, size, &lim_default);
	parse_all(in, size, NULL);

	/* Responses take C strings: the bytes up to the first NUL. */
	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	respond(s);
	check_content_type(s);
	free(s);
	return 0;
}
