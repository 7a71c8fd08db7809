/*
 * Phrase lookup (i18n.h): the English of the source catalogue, searched
 * with bsearch, and a language's translation from the worker's copy
 * (i18n_copy.c) when it has one.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n_internal.h"
#include "log.h"
#include "util.h"

struct catalogue	 i18n_src;

/*
 * Unknown keys already logged, so that a missing phrase on a busy page
 * logs once per worker rather than once per request.  Workers are single
 * threaded processes; the table is bounded, and once it is full further
 * unknown keys are no longer logged (the first ones say enough).
 */
#define I18N_SEEN_MAX	64
static char	 i18n_seen[I18N_SEEN_MAX][CATALOGUE_KEY_MAX];
static size_t	 i18n_nseen;

enum weft_err
i18n_load(const char *dir)
{
	struct catalogue	 c = { NULL, 0, 0 };
	char			 err[512];
	enum weft_err		 e;

	if ((e = catalogue_read_dir(&c, dir, err, sizeof(err))) != WEFT_OK) {
		log_msg(LOGL_ERROR, "phrases: %s", err);
		catalogue_free(&c);
		return e;
	}
	/* The copy's tables are sized by the old catalogue: dropped first. */
	i18n_forget();
	catalogue_free(&i18n_src);
	i18n_src = c;
	return WEFT_OK;
}

long
i18n_index(const char *key)
{
	const struct catalogue_phrase	*p;

	if (key == NULL || (p = catalogue_find(&i18n_src, key)) == NULL)
		return -1;
	return (long)(p - i18n_src.p);
}

static void
i18n_missing(const char *key)
{
	size_t	 i;

	for (i = 0; i < i18n_nseen; i++)
		if (strncmp(i18n_seen[i], key, CATALOGUE_KEY_MAX - 1) == 0)
			return;
	if (i18n_nseen == I18N_SEEN_MAX)
		return;
	snprintf(i18n_seen[i18n_nseen++], CATALOGUE_KEY_MAX, "%s", key);
	log_msg(LOGL_WARN, "i18n: no phrase for key \"%.*s\"",
	    CATALOGUE_KEY_MAX - 1, key);
}

const char *
i18n_text_n(const char *lang, const char *key, long long n)
{
	const struct catalogue_phrase	*p;
	const struct i18n_lang		*l;
	const char			*t;
	long				 i;
	int				 f = 0;

	if (key == NULL)
		return "";
	if ((i = i18n_index(key)) == -1) {
		i18n_missing(key);
		return key;
	}
	p = &i18n_src.p[i];
	if (lang != NULL && lang[0] != '\0' && strcmp(lang, "en") != 0) {
		l = i18n_lang(lang);
		if (p->other != NULL)
			f = plural_index(l->plural, n);
		if ((t = i18n_copy_text(l->tag, (size_t)i, f)) != NULL)
			return t;
	}
	/* English: "one" for 1, "other" for every other number. */
	return p->other != NULL && n != 1 ? p->other : p->one;
}

const char *
i18n_text(const char *lang, const char *key)
{
	return i18n_text_n(lang, key, 1);
}

int
i18n_is_plural(const char *key)
{
	long	 i = i18n_index(key);

	return i != -1 && i18n_src.p[i].other != NULL;
}

int
i18n_has(const char *key)
{
	return i18n_index(key) != -1;
}

/* Is s (n bytes, after a '{') a placeholder name and '}'?  Its length. */
static size_t
i18n_placeholder(const char *s)
{
	size_t	 n = 0;

	if (!(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
	    s[n] == '_')
		n++;
	return s[n] == '}' ? n : 0;
}

void
i18n_fill(struct buf *out, const char *text, i18n_value_fn value, void *ctx)
{
	const char	*s = text, *open, *v;
	size_t		 n;

	while ((open = strchr(s, '{')) != NULL) {
		buf_append(out, s, (size_t)(open - s));
		if ((n = i18n_placeholder(open + 1)) == 0 ||
		    (v = value(ctx, open + 1, n)) == NULL) {
			n = n != 0 ? n + 2 : 1;	/* kept as written */
			buf_append(out, open, n);
		} else {
			buf_puts(out, v);
			n += 2;
		}
		s = open + n;
	}
	buf_puts(out, s);
}

/* The pairs of i18n_format(), for i18n_fill(). */
struct i18n_pairs {
	const char	*v[2 * 16];
	size_t		 n;
};

static const char *
i18n_pair(void *ctx, const char *name, size_t len)
{
	const struct i18n_pairs	*p = ctx;
	size_t			 i;

	for (i = 0; i + 1 < p->n; i += 2)
		if (strlen(p->v[i]) == len && memcmp(p->v[i], name, len) == 0)
			return p->v[i + 1];
	return NULL;
}

const char *
i18n_format(struct buf *out, const char *lang, const char *key, ...)
{
	struct i18n_pairs	 p;
	const char		*name, *n;
	va_list			 ap;

	p.n = 0;
	va_start(ap, key);
	while ((name = va_arg(ap, const char *)) != NULL &&
	    p.n < NELEM(p.v)) {
		p.v[p.n++] = name;
		p.v[p.n++] = va_arg(ap, const char *);
	}
	va_end(ap);
	n = i18n_pair(&p, "n", 1);
	i18n_fill(out, i18n_text_n(lang, key, n != NULL ? strtoll(n, NULL,
	    10) : 1), i18n_pair, &p);
	return out->p != NULL ? out->p : "";
}

size_t
i18n_count(void)
{
	return i18n_src.n;
}

const char *
i18n_key(size_t i)
{
	return i < i18n_src.n ? i18n_src.p[i].key : NULL;
}
