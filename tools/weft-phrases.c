/*
 * weft-phrases: the build's check of the phrase catalogue
 * (docs/translations.md).  Reads the English source (the *.en files of
 * DIR), then every template and C file named after it, and fails (exit 1)
 * on
 *
 *	- a syntax error in a catalogue file, or a key defined twice;
 *	- a template's "[[" that is not a well-formed marker;
 *	- a key used (a template's [[key]], C's N_("key")) and not defined;
 *	- a marker that maps a placeholder its phrase does not have
 *	  (n, which chooses a plural phrase's form, always may be);
 *	- a string literal where a function takes a phrase key (app_text(),
 *	  i18n_text(), i18n_format(), app_redirect()...): keys go in N_();
 *
 * and warns (on stderr, exit 0) on a key defined and used nowhere, and on
 * words in a template outside phrase markers (tmpl_lint.h): one line per
 * template, with how many and the first.  For the templates named after
 * --strict, each such piece of English is an error, said with its line:
 * the Makefile lists the templates converted to markers there.
 *
 *	weft-phrases DIR FILE... [--strict TEMPLATE...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalogue.h"
#include "tmpl_lint.h"
#include "tmpl_marker.h"
#include "util.h"

static int	 errors;

static void
slurp(const char *path, struct buf *b)
{
	buf_reset(b);
	if (buf_read_file(b, path, 16 * 1024 * 1024) == -1) {
		fprintf(stderr, "%s: cannot be read\n", path);
		errors++;
	}
}

static unsigned
line_of(const char *text, size_t at)
{
	unsigned	 line = 1;
	size_t		 i;

	for (i = 0; i < at; i++)
		line += text[i] == '\n';
	return line;
}

/* Marks key used; says where when it is not defined. */
static const struct catalogue_phrase *
use(const struct catalogue *c, unsigned char *used, const char *key,
    const char *path, unsigned line)
{
	const struct catalogue_phrase	*p = catalogue_find(c, key);

	if (p == NULL) {
		fprintf(stderr, "%s:%u: phrase %s is used but not defined in "
		    "any templates/phrases/*.en\n", path, line, key);
		errors++;
		return NULL;
	}
	used[p - c->p] = 1;
	return p;
}

static void
check_template(const struct catalogue *c, unsigned char *used,
    const char *path, const struct buf *t)
{
	const struct catalogue_phrase	*p;
	struct tmpl_marker		 m;
	char				 ph[256], name[TMPL_MARKER_NAME_MAX + 2];
	size_t				 from = 0, at, n, i;
	int				 r;

	while ((r = tmpl_marker_next(t->p + from, t->len - from, &at, &n,
	    &m)) != 0) {
		if (r == -1) {
			fprintf(stderr, "%s:%u: \"[[\" is not a phrase marker "
			    "([[key]] or [[key name=VAR]])\n", path,
			    line_of(t->p, from + at));
			errors++;
			return;
		}
		p = use(c, used, m.key, path, line_of(t->p, from + at));
		for (i = 0; p != NULL && i < m.nargs; i++) {
			/* A plural phrase's form follows n, also where its
			 * text leaves the number to markup of its own
			 * ("<strong>{{N}}</strong> [[x.members n=N]]"). */
			if (p->other != NULL &&
			    strcmp(m.args[i].name, "n") == 0)
				continue;
			catalogue_placeholders(p, ph, sizeof(ph));
			snprintf(name, sizeof(name), ",%s,", m.args[i].name);
			memmove(ph + 1, ph, strlen(ph) + 1);
			ph[0] = ',';
			strcat(ph, ",");
			if (strstr(ph, name) == NULL) {
				fprintf(stderr, "%s:%u: %s has no placeholder "
				    "{%s}\n", path, line_of(t->p, from + at),
				    m.key, m.args[i].name);
				errors++;
			}
		}
		from += at + n;
	}
}

/* What the words of one template are reported as. */
struct words {
	const char	*path;
	int		 strict;
	unsigned	 first_line;
	char		 first[64];
};

/* The piece, its blanks run together, at most n - 1 bytes, into out. */
static void
words_show(char *out, size_t n, const char *text, size_t len)
{
	size_t	 i, o = 0;
	int	 blank = 0;

	for (i = 0; i < len && o + 4 < n; i++) {
		if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n') {
			blank = 1;
			continue;
		}
		if (blank && o > 0)
			out[o++] = ' ';
		blank = 0;
		out[o++] = text[i];
	}
	if (i < len) {
		/* Cut before a UTF-8 continuation byte, not inside. */
		while (o > 0 && (out[o - 1] & 0xc0) == 0x80)
			o--;
		if (o > 0 && (unsigned char)out[o - 1] >= 0xc0)
			o--;
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
}

static void
words_found(void *ctx, unsigned line, const char *where, const char *text,
    size_t len)
{
	struct words	*w = ctx;
	char		 show[64];

	words_show(show, sizeof(show), text, len);
	if (w->strict) {
		fprintf(stderr, "%s:%u: English outside a phrase marker (%s): "
		    "\"%s\"\n", w->path, line, where, show);
		errors++;
	} else if (w->first_line == 0) {
		w->first_line = line;
		snprintf(w->first, sizeof(w->first), "%s", show);
	}
}

