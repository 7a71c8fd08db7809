/*
 * The database: one connection per worker, from config, in utf8mb4: over
 * db_socket, or to one node of the db_hosts list (a Galera cluster,
 * db_conn.c), moving on to the next when that node is lost.  Every statement is prepared once per connection and
 * cached (keyed by the SQL text pointer, which is a string literal), and
 * parameters are always bound: there is no way to run SQL built from input.
 *
 * Parameters are described by a format string, one letter each:
 *   'i'  long long
 *   's'  const char * (NULL binds SQL NULL)
 *   'b'  const void *, size_t  (binary, e.g. a BINARY(32) hash)
 *   'n'  SQL NULL (no argument)
 *
 * A lost connection (2006/2013, or 1047 from a Galera node out of its
 * cluster) outside a transaction is reopened and the statement retried
 * once; if that fails the call returns WEFT_ERR_DB_DOWN
 * and the app answers 503.  Duplicate keys are WEFT_ERR_DUPLICATE, lock
 * waits and deadlocks WEFT_ERR_CONFLICT.
 */
#ifndef WEFT_DB_H
#define WEFT_DB_H

#include <stddef.h>

#include "err.h"

enum weft_err	 db_connect(void);
void		 db_close(void);
/* Connects when there is no connection (after a failed start or a lost
 * one); used at the start of a request.  No ping: a connection that died
 * meanwhile is noticed and reopened by the next statement. */
enum weft_err	 db_ensure(void);

enum weft_err	 db_begin(void);
enum weft_err	 db_commit(void);
void		 db_rollback(void);

/* INSERT/UPDATE/DELETE; see db_affected() and db_insert_id().
 * db_affected() counts matched rows (CLIENT_FOUND_ROWS): 0 means no such
 * row, even when an UPDATE found its values already set. */
enum weft_err	 db_exec(const char *sql, const char *fmt, ...);
unsigned long long db_affected(void);
long long	 db_insert_id(void);

/* A SELECT's rows, fetched whole and owned by the caller. */
struct db_rows;
enum weft_err	 db_query(struct db_rows **out, const char *sql,
		    const char *fmt, ...);
/* Advances to the next row: 1 if there is one, 0 at the end. */
int		 db_next(struct db_rows *);
size_t		 db_nrows(const struct db_rows *);
/* Column values of the current row.  db_str returns NULL for SQL NULL;
 * db_int returns 0 for NULL; db_len is the byte length. */
const char	*db_str(const struct db_rows *, unsigned col);
long long	 db_int(const struct db_rows *, unsigned col);
size_t		 db_len(const struct db_rows *, unsigned col);
int		 db_null(const struct db_rows *, unsigned col);
void		 db_rows_free(struct db_rows *);

/* Convenience: the first column of the first row as an integer, for
 * COUNT(*)-like queries; WEFT_ERR_NOTFOUND when there is no row. */
enum weft_err	 db_query_int(long long *out, const char *sql,
		    const char *fmt, ...);

/*
 * The retry of a whole request (app.c): db_retry_mark() before a handler
 * runs; after it, db_retry_wanted() is WEFT_ERR_CONFLICT (a deadlock, a
 * lock wait timeout, a Galera certification conflict) or
 * WEFT_ERR_DB_DOWN (the node lost mid-transaction) when a transaction
 * since the mark failed so and nothing at all was committed since the
 * mark, so that running the handler again is safe; else WEFT_OK.  A
 * connection lost during a COMMIT or an autocommitted write (it may have
 * been applied) is never retried.
 */
void		 db_retry_mark(void);
enum weft_err	 db_retry_wanted(void);

/* The last MariaDB error number, for logging. */
unsigned	 db_errno(void);

#endif
