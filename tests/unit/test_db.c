/*
 * The database layer against a real MariaDB: the stack of tests/run.sh,
 * found through WEFT_CONFIG (without it every test is skipped).  Round
 * trips of every parameter type, utf8mb4, the error mapping (duplicate,
 * lock conflict), transactions, the audit row, the reconnect-once rule
 * with its refused twin inside a transaction, and when a request may be
 * run again (db_retry_wanted()).
 *
 * The stack's database user may read and write rows but not create tables
 * (weft-stack grants DML and CREATE TEMPORARY TABLES), so the scratch
 * table is a temporary one, and what needs a table seen by two
 * connections or outliving a killed one uses login_throttle rows under
 * keys no username can have ("test_db:..."), deleted at the end.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <mysql.h>

#include "audit.h"
#include "auth.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "util.h"

static int	 have_db;

static const char sql_create[] =
    "CREATE TEMPORARY TABLE IF NOT EXISTS test_db_scratch ("
    " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
    " k VARCHAR(64) NOT NULL,"
    " n BIGINT NULL,"
    " s VARCHAR(255) NULL,"
    " b VARBINARY(64) NULL,"
    " t TEXT NULL,"
    " UNIQUE KEY test_db_scratch_k (k)"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
static const char sql_insert[] =
    "INSERT INTO test_db_scratch (k, n, s, b, t) VALUES (?, ?, ?, ?, ?)";
static const char sql_select[] =
    "SELECT id, k, n, s, b, t FROM test_db_scratch WHERE k = ?";
static const char sql_count[] =
    "SELECT COUNT(*) FROM test_db_scratch WHERE k LIKE ?";
static const char sql_tinsert[] =
    "INSERT INTO login_throttle (kind, k) VALUES ('account', ?)";
static const char sql_tcount[] =
    "SELECT COUNT(*) FROM login_throttle WHERE k LIKE ?";
static const char sql_tclean[] =
    "DELETE FROM login_throttle WHERE k LIKE 'test\\_db:%'";

static int
setup(void **state)
{
	const char	*path = getenv("WEFT_CONFIG");

	(void)state;
	log_init("test_db", LOGL_ERROR);
	if (path == NULL || *path == '\0')
		return 0;
	if (config_load(&config, path) != WEFT_OK) {
		fprintf(stderr, "test_db: cannot load %s\n", path);
		return -1;
	}
	if (db_connect() != WEFT_OK) {
		fprintf(stderr, "test_db: cannot connect\n");
		return -1;
	}
	if (db_exec(sql_create, "") != WEFT_OK ||
	    db_exec(sql_tclean, "") != WEFT_OK)
		return -1;
	have_db = 1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	if (have_db) {
		if (db_exec("DROP TEMPORARY TABLE IF EXISTS "
		    "test_db_scratch", "") != WEFT_OK ||
		    db_exec(sql_tclean, "") != WEFT_OK)
			return -1;
		db_close();
	}
	return 0;
}

#define NEED_DB() do {							\
	if (!have_db)							\
		skip();							\
} while (0)

static void
test_round_trip(void **state)
{
	static const unsigned char bin[] = { 0x00, 0xff, 0x27, 0x5c, 0x00,
	    0x80, 0x22, 0x0a };
	struct db_rows	*r;
	long long	 id;

	(void)state;
	NEED_DB();
	assert_int_equal(db_exec(sql_insert, "sisbs", "rt-1", LLONG_MIN,
	    "it's \"quoted\" \\ ; --", bin, sizeof(bin), ""), WEFT_OK);
	assert_int_equal(db_affected(), 1);
	assert_true((id = db_insert_id()) > 0);
	assert_int_equal(db_exec(sql_insert, "sisbn", "rt-2", LLONG_MAX,
	    (const char *)NULL, (const void *)NULL, (size_t)0), WEFT_OK);
	assert_true(db_insert_id() > id);

	assert_int_equal(db_query(&r, sql_select, "s", "rt-1"), WEFT_OK);
	assert_int_equal(db_nrows(r), 1);
	assert_null(db_str(r, 0));	/* before the first db_next() */
	assert_true(db_next(r));
	assert_int_equal(db_int(r, 0), id);
	assert_string_equal(db_str(r, 1), "rt-1");
	assert_int_equal(db_int(r, 2), LLONG_MIN);
	assert_string_equal(db_str(r, 3), "it's \"quoted\" \\ ; --");
	assert_false(db_null(r, 4));
	assert_int_equal(db_len(r, 4), sizeof(bin));
	assert_memory_equal(db_str(r, 4), bin, sizeof(bin));
	assert_false(db_null(r, 5));
	assert_string_equal(db_str(r, 5), "");	/* empty is not NULL */
	assert_false(db_next(r));
	assert_null(db_str(r, 1));
	db_rows_free(r);

	assert_int_equal(db_query(&r, sql_select, "s", "rt-2"), WEFT_OK);
	assert_true(db_next(r));
	assert_int_equal(db_int(r, 2), LLONG_MAX);
	assert_true(db_null(r, 3));
	assert_null(db_str(r, 3));
	assert_int_equal(db_len(r, 4), 0);	/* empty binary, not NULL */
	assert_false(db_null(r, 4));
	assert_true(db_null(r, 5));
	assert_int_equal(db_int(r, 5), 0);
	db_rows_free(r);

	/* No row: an empty result, and NOTFOUND from db_query_int. */
	assert_int_equal(db_query(&r, sql_select, "s", "rt-none"), WEFT_OK);
	assert_int_equal(db_nrows(r), 0);
	assert_false(db_next(r));
	db_rows_free(r);
	assert_int_equal(db_query_int(&id, sql_select, "s", "rt-none"),
	    WEFT_ERR_NOTFOUND);
	assert_int_equal(db_query_int(&id, sql_count, "s", "rt-%"), WEFT_OK);
	assert_int_equal(id, 2);

	/* An UPDATE that matches a row counts it, changed or not. */
	assert_int_equal(db_exec("UPDATE test_db_scratch SET n = n "
	    "WHERE k = ?", "s", "rt-2"), WEFT_OK);
	assert_int_equal(db_affected(), 1);
	assert_int_equal(db_exec("UPDATE test_db_scratch SET n = 1 "
	    "WHERE k = ?", "s", "rt-none"), WEFT_OK);
	assert_int_equal(db_affected(), 0);
}

