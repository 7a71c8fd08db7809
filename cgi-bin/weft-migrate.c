/*
 * weft-migrate: brings a database's schema up to date.  It applies the
 * numbered migrations DIR/NNN_name.sql that the database named by a
 * weft.conf has not had yet, in byte order of their names, each once, and
 * records each in schema_migrations with the SHA-256 of its file.  It
 * refuses to run, before applying anything, when the file of a migration
 * already applied has changed since (a migration is never edited once
 * applied: a change is a new migration), and holds a named lock
 * (GET_LOCK) for the whole run, so that two runs on one database never
 * interleave: the second waits, then finds nothing to do.
 *
 * It connects as a user allowed to change the schema (-u, root unless
 * said), never as the programs' db_user, which may only read and write
 * rows.  Bookkeeping goes through common/db (prepared statements, bound
 * values).  A migration file is a script of many statements, DDL among
 * them, which prepared statements cannot run; it is sent whole over a
 * second connection of its own, opened with CLIENT_MULTI_STATEMENTS.
 * MariaDB cannot roll DDL back: a migration that fails part way stays
 * part applied and unrecorded, and the message names its file and the
 * statement that failed.
 *
 * Last, still under the lock, the phrase catalogue's source (the *.en
 * files of templates_dir/phrases, or of -P dir) is copied into the
 * phrases table, when the schema has one (catalogue_sync(): new phrases,
 * changed English, retired keys); -S skips it.
 *
 * Output, one line each on stdout: "applied 003_ads", or "up to date"
 * when nothing was pending; "phrases: 3 added, 1 changed, 0 noted,
 * 0 retired" when the sync changed anything.  Exit 0 when the schema is up to date, 1 on
 * any error, 2 on bad usage.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mysql.h>

#include "auth.h"
#include "catalogue.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "sha256.h"

#ifndef WEFT_SQL_DIR
#define WEFT_SQL_DIR		"/usr/local/share/weft/sql"
#endif
#define MIG_VERSION_MAX		64	/* schema_migrations.version */
#define MIG_FILE_MAX		(64 * 1024 * 1024)
#define MIG_LOCK_WAIT_S		600	/* for another run to finish */
#define MIG_LOCK_STEP_S		10	/* one GET_LOCK, under db.c's I/O timeout */

/* One migration file. */
struct mig {
	char	 version[MIG_VERSION_MAX + 1];	/* the name without .sql */
	char	*text;				/* the file, NUL-terminated */
	size_t	 len;
	char	 sum[SHA256_HEX];		/* of the file's bytes */
	int	 applied;			/* in schema_migrations */
};

struct migs {
	struct mig	*v;
	size_t		 n;
};

static const char mig_sql_lock[] = "SELECT GET_LOCK(?, ?)";
static const char mig_sql_holds[] =
    "SELECT IS_USED_LOCK(?) <=> CONNECTION_ID()";
