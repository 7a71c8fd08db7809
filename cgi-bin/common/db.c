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
#include <strings.h>
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
 * What app.c's retry of a whole request needs to know (db_retry_*()):
 * the writes made durable so far (commits, autocommitted writes), and
 * whether a transaction since the mark failed in a way that left
 * nothing behind (a deadlock, a lock wait timeout, a Galera
 * certification conflict, its node lost before the commit) or in one
 * whose outcome is unknown (the connection lost during COMMIT or during
 * an autocommitted write: it may have been applied).
 */
static unsigned long		 db_durable;
static unsigned long		 db_durable_mark;
static enum weft_err		 db_retry_cause;
static int			 db_retry_unsure;

static const char		 db_begin_sql[] = "START TRANSACTION";

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
	/* Galera: "WSREP has not yet prepared node for application use",
	 * a node out of its cluster's primary component or still joining:
	 * for weft it is gone until it is synced again. */
	case ER_UNKNOWN_COM_ERROR:
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

/* The connection was lost: dropped, and the next connect tries the next
 * endpoint first (db_conn.c). */
static void
db_lost(void)
{
	db_drop();
	db_conn_lost();
}

/* Opens the connection (db_conn.c: the endpoints, their settings). */
static enum weft_err
db_open(void)
{
	enum weft_err	 e;

	db_drop();
	db_tx = DB_TX_NONE;
	if ((e = db_conn_open(&db_conn, &db_last_errno)) != WEFT_OK)
		db_conn = NULL;
	return e;
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

/* Does sql only read?  (A statement outside a transaction that does not
 * is an autocommitted write.) */
static int
db_is_read(const char *sql)
{
	while (*sql == ' ' || *sql == '\t' || *sql == '\n')
		sql++;
	return strncasecmp(sql, "SELECT", 6) == 0 ||
	    strncasecmp(sql, "SHOW", 4) == 0;
}

/* Counts a durable write, or notes why a statement failed, for
 * db_retry_wanted(). */
static void
db_retry_note(const char *sql, enum weft_err e)
{
	int	 write = db_tx == DB_TX_NONE && sql != db_begin_sql &&
		    !db_is_read(sql);

	if (e == WEFT_OK && write)
		db_durable++;
	else if (e == WEFT_ERR_DB_DOWN && write)
		db_retry_unsure = 1;
	else if (e == WEFT_ERR_DB_DOWN || e == WEFT_ERR_CONFLICT)
		db_retry_cause = e;
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
		e = db_run_once(sql, p, out);
		if (e == WEFT_ERR_DB && !db_conn_usable(db_conn)) {
			log_msg(LOGL_WARN, "db: the node refuses its clients "
			    "(after %u): leaving it", db_last_errno);
			e = WEFT_ERR_DB_DOWN;
		}
		if (e != WEFT_ERR_DB_DOWN)
			break;
		db_lost();
		if (db_tx != DB_TX_NONE)
			break;
		if (attempt == 0)
			log_msg(LOGL_INFO, "db: reconnecting");
	}
	db_retry_note(sql, e);
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
	/* Whatever failed before is the caller's to have handled: what
	 * db_retry_wanted() says is of the transactions from here on. */
	db_retry_cause = WEFT_OK;
	p.n = 0;
	if ((e = db_run(db_begin_sql, &p, NULL)) == WEFT_OK)
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
			db_durable++;
			return WEFT_OK;
		}
		/* Galera's certification conflict is a 1213 here: nothing
		 * was applied.  A lost connection leaves it unknown. */
		if ((e = db_fail_conn("COMMIT")) == WEFT_ERR_DB_DOWN) {
			db_lost();
			db_retry_unsure = 1;
		} else if (e == WEFT_ERR_CONFLICT)
			db_retry_cause = e;
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
		db_lost();
	}
}

/* ---- retrying a request (app.c) --------------------------------------- */

void
db_retry_mark(void)
{
	db_durable_mark = db_durable;
	db_retry_cause = WEFT_OK;
	db_retry_unsure = 0;
}

enum weft_err
db_retry_wanted(void)
{
	if (db_retry_unsure || db_durable != db_durable_mark)
		return WEFT_OK;
	return db_retry_cause;
}
