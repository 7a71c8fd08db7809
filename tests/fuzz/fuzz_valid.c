/*
 * libFuzzer driver for the validators of valid.c.  The first byte picks
 * the validator, the next two give its bounds where it has any, the rest
 * is the input (up to its first NUL).  Each verdict is checked against a
 * restatement of the rule of valid.h written here another way: what a
 * validator accepts must have the promised shape, and for the numbers
 * and dates the value it returns must print back as the input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fuzz.h"
#include "valid.h"

#define FUZZ_IN_MAX	4096
#define UNTOUCHED	(-7777)		/* what an *out holds if not written */

enum fuzz_op {
	OP_UTF8, OP_INT, OP_ID, OP_TEXT, OP_HOURS, OP_DATE, OP_EMAIL,
	OP_USERNAME, OP_PASSWORD, OP_LANG, OP__MAX
};

/*
 * UTF-8 the long way: the length from the count of leading ones, the
 * value from the low bits, then the limits on the value (shortest form,
 * no surrogate, at most U+10FFFF, no NUL).  Returns the number of code
 * points, or -1 when the bytes are not UTF-8; *ctl is set when one is a
 * control character (C0 but \t \n \r, DEL, C1), *ws when any is \t \n \r.
 */
static long
utf8_count(const unsigned char *s, size_t len, int *ctl, int *ws)
{
	static const uint32_t	 least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	uint32_t		 cp;
	size_t			 i = 0, n, j;
	long			 count = 0;

	*ctl = *ws = 0;
	while (i < len) {
		for (n = 0; n < 8 && (s[i] & (0x80 >> n)); n++)
			continue;
		if (n == 1 || n > 4)
			return -1;
		if (n == 0)
			n = 1;
		if (i + n > len)
			return -1;
		cp = n == 1 ? s[i] : s[i] & (0x7f >> n);
		for (j = 1; j < n; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return -1;
			cp = (cp << 6) | (s[i + j] & 0x3f);
		}
		if (cp < least[n] || (cp >= 0xd800 && cp <= 0xdfff) ||
		    cp > 0x10ffff || cp == 0)
			return -1;
		if (cp == '\t' || cp == '\n' || cp == '\r')
			*ws = 1;
		else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			*ctl = 1;
		i += n;
		count++;
	}
	return count;
}

static int
all_of(const char *s, const char *set)
{
	return strspn(s, set) == strlen(s);
}

#define DIGITS	"0123456789"
#define LOWER	"abcdefghijklmnopqrstuvwxyz"
#define ALPHA	LOWER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

static void
check_int(const char *in, long long min, long long max)
{
	long long	 v = UNTOUCHED;
	enum valid_err	 e = valid_int(in, min, max, &v);
	const char	*digits = in[0] == '-' ? in + 1 : in;
	char		 back[32];

	CHECK(e < VALID__MAX);
	if (e != VALID_OK) {
		CHECK(v == UNTOUCHED);
		/* Digits that fit are refused only for their range. */
		if (digits[0] != '\0' && all_of(digits, DIGITS) &&
		    strlen(digits) < 18 && (in[0] != '-' ||
		    strspn(digits, "0") != strlen(digits)))
			CHECK(e == VALID_RANGE);
		return;
	}
	CHECK(v >= min && v <= max);
	CHECK(digits[0] != '\0' && all_of(digits, DIGITS));
	/* Leading zeros aside, the value prints as the input. */
	digits += strspn(digits, "0");
	snprintf(back, sizeof(back), "%s%s", in[0] == '-' ? "-" : "",
	    digits[0] != '\0' ? digits : "0");
	CHECK(strtoll(back, NULL, 10) == v);
	snprintf(back, sizeof(back), "%lld", v);
	CHECK(strcmp(back + (v < 0), digits[0] != '\0' ? digits : "0") == 0);
}

