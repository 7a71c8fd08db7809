/*
 * Hours and dates as a language writes them (i18n_conv.h).  Pure
 * functions of the conventions, and the same for a language tag through
 * the worker's copy of the languages table (i18n_lang()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

/* The zone TZ is set to ("" for none yet), and where the site's is. */
static char		 i18n_tz[65];
static const char	*(*i18n_zone_fn)(void);

void
i18n_zone_source(const char *(*fn)(void))
{
	i18n_zone_fn = fn;
}

/* Is iso "YYYY-MM-DD HH:MM:SS..."? */
static int
i18n_is_moment(const char *iso)
{
	return i18n_iso_len(iso) == 10 && strnlen(iso, 19) == 19 &&
	    iso[10] == ' ' && i18n_digits(iso + 11, 2) && iso[13] == ':' &&
	    i18n_digits(iso + 14, 2) && iso[16] == ':' &&
	    i18n_digits(iso + 17, 2);
}

/* TZ set to zone, which must be a file of the tz database (a TZ that is
 * not one reads as UTC in glibc, silently).  0, or -1. */
static int
i18n_tz_set(const char *zone)
{
	char	 path[128];

	if (strcmp(i18n_tz, zone) == 0)
		return 0;
	if (zone[0] == '\0' || zone[0] == '/' || strstr(zone, "..") != NULL ||
	    strlen(zone) >= sizeof(i18n_tz))
		return -1;
	snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", zone);
	if (access(path, R_OK) != 0 || setenv("TZ", zone, 1) != 0)
		return -1;
	tzset();
	snprintf(i18n_tz, sizeof(i18n_tz), "%s", zone);
	return 0;
}

void
i18n_utc_to_zone(const char *zone, const char *iso, char *out, size_t len)
{
	struct tm	 tm;
	time_t		 t;
	char		 at[32];

	if (len == 0)
		return;
	if (iso == NULL)
		iso = "";
	snprintf(out, len, "%s", iso);
	if (zone == NULL || zone[0] == '\0' || strcmp(zone, "UTC") == 0 ||
	    !i18n_is_moment(iso) || i18n_tz_set(zone) == -1)
		return;
	memset(&tm, 0, sizeof(tm));
	if (strptime(iso, "%Y-%m-%d %H:%M:%S", &tm) == NULL ||
	    (t = timegm(&tm)) == (time_t)-1 || localtime_r(&t, &tm) == NULL ||
	    strftime(at, sizeof(at), "%Y-%m-%d %H:%M:%S", &tm) != 19)
		return;
	snprintf(out, len, "%s%s", at, iso + 19);
}

/* The site's zone, "UTC" without one or when the system lacks it. */
static const char *
i18n_site_zone(void)
{
	const char	*z = i18n_zone_fn != NULL ? i18n_zone_fn() : NULL;

	if (z == NULL || z[0] == '\0' || strcmp(z, "UTC") == 0 ||
	    i18n_tz_set(z) == -1)
		return "UTC";
	return z;
}

void
i18n_local_now(char out[I18N_MOMENT_LEN])
{
	struct tm	 tm;
	time_t		 t = time(NULL);
	int		 utc = strcmp(i18n_site_zone(), "UTC") == 0;

	if ((utc ? gmtime_r(&t, &tm) : localtime_r(&t, &tm)) == NULL ||
	    strftime(out, I18N_MOMENT_LEN, "%Y-%m-%d %H:%M:%S", &tm) != 19)
		snprintf(out, I18N_MOMENT_LEN, "1970-01-01 00:00:00");
}

int
i18n_local_to_utc(const char *local, char out[I18N_MOMENT_LEN])
{
	struct tm	 tm;
	const char	*end;
	time_t		 t;
	int		 utc = strcmp(i18n_site_zone(), "UTC") == 0;

	memset(&tm, 0, sizeof(tm));
	if (local == NULL ||
	    (end = strptime(local, "%Y-%m-%d %H:%M", &tm)) == NULL)
		return -1;
	if (*end == ':' && (end = strptime(end, ":%S", &tm)) == NULL)
		return -1;
	if (*end != '\0')
		return -1;
	/* A wall clock skipped or repeated by a change of offset is taken
	 * as mktime() resolves it: the offset in force just before. */
	tm.tm_isdst = -1;
	if ((t = utc ? timegm(&tm) : mktime(&tm)) == (time_t)-1 ||
	    gmtime_r(&t, &tm) == NULL ||
	    strftime(out, I18N_MOMENT_LEN, "%Y-%m-%d %H:%M:%S", &tm) != 19)
		return -1;
	return 0;
}

void
i18n_date(const char *lang, const char *iso, char *out, size_t len)
{
	char	 local[64], full[20];

	/* A moment to the minute, "YYYY-MM-DD HH:MM", is shown to the
	 * minute. */
	if (i18n_zone_fn != NULL && iso != NULL && strlen(iso) == 16) {
		snprintf(full, sizeof(full), "%s:00", iso);
		if (i18n_is_moment(full)) {
			i18n_utc_to_zone(i18n_zone_fn(), full, local,
			    sizeof(local));
			local[16] = '\0';
			iso = local;
		}
	} else if (i18n_zone_fn != NULL && iso != NULL &&
	    i18n_is_moment(iso) && strlen(iso) < sizeof(local)) {
		i18n_utc_to_zone(i18n_zone_fn(), iso, local, sizeof(local));
		iso = local;
	}
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