static const char mig_sql_unlock[] = "SELECT RELEASE_LOCK(?)";
static const char mig_sql_table[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version VARCHAR(64) NOT NULL PRIMARY KEY,"
    " applied_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),"
    " checksum CHAR(64) NULL"
    ") ENGINE=InnoDB";
static const char mig_sql_has_sum[] =
    "SELECT COUNT(*) FROM information_schema.COLUMNS"
    " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'schema_migrations'"
    " AND COLUMN_NAME = 'checksum'";
static const char mig_sql_add_sum[] =
    "ALTER TABLE schema_migrations ADD COLUMN checksum CHAR(64) NULL";
static const char mig_sql_applied[] =
    "SELECT version, checksum FROM schema_migrations ORDER BY version";
static const char mig_sql_set_sum[] =
    "UPDATE schema_migrations SET checksum = ?"
    " WHERE version = ? AND checksum IS NULL";
static const char mig_sql_record[] =
    "INSERT INTO schema_migrations (version, applied_at, checksum)"
    " VALUES (?, UTC_TIMESTAMP(), ?)";

/* The migrations' connection runs them as the programs' connections run
 * their statements (common/db.c): in UTC, with the strict sql_mode, so
 * that a host's my.cnf cannot change what a migration does. */
static const char mig_sql_session[] =
    "SET time_zone = '+00:00', sql_mode = 'STRICT_TRANS_TABLES,"
    "STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'";

static int
mig_usage(void)
{
	fprintf(stderr,
	    "usage: weft-migrate -c config [-d dir] [-u user] [-p] [-P dir | -S]"
	    "\n"
	    "\n"
	    "Applies the pending migrations dir/NNN_name.sql (default "
	    WEFT_SQL_DIR ")\n"
	    "to the database db_name of the config, over its db_socket, and\n"
	    "records each in schema_migrations with the SHA-256 of its file.\n"
	    "Refuses to run when an applied migration's file has changed.\n"
	    "\n"
	    "  -P dir   the phrase catalogue's source (default: the config's\n"
	    "           templates_dir/phrases), copied into the phrases table\n"
	    "  -S       skip that copy\n"
	    "  -u user  who connects: a user allowed to change the schema\n"
	    "           (default root), not the programs' db_user\n"
	    "  -p       read that user's password from the first line of\n"
	    "           standard input; without -p none is sent, which is how\n"
	    "           MariaDB's unix_socket authentication admits root run\n"
	    "           as root (sudo weft-migrate -c /etc/weft/weft.conf)\n");
	return 2;
}

/*
 * Is name a migration file, NNN_[A-Za-z0-9_-]+.sql?  1: yes, its version
 * (the name without .sql) in version; 0: not a migration (demo.sql);
 * -1: it starts like one (NNN_) but is not a good name.
 */
static int
mig_name(const char *name, char version[MIG_VERSION_MAX + 1])
{
	size_t	 len = strlen(name), i;

	if (len < 4 || name[0] < '0' || name[0] > '9' || name[1] < '0' ||
	    name[1] > '9' || name[2] < '0' || name[2] > '9' || name[3] != '_')
		return 0;
	if (len < 9 || strcmp(name + len - 4, ".sql") != 0 ||
	    len - 4 > MIG_VERSION_MAX)
		return -1;
	for (i = 4; i < len - 4; i++)
		if (strchr("abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", name[i]) == NULL)
			return -1;
	memcpy(version, name, len - 4);
	version[len - 4] = '\0';
	return 1;
}

/* Reads dir/version.sql into m->text and its checksum into m->sum. */
static int
mig_read(const char *dir, struct mig *m)
{
	char		 path[4096];
	struct stat	 st;
	FILE		*f;
	int		 rc = -1;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s.sql", dir,
	    m->version) >= sizeof(path)) {
		fprintf(stderr, "weft-migrate: %s: path too long\n", dir);
		return -1;
	}
	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "weft-migrate: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size > MIG_FILE_MAX) {
		fprintf(stderr, "weft-migrate: %s: not a regular file of at "
		    "most %d bytes\n", path, MIG_FILE_MAX);
		goto out;
	}
	m->len = (size_t)st.st_size;
	if ((m->text = malloc(m->len + 1)) == NULL ||
	    fread(m->text, 1, m->len, f) != m->len || ferror(f)) {
		fprintf(stderr, "weft-migrate: %s: cannot read it\n", path);
		goto out;
	}
	m->text[m->len] = '\0';
	sha256_hex(m->text, m->len, m->sum);
	rc = 0;
out:
	fclose(f);
	return rc;
}

static int
mig_cmp(const void *a, const void *b)
{
	return strcmp(((const struct mig *)a)->version,
	    ((const struct mig *)b)->version);
}

static void
mig_free(struct migs *s)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		free(s->v[i].text);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

/* The migration files of dir, read, sorted; two with one number are an
 * error (which one comes first would be an accident of their names). */
static int
mig_scan(const char *dir, struct migs *s)
{
	DIR		*d;
	struct dirent	*e;
	struct mig	*v;
	char		 version[MIG_VERSION_MAX + 1];
	size_t		 i;
	int		 k, rc = -1;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "weft-migrate: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if ((k = mig_name(e->d_name, version)) == 0)
			continue;
		if (k == -1) {
			fprintf(stderr, "weft-migrate: %s/%s: a migration is "
			    "named NNN_[A-Za-z0-9_-]+.sql, at most %d "
			    "characters before .sql\n", dir, e->d_name,
			    MIG_VERSION_MAX);
			goto out;
		}
		if ((v = reallocarray(s->v, s->n + 1, sizeof(*v))) == NULL)
			goto out;
		s->v = v;
		memset(&v[s->n], 0, sizeof(v[s->n]));
		memcpy(v[s->n].version, version, sizeof(version));
		if (mig_read(dir, &v[s->n++]) == -1)
			goto out;
	}
	qsort(s->v, s->n, sizeof(*s->v), mig_cmp);
	for (i = 1; i < s->n; i++)
		if (strncmp(s->v[i - 1].version, s->v[i].version, 3) == 0) {
			fprintf(stderr, "weft-migrate: %s.sql and %s.sql have "
			    "the same number: renumber one\n",
			    s->v[i - 1].version, s->v[i].version);
			goto out;
		}
	rc = 0;
