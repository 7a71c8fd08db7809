/*
 * The database connection of one worker process, its prepared statement
 * cache, parameter binding, running statements, transactions and the
 * reconnect-once rule of docs/architecture.md (step 9, "Errors").  db.h is
 * the contract; a result's rows are fetched and read by db_rows.c.
 *
 * A worker is single-threaded and forked before it connects, so all the
 * state below is plain file-local data: one connection, one cache.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>

#include "config.h"
#include "db.h"
#include "db_internal.h"
#include "log.h"
#include "util.h"

#define DB_STMT_MAX		256	/* cache slots, a power of two */
#define DB_PARAMS_MAX		64	/* parameters of one statement */
#define DB_CONNECT_TIMEOUT_S	2
#define DB_IO_TIMEOUT_S		30
#define DB_OUTAGE_LOG_S		60	/* one line per interval while down */

/*
 * The transaction state.  DB_TX_FAILED is a transaction that the server
 * has already ended (lost connection, deadlock) or that must not go on
 * (lock wait timeout): every statement is refused until the caller says
 * db_rollback() or db_commit(), so that the rest of a broken transaction
 * cannot run in autocommit mode and be half-applied.
 */
enum db_tx {
	DB_TX_NONE,
	DB_TX_OPEN,
	DB_TX_FAILED,
	DB_TX__MAX
};

struct db_slot {
	const char	*sql;	/* the key: the caller's string literal */
	char		*text;	/* a copy of the text it had when prepared */
	MYSQL_STMT	*stmt;
};

/* The parameters of one call, gathered once from the va_list so that a
 * retry after a reconnect can bind them again. */
struct db_params {
	size_t		 n;
	MYSQL_BIND	 bind[DB_PARAMS_MAX];
	long long	 ival[DB_PARAMS_MAX];
	unsigned long	 len[DB_PARAMS_MAX];
};

static MYSQL			*db_conn;
static struct db_slot		 db_slots[DB_STMT_MAX];
static size_t			 db_nslots;
static enum db_tx		 db_tx;
static enum weft_err		 db_tx_err;
static unsigned			 db_last_errno;
static unsigned long long	 db_last_affected;
static long long		 db_last_insert_id;

/*
 * A database outage, as this worker has seen it.  With the database down
 * every request fails to connect; logging each failure wrote about 2,000
 * lines a second under load.  The first failure is logged with its
 * reason, then one line per DB_OUTAGE_LOG_S with the count of failures
 * since the last line, then the recovery with the outage's length.
 */
static struct {
	time_t		 since;		/* 0: the database is reachable */
	time_t		 last_line;
	unsigned long	 failures;	/* since last_line */
	unsigned long	 total;
} db_outage;

/* ---- errors ---------------------------------------------------------- */

/* Errors after which the connection is gone and must be reopened: the
 * client's own (the socket is closed, or closes during the statement) and
 * the server's word that it killed the connection or is shutting down. */
static int
db_is_lost(unsigned e)
{
	switch (e) {
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_SERVER_LOST_EXTENDED:
	case ER_CONNECTION_KILLED:
	case ER_SERVER_SHUTDOWN:
		return 1;
	default:
		return 0;
	}
}

/*
 * Maps a MariaDB error to a weft error and logs it.  A duplicate key is an
 * answer the caller expects (a username is taken), so it is only a debug
 * line; the statement text is a string literal and safe to log, the
 * values bound to it never are.
 */