/* A large value, past what a first guess of buffer sizes would hold, and
 * many rows, to see the cursor walk them all. */
static void
test_many_rows(void **state)
{
	struct db_rows	*r;
	char		*big, key[32];
	size_t		 i, n = 0;

	(void)state;
	NEED_DB();
	assert_non_null(big = malloc(60001));
	memset(big, 'x', 60000);
	big[60000] = '\0';
	for (i = 0; i < 50; i++) {
		snprintf(key, sizeof(key), "many-%02zu", i);
		assert_int_equal(db_exec(sql_insert, "sinns", key,
		    (long long)i, i == 7 ? big : "small"), WEFT_OK);
	}
	assert_int_equal(db_query(&r, "SELECT k, n, t FROM test_db_scratch "
	    "WHERE k LIKE ? ORDER BY k", "s", "many-%"), WEFT_OK);
	assert_int_equal(db_nrows(r), 50);
	while (db_next(r)) {
		assert_int_equal(db_int(r, 1), (long long)n);
		assert_int_equal(db_len(r, 2), n == 7 ? 60000 : 5);
		assert_int_equal(strlen(db_str(r, 2)), n == 7 ? 60000 : 5);
		n++;
	}
	assert_int_equal(n, 50);
	db_rows_free(r);
	free(big);
}

