/*
 * Request parsing and response building (http.h).
 *
 * The parsers work on (pointer, length) pairs that need not be
 * NUL-terminated, never read past len, and either append every pair of the
 * input to the list or none: on any error the pairs this call added are
 * freed again, so a caller never sees half a form.  This file depends on
 * buf and valid only, so that the fuzz driver can link it alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "http.h"
#include "valid.h"

/* The limits used when a caller passes none: config.h's defaults. */
static const struct http_limits http_limits_default = { 200, 16384 };

/* A Location longer than this is refused: no page of ours needs one. */
#define HTTP_PATH_MAX	4096

const char *const http_method_names[HTTP_METHOD__MAX] = {
	"GET",
	"POST",
	"HEAD",
	"OTHER",
};

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Appends one pair to the list, which takes ownership of key and val on
 * success only.  The list grows by doubling but never beyond max entries,
 * so a hostile input cannot make it allocate more than the limit allows.
 */
static enum http_parse
kvlist_push(struct http_kvlist *l, size_t max, char *key, char *val,
    size_t vlen)
{
	struct http_kv	*kv;
	size_t		 ncap;

	if (l->n >= max)
		return HTTP_PARSE_TOO_LARGE;
	if (l->n == l->cap) {
		if (l->cap == 0)
			ncap = 8;
		else if (l->cap > max / 2)
			ncap = max;
		else
			ncap = l->cap * 2;
		if (ncap > max)
			ncap = max;
		kv = reallocarray(l->kv, ncap, sizeof(*kv));
		if (kv == NULL)
			return HTTP_PARSE_NOMEM;
		l->kv = kv;
		l->cap = ncap;
	}
	l->kv[l->n].key = key;
	l->kv[l->n].val = val;
	l->kv[l->n].vlen = vlen;
	l->n++;
	return HTTP_PARSE_OK;
}

/* Drops the pairs from index `from` on: the rollback of a failed parse. */
static void
kvlist_truncate(struct http_kvlist *l, size_t from)
{
	while (l->n > from) {
		l->n--;
		free(l->kv[l->n].key);
		free(l->kv[l->n].val);
	}
	if (l->n == 0) {
		free(l->kv);
		l->kv = NULL;
		l->cap = 0;
	}
}

/*
 * Decodes src[0..len) from form encoding ("%XX" and '+' as space) into a
 * new NUL-terminated string in *out (the caller frees it), its length in
 * *outlen.  A '%' not followed by two hex digits, a NUL byte (raw or
 * "%00") or a result that is not UTF-8 is HTTP_PARSE_BAD; a result longer
 * than max bytes is HTTP_PARSE_TOO_LARGE, noticed as soon as it happens so
 * that a huge value costs at most max bytes of memory.  valid_utf8() is
 * asked about non-empty strings only: "" is valid here, whatever a
 * validator thinks of empty input.
 */
static enum http_parse
urldecode(const char *src, size_t len, size_t max, char **out,
    size_t *outlen)
{
	enum http_parse	 rc;
	unsigned char	 c;
	char		*d;
	size_t		 i, n;
	int		 hi, lo;

	*out = NULL;
	*outlen = 0;
	if ((d = malloc((len < max ? len : max) + 1)) == NULL)
		return HTTP_PARSE_NOMEM;
	for (i = n = 0; i < len; i++) {
		c = (unsigned char)src[i];
		if (c == '%') {
			if (len - i < 3 ||
			    (hi = hexval((unsigned char)src[i + 1])) < 0 ||
			    (lo = hexval((unsigned char)src[i + 2])) < 0) {
				rc = HTTP_PARSE_BAD;
				goto err;
			}
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		} else if (c == '+')
			c = ' ';
		if (c == '\0') {
			rc = HTTP_PARSE_BAD;
			goto err;
		}
		if (n == max) {
			rc = HTTP_PARSE_TOO_LARGE;
			goto err;
		}
		d[n++] = (char)c;
	}
	d[n] = '\0';
	if (n > 0 && valid_utf8(d, n) != VALID_OK) {
		rc = HTTP_PARSE_BAD;
		goto err;
	}
	*out = d;
	*outlen = n;
	return HTTP_PARSE_OK;
err:
	free(d);
	return rc;
}

