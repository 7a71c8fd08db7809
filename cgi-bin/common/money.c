/*
 * Money as integer minor units (money.h).  The currencies are the common
 * ones of ISO 4217 with their minor units (the standard's list 1); the
 * setting payment_currency chooses among them.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n_conv.h"
#include "money.h"
#include "settings.h"

const char *const money_currency_codes[] = {
	"EUR", "USD", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK",
	"ISK", "PLN", "CZK", "HUF", "RON", "BGN", "MXN", "BRL", "ARS", "CLP",
	"COP", "PEN", "UYU", "ZAR", "INR", "JPY", "KRW", "CNY", "HKD", "SGD",
	"KWD", "BHD", NULL,
};

/* The codes whose minor unit is not two digits. */
static const struct {
	const char	*code;
	int		 exponent;
} money_exponents[] = {
	{ "ISK", 0 }, { "CLP", 0 }, { "JPY", 0 }, { "KRW", 0 },
	{ "KWD", 3 }, { "BHD", 3 },
};

int
money_exponent(const char *code)
{
	size_t	 i;

	for (i = 0; code != NULL &&
	    i < sizeof(money_exponents) / sizeof(money_exponents[0]); i++)
		if (strcmp(money_exponents[i].code, code) == 0)
			return money_exponents[i].exponent;
	return 2;
}

const char *
money_site_currency(void)
{
	return settings_str(SETTING_PAYMENT_CURRENCY);
}

int
money_site_exponent(void)
{
	return money_exponent(money_site_currency());
}

static int
money_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

enum valid_err
money_parse(const char *in, char decimal, int exponent, long long max,
    long long *out)
{
	const char	*p, *mark;
	char		*end;
	long long	 whole, frac = 0, scale = 1;
	int		 i, nfrac = 0;

	if (in == NULL || in[0] == '\0')
		return VALID_EMPTY;
	for (i = 0; i < exponent; i++)
		scale *= 10;
	for (p = in; money_isdigit(*p); p++)
		continue;
	if (p == in)
		return VALID_FORMAT;
	mark = p;
	if (exponent > 0 && (*p == '.' || (*p == ',' && decimal == ','))) {
		for (p++; money_isdigit(*p); p++)
			nfrac++;
		if (nfrac == 0 || nfrac > exponent)
			return VALID_FORMAT;
		for (i = 0; i < exponent; i++)
			frac = frac * 10 + (i < nfrac ? mark[1 + i] - '0' : 0);
	}
	if (*p != '\0')
		return VALID_FORMAT;
	errno = 0;
	whole = strtoll(in, &end, 10);
	if (end != mark)
		return VALID_FORMAT;
	if (errno == ERANGE || whole > (LLONG_MAX - frac) / scale)
		return VALID_RANGE;
	whole = whole * scale + frac;
	if (whole <= 0 || (max > 0 && whole > max))
		return VALID_RANGE;
	*out = whole;
	return VALID_OK;
}

void
money_fmt(long long minor, int exponent, char decimal,
    char out[MONEY_NUM_LEN])
{
	unsigned long long	 u, scale = 1;
	int			 i;

	/* ISO 4217 has no minor unit of more than 4 digits. */
	exponent = exponent < 0 ? 0 : exponent > 4 ? 4 : exponent;
	for (i = 0; i < exponent; i++)
		scale *= 10;
	/* The magnitude in unsigned arithmetic, so LLONG_MIN is fine. */
	u = minor < 0 ? 0ULL - (unsigned long long)minor :
	    (unsigned long long)minor;
	if (exponent == 0)
		snprintf(out, MONEY_NUM_LEN, "%s%llu", minor < 0 ? "-" : "", u);
	else
		snprintf(out, MONEY_NUM_LEN, "%s%llu%c%0*llu", minor < 0 ? "-" : "",
		    u / scale, decimal == ',' ? ',' : '.', exponent, u % scale);
}

void
money_text(const char *lang, long long minor, const char *code,
    char out[MONEY_LEN])
{
	char	 n[MONEY_NUM_LEN];

	money_fmt(minor, money_exponent(code), i18n_decimal(lang), n);
	snprintf(out, MONEY_LEN, "%s %.3s", n, code != NULL ? code : "");
}

void
money_set(struct tmpl_dict *d, const char *key, const char *lang,
    long long minor, const char *code)
{
	char	 s[MONEY_LEN];

	money_text(lang, minor, code, s);
	tmpl_set(d, key, s);
}