static void
test_utf8mb4(void **state)
{
	/* An emoji (4 bytes), an accented letter (2) and CJK (3). */
	static const char s[] = "weft \xf0\x9f\xa7\xb5 a\xc3\xb1o \xe7\xb9\x94";
	struct db_rows	*r;

	(void)state;
	NEED_DB();
	assert_int_equal(db_exec(sql_insert, "snsnn", "utf8", s), WEFT_OK);
	assert_int_equal(db_query(&r, "SELECT s, CHAR_LENGTH(s), LENGTH(s) "
	    "FROM test_db_scratch WHERE k = ?", "s", "utf8"), WEFT_OK);
	assert_true(db_next(r));
	assert_string_equal(db_str(r, 0), s);
	/* The server counted characters, so it read UTF-8, not bytes. */
	assert_int_equal(db_int(r, 1), 12);
	assert_int_equal(db_int(r, 2), (long long)strlen(s));
	db_rows_free(r);
	/* And it compares as text: the emoji finds its row. */
	assert_int_equal(db_query(&r, "SELECT k FROM test_db_scratch "
	    "WHERE s LIKE ?", "s", "%\xf0\x9f\xa7\xb5%"), WEFT_OK);
	assert_int_equal(db_nrows(r), 1);
	db_rows_free(r);
}

/* Every column type arrives as its text. */
static void
test_types(void **state)
{
	struct db_rows	*r;

	(void)state;
	NEED_DB();
	assert_int_equal(db_query(&r, "SELECT CAST(-5 AS SIGNED), "
	    "CAST(2.5 AS DECIMAL(10,2)), CAST('2026-11-23' AS DATE), "
	    "CAST('2026-11-23 12:34:56.123456' AS DATETIME(6)), 0.25e0, "
	    "UNHEX('00FF'), ?, ?", "in", 9000000000LL), WEFT_OK);
	assert_true(db_next(r));
	assert_int_equal(db_int(r, 0), -5);
	assert_string_equal(db_str(r, 1), "2.50");
	assert_string_equal(db_str(r, 2), "2026-11-23");
	assert_string_equal(db_str(r, 3), "2026-11-23 12:34:56.123456");
	assert_string_equal(db_str(r, 4), "0.25");
	assert_int_equal(db_len(r, 5), 2);
	assert_memory_equal(db_str(r, 5), "\x00\xff", 2);
	assert_int_equal(db_int(r, 6), 9000000000LL);
	assert_true(db_null(r, 7));
	db_rows_free(r);
}

/* db_int() reads a column's text as strtoll(s, NULL, 10) does, on its
 * short way and off it. */
static void
test_int_text(void **state)
{
	static const char *const texts[] = {
		"0", "7", "-5", "42x", " 42", "+7", "2.50", "-", "", "abc",
		"123456789012345678", "-12345678901234567",
		"1234567890123456789", "-123456789012345678",
		"9223372036854775807", "-9223372036854775808",
		"99999999999999999999", "-99999999999999999999", "007",
	};
	struct db_rows	*r;
	size_t		 i;

	(void)state;
	NEED_DB();
	for (i = 0; i < NELEM(texts); i++) {
		assert_int_equal(db_query(&r, "SELECT ?", "s", texts[i]),
		    WEFT_OK);
		assert_true(db_next(r));
		assert_string_equal(db_str(r, 0), texts[i]);
		assert_true(db_int(r, 0) == strtoll(texts[i], NULL, 10));
		db_rows_free(r);
	}
	assert_int_equal(db_query(&r, "SELECT NULL", ""), WEFT_OK);
	assert_true(db_next(r));
	assert_int_equal(db_int(r, 0), 0);
	db_rows_free(r);
}

/*
 * Dates and times are fetched as MYSQL_TIME and written out by db.c, not
 * by libmariadb's sprintf: the text must be the server's own, for every
 * kind of temporal column (fractions, midnight, which the protocol sends
 * shorter, TIMESTAMP, NULL) and for expressions.
 */