static enum weft_err
db_fail(unsigned e, const char *msg, const char *sql)
{
	db_last_errno = e;
	if (e == ER_DUP_ENTRY) {
		log_msg(LOGL_DEBUG, "db: duplicate key: %.200s", sql);
		return WEFT_ERR_DUPLICATE;
	}
	if (e == ER_LOCK_WAIT_TIMEOUT || e == ER_LOCK_DEADLOCK) {
		log_msg(LOGL_WARN, "db: %u %s: %.200s", e, msg, sql);
		return WEFT_ERR_CONFLICT;
	}
	if (db_is_lost(e)) {
		log_msg(LOGL_WARN, "db: connection lost (%u %s)", e, msg);
		return WEFT_ERR_DB_DOWN;
	}
	/* A value that cannot be compared with an ASCII column (a key, a
	 * tag) is the request's fault, not the server's: a 400, not a 500.
	 * Statements should not let it get here (make security found some);
	 * the warning says where one still does. */
	if (e == ER_CANT_AGGREGATE_2COLLATIONS ||
	    e == ER_CANT_AGGREGATE_3COLLATIONS ||
	    e == ER_CANT_AGGREGATE_NCOLLATIONS) {
		log_msg(LOGL_WARN, "db: %u %s: %.200s", e, msg, sql);
		return WEFT_ERR_INVALID;
	}
	log_msg(LOGL_ERROR, "db: %u %s: %.200s", e, msg, sql);
	return WEFT_ERR_DB;
}

enum weft_err
db_fail_stmt(MYSQL_STMT *st, const char *sql)
{
	return db_fail(mysql_stmt_errno(st), mysql_stmt_error(st), sql);
}

static enum weft_err
db_fail_conn(const char *what)
{
	return db_fail(mysql_errno(db_conn), mysql_error(db_conn), what);
}

/* ---- the statement cache -------------------------------------------- */

/* Frees one slot; -1 when the server could not be told (the connection is
 * gone), which is harmless: the client's memory is freed all the same. */
static int
db_slot_free(struct db_slot *s)
{
	int	 rc = 0;

	if (s->stmt != NULL && mysql_stmt_close(s->stmt) != 0)
		rc = -1;
	free(s->text);
	s->sql = NULL;
	s->text = NULL;
	s->stmt = NULL;
	return rc;
}

static void
db_cache_clear(void)
{
	size_t	 i, failed = 0;

	for (i = 0; i < DB_STMT_MAX; i++)
		if (db_slot_free(&db_slots[i]) == -1)
			failed++;
	if (failed > 0)
		log_msg(LOGL_DEBUG, "db: %zu statements not closed on the "
		    "server", failed);
	db_nslots = 0;
}

static size_t
db_hash(const char *sql)
{
	uint64_t	 h = (uint64_t)(uintptr_t)sql;

	/* Literals sit close together in .rodata: mix the bits. */
	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15ull;
	h ^= h >> 29;
	return (size_t)h & (DB_STMT_MAX - 1);
}

/* The slot of sql, or the empty slot where it goes. */
static struct db_slot *
db_slot_find(const char *sql)
{
	size_t	 i;

	for (i = db_hash(sql); db_slots[i].sql != NULL;
	    i = (i + 1) & (DB_STMT_MAX - 1))
		if (db_slots[i].sql == sql)
			break;
	return &db_slots[i];
}

/*
 * The prepared statement for sql on the current connection, prepared on
 * its first use there (open addressing, linear probing, kept under 3/4
 * full so that a probe always ends).  The key is the pointer; the text is
 * compared too, so that a caller breaking the "string literal" rule gets
 * its own statement prepared rather than someone else's run.  Slots are
 * never freed one by one (that would cut probe chains): a full cache, or
 * a changed text, empties it all.  Only one statement is in use at a
 * time, and none between calls, so nothing can hold on to a slot.
 */
static enum weft_err
db_stmt(const char *sql, MYSQL_STMT **out)
{
	struct db_slot	*s;
	MYSQL_STMT	*st;
	my_bool		 on = 1;
	enum weft_err	 e;

	*out = NULL;
	s = db_slot_find(sql);
	if (s->sql != NULL && strcmp(s->text, sql) == 0) {
		*out = s->stmt;
		return WEFT_OK;
	}
	if (s->sql != NULL || db_nslots + 1 > DB_STMT_MAX * 3 / 4) {
		log_msg(LOGL_WARN, "db: statement cache emptied (%s): %.200s",
		    s->sql != NULL ? "text changed under its pointer" :
		    "full", sql);
		db_cache_clear();
		s = db_slot_find(sql);
	}
	if ((st = mysql_stmt_init(db_conn)) == NULL)
		return db_fail_conn(sql);
	if (mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &on) != 0) {
		e = db_fail_stmt(st, sql);
		goto err;
	}
	if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
		e = db_fail_stmt(st, sql);
		goto err;
	}
	if ((s->text = strdup(sql)) == NULL) {
		e = WEFT_ERR_NOMEM;
		goto err;
	}
	s->sql = sql;
	s->stmt = st;
	db_nslots++;
	*out = st;
	return WEFT_OK;
