/*
 * What db.c (connection, statements, transactions) and db_rows.c (a
 * result's rows) share, and nothing else includes: the module's
 * interface is db.h.
 */
#ifndef WEFT_DB_INTERNAL_H
#define WEFT_DB_INTERNAL_H

#include <stddef.h>

#include <mysql.h>

#include "db.h"

/* Maps the statement's MariaDB error to a weft error and logs it; the
 * connection's state (db_errno(), a lost connection) follows from it.
 * db.c. */
enum weft_err	 db_fail_stmt(MYSQL_STMT *, const char *sql);

/* Fetches the whole result of the executed statement st into a new
 * db_rows, owned by the caller.  db_rows.c. */
enum weft_err	 db_fetch(MYSQL_STMT *st, const char *sql,
		    struct db_rows **out);
/* A ready connection to the endpoint in use, or the next that answers;
 * *err is the MariaDB error of a failure.  db_conn.c. */
enum weft_err	 db_conn_open(MYSQL **out, unsigned *err);
/* 0 when a db_hosts node that failed a statement refuses its clients
 * (then it counts as lost), else 1. */
int		 db_conn_usable(MYSQL *);
/* The connection in use was lost: move on to the next endpoint. */
void		 db_conn_lost(void);

/* The number of columns of a result, 0 for a statement without one. */
size_t		 db_ncols(const struct db_rows *);

#endif
