/*
 * The small things every file needs once: the length of a static array,
 * a key's index in a string table, a bounded string copy from a column
 * that may be NULL, and today's date in UTC (the database's time zone
 * too).
 */
#ifndef WEFT_UTIL_H
#define WEFT_UTIL_H

#include <stddef.h>
#include <time.h>

#include "err.h"

/* Elements of a static array (not of a pointer). */
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* "YYYY-MM-DD" and its NUL. */
#define UTIL_DATE_LEN	11

/* The index of key in keys[0 .. n), or -1 (key NULL or not there): for
 * the string tables of enums, e.g. role_keys[ROLE__MAX]. */
int		 util_lookup(const char *const *keys, size_t n, const char *key);
/* Copies src into dst (len bytes, NUL-terminated, cut short when too
 * long); NULL copies as "", the way a NULL column reads. */
void		 util_copy(char *dst, size_t len, const char *src);
/* The current time broken down in UTC; WEFT_ERR_SYS when the clock or
 * gmtime_r() fails. */
enum weft_err	 util_now_tm(struct tm *out);
/* Today's date in UTC as "YYYY-MM-DD"; WEFT_ERR_SYS as util_now_tm(). */
enum weft_err	 util_today(char out[UTIL_DATE_LEN]);

#endif