out:
	closedir(d);
	return rc;
}

/* ---- bookkeeping (common/db) ---------------------------------------- */

/* Takes the run's lock, waiting up to MIG_LOCK_WAIT_S for another run. */
static int
mig_lock(const char *name)
{
	long long	 got = 0;
	int		 waited;

	if (db_query_int(&got, mig_sql_lock, "si", name, 0LL) != WEFT_OK)
		return -1;
	if (got == 1)
		return 0;
	fprintf(stderr, "weft-migrate: waiting for another weft-migrate on "
	    "database %s\n", config.db_name);
	for (waited = 0; waited < MIG_LOCK_WAIT_S; waited += MIG_LOCK_STEP_S) {
		if (db_query_int(&got, mig_sql_lock, "si", name,
		    (long long)MIG_LOCK_STEP_S) != WEFT_OK)
			return -1;
		if (got == 1)
			return 0;
	}
	fprintf(stderr, "weft-migrate: another weft-migrate still holds the "
	    "lock %s after %d s\n", name, MIG_LOCK_WAIT_S);
	return -1;
}

/* Is the lock still ours?  db.c reopens a lost connection on its own,
 * and the lock dies with the old one. */
static int
mig_holds(const char *name)
{
	long long	 ours = 0;

	if (db_query_int(&ours, mig_sql_holds, "s", name) != WEFT_OK ||
	    ours != 1) {
		fprintf(stderr, "weft-migrate: lost the lock %s (was the "
		    "connection lost?): stopping\n", name);
		return -1;
	}
	return 0;
}

/* schema_migrations, with its checksum column: a table made before
 * weft-migrate kept checksums gets the column here. */
static int
mig_table(void)
{
	long long	 has = 0;

	if (db_exec(mig_sql_table, "") != WEFT_OK ||
	    db_query_int(&has, mig_sql_has_sum, "") != WEFT_OK)
		return -1;
	if (has == 1)
		return 0;
	if (db_exec(mig_sql_add_sum, "") != WEFT_OK)
		return -1;
	printf("schema_migrations: added the checksum column\n");
	return 0;
}

static struct mig *
mig_find(struct migs *s, const char *version)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i].version, version) == 0)
			return &s->v[i];
	return NULL;
}

/* One applied row against its file: 0 when they agree (a row without a
 * checksum, applied before they were kept, gets the file's), -1 when the
 * file has changed. */
static int
mig_check(struct mig *m, const char *sum)
{
	m->applied = 1;
	if (sum == NULL) {
		if (db_exec(mig_sql_set_sum, "ss", m->sum, m->version) !=
		    WEFT_OK)
			return -1;
		printf("recorded the checksum of %s (applied before "
		    "checksums were kept)\n", m->version);
		return 0;
	}
	if (strcmp(sum, m->sum) == 0)
		return 0;
	fprintf(stderr, "weft-migrate: %s.sql has changed since it was "
	    "applied (checksum %s then, %s now): put it back as it was and "
	    "make the change a new migration\n", m->version, sum, m->sum);
	return -1;
}

/* Marks the applied migrations; -1 if any applied file has changed, or
 * on a database error.  An applied version without a file is only a
 * warning: the database may be newer than these files. */
static int
mig_applied(struct migs *s, const char *dir)
{
	struct db_rows	*rows = NULL;
	struct mig	*m;
	int		 rc = 0;

	if (db_query(&rows, mig_sql_applied, "") != WEFT_OK)
		return -1;
	while (db_next(rows)) {
		if ((m = mig_find(s, db_str(rows, 0))) == NULL) {
			fprintf(stderr, "weft-migrate: warning: %s is applied "
			    "but %s/%s.sql does not exist\n", db_str(rows, 0),
			    dir, db_str(rows, 0));
			continue;
		}
		if (mig_check(m, db_str(rows, 1)) == -1)
			rc = -1;
	}
	db_rows_free(rows);
	return rc;
}