static void
test_times(void **state)
{
	static const char	 sql_times[] =
	    "CREATE TEMPORARY TABLE IF NOT EXISTS test_db_times ("
	    " id INT NOT NULL PRIMARY KEY, d DATE NULL, dt DATETIME NULL,"
	    " dt3 DATETIME(3) NULL, dt6 DATETIME(6) NULL, ts TIMESTAMP NULL,"
	    " ts2 TIMESTAMP(2) NULL) ENGINE=InnoDB";
	static const char	 sql_row[] =
	    "INSERT INTO test_db_times VALUES (?, ?, ?, ?, ?, ?, ?)";
	static const char	 sql_pairs[] =
	    "SELECT d, CAST(d AS CHAR), dt, CAST(dt AS CHAR), dt3,"
	    " CAST(dt3 AS CHAR), dt6, CAST(dt6 AS CHAR), ts, CAST(ts AS CHAR),"
	    " ts2, CAST(ts2 AS CHAR), UTC_TIMESTAMP(),"
	    " CAST(UTC_TIMESTAMP() AS CHAR), UTC_TIMESTAMP(4) + INTERVAL 0 DAY,"
	    " CAST(UTC_TIMESTAMP(4) + INTERVAL 0 DAY AS CHAR),"
	    " DATE(dt), CAST(DATE(dt) AS CHAR)"
	    " FROM test_db_times ORDER BY id";
	struct db_rows		*r;
	unsigned		 c, rows = 0;

	(void)state;
	NEED_DB();
	assert_int_equal(db_exec(sql_times, ""), WEFT_OK);
	assert_int_equal(db_exec("DELETE FROM test_db_times", ""), WEFT_OK);
	assert_int_equal(db_exec(sql_row, "issssss", 1LL, "2026-11-23",
	    "2026-11-23 00:00:00", "2026-01-02 03:04:05.006",
	    "1999-12-31 23:59:59.999999", "2038-01-19 03:14:07",
	    "2001-02-03 04:05:06.78"), WEFT_OK);
	assert_int_equal(db_exec(sql_row, "issssss", 2LL, "0001-01-01",
	    "9999-12-31 23:59:59", "2026-11-23 00:00:00.000",
	    "2026-11-23 12:00:00.000001", NULL, "1970-01-02 00:00:00.00"),
	    WEFT_OK);
	assert_int_equal(db_exec(sql_row, "isnnnnn", 3LL, NULL), WEFT_OK);
	assert_int_equal(db_query(&r, sql_pairs, ""), WEFT_OK);
	while (db_next(r)) {
		rows++;
		for (c = 0; c < 18; c += 2) {
			assert_int_equal(db_null(r, c), db_null(r, c + 1));
			if (db_null(r, c))
				continue;
			assert_string_equal(db_str(r, c), db_str(r, c + 1));
			assert_int_equal(db_len(r, c), strlen(db_str(r, c)));
		}
	}
	assert_int_equal(rows, 3);
	db_rows_free(r);
	/* The ones above, spelled out: the server's text is what we think. */
	assert_int_equal(db_query(&r, "SELECT dt, dt3, dt6, ts2 FROM"
	    " test_db_times WHERE id = ?", "i", 2LL), WEFT_OK);
	assert_true(db_next(r));
	assert_string_equal(db_str(r, 0), "9999-12-31 23:59:59");
	assert_string_equal(db_str(r, 1), "2026-11-23 00:00:00.000");
	assert_string_equal(db_str(r, 2), "2026-11-23 12:00:00.000001");
	assert_string_equal(db_str(r, 3), "1970-01-02 00:00:00.00");
	db_rows_free(r);
}

/* A statement is prepared once per connection, not once per use. */
static void
test_prepared_once(void **state)
{
	static const char	 sql_prepares[] =
	    "SHOW SESSION STATUS LIKE 'Com_stmt_prepare'";
	struct db_rows		*r;
	long long		 before, after, n;
	int			 i;

	(void)state;
	NEED_DB();
	assert_int_equal(db_query(&r, sql_prepares, ""), WEFT_OK);
	assert_true(db_next(r));
	before = db_int(r, 1);
	db_rows_free(r);
	for (i = 0; i < 5; i++) {
		assert_int_equal(db_query_int(&n, "SELECT ? + 1", "i",
		    (long long)i), WEFT_OK);
		assert_int_equal(n, i + 1);
	}
	assert_int_equal(db_query(&r, sql_prepares, ""), WEFT_OK);
	assert_true(db_next(r));
	after = db_int(r, 1);
	db_rows_free(r);
	assert_int_equal(after - before, 1);
}

