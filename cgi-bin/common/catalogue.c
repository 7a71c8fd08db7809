/*
 * Reading the English source catalogue (catalogue.h has the format).
 * The files are small and read once per process: each is read whole and
 * every string is a copy of its own, so a struct catalogue outlives the
 * text it came from.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalogue.h"
#include "util.h"

#define CATALOGUE_FILE_MAX	(1024 * 1024)

int
catalogue_key_ok(const char *s, size_t len)
{
	size_t	 i, seg = 0, dots = 0;

	if (len == 0 || len >= CATALOGUE_KEY_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '.') {
			if (seg == 0)
				return 0;
			seg = 0;
			dots++;
		} else if ((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_')
			seg++;
		else
			return 0;
	}
	return seg > 0 && dots > 0;
}

/* The state of one file being read. */
struct catalogue_reader {
	struct catalogue	*c;
	const char		*path;
	const char		*area;
	unsigned		 line;
	struct buf		 note;	/* comment lines above the next key */
	struct buf		*text;	/* where a continuation line goes */
	struct buf		 value;
	int			 plural;/* 1: a [one] waits for its [other] */
	char			*err;
	size_t			 errlen;
};

static enum weft_err
catalogue_fail(struct catalogue_reader *r, const char *what)
{
	snprintf(r->err, r->errlen, "%s:%u: %s", r->path, r->line, what);
	return WEFT_ERR_INVALID;
}

/* Appends the text s (n bytes) to b with its escapes undone. */
static enum weft_err
catalogue_unescape(struct catalogue_reader *r, struct buf *b, const char *s,
    size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (s[i] != '\\') {
			buf_append(b, s + i, 1);
			continue;
		}
		if (++i == n || (s[i] != 'n' && s[i] != '\\'))
			return catalogue_fail(r, "only \\n and \\\\ may follow "
			    "a backslash");
		buf_append(b, s[i] == 'n' ? "\n" : "\\", 1);
	}
	return WEFT_OK;
}

static char *
catalogue_dup(const char *s)
{
	return strdup(s != NULL ? s : "");
}

/* A new phrase, its text filled in by catalogue_flush(). */
static enum weft_err
catalogue_add(struct catalogue_reader *r, const char *key)
{
	struct catalogue		*c = r->c;
	struct catalogue_phrase		*p, *v;
	size_t				 cap;

	if (c->n == c->cap) {
		cap = c->cap != 0 ? 2 * c->cap : 256;
		if ((v = realloc(c->p, cap * sizeof(*v))) == NULL)
			return WEFT_ERR_NOMEM;
		c->p = v;
		c->cap = cap;
	}
	p = &c->p[c->n++];
	memset(p, 0, sizeof(*p));
	p->line = r->line;
	if ((p->key = catalogue_dup(key)) == NULL ||
	    (p->area = catalogue_dup(r->area)) == NULL ||
	    (p->note = catalogue_dup(r->note.p)) == NULL ||
	    (p->one = catalogue_dup(r->value.p)) == NULL ||
	    (p->file = catalogue_dup(r->path)) == NULL)
		return WEFT_ERR_NOMEM;
	return WEFT_OK;
}

/* The value of the last definition is complete: store it. */
static enum weft_err
catalogue_flush(struct catalogue_reader *r)
{
	struct catalogue	*c = r->c;
	struct catalogue_phrase	*p;

	if (r->text == NULL)
		return WEFT_OK;
	r->text = NULL;
	if (buf_failed(&r->value))
		return WEFT_ERR_NOMEM;
	p = &c->p[c->n - 1];
	if (p->other == NULL && r->plural == 2)
		return (p->other = catalogue_dup(r->value.p)) == NULL ?
		    WEFT_ERR_NOMEM : WEFT_OK;
	free(p->one);
	return (p->one = catalogue_dup(r->value.p)) == NULL ?
	    WEFT_ERR_NOMEM : WEFT_OK;
}