/* ---- running a migration -------------------------------------------- */

/* The connection that runs migration files: the same user, database and
 * socket as the bookkeeping, many statements per query. */
static MYSQL *
mig_connect(void)
{
	MYSQL		*m;
	unsigned	 proto = MYSQL_PROTOCOL_SOCKET, cto = 5;

	if ((m = mysql_init(NULL)) == NULL)
		return NULL;
	if (mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, "utf8mb4") != 0 ||
	    mysql_optionsv(m, MYSQL_OPT_PROTOCOL, &proto) != 0 ||
	    mysql_optionsv(m, MYSQL_OPT_CONNECT_TIMEOUT, &cto) != 0 ||
	    mysql_real_connect(m, NULL, config.db_user, config.db_password,
	    config.db_name, 0, config.db_socket,
	    CLIENT_MULTI_STATEMENTS) == NULL ||
	    mysql_real_query(m, mig_sql_session,
	    sizeof(mig_sql_session) - 1) != 0) {
		fprintf(stderr, "weft-migrate: connecting to %s on %s as %s: "
		    "%u %s\n", config.db_name, config.db_socket,
		    config.db_user, mysql_errno(m), mysql_error(m));
		mysql_close(m);
		return NULL;
	}
	return m;
}

/* Runs every statement of m's file; on an error, says which statement
 * (counted from 1) of which file failed. */
static int
mig_run(MYSQL *c, const struct mig *m)
{
	MYSQL_RES	*res;
	unsigned	 n = 1;
	int		 st;

	if (mysql_real_query(c, m->text, m->len) != 0)
		goto fail;
	for (;;) {
		if ((res = mysql_store_result(c)) != NULL)
			mysql_free_result(res);
		else if (mysql_field_count(c) != 0)
			goto fail;
		if ((st = mysql_next_result(c)) == -1)
			return 0;
		n++;
		if (st > 0)
			goto fail;
	}
fail:
	fprintf(stderr, "weft-migrate: %s.sql, statement %u: %u %s\n"
	    "weft-migrate: %s is not recorded; MariaDB cannot roll DDL back, "
	    "so what its statements before this one did stays done: fix the "
	    "file or the database, then run weft-migrate again\n",
	    m->version, n, mysql_errno(c), mysql_error(c), m->version);
	return -1;
}

/* Applies the pending migrations in order; *napplied counts them. */
static int
mig_apply(struct migs *s, const char *lock, size_t *napplied)
{
	MYSQL	*c = NULL;
	size_t	 i;
	int	 rc = -1;

	*napplied = 0;
	for (i = 0; i < s->n; i++) {
		if (s->v[i].applied)
			continue;
		if (c == NULL && (c = mig_connect()) == NULL)
			goto out;
		if (mig_holds(lock) == -1 || mig_run(c, &s->v[i]) == -1)
			goto out;
		if (mig_holds(lock) == -1 || db_exec(mig_sql_record, "ss",
		    s->v[i].version, s->v[i].sum) != WEFT_OK) {
			fprintf(stderr, "weft-migrate: %s was applied but "
			    "could not be recorded\n", s->v[i].version);
			goto out;
		}
		printf("applied %s\n", s->v[i].version);
		fflush(stdout);
		(*napplied)++;
	}
	rc = 0;
out:
	if (c != NULL)
		mysql_close(c);
	return rc;
}

/* ---- main ------------------------------------------------------------- */

/* Loads the config and puts the migrating user in place of db_user. */
static int
mig_config(const char *path, const char *user, int askpw)
{
	char	 pw[sizeof(config.db_password)];
	int	 rc = -1;

	if (config_load(&config, path) != WEFT_OK) {
		fprintf(stderr, "weft-migrate: cannot load config %s\n", path);
		return -1;
	}
	/* Over db_socket only, both of its connections: on a Galera cluster
	 * (db_hosts) it runs on one node, whose schema changes replicate to
	 * the others (total order isolation, docs/scaling.md). */
	config.db_hosts[0] = '\0';
	pw[0] = '\0';
	if (askpw && auth_password_read(stdin, pw, sizeof(pw)) != WEFT_OK) {
		fprintf(stderr, "weft-migrate: -p: expected the password on "
		    "one line of standard input, under %zu bytes\n", sizeof(pw));
		goto out;
	}
	if (strlen(user) >= sizeof(config.db_user)) {
		fprintf(stderr, "weft-migrate: -u: user name too long\n");
		goto out;
	}
	memcpy(config.db_user, user, strlen(user) + 1);
	memcpy(config.db_password, pw, strlen(pw) + 1);
	rc = 0;
out:
	explicit_bzero(pw, sizeof(pw));
	return rc;
}