/* More statements than the cache holds, each still right; and a buffer
 * reused for another text (against the rule) runs the new text. */
static void
test_cache_limits(void **state)
{
	static char	 sql[300][48];
	char		 buf[48];
	long long	 n;
	int		 i, round;

	(void)state;
	NEED_DB();
	for (round = 0; round < 2; round++)
		for (i = 0; i < 300; i++) {
			snprintf(sql[i], sizeof(sql[i]), "SELECT %d + ?", i);
			assert_int_equal(db_query_int(&n, sql[i], "i", 1000LL),
			    WEFT_OK);
			assert_int_equal(n, 1000 + i);
		}
	snprintf(buf, sizeof(buf), "SELECT 1 + ?");
	assert_int_equal(db_query_int(&n, buf, "i", 1LL), WEFT_OK);
	assert_int_equal(n, 2);
	snprintf(buf, sizeof(buf), "SELECT 10 + ?");
	assert_int_equal(db_query_int(&n, buf, "i", 1LL), WEFT_OK);
	assert_int_equal(n, 11);
}

static void
test_duplicate(void **state)
{
	(void)state;
	NEED_DB();
	assert_int_equal(db_exec(sql_insert, "snnnn", "dup"), WEFT_OK);
	assert_int_equal(db_exec(sql_insert, "snnnn", "dup"),
	    WEFT_ERR_DUPLICATE);
	assert_int_equal(db_errno(), 1062);
	/* The twin: another key goes in, and the connection is fine. */
	assert_int_equal(db_exec(sql_insert, "snnnn", "dup-2"), WEFT_OK);
	assert_int_equal(db_errno(), 0);
}

static void
test_bad_sql(void **state)
{
	(void)state;
	NEED_DB();
	assert_int_equal(db_exec("INSERT INTO test_db_no_such_table (x) "
	    "VALUES (?)", "i", 1LL), WEFT_ERR_DB);
	assert_int_equal(db_errno(), 1146);
	assert_int_equal(db_exec("UPDATE test_db_scratch SET n = ? "
	    "WHERE k = ?", "is", 5LL, "dup"), WEFT_OK);
}

static void
test_transaction(void **state)
{
	long long	 n;

	(void)state;
	NEED_DB();
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(db_exec(sql_insert, "snnnn", "tx-a"), WEFT_OK);
	assert_int_equal(db_exec(sql_insert, "snnnn", "tx-b"), WEFT_OK);
	db_rollback();
	assert_int_equal(db_query_int(&n, sql_count, "s", "tx-%"), WEFT_OK);
	assert_int_equal(n, 0);

	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(db_exec(sql_insert, "snnnn", "tx-c"), WEFT_OK);
	assert_int_equal(db_commit(), WEFT_OK);
	assert_int_equal(db_query_int(&n, sql_count, "s", "tx-%"), WEFT_OK);
	assert_int_equal(n, 1);

	/* A duplicate inside keeps the transaction; its caller rolls back. */
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(db_exec(sql_insert, "snnnn", "tx-d"), WEFT_OK);
	assert_int_equal(db_exec(sql_insert, "snnnn", "tx-c"),
	    WEFT_ERR_DUPLICATE);
	db_rollback();
	assert_int_equal(db_query_int(&n, sql_count, "s", "tx-%"), WEFT_OK);
	assert_int_equal(n, 1);

	assert_int_equal(db_commit(), WEFT_ERR_INVALID);	/* none open */
	db_rollback();	/* none open: nothing to do */
}

/* A second connection of our own, as the test's "other client". */
static MYSQL *
other_connect(void)
{
	MYSQL	*m;

	assert_non_null(m = mysql_init(NULL));
	assert_int_equal(mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, "utf8mb4"),
	    0);
	if (mysql_real_connect(m, NULL, config.db_user, config.db_password,
	    config.db_name, 0, config.db_socket, 0) == NULL)
		fail_msg("other connection: %s", mysql_error(m));
	return m;
}

