#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db_hosts.h"
#include "log.h"
#include "util.h"

struct config config;

/*
 * The keys, their types, bounds, defaults and descriptions: the table is
 * the file's format, config_defaults() applies its defaults, and
 * weft.conf(5) is generated from it (weft-docs --config), so the page
 * cannot drift from what the programs accept.  A description is plain
 * sentences: weft-docs escapes it for the man page.
 */
#define S(k, def, arg, desc) { #k, CONFIG_STR, offsetof(struct config, k), \
	sizeof(((struct config *)0)->k), 0, 0, def, arg, desc }
#define N(k, t, lo, hi, def, arg, desc) \
	{ #k, t, offsetof(struct config, k), 0, lo, hi, def, arg, desc }
const struct config_key config_keys[] = {
	S(db_socket, "/run/mysqld/mysqld.sock", "path",
	    "The unix socket of the MariaDB server, when db_hosts is empty "
	    "(the usual single server): weft then connects over this socket "
	    "only, never over TCP."),
	S(db_hosts, "", "endpoints",
	    "Several database servers, for a MariaDB Galera cluster "
	    "(docs/scaling.md): a comma-separated list of host:port, "
	    "[IPv6]:port, host (port 3306) or a unix socket path, such as "
	    "10.0.0.5:3306, 10.0.0.6:3306, 10.0.0.7:3306. A worker connects "
	    "to the first one that answers and is ready (wsrep_ready), and "
	    "moves to the next when its node goes away; a request whose "
	    "transaction was lost with the node, and committed nothing, is "
	    "run again there. Empty: db_socket alone."),
	N(db_hosts_spread, CONFIG_INT, 0, 1, "0", "0|1",
	    "0: every worker starts on the first endpoint of db_hosts, so one "
	    "node takes the writes while it lives and two nodes never write "
	    "the same row at once. 1: each worker starts on an endpoint of "
	    "its own (by process id), spreading the load over the nodes; two "
	    "nodes writing one row then meet at commit (a deadlock, 1213), "
	    "and the request that lost is run again."),
	N(db_connect_timeout_s, CONFIG_INT, 1, 60, "2", "seconds",
	    "How long a worker waits for one database endpoint to accept a "
	    "connection before it tries the next (or answers 503)."),
	N(db_read_timeout_s, CONFIG_INT, 1, 3600, "30", "seconds",
	    "How long a worker waits for the database to answer one "
	    "statement (and to take what it sends) before it counts the "
	    "connection as lost. With db_hosts this is how fast a worker "
	    "leaves a node that hangs without closing its connections; it "
	    "must exceed the slowest statement, and on Galera the time the "
	    "cluster takes to evict a lost node (evs.suspect_timeout)."),
	S(db_name, "weft", "name",
	    "The database that holds weft's tables."),
	S(db_user, "weft", "user",
	    "The database user the programs connect as. It needs SELECT, "
	    "INSERT, UPDATE and DELETE on the database; schema changes are "
	    "made by the migrations, as a user who may."),
	S(db_password, "", "secret",
	    "The password of db_user. The file is read by the master before "
	    "any worker starts: keep it readable by the user who starts the "
	    "programs only, or pass the password as WEFT_DB_PASSWORD."),
	S(templates_dir, "/usr/local/share/weft/templates", "path",
	    "The folder of the page templates (layout.tpl, error.tpl and one "
	    "folder per area), as make install puts them. Read when a program "
	    "starts: a program that cannot use it does not start."),
	S(run_user, "", "user",
	    "When a program is started as root, its workers switch to this "
	    "user (and its group) before they handle a request. Empty: they "
	    "stay who started them."),
	N(argon2_t, CONFIG_UINT, 1, 64, "2", "n",
	    "argon2id iterations for new password hashes. A member whose hash "
	    "was made with weaker parameters gets a new one at their next "
	    "log-in."),
	N(argon2_m_kib, CONFIG_UINT, 1024, 4194304, "19456", "KiB",
	    "argon2id memory per hash, in KiB. Each worker needs this much "
	    "while it checks a password, so workers times argon2_m_kib is the "
	    "memory that log-ins can take at once."),
	N(argon2_p, CONFIG_UINT, 1, 64, "1", "n",
	    "argon2id lanes (parallelism) for new password hashes."),
	N(cookie_secure, CONFIG_INT, 0, 1, "1", "0|1",
	    "1: the session and CSRF cookies are __Host-weft and "
	    "__Host-weft-csrf, sent over HTTPS only (Secure). 0: they are weft "
	    "and weft-csrf without Secure, for plain HTTP on 127.0.0.1 as make "
	    "run serves it. Never 0 on a public site."),
	N(session_idle_s, CONFIG_INT, 10, 86400 * 30, "1800", "seconds",
	    "A session not used for this long has ended: the member logs in "
	    "again."),
	N(session_absolute_s, CONFIG_INT, 60, 86400 * 365, "43200", "seconds",
	    "A session ends this long after its log-in, however busy."),
	N(workers, CONFIG_INT, 1, 256, "2", "n",
	    "Worker processes per program, when its -n option does not say. "
	    "Each worker serves one request at a time and holds one database "
	    "connection."),
	N(body_max, CONFIG_SIZE, 1024, 64 * 1024 * 1024, "65536", "bytes",
	    "The largest request body a program reads; a larger one is "
	    "answered 413. nginx has its own limit (client_max_body_size)."),
	N(fields_max, CONFIG_SIZE, 8, 100000, "200", "n",
	    "The most fields in one query string or one form body; more is "
	    "answered 413. Of a Cookie header only weft's own cookies are "
	    "read (at most 16), the others are skipped."),
	N(field_len_max, CONFIG_SIZE, 64, 64 * 1024 * 1024, "16384", "bytes",
	    "The longest name or value of one field or cookie, once decoded; "
	    "longer is answered 413."),
	N(throttle_window_s, CONFIG_INT, 1, 86400, "900", "seconds",
	    "Log-in throttling: the longest wait after failed log-ins, the "
	    "time after its last failure that a client address and username "
	    "start again with a clean count, and the fixed window over which "
	    "an address's failures are counted."),
	N(throttle_account_max, CONFIG_INT, 1, 100000, "5", "n",
	    "Failed log-ins to one username from one client address before "
	    "each further try has to wait: 15 seconds, then twice as long each "
	    "time, up to throttle_window_s. The owner, from another address, "
	    "is not held back. An IPv6 address counts by its /64."),
	N(throttle_address_max, CONFIG_INT, 1, 1000000, "20", "n",
	    "Failed log-ins from one client address, to any usernames, in one "
	    "window; then log-in from that address is refused until the "
	    "window ends. An unknown username is counted and answered as a "
	    "known one."),
	N(signup_window_s, CONFIG_INT, 60, 86400 * 7, "3600", "seconds",
	    "Signup throttling: the fixed window over which the applications "
	    "from one client address are counted, and so the longest wait of "
	    "an address that has sent signup_address_max of them."),
	N(signup_address_max, CONFIG_INT, 1, 100000, "5", "n",
	    "Applications from one client address (an IPv6 address by its /64) "
	    "in one signup_window_s; further ones from it are answered 429 "
	    "until the window ends. Only an application whose password is "
	    "hashed counts, not a form refused for a mistake, a taken username "
	    "or an e-mail already waiting. Raise it for a signup event where "
	    "many people apply through one address."),
	N(log_level, CONFIG_INT, 0, 3, "1", "0-3",
	    "The least important log line written: 0 debug, 1 info, 2 warn, "
	    "3 error."),
	S(site_url, "http://localhost", "url",
	    "The address of the site as members reach it, without a final "
	    "slash (https://timebank.example.org): the start of the links in "
	    "mail (a password reset, an unsubscribe link)."),
	S(mail_from, "weft <weft@localhost>", "address",
	    "The From of every message weft sends: an address, or a name and "
	    "an address in angle brackets. Its domain is also that of the "
	    "Message-IDs."),
	S(smtp_host, "localhost", "host",
	    "The mail relay weft-mailer hands every message to."),
	N(smtp_port, CONFIG_INT, 1, 65535, "25", "port",
	    "The relay's port: 25 or 587 for none or starttls, 465 for tls."),
	S(smtp_security, "none", "none|starttls|tls",
	    "none: plain SMTP (a relay on the same host); starttls: the "
	    "connection must be upgraded with STARTTLS, or nothing is sent; "
	    "tls: TLS from the first byte (port 465). The relay's certificate "
	    "is checked against the system's authorities."),
	S(smtp_user, "", "user",
	    "The relay's AUTH user name; empty: no AUTH."),
	S(smtp_password, "", "secret",
	    "The relay's AUTH password (or WEFT_SMTP_PASSWORD)."),
	N(smtp_timeout_s, CONFIG_INT, 1, 600, "30", "seconds",
	    "How long weft-mailer waits for the relay to connect or to answer "
	    "before it gives the message up for now (deferred)."),
	N(mail_batch, CONFIG_INT, 1, 1000, "20", "n",
	    "How many messages a mailer worker claims at once."),
	N(mail_lease_s, CONFIG_INT, 2, 86400, "120", "seconds",
	    "How long a claimed message stays a worker's. A worker that dies "
	    "leaves its messages claimed this long; then another sends them. "
	    "It must exceed the time a batch takes to send."),
	N(mail_retry_s, CONFIG_INT, 1, 86400, "60", "seconds",
	    "The wait before the first retry of a message the relay deferred "
	    "(a 4xx answer, no connection); each further retry waits twice as "
	    "long, up to a day."),
	N(mail_tries_max, CONFIG_INT, 1, 1000, "12", "n",
	    "Tries before a deferred message is failed for good."),
};
#undef S
#undef N

const size_t config_nkeys = NELEM(config_keys);

static int	 config_set(struct config *, const struct config_key *,
		    const char *);

/* The table's defaults; they are in range by construction (the unit
 * test sets each one). */
void
config_defaults(struct config *c)
{
	size_t	 i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < config_nkeys; i++)
		(void)config_set(c, &config_keys[i], config_keys[i].def);
}