/* Words outside markers: errors under --strict, else one warning. */
static void
check_words(const char *path, const struct buf *t, int strict)
{
	struct words	 w = { path, strict, 0, "" };
	long		 n;

	if ((n = tmpl_lint_words(t->p, t->len, words_found, &w)) == -1) {
		fprintf(stderr, "%s: out of memory\n", path);
		errors++;
	} else if (n > 0 && !strict)
		fprintf(stderr, "%s:%u: warning: %ld piece%s of English outside "
		    "phrase markers, the first \"%s\" (--strict lists them)\n",
		    path, w.first_line, n, n == 1 ? "" : "s", w.first);
}

/* Comments blanked out (line breaks kept), so that an example in one
 * is not a use. */
static void
uncomment(struct buf *t)
{
	char	*s = t->p, *e;

	while ((s = strstr(s, "/*")) != NULL) {
		if ((e = strstr(s + 2, "*/")) == NULL)
			e = t->p + t->len - 2;
		for (; s < e + 2; s++)
			if (*s != '\n')
				*s = ' ';
	}
}

/*
 * The functions that take a phrase key, and which argument (from 0): a
 * string literal there, not wrapped in N_(), is a key the check cannot
 * see, and an error.
 */
static const struct {
	const char	*fn;
	int		 arg;
} key_args[] = {
	{ "app_text(", 1 }, { "i18n_text(", 1 }, { "i18n_text_n(", 1 },
	{ "i18n_format(", 2 }, { "app_redirect(", 2 }, { "form_summary(", 2 },
};

/* The start of argument arg of the call whose "(" ends at s, or NULL. */
static const char *
argument(const char *s, int arg)
{
	int	 depth = 0, k = 0;

	for (; *s != '\0'; s++) {
		if (k == arg && depth == 0 && *s != ' ' && *s != '\t' &&
		    *s != '\n')
			return s;
		if (*s == '"') {
			for (s++; *s != '\0' && *s != '"'; s++)
				if (*s == '\\' && s[1] != '\0')
					s++;
			if (*s == '\0')
				return NULL;
		} else if (*s == '(')
			depth++;
		else if (*s == ')' && depth-- == 0)
			return NULL;
		else if (*s == ',' && depth == 0)
			k++;
	}
	return NULL;
}

static void
check_bare_keys(const char *path, const struct buf *t)
{
	const char	*s, *a;
	size_t		 i, n;

	for (i = 0; i < NELEM(key_args); i++) {
		n = strlen(key_args[i].fn);
		for (s = t->p; (s = strstr(s, key_args[i].fn)) != NULL;
		    s += n) {
			if (s > t->p && (s[-1] == '_' || (s[-1] >= 'a' &&
			    s[-1] <= 'z')))
				continue;	/* another function's name */
			if ((a = argument(s + n, key_args[i].arg)) != NULL &&
			    *a == '"') {
				fprintf(stderr, "%s:%u: a phrase key given to %.*s() "
				    "as a bare string: wrap it in N_()\n", path,
				    line_of(t->p, (size_t)(a - t->p)),
				    (int)n - 1, key_args[i].fn);
				errors++;
			}
		}
	}
}

/* Every N_("key") of a C file, outside comments. */
static void
check_c(const struct catalogue *c, unsigned char *used, const char *path,
    struct buf *t)
{
	const char	*s, *q, *end;
	char		 key[CATALOGUE_KEY_MAX];

	uncomment(t);
	check_bare_keys(path, t);
	s = t->p;
	while ((q = strstr(s, "N_(\"")) != NULL) {
		q += 4;
		if ((end = strchr(q, '"')) == NULL)
			break;
		s = end;
		if ((size_t)(end - q) >= sizeof(key) || q - 5 < t->p ||
		    (q > t->p + 4 && (q[-5] == '_' || (q[-5] >= 'A' &&
		    q[-5] <= 'Z'))))
			continue;	/* not our macro (FOO_N_) */
		memcpy(key, q, (size_t)(end - q));
		key[end - q] = '\0';
		use(c, used, key, path, line_of(t->p, (size_t)(q - t->p)));
	}
}

int
main(int argc, char *argv[])
{
	struct catalogue	 c = { NULL, 0, 0 };
	struct buf		 text;
	unsigned char		*used;
	char			 err[512];
	size_t			 n, i;
	int			 a, strict = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: weft-phrases DIR FILE... "
		    "[--strict TEMPLATE...]\n");
		return 2;
	}
	if (catalogue_read_dir(&c, argv[1], err, sizeof(err)) != WEFT_OK) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	if ((used = calloc(c.n + 1, 1)) == NULL)
		return 1;
	buf_init(&text);
	for (a = 2; a < argc; a++) {
		if (strcmp(argv[a], "--strict") == 0) {
			strict = 1;
			continue;
		}
		slurp(argv[a], &text);
		if (text.p == NULL)
			continue;
		n = strlen(argv[a]);
		if (n > 4 && strcmp(argv[a] + n - 4, ".tpl") == 0) {
			check_template(&c, used, argv[a], &text);
			check_words(argv[a], &text, strict);
		} else {
			check_c(&c, used, argv[a], &text);
		}
	}
	for (i = 0; i < c.n; i++)
		if (!used[i])
			fprintf(stderr, "%s:%u: warning: phrase %s is defined "
			    "but not used\n", c.p[i].file, c.p[i].line,
			    c.p[i].key);
	buf_free(&text);
	free(used);
	catalogue_free(&c);
	return errors > 0;
}