/*
 * Pairs are separated by '&' only (';' is data, as in the WHATWG URL
 * standard).  Empty pairs ("a=1&&b=2") and nameless ones ("=x") are
 * skipped, since no form field can produce them; a name without '=' has
 * the value "".  fields_max counts the whole list, including pairs that
 * were in it before this call.
 */
enum http_parse
http_parse_urlencoded(const char *in, size_t len,
    const struct http_limits *lim, struct http_kvlist *out)
{
	enum http_parse	 rc = HTTP_PARSE_OK;
	const char	*p, *amp, *eq, *vraw;
	size_t		 start, i, seglen, klen, vrawlen, n;
	char		*key = NULL, *val = NULL;

	if (lim == NULL)
		lim = &http_limits_default;
	if (in == NULL)
		return len == 0 ? HTTP_PARSE_OK : HTTP_PARSE_BAD;
	start = out->n;
	for (i = 0; i < len; i += seglen + 1) {
		p = in + i;
		amp = memchr(p, '&', len - i);
		seglen = amp != NULL ? (size_t)(amp - p) : len - i;
		if (seglen == 0)
			continue;
		eq = memchr(p, '=', seglen);
		klen = eq != NULL ? (size_t)(eq - p) : seglen;
		if (klen == 0)
			continue;
		vraw = eq != NULL ? eq + 1 : p + seglen;
		vrawlen = eq != NULL ? seglen - klen - 1 : 0;

		if ((rc = urldecode(p, klen, lim->field_len_max, &key,
		    &n)) != HTTP_PARSE_OK)
			goto err;
		if ((rc = urldecode(vraw, vrawlen, lim->field_len_max, &val,
		    &n)) != HTTP_PARSE_OK)
			goto err;
		if ((rc = kvlist_push(out, lim->fields_max, key, val, n)) !=
		    HTTP_PARSE_OK)
			goto err;
		key = val = NULL;
	}
	return HTTP_PARSE_OK;
err:
	free(key);
	free(val);
	kvlist_truncate(out, start);
	return rc;
}

static int
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* Shrinks [*p, *p + *len) past surrounding spaces and tabs. */
static void
trim(const char **p, size_t *len)
{
	while (*len > 0 && is_ows(**p)) {
		(*p)++;
		(*len)--;
	}
	while (*len > 0 && is_ows((*p)[*len - 1]))
		(*len)--;
}

int
http_is_urlencoded(const char *ct)
{
	static const char	 type[] = "application/x-www-form-urlencoded";
	size_t			 n = sizeof(type) - 1;

	if (ct == NULL || strncasecmp(ct, type, n) != 0)
		return 0;
	ct += n;
	ct += strspn(ct, " \t");
	if (*ct == '\0')
		return 1;
	if (*ct++ != ';')
		return 0;
	ct += strspn(ct, " \t");
	if (strncasecmp(ct, "charset=", 8) != 0)
		return 0;
	ct += 8;
	if (strncasecmp(ct, "utf-8", 5) == 0)
		ct += 5;
	else if (strncasecmp(ct, "\"utf-8\"", 7) == 0)
		ct += 7;
	else
		return 0;
	ct += strspn(ct, " \t");
	return *ct == '\0';
}