static const char mig_sql_has_phrases[] =
    "SELECT COUNT(*) FROM information_schema.tables"
    " WHERE table_schema = DATABASE() AND table_name = 'phrases'";

/* The catalogue's source into the phrases table (when the schema has it). */
static int
mig_phrases(const char *pdir)
{
	struct catalogue		 c = { NULL, 0, 0 };
	struct catalogue_sync_counts	 n;
	char				 dir[4096], err[512];
	long long			 has;
	int				 rc = -1;

	if (db_query_int(&has, mig_sql_has_phrases, "") != WEFT_OK)
		return -1;
	if (has == 0)
		return 0;
	if (pdir == NULL)
		snprintf(dir, sizeof(dir), "%s/phrases", config.templates_dir);
	else
		snprintf(dir, sizeof(dir), "%s", pdir);
	if (catalogue_read_dir(&c, dir, err, sizeof(err)) != WEFT_OK)
		fprintf(stderr, "weft-migrate: phrases: %s\n", err);
	else if (catalogue_sync(&c, pdir == NULL ? config.templates_dir : NULL,
	    &n) != WEFT_OK)
		fprintf(stderr, "weft-migrate: phrases: the sync failed (%u)\n",
		    db_errno());
	else {
		if (n.added + n.changed + n.noted + n.retired > 0)
			printf("phrases: %zu added, %zu changed, %zu noted, %zu "
			    "retired\n", n.added, n.changed, n.noted, n.retired);
		rc = 0;
	}
	catalogue_free(&c);
	return rc;
}

/* Everything after the files are read: lock, check, apply, sync, unlock. */
static int
mig_migrate(struct migs *s, const char *dir, const char *pdir, int sync)
{
	char		 lock[128];
	long long	 released;
	size_t		 n = 0;
	int		 rc = -1;

	snprintf(lock, sizeof(lock), "weft-migrate:%s", config.db_name);
	if (db_connect() != WEFT_OK) {
		fprintf(stderr, "weft-migrate: cannot connect to %s on %s as "
		    "%s\n", config.db_name, config.db_socket, config.db_user);
		return -1;
	}
	if (mig_lock(lock) == -1)
		goto out;
	if (mig_table() == 0 && mig_applied(s, dir) == 0 &&
	    mig_apply(s, lock, &n) == 0) {
		if (n == 0)
			printf("up to date\n");
		rc = sync ? mig_phrases(pdir) : 0;
	}
	if (db_query_int(&released, mig_sql_unlock, "s", lock) != WEFT_OK)
		rc = -1;
out:
	db_close();
	return rc;
}

int
main(int argc, char *argv[])
{
	const char	*conf = NULL, *dir = WEFT_SQL_DIR, *user = "root";
	const char	*pdir = NULL;
	struct migs	 s = { NULL, 0 };
	int		 c, askpw = 0, sync = 1, rc = 1;

	while ((c = getopt(argc, argv, "c:d:u:pP:S")) != -1) {
		switch (c) {
		case 'P':
			pdir = optarg;
			break;
		case 'S':
			sync = 0;
			break;
		case 'c':
			conf = optarg;
			break;
		case 'd':
			dir = optarg;
			break;
		case 'u':
			user = optarg;
			break;
		case 'p':
			askpw = 1;
			break;
		default:
			return mig_usage();
		}
	}
	if (optind != argc || conf == NULL || *user == '\0')
		return mig_usage();
	log_init("weft-migrate", LOGL_WARN);
	if (mig_config(conf, user, askpw) == -1)
		goto out;
	if (mysql_library_init(0, NULL, NULL) != 0) {
		fprintf(stderr, "weft-migrate: mysql_library_init failed\n");
		goto out;
	}
	if (mig_scan(dir, &s) == 0 && mig_migrate(&s, dir, pdir, sync) == 0)
		rc = 0;
	mysql_library_end();
out:
	mig_free(&s);
	explicit_bzero(config.db_password, sizeof(config.db_password));
	if (fflush(stdout) == EOF)
		rc = 1;
	return rc;
}
