/*
 * Money (docs/payments.md "Money"): integer minor units of an ISO 4217
 * currency, never a float.  12.50 EUR is 1250; 500 JPY is 500 (no minor
 * unit); 1.250 KWD is 1250 (three).  The site's currency is the setting
 * payment_currency; a charge or a payment keeps the currency it was made
 * in.  Amounts are read strictly in the reader's language conventions
 * (the decimal mark of i18n_decimal(), as valid_hours() reads hours) and
 * written in them; CSV files keep the machine's form ("12.50").
 */
#ifndef WEFT_MONEY_H
#define WEFT_MONEY_H

#include <stddef.h>

#include "tmpl.h"
#include "valid.h"

#define MONEY_NUM_LEN	48	/* "-92233720368547758.08" and NUL */
#define MONEY_LEN	56	/* and " EUR" */
#define MONEY_CODE_LEN	4	/* "EUR" and NUL */

/* The codes payment_currency may take, NULL-terminated (the setting's
 * choices). */
extern const char *const money_currency_codes[];

/* The number of minor-unit digits of code (2 for an unknown one). */
int		 money_exponent(const char *code);
/* The site's currency (payment_currency) and its exponent. */
const char	*money_site_currency(void);
int		 money_site_exponent(void);

/*
 * Reads an amount: digits, then optionally the decimal mark ('.', or ','
 * when decimal is ',') and 1..exponent digits ("12", "12.5", "12.50";
 * "12,50" with decimal ','); no sign, no grouping, no spaces, nothing
 * after.  Into *out as minor units, positive and at most max (0: any).
 * VALID_EMPTY, VALID_FORMAT, or VALID_RANGE (zero, or too large).
 */
enum valid_err	 money_parse(const char *in, char decimal, int exponent,
		    long long max, long long *out);
/* Minor units as an amount with exponent decimals and the decimal mark:
 * "12.50", "-0,05", "500"; no currency. */
void		 money_fmt(long long minor, int exponent, char decimal,
		    char out[MONEY_NUM_LEN]);
/* In lang's conventions with the code after it: "12,50 EUR". */
void		 money_text(const char *lang, long long minor, const char *code,
		    char out[MONEY_LEN]);
/* The same, set as key of d. */
void		 money_set(struct tmpl_dict *d, const char *key, const char *lang,
		    long long minor, const char *code);

#endif
