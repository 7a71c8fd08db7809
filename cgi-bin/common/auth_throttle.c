/*
 * Log-in throttling (auth.h "Throttling").  Two counts in login_throttle:
 *
 * - kind 'pair', key "ADDRESS ACCOUNT": after throttle_account_max
 *   failures, each further attempt from that address on that account must
 *   wait AUTH_DELAY_BASE_S, then twice that, and so on up to
 *   throttle_window_s; throttle_window_s after the last failure the count
 *   starts again.  A guesser gets a handful of tries an hour; the owner,
 *   from another address, is not held back at all.
 * - kind 'address': throttle_address_max failures over any accounts in a
 *   fixed window of throttle_window_s (a spray over many usernames).
 *
 * And one count of signups (issue 15, 6), in the same table:
 *
 * - kind 'signup', key the address: signup_address_max applications in a
 *   fixed window of signup_window_s.  "failures" counts applications
 *   there, and last_failure is the last one.
 *
 * Attempts checked at the same moment in several workers may each pass:
 * the limits can be overshot by at most the number of workers, harmless.
 */
#include <arpa/inet.h>

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "config.h"
#include "db.h"
#include "util.h"

#define AUTH_DELAY_BASE_S	15
/* Address key, a space, account key: login_throttle.k holds 200. */
#define AUTH_PAIR_KEY_MAX	(AUTH_ADDR_KEY_MAX + AUTH_ACCOUNT_KEY_MAX + 2)

void
auth_address_key(const char *addr, char out[AUTH_ADDR_KEY_MAX])
{
	struct in6_addr	 a6;
	char		 text[INET6_ADDRSTRLEN];
	size_t		 i;

	if (addr != NULL && inet_pton(AF_INET6, addr, &a6) == 1) {
		if (IN6_IS_ADDR_V4MAPPED(&a6) &&
		    inet_ntop(AF_INET, &a6.s6_addr[12], text,
		    sizeof(text)) != NULL) {
			snprintf(out, AUTH_ADDR_KEY_MAX, "%s", text);
			return;
		}
		for (i = 8; i < 16; i++)
			a6.s6_addr[i] = 0;
		if (inet_ntop(AF_INET6, &a6, text, sizeof(text)) != NULL) {
			snprintf(out, AUTH_ADDR_KEY_MAX, "%s/64", text);
			return;
		}
	}
	util_copy(out, AUTH_ADDR_KEY_MAX, addr);
}

static void
auth_pair_key(const char *acct, const char *addr, char *out, size_t len)
{
	char	 ak[AUTH_ADDR_KEY_MAX];

	auth_address_key(addr, ak);
	snprintf(out, len, "%s %s", ak, acct);
}

/* The delay a pair with failures failures must wait after its last one:
 * none up to the free tries, then doubling up to the window. */
static long long
auth_pair_delay(long long failures)
{
	long long	 d = AUTH_DELAY_BASE_S, n;

	if (failures < config.throttle_account_max)
		return 0;
	for (n = failures - config.throttle_account_max; n > 0 &&
	    d < config.throttle_window_s; n--)
		d *= 2;
	return d < config.throttle_window_s ? d : config.throttle_window_s;
}

enum weft_err
auth_throttle_check(const char *acct, const char *addr, int *retry_after_s)
{
	struct db_rows	*r = NULL;
	char		 pk[AUTH_PAIR_KEY_MAX], ak[AUTH_ADDR_KEY_MAX];
	long long	 left;
	enum weft_err	 e;

	*retry_after_s = 0;
	auth_pair_key(acct, addr, pk, sizeof(pk));
	auth_address_key(addr, ak);
	if ((e = db_query(&r, "SELECT kind, failures,"
	    " TIMESTAMPDIFF(SECOND, window_start, UTC_TIMESTAMP()),"
	    " TIMESTAMPDIFF(SECOND, last_failure, UTC_TIMESTAMP())"
	    " FROM login_throttle"
	    " WHERE (kind = 'pair' AND k = ?)"
	    " OR (kind = 'address' AND k = ?)", "ss", pk, ak)) != WEFT_OK)
		return e;
	while (db_next(r)) {
		if (strcmp(db_str(r, 0), "pair") == 0)
			left = db_int(r, 3) >= config.throttle_window_s ? 0 :
			    auth_pair_delay(db_int(r, 1)) - db_int(r, 3);
		else
			left = db_int(r, 2) >= config.throttle_window_s ||
			    db_int(r, 1) < config.throttle_address_max ? 0 :
			    config.throttle_window_s - db_int(r, 2);
		if (left > *retry_after_s)
			*retry_after_s = (int)left;
	}
	db_rows_free(r);
	return WEFT_OK;
}

