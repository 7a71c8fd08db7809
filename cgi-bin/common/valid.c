/*
 * Input validators (docs/style.md 4): pure, one job each, no allocation.
 * Every number goes through strtoll with its end pointer and errno
 * checked, after a character-level check that leaves strtoll no leniency
 * to use (it would skip leading white space and take a sign or "0x" prefix
 * on its own).
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "valid.h"

const char *const valid_err_keys[VALID__MAX] = {
	[VALID_OK] = N_("valid.ok"),
	[VALID_EMPTY] = N_("valid.empty"),
	[VALID_TOO_SHORT] = N_("valid.too_short"),
	[VALID_TOO_LONG] = N_("valid.too_long"),
	[VALID_FORMAT] = N_("valid.format"),
	[VALID_RANGE] = N_("valid.range"),
	[VALID_ENCODING] = N_("valid.encoding"),
	[VALID_TWICE] = N_("valid.twice"),
};

#define VALID_ID_MAX	9007199254740992LL	/* 2^53: exact in a double */
#define VALID_LANG_MAX	15	/* ROLE_LANG_MAX - 1 */

static int
valid_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

static int
valid_isalpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
valid_isalnum(char c)
{
	return valid_isdigit(c) || valid_isalpha(c);
}

/* The contract is valid.h's; the cases refused are those of RFC 3629. */
size_t
valid_utf8_next(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t	 c;
	size_t		 n, i;
	unsigned char	 lo = 0x80, hi = 0xbf;

	if (len == 0)
		return 0;
	c = s[0];
	if (c == 0)
		return 0;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		c &= 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		if (c == 0xe0)
			lo = 0xa0;	/* overlong below U+0800 */
		else if (c == 0xed)
			hi = 0x9f;	/* U+D800..DFFF: surrogates */
		c &= 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		if (c == 0xf0)
			lo = 0x90;	/* overlong below U+10000 */
		else if (c == 0xf4)
			hi = 0x8f;	/* above U+10FFFF */
		c &= 0x07;
	} else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if (s[i] < lo || s[i] > hi)
			return 0;
		lo = 0x80;
		hi = 0xbf;
		c = (c << 6) | (s[i] & 0x3f);
	}
	*cp = c;
	return n;
}

enum valid_err
valid_utf8(const char *in, size_t len)
{
	const unsigned char	*s = (const unsigned char *)in;
	size_t			 i, n;
	uint32_t		 cp;

	if (len == 0)
		return VALID_OK;
	if (in == NULL)
		return VALID_ENCODING;
	for (i = 0; i < len; i += n)
		if ((n = valid_utf8_next(s + i, len - i, &cp)) == 0)
			return VALID_ENCODING;
	return VALID_OK;
}

/*
 * Decimal integer: an optional '-' (only when min is negative) and
 * digits, nothing else.  "-0", "+1", " 1", "1 ", "0x10", "1e3" and "1.0"
 * are format errors; leading zeros are accepted ("007" is 7, never
 * octal).  Out of [min, max], or of long long, is a range error.
 */
enum valid_err
valid_int(const char *in, long long min, long long max, long long *out)
{
	const char	*p;
	char		*end;
	long long	 v;

	if (in == NULL || in[0] == '\0')
		return VALID_EMPTY;
	p = in[0] == '-' ? in + 1 : in;
	if (p[0] == '\0')
		return VALID_FORMAT;
	for (; *p != '\0'; p++)
		if (!valid_isdigit(*p))
			return VALID_FORMAT;
	if (in[0] == '-' && strspn(in + 1, "0") == strlen(in + 1))
		return VALID_FORMAT;	/* "-0": a sign game */
	errno = 0;
	v = strtoll(in, &end, 10);
	if (*end != '\0')
		return VALID_FORMAT;
	if (errno == ERANGE || v < min || v > max)
		return VALID_RANGE;
	if (errno != 0)
		return VALID_FORMAT;
	*out = v;
	return VALID_OK;
}

/* A row id is written canonically: no leading zero ("07" is refused). */
enum valid_err
valid_id(const char *in, long long *out)
{
	if (in == NULL || in[0] == '\0')
		return VALID_EMPTY;
	if (in[0] == '0' && in[1] != '\0')
		return VALID_FORMAT;
	return valid_int(in, 1, VALID_ID_MAX, out);
}

/*
 * Text: valid UTF-8 first, then no control characters (C0 other than the
 * multiline \n \r \t, DEL, C1), then the length in code points.  Text that
 * is only white space counts as empty when something is required.
 */