/* "key = text", "key[one] = text" or "key[other] = text". */
static enum weft_err
catalogue_definition(struct catalogue_reader *r, const char *s, size_t n)
{
	const char	*eq, *k, *br;
	size_t		 klen;
	int		 form = 0;
	char		 key[CATALOGUE_KEY_MAX];
	enum weft_err	 e;

	if ((eq = memchr(s, '=', n)) == NULL)
		return catalogue_fail(r, "expected \"key = text\"");
	for (k = eq; k > s && k[-1] == ' '; k--)
		;
	klen = (size_t)(k - s);
	if ((br = memchr(s, '[', klen)) != NULL) {
		if (klen - (size_t)(br - s) == 5 && memcmp(br, "[one]", 5) == 0)
			form = 1;
		else if (klen - (size_t)(br - s) == 7 &&
		    memcmp(br, "[other]", 7) == 0)
			form = 2;
		else
			return catalogue_fail(r, "a plural form is [one] or "
			    "[other]");
		klen = (size_t)(br - s);
	}
	if (!catalogue_key_ok(s, klen))
		return catalogue_fail(r, "a key is lower-case words joined by "
		    "dots");
	memcpy(key, s, klen);
	key[klen] = '\0';
	if (form == 2 && (r->plural != 1 ||
	    strcmp(r->c->p[r->c->n - 1].key, key) != 0))
		return catalogue_fail(r, "[other] must follow the [one] of the "
		    "same key");
	if (form != 2 && r->plural == 1)
		return catalogue_fail(r, "a [one] form needs its [other] next");
	for (eq++; eq < s + n && *eq == ' '; eq++)
		;
	buf_reset(&r->value);
	if ((e = catalogue_unescape(r, &r->value, eq,
	    (size_t)(s + n - eq))) != WEFT_OK)
		return e;
	if (form != 2 && (e = catalogue_add(r, key)) != WEFT_OK)
		return e;
	buf_reset(&r->note);
	r->plural = form;
	r->text = &r->value;
	return WEFT_OK;
}

/* One line (without its LF; trailing blanks already cut). */
static enum weft_err
catalogue_line(struct catalogue_reader *r, const char *s, size_t n)
{
	enum weft_err	 e;

	if (n > 0 && s[0] == '\t') {
		if (r->text == NULL)
			return catalogue_fail(r, "a continuation line (tab) "
			    "with nothing to continue");
		while (n > 0 && (*s == '\t' || *s == ' '))
			s++, n--;
		buf_append(&r->value, " ", 1);
		return catalogue_unescape(r, &r->value, s, n);
	}
	if ((e = catalogue_flush(r)) != WEFT_OK)
		return e;
	if (n == 0) {
		buf_reset(&r->note);
		return WEFT_OK;
	}
	if (s[0] == '#') {
		for (s++, n--; n > 0 && *s == ' '; s++, n--)
			;
		if (r->note.len > 0)
			buf_append(&r->note, " ", 1);
		buf_append(&r->note, s, n);
		return WEFT_OK;
	}
	return catalogue_definition(r, s, n);
}

static enum weft_err
catalogue_parse(struct catalogue_reader *r, const char *text, size_t len)
{
	const char	*s = text, *end = text + len, *nl;
	size_t		 n;
	enum weft_err	 e = WEFT_OK;

	while (e == WEFT_OK && s < end) {
		r->line++;
		nl = memchr(s, '\n', (size_t)(end - s));
		n = (size_t)((nl != NULL ? nl : end) - s);
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
		    s[n - 1] == '\r'))
			n--;
		if (memchr(s, '\0', n) != NULL)
			e = catalogue_fail(r, "a NUL byte");
		else
			e = catalogue_line(r, s, n);
		s = nl != NULL ? nl + 1 : end;
	}
	if (e == WEFT_OK)
		e = catalogue_flush(r);
	if (e == WEFT_OK && r->plural == 1)
		e = catalogue_fail(r, "a [one] form needs its [other] next");
	if (e == WEFT_OK && (buf_failed(&r->note) || buf_failed(&r->value)))
		e = WEFT_ERR_NOMEM;
	return e;
}

