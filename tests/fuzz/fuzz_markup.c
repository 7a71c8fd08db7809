/*
 * libFuzzer driver for the safe markup (markup.c).  The first byte is the
 * level of "#" headings, the rest the source.  The HTML that comes out is
 * read back by a small checker written here: every '<' starts one of the
 * renderer's own tags, tags nest as HTML wants them (blocks at the top,
 * items in lists, inline tags inside blocks, no link in a link), every
 * '&' starts one of the five entities, no '>', '"' or '\'' and no control
 * but the line feed stands in text, every href is an address
 * markup_url_ok() accepts, and the whole is UTF-8.  The plain text is
 * UTF-8 without controls; both formats refuse the same links, the output
 * grows at most by a constant factor, and rendering again gives the same.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "fuzz.h"
#include "markup.h"
#include "valid.h"

#define FUZZ_IN_MAX	16384
#define DEPTH_MAX	8

enum el {
	EL_P, EL_H, EL_UL, EL_OL, EL_LI, EL_EM, EL_STRONG, EL_A, EL__MAX
};

static const char *const el_names[EL__MAX] = {
	"p", "h", "ul", "ol", "li", "em", "strong", "a",
};

struct html {
	const char	*p;
	size_t		 len, i;
	enum el		 stack[DEPTH_MAX];
	int		 depth;
};

static int
is_block(enum el e)
{
	return e == EL_P || e == EL_H || e == EL_UL || e == EL_OL;
}

static int
is_inline(enum el e)
{
	return e == EL_EM || e == EL_STRONG || e == EL_A;
}

/* May e open where the stack is now?  Inline tags (and <br>, checked as
 * one) need a text block (p, h, li) around them, and a link has nothing
 * but text. */
static int
may_open(const struct html *h, enum el e)
{
	enum el	 top;
	int	 i;

	if (h->depth == 0)
		return is_block(e);
	top = h->stack[h->depth - 1];
	for (i = 0; i < h->depth; i++)
		if (h->stack[i] == EL_A)
			return 0;
	if (e == EL_LI)
		return top == EL_UL || top == EL_OL;
	if (is_block(e) || top == EL_UL || top == EL_OL)
		return 0;
	return is_inline(e);
}

/* The rule of markup.h said again: a scheme of three, a host or an '@',
 * printable ASCII but for a few. */
static int
url_shape(const char *u)
{
	const char	*rest;
	size_t		 i;

	for (i = 0; u[i] != '\0'; i++)
		if (u[i] <= ' ' || u[i] > '~' || strchr("\"'<>()\\`", u[i]))
			return 0;
	if (strncasecmp(u, "mailto:", 7) == 0)
		return u[7] != '@' && strchr(u + 7, '@') != NULL;
	if (strncasecmp(u, "http://", 7) == 0)
		rest = u + 7;
	else if (strncasecmp(u, "https://", 8) == 0)
		rest = u + 8;
	else
		return 0;
	return rest[0] != '\0' && strchr("/?#@:", rest[0]) == NULL;
}

/* Reads the href value up to its '"', decoding the entities; checks it. */
static void
check_href(struct html *h)
{
	static char	 url[MARKUP_URL_MAX + 1];
	size_t		 n = 0;

	while (h->i < h->len && h->p[h->i] != '"') {
		CHECK(h->p[h->i] != '<' && h->p[h->i] != '>');
		if (h->p[h->i] == '&') {
			CHECK(strncmp(h->p + h->i, "&amp;", 5) == 0);
			h->i += 4;
		}
		CHECK(n < MARKUP_URL_MAX);
		url[n++] = h->p[h->i++];
	}
	CHECK(h->i + 1 < h->len && strncmp(h->p + h->i, "\">", 2) == 0);
	h->i += 2;
	url[n] = '\0';
	CHECK(url_shape(url));
	CHECK(markup_url_ok(url, n));
}