enum valid_err
valid_text(const char *in, size_t minlen, size_t maxlen, int multiline)
{
	const unsigned char	*s = (const unsigned char *)in;
	size_t			 len, i, n, count = 0;
	uint32_t		 cp;
	int			 blank = 1;

	if (in == NULL || in[0] == '\0')
		return minlen > 0 ? VALID_EMPTY : VALID_OK;
	len = strlen(in);
	for (i = 0; i < len; i += n) {
		if ((n = valid_utf8_next(s + i, len - i, &cp)) == 0)
			return VALID_ENCODING;
		if (cp == '\n' || cp == '\r' || cp == '\t') {
			if (!multiline)
				return VALID_FORMAT;
		} else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			return VALID_FORMAT;
		if (cp != ' ' && cp != '\n' && cp != '\r' && cp != '\t')
			blank = 0;
		count++;
	}
	if (blank && minlen > 0)
		return VALID_EMPTY;
	if (count < minlen)
		return VALID_TOO_SHORT;
	if (count > maxlen)
		return VALID_TOO_LONG;
	return VALID_OK;
}

/*
 * Hours: digits, optionally a decimal mark and one or two decimals, in
 * quarters ("1", "1.5", "0.25", "2.50", "3.0").  The mark is '.'; where
 * the language writes ',' (decimal), ',' too: "1,5" (and still "1.5",
 * which a phone's keypad may give; hours are never large enough to be
 * written with a thousands separator, so '.' cannot mean one).  A sign,
 * ".5", "1.", "1,5" in a '.' language, "1.255" and a value between
 * quarters ("0.3") are format errors; zero ("0", "0.00"), more than max
 * hundredths, and numbers too big for long long are range errors.
 */
enum valid_err
valid_hours(const char *in, char decimal, long long max, long long *out)
{
	const char	*p, *dot;
	char		*end;
	long long	 whole, frac = 0;
	size_t		 nfrac;

	if (in == NULL || in[0] == '\0')
		return VALID_EMPTY;
	for (p = in; valid_isdigit(*p); p++)
		continue;
	if (p == in)
		return VALID_FORMAT;
	dot = p;
	if (*p == '.' || (*p == ',' && decimal == ',')) {
		for (p++; valid_isdigit(*p); p++)
			continue;
		nfrac = (size_t)(p - dot - 1);
		if (nfrac == 0 || nfrac > 2)
			return VALID_FORMAT;
		frac = (dot[1] - '0') * 10 + (nfrac == 2 ? dot[2] - '0' : 0);
	}
	if (*p != '\0')
		return VALID_FORMAT;
	if (frac % 25 != 0)
		return VALID_FORMAT;
	errno = 0;
	whole = strtoll(in, &end, 10);
	if (end != dot)
		return VALID_FORMAT;
	if (errno == ERANGE || whole > (LLONG_MAX - 99) / 100)
		return VALID_RANGE;
	whole = whole * 100 + frac;
	if (whole <= 0 || whole > max)
		return VALID_RANGE;
	*out = whole;
	return VALID_OK;
}

static int
valid_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/*
 * YYYY-MM-DD, exactly ten characters, a day that exists in the Gregorian
 * calendar, years 1000..9999 (MariaDB's DATE range).  The shape is a
 * format error; a date that does not exist is a range error.
 */
enum valid_err
valid_date(const char *in, int *y, int *m, int *d)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};
	int	 i, yy, mm, dd, last;

	if (in == NULL || in[0] == '\0')
		return VALID_EMPTY;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (in[i] != '-')
				return VALID_FORMAT;
		} else if (!valid_isdigit(in[i]))
			return VALID_FORMAT;
	}
	if (in[10] != '\0')
		return VALID_FORMAT;
	yy = (in[0] - '0') * 1000 + (in[1] - '0') * 100 + (in[2] - '0') * 10 +
	    (in[3] - '0');
	mm = (in[5] - '0') * 10 + (in[6] - '0');
	dd = (in[8] - '0') * 10 + (in[9] - '0');
	if (yy < 1000 || mm < 1 || mm > 12 || dd < 1)
		return VALID_RANGE;
	last = mdays[mm - 1] + (mm == 2 && valid_leap(yy));
	if (dd > last)
		return VALID_RANGE;
	*y = yy;
	*m = mm;
	*d = dd;
	return VALID_OK;
}

