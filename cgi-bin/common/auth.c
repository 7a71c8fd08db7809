/*
 * Passwords, sessions, CSRF and login throttling (docs/architecture.md
 * "Security"; issue 2, "auth").
 *
 * Passwords are argon2id with the parameters of config.  Each worker is a
 * single-threaded process that hashes one password at a time, so at most
 * `workers` hashes run at once per program and memory stays bounded by
 * workers x argon2_m_kib: there is no separate hashing queue.
 *
 * A session token is 32 bytes from getrandom(); the browser holds them as
 * hex in the cookie, the database holds only their SHA-256 (sessions.id),
 * so a copy of the sessions table opens no session.
 */
#include <sys/random.h>

#include <argon2.h>
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "settings.h"
#include "sha256.h"
#include "util.h"

#define AUTH_SALT_LEN	16
#define AUTH_HASH_LEN	32
#define AUTH_TOUCH_S	60	/* seconds between last_seen_at writes */

const char *const member_status_keys[MEMBER_STATUS__MAX] = {
	"applying",
	"approved",
	"disabled",
};

const char *const member_status_title_keys[MEMBER_STATUS__MAX] = {
	N_("status.applying"),
	N_("status.approved"),
	N_("status.disabled"),
};

int
member_status_parse(const char *s, enum member_status *out)
{
	int	 i;

	if ((i = util_lookup(member_status_keys, MEMBER_STATUS__MAX, s)) ==
	    -1)
		return -1;
	*out = (enum member_status)i;
	return 0;
}

/* ---- randomness ------------------------------------------------------ */

/* Fills buf from the kernel's CSPRNG; short reads and EINTR are retried. */
static enum weft_err
auth_random(void *buf, size_t len)
{
	unsigned char	*p = buf;
	ssize_t		 n;

	while (len > 0) {
		if ((n = getrandom(p, len, 0)) == -1) {
			if (errno == EINTR)
				continue;
			log_msg(LOGL_ERROR, "getrandom: %s", strerror(errno));
			return WEFT_ERR_SYS;
		}
		p += n;
		len -= (size_t)n;
	}
	return WEFT_OK;
}

static void
auth_hex(const unsigned char *in, size_t len, char *out)
{
	static const char	 digits[] = "0123456789abcdef";
	size_t			 i;

	for (i = 0; i < len; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 0x0f];
	}
	out[2 * len] = '\0';
}

