/*
 * Reading and writing PO files (po.h).  The reader takes what gettext's
 * tools write: comments (only "#, fuzzy" counts), msgctxt, msgid,
 * msgid_plural, msgstr and msgstr[N], each a string continued on lines
 * of their own, the escapes \\ \" \n \t; obsolete entries ("#~") are
 * skipped.  Anything else is an error naming its line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "po.h"
#include "util.h"

#define PO_ENTRIES_MAX	20000

void
po_string(struct buf *b, const char *s)
{
	buf_puts(b, "\"");
	for (; *s != '\0'; s++)
		switch (*s) {
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case '"':
			buf_puts(b, "\\\"");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		case '\t':
			buf_puts(b, "\\t");
			break;
		default:
			buf_append(b, s, 1);
		}
	buf_puts(b, "\"");
}

struct po_reader {
	struct po_file	*f;
	struct po_entry	 cur;
	struct buf	*into;		/* the string being continued */
	struct buf	 part[3 + PLURAL_FORMS_MAX];	/* ctxt id plural str */
	int		 has[3 + PLURAL_FORMS_MAX];
	int		 fuzzy;
	int		 indexed;	/* msgstr[N] rather than msgstr */
	unsigned	 line, start;
	char		*err;
	size_t		 errlen;
};

static int
po_fail(struct po_reader *r, const char *what)
{
	snprintf(r->err, r->errlen, "line %u: %s", r->line, what);
	return -1;
}

/* The string literal at s (after blanks) appended to b. */
static int
po_literal(struct po_reader *r, const char *s, struct buf *b)
{
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s++ != '"')
		return po_fail(r, "a string in double quotes was expected");
	for (; *s != '"'; s++) {
		if (*s == '\0')
			return po_fail(r, "the string does not end");
		if (*s != '\\') {
			buf_append(b, s, 1);
			continue;
		}
		switch (*++s) {
		case 'n': buf_puts(b, "\n"); break;
		case 't': buf_puts(b, "\t"); break;
		case '"': buf_puts(b, "\""); break;
		case '\\': buf_puts(b, "\\"); break;
		default:
			return po_fail(r, "an unknown escape after a backslash");
		}
	}
	for (s++; *s == ' ' || *s == '\t'; s++)
		;
	return *s == '\0' ? 0 : po_fail(r, "text after the string");
}

/* The Language and Plural-Forms of the header entry. */
static void
po_header(struct po_reader *r, const char *h)
{
	const char	*s;
	size_t		 n;

	if ((s = strstr(h, "Language:")) != NULL) {
		for (s += 9; *s == ' '; s++)
			;
		n = strcspn(s, "\n ");
		snprintf(r->f->lang, sizeof(r->f->lang), "%.*s", (int)n, s);
	}
	if ((s = strstr(h, "nplurals=")) != NULL)
		r->f->nplurals = atoi(s + 9);
}

static char *
po_take(struct buf *b)
{
	char	*s = strdup(b->p != NULL ? b->p : "");

	buf_reset(b);
	return s;
}

/* The entry read so far, if any, added to the file. */
static int
po_flush(struct po_reader *r)
{
	struct po_file	*f = r->f;
	struct po_entry	*e, *v;
	int		 i;

	if (!r->has[1]) {
		if (r->has[0] || r->has[2] || r->has[3])
			return po_fail(r, "an entry without msgid");
		return 0;	/* nothing yet: its flags stay for it */
	}
	if (!r->has[3])
		return po_fail(r, "an entry without msgstr");
	if (r->indexed != r->has[2])
		return po_fail(r, "msgid_plural goes with msgstr[N], and msgstr[N] "
		    "with msgid_plural");
	if (r->part[1].len == 0 && !r->has[0]) {	/* the header */
		po_header(r, r->part[3].p != NULL ? r->part[3].p : "");
		for (i = 0; i < 3 + PLURAL_FORMS_MAX; i++) {
			buf_reset(&r->part[i]);
			r->has[i] = 0;
		}
		r->fuzzy = r->indexed = 0;
		return 0;
	}
	if (f->n == PO_ENTRIES_MAX)
		return po_fail(r, "too many entries");
	if ((v = realloc(f->e, (f->n + 1) * sizeof(*v))) == NULL)
		return po_fail(r, "out of memory");
	f->e = v;
	e = &f->e[f->n++];
	memset(e, 0, sizeof(*e));
	e->line = r->start;
	e->fuzzy = r->fuzzy;
	e->ctxt = r->has[0] ? po_take(&r->part[0]) : NULL;
	e->id = po_take(&r->part[1]);
	e->id_plural = r->has[2] ? po_take(&r->part[2]) : NULL;
	for (i = 0; i < PLURAL_FORMS_MAX && r->has[3 + i]; i++)
		e->str[e->nstr++] = po_take(&r->part[3 + i]);
	for (i = 0; i < 3 + PLURAL_FORMS_MAX; i++) {
		buf_reset(&r->part[i]);
		r->has[i] = 0;
	}
	r->fuzzy = r->indexed = 0;
	return 0;
}

