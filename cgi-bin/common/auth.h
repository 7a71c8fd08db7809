/*
 * Passwords (argon2id), sessions, CSRF and login throttling.
 * docs/architecture.md "Security" is the contract.
 */
#ifndef WEFT_AUTH_H
#define WEFT_AUTH_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"
#include "role.h"

enum member_status {
	MEMBER_APPLYING,
	MEMBER_APPROVED,
	MEMBER_DISABLED,
	MEMBER_STATUS__MAX
};

/* The statuses as stored ("applying"), and the phrase keys of their
 * names on pages (i18n.h). */
extern const char *const member_status_keys[MEMBER_STATUS__MAX];
extern const char *const member_status_title_keys[MEMBER_STATUS__MAX];
int		 member_status_parse(const char *, enum member_status *);

#define AUTH_TOKEN_HEX	65	/* 32 bytes as hex, plus NUL */
#define AUTH_HASH_MAX	160	/* an encoded argon2id hash */

/*
 * Who is asking.  member_id is the real, logged-in member (0: visitor);
 * acting_id is the member whose account is used (== member_id unless
 * "become" is active).  status, names, lang and grants are the acting
 * member's: a coordinator who becomes a plain member has a plain
 * member's rights.
 */
#define AUTH_ALERTS_MAX	5

struct actor {
	long long		 member_id;
	long long		 acting_id;
	enum member_status	 status;
	long long		 community;	/* acting member's; 0: none */
	char			 username[64];
	char			 name[128];
	char			 real_name[128];	/* the real member's name */
	char			 lang[ROLE_LANG_MAX];
	/* The alerts to show on every page: "12,7" (ids, newest first, at
	 * most AUTH_ALERTS_MAX), "" for none (sql/026_alerts.sql). */
	char			 alerts[AUTH_ALERTS_MAX * 21];
	struct grants		 grants;
	int			 has_session;
	unsigned char		 session_id[32];	/* SHA-256 of the token */
	char			 csrf[AUTH_TOKEN_HEX];
	char			 addr[64];	/* client address, for audit */
};

/* Reads a password typed or piped to a tool (weft-passwd, weft-migrate
 * -p): one line of in, its line ending (\n, \r\n) optional and dropped,
 * into out.  WEFT_ERR_INVALID when the line is empty, holds a NUL or does
 * not fit in size bytes with its NUL; WEFT_ERR_SYS when nothing could be
 * read.  What was read is wiped from memory but out. */
enum weft_err	 auth_password_read(FILE *in, char *out, size_t size);
/* Hashes password with the configured argon2id parameters into out. */
enum weft_err	 auth_password_hash(const char *password, char *out,
		    size_t outlen);
/* 1: matches, 0: does not, -1: error (malformed hash). */
int		 auth_password_verify(const char *encoded, const char *password);
/* Were these hashed with weaker parameters than config now asks for? */
int		 auth_password_needs_rehash(const char *encoded);

/* The session cookie's name: "__Host-weft" or, with cookie_secure = 0,
 * "weft"; and the visitors' CSRF cookie ("__Host-weft-csrf"/"weft-csrf"). */
const char	*auth_cookie_name(void);
const char	*auth_csrf_cookie_name(void);

/* Fills actor from the session token of the cookie (NULL or unknown or
 * expired: a visitor, WEFT_OK).  Touches last_seen at most once a minute. */
enum weft_err	 auth_session_load(const char *token, const char *addr,
		    struct actor *);
/* New session for member_id; writes the cookie token (hex) to token. */
enum weft_err	 auth_session_create(long long member_id, const char *addr,
		    char token[AUTH_TOKEN_HEX]);
enum weft_err	 auth_session_delete(const unsigned char id[32]);
/* Ends every session of member_id (disabled, password changed). */
enum weft_err	 auth_sessions_end_member(long long member_id);
/* Constant-time comparison of a submitted CSRF token with expected. */
int		 auth_csrf_equal(const char *expected, const char *submitted);
/* 32 random bytes (getrandom) as 64 hex characters. */
enum weft_err	 auth_random_hex(char out[AUTH_TOKEN_HEX]);
/* A new session token: 32 random bytes as hex in token (the cookie's
 * value) and their SHA-256 in id (sessions.id, all the database keeps).
 * On failure token is "". */
