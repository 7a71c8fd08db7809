/*
 * Request parsing and response building, independent of FastCGI so that
 * the parsers can be unit-tested and fuzzed on plain bytes.
 *
 * Parsed lists are bounded: at most `fields_max` pairs, each value at most
 * `field_len_max` bytes after decoding.  Keys and values are decoded
 * (percent-encoding, '+' as space in forms), NUL-terminated, and must be
 * valid UTF-8 without NUL bytes; anything else is HTTP_PARSE_BAD (a 400).
 */
#ifndef WEFT_HTTP_H
#define WEFT_HTTP_H

#include <stddef.h>

#include "buf.h"

enum http_method {
	HTTP_GET,
	HTTP_POST,
	HTTP_HEAD,	/* answered as GET without a body */
	HTTP_OTHER,
	HTTP_METHOD__MAX
};

extern const char *const http_method_names[HTTP_METHOD__MAX];

enum http_parse {
	HTTP_PARSE_OK = 0,
	HTTP_PARSE_BAD,		/* malformed encoding, bad UTF-8: 400 */
	HTTP_PARSE_TOO_LARGE,	/* too many fields or a value too long: 413 */
	HTTP_PARSE_NOMEM
};

struct http_kv {
	char	*key;
	char	*val;
	size_t	 vlen;
};

struct http_kvlist {
	struct http_kv	*kv;
	size_t		 n;
	size_t		 cap;
};

struct http_limits {
	size_t	 fields_max;
	size_t	 field_len_max;
};

/* application/x-www-form-urlencoded and query strings ('&' separated). */
enum http_parse	 http_parse_urlencoded(const char *in, size_t len,
		    const struct http_limits *, struct http_kvlist *out);
/* A Cookie header: "a=b; c=d".  Values are not percent-decoded (RFC 6265);
 * pairs without '=' are skipped, as browsers do. */
enum http_parse	 http_parse_cookies(const char *in, size_t len,
		    const struct http_limits *, struct http_kvlist *out);
/* As http_parse_cookies(), but only the pairs named in owned (a NULL-
 * terminated list of at most 32) are read, checked and counted, at most
 * HTTP_COOKIES_OWNED_MAX of them; the others are skipped unjudged.  An
 * owned pair that is not well-formed is left out, with bit (1 << index
 * in owned) set in *damaged. */
#define HTTP_COOKIES_OWNED_MAX	16
enum http_parse	 http_parse_cookies_owned(const char *in, size_t len,
		    const struct http_limits *, const char *const *owned,
		    unsigned *damaged, struct http_kvlist *out);
/* Is a Content-Type header application/x-www-form-urlencoded, alone or
 * with a charset parameter of utf-8 (RFC 9110 8.3: case-insensitive, the
 * value may be quoted)?  Nothing else is: not a type that only starts
 * with it, not another parameter or charset (issue 15, 11). */
int		 http_is_urlencoded(const char *content_type);
/* First value for key, or NULL. */
const char	*http_kv_get(const struct http_kvlist *, const char *key);
/* How many pairs have key: more than one is a field sent twice. */
size_t		 http_kv_count(const struct http_kvlist *, const char *key);
void		 http_kvlist_free(struct http_kvlist *);
enum http_method http_method_parse(const char *);

/* A response is built in memory, then written whole by the app. */
struct http_response {
	int		 status;
	struct buf	 headers;	/* "Name: value\r\n" lines */
	struct buf	 body;
	int		 failed;	/* a header was refused: answer 500 */
};

void	 http_response_init(struct http_response *);
void	 http_response_reset(struct http_response *);	/* drop headers+body */
void	 http_response_free(struct http_response *);
/* Returns -1 (and sets failed) if name or value holds CR, LF or NUL. */
int	 http_header(struct http_response *, const char *name,
	    const char *value);

#define HTTP_COOKIE_SECURE	0x01
#define HTTP_COOKIE_HTTPONLY	0x02
/* Set-Cookie with SameSite=Lax and Path=/; max_age < 0: session cookie,
 * max_age == 0: delete. */
int	 http_cookie(struct http_response *, const char *name,
	    const char *value, long max_age, int flags);
/* 303 See Other to a relative path: must start with one '/' and hold no
 * "//", "\\", CR, LF or NUL; anything else redirects to "/". */
void	 http_redirect(struct http_response *, const char *path);
/* Is path a safe local redirect target (see above)? */
int	 http_path_is_local(const char *path);
/* CSP without inline script, frame-ancestors 'none', nosniff,
 * Referrer-Policy, X-Frame-Options, Cache-Control for HTML. */
void	 http_security_headers(struct http_response *);
const char *http_status_text(int status);

#endif
