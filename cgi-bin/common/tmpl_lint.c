/*
 * Finding words outside phrase markers in a template (tmpl_lint.h).  The
 * text is copied with every {{...}} tag and [[...]] marker blanked out
 * (line breaks kept, so offsets still give lines), then read as HTML:
 * the text between tags, and the attributes people read.  Not a full
 * HTML parser: enough for weft's templates, which carry no script or
 * style (the Content-Security-Policy forbids inline ones).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tmpl_lint.h"
#include "util.h"

#define TMPL_LINT_ATTRS_MAX	32

/* Attributes whose value is shown or read out to people. */
static const char *const tmpl_lint_attrs[] = {
	"title", "alt", "placeholder", "label", "aria-label",
	"aria-description", "aria-roledescription", "aria-valuetext",
};

/* The <input> types whose value is the text of a button. */
static const char *const tmpl_lint_buttons[] = {
	"submit", "button", "reset",
};

struct tmpl_lint {
	const char	*s;	/* the copy, tags and markers blanked */
	size_t		 len;
	tmpl_lint_fn	 report;
	void		*ctx;
	long		 n;
};

struct tmpl_lint_attr {
	const char	*name, *value;
	size_t		 nlen, vlen;
};

/* Blanks s[from, to) but its line breaks. */
static void
tmpl_lint_blank(char *s, size_t from, size_t to)
{
	for (; from < to; from++)
		if (s[from] != '\n')
			s[from] = ' ';
}

/* Blanks every open ... close of s (len bytes); an unclosed one to the
 * end (the marker check says what is wrong with it). */
static void
tmpl_lint_blank_all(char *s, size_t len, const char *open, const char *close)
{
	const char	*o, *c;
	size_t		 from = 0, to;

	while ((o = memmem(s + from, len - from, open, 2)) != NULL) {
		from = (size_t)(o - s);
		c = memmem(s + from + 2, len - from - 2, close, 2);
		to = c != NULL ? (size_t)(c - s) + 2 : len;
		tmpl_lint_blank(s, from, to);
		from = to;
	}
}

/* The length of the letter at p (n bytes left): an ASCII letter, or a
 * two-byte UTF-8 letter (Latin, Greek, Cyrillic, Hebrew, Arabic: lead
 * bytes C3-DB, but for U+00D7 and U+00F7); 0 when p is no letter. */
static size_t
tmpl_lint_letter(const unsigned char *p, size_t n)
{
	if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
		return 1;
	if (n < 2 || *p < 0xc3 || *p > 0xdb || (p[1] & 0xc0) != 0x80)
		return 0;
	if (*p == 0xc3 && (p[1] == 0x97 || p[1] == 0xb7))
		return 0;
	return 2;
}

/* The length of the character reference (&amp; &#8212;) at p, or 0. */
static size_t
tmpl_lint_entity(const char *p, size_t n)
{
	size_t	 i;

	for (i = 1; i < n && i < 34; i++)
		if (p[i] == ';')
			return i > 1 ? i + 1 : 0;
		else if (!((p[i] >= 'a' && p[i] <= 'z') ||
		    (p[i] >= 'A' && p[i] <= 'Z') ||
		    (p[i] >= '0' && p[i] <= '9') || p[i] == '#'))
			return 0;
	return 0;
}

static unsigned
tmpl_lint_line(const struct tmpl_lint *l, size_t at)
{
	unsigned	 line = 1;
	size_t		 i;

	for (i = 0; i < at; i++)
		line += l->s[i] == '\n';
	return line;
}

/* Reports s[from, to) when it holds a letter, its blanks trimmed. */
static void
tmpl_lint_piece(struct tmpl_lint *l, size_t from, size_t to,
    const char *where)
{
	const unsigned char	*s = (const unsigned char *)l->s;
	size_t			 i, k, first = to;

	for (i = from; i < to && first == to; i += k > 0 ? k : 1)
		if (s[i] == '&' && (k = tmpl_lint_entity(l->s + i, to - i)) > 0)
			continue;
		else if ((k = tmpl_lint_letter(s + i, to - i)) > 0)
			first = i;
	if (first == to)
		return;
	while (from < to && (s[from] == ' ' || s[from] == '\t' ||
	    s[from] == '\n'))
		from++;
	while (to > from && (s[to - 1] == ' ' || s[to - 1] == '\t' ||
	    s[to - 1] == '\n'))
		to--;
	l->n++;
	l->report(l->ctx, tmpl_lint_line(l, first), where, l->s + from,
	    to - from);
}

static int
tmpl_lint_is(const struct tmpl_lint_attr *a, const char *name)
{
	return a->nlen == strlen(name) && strncasecmp(a->name, name,
	    a->nlen) == 0;
}

/* The attributes of a start tag: those read by people, and an input
 * button's value. */
