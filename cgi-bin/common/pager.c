/*
 * Keyset paging: the cursor in the query string, the number of rows to
 * fetch, what the fetched rows make of the page, and the links.  pager.h
 * is the contract.
 */
#include <stdio.h>
#include <string.h>

#include "pager.h"
#include "valid.h"

/* Reads one side's cursor (prefix "after" or "before"); 0 when absent,
 * 1 when present and well formed, -1 when malformed. */
static int
pager_side(const struct http_kvlist *q, const char *side, struct pager *p)
{
	char		 name[32];
	const char	*key, *id, *null;

	snprintf(name, sizeof(name), "%s_key", side);
	key = http_kv_get(q, name);
	snprintf(name, sizeof(name), "%s_id", side);
	id = http_kv_get(q, name);
	snprintf(name, sizeof(name), "%s_null", side);
	null = http_kv_get(q, name);
	if (key == NULL && id == NULL && null == NULL)
		return 0;
	if (id == NULL || valid_id(id, &p->id) != VALID_OK)
		return -1;
	if (null != NULL && strcmp(null, "1") == 0 && key == NULL) {
		p->key_null = 1;
		p->key[0] = '\0';
		return 1;
	}
	if (null != NULL || key == NULL || strlen(key) >= sizeof(p->key))
		return -1;
	memcpy(p->key, key, strlen(key) + 1);
	return 1;
}

enum weft_err
pager_parse(const struct http_kvlist *q, size_t per_page, struct pager *p)
{
	int	 a, b;

	memset(p, 0, sizeof(*p));
	p->per_page = per_page > 0 ? per_page : 1;
	if ((a = pager_side(q, "after", p)) == -1)
		goto bad;
	if ((b = pager_side(q, "before", p)) == -1 || (a == 1 && b == 1))
		goto bad;
	p->cursor = a == 1 ? PAGER_AFTER : b == 1 ? PAGER_BEFORE : PAGER_NONE;
	return WEFT_OK;
bad:
	memset(p, 0, sizeof(*p));
	p->per_page = per_page > 0 ? per_page : 1;
	return WEFT_ERR_INVALID;
}

enum pager_mode
pager_mode(const struct pager *p)
{
	if (p->cursor == PAGER_NONE)
		return PAGER_MODE_NONE;
	return p->key_null ? PAGER_MODE_NULL : PAGER_MODE_KEY;
}

int
pager_reverse(const struct pager *p)
{
	return p->cursor == PAGER_BEFORE;
}

size_t
pager_limit(const struct pager *p)
{
	return p->per_page + 1;
}

/*
 * The extra row says there is more in the direction of the fetch.  In
 * the other direction there is more whenever a cursor was followed: the
 * cursor row itself is there (unless it went away meanwhile, and then
 * the link leads to a page that is merely shorter).  A "before" fetch
 * that finds no more rows before it is the first page again.
 */
void
pager_result(const struct pager *p, size_t fetched, struct pager_result *r)
{
	int	 more = fetched > p->per_page;

	memset(r, 0, sizeof(*r));
	r->shown = more ? p->per_page : fetched;
	r->reversed = pager_reverse(p);
	switch (p->cursor) {
	case PAGER_AFTER:
		r->has_prev = 1;
		r->has_next = more;
		r->has_first = 1;
		break;
	case PAGER_BEFORE:
		r->has_prev = more;
		r->has_next = 1;
		r->has_first = more;
		break;
	default:
		r->has_next = more;
		break;
	}
}

/* Appends value percent-encoded: RFC 3986 unreserved characters kept. */
static void
pager_encode(struct buf *b, const char *value)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*s;
	char			 esc[3];

	for (s = (const unsigned char *)value; *s != '\0'; s++) {
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || strchr("-._~", *s) != NULL) {
			buf_append(b, (const char *)s, 1);
			continue;
		}
		esc[0] = '%';
		esc[1] = hex[*s >> 4];
		esc[2] = hex[*s & 0x0f];
		buf_append(b, esc, 3);
	}
}