/* Copies s[0..len) into a new NUL-terminated string, or NULL. */
static char *
dupmem(const char *s, size_t len)
{
	char	*d;

	if ((d = malloc(len + 1)) == NULL)
		return NULL;
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

/* The index in owned (NULL-terminated) of the cookie named [name,
 * name + len), or -1. */
static int
cookie_owned(const char *const *owned, const char *name, size_t len)
{
	int	 i;

	for (i = 0; owned[i] != NULL; i++)
		if (strlen(owned[i]) == len && memcmp(owned[i], name, len) == 0)
			return i;
	return -1;
}

/* Control characters (a tab too: it is only allowed as the whitespace
 * that is trimmed) or a value that is not UTF-8. */
static int
cookie_bad(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 1;
	return len > 0 && valid_utf8(s, len) != VALID_OK;
}

/* Splits one pair p[0..n) of a Cookie header into its name and value,
 * both trimmed of spaces and tabs, the value's double quotes dropped;
 * returns 0 for a pair without '=' or with an empty name. */
static int
cookie_pair(const char *p, size_t n, const char **name, size_t *nlen,
    const char **val, size_t *vlen)
{
	const char	*eq;

	if ((eq = memchr(p, '=', n)) == NULL)
		return 0;
	*name = p;
	*nlen = (size_t)(eq - p);
	*val = eq + 1;
	*vlen = n - *nlen - 1;
	trim(name, nlen);
	trim(val, vlen);
	if (*nlen == 0)
		return 0;
	if (*vlen >= 2 && (*val)[0] == '"' && (*val)[*vlen - 1] == '"') {
		(*val)++;
		*vlen -= 2;
	}
	return 1;
}

/* Appends a copy of the pair to out, at most max pairs in all. */
static enum http_parse
cookie_push(struct http_kvlist *out, size_t max,
    const struct http_limits *lim, const char *name, size_t nlen,
    const char *val, size_t vlen)
{
	enum http_parse	 rc;
	char		*key, *value = NULL;

	if (nlen > lim->field_len_max || vlen > lim->field_len_max)
		return HTTP_PARSE_TOO_LARGE;
	if ((key = dupmem(name, nlen)) == NULL ||
	    (value = dupmem(val, vlen)) == NULL)
		rc = HTTP_PARSE_NOMEM;
	else if ((rc = kvlist_push(out, max, key, value, vlen)) ==
	    HTTP_PARSE_OK)
		return HTTP_PARSE_OK;
	free(key);
	free(value);
	return rc;
}

/*
 * RFC 6265 section 5.2 with these choices: pairs are split on ';' and
 * trimmed of spaces and tabs around the name and the value; a pair
 * without '=' or with an empty name is skipped; a value in double quotes
 * loses the quotes (and is otherwise kept as sent, not decoded).
 *
 * With owned NULL every pair is judged: control characters anywhere and
 * names or values that are not UTF-8 are HTTP_PARSE_BAD, and the pairs
 * count against fields_max.  With owned, the pairs of other names are
 * skipped unread: other applications on the same host set cookies that
 * are not weft's to judge (issue 15, 8).  Only the owned ones are
 * checked, strictly, and counted, against HTTP_COOKIES_OWNED_MAX; one
 * that fails the check is left out and its bit (1 << its index in owned)
 * set in *damaged, so that the caller can say so and clear it.
 */
enum http_parse
http_parse_cookies_owned(const char *in, size_t len,
    const struct http_limits *lim, const char *const *owned,
    unsigned *damaged, struct http_kvlist *out)
{
	enum http_parse	 rc = HTTP_PARSE_OK;
	const char	*p, *semi, *name, *val;
	size_t		 start, i, seglen, nlen, vlen, max;
	int		 which = -1;

	if (lim == NULL)
		lim = &http_limits_default;
	if (in == NULL)
		return len == 0 ? HTTP_PARSE_OK : HTTP_PARSE_BAD;
	for (i = 0; owned == NULL && i < len; i++)
		if (((unsigned char)in[i] < 0x20 && in[i] != '\t') ||
		    in[i] == 0x7f)
			return HTTP_PARSE_BAD;
	max = owned != NULL ? HTTP_COOKIES_OWNED_MAX : lim->fields_max;
	if (damaged != NULL)
		*damaged = 0;
	start = out->n;
	for (i = 0; i < len; i += seglen + 1) {
		p = in + i;
		semi = memchr(p, ';', len - i);
		seglen = semi != NULL ? (size_t)(semi - p) : len - i;
		if (!cookie_pair(p, seglen, &name, &nlen, &val, &vlen) ||
		    (owned != NULL &&
		    (which = cookie_owned(owned, name, nlen)) < 0))
			continue;
		if (cookie_bad(name, nlen) || cookie_bad(val, vlen)) {
			if (owned == NULL || damaged == NULL) {
				rc = HTTP_PARSE_BAD;
				goto err;
			}
			*damaged |= 1u << which;
			continue;
		}
		if ((rc = cookie_push(out, max, lim, name, nlen, val, vlen)) !=
		    HTTP_PARSE_OK)
			goto err;
	}
	return HTTP_PARSE_OK;
err:
	kvlist_truncate(out, start);
	return rc;
}

enum http_parse
http_parse_cookies(const char *in, size_t len, const struct http_limits *lim,
    struct http_kvlist *out)
{
	return http_parse_cookies_owned(in, len, lim, NULL, NULL, out);
}

const char *
http_kv_get(const struct http_kvlist *l, const char *key)
{
	size_t	 i;

	if (l == NULL || key == NULL)
		return NULL;
	for (i = 0; i < l->n; i++)
		if (strcmp(l->kv[i].key, key) == 0)
			return l->kv[i].val;
	return NULL;
}

size_t
http_kv_count(const struct http_kvlist *l, const char *key)
{
	size_t	 i, n = 0;

	if (l == NULL || key == NULL)
		return 0;
	for (i = 0; i < l->n; i++)
		if (strcmp(l->kv[i].key, key) == 0)
			n++;
	return n;
}

/* Frees the pairs and leaves an empty list, ready to be filled again. */
void
http_kvlist_free(struct http_kvlist *l)
{
	if (l == NULL)
		return;
	kvlist_truncate(l, 0);
}

/* Methods are case-sensitive (RFC 9110 section 9.1). */
enum http_method
http_method_parse(const char *s)
{
	if (s == NULL)
		return HTTP_OTHER;
	if (strcmp(s, "GET") == 0)
		return HTTP_GET;
	if (strcmp(s, "POST") == 0)
		return HTTP_POST;
	if (strcmp(s, "HEAD") == 0)
		return HTTP_HEAD;
	return HTTP_OTHER;
}

void
http_response_init(struct http_response *r)
{
	r->status = 200;
	buf_init(&r->headers);
	buf_init(&r->body);
	r->failed = 0;
}

/*
 * Starts the response over, as for an error page after a handler had
 * begun: the buffers are freed rather than emptied so that a sticky
 * allocation failure does not survive into the new response.
 */
void
http_response_reset(struct http_response *r)
{
	http_response_free(r);
	http_response_init(r);
}

void
http_response_free(struct http_response *r)
{
	buf_free(&r->headers);
	buf_free(&r->body);
}

/* tchar of RFC 9110 section 5.6.2. */
static int
is_tchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return 1;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

static int
is_token(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!is_tchar((unsigned char)*s))
			return 0;
	return 1;
}