/* RFC 5322 atext, the characters of a dot-atom local part besides '.'. */
static int
valid_atext(char c)
{
	return valid_isalnum(c) || (c != '\0' &&
	    strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

/*
 * Pragmatic addr-spec: a dot-atom local part of at most 64 bytes, '@', a
 * domain of at least two labels of letters, digits and inner hyphens (1..63
 * each), the last one not all digits; ASCII only, at most 254 bytes in all
 * (RFC 5321).  Quoted local parts and address literals are refused: no one
 * signs up with them, and they are where mail software goes wrong.
 */
enum valid_err
valid_email(const char *in)
{
	const char	*at, *p, *label;
	size_t		 len, n;
	int		 labels = 0, alldigits;

	if (in == NULL || in[0] == '\0')
		return VALID_EMPTY;
	len = strlen(in);
	if (len > 254)
		return VALID_TOO_LONG;
	if ((at = strchr(in, '@')) == NULL || strchr(at + 1, '@') != NULL)
		return VALID_FORMAT;
	n = (size_t)(at - in);
	if (n == 0 || n > 64 || in[0] == '.' || at[-1] == '.')
		return VALID_FORMAT;
	for (p = in; p < at; p++) {
		if (*p == '.' && p[1] == '.')
			return VALID_FORMAT;
		if (*p != '.' && !valid_atext(*p))
			return VALID_FORMAT;
	}
	label = at + 1;
	for (;;) {
		alldigits = 1;
		for (p = label; valid_isalnum(*p) || *p == '-'; p++)
			if (!valid_isdigit(*p))
				alldigits = 0;
		n = (size_t)(p - label);
		if (n == 0 || n > 63 || label[0] == '-' || p[-1] == '-')
			return VALID_FORMAT;
		labels++;
		if (*p == '\0')
			break;
		if (*p != '.')
			return VALID_FORMAT;
		label = p + 1;
	}
	if (labels < 2 || alldigits)
		return VALID_FORMAT;
	return VALID_OK;
}

enum valid_err
valid_username(const char *in)
{
	size_t	 i;

	if (in == NULL || in[0] == '\0')
		return VALID_EMPTY;
	if (!valid_isdigit(in[0]) && !(in[0] >= 'a' && in[0] <= 'z'))
		return VALID_FORMAT;
	for (i = 0; in[i] != '\0'; i++) {
		if (i >= 32)
			return VALID_TOO_LONG;
		if (!valid_isdigit(in[i]) && !(in[i] >= 'a' && in[i] <= 'z') &&
		    in[i] != '.' && in[i] != '_' && in[i] != '-')
			return VALID_FORMAT;
	}
	if (i < 3)
		return VALID_TOO_SHORT;
	return VALID_OK;
}

/* Any characters a keyboard can give, counted as code points: control
 * characters are not refused, so that a pasted password is taken whole. */
enum valid_err
valid_password(const char *in)
{
	const unsigned char	*s = (const unsigned char *)in;
	size_t			 len, i, n, count = 0;
	uint32_t		 cp;

	if (in == NULL || in[0] == '\0')
		return VALID_EMPTY;
	len = strlen(in);
	for (i = 0; i < len; i += n) {
		if ((n = valid_utf8_next(s + i, len - i, &cp)) == 0)
			return VALID_ENCODING;
		count++;
	}
	if (count < 10)
		return VALID_TOO_SHORT;
	if (count > 256)
		return VALID_TOO_LONG;
	return VALID_OK;
}

/*
 * A BCP 47 tag, the part weft uses: a primary language of 2 or 3
 * letters, then subtags of 2 to 8 letters or digits ("pt-BR", "zh-Hant",
 * "es-419"), at most 15 bytes so that it fits a grant's scope.  Private
 * use ("x-...") and grandfathered ("i-klingon") tags are refused.
 */
enum valid_err
valid_lang(const char *in)
{
	const char	*p, *sub;
	size_t		 n;

	if (in == NULL || in[0] == '\0')
		return VALID_EMPTY;
	if (strlen(in) > VALID_LANG_MAX)
		return VALID_TOO_LONG;
	for (p = in; valid_isalpha(*p); p++)
		continue;
	n = (size_t)(p - in);
	if (n < 2 || n > 3)
		return VALID_FORMAT;
	while (*p == '-') {
		sub = ++p;
		while (valid_isalnum(*p))
			p++;
		n = (size_t)(p - sub);
		if (n < 2 || n > 8)
			return VALID_FORMAT;
	}
	return *p == '\0' ? VALID_OK : VALID_FORMAT;
}