static void
other_query(MYSQL *m, const char *q)
{
	if (mysql_query(m, q) != 0)
		fail_msg("%s: %s", q, mysql_error(m));
}

static void
test_conflict(void **state)
{
	static const char	 sql_tlock[] = "UPDATE login_throttle "
	    "SET failures = 2 WHERE kind = 'account' AND k = ?";
	MYSQL			*m;
	long long		 n;

	(void)state;
	NEED_DB();
	assert_int_equal(db_exec(sql_tinsert, "s", "test_db:lock"), WEFT_OK);
	assert_int_equal(db_exec("SET SESSION innodb_lock_wait_timeout = 1",
	    ""), WEFT_OK);
	m = other_connect();
	other_query(m, "START TRANSACTION");
	other_query(m, "UPDATE login_throttle SET failures = 1 "
	    "WHERE kind = 'account' AND k = 'test_db:lock'");
	assert_int_equal(db_exec(sql_tlock, "s", "test_db:lock"),
	    WEFT_ERR_CONFLICT);
	assert_int_equal(db_errno(), 1205);

	/* Inside a transaction the conflict ends it: the next statement is
	 * refused until the caller rolls back. */
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(db_exec(sql_insert, "snnnn", "lock-1"), WEFT_OK);
	assert_int_equal(db_exec(sql_tlock, "s", "test_db:lock"),
	    WEFT_ERR_CONFLICT);
	assert_int_equal(db_exec(sql_insert, "snnnn", "lock-2"),
	    WEFT_ERR_CONFLICT);
	assert_int_equal(db_commit(), WEFT_ERR_CONFLICT);
	other_query(m, "ROLLBACK");
	mysql_close(m);
	assert_int_equal(db_query_int(&n, sql_count, "s", "lock-%"), WEFT_OK);
	assert_int_equal(n, 0);

	/* The lock gone, the same statement goes through. */
	assert_int_equal(db_exec(sql_tlock, "s", "test_db:lock"), WEFT_OK);
	assert_int_equal(db_affected(), 1);
	assert_int_equal(db_exec("SET SESSION innodb_lock_wait_timeout = 50",
	    ""), WEFT_OK);
}

static void
test_audit(void **state)
{
	struct actor	 a;
	struct db_rows	*r;
	long long	 id;

	(void)state;
	NEED_DB();
	memset(&a, 0, sizeof(a));
	a.member_id = 4242001;
	a.acting_id = 4242002;
	snprintf(a.addr, sizeof(a.addr), "192.0.2.7");
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(audit_write(&a, "test_db.audit", "member", 77, 3,
	    "{\"status\":\"applying\"}", "{\"status\":\"approved\"}"),
	    WEFT_OK);
	id = db_insert_id();
	assert_int_equal(db_commit(), WEFT_OK);
	assert_int_equal(db_query(&r, "SELECT actor_id, acting_id, action, "
	    "object_type, object_id, community_id, before_json, after_json, "
	    "addr, at <= UTC_TIMESTAMP(6) FROM audit_log WHERE id = ?", "i",
	    id), WEFT_OK);
	assert_true(db_next(r));
	assert_int_equal(db_int(r, 0), 4242001);
	assert_int_equal(db_int(r, 1), 4242002);
	assert_string_equal(db_str(r, 2), "test_db.audit");
	assert_string_equal(db_str(r, 3), "member");
	assert_int_equal(db_int(r, 4), 77);
	assert_int_equal(db_int(r, 5), 3);
	assert_string_equal(db_str(r, 6), "{\"status\":\"applying\"}");
	assert_string_equal(db_str(r, 7), "{\"status\":\"approved\"}");
	assert_string_equal(db_str(r, 8), "192.0.2.7");
	assert_int_equal(db_int(r, 9), 1);
	db_rows_free(r);
	/* The test's rows leave the shared stack's log as it found it. */
	assert_int_equal(db_exec("DELETE FROM audit_log WHERE action = ?",
	    "s", "test_db.audit"), WEFT_OK);
}