err:
	if (mysql_stmt_close(st) != 0)
		log_msg(LOGL_DEBUG, "db: closing a statement failed");
	return e;
}

/* ---- connection -------------------------------------------------------- */

/* Forgets the connection and its statements; the server ends an open
 * transaction of a closed connection by rolling it back. */
static void
db_drop(void)
{
	db_cache_clear();
	if (db_conn != NULL)
		mysql_close(db_conn);
	db_conn = NULL;
}

/*
 * Session settings, the same on every connection:
 * - time_zone UTC, so that NOW() and TIMESTAMP columns agree with the
 *   UTC_TIMESTAMP() defaults of the schema whatever the host's zone;
 * - sql_mode pinned (strict), so that a host's my.cnf cannot turn a too
 *   long value into a silently truncated one;
 * - READ COMMITTED: each statement sees what is committed when it runs,
 *   and InnoDB takes no gap locks for plain writes, which keeps the
 *   insert-heavy tables (sessions, login_throttle, audit_log) free of the
 *   deadlocks REPEATABLE READ's next-key locks cause under load.  The
 *   invariants that need more (balances, the last admin) take row locks
 *   with SELECT ... FOR UPDATE, which lock the same under both levels.
 */
static const char *const db_session_sql[] = {
	"SET time_zone = '+00:00', sql_mode = 'STRICT_TRANS_TABLES,"
	    "STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,"
	    "NO_ENGINE_SUBSTITUTION'",
	"SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED",
};

/* A failed connect: logged in full the first time, then counted. */
static void
db_outage_failed(unsigned e, const char *msg)
{
	time_t	 now = time(NULL);

	if (db_outage.since == 0) {
		db_outage.since = db_outage.last_line = now;
		db_outage.failures = 0;
		db_outage.total = 1;
		log_msg(LOGL_ERROR, "db: connecting to %s: %u %s",
		    config.db_socket, e, msg);
		return;
	}
	db_outage.failures++;
	db_outage.total++;
	if (now - db_outage.last_line < DB_OUTAGE_LOG_S)
		return;
	log_msg(LOGL_ERROR, "db: still unreachable after %lds: %lu failed "
	    "connects in the last %lds (%u %s)", (long)(now - db_outage.since),
	    db_outage.failures, (long)(now - db_outage.last_line), e, msg);
	db_outage.last_line = now;
	db_outage.failures = 0;
}

/* A connect that worked: the end of an outage, if there was one. */
static void
db_outage_over(void)
{
	if (db_outage.since == 0)
		return;
	log_msg(LOGL_WARN, "db: reachable again after %lds and %lu failed "
	    "connects", (long)(time(NULL) - db_outage.since), db_outage.total);
	db_outage.since = 0;
}

/*
 * Opens the connection from config: unix socket, utf8mb4, short connect
 * timeout (a down database must answer 503 fast), bounded reads and
 * writes.  The library's own reconnect stays off: it would lose the
 * session settings and the prepared statements behind our back.
 * CLIENT_FOUND_ROWS makes db_affected() count the rows an UPDATE matched,
 * so 0 means "no such row" even when the values were already set.
 */