/*
 * field-value of RFC 9110 section 5.5: visible ASCII, space, tab and
 * bytes >= 0x80.  Refusing every other control byte, not only CR and LF,
 * also keeps odd bytes out of the FastCGI stream and nginx's parser.
 */
static int
is_field_value(const char *s)
{
	unsigned char	 c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return 0;
	}
	return 1;
}

int
http_header(struct http_response *r, const char *name, const char *value)
{
	if (name == NULL || value == NULL || !is_token(name) ||
	    !is_field_value(value)) {
		r->failed = 1;
		return -1;
	}
	buf_puts(&r->headers, name);
	buf_append(&r->headers, ": ", 2);
	buf_puts(&r->headers, value);
	buf_append(&r->headers, "\r\n", 2);
	if (buf_failed(&r->headers)) {
		r->failed = 1;
		return -1;
	}
	return 0;
}

/* cookie-octet of RFC 6265 section 4.1.1. */
static int
is_cookie_value(const char *s)
{
	unsigned char	 c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (c < 0x21 || c > 0x7e || c == '"' || c == ',' ||
		    c == ';' || c == '\\')
			return 0;
	}
	return 1;
}

/*
 * Set-Cookie per RFC 6265 section 4.1 with Path=/ and SameSite=Lax
 * always.  Refused (-1, failed set): a name that is not a token, a value
 * with a byte outside cookie-octet, unknown flags, and a "__Host-" or
 * "__Secure-" name without HTTP_COOKIE_SECURE, which browsers would drop
 * silently.  Deletion (max_age 0) also sends an Expires in the past for
 * old clients that do not know Max-Age.
 */