static void
check_id(const char *in)
{
	long long	 v = UNTOUCHED;
	enum valid_err	 e = valid_id(in, &v);
	char		 back[32];

	CHECK(e < VALID__MAX);
	if (e != VALID_OK) {
		CHECK(v == UNTOUCHED);
		return;
	}
	/* Canonical: the id prints back as exactly the input. */
	CHECK(v >= 1 && v <= 9007199254740992LL);
	snprintf(back, sizeof(back), "%lld", v);
	CHECK(strcmp(back, in) == 0);
}

static void
check_text(const char *in, size_t minlen, size_t maxlen, int multi)
{
	enum valid_err	 e = valid_text(in, minlen, maxlen, multi);
	long		 n;
	int		 ctl, ws;

	CHECK(e < VALID__MAX);
	n = utf8_count((const unsigned char *)in, strlen(in), &ctl, &ws);
	if (e == VALID_OK) {
		CHECK(n >= 0 && !ctl && (multi || !ws));
		CHECK(in[0] == '\0' ? minlen == 0 :
		    (size_t)n >= minlen && (size_t)n <= maxlen);
		CHECK(minlen == 0 || strspn(in, " \t\r\n") < strlen(in));
	} else if (n >= 0 && !ctl && (multi || !ws) &&
	    (minlen == 0 || strspn(in, " \t\r\n") < strlen(in)))
		/* Well-formed text is refused only for its length. */
		CHECK(e == ((size_t)n < minlen ? VALID_TOO_SHORT :
		    VALID_TOO_LONG));
	if (n < 0)
		CHECK(e == VALID_ENCODING || e == VALID_FORMAT);
}

/* Hours with decimal mark `decimal`: a ',' language reads "1,5" and
 * "1.5" alike, a '.' one refuses a comma. */
static void
check_hours(const char *in, char decimal, long long max)
{
	long long	 v = UNTOUCHED;
	enum valid_err	 e = valid_hours(in, decimal, max, &v);
	const char	*whole = in + strspn(in, "0");
	const char	*dot = strpbrk(in, decimal == ',' ? ".," : ".");
	char		 back[48], want[48];

	CHECK(e < VALID__MAX);
	if (e != VALID_OK) {
		CHECK(v == UNTOUCHED);
		return;
	}
	CHECK(v > 0 && v <= max && v % 25 == 0);
	CHECK(all_of(in, decimal == ',' ? DIGITS ".," : DIGITS ".") &&
	    in[0] != '.' && in[0] != ',');
	/* "007.5" is 7.50: the input, leading zeros dropped and the
	 * decimals padded to two, prints as the value. */
	if (whole[0] == '.' || whole[0] == ',' || whole[0] == '\0')
		whole--;
	if (dot == NULL)
		snprintf(want, sizeof(want), "%s.00", whole);
	else
		snprintf(want, sizeof(want), "%.*s.%s%s", (int)(dot - whole),
		    whole, dot + 1, dot[2] == '\0' ? "0" : "");
	snprintf(back, sizeof(back), "%lld.%02lld", v / 100, v % 100);
	CHECK(strcmp(back, want) == 0);
}

static void
check_date(const char *in)
{
	int		 y = UNTOUCHED, m = UNTOUCHED, d = UNTOUCHED;
	enum valid_err	 e = valid_date(in, &y, &m, &d);
	struct tm	 tm;
	time_t		 t;
	char		 back[32];

	CHECK(e < VALID__MAX);
	if (e != VALID_OK) {
		CHECK(y == UNTOUCHED && m == UNTOUCHED && d == UNTOUCHED);
		return;
	}
	snprintf(back, sizeof(back), "%04d-%02d-%02d", y, m, d);
	CHECK(strcmp(back, in) == 0);
	CHECK(y >= 1000 && y <= 9999);
	/* The day exists: the calendar gives it back unchanged. */
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	t = timegm(&tm);
	CHECK(gmtime_r(&t, &tm) != NULL);
	CHECK(tm.tm_year == y - 1900 && tm.tm_mon == m - 1 &&
	    tm.tm_mday == d);
}

