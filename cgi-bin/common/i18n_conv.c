/*
 * Hours and dates as a language writes them (i18n_conv.h).  Pure
 * functions of the conventions, and the same for a language tag through
 * the worker's copy of the languages table (i18n_lang()).
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "i18n_conv.h"

void
i18n_hours_fmt(char decimal, long long h, int sign, char out[I18N_HOURS_LEN])
{
	unsigned long long	 u;

	/* The magnitude in unsigned arithmetic, so LLONG_MIN is fine. */
	u = h < 0 ? 0ULL - (unsigned long long)h : (unsigned long long)h;
	snprintf(out, I18N_HOURS_LEN, "%s%llu%c%02llu",
	    h < 0 ? "-" : (sign && h > 0) ? "+" : "", u / 100,
	    decimal == ',' ? ',' : '.', u % 100);
}

/* Are the n bytes at s digits? */
static int
i18n_digits(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Does s start with "YYYY-MM" (7 bytes), and "-DD" after it (10)?  The
 * length of the date found: 10, 7, or 0 for neither. */
static size_t
i18n_iso_len(const char *s)
{
	size_t	 n = strnlen(s, 10);

	if (n < 7 || !i18n_digits(s, 4) || s[4] != '-' ||
	    !i18n_digits(s + 5, 2))
		return 0;
	if (n == 10 && s[7] == '-' && i18n_digits(s + 8, 2))
		return 10;
	return s[7] == '\0' ? 7 : 0;
}

void
i18n_date_fmt(const char *order, const char *iso, char *out, size_t len)
{
	size_t	 n;
	int	 dmy, mdy;

	if (len == 0)
		return;
	if (iso == NULL)
		iso = "";
	dmy = order != NULL && strcmp(order, "dmy") == 0;
	mdy = order != NULL && strcmp(order, "mdy") == 0;
	if ((!dmy && !mdy) || (n = i18n_iso_len(iso)) == 0)
		snprintf(out, len, "%s", iso);
	else if (n == 7)
		snprintf(out, len, "%.2s/%.4s", iso + 5, iso);
	else if (dmy)
		snprintf(out, len, "%.2s/%.2s/%.4s%s", iso + 8, iso + 5, iso,
		    iso + 10);
	else
		snprintf(out, len, "%.2s/%.2s/%.4s%s", iso + 5, iso + 8, iso,
		    iso + 10);
}

char
i18n_decimal(const char *lang)
{
	return i18n_lang(lang)->decimal == ',' ? ',' : '.';
}

void
i18n_hours(const char *lang, long long h, int sign, char out[I18N_HOURS_LEN])
{
	i18n_hours_fmt(i18n_decimal(lang), h, sign, out);
}

void
i18n_date(const char *lang, const char *iso, char *out, size_t len)
{
	i18n_date_fmt(i18n_lang(lang)->date_order, iso, out, len);
}

void
i18n_set_hours(struct tmpl_dict *d, const char *key, const char *lang,
    long long h)
{
	char	 s[I18N_HOURS_LEN];

	i18n_hours(lang, h, 0, s);
	tmpl_set(d, key, s);
}

void
i18n_set_date(struct tmpl_dict *d, const char *key, const char *lang,
    const char *iso)
{
	char	 s[I18N_DATE_LEN];

	i18n_date(lang, iso, s, sizeof(s));
	tmpl_set(d, key, s);
}