static enum weft_err
db_open(void)
{
	MYSQL		*m;
	unsigned	 cto = DB_CONNECT_TIMEOUT_S, ioto = DB_IO_TIMEOUT_S;
	unsigned	 proto = MYSQL_PROTOCOL_SOCKET;
	my_bool		 off = 0;
	size_t		 i;

	db_drop();
	db_tx = DB_TX_NONE;
	if ((m = mysql_init(NULL)) == NULL) {
		log_msg(LOGL_ERROR, "db: mysql_init: out of memory");
		return WEFT_ERR_NOMEM;
	}
	if (mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, "utf8mb4") != 0 ||
	    mysql_optionsv(m, MYSQL_OPT_CONNECT_TIMEOUT, &cto) != 0 ||
	    mysql_optionsv(m, MYSQL_OPT_READ_TIMEOUT, &ioto) != 0 ||
	    mysql_optionsv(m, MYSQL_OPT_WRITE_TIMEOUT, &ioto) != 0 ||
	    mysql_optionsv(m, MYSQL_OPT_PROTOCOL, &proto) != 0 ||
	    mysql_optionsv(m, MYSQL_OPT_RECONNECT, &off) != 0) {
		log_msg(LOGL_ERROR, "db: setting connection options: %s",
		    mysql_error(m));
		mysql_close(m);
		return WEFT_ERR_DB;
	}
	if (mysql_real_connect(m, NULL, config.db_user, config.db_password,
	    config.db_name, 0, config.db_socket, CLIENT_FOUND_ROWS) == NULL) {
		db_last_errno = mysql_errno(m);
		db_outage_failed(mysql_errno(m), mysql_error(m));
		mysql_close(m);
		return WEFT_ERR_DB_DOWN;
	}
	db_outage_over();
	for (i = 0; i < NELEM(db_session_sql);
	    i++) {
		if (mysql_real_query(m, db_session_sql[i],
		    strlen(db_session_sql[i])) != 0) {
			db_last_errno = mysql_errno(m);
			log_msg(LOGL_ERROR, "db: %s: %u %s", db_session_sql[i],
			    mysql_errno(m), mysql_error(m));
			mysql_close(m);
			return db_is_lost(db_last_errno) ? WEFT_ERR_DB_DOWN :
			    WEFT_ERR_DB;
		}
	}
	db_conn = m;
	return WEFT_OK;
}

enum weft_err
db_connect(void)
{
	if (db_conn != NULL)
		return WEFT_OK;
	return db_open();
}

void
db_close(void)
{
	db_drop();
	db_tx = DB_TX_NONE;
}

/*
 * No ping here: a ping is a round trip on every request to learn what the
 * next statement learns for free.  A connection that died while idle is
 * found by that statement (2006/2013), reopened and the statement retried
 * once (db_run), which is the same recovery at no cost when all is well.
 * What is left to do here is to open a connection that is not there (the
 * database was down at start or at the last loss), so that the request
 * fails early with 503 while it still is.  (Workers call this after the
 * fork: a connection is never shared by two processes.)
 */
enum weft_err
db_ensure(void)
{
	return db_connect();
}

unsigned
db_errno(void)
{
	return db_last_errno;
}

unsigned long long
db_affected(void)
{
	return db_last_affected;
}

long long
db_insert_id(void)
{
	return db_last_insert_id;
}

/* ---- parameters ---------------------------------------------------------- */

/*
 * Gathers the arguments described by fmt (db.h) into bind records.  An
 * unknown letter or too many parameters is a programmer error.
 */