/* One more failure for (kind, k); a count whose window of w seconds has
 * ended (for a pair: since its last failure; for an address or a signup:
 * since the window began) starts anew.  failures is assigned first, so
 * that its IF() reads the old times. */
static enum weft_err
auth_count_failure(const char *kind, const char *k, long long w)
{
	return db_exec("INSERT INTO login_throttle (kind, k, failures,"
	    " window_start, last_failure)"
	    " VALUES (?, ?, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
	    " ON DUPLICATE KEY UPDATE"
	    " failures = IF(IF(kind = 'pair', last_failure, window_start)"
	    " <= UTC_TIMESTAMP() - INTERVAL ? SECOND, 1, failures + 1),"
	    " window_start = IF(window_start <= UTC_TIMESTAMP()"
	    " - INTERVAL ? SECOND, UTC_TIMESTAMP(), window_start),"
	    " last_failure = UTC_TIMESTAMP()",
	    "ssii", kind, k, w, w);
}

/* Rows of ended windows (mostly made-up usernames) are swept now and
 * then, each kind after its own window; last_failure has no index and
 * needs none for this. */
static enum weft_err
auth_throttle_sweep(void)
{
	static unsigned	 ncounted;

	if (++ncounted % 64 != 0)
		return WEFT_OK;
	return db_exec("DELETE FROM login_throttle WHERE last_failure <"
	    " UTC_TIMESTAMP() - INTERVAL IF(kind = 'signup', ?, ?) SECOND",
	    "ii", (long long)config.signup_window_s,
	    (long long)config.throttle_window_s);
}

enum weft_err
auth_throttle_fail(const char *acct, const char *addr)
{
	char		 pk[AUTH_PAIR_KEY_MAX], ak[AUTH_ADDR_KEY_MAX];
	long long	 w = config.throttle_window_s;
	enum weft_err	 e;

	auth_pair_key(acct, addr, pk, sizeof(pk));
	auth_address_key(addr, ak);
	if ((e = auth_count_failure("pair", pk, w)) != WEFT_OK ||
	    (e = auth_count_failure("address", ak, w)) != WEFT_OK)
		return e;
	return auth_throttle_sweep();
}

enum weft_err
auth_throttle_clear(const char *acct, const char *addr)
{
	char	 pk[AUTH_PAIR_KEY_MAX];

	auth_pair_key(acct, addr, pk, sizeof(pk));
	return db_exec("DELETE FROM login_throttle WHERE kind = 'pair'"
	    " AND k = ?", "s", pk);
}

/* One statement on the primary key: the cheap question every signup post
 * that passed its form asks before anything costly. */
enum weft_err
auth_signup_check(const char *addr, int *retry_after_s)
{
	char		 ak[AUTH_ADDR_KEY_MAX];
	long long	 left = 0;
	enum weft_err	 e;

	*retry_after_s = 0;
	auth_address_key(addr, ak);
	e = db_query_int(&left, "SELECT ? - TIMESTAMPDIFF(SECOND, window_start,"
	    " UTC_TIMESTAMP()) FROM login_throttle WHERE kind = 'signup'"
	    " AND k = ? AND failures >= ?", "isi",
	    (long long)config.signup_window_s, ak,
	    (long long)config.signup_address_max);
	if (e == WEFT_ERR_NOTFOUND)
		return WEFT_OK;
	if (e != WEFT_OK)
		return e;
	if (left > 0)
		*retry_after_s = (int)left;
	return WEFT_OK;
}

enum weft_err
auth_signup_count(const char *addr)
{
	char		 ak[AUTH_ADDR_KEY_MAX];
	enum weft_err	 e;

	auth_address_key(addr, ak);
	if ((e = auth_count_failure("signup", ak,
	    config.signup_window_s)) != WEFT_OK)
		return e;
	return auth_throttle_sweep();
}