/* An audit row without an actor or JSON, and one rolled back. */
static void
test_audit_empty(void **state)
{
	struct actor	 a;
	struct db_rows	*r;
	long long	 id;

	(void)state;
	NEED_DB();
	/* No one (ids 0) is NULL, and no JSON is NULL. */
	memset(&a, 0, sizeof(a));
	assert_int_equal(audit_write(&a, "test_db.audit", "member", 78, 0,
	    NULL, NULL), WEFT_OK);
	id = db_insert_id();
	assert_int_equal(db_query(&r, "SELECT actor_id, acting_id, "
	    "before_json, after_json, addr FROM audit_log WHERE id = ?", "i",
	    id), WEFT_OK);
	assert_true(db_next(r));
	assert_true(db_null(r, 0));
	assert_true(db_null(r, 1));
	assert_true(db_null(r, 2));
	assert_true(db_null(r, 3));
	assert_string_equal(db_str(r, 4), "");
	db_rows_free(r);

	/* Rolled back with its transaction, like the change it records. */
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(audit_write(NULL, "test_db.audit", "member", 79, 0,
	    NULL, NULL), WEFT_OK);
	db_rollback();
	assert_int_equal(db_query_int(&id, "SELECT COUNT(*) FROM audit_log "
	    "WHERE action = ? AND object_id = ?", "si", "test_db.audit", 79LL),
	    WEFT_OK);
	assert_int_equal(id, 0);

	/* The test's rows leave the shared stack's log as it found it. */
	assert_int_equal(db_exec("DELETE FROM audit_log WHERE action = ?",
	    "s", "test_db.audit"), WEFT_OK);
}

/* Kills our own connection from a second one, as a server restart or a
 * wait_timeout would. */
static void
kill_ours(void)
{
	MYSQL		*m;
	long long	 cid;
	char		 q[64];

	assert_int_equal(db_query_int(&cid, "SELECT CONNECTION_ID()", ""),
	    WEFT_OK);
	m = other_connect();
	snprintf(q, sizeof(q), "KILL %lld", cid);
	other_query(m, q);
	mysql_close(m);
}

/*
 * The connection is killed under a statement prepared before; the
 * temporary scratch table dies with it, so this works in login_throttle.
 */