static enum weft_err
db_params_collect(struct db_params *p, const char *fmt, va_list ap)
{
	MYSQL_BIND	*b;
	const char	*s;
	const void	*v;
	size_t		 k, n;

	p->n = 0;
	for (k = 0; fmt != NULL && fmt[k] != '\0'; k++) {
		if (k == DB_PARAMS_MAX) {
			log_msg(LOGL_ERROR, "db: more than %d parameters",
			    DB_PARAMS_MAX);
			assert(!"db: too many parameters");
			return WEFT_ERR_INVALID;
		}
		b = &p->bind[k];
		memset(b, 0, sizeof(*b));
		switch (fmt[k]) {
		case 'i':
			p->ival[k] = va_arg(ap, long long);
			b->buffer_type = MYSQL_TYPE_LONGLONG;
			b->buffer = &p->ival[k];
			break;
		case 's':
			if ((s = va_arg(ap, const char *)) == NULL) {
				b->buffer_type = MYSQL_TYPE_NULL;
				break;
			}
			p->len[k] = (unsigned long)strlen(s);
			b->buffer_type = MYSQL_TYPE_STRING;
			b->buffer = (void *)(uintptr_t)s;
			b->buffer_length = p->len[k];
			b->length = &p->len[k];
			break;
		case 'b':
			v = va_arg(ap, const void *);
			n = va_arg(ap, size_t);
			if (v == NULL && n > 0) {
				log_msg(LOGL_ERROR, "db: parameter %zu: NULL "
				    "with a length", k + 1);
				assert(!"db: binary parameter NULL");
				return WEFT_ERR_INVALID;
			}
			p->len[k] = (unsigned long)n;
			b->buffer_type = MYSQL_TYPE_BLOB;
			b->buffer = (void *)(uintptr_t)(v != NULL ? v : "");
			b->buffer_length = p->len[k];
			b->length = &p->len[k];
			break;
		case 'n':
			b->buffer_type = MYSQL_TYPE_NULL;
			break;
		default:
			log_msg(LOGL_ERROR, "db: bad format letter '%c'",
			    fmt[k]);
			assert(!"db: bad format letter");
			return WEFT_ERR_INVALID;
		}
	}
	p->n = k;
	return WEFT_OK;
}

/* ---- running a statement ------------------------------------------------ */

/* One attempt: prepare (cached), bind, execute, and fetch or count. */
static enum weft_err
db_run_once(const char *sql, struct db_params *p, struct db_rows **out)
{
	MYSQL_STMT	*st;
	unsigned long	 want;
	enum weft_err	 e;

	if ((e = db_stmt(sql, &st)) != WEFT_OK)
		return e;
	if ((want = mysql_stmt_param_count(st)) != p->n) {
		log_msg(LOGL_ERROR, "db: %lu placeholders, %zu parameters: "
		    "%.200s", want, p->n, sql);
		assert(!"db: placeholders and format disagree");
		return WEFT_ERR_INVALID;
	}
	if (p->n > 0 && mysql_stmt_bind_param(st, p->bind) != 0)
		return db_fail_stmt(st, sql);
	if (mysql_stmt_execute(st) != 0)
		return db_fail_stmt(st, sql);
	if (out != NULL)
		return db_fetch(st, sql, out);
	db_last_affected = mysql_stmt_affected_rows(st);
	db_last_insert_id = (long long)mysql_stmt_insert_id(st);
	/* A db_exec() of something that returns rows: read and drop them,
	 * or the next statement is "out of sync". */
	if (mysql_stmt_field_count(st) > 0 &&
	    (mysql_stmt_store_result(st) != 0 ||
	    mysql_stmt_free_result(st) != 0))
		return db_fail_stmt(st, sql);
	return WEFT_OK;
}

/*
 * Runs a statement, opening the connection if there is none.  A lost
 * connection outside a transaction is reopened and the statement tried
 * once more.  Note the cost of that rule: an autocommitted write whose
 * connection died after the server got it may have been applied, and is
 * applied again; writes that matter run in transactions, which are never
 * retried.  Inside a transaction a lost connection or a lock conflict
 * fails the transaction (DB_TX_FAILED) until the caller rolls back.
 */
