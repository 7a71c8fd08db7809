/*
 * The safe markup (markup.h): a line-by-line block parser, an inline
 * tokenizer run twice over each line (once to count the emphasis markers
 * that can close, once to write), and two writers, HTML and plain text,
 * that differ only in the strings of their tags and in escaping.
 *
 * Nothing here copies a byte of the source to the output without passing
 * it through mk_text(), which escapes HTML's five special characters,
 * drops controls and replaces what is not UTF-8: the only markup in the
 * output is the tags of mk_html[], and link addresses that
 * markup_url_ok() accepted, escaped the same way.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "markup.h"
#include "util.h"
#include "valid.h"

enum mk_block {
	MK_NONE,
	MK_PARA,
	MK_UL,
	MK_OL
};

enum mk_tag {
	MK_P,
	MK_UL_TAG,
	MK_OL_TAG,
	MK_LI,
	MK_EM,
	MK_STRONG,
	MK_BR,
	MK_TAG__MAX
};

/* The tags each format writes, opening and closing (headings apart:
 * their level is a number). */
static const char *const mk_html[MK_TAG__MAX][2] = {
	[MK_P] = { "<p>", "</p>\n" },
	[MK_UL_TAG] = { "<ul>\n", "</ul>\n" },
	[MK_OL_TAG] = { "<ol>\n", "</ol>\n" },
	[MK_LI] = { "<li>", "</li>\n" },
	[MK_EM] = { "<em>", "</em>" },
	[MK_STRONG] = { "<strong>", "</strong>" },
	[MK_BR] = { "<br>\n", "" },
};
static const char *const mk_plain[MK_TAG__MAX][2] = {
	[MK_P] = { "", "\n" },
	[MK_UL_TAG] = { "", "" },
	[MK_OL_TAG] = { "", "" },
	[MK_LI] = { "- ", "\n" },
	[MK_EM] = { "*", "*" },
	[MK_STRONG] = { "*", "*" },
	[MK_BR] = { "\n", "" },
};

/* HTML's entities for the characters that may end text or a value. */
static const char *const mk_entities[][2] = {
	{ "&", "&amp;" }, { "<", "&lt;" }, { ">", "&gt;" },
	{ "\"", "&quot;" }, { "'", "&#39;" },
};

#define MK_REPLACEMENT	"\xef\xbf\xbd"	/* U+FFFD */

struct mk {
	struct buf		*out;
	enum markup_format	 format;
	int			 heading;	/* level of "#" */
	size_t			 refused;
	enum mk_block		 block;
	int			 blocks;	/* begun so far */
	int			 item;		/* of the current list */
};

/* The two kinds of emphasis, as the inline pass tracks them. */
enum mk_kind {
	MK_KIND_EM,
	MK_KIND_STRONG,
	MK_KIND__MAX
};

enum mk_tok {
	TOK_TEXT,	/* bytes written as text */
	TOK_STARS,	/* 1 to 3 '*' */
	TOK_LINK
};

struct mk_token {
	enum mk_tok	 kind;
	size_t		 start, len;	/* of the text; of the run of '*' */
	size_t		 end;		/* where the next token starts */
	int		 can_open;	/* a non-blank follows */
	int		 can_close;	/* a non-blank precedes */
	size_t		 text, textlen;	/* TOK_LINK: within the span */
	size_t		 url, urllen;
};