/* The tag at h->i (its '<'). */
static void
check_tag(struct html *h)
{
	const char	*t = h->p + h->i + 1;
	size_t		 n;
	int		 close = 0, e;

	if (strncmp(t, "br>", 3) == 0) {
		CHECK(may_open(h, EL_EM));
		h->i += 4;
		return;
	}
	if (*t == '/') {
		close = 1;
		t++;
	}
	for (e = 0; e < EL__MAX; e++) {
		n = strlen(el_names[e]);
		if (strncmp(t, el_names[e], n) != 0)
			continue;
		if (e == EL_H) {
			if (t[n] >= '1' && t[n] <= '6' && t[n + 1] == '>')
				break;
			continue;
		}
		if (e == EL_A && !close && strncmp(t + n, " href=\"", 7) == 0)
			break;
		if (t[n] == '>')
			break;
	}
	CHECK(e < EL__MAX);
	h->i = (size_t)(t - h->p) + n + (e == EL_H ? 2 : 1);
	if (close) {
		CHECK(h->depth > 0 && h->stack[h->depth - 1] == (enum el)e);
		h->depth--;
		return;
	}
	CHECK(may_open(h, (enum el)e) && h->depth < DEPTH_MAX);
	h->stack[h->depth++] = (enum el)e;
	if (e == EL_A) {
		h->i += strlen(" href=\"") - 1;
		check_href(h);
	}
}

static void
check_html(const char *p, size_t len)
{
	static const char *const entities[] = {
		"&amp;", "&lt;", "&gt;", "&quot;", "&#39;",
	};
	struct html	 h = { p, len, 0, { 0 }, 0 };
	size_t		 k;

	CHECK(valid_utf8(p, len) == VALID_OK);
	while (h.i < len) {
		unsigned char c = (unsigned char)p[h.i];

		if (c == '<') {
			check_tag(&h);
			continue;
		}
		if (c == '&') {
			for (k = 0; k < sizeof(entities) / sizeof(entities[0]);
			    k++)
				if (strncmp(p + h.i, entities[k],
				    strlen(entities[k])) == 0)
					break;
			CHECK(k < sizeof(entities) / sizeof(entities[0]));
			h.i += strlen(entities[k]);
			continue;
		}
		CHECK(c != '>' && c != '"' && c != '\'' && c != 0x7f);
		CHECK(c >= 0x20 || c == '\n');
		/* Text only inside a text block. */
		CHECK(c == '\n' || (h.depth > 0 &&
		    h.stack[h.depth - 1] != EL_UL &&
		    h.stack[h.depth - 1] != EL_OL));
		h.i++;
	}
	CHECK(h.depth == 0);
}

static void
check_text(const char *p, size_t len)
{
	size_t	 i;

	CHECK(valid_utf8(p, len) == VALID_OK);
	for (i = 0; i < len; i++)
		CHECK((unsigned char)p[i] >= 0x20 || p[i] == '\n');
	CHECK(memchr(p, 0x7f, len) == NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf	 html, again, text;
	const char	*src = (const char *)data + 1;
	size_t		 len, r;
	int		 level;

	if (size < 1 || size - 1 > FUZZ_IN_MAX)
		return 0;
	len = size - 1;
	level = data[0] % 8;
	buf_init(&html);
	buf_init(&again);
	buf_init(&text);
	r = markup_render(&html, MARKUP_HTML, src, len, level);
	CHECK(!buf_failed(&html));
	check_html(html.p != NULL ? html.p : "", html.len);
	CHECK(html.len <= 16 * len + 64);
	CHECK(markup_render(&again, MARKUP_HTML, src, len, level) == r);
	CHECK(again.len == html.len &&
	    (html.len == 0 || memcmp(again.p, html.p, html.len) == 0));
	CHECK(markup_render(&text, MARKUP_TEXT, src, len, level) == r);
	CHECK(!buf_failed(&text));
	check_text(text.p != NULL ? text.p : "", text.len);
	CHECK(text.len <= 16 * len + 64);
	buf_free(&html);
	buf_free(&again);
	buf_free(&text);
	return 0;
}