static enum weft_err
db_run(const char *sql, struct db_params *p, struct db_rows **out)
{
	enum weft_err	 e = WEFT_ERR_DB_DOWN;
	int		 attempt;

	if (out != NULL)
		*out = NULL;
	db_last_errno = 0;
	if (db_tx == DB_TX_FAILED)
		return db_tx_err;
	for (attempt = 0; attempt < 2; attempt++) {
		if (db_conn == NULL && (e = db_open()) != WEFT_OK)
			return e;
		if ((e = db_run_once(sql, p, out)) != WEFT_ERR_DB_DOWN)
			break;
		db_drop();
		if (db_tx != DB_TX_NONE)
			break;
		if (attempt == 0)
			log_msg(LOGL_INFO, "db: reconnecting");
	}
	if (db_tx == DB_TX_OPEN &&
	    (e == WEFT_ERR_DB_DOWN || e == WEFT_ERR_CONFLICT)) {
		db_tx = DB_TX_FAILED;
		db_tx_err = e;
	}
	return e;
}

/* Gathers the variadic arguments of the calling entry point into p. */
#define DB_COLLECT(p, fmt, e) do {					\
	va_list	 ap_;							\
	va_start(ap_, fmt);						\
	(e) = db_params_collect(&(p), (fmt), ap_);			\
	va_end(ap_);							\
} while (0)

enum weft_err
db_exec(const char *sql, const char *fmt, ...)
{
	struct db_params	 p;
	enum weft_err		 e;

	DB_COLLECT(p, fmt, e);
	return e != WEFT_OK ? e : db_run(sql, &p, NULL);
}

enum weft_err
db_query(struct db_rows **out, const char *sql, const char *fmt, ...)
{
	struct db_params	 p;
	enum weft_err		 e;

	*out = NULL;
	DB_COLLECT(p, fmt, e);
	return e != WEFT_OK ? e : db_run(sql, &p, out);
}

enum weft_err
db_query_int(long long *out, const char *sql, const char *fmt, ...)
{
	struct db_params	 p;
	struct db_rows		*r;
	enum weft_err		 e;

	*out = 0;
	DB_COLLECT(p, fmt, e);
	if (e != WEFT_OK || (e = db_run(sql, &p, &r)) != WEFT_OK)
		return e;
	if (db_next(r) && db_ncols(r) > 0)
		*out = db_int(r, 0);
	else
		e = WEFT_ERR_NOTFOUND;
	db_rows_free(r);
	return e;
}

/* ---- transactions -------------------------------------------------------- */

/* Outside a transaction, so a lost connection is reopened once here too. */
enum weft_err
db_begin(void)
{
	struct db_params	 p;
	enum weft_err		 e;

	if (db_tx != DB_TX_NONE) {
		log_msg(LOGL_ERROR, "db: begin inside a transaction");
		assert(!"db: nested db_begin");
		return WEFT_ERR_INVALID;
	}
	p.n = 0;
	if ((e = db_run("START TRANSACTION", &p, NULL)) == WEFT_OK)
		db_tx = DB_TX_OPEN;
	return e;
}

/* A commit that fails leaves nothing half done: the transaction is rolled
 * back (or, connection lost, was rolled back by the server) and the
 * caller gets why.  Committing a failed transaction only rolls it back. */
enum weft_err
db_commit(void)
{
	enum weft_err	 e;

	db_last_errno = 0;
	switch (db_tx) {
	case DB_TX_OPEN:
		if (mysql_commit(db_conn) == 0) {
			db_tx = DB_TX_NONE;
			return WEFT_OK;
		}
		if ((e = db_fail_conn("COMMIT")) == WEFT_ERR_DB_DOWN)
			db_drop();
		break;
	case DB_TX_FAILED:
		e = db_tx_err;
		break;
	default:
		log_msg(LOGL_ERROR, "db: commit outside a transaction");
		return WEFT_ERR_INVALID;
	}
	db_rollback();
	return e;
}

/* Cheap when there is nothing to do: the app calls it after every
 * request.  If ROLLBACK itself fails the connection is closed, which makes
 * the server roll back; it is reopened by the next request. */
void
db_rollback(void)
{
	if (db_tx == DB_TX_NONE)
		return;
	db_tx = DB_TX_NONE;
	if (db_conn != NULL && mysql_rollback(db_conn) != 0) {
		(void)db_fail_conn("ROLLBACK");
		db_drop();
	}
}