enum weft_err
catalogue_read_file(struct catalogue *c, const char *path, char *err,
    size_t errlen)
{
	struct catalogue_reader	 r;
	struct buf		 text;
	const char		*base = strrchr(path, '/');
	char			 area[CATALOGUE_AREA_MAX];
	size_t			 n;
	enum weft_err		 e;

	base = base != NULL ? base + 1 : path;
	n = strlen(base);
	if (n < 4 || n - 3 >= sizeof(area) || strcmp(base + n - 3, ".en") != 0) {
		snprintf(err, errlen, "%s: not an AREA.en file", path);
		return WEFT_ERR_INVALID;
	}
	memcpy(area, base, n - 3);
	area[n - 3] = '\0';
	memset(&r, 0, sizeof(r));
	r.c = c;
	r.path = path;
	r.area = area;
	r.err = err;
	r.errlen = errlen;
	buf_init(&r.note);
	buf_init(&r.value);
	buf_init(&text);
	if (buf_read_file(&text, path, CATALOGUE_FILE_MAX) == -1) {
		snprintf(err, errlen, "%s: cannot be read (%s)", path,
		    strerror(errno));
		e = WEFT_ERR_NOTFOUND;
	} else
		e = catalogue_parse(&r, text.p != NULL ? text.p : "", text.len);
	buf_free(&text);
	buf_free(&r.note);
	buf_free(&r.value);
	return e;
}

static int
catalogue_cmp(const void *a, const void *b)
{
	const struct catalogue_phrase	*x = a, *y = b;
	int				 d = strcmp(x->key, y->key);

	/* Equal keys stay in the order read, to name the first place. */
	if (d == 0)
		d = x->line < y->line ? -1 : x->line > y->line;
	return d != 0 ? d : strcmp(x->file, y->file);
}

enum weft_err
catalogue_finish(struct catalogue *c, char *err, size_t errlen)
{
	size_t	 i;

	if (c->n > 1)
		qsort(c->p, c->n, sizeof(*c->p), catalogue_cmp);
	for (i = 1; i < c->n; i++)
		if (strcmp(c->p[i - 1].key, c->p[i].key) == 0) {
			snprintf(err, errlen, "%s:%u: %s is defined again "
			    "(first at %s:%u)", c->p[i].file, c->p[i].line,
			    c->p[i].key, c->p[i - 1].file, c->p[i - 1].line);
			return WEFT_ERR_INVALID;
		}
	return WEFT_OK;
}

static int
catalogue_name_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

enum weft_err
catalogue_read_dir(struct catalogue *c, const char *dir, char *err,
    size_t errlen)
{
	DIR		*d;
	struct dirent	*ent;
	char		*names[64], path[4096];
	size_t		 n = 0, i, len;
	enum weft_err	 e = WEFT_OK;

	if ((d = opendir(dir)) == NULL) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return WEFT_ERR_NOTFOUND;
	}
	while ((ent = readdir(d)) != NULL && e == WEFT_OK) {
		len = strlen(ent->d_name);
		if (len < 4 || strcmp(ent->d_name + len - 3, ".en") != 0 ||
		    ent->d_name[0] == '.')
			continue;
		if (n == NELEM(names))
			e = WEFT_ERR_INVALID;
		else if ((names[n++] = strdup(ent->d_name)) == NULL)
			e = WEFT_ERR_NOMEM;
	}
	closedir(d);
	/* In name order, so that "defined again" always names one place. */
	qsort(names, n, sizeof(names[0]), catalogue_name_cmp);
	for (i = 0; i < n; i++) {
		if (e == WEFT_OK) {
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
			e = catalogue_read_file(c, path, err, errlen);
		}
		free(names[i]);
	}
	if (e == WEFT_OK)
		e = catalogue_finish(c, err, errlen);
	return e;
}

void
catalogue_free(struct catalogue *c)
{
	size_t	 i;

	for (i = 0; i < c->n; i++) {
		free(c->p[i].key);
		free(c->p[i].area);
		free(c->p[i].note);
		free(c->p[i].one);
		free(c->p[i].other);
		free(c->p[i].file);
	}
	free(c->p);
	memset(c, 0, sizeof(*c));
}

static int
catalogue_find_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct catalogue_phrase *)elem)->key);
}

const struct catalogue_phrase *
catalogue_find(const struct catalogue *c, const char *key)
{
	if (c->n == 0)
		return NULL;
	return bsearch(key, c->p, c->n, sizeof(*c->p), catalogue_find_cmp);
}
