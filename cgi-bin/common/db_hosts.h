/*
 * The database endpoints of weft.conf's db_hosts (docs/configuration.md,
 * docs/scaling.md "The database"): a comma-separated list of
 * host:port, [IPv6]:port, host (port 3306) or /path/to/unix.sock.  A
 * worker connects to the first one that is live and moves on to the
 * next when its node goes away (db.c).  Pure: no I/O, unit-tested.
 */
#ifndef WEFT_DB_HOSTS_H
#define WEFT_DB_HOSTS_H

#include <stddef.h>

#include "err.h"

#define DB_HOSTS_MAX		8	/* endpoints in one list */
#define DB_HOSTS_PORT		3306	/* when an entry names none */

struct db_endpoint {
	char		 host[256];	/* name, address, or socket path */
	unsigned	 port;		/* 0: host is a unix socket path */
};

/*
 * Parses list into out[0..max-1] and sets *n.  An empty list (or one of
 * blanks) is no endpoints: WEFT_OK with *n == 0, the single db_socket
 * then being used.  WEFT_ERR_INVALID (with *n == 0) for an empty entry,
 * a bad host or port, an IPv6 address without brackets, a name too long
 * or more than max entries.
 */
enum weft_err	 db_hosts_parse(const char *list, struct db_endpoint *out,
		    size_t max, size_t *n);

/* "host:port", "[v6]:port" or the path, for log lines, into buf. */
const char	*db_endpoint_name(const struct db_endpoint *, char *buf,
		    size_t size);

#endif
