/*
 * util.h's helpers.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util.h"

int
util_lookup(const char *const *keys, size_t n, const char *key)
{
	size_t	 i;

	for (i = 0; key != NULL && i < n; i++)
		if (keys[i] != NULL && strcmp(key, keys[i]) == 0)
			return (int)i;
	return -1;
}

void
util_copy(char *dst, size_t len, const char *src)
{
	snprintf(dst, len, "%s", src != NULL ? src : "");
}

enum weft_err
util_now_tm(struct tm *out)
{
	time_t	 now = time(NULL);

	if (now == (time_t)-1 || gmtime_r(&now, out) == NULL)
		return WEFT_ERR_SYS;
	return WEFT_OK;
}

enum weft_err
util_today(char out[UTIL_DATE_LEN])
{
	struct tm	 tm;

	if (util_now_tm(&tm) != WEFT_OK ||
	    strftime(out, UTIL_DATE_LEN, "%Y-%m-%d", &tm) != 10)
		return WEFT_ERR_SYS;
	return WEFT_OK;
}