static void
tmpl_lint_attrs_check(struct tmpl_lint *l, const char *tag, size_t tlen,
    const struct tmpl_lint_attr *a, size_t n)
{
	const struct tmpl_lint_attr	*type = NULL, *value = NULL;
	size_t				 i, k;

	for (i = 0; i < n; i++) {
		if (tmpl_lint_is(&a[i], "type"))
			type = &a[i];
		else if (tmpl_lint_is(&a[i], "value"))
			value = &a[i];
		for (k = 0; k < NELEM(tmpl_lint_attrs); k++)
			if (tmpl_lint_is(&a[i], tmpl_lint_attrs[k]))
				tmpl_lint_piece(l, (size_t)(a[i].value - l->s),
				    (size_t)(a[i].value - l->s) + a[i].vlen,
				    tmpl_lint_attrs[k]);
	}
	if (tlen != 5 || strncasecmp(tag, "input", 5) != 0 || type == NULL ||
	    value == NULL)
		return;
	for (k = 0; k < NELEM(tmpl_lint_buttons); k++)
		if (type->vlen == strlen(tmpl_lint_buttons[k]) &&
		    strncasecmp(type->value, tmpl_lint_buttons[k],
		    type->vlen) == 0)
			tmpl_lint_piece(l, (size_t)(value->value - l->s),
			    (size_t)(value->value - l->s) + value->vlen,
			    "value");
}

/* One attribute at s[*i] (name, and value when there is one) into a;
 * *i past it. */
static void
tmpl_lint_attr_read(const struct tmpl_lint *l, size_t *i,
    struct tmpl_lint_attr *a)
{
	const char	*s = l->s;
	size_t		 j = *i;
	char		 q;

	a->name = s + j;
	while (j < l->len && strchr(" \t\n=>/", s[j]) == NULL)
		j++;
	a->nlen = (size_t)(s + j - a->name);
	a->value = s + j;
	a->vlen = 0;
	while (j < l->len && strchr(" \t\n", s[j]) != NULL)
		j++;
	if (j < l->len && s[j] == '=') {
		for (j++; j < l->len && strchr(" \t\n", s[j]) != NULL; j++)
			;
		q = j < l->len && (s[j] == '"' || s[j] == '\'') ? s[j++] : 0;
		a->value = s + j;
		while (j < l->len && (q ? s[j] != q :
		    strchr(" \t\n>", s[j]) == NULL))
			j++;
		a->vlen = (size_t)(s + j - a->value);
		if (q && j < l->len)
			j++;
	}
	*i = j > *i ? j : *i + 1;
}

/* The tag at s[i] ('<' then a letter); returns where its text ends. */
static size_t
tmpl_lint_tag(struct tmpl_lint *l, size_t i)
{
	struct tmpl_lint_attr	 a[TMPL_LINT_ATTRS_MAX];
	const char		*s = l->s, *tag = s + i + 1, *end;
	size_t			 n = 0, tlen;

	for (i++; i < l->len && strchr(" \t\n>/", s[i]) == NULL; i++)
		;
	tlen = (size_t)(s + i - tag);
	while (i < l->len && s[i] != '>') {
		if (strchr(" \t\n/", s[i]) != NULL) {
			i++;
			continue;
		}
		tmpl_lint_attr_read(l, &i, &a[n < TMPL_LINT_ATTRS_MAX ? n :
		    TMPL_LINT_ATTRS_MAX - 1]);
		if (n < TMPL_LINT_ATTRS_MAX)
			n++;
	}
	tmpl_lint_attrs_check(l, tag, tlen, a, n);
	i = i < l->len ? i + 1 : l->len;
	/* A script's or style's content is not text (and weft has none). */
	if ((tlen == 6 && strncasecmp(tag, "script", 6) == 0) ||
	    (tlen == 5 && strncasecmp(tag, "style", 5) == 0)) {
		end = memmem(s + i, l->len - i, tlen == 6 ? "</script" :
		    "</style", tlen + 2);
		i = end != NULL ? (size_t)(end - s) : l->len;
	}
	return i;
}

/* Where the comment, declaration or end tag at s[i] ends. */
static size_t
tmpl_lint_skip(const struct tmpl_lint *l, size_t i)
{
	const char	*e;

	if (l->len - i >= 4 && memcmp(l->s + i, "<!--", 4) == 0) {
		e = memmem(l->s + i + 4, l->len - i - 4, "-->", 3);
		return e != NULL ? (size_t)(e - l->s) + 3 : l->len;
	}
	e = memchr(l->s + i, '>', l->len - i);
	return e != NULL ? (size_t)(e - l->s) + 1 : l->len;
}

long
tmpl_lint_words(const char *s, size_t len, tmpl_lint_fn report, void *ctx)
{
	struct tmpl_lint	 l;
	char			*copy, c;
	size_t			 i = 0, text = 0;

	if ((copy = malloc(len + 1)) == NULL)
		return -1;
	memcpy(copy, s, len);
	copy[len] = '\0';
	tmpl_lint_blank_all(copy, len, "{{", "}}");
	tmpl_lint_blank_all(copy, len, "[[", "]]");
	l = (struct tmpl_lint){ copy, len, report, ctx, 0 };
	while (i < len) {
		c = i + 1 < len ? copy[i + 1] : '\0';
		if (copy[i] != '<' || !(c == '!' || c == '?' || c == '/' ||
		    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
			i++;
			continue;
		}
		tmpl_lint_piece(&l, text, i, "text");
		i = c == '!' || c == '?' || c == '/' ? tmpl_lint_skip(&l, i) :
		    tmpl_lint_tag(&l, i);
		text = i;
	}
	tmpl_lint_piece(&l, text, len, "text");
	free(copy);
	return l.n;
}
