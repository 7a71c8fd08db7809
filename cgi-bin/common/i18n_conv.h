/*
 * Hours and dates in a language's conventions (docs/translations.md,
 * "Hours and dates"): the decimal mark and the date order of the
 * languages table (i18n.h, struct i18n_lang).  The database keeps hours
 * as integer hundredths and dates as ISO 8601; only what a page shows is
 * written this way.  Forms read hours through valid_hours() with the
 * language's mark (form.c does), and dates from <input type="date">,
 * which always sends ISO.  CSV files keep the machine's form ("1.50",
 * "2025-03-07") whatever the language: they are read by programs.
 */
#ifndef WEFT_I18N_CONV_H
#define WEFT_I18N_CONV_H

#include <stddef.h>

#include "tmpl.h"

#define I18N_HOURS_LEN	32	/* "-92233720368547758.08" and NUL */
#define I18N_DATE_LEN	32	/* "DD/MM/YYYY HH:MM:SS" and more */

/*
 * Hundredths as hours with two decimals and decimal mark ('.' or ','):
 * "1.25", "-0,50", "0.00"; with sign, "+1.25" for positive values.
 */
void		 i18n_hours_fmt(char decimal, long long hundredths, int sign,
		    char out[I18N_HOURS_LEN]);
/*
 * A date, "YYYY-MM-DD" (a DATETIME's "YYYY-MM-DD HH:MM:SS": its time
 * kept as it is) or a month "YYYY-MM", in order "ymd" (as given), "dmy"
 * ("07/03/2025", "03/2025") or "mdy" ("03/07/2025", "03/2025"), into out
 * (len bytes).  Anything else, and an unknown order, is copied as it is.
 */
void		 i18n_date_fmt(const char *order, const char *iso, char *out,
		    size_t len);

/*
 * A moment stored in UTC, "YYYY-MM-DD HH:MM:SS" (anything after it kept),
 * as the wall clock of zone (a name of the tz database; NULL, "" or
 * "UTC": as it is) into out (len bytes); anything else, a plain date
 * included, and a zone the system does not know, copied as it is.  Sets
 * the process's TZ (only gmtime_r() is used elsewhere).
 */
void		 i18n_utc_to_zone(const char *zone, const char *iso, char *out,
		    size_t len);
/*
 * Where i18n_date() reads the zone of the times it shows: a function
 * returning the site's time_zone (app.c sets it to the settings' for
 * every program; without one, times are shown in UTC).
 */
void		 i18n_zone_source(const char *(*)(void));

/* "YYYY-MM-DD HH:MM:SS" and its NUL. */
#define I18N_MOMENT_LEN	20
/*
 * Now as the wall clock of the site's zone (i18n_zone_source()), for
 * what is kept as a local time (events); and a local wall clock,
 * "YYYY-MM-DD HH:MM" or with ":SS", as the UTC moment it is, for what is
 * typed in local time and stored in UTC (a broadcast's schedule): -1
 * when local is not one.
 */
void		 i18n_local_now(char out[I18N_MOMENT_LEN]);
int		 i18n_local_to_utc(const char *local,
		    char out[I18N_MOMENT_LEN]);

/* lang's decimal mark and the two above in lang's conventions (English's
 * for an unknown language or NULL); i18n_date() shows a moment in the
 * zone of i18n_zone_source() first (i18n_utc_to_zone()). */
char		 i18n_decimal(const char *lang);
void		 i18n_hours(const char *lang, long long hundredths, int sign,
		    char out[I18N_HOURS_LEN]);
void		 i18n_date(const char *lang, const char *iso, char *out,
		    size_t len);

/* The same, set as variable key of d. */
void		 i18n_set_hours(struct tmpl_dict *d, const char *key,
		    const char *lang, long long hundredths);
void		 i18n_set_date(struct tmpl_dict *d, const char *key,
		    const char *lang, const char *iso);

#endif