static int
auth_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Exactly 2*len lower-case hex digits into len bytes; -1 otherwise. */
static int
auth_unhex(const char *in, unsigned char *out, size_t len)
{
	size_t	 i;
	int	 hi, lo;

	if (strlen(in) != 2 * len)
		return -1;
	for (i = 0; i < len; i++) {
		if ((hi = auth_hexval(in[2 * i])) < 0 ||
		    (lo = auth_hexval(in[2 * i + 1])) < 0)
			return -1;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

enum weft_err
auth_random_hex(char out[AUTH_TOKEN_HEX])
{
	unsigned char	 b[32];
	enum weft_err	 e;

	if ((e = auth_random(b, sizeof(b))) != WEFT_OK)
		return e;
	auth_hex(b, sizeof(b), out);
	explicit_bzero(b, sizeof(b));
	return WEFT_OK;
}

enum weft_err
auth_token_new(char token[AUTH_TOKEN_HEX], unsigned char id[SHA256_LEN])
{
	unsigned char	 raw[32];
	enum weft_err	 e;

	token[0] = '\0';
	if ((e = auth_random(raw, sizeof(raw))) != WEFT_OK)
		return e;
	sha256(raw, sizeof(raw), id);
	auth_hex(raw, sizeof(raw), token);
	explicit_bzero(raw, sizeof(raw));
	return WEFT_OK;
}

/* ---- passwords ------------------------------------------------------- */

enum weft_err
auth_password_read(FILE *in, char *out, size_t size)
{
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 n;
	enum weft_err	 e = WEFT_ERR_INVALID;

	if (size > 0)
		out[0] = '\0';
	if ((n = getline(&line, &cap, in)) <= 0) {
		e = WEFT_ERR_SYS;
		goto out;
	}
	if (line[n - 1] == '\n')
		line[--n] = '\0';
	if (n > 0 && line[n - 1] == '\r')
		line[--n] = '\0';
	if (n == 0 || (size_t)n >= size ||
	    memchr(line, '\0', (size_t)n) != NULL)
		goto out;
	memcpy(out, line, (size_t)n + 1);
	e = WEFT_OK;
out:
	if (line != NULL) {
		explicit_bzero(line, cap);
		free(line);
	}
	return e;
}

enum weft_err
auth_password_hash(const char *password, char *out, size_t outlen)
{
	unsigned char	 salt[AUTH_SALT_LEN];
	enum weft_err	 e;
	int		 rc;

	if (password == NULL || out == NULL ||
	    argon2_encodedlen(config.argon2_t, config.argon2_m_kib,
	    config.argon2_p, AUTH_SALT_LEN, AUTH_HASH_LEN, Argon2_id) > outlen)
		return WEFT_ERR_INVALID;
	if ((e = auth_random(salt, sizeof(salt))) != WEFT_OK)
		return e;
	rc = argon2id_hash_encoded(config.argon2_t, config.argon2_m_kib,
	    config.argon2_p, password, strlen(password), salt, sizeof(salt),
	    AUTH_HASH_LEN, out, outlen);
	if (rc != ARGON2_OK) {
		log_msg(LOGL_ERROR, "argon2id_hash_encoded: %s",
		    argon2_error_message(rc));
		return rc == ARGON2_MEMORY_ALLOCATION_ERROR ? WEFT_ERR_NOMEM :
		    WEFT_ERR_INVALID;
	}
	return WEFT_OK;
}

int
auth_password_verify(const char *encoded, const char *password)
{
	int	 rc;

	if (encoded == NULL || password == NULL ||
	    strncmp(encoded, "$argon2id$", 10) != 0)
		return -1;
	rc = argon2id_verify(encoded, password, strlen(password));
	if (rc == ARGON2_OK)
		return 1;
	if (rc == ARGON2_VERIFY_MISMATCH)
		return 0;
	return -1;
}

/* Reads "name=<digits>" at *p into *out and moves *p past it. */
static int
auth_param(const char **p, const char *name, unsigned long *out)
{
	size_t	 n = strlen(name);
	char	*end;

	if (strncmp(*p, name, n) != 0 || (*p)[n] != '=' ||
	    !isdigit((unsigned char)(*p)[n + 1]))
		return -1;
	errno = 0;
	*out = strtoul(*p + n + 1, &end, 10);
	if (errno != 0 || *out > UINT32_MAX)
		return -1;
	*p = end;
	return 0;
}

/*
 * 1 when encoded ("$argon2id$v=19$m=M,t=T,p=P$salt$hash") was made with
 * less memory, fewer passes or fewer lanes than config now asks for, 0
 * when it is as strong or stronger, -1 when it cannot be parsed.
 */
int
auth_password_needs_rehash(const char *encoded)
{
	const char	*p = encoded;
	unsigned long	 v, m, t, lanes;

	if (p == NULL || strncmp(p, "$argon2id$", 10) != 0)
		return -1;
	p += 10;
	if (auth_param(&p, "v", &v) == -1 || *p++ != '$' ||
	    auth_param(&p, "m", &m) == -1 || *p++ != ',' ||
	    auth_param(&p, "t", &t) == -1 || *p++ != ',' ||
	    auth_param(&p, "p", &lanes) == -1 || *p != '$' ||
	    strchr(p + 1, '$') == NULL)
		return -1;
	return v < ARGON2_VERSION_NUMBER || m < config.argon2_m_kib ||
	    t < config.argon2_t || lanes < config.argon2_p;
}

/* ---- cookies and CSRF ------------------------------------------------ */

const char *
auth_cookie_name(void)
{
	return config.cookie_secure ? "__Host-weft" : "weft";
}

const char *
auth_csrf_cookie_name(void)
{
	return config.cookie_secure ? "__Host-weft-csrf" : "weft-csrf";
}

/* Constant time in the content of the tokens; the length is not secret
 * (every token is 64 characters) and a different one fails at once. */
int
auth_csrf_equal(const char *expected, const char *submitted)
{
	size_t		 i, n;
	unsigned char	 diff = 0;

	if (expected == NULL || submitted == NULL)
		return 0;
	n = strlen(expected);
	if (n == 0 || strlen(submitted) != n)
		return 0;
	for (i = 0; i < n; i++)
		diff |= (unsigned char)(expected[i] ^ submitted[i]);
	return diff == 0;
}

/* ---- sessions -------------------------------------------------------- */

/* The stored id of a cookie token: SHA-256 of its 32 raw bytes.  -1 when
 * the cookie is not 64 lower-case hex digits. */
static int
auth_token_id(const char *token, unsigned char id[SHA256_LEN])
{
	unsigned char	 raw[32];

	if (token == NULL || auth_unhex(token, raw, sizeof(raw)) == -1)
		return -1;
	sha256(raw, sizeof(raw), id);
	explicit_bzero(raw, sizeof(raw));
	return 0;
}

static void
auth_visitor(struct actor *a, const char *addr)
{
	char	 keep[sizeof(a->addr)];

	util_copy(keep, sizeof(keep), addr);
	memset(a, 0, sizeof(*a));
	snprintf(a->addr, sizeof(a->addr), "%s", keep);
	snprintf(a->lang, sizeof(a->lang), "en");
}

/*
 * The acting member (acting_member_id while "become" is active, else the
 * member) gives status, names, language, community and grants; the real
 * member gives real_name.  Idle and absolute expiry are in the WHERE, so
 * an expired session is simply not found.
 *
 * The acting member's grants come in the same statement, one row per
 * grant (the session's columns repeated; one row with NULL grant columns
 * for a member without any), which saves every logged-in page a round
 * trip.  There is no ORDER BY: it would cost a temporary table, and
 * role_grants_read() orders the few grants by id itself.  It returns the
 * settings and catalogue generations too (one primary key read each), so
 * that the worker's copies of the settings and the translations are
 * checked without a statement of their own (settings.h, i18n.h), and
 * the ids of the alerts the acting member has to see (sql/026_alerts.sql:
 * live today, for the whole timebank or their community, not dismissed;
 * the newest AUTH_ALERTS_MAX), so that a page without one costs nothing
 * more (app_page.c reads the texts only when there are some).
 */
static const char auth_sql_load[] =
    "SELECT s.member_id, COALESCE(s.acting_member_id, s.member_id), s.csrf,"
    " m.status, m.username, m.name, m.lang, COALESCE(m.community_id, 0),"
    " r.name, r.status,"
    " TIMESTAMPDIFF(SECOND, s.last_seen_at, UTC_TIMESTAMP()),"
    " (SELECT generation FROM cache_generations WHERE name = 'settings'),"
    " (SELECT generation FROM cache_generations WHERE name = 'catalogue'),"
    " (SELECT SUBSTRING_INDEX(GROUP_CONCAT(a.id ORDER BY a.id DESC), ',', 5)"
    " FROM alerts a WHERE a.ends_on >= UTC_DATE()"
    " AND a.starts_on <= UTC_DATE()"
    " AND (a.community_id IS NULL OR a.community_id = m.community_id)"
    " AND NOT EXISTS (SELECT 1 FROM alert_dismissals d"
    " WHERE d.alert_id = a.id AND d.member_id = m.id)),"
    " g.id, g.role, g.scope_kind, g.community_id, g.lang"
    " FROM sessions s"
    " JOIN members m ON m.id = COALESCE(s.acting_member_id, s.member_id)"
    " JOIN members r ON r.id = s.member_id"
    " LEFT JOIN grants g ON g.member_id = m.id"
    " WHERE s.id = ?"
    " AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? SECOND"
    " AND s.created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND";
#define AUTH_COL_SETTINGS 11	/* the settings generation */
#define AUTH_COL_CATALOGUE 12	/* the phrase catalogue's (i18n.h) */
#define AUTH_COL_ALERTS	13	/* the ids of the alerts to show, or NULL */
#define AUTH_COL_GRANTS	14	/* the first grant column of auth_sql_load */

/* Copies column col of the current row into dst (size n), "" for NULL. */
static void
auth_col(const struct db_rows *r, unsigned col, char *dst, size_t n)
{
	util_copy(dst, n, db_str(r, col));
}

/* A session loaded but idle longer than the site's idle time
 * (settings.h; shorter than weft.conf's, which the statement applied) has
 * ended too: deleted, the actor a visitor. */
static enum weft_err
auth_session_idle(struct actor *a, const char *addr, long long idle)
{
	enum weft_err	 e;

	/* The site's time is whole minutes: a session used within the last
	 * one needs no setting read (nor its statement, settings.h). */
	if (!a->has_session || idle < 60 || idle <= settings_session_idle_s())
		return WEFT_OK;
	e = auth_session_delete(a->session_id);
	auth_visitor(a, addr);
	return e;
}

enum weft_err
auth_session_load(const char *token, const char *addr, struct actor *a)
{
	struct db_rows		*r = NULL;
	unsigned char		 id[SHA256_LEN];
	enum member_status	 real_status;
	enum weft_err		 e;
	long long		 idle = 0;

	auth_visitor(a, addr);
	settings_expect(0);
	i18n_expect(0);
	if (token == NULL || auth_token_id(token, id) == -1)
		return WEFT_OK;
	if ((e = db_query(&r, auth_sql_load, "bii", id, sizeof(id),
	    (long long)config.session_idle_s,
	    (long long)config.session_absolute_s)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		/* Unknown or expired: an expired row is of no further use. */
		db_rows_free(r);
		return db_exec("DELETE FROM sessions WHERE id = ?", "b", id,
		    sizeof(id));
	}
	settings_expect(db_int(r, AUTH_COL_SETTINGS));
	i18n_expect(db_int(r, AUTH_COL_CATALOGUE));
	a->member_id = db_int(r, 0);
	a->acting_id = db_int(r, 1);
	auth_col(r, 2, a->csrf, sizeof(a->csrf));
	if (member_status_parse(db_str(r, 3), &a->status) == -1 ||
	    member_status_parse(db_str(r, 9), &real_status) == -1) {
		e = WEFT_ERR_DB;
		goto out;
	}
	auth_col(r, 4, a->username, sizeof(a->username));
	auth_col(r, 5, a->name, sizeof(a->name));
	auth_col(r, 6, a->lang, sizeof(a->lang));
	a->community = db_int(r, 7);
	auth_col(r, AUTH_COL_ALERTS, a->alerts, sizeof(a->alerts));
	auth_col(r, 8, a->real_name, sizeof(a->real_name));
	idle = db_int(r, 10);
	memcpy(a->session_id, id, sizeof(id));
	if (real_status == MEMBER_DISABLED || a->status == MEMBER_DISABLED) {
		/* A disabled member has no session, wherever it came from. */
		if (real_status == MEMBER_DISABLED)
			e = auth_sessions_end_member(a->member_id);
		else
			e = auth_session_delete(id);
		auth_visitor(a, addr);
		goto out;
	}
	if ((e = role_grants_read(r, AUTH_COL_GRANTS, a->acting_id,
	    &a->grants)) != WEFT_OK)
		goto out;
	a->has_session = 1;
	if (idle >= AUTH_TOUCH_S)
		e = db_exec("UPDATE sessions SET last_seen_at = UTC_TIMESTAMP()"
		    " WHERE id = ?", "b", id, sizeof(id));
out:
	db_rows_free(r);
	if (e != WEFT_OK || (e = auth_session_idle(a, addr, idle)) != WEFT_OK)
		auth_visitor(a, addr);
	return e;
}

enum weft_err
auth_session_create(long long member_id, const char *addr,
    char token[AUTH_TOKEN_HEX])
{
	unsigned char	 id[SHA256_LEN];
	char		 csrf[AUTH_TOKEN_HEX], where[64];
	enum weft_err	 e;

	if ((e = auth_token_new(token, id)) != WEFT_OK ||
	    (e = auth_random_hex(csrf)) != WEFT_OK)
		goto out;
	util_copy(where, sizeof(where), addr);
	/* Sessions idle past their limit are garbage: sweep them here, on
	 * the indexed last_seen_at, rather than in a separate job. */
	if ((e = db_exec("DELETE FROM sessions"
	    " WHERE last_seen_at < UTC_TIMESTAMP() - INTERVAL ? SECOND", "i",
	    (long long)config.session_idle_s)) != WEFT_OK)
		goto out;
	if ((e = db_exec("INSERT INTO sessions (id, member_id, csrf, addr)"
	    " VALUES (?, ?, ?, ?)", "biss", id, sizeof(id), member_id, csrf,
	    where)) != WEFT_OK)
		goto out;
	e = db_exec("UPDATE members SET last_login_at = UTC_TIMESTAMP()"
	    " WHERE id = ?", "i", member_id);
out:
	/* The caller gets a token only for a session that exists. */
	if (e != WEFT_OK)
		explicit_bzero(token, AUTH_TOKEN_HEX);
	return e;
}

enum weft_err
auth_session_delete(const unsigned char id[32])
{
	return db_exec("DELETE FROM sessions WHERE id = ?", "b", id,
	    (size_t)SHA256_LEN);
}

enum weft_err
auth_sessions_end_member(long long member_id)
{
	return db_exec("DELETE FROM sessions WHERE member_id = ?", "i",
	    member_id);
}

/* ---- log-in and throttling ------------------------------------------- */

/*
 * The hash checked for unknown usernames, so that they cost one argon2
 * verification like known ones.  Made once per process with the current
 * parameters from a random password nobody knows.
 */
static const char *
auth_dummy_hash(void)
{
	static char	 hash[AUTH_HASH_MAX];
	char		 pw[AUTH_TOKEN_HEX];

	if (hash[0] != '\0')
		return hash;
	if (auth_random_hex(pw) != WEFT_OK ||
	    auth_password_hash(pw, hash, sizeof(hash)) != WEFT_OK)
		hash[0] = '\0';
	explicit_bzero(pw, sizeof(pw));
	return hash[0] != '\0' ? hash : NULL;
}

/* The account key: the username lower-cased (ASCII, as usernames are),
 * cut at a character boundary to fit login_throttle.k. */
static void
auth_account_key(const char *username, char out[AUTH_ACCOUNT_KEY_MAX + 1])
{
	size_t	 i;

	for (i = 0; username[i] != '\0' && i < AUTH_ACCOUNT_KEY_MAX; i++)
		out[i] = (char)tolower((unsigned char)username[i]);
	while (i > 0 && ((unsigned char)username[i] & 0xc0) == 0x80)
		i--;
	out[i] = '\0';
}

/* After a successful log-in: a stronger hash when config asks for one.
 * Failing to rehash is logged, not fatal: the old hash still works. */
static void
auth_rehash(long long member_id, const char *encoded, const char *password)
{
	char	 hash[AUTH_HASH_MAX];

	if (auth_password_needs_rehash(encoded) != 1)
		return;
	if (auth_password_hash(password, hash, sizeof(hash)) != WEFT_OK ||
	    db_exec("UPDATE members SET password_hash = ? WHERE id = ?", "si",
	    hash, member_id) != WEFT_OK)
		log_msg(LOGL_WARN, "rehashing the password of member %lld "
		    "failed", member_id);
}

/*
 * The account of a log-in: *id (0: none), its password hash (hash, of
 * AUTH_HASH_MAX; "" when none), its status, and *rejected when it is an
 * application that ended without approval (never approved, a row of
 * member_rejections, sql/030): that gets its own message, after the right
 * password only, as "disabled" does.
 */
static enum weft_err
auth_login_account(const char *acct, char *hash, long long *id,
    enum member_status *status, int *rejected)
{
	struct db_rows	*r = NULL;
	enum weft_err	 e;

	hash[0] = '\0';
	if ((e = db_query(&r, "SELECT m.id, m.password_hash, m.status,"
	    " m.approved_at IS NULL AND EXISTS (SELECT 1 FROM"
	    " member_rejections j WHERE j.member_id = m.id) FROM members m"
	    " WHERE m.username = ?", "s", acct)) != WEFT_OK)
		return e;
	if (db_next(r) && member_status_parse(db_str(r, 2), status) == 0 &&
	    db_str(r, 1) != NULL) {
		*id = db_int(r, 0);
		*rejected = db_int(r, 3) != 0;
		snprintf(hash, AUTH_HASH_MAX, "%s", db_str(r, 1));
	}
	db_rows_free(r);
	return WEFT_OK;
}

enum login_result
auth_login(const char *username, const char *password, const char *addr,
    long long *member_id, int *retry_after_s)
{
	char			 acct[AUTH_ACCOUNT_KEY_MAX + 1];
	char			 hash[AUTH_HASH_MAX];
	const char		*check;
	enum member_status	 status = MEMBER_DISABLED;
	enum login_result	 res = LOGIN_ERROR;
	long long		 id = 0;
	int			 ok, rejected = 0;

	*member_id = 0;
	*retry_after_s = 0;
	if (username == NULL || password == NULL)
		return LOGIN_BAD;
	if (addr == NULL)
		addr = "";
	/* Made on the first attempt of any kind, so that its cost does not
	 * single out the first unknown username a worker sees. */
	if (auth_dummy_hash() == NULL)
		return LOGIN_ERROR;
	auth_account_key(username, acct);
	/* Throttled: refused before any password is looked at. */
	if (auth_throttle_check(acct, addr, retry_after_s) != WEFT_OK)
		return LOGIN_ERROR;
	if (*retry_after_s > 0)
		return LOGIN_THROTTLED;
	if (auth_login_account(acct, hash, &id, &status, &rejected) !=
	    WEFT_OK)
		return LOGIN_ERROR;
	/* Unknown accounts cost one verification too (same time). */
	check = id != 0 ? hash : auth_dummy_hash();
	ok = auth_password_verify(check, password);
	if (ok == -1) {
		log_msg(LOGL_ERROR, "unusable password hash for member %lld",
		    id);
		return LOGIN_ERROR;
	}
	if (ok == 0 || id == 0) {
		if (auth_throttle_fail(acct, addr) != WEFT_OK)
			return LOGIN_ERROR;
		return LOGIN_BAD;
	}
	if (auth_throttle_clear(acct, addr) != WEFT_OK)
		goto out;
	if (status == MEMBER_DISABLED) {
		res = rejected ? LOGIN_REJECTED : LOGIN_DISABLED;
		goto out;
	}
	auth_rehash(id, hash, password);
	*member_id = id;
	res = LOGIN_OK;
out:
	explicit_bzero(hash, sizeof(hash));
	return res;
}