/* A keyword line: which part it starts. */
static int
po_keyword(struct po_reader *r, const char *s)
{
	static const char *const kw[] = { "msgctxt", "msgid_plural", "msgid" };
	static const int part[] = { 0, 2, 1 };
	size_t	 i, n;
	int	 p = -1;
	char	*end;
	long	 k;

	for (i = 0; i < NELEM(kw) && p == -1; i++)
		if (strncmp(s, kw[i], n = strlen(kw[i])) == 0 &&
		    (s[n] == ' ' || s[n] == '"'))
			p = part[i], s += n;
	if (p == -1 && strncmp(s, "msgstr", 6) == 0) {
		s += 6;
		k = 0;
		if (*s == '[' || r->has[3])
			r->indexed = *s == '[';
		if (*s == '[') {
			k = strtol(s + 1, &end, 10);
			if (end == s + 1 || *end != ']' || k < 0 ||
			    k >= PLURAL_FORMS_MAX)
				return po_fail(r, "msgstr[N] with N out of "
				    "0..5");
			s = end + 1;
		}
		p = 3 + (int)k;
		if (k > 0 && !r->has[2 + (int)k])
			return po_fail(r, "msgstr[N] out of order");
	}
	if (p == -1)
		return po_fail(r, "an unknown keyword");
	if ((p == 0 || (p == 1 && !r->has[0])) && po_flush(r) == -1)
		return -1;
	if (r->has[1] == 0 && p == 1)
		r->start = r->line;
	if (r->has[p])
		return po_fail(r, "a keyword given twice in one entry");
	r->has[p] = 1;
	r->into = &r->part[p];
	return po_literal(r, s, r->into);
}

static int
po_line(struct po_reader *r, const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0') {
		r->into = NULL;
		return 0;
	}
	if (s[0] == '#') {
		if (r->has[3] && po_flush(r) == -1)
			return -1;
		r->into = NULL;
		if (s[1] == ',' && strstr(s, "fuzzy") != NULL)
			r->fuzzy = 1;
		return 0;
	}
	if (s[0] == '"') {
		if (r->into == NULL)
			return po_fail(r, "a string continues nothing");
		return po_literal(r, s, r->into);
	}
	return po_keyword(r, s);
}

int
po_read(const char *text, struct po_file *f, char *err, size_t len)
{
	struct po_reader	 r;
	const char		*s = text, *nl;
	char			 line[8192];
	size_t			 n, i;
	int			 rc = 0;

	memset(f, 0, sizeof(*f));
	memset(&r, 0, sizeof(r));
	r.f = f;
	r.err = err;
	r.errlen = len;
	for (i = 0; i < NELEM(r.part); i++)
		buf_init(&r.part[i]);
	while (rc == 0 && *s != '\0') {
		r.line++;
		nl = strchr(s, '\n');
		n = nl != NULL ? (size_t)(nl - s) : strlen(s);
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (n >= sizeof(line))
			rc = po_fail(&r, "a line too long");
		else {
			memcpy(line, s, n);
			line[n] = '\0';
			rc = po_line(&r, line);
		}
		s = nl != NULL ? nl + 1 : s + strlen(s);
	}
	if (rc == 0)
		rc = po_flush(&r);
	for (i = 0; i < NELEM(r.part); i++)
		buf_free(&r.part[i]);
	if (rc == -1)
		po_free(f);
	return rc;
}

void
po_free(struct po_file *f)
{
	size_t	 i;
	int	 k;

	for (i = 0; i < f->n; i++) {
		free(f->e[i].ctxt);
		free(f->e[i].id);
		free(f->e[i].id_plural);
		for (k = 0; k < f->e[i].nstr; k++)
			free(f->e[i].str[k]);
	}
	free(f->e);
	memset(f, 0, sizeof(*f));
}