void
pager_param(struct buf *b, const char *name, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	buf_printf(b, "&%s=", name);
	pager_encode(b, value);
}

/* Appends path, then "?" and the list's own parameters (params, a
 * leading '&' dropped), then the cursor c (built as "&name=value..."). */
static void
pager_join(struct buf *b, const char *path, const char *params,
    struct buf *c)
{
	const char	*q = params != NULL ? params : "";

	buf_puts(b, path);
	if (q[0] == '&')
		q++;
	if (q[0] != '\0' || c->len > 0)
		buf_puts(b, "?");
	buf_puts(b, q);
	if (c->len > 0)
		buf_puts(b, q[0] != '\0' ? c->p : c->p + 1);
	if (buf_failed(c))
		b->failed = 1;
}

void
pager_href(struct buf *b, const char *path, const char *params,
    enum pager_cursor cursor, const char *key, int key_null, long long id)
{
	const char	*side;
	struct buf	 c;
	char		 name[16];

	buf_init(&c);
	if (cursor == PAGER_AFTER || cursor == PAGER_BEFORE) {
		side = cursor == PAGER_AFTER ? "after" : "before";
		snprintf(name, sizeof(name), "%s_key", side);
		if (key_null)
			buf_printf(&c, "&%s_null=1", side);
		else if (key == NULL || key[0] == '\0')
			/* An empty key is a key: say so explicitly. */
			buf_printf(&c, "&%s=", name);
		else
			pager_param(&c, name, key);
		buf_printf(&c, "&%s_id=%lld", side, id);
	}
	pager_join(b, path, params, &c);
	buf_free(&c);
}

void
pager_before_id(struct pager *p, size_t per_page, long long id)
{
	memset(p, 0, sizeof(p[0]));
	p->per_page = per_page > 0 ? per_page : 1;
	if (id > 0) {
		p->id = id;
		p->cursor = PAGER_AFTER;
	}
}

void
pager_before_key(struct pager *p, size_t per_page, const char *before)
{
	const char	*id;
	long long	 n;
	size_t		 len;

	pager_before_id(p, per_page, 0);
	if (before == NULL || (id = strchr(before, '_')) == NULL ||
	    (len = (size_t)(id - before)) >= sizeof(p->key) ||
	    valid_id(id + 1, &n) != VALID_OK)
		return;
	pager_before_id(p, per_page, n);
	memcpy(p->key, before, len);
	p->key[len] = '\0';
}

void
pager_href_before(struct buf *b, const char *path, const char *params,
    const char *key, long long id)
{
	struct buf	 c;

	buf_init(&c);
	buf_puts(&c, "&before=");
	if (key != NULL) {
		pager_encode(&c, key);
		buf_puts(&c, "_");
	}
	buf_printf(&c, "%lld", id);
	pager_join(b, path, params, &c);
	buf_free(&c);
}

int
pager_like_prefix(char *out, size_t len, const char *in)
{
	size_t	 n = 0;

	if (len < 2)
		return -1;
	out[0] = '\0';
	if (strlen(in) > (len - 2) / 2)
		return -1;
	for (; *in != '\0'; in++) {
		if (*in == '\\' || *in == '%' || *in == '_')
			out[n++] = '\\';
		out[n++] = *in;
	}
	out[n++] = '%';
	out[n] = '\0';
	return 0;
}

int
pager_key_datetime(const char *key)
{
	static const char	 shape[] = "dddd-dd-dd dd:dd:dd";
	size_t			 i;

	if (key == NULL || strlen(key) != sizeof(shape) - 1)
		return 0;
	for (i = 0; shape[i] != '\0'; i++)
		if (shape[i] == 'd' ? key[i] < '0' || key[i] > '9' :
		    key[i] != shape[i])
			return 0;
	return 1;
}