enum weft_err	 auth_token_new(char token[AUTH_TOKEN_HEX],
		    unsigned char id[32]);

enum login_result {
	LOGIN_OK,
	LOGIN_BAD,		/* unknown user or wrong password: same answer */
	LOGIN_THROTTLED,	/* too many failures: account+address, address */
	LOGIN_DISABLED,		/* right password, account disabled */
	LOGIN_REJECTED,		/* right password, application rejected or
				 * expired (sql/030): the applicant may
				 * apply again, with another username */
	LOGIN_ERROR,
	LOGIN__MAX
};

/*
 * ---- Throttling (auth_throttle.c) ----
 * Failed log-ins are counted per (account, address) with growing delays,
 * and per address in a fixed window; an IPv6 address counts by its /64,
 * the part one subscriber is given.  There is no limit per account alone:
 * anyone could then lock anyone out (issue 15, 7).  An attacker's
 * address slows itself; the owner logs in from their own.
 */
#define AUTH_ACCOUNT_KEY_MAX	128	/* bytes of the lower-cased username */
#define AUTH_ADDR_KEY_MAX	64	/* INET6_ADDRSTRLEN, "/64" and NUL */
/* The throttling key of a client address: an IPv4 address as it is
 * (also when written IPv4-mapped), an IPv6 address as its /64 network,
 * anything else as given, cut to fit. */
void		 auth_address_key(const char *addr,
		    char out[AUTH_ADDR_KEY_MAX]);
/* Is a log-in for acct (the lower-cased username) from addr held back?
 * *retry_after_s is then the seconds until it is not, else 0. */
enum weft_err	 auth_throttle_check(const char *acct, const char *addr,
		    int *retry_after_s);
/* One more failure for acct from addr, and for addr. */
enum weft_err	 auth_throttle_fail(const char *acct, const char *addr);
/* A log-in that worked: the (account, address) count starts again. */
enum weft_err	 auth_throttle_clear(const char *acct, const char *addr);
/*
 * Signup applications per client address (IPv6 by its /64, as above):
 * signup_address_max in a fixed window of signup_window_s (issue 15, 6).
 * What is counted is the work: call auth_signup_count() just before an
 * application's password is hashed, not for a form that is refused.
 * auth_signup_check: is an application from addr held back?
 * *retry_after_s is then the seconds until the window ends, else 0.
 */
enum weft_err	 auth_signup_check(const char *addr, int *retry_after_s);
enum weft_err	 auth_signup_count(const char *addr);

/*
 * Checks username and password, with the throttling above and the same
 * work (one argon2 verification) for unknown accounts.  On LOGIN_OK sets *member_id and rehashes the password when
 * the parameters have risen; on LOGIN_THROTTLED sets *retry_after_s.
 */
enum login_result auth_login(const char *username, const char *password,
		    const char *addr, long long *member_id, int *retry_after_s);

/*
 * ---- "Become another member" (auth_become.c) ----
 * Added by the members area (become); additive, nothing above changed.
 * docs/authorization.md rule 5: whether the actor may become the target is
 * role_may_become()'s answer, asked first by the caller.  Both calls
 * rotate the session: a new token (written to token, for the cookie) and
 * a new CSRF token replace the actor's session row, which is deleted.
 * The real member stays the same; created_at, the original log-in time,
 * is carried over, so "become" expires with the session and never extends
 * its absolute lifetime.  Call inside the caller's transaction, with the
 * audit row, and set the cookie after the commit.
 *
 * auth_session_become: the new session acts as target_id.  An actor who
 * is already acting gets WEFT_ERR_CONFLICT (come back first), as does a
 * concurrent change of the same session.
 * auth_session_unbecome: the new session acts as the real member again;
 * WEFT_ERR_NOTFOUND when the actor is not acting.
 */
enum weft_err	 auth_session_become(const struct actor *, long long target_id,
		    char token[AUTH_TOKEN_HEX]);
enum weft_err	 auth_session_unbecome(const struct actor *,
		    char token[AUTH_TOKEN_HEX]);

#endif
