/*
 * libFuzzer driver for the amounts of money.c (issue 15: every parser
 * weft adds brings its driver).  The first byte picks the decimal mark
 * ('.' or ','), the second the exponent (0 to 4), the next eight the
 * maximum (0: any), the rest is the amount (up to its first NUL).  The
 * verdict is checked against the grammar of money.h restated here with
 * 128-bit arithmetic, and an accepted amount must print back, in either
 * mark, as text that reads back as the same value.
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "money.h"

#define FUZZ_IN_MAX	256

/* The rule of money.h: digits, then optionally a mark ('.', or ',' when
 * decimal is ',') and 1..exponent digits, nothing else.  Returns 1 and the
 * value in minor units (saturated above LLONG_MAX) when s has that shape. */
static int
shape(const char *s, char decimal, int exponent, __int128 *v)
{
	__int128	 whole = 0, frac = 0;
	size_t		 i = 0, nd = 0, nf = 0;
	const __int128	 cap = (__int128)LLONG_MAX * 100000 + 100000;

	for (; s[i] >= '0' && s[i] <= '9'; i++, nd++)
		if ((whole = whole * 10 + (s[i] - '0')) > cap)
			whole = cap;
	if (nd == 0)
		return 0;
	if (exponent > 0 && (s[i] == '.' || (s[i] == ',' && decimal == ','))) {
		for (i++; s[i] >= '0' && s[i] <= '9'; i++, nf++)
			if (nf < (size_t)exponent)
				frac = frac * 10 + (s[i] - '0');
		if (nf == 0 || nf > (size_t)exponent)
			return 0;
	}
	if (s[i] != '\0')
		return 0;
	for (; (int)nf < exponent; nf++)
		frac *= 10;
	for (i = 0; i < (size_t)exponent; i++)
		whole = whole > cap ? cap : whole * 10;
	*v = whole + frac;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		 in[FUZZ_IN_MAX + 1], out[MONEY_NUM_LEN];
	char		 decimal;
	int		 exponent;
	long long	 max = 0, got = -1, again = -1;
	__int128	 want;
	enum valid_err	 e;
	size_t		 n;

	if (size < 10)
		return 0;
	decimal = data[0] & 1 ? ',' : '.';
	exponent = data[1] % 5;
	memcpy(&max, data + 2, sizeof(max));
	if (max < 0)
		max = 0;
	n = size - 10 > FUZZ_IN_MAX ? FUZZ_IN_MAX : size - 10;
	memcpy(in, data + 10, n);
	in[n] = '\0';

	e = money_parse(in, decimal, exponent, max, &got);
	if (in[0] == '\0') {
		CHECK(e == VALID_EMPTY);
		return 0;
	}
	if (!shape(in, decimal, exponent, &want)) {
		CHECK(e == VALID_FORMAT);
		CHECK(got == -1);
		return 0;
	}
	if (want <= 0 || want > LLONG_MAX || (max > 0 && want > max)) {
		CHECK(e == VALID_RANGE);
		CHECK(got == -1);
		return 0;
	}
	CHECK(e == VALID_OK);
	CHECK((__int128)got == want);
	/* Printed back in the mark given, and in the other: the same value. */
	money_fmt(got, exponent, decimal, out);
	CHECK(money_parse(out, decimal, exponent, max, &again) == VALID_OK);
	CHECK(again == got);
	money_fmt(got, exponent, '.', out);
	CHECK(money_parse(out, ',', exponent, max, &again) == VALID_OK);
	CHECK(again == got);
	return 0;
}
