/*
 * gettext plural rules (plural.h): a recursive-descent reading of the
 * C expression after "plural=", evaluated for one n.  The expressions are
 * a few dozen bytes; they are read again at every use rather than
 * compiled, which costs less than a page's one hash lookup.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "plural.h"

struct plural_eval {
	const char	*s;
	long long	 n;
	int		 bad;
	int		 depth;
};

static long long plural_ternary(struct plural_eval *);

static void
plural_blank(struct plural_eval *e)
{
	while (*e->s == ' ' || *e->s == '\t' || *e->s == '\n')
		e->s++;
}

/* Is the next token t?  Then it is taken. */
static int
plural_take(struct plural_eval *e, const char *t)
{
	size_t	 n = strlen(t);

	plural_blank(e);
	if (strncmp(e->s, t, n) != 0)
		return 0;
	/* "<" is not the start of "<=", nor "!" of "!=", nor "=" of "==" */
	if (n == 1 && strchr("<>!=", t[0]) != NULL && e->s[1] == '=')
		return 0;
	e->s += n;
	return 1;
}

static long long
plural_primary(struct plural_eval *e)
{
	long long	 v;
	char		*end;

	plural_blank(e);
	if (++e->depth > 64) {
		e->bad = 1;
		return 0;
	}
	if (plural_take(e, "!"))
		v = !plural_primary(e);
	else if (plural_take(e, "(")) {
		v = plural_ternary(e);
		if (!plural_take(e, ")"))
			e->bad = 1;
	} else if (*e->s == 'n' && !isalnum((unsigned char)e->s[1])) {
		e->s++;
		v = e->n;
	} else if (isdigit((unsigned char)*e->s)) {
		v = strtoll(e->s, &end, 10);
		e->s = end;
	} else {
		e->bad = 1;
		v = 0;
	}
	e->depth--;
	return v;
}

static long long
plural_mul(struct plural_eval *e)
{
	long long	 v = plural_primary(e), r;
	int		 op;

	for (;;) {
		if (plural_take(e, "*"))
			op = '*';
		else if (plural_take(e, "/"))
			op = '/';
		else if (plural_take(e, "%"))
			op = '%';
		else
			return v;
		r = plural_primary(e);
		/* A rule is text from a PO file or the admin: refused, not
		 * undefined, when its arithmetic leaves long long. */
		if ((op != '*' && (r == 0 || (r == -1 && v == LLONG_MIN))) ||
		    (op == '*' && __builtin_mul_overflow(v, r, &v))) {
			e->bad = 1;
			return 0;
		}
		if (op != '*')
			v = op == '/' ? v / r : v % r;
	}
}

static long long
plural_add(struct plural_eval *e)
{
	long long	 v = plural_mul(e);

	for (;;) {
		if (plural_take(e, "+"))
			e->bad |= __builtin_add_overflow(v, plural_mul(e), &v);
		else if (plural_take(e, "-"))
			e->bad |= __builtin_sub_overflow(v, plural_mul(e), &v);
		else
			return v;
	}
}

static long long
plural_rel(struct plural_eval *e)
{
	long long	 v = plural_add(e);

	for (;;)
		if (plural_take(e, "<="))
			v = v <= plural_add(e);
		else if (plural_take(e, ">="))
			v = v >= plural_add(e);
		else if (plural_take(e, "<"))
			v = v < plural_add(e);
		else if (plural_take(e, ">"))
			v = v > plural_add(e);
		else
			return v;
}

static long long
plural_eq(struct plural_eval *e)
{
	long long	 v = plural_rel(e);

	for (;;)
		if (plural_take(e, "=="))
			v = v == plural_rel(e);
		else if (plural_take(e, "!="))
			v = v != plural_rel(e);
		else
			return v;
}

static long long
plural_and(struct plural_eval *e)
{
	long long	 v = plural_eq(e), r;

	while (plural_take(e, "&&")) {
		r = plural_eq(e);	/* no side effects: read both */
		v = v && r;
	}
	return v;
}

static long long
plural_or(struct plural_eval *e)
{
	long long	 v = plural_and(e), r;

	while (plural_take(e, "||")) {
		r = plural_and(e);
		v = v || r;
	}
	return v;
}

static long long
plural_ternary(struct plural_eval *e)
{
	long long	 c = plural_or(e), a, b;

	if (!plural_take(e, "?"))
		return c;
	a = plural_ternary(e);
	if (!plural_take(e, ":")) {
		e->bad = 1;
		return 0;
	}
	b = plural_ternary(e);
	return c ? a : b;
}

/* nplurals, and where the expression starts (NULL: not well formed). */
static const char *
plural_header(const char *rule, int *nplurals)
{
	const char	*p;
	char		*end;
	long		 n;

	if (rule == NULL || (p = strstr(rule, "nplurals")) == NULL)
		return NULL;
	for (p += 8; *p == ' '; p++)
		;
	if (*p++ != '=')
		return NULL;
	n = strtol(p, &end, 10);
	if (end == p || n < 1 || n > PLURAL_FORMS_MAX)
		return NULL;
	*nplurals = (int)n;
	for (p = end; *p == ' '; p++)
		;
	if (*p++ != ';')
		return NULL;
	for (; *p == ' '; p++)
		;
	if (strncmp(p, "plural", 6) != 0)
		return NULL;
	for (p += 6; *p == ' '; p++)
		;
	return *p == '=' ? p + 1 : NULL;
}

/* The index for n, or -1 when the expression cannot be read. */
static long long
plural_eval(const char *expr, long long n)
{
	struct plural_eval	 e = { expr, n, 0, 0 };
	long long		 v = plural_ternary(&e);

	plural_blank(&e);
	if (*e.s == ';')
		e.s++;
	plural_blank(&e);
	return e.bad || *e.s != '\0' ? -1 : v;
}

int
plural_check(const char *rule)
{
	const char	*expr;
	int		 nplurals;
	long long	 i, v;

	if ((expr = plural_header(rule, &nplurals)) == NULL)
		return -1;
	for (i = 0; i <= 1000; i++)
		if ((v = plural_eval(expr, i)) < 0 || v >= nplurals)
			return -1;
	return nplurals;
}

int
plural_index(const char *rule, long long n)
{
	const char	*expr;
	int		 nplurals;
	long long	 v;

	if ((expr = plural_header(rule, &nplurals)) == NULL)
		return 0;
	if (n < 0)
		n = -n;
	v = plural_eval(expr, n);
	return v < 0 || v >= nplurals ? 0 : (int)v;
}
