/*
 * Small pure input validators (docs/style.md 4), one job each.  Each returns
 * VALID_OK or the reason; valid_text() gives the reason as a sentence for
 * the form's per-field message.
 */
#ifndef WEFT_VALID_H
#define WEFT_VALID_H

#include "i18n.h"

#include <stddef.h>
#include <stdint.h>

enum valid_err {
	VALID_OK = 0,
	VALID_EMPTY,
	VALID_TOO_SHORT,
	VALID_TOO_LONG,
	VALID_FORMAT,
	VALID_RANGE,
	VALID_ENCODING,
	VALID_TWICE,	/* a single-valued field sent twice (form.h) */
	VALID__MAX
};

/* i18n phrase key of each reason ("valid.empty", ...). */
extern const char *const valid_err_keys[VALID__MAX];

/* Well-formed UTF-8 (no overlongs, no surrogates, no NUL). */
enum valid_err	 valid_utf8(const char *in, size_t len);
/*
 * Decodes one UTF-8 sequence of s[0..len) into *cp; returns its length, or
 * 0 when it is not well-formed: a stray continuation byte, a truncated
 * sequence, an overlong form (C0, C1, E0 80..9F, F0 80..8F), a surrogate
 * (ED A0..BF), above U+10FFFF (F4 90.., F5..FF), or NUL.
 */
size_t		 valid_utf8_next(const unsigned char *s, size_t len,
		    uint32_t *cp);
/* Decimal integer in [min, max], no sign games, no trailing bytes. */
enum valid_err	 valid_int(const char *in, long long min, long long max,
		    long long *out);
/* A row id: 1 .. 2^53. */
enum valid_err	 valid_id(const char *in, long long *out);
/* Text of minlen..maxlen characters (code points), UTF-8, no control
 * characters; multiline allows \n, \r and \t. */
enum valid_err	 valid_text(const char *in, size_t minlen, size_t maxlen,
		    int multiline);
/* Hours as integer hundredths: positive, steps of 0.25, at most max
 * hundredths ("1", "1.5", "0.25", "2.50"); with decimal ',' (the
 * language's mark, i18n_decimal()) "1,5" too. */
enum valid_err	 valid_hours(const char *in, char decimal, long long max,
		    long long *out);
/* YYYY-MM-DD, a real calendar date. */
enum valid_err	 valid_date(const char *in, int *y, int *m, int *d);
/* addr-spec, pragmatic: local@domain.tld, no spaces, <= 254 bytes. */
enum valid_err	 valid_email(const char *in);
/* 3..32 of [a-z0-9._-], starting with a letter or digit. */
enum valid_err	 valid_username(const char *in);
/* 10..256 characters. */
enum valid_err	 valid_password(const char *in);
/* A language tag: "es", "pt-BR", "zh-Hant". */
enum valid_err	 valid_lang(const char *in);

#endif
