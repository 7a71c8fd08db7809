/*
 * The db_hosts list of weft.conf (db_hosts.h): parsed once per worker
 * by db.c, and checked when the config is loaded so that a typo stops
 * the program at start-up rather than every request with a 503.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_hosts.h"

/* A host name or IPv4 address: letters, digits, '.', '-' and '_'. */
static int
db_hosts_name_ok(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '.' &&
		    s[i] != '-' && s[i] != '_')
			return 0;
	return 1;
}

/* An IPv6 address between brackets: hex digits, ':' and '.'. */
static int
db_hosts_v6_ok(const char *s, size_t n)
{
	size_t	 i;

	if (n < 2 || memchr(s, ':', n) == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]) && s[i] != ':' &&
		    s[i] != '.')
			return 0;
	return 1;
}

/* "1".."65535", digits only; 0 when it is not one. */
static unsigned
db_hosts_port(const char *s, size_t n)
{
	char		 tmp[8], *end;
	long		 v;

	if (n == 0 || n >= sizeof(tmp) || strspn(s, "0123456789") < n)
		return 0;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	errno = 0;
	v = strtol(tmp, &end, 10);
	if (errno != 0 || *end != '\0' || v < 1 || v > 65535)
		return 0;
	return (unsigned)v;
}

/* One entry, s[0..n-1], blanks trimmed already; -1 when it is bad. */
static int
db_hosts_entry(const char *s, size_t n, struct db_endpoint *ep)
{
	const char	*host = s, *colon, *close;
	size_t		 hlen = n;

	ep->port = DB_HOSTS_PORT;
	if (n > 0 && s[0] == '/') {
		/* A socket path: anything but blanks. */
		if (n >= sizeof(ep->host) || memchr(s, ' ', n) != NULL ||
		    memchr(s, '\t', n) != NULL)
			return -1;
		ep->port = 0;
	} else if (n > 0 && s[0] == '[') {
		if ((close = memchr(s, ']', n)) == NULL)
			return -1;
		host = s + 1;
		hlen = (size_t)(close - host);
		if (!db_hosts_v6_ok(host, hlen))
			return -1;
		if ((size_t)(close - s) + 1 < n) {
			if (close[1] != ':' || (ep->port = db_hosts_port(
			    close + 2, n - (size_t)(close - s) - 2)) == 0)
				return -1;
		}
	} else {
		if ((colon = memchr(s, ':', n)) != NULL) {
			hlen = (size_t)(colon - s);
			/* A second ':' is an IPv6 address without its
			 * brackets: its port cannot be told apart. */
			if (memchr(colon + 1, ':', n - hlen - 1) != NULL ||
			    (ep->port = db_hosts_port(colon + 1,
			    n - hlen - 1)) == 0)
				return -1;
		}
		if (!db_hosts_name_ok(s, hlen))
			return -1;
	}
	if (hlen >= sizeof(ep->host))
		return -1;
	memcpy(ep->host, host, hlen);
	ep->host[hlen] = '\0';
	return 0;
}

enum weft_err
db_hosts_parse(const char *list, struct db_endpoint *out, size_t max,
    size_t *n)
{
	const char	*p = list, *end, *a, *b;
	size_t		 k = 0;

	*n = 0;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\0')
		return WEFT_OK;
	for (;;) {
		if ((end = strchr(p, ',')) == NULL)
			end = p + strlen(p);
		for (a = p; a < end && isspace((unsigned char)*a); a++)
			continue;
		for (b = end; b > a && isspace((unsigned char)b[-1]); b--)
			continue;
		if (k == max || db_hosts_entry(a, (size_t)(b - a),
		    &out[k]) == -1)
			return WEFT_ERR_INVALID;
		k++;
		if (*end == '\0')
			break;
		p = end + 1;
	}
	*n = k;
	return WEFT_OK;
}

const char *
db_endpoint_name(const struct db_endpoint *ep, char *buf, size_t size)
{
	if (ep->port == 0)
		snprintf(buf, size, "%s", ep->host);
	else if (strchr(ep->host, ':') != NULL)
		snprintf(buf, size, "[%s]:%u", ep->host, ep->port);
	else
		snprintf(buf, size, "%s:%u", ep->host, ep->port);
	return buf;
}