static int
mk_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int
mk_punct(char c)
{
	return c > 0x20 && c < 0x7f && !(c >= '0' && c <= '9') &&
	    !((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Writes s[0..n) as text: escaped for HTML, controls dropped (a tab as a
 * space), each byte that is not UTF-8 as U+FFFD. */
static void
mk_text(struct mk *m, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, k, e;
	uint32_t		 cp;

	while (i < n) {
		for (k = i; k < n && p[k] >= 0x20 && p[k] < 0x7f &&
		    strchr("&<>\"'", p[k]) == NULL; k++)
			continue;
		buf_append(m->out, s + i, k - i);
		if ((i = k) == n)
			break;
		if (p[i] == '\0' || (k = valid_utf8_next(p + i, n - i,
		    &cp)) == 0) {
			if (p[i] != '\0')
				buf_puts(m->out, MK_REPLACEMENT);
			i++;
			continue;
		}
		if (cp == '\t')
			buf_puts(m->out, " ");
		else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			;	/* a control: dropped */
		else if (cp < 0x80 && m->format == MARKUP_HTML) {
			for (e = 0; mk_entities[e][0][0] != (char)cp; e++)
				continue;
			buf_puts(m->out, mk_entities[e][1]);
		} else
			buf_append(m->out, s + i, k);
		i += k;
	}
}

static void
mk_tag(struct mk *m, enum mk_tag t, int close)
{
	int	 list = m->block == MK_UL || m->block == MK_OL;

	if (m->format == MARKUP_HTML) {
		buf_puts(m->out, mk_html[t][close]);
		return;
	}
	/* Plain text: a blank line between blocks, numbers, indents. */
	if (!close && (t == MK_P || t == MK_UL_TAG || t == MK_OL_TAG) &&
	    m->blocks > 0)
		buf_puts(m->out, "\n");
	if (t == MK_LI && !close && m->block == MK_OL)
		buf_printf(m->out, "%d. ", m->item);
	else if (t == MK_BR && list)
		buf_puts(m->out, "\n   ");
	else
		buf_puts(m->out, mk_plain[t][close]);
}

static void
mk_heading_tag(struct mk *m, int level, int close)
{
	if (m->format == MARKUP_HTML)
		buf_printf(m->out, close ? "</h%d>\n" : "<h%d>", level);
	else if (close)
		buf_puts(m->out, "\n");
	else if (m->blocks > 0)
		buf_puts(m->out, "\n");
}

/* Ends the paragraph or list being written. */
static void
mk_close(struct mk *m)
{
	switch (m->block) {
	case MK_PARA:
		mk_tag(m, MK_P, 1);
		break;
	case MK_UL:
	case MK_OL:
		mk_tag(m, MK_LI, 1);
		mk_tag(m, m->block == MK_UL ? MK_UL_TAG : MK_OL_TAG, 1);
		break;
	case MK_NONE:
		break;
	}
	m->block = MK_NONE;
}

/*
 * "[text](address)" at s[i]: 1 with the token filled, else 0.  The text
 * has no unescaped '[' or ']', the address no ')'; both are bounded, so
 * that a line of many '[' costs no more than a constant per byte.
 */
static int
mk_link(const char *s, size_t n, size_t i, struct mk_token *t)
{
	size_t	 j, lim;

	lim = n - i > MARKUP_LINK_TEXT_MAX + 1 ? i + MARKUP_LINK_TEXT_MAX + 1 :
	    n;
	for (j = i + 1; j < lim && s[j] != ']'; j++) {
		if (s[j] == '[')
			return 0;
		if (s[j] == '\\' && j + 1 < lim && mk_punct(s[j + 1]))
			j++;
	}
	if (j >= lim || j + 1 >= n || s[j + 1] != '(')
		return 0;
	t->text = i + 1;
	t->textlen = j - i - 1;
	t->url = j + 2;
	lim = n - t->url > MARKUP_URL_MAX ? t->url + MARKUP_URL_MAX : n;
	for (j = t->url; j < lim && s[j] != ')'; j++)
		continue;
	if (j >= lim)
		return 0;
	t->urllen = j - t->url;
	t->kind = TOK_LINK;
	t->end = j + 1;
	return 1;
}

/* The token that starts at s[i] of the span s[0..n). */
static void
mk_next(const char *s, size_t n, size_t i, struct mk_token *t)
{
	size_t	 j;

	memset(t, 0, sizeof(*t));
	t->kind = TOK_TEXT;
	t->start = i;
	if (s[i] == '\\' && i + 1 < n && mk_punct(s[i + 1])) {
		t->start = i + 1;
		t->len = 1;
		t->end = i + 2;
		return;
	}
	if (s[i] == '[' && mk_link(s, n, i, t))
		return;
	if (s[i] == '*') {
		for (j = i; j < n && s[j] == '*'; j++)
			continue;
		t->len = j - i;
		t->end = j;
		if (t->len <= 3) {
			t->kind = TOK_STARS;
			t->can_open = j < n && !mk_blank(s[j]);
			t->can_close = i > 0 && !mk_blank(s[i - 1]);
		}
		return;
	}
	for (j = i + 1; j < n && s[j] != '\\' && s[j] != '[' && s[j] != '*';
	    j++)
		continue;
	t->len = j - i;
	t->end = j;
}

/* Does a run of stars stand for kind k (1: em, 2: strong, 3: both)? */
static int
mk_has(const struct mk_token *t, enum mk_kind k)
{
	return t->len == 3 || t->len == (k == MK_KIND_EM ? 1u : 2u);
}

static void
mk_link_out(struct mk *m, const char *s, const struct mk_token *t)
{
	const char	*u = s + t->url;
	size_t		 i, j;

	if (!markup_url_ok(u, t->urllen)) {
		m->refused++;
		u = NULL;
	} else if (m->format == MARKUP_HTML) {
		buf_puts(m->out, "<a href=\"");
		mk_text(m, u, t->urllen);
		buf_puts(m->out, "\">");
	}
	/* The text, its escapes undone; the address when there is none. */
	for (i = j = t->text; j < t->text + t->textlen; j++)
		if (s[j] == '\\' && mk_punct(s[j + 1])) {
			mk_text(m, s + i, j - i);
			i = ++j;
		}
	mk_text(m, s + i, j - i);
	if (u != NULL && t->textlen == 0)
		mk_text(m, u, t->urllen);
	if (u != NULL && m->format == MARKUP_HTML)
		buf_puts(m->out, "</a>");
	else if (u != NULL && t->textlen > 0) {
		buf_puts(m->out, " <");
		mk_text(m, u, t->urllen);
		buf_puts(m->out, ">");
	}
}

/* The state of emphasis along one line. */
struct mk_emph {
	size_t		 closers[MK_KIND__MAX];	/* markers left that close */
	enum mk_kind	 stack[MK_KIND__MAX];
	int		 depth;
};

static const enum mk_tag mk_kind_tags[MK_KIND__MAX] = { MK_EM, MK_STRONG };

static int
mk_open(const struct mk_emph *e, enum mk_kind k)
{
	int	 i;

	for (i = 0; i < e->depth; i++)
		if (e->stack[i] == k)
			return 1;
	return 0;
}

/* Closes k, and whatever was opened inside it, so that tags nest. */
static void
mk_close_to(struct mk *m, struct mk_emph *e, enum mk_kind k)
{
	while (e->depth > 0) {
		mk_tag(m, mk_kind_tags[e->stack[--e->depth]], 1);
		if (e->stack[e->depth] == k)
			break;
	}
}

/* A run of stars: closes what it can, opens what has a partner ahead,
 * writes the rest as text.  Strong opens before em, so that "***" nests. */
static void
mk_stars(struct mk *m, struct mk_emph *e, const struct mk_token *t)
{
	static const enum mk_kind order[] = { MK_KIND_STRONG, MK_KIND_EM };
	int		 done[MK_KIND__MAX] = { 0, 0 };
	size_t		 i, literal = 0;
	enum mk_kind	 k;

	/* What this run closes is decided before it closes anything: "***"
	 * after "*a **b" closes both, though closing em closes strong. */
	for (i = 0; i < NELEM(order); i++)
		if (mk_has(t, (k = order[i])) && t->can_close) {
			e->closers[k]--;
			done[k] = mk_open(e, k);
		}
	for (i = NELEM(order); i-- > 0;)
		if (done[(k = order[i])] && mk_open(e, k))
			mk_close_to(m, e, k);
	for (i = 0; i < NELEM(order); i++) {
		if (!mk_has(t, (k = order[i])) || done[k])
			continue;
		if (t->can_open && !mk_open(e, k) && e->closers[k] > 0) {
			mk_tag(m, mk_kind_tags[k], 0);
			e->stack[e->depth++] = k;
		} else
			literal += k == MK_KIND_EM ? 1 : 2;
	}
	buf_append(m->out, "***", literal);
}

/* One line's text, with its emphasis and links. */
static void
mk_inline(struct mk *m, const char *s, size_t n)
{
	struct mk_emph	 e;
	struct mk_token	 t;
	size_t		 i;

	memset(&e, 0, sizeof(e));
	for (i = 0; i < n; i = t.end) {
		mk_next(s, n, i, &t);
		if (t.kind == TOK_STARS && t.can_close) {
			e.closers[MK_KIND_EM] += mk_has(&t, MK_KIND_EM);
			e.closers[MK_KIND_STRONG] += mk_has(&t, MK_KIND_STRONG);
		}
	}
	for (i = 0; i < n; i = t.end) {
		mk_next(s, n, i, &t);
		if (t.kind == TOK_STARS)
			mk_stars(m, &e, &t);
		else if (t.kind == TOK_LINK)
			mk_link_out(m, s, &t);
		else
			mk_text(m, s + t.start, t.len);
	}
	while (e.depth > 0)
		mk_tag(m, mk_kind_tags[e.stack[--e.depth]], 1);
}

/* "# ", "## ", "### " and some text: the heading's rank (1..3) and the
 * text's offset, else 0. */
static int
mk_heading(const char *s, size_t n, size_t *skip)
{
	size_t	 i;

	for (i = 0; i < n && i < 4 && s[i] == '#'; i++)
		continue;
	if (i == 0 || i > 3 || i >= n || !mk_blank(s[i]))
		return 0;
	for (*skip = i; *skip < n && mk_blank(s[*skip]); (*skip)++)
		continue;
	return *skip < n ? (int)i : 0;
}

/* "- ", "* ", "12. ", "3) ": the kind of list and the text's offset. */
static enum mk_block
mk_item(const char *s, size_t n, size_t *skip)
{
	size_t		 i = 0;
	enum mk_block	 kind = MK_UL;

	if (n >= 2 && (s[0] == '-' || s[0] == '*'))
		i = 1;
	else {
		while (i < n && i < 10 && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == 0 || i == 10 || i >= n || (s[i] != '.' && s[i] != ')'))
			return MK_NONE;
		i++;
		kind = MK_OL;
	}
	if (i >= n || !mk_blank(s[i]))
		return MK_NONE;
	for (*skip = i; *skip < n && mk_blank(s[*skip]); (*skip)++)
		continue;
	return kind;
}

static void
mk_begin(struct mk *m, enum mk_block block, enum mk_tag tag)
{
	mk_tag(m, tag, 0);
	m->blocks++;
	m->block = block;
	m->item = 0;
}

/* One line of the source, its line break gone. */
static void
mk_line(struct mk *m, const char *s, size_t n)
{
	size_t		 i = 0, skip = 0;
	enum mk_block	 kind;
	int		 rank, level;

	while (n > 0 && (mk_blank(s[n - 1]) || s[n - 1] == '\r'))
		n--;
	while (i < n && mk_blank(s[i]))
		i++;
	s += i;
	n -= i;
	if (n == 0) {
		mk_close(m);
	} else if ((rank = mk_heading(s, n, &skip)) > 0) {
		mk_close(m);
		level = m->heading + rank - 1 > 6 ? 6 : m->heading + rank - 1;
		mk_heading_tag(m, level, 0);
		m->blocks++;
		mk_inline(m, s + skip, n - skip);
		mk_heading_tag(m, level, 1);
	} else if ((kind = mk_item(s, n, &skip)) != MK_NONE) {
		if (m->block != kind) {
			mk_close(m);
			mk_begin(m, kind, kind == MK_UL ? MK_UL_TAG :
			    MK_OL_TAG);
		} else
			mk_tag(m, MK_LI, 1);
		m->item++;
		mk_tag(m, MK_LI, 0);
		mk_inline(m, s + skip, n - skip);
	} else {
		if (m->block == MK_NONE)
			mk_begin(m, MK_PARA, MK_P);
		else
			mk_tag(m, MK_BR, 0);
		mk_inline(m, s, n);
	}
}

size_t
markup_render(struct buf *out, enum markup_format format, const char *src,
    size_t len, int heading)
{
	struct mk	 m;
	const char	*nl;
	size_t		 i, n;

	memset(&m, 0, sizeof(m));
	m.out = out;
	m.format = format;
	m.heading = heading < 1 ? 1 : heading > 6 ? 6 : heading;
	for (i = 0; src != NULL && i < len; i += n + 1) {
		nl = memchr(src + i, '\n', len - i);
		n = nl != NULL ? (size_t)(nl - (src + i)) : len - i;
		mk_line(&m, src + i, n);
	}
	mk_close(&m);
	return m.refused;
}

int
markup_url_ok(const char *url, size_t len)
{
	static const char *const schemes[] = {
		"http://", "https://", "mailto:"
	};
	const char	*rest;
	size_t		 i, k, sl = 0;

	for (i = 0; i < len; i++)
		if ((unsigned char)url[i] <= 0x20 ||
		    (unsigned char)url[i] >= 0x7f ||
		    strchr("\"'<>()\\`", url[i]) != NULL)
			return 0;
	for (k = 0; k < NELEM(schemes); k++) {
		sl = strlen(schemes[k]);
		if (len > sl && strncasecmp(url, schemes[k], sl) == 0)
			break;
	}
	if (k == NELEM(schemes))
		return 0;
	rest = url + sl;
	if (k == 2)
		return rest[0] != '@' && memchr(rest, '@', len - sl) != NULL;
	return strchr("/?#@:", rest[0]) == NULL;
}
