/*
 * The config table (config.c): its defaults are the values weft has
 * always started with, each default is accepted by its own key (so
 * config_defaults() never leaves a field unset), every key is documented
 * for weft.conf(5), and a file and the environment override the defaults
 * in that order, refusing unknown keys and values out of range.
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
#include "log.h"

static void
test_defaults(void **state)
{
	struct config	 c;

	(void)state;
	config_defaults(&c);
	assert_string_equal(c.db_socket, "/run/mysqld/mysqld.sock");
	assert_string_equal(c.db_name, "weft");
	assert_string_equal(c.db_user, "weft");
	assert_string_equal(c.db_password, "");
	assert_string_equal(c.templates_dir, "/usr/local/share/weft/templates");
	assert_string_equal(c.run_user, "");
	assert_int_equal(c.argon2_t, 2);
	assert_int_equal(c.argon2_m_kib, 19456);
	assert_int_equal(c.argon2_p, 1);
	assert_int_equal(c.cookie_secure, 1);
	assert_int_equal(c.session_idle_s, 1800);
	assert_int_equal(c.session_absolute_s, 43200);
	assert_int_equal(c.workers, 2);
	assert_int_equal(c.body_max, 65536);
	assert_int_equal(c.fields_max, 200);
	assert_int_equal(c.field_len_max, 16384);
	assert_int_equal(c.throttle_window_s, 900);
	assert_int_equal(c.throttle_account_max, 5);
	assert_int_equal(c.throttle_address_max, 20);
	assert_int_equal(c.log_level, 1);
}

static char *
write_config(const char *text)
{
	static char	 path[] = "/tmp/weft-test-config.XXXXXX";
	int		 fd;

	strcpy(path, "/tmp/weft-test-config.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

/* Every key has its documentation and a default its own bounds accept:
 * written to a file as "key = default", the file loads. */
static void
test_table(void **state)
{
	struct config	 c;
	char		*path, line[600];
	size_t		 i;

	(void)state;
	assert_true(config_nkeys > 0);
	for (i = 0; i < config_nkeys; i++) {
		assert_non_null(config_keys[i].def);
		assert_non_null(config_keys[i].arg);
		assert_non_null(config_keys[i].desc);
		assert_true(strlen(config_keys[i].desc) > 10);
		assert_true(config_keys[i].type < CONFIG_TYPE__MAX);
		snprintf(line, sizeof(line), "%s = %s\n", config_keys[i].key,
		    config_keys[i].def);
		path = write_config(line);
		assert_int_equal(config_load(&c, path), WEFT_OK);
		unlink(path);
	}
}

static void
test_file_then_environment(void **state)
{
	struct config	 c;
	char		*path;

	(void)state;
	unsetenv("WEFT_WORKERS");
	path = write_config("# comment\n db_name = other \nworkers=7\n"
	    "cookie_secure = 0\n\n");
	assert_int_equal(config_load(&c, path), WEFT_OK);
	assert_string_equal(c.db_name, "other");
	assert_int_equal(c.workers, 7);
	assert_int_equal(c.cookie_secure, 0);
	assert_int_equal(c.argon2_m_kib, 19456);	/* default kept */
	setenv("WEFT_WORKERS", "3", 1);
	assert_int_equal(config_load(&c, path), WEFT_OK);
	assert_int_equal(c.workers, 3);
	setenv("WEFT_WORKERS", "3x", 1);
	assert_int_not_equal(config_load(&c, path), WEFT_OK);
	unsetenv("WEFT_WORKERS");
	unlink(path);

	/* Refused twins: an unknown key, a value out of range, no '='. */
	path = write_config("no_such_key = 1\n");
	assert_int_not_equal(config_load(&c, path), WEFT_OK);
	unlink(path);
	path = write_config("workers = 0\n");
	assert_int_not_equal(config_load(&c, path), WEFT_OK);
	unlink(path);
	path = write_config("workers 4\n");
	assert_int_not_equal(config_load(&c, path), WEFT_OK);
	unlink(path);
	path = write_config("workers = 2x\n");
	assert_int_not_equal(config_load(&c, path), WEFT_OK);
	unlink(path);
	path = write_config("cookie_secure = 2\n");
	assert_int_not_equal(config_load(&c, path), WEFT_OK);
	unlink(path);
	assert_int_not_equal(config_load(&c, "/nonexistent/weft.conf"),
	    WEFT_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_file_then_environment),
	};

	log_init("test_config", LOGL__MAX);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
