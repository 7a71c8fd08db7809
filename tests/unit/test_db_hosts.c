/*
 * The db_hosts list (db_hosts.c): every form an entry may take is read
 * into its host and port, and every malformed list is refused whole, so
 * that config_load() stops a program at start-up instead of leaving it
 * with some of its endpoints.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"
#include "db_hosts.h"
#include "log.h"

static void
test_forms(void **state)
{
	struct db_endpoint	 ep[DB_HOSTS_MAX];
	char			 name[300];
	size_t			 n = 99;

	(void)state;
	assert_int_equal(db_hosts_parse("", ep, DB_HOSTS_MAX, &n), WEFT_OK);
	assert_int_equal(n, 0);
	assert_int_equal(db_hosts_parse("  \t", ep, DB_HOSTS_MAX, &n),
	    WEFT_OK);
	assert_int_equal(n, 0);

	assert_int_equal(db_hosts_parse("127.0.0.1:3311, db2.example.org ,"
	    "[::1]:3313,[fe80::1], /run/mysqld/mysqld.sock,db_3:1", ep,
	    DB_HOSTS_MAX, &n), WEFT_OK);
	assert_int_equal(n, 6);
	assert_string_equal(ep[0].host, "127.0.0.1");
	assert_int_equal(ep[0].port, 3311);
	assert_string_equal(ep[1].host, "db2.example.org");
	assert_int_equal(ep[1].port, DB_HOSTS_PORT);
	assert_string_equal(ep[2].host, "::1");
	assert_int_equal(ep[2].port, 3313);
	assert_string_equal(ep[3].host, "fe80::1");
	assert_int_equal(ep[3].port, 3306);
	assert_string_equal(ep[4].host, "/run/mysqld/mysqld.sock");
	assert_int_equal(ep[4].port, 0);
	assert_string_equal(ep[5].host, "db_3");
	assert_int_equal(ep[5].port, 1);

	assert_string_equal(db_endpoint_name(&ep[0], name, sizeof(name)),
	    "127.0.0.1:3311");
	assert_string_equal(db_endpoint_name(&ep[2], name, sizeof(name)),
	    "[::1]:3313");
	assert_string_equal(db_endpoint_name(&ep[4], name, sizeof(name)),
	    "/run/mysqld/mysqld.sock");

	/* One entry, and a trailing blank after it. */
	assert_int_equal(db_hosts_parse("10.0.0.5:65535 ", ep, 1, &n),
	    WEFT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ep[0].port, 65535);
}

/* The refused twins: each list is refused whole, and *n is 0. */
static void
test_refused(void **state)
{
	static const char *const bad[] = {
		",",			/* empty entries */
		"a:1,",
		",a:1",
		"a:1,,b:2",
		"a:",			/* no port after ':' */
		"a:0",			/* out of range */
		"a:65536",
		"a:12x",
		"a:-1",
		"a: 1",
		"::1",			/* IPv6 without brackets */
		"fe80::1:3306",
		"[::1",			/* unclosed */
		"[::1]x",		/* junk after the bracket */
		"[::1]:",
		"[]:3306",
		"[zz::1]:3306",
		"db one:3306",		/* a blank inside a name */
		"db/x:3306",
		"/run/my sql.sock",
		"a:1,b:2,c:3",		/* more than max (2 here) */
	};
	struct db_endpoint	 ep[DB_HOSTS_MAX];
	char			 longname[400];
	size_t			 i, n;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		n = 99;
		assert_int_equal(db_hosts_parse(bad[i], ep, 2, &n),
		    WEFT_ERR_INVALID);
		assert_int_equal(n, 0);
	}
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	assert_int_equal(db_hosts_parse(longname, ep, DB_HOSTS_MAX, &n),
	    WEFT_ERR_INVALID);
}

/* weft.conf: a good list loads, a bad one stops config_load(). */
static void
test_config(void **state)
{
	static char	 path[] = "/tmp/weft-test-dbhosts.XXXXXX";
	struct config	 c;
	FILE		*f;
	int		 fd;

	(void)state;
	unsetenv("WEFT_DB_HOSTS");
	assert_true((fd = mkstemp(path)) >= 0);
	assert_non_null(f = fdopen(fd, "w"));
	fputs("db_hosts = 127.0.0.1:3311, 127.0.0.1:3312\n", f);
	fclose(f);
	assert_int_equal(config_load(&c, path), WEFT_OK);
	assert_string_equal(c.db_hosts, "127.0.0.1:3311, 127.0.0.1:3312");
	setenv("WEFT_DB_HOSTS", "127.0.0.1:3311,,", 1);
	assert_int_equal(config_load(&c, path), WEFT_ERR_INVALID);
	setenv("WEFT_DB_HOSTS", "", 1);
	assert_int_equal(config_load(&c, path), WEFT_OK);
	assert_string_equal(c.db_hosts, "");
	unsetenv("WEFT_DB_HOSTS");
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_config),
	};

	log_init("test_db_hosts", LOGL__MAX);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