/* Stores val into the field of k; -1 when it does not fit the type. */
static int
config_set(struct config *c, const struct config_key *k, const char *val)
{
	char		*end;
	long long	 n;

	if (k->type == CONFIG_STR) {
		if (strlen(val) >= k->size)
			return -1;
		memcpy((char *)c + k->off, val, strlen(val) + 1);
		return 0;
	}
	errno = 0;
	n = strtoll(val, &end, 10);
	if (errno != 0 || end == val || *end != '\0' || n < k->min ||
	    n > k->max)
		return -1;
	switch (k->type) {
	case CONFIG_UINT:
		*(unsigned *)((char *)c + k->off) = (unsigned)n;
		break;
	case CONFIG_INT:
		*(int *)((char *)c + k->off) = (int)n;
		break;
	case CONFIG_SIZE:
		*(size_t *)((char *)c + k->off) = (size_t)n;
		break;
	default:
		return -1;
	}
	return 0;
}

static const struct config_key *
config_find(const char *key)
{
	size_t	 i;

	for (i = 0; i < config_nkeys; i++)
		if (strcmp(config_keys[i].key, key) == 0)
			return &config_keys[i];
	return NULL;
}

static char *
config_trim(char *s)
{
	char	*e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static enum weft_err
config_read(struct config *c, const char *path)
{
	FILE			*f;
	char			 line[1024], *key, *val, *eq;
	const struct config_key	*k;
	unsigned		 lineno = 0;
	enum weft_err		 rc = WEFT_OK;

	if ((f = fopen(path, "r")) == NULL) {
		log_msg(LOGL_ERROR, "config %s: %s", path, strerror(errno));
		return WEFT_ERR_SYS;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		key = config_trim(line);
		if (*key == '\0' || *key == '#')
			continue;
		if ((eq = strchr(key, '=')) == NULL) {
			log_msg(LOGL_ERROR, "config %s:%u: no '='", path,
			    lineno);
			rc = WEFT_ERR_INVALID;
			break;
		}
		*eq = '\0';
		key = config_trim(key);
		val = config_trim(eq + 1);
		if ((k = config_find(key)) == NULL ||
		    config_set(c, k, val) == -1) {
			log_msg(LOGL_ERROR, "config %s:%u: bad key or value "
			    "for '%s'", path, lineno, key);
			rc = WEFT_ERR_INVALID;
			break;
		}
	}
	if (rc == WEFT_OK && ferror(f))
		rc = WEFT_ERR_SYS;
	fclose(f);
	return rc;
}

/* WEFT_<KEY> in the environment wins over the file. */
static enum weft_err
config_env(struct config *c)
{
	char	 name[64];
	size_t	 i, j;
	const char *val;

	for (i = 0; i < config_nkeys; i++) {
		snprintf(name, sizeof(name), "WEFT_%s", config_keys[i].key);
		for (j = 5; name[j] != '\0'; j++)
			name[j] = (char)toupper((unsigned char)name[j]);
		if ((val = getenv(name)) == NULL)
			continue;
		if (config_set(c, &config_keys[i], val) == -1) {
			log_msg(LOGL_ERROR, "environment %s: bad value", name);
			return WEFT_ERR_INVALID;
		}
	}
	return WEFT_OK;
}

/* What one key's bounds cannot say: the endpoint list parses. */
static enum weft_err
config_check(const struct config *c)
{
	struct db_endpoint	 ep[DB_HOSTS_MAX];
	size_t			 n;

	if (db_hosts_parse(c->db_hosts, ep, DB_HOSTS_MAX, &n) != WEFT_OK) {
		log_msg(LOGL_ERROR, "config: db_hosts: not a list of at most "
		    "%d host:port, [v6]:port or /socket entries", DB_HOSTS_MAX);
		return WEFT_ERR_INVALID;
	}
	return WEFT_OK;
}

enum weft_err
config_load(struct config *c, const char *path)
{
	enum weft_err	 rc;

	config_defaults(c);
	if (path != NULL && (rc = config_read(c, path)) != WEFT_OK)
		return rc;
	if ((rc = config_env(c)) != WEFT_OK)
		return rc;
	return config_check(c);
}