static void
test_reconnect(void **state)
{
	long long	 before, after, n;

	(void)state;
	NEED_DB();
	assert_int_equal(db_query_int(&before, "SELECT CONNECTION_ID()", ""),
	    WEFT_OK);
	assert_int_equal(db_exec(sql_tinsert, "s", "test_db:before"), WEFT_OK);
	assert_int_equal(db_query_int(&n, sql_tcount, "s", "test_db:before"),
	    WEFT_OK);
	assert_int_equal(n, 1);
	kill_ours();
	assert_int_equal(db_query_int(&n, sql_tcount, "s", "test_db:before"),
	    WEFT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(db_query_int(&after, "SELECT CONNECTION_ID()", ""),
	    WEFT_OK);
	assert_true(after != before);

	/* A write is retried the same way. */
	kill_ours();
	assert_int_equal(db_exec(sql_tinsert, "s", "test_db:after-kill"),
	    WEFT_OK);
	assert_int_equal(db_query_int(&n, sql_tcount, "s", "test_db:after%"),
	    WEFT_OK);
	assert_int_equal(n, 1);

	/* The refused twin: inside a transaction nothing is retried (the
	 * server rolled back), the statements after are refused, and the
	 * rolled-back work is not there. */
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(db_exec(sql_tinsert, "s", "test_db:in-tx-1"),
	    WEFT_OK);
	kill_ours();
	assert_int_equal(db_exec(sql_tinsert, "s", "test_db:in-tx-2"),
	    WEFT_ERR_DB_DOWN);
	assert_int_equal(db_exec(sql_tinsert, "s", "test_db:in-tx-3"),
	    WEFT_ERR_DB_DOWN);
	db_rollback();
	assert_int_equal(db_ensure(), WEFT_OK);
	assert_int_equal(db_query_int(&n, sql_tcount, "s", "test_db:in-tx%"),
	    WEFT_OK);
	assert_int_equal(n, 0);

	/* A kill at commit time: the commit fails, nothing is kept. */
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(db_exec(sql_tinsert, "s", "test_db:in-tx-4"),
	    WEFT_OK);
	kill_ours();
	assert_int_equal(db_commit(), WEFT_ERR_DB_DOWN);
	assert_int_equal(db_query_int(&n, sql_tcount, "s", "test_db:in-tx%"),
	    WEFT_OK);
	assert_int_equal(n, 0);
}

/*
 * What app.c's retry of a whole request asks (db_retry_wanted()): a
 * transaction lost with its connection, or ended by a lock conflict,
 * nothing committed since the mark, is worth running again.  The refused
 * twins: something was committed since the mark, the connection was lost
 * at COMMIT (it may have been applied), a later transaction went through.
 */
static void
test_retry_wanted(void **state)
{
	static const char	 sql_tlock[] = "UPDATE login_throttle "
	    "SET failures = 3 WHERE kind = 'account' AND k = ?";
	MYSQL			*m;

	(void)state;
	NEED_DB();
	db_retry_mark();
	assert_int_equal(db_exec(sql_tinsert, "s", "test_db:r0"), WEFT_OK);
	assert_int_equal(db_retry_wanted(), WEFT_OK);

	db_retry_mark();
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(db_exec(sql_tinsert, "s", "test_db:r1"), WEFT_OK);
	kill_ours();
	assert_int_equal(db_exec(sql_tinsert, "s", "test_db:r2"),
	    WEFT_ERR_DB_DOWN);
	db_rollback();
	assert_int_equal(db_retry_wanted(), WEFT_ERR_DB_DOWN);

	db_retry_mark();
	assert_int_equal(db_exec(sql_tinsert, "s", "test_db:r3"), WEFT_OK);
	assert_int_equal(db_begin(), WEFT_OK);
	kill_ours();
	assert_int_equal(db_exec(sql_tinsert, "s", "test_db:r4"),
	    WEFT_ERR_DB_DOWN);
	db_rollback();
	assert_int_equal(db_retry_wanted(), WEFT_OK);

	db_retry_mark();
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(db_exec(sql_tinsert, "s", "test_db:r5"), WEFT_OK);
	kill_ours();
	assert_int_equal(db_commit(), WEFT_ERR_DB_DOWN);
	assert_int_equal(db_retry_wanted(), WEFT_OK);

	assert_int_equal(db_exec("SET SESSION innodb_lock_wait_timeout = 1",
	    ""), WEFT_OK);
	m = other_connect();
	other_query(m, "START TRANSACTION");
	other_query(m, "UPDATE login_throttle SET failures = 1 "
	    "WHERE kind = 'account' AND k = 'test_db:r0'");
	db_retry_mark();
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(db_exec(sql_tlock, "s", "test_db:r0"),
	    WEFT_ERR_CONFLICT);
	db_rollback();
	assert_int_equal(db_retry_wanted(), WEFT_ERR_CONFLICT);
	other_query(m, "ROLLBACK");
	mysql_close(m);
	assert_int_equal(db_begin(), WEFT_OK);
	assert_int_equal(db_exec(sql_tlock, "s", "test_db:r0"), WEFT_OK);
	assert_int_equal(db_commit(), WEFT_OK);
	assert_int_equal(db_retry_wanted(), WEFT_OK);
	assert_int_equal(db_exec("SET SESSION innodb_lock_wait_timeout = 50",
	    ""), WEFT_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_many_rows),
		cmocka_unit_test(test_utf8mb4),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_int_text),
		cmocka_unit_test(test_prepared_once),
		cmocka_unit_test(test_cache_limits),
		cmocka_unit_test(test_duplicate),
		cmocka_unit_test(test_bad_sql),
		cmocka_unit_test(test_transaction),
		cmocka_unit_test(test_conflict),
		cmocka_unit_test(test_audit),
		cmocka_unit_test(test_audit_empty),
		cmocka_unit_test(test_reconnect),
		cmocka_unit_test(test_retry_wanted),
	};

	return cmocka_run_group_tests_name("db", tests, setup, teardown);
}