int
http_cookie(struct http_response *r, const char *name, const char *value,
    long max_age, int flags)
{
	struct buf	 b;
	int		 rc = -1;

	if (name == NULL || value == NULL || !is_token(name) ||
	    !is_cookie_value(value) ||
	    (flags & ~(HTTP_COOKIE_SECURE | HTTP_COOKIE_HTTPONLY)) != 0)
		goto refuse;
	if ((strncmp(name, "__Host-", 7) == 0 ||
	    strncmp(name, "__Secure-", 9) == 0) &&
	    !(flags & HTTP_COOKIE_SECURE))
		goto refuse;

	buf_init(&b);
	buf_printf(&b, "%s=%s; Path=/; SameSite=Lax%s%s", name, value,
	    (flags & HTTP_COOKIE_SECURE) ? "; Secure" : "",
	    (flags & HTTP_COOKIE_HTTPONLY) ? "; HttpOnly" : "");
	if (max_age > 0)
		buf_printf(&b, "; Max-Age=%ld", max_age);
	else if (max_age == 0)
		buf_puts(&b, "; Max-Age=0; Expires=Thu, 01 Jan 1970 "
		    "00:00:00 GMT");
	if (buf_failed(&b) || b.p == NULL)
		r->failed = 1;
	else
		rc = http_header(r, "Set-Cookie", b.p);
	buf_free(&b);
	return rc;
refuse:
	r->failed = 1;
	return -1;
}

/*
 * The body is a line of text for the rare client that shows it; headers
 * already set (a session cookie on log-in) are kept, so a caller must not
 * have set a Content-Type before.
 */
void
http_redirect(struct http_response *r, const char *path)
{
	if (!http_path_is_local(path))
		path = "/";
	r->status = 303;
	buf_free(&r->body);
	buf_init(&r->body);
	buf_puts(&r->body, "See Other\n");
	http_header(r, "Location", path);
	http_header(r, "Content-Type", "text/plain; charset=utf-8");
}

/*
 * A same-origin path-absolute URL.  Refused, because a browser would
 * leave the site: "//host" and "/\host" (browsers read '\' as '/'), and
 * any control byte or space, since browsers strip tabs and newlines from
 * URLs ("/\t/host" is "//host").  "//" is refused anywhere, as http.h
 * says.  Only printable ASCII is accepted, so callers percent-encode;
 * percent-encoded bytes ("/%0d%0a", "/%2f%2fhost") are accepted: they
 * stay data in the path and cannot split a header or name a host.  A
 * path starting with '/' cannot carry a scheme.
 */
int
http_path_is_local(const char *path)
{
	size_t		 i;
	unsigned char	 c;

	if (path == NULL || path[0] != '/')
		return 0;
	for (i = 0; path[i] != '\0'; i++) {
		c = (unsigned char)path[i];
		if (i >= HTTP_PATH_MAX)
			return 0;
		if (c <= 0x20 || c >= 0x7f || c == '\\')
			return 0;
		if (c == '/' && path[i + 1] == '/')
			return 0;
	}
	return 1;
}

/*
 * The same headers on every response.  No 'unsafe-inline' anywhere:
 * templates carry no inline script or style.  Cache-Control: no-store
 * because pages are per-user and may hold personal data.
 */
void
http_security_headers(struct http_response *r)
{
	http_header(r, "Content-Security-Policy",
	    "default-src 'self'; script-src 'self'; style-src 'self'; "
	    "img-src 'self' data:; form-action 'self'; "
	    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
	http_header(r, "X-Content-Type-Options", "nosniff");
	http_header(r, "Referrer-Policy", "same-origin");
	http_header(r, "X-Frame-Options", "DENY");
	http_header(r, "Cache-Control", "no-store");
	http_header(r, "Permissions-Policy",
	    "camera=(), microphone=(), geolocation=(), payment=()");
	http_header(r, "Cross-Origin-Opener-Policy", "same-origin");
	/* As on static files: no other origin may embed a page or CSV. */
	http_header(r, "Cross-Origin-Resource-Policy", "same-origin");
}

const char *
http_status_text(int status)
{
	switch (status) {
	case 200:
		return "OK";
	case 201:
		return "Created";
	case 204:
		return "No Content";
	case 303:
		return "See Other";
	case 400:
		return "Bad Request";
	case 403:
		return "Forbidden";
	case 404:
		return "Not Found";
	case 405:
		return "Method Not Allowed";
	case 409:
		return "Conflict";
	case 413:
		return "Content Too Large";
	case 415:
		return "Unsupported Media Type";
	case 422:
		return "Unprocessable Content";
	case 429:
		return "Too Many Requests";
	case 500:
		return "Internal Server Error";
	case 503:
		return "Service Unavailable";
	default:
		return "Unknown";
	}
}