static void
check_email(const char *in)
{
	enum valid_err	 e = valid_email(in);
	const char	*at = strchr(in, '@');
	const char	*dom;

	CHECK(e < VALID__MAX);
	if (e != VALID_OK)
		return;
	CHECK(strlen(in) <= 254 && at != NULL && at > in && at - in <= 64);
	dom = at + 1;
	CHECK(strchr(dom, '@') == NULL && strchr(dom, '.') != NULL);
	CHECK(all_of(dom, ALPHA DIGITS "-."));
	CHECK(strstr(in, "..") == NULL && in[0] != '.' && at[-1] != '.');
	CHECK(dom[0] != '.' && dom[0] != '-' && strstr(dom, ".-") == NULL &&
	    strstr(dom, "-.") == NULL && dom[strlen(dom) - 1] != '-' &&
	    dom[strlen(dom) - 1] != '.');
	CHECK(!all_of(strrchr(dom, '.') + 1, DIGITS));
	for (; *in != '\0'; in++)
		CHECK(*in > 0x20 && *in < 0x7f &&
		    strchr("\"(),:;<>[\\]", *in) == NULL);
}

static void
check_username(const char *in)
{
	enum valid_err	 e = valid_username(in);
	size_t		 n = strlen(in);
	int		 shape;

	CHECK(e < VALID__MAX);
	shape = all_of(in, LOWER DIGITS "._-") && n > 0 &&
	    strchr(LOWER DIGITS, in[0]) != NULL;
	if (e == VALID_OK)
		CHECK(shape && n >= 3 && n <= 32);
	else if (shape && n >= 3 && n <= 32)
		CHECK(0);	/* a good name refused */
}

static void
check_password(const char *in)
{
	enum valid_err	 e = valid_password(in);
	long		 n;
	int		 ctl, ws;

	CHECK(e < VALID__MAX);
	n = utf8_count((const unsigned char *)in, strlen(in), &ctl, &ws);
	CHECK((e == VALID_OK) == (n >= 10 && n <= 256));
}

/* [A-Za-z]{2,3} then ("-" [A-Za-z0-9]{2,8})*, at most 15 bytes. */
static int
lang_shape(const char *in)
{
	size_t	 n = strspn(in, ALPHA);

	if (strlen(in) > 15 || n < 2 || n > 3)
		return 0;
	for (in += n; *in == '-'; in += n) {
		n = strspn(++in, ALPHA DIGITS);
		if (n < 2 || n > 8)
			return 0;
	}
	return *in == '\0';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char	 in[FUZZ_IN_MAX + 1];
	size_t		 len;
	long long	 a, b;
	int		 ctl, ws;

	if (size < 3 || size - 3 > FUZZ_IN_MAX)
		return 0;
	len = size - 3;
	memcpy(in, data + 3, len);
	in[len] = '\0';
	/* Bounds from two bytes: small ones, and some near the limits. */
	a = (int8_t)data[1];
	b = data[2] == 255 ? 9223372036854775807LL : data[2] * 100LL;
	switch (data[0] % OP__MAX) {
	case OP_UTF8:
		/* The raw bytes, NUL included. */
		CHECK((valid_utf8((const char *)data + 3, len) == VALID_OK) ==
		    (utf8_count(data + 3, len, &ctl, &ws) >= 0));
		break;
	case OP_INT:
		check_int(in, a < b / 100 ? a : b / 100, b / 100);
		check_int(in, -9223372036854775807LL - 1,
		    9223372036854775807LL);
		break;
	case OP_ID:
		check_id(in);
		break;
	case OP_TEXT:
		check_text(in, (size_t)data[1] % 8, data[2], data[1] & 0x80);
		break;
	case OP_HOURS:
		check_hours(in, '.', b);
		check_hours(in, ',', b);
		break;
	case OP_DATE:
		check_date(in);
		break;
	case OP_EMAIL:
		check_email(in);
		break;
	case OP_USERNAME:
		check_username(in);
		break;
	case OP_PASSWORD:
		check_password(in);
		break;
	case OP_LANG:
		CHECK((valid_lang(in) == VALID_OK) == lang_shape(in));
		break;
	}
	return 0;
}
