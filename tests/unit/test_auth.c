/*
 * Passwords and tokens without a database: argon2id round trip, rehash
 * when the parameters rise (and only then), malformed hashes refused,
 * constant-time CSRF comparison with its refusals, random tokens, cookie
 * names and member statuses.  Sessions and throttling, which need the
 * database, are in test_auth_db.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "auth.h"
#include "config.h"
#include "util.h"

/* Cheap parameters: the tests check behaviour, not strength. */
static int
setup(void **state)
{
	(void)state;
	config_defaults(&config);
	config.argon2_t = 1;
	config.argon2_m_kib = 1024;
	config.argon2_p = 1;
	return 0;
}

static void
test_hash_verify(void **state)
{
	char	 a[AUTH_HASH_MAX], b[AUTH_HASH_MAX];

	(void)state;
	assert_int_equal(auth_password_hash("correct horse battery", a,
	    sizeof(a)), WEFT_OK);
	assert_true(strncmp(a, "$argon2id$v=19$m=1024,t=1,p=1$", 30) == 0);
	assert_int_equal(auth_password_verify(a, "correct horse battery"), 1);
	assert_int_equal(auth_password_verify(a, "correct horse batterY"), 0);
	assert_int_equal(auth_password_verify(a, ""), 0);
	/* A fresh salt each time: same password, different hash. */
	assert_int_equal(auth_password_hash("correct horse battery", b,
	    sizeof(b)), WEFT_OK);
	assert_string_not_equal(a, b);
	assert_int_equal(auth_password_verify(b, "correct horse battery"), 1);
	/* Non-ASCII passwords are bytes like any other. */
	assert_int_equal(auth_password_hash("pässwörd ünïcode ✓", a,
	    sizeof(a)), WEFT_OK);
	assert_int_equal(auth_password_verify(a, "pässwörd ünïcode ✓"), 1);
	assert_int_equal(auth_password_verify(a, "passwort unicode ✓"), 0);
}

static void
test_hash_refusals(void **state)
{
	char	 small[40];

	(void)state;
	/* The output buffer must hold the whole encoded hash. */
	assert_int_equal(auth_password_hash("correct horse battery", small,
	    sizeof(small)), WEFT_ERR_INVALID);
	assert_int_equal(auth_password_hash(NULL, small, sizeof(small)),
	    WEFT_ERR_INVALID);
}

static void
test_needs_rehash(void **state)
{
	char	 h[AUTH_HASH_MAX];

	(void)state;
	assert_int_equal(auth_password_hash("correct horse battery", h,
	    sizeof(h)), WEFT_OK);
	assert_int_equal(auth_password_needs_rehash(h), 0);
	config.argon2_m_kib = 2048;
	assert_int_equal(auth_password_needs_rehash(h), 1);
	config.argon2_m_kib = 1024;
	config.argon2_t = 2;
	assert_int_equal(auth_password_needs_rehash(h), 1);
	config.argon2_t = 1;
	config.argon2_p = 2;
	assert_int_equal(auth_password_needs_rehash(h), 1);
	config.argon2_p = 1;
	assert_int_equal(auth_password_needs_rehash(h), 0);
	/* Parameters that fall do not ask for a weaker hash. */
	assert_int_equal(auth_password_needs_rehash(
	    "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaA"), 0);
	config.argon2_m_kib = 131072;
	assert_int_equal(auth_password_needs_rehash(
	    "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaA"), 1);
	config.argon2_m_kib = 1024;
}

static void
test_malformed(void **state)
{
	static const char *const bad[] = {
		"",
		"argon2id",
		"$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2g",
		"$argon2d$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2g",
		"$argon2id$v=19$m=abc,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2g",
		"$argon2id$v=19$t=1,m=1024,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2g",
		"$argon2id$v=19$m=1024,t=1,p=1",
		"$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0",
		"$argon2id$v=19$m=-1,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2g",
		"$argon2id$v=19$m=99999999999,t=1,p=1$c2FsdA$aGFzaA",
		"$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		assert_int_equal(auth_password_verify(bad[i], "password"), -1);
		assert_int_equal(auth_password_needs_rehash(bad[i]), -1);
	}
	assert_int_equal(auth_password_verify(NULL, "password"), -1);
	assert_int_equal(auth_password_needs_rehash(NULL), -1);
	/* Well-formed but damaged: the hash part is not valid base64. */
	assert_int_equal(auth_password_verify(
	    "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$!!!!", "x"), -1);
}

static void
test_csrf_equal(void **state)
{
	char	 t[AUTH_TOKEN_HEX], u[AUTH_TOKEN_HEX];

	(void)state;
	assert_int_equal(auth_random_hex(t), WEFT_OK);
	memcpy(u, t, sizeof(u));
	assert_true(auth_csrf_equal(t, u));
	/* Different in the last character, and in the first. */
	u[63] = u[63] == 'a' ? 'b' : 'a';
	assert_false(auth_csrf_equal(t, u));
	memcpy(u, t, sizeof(u));
	u[0] = u[0] == 'a' ? 'b' : 'a';
	assert_false(auth_csrf_equal(t, u));
	/* A prefix, or the token with more after it, is not the token. */
	memcpy(u, t, sizeof(u));
	u[32] = '\0';
	assert_false(auth_csrf_equal(t, u));
	assert_false(auth_csrf_equal(u, t));
	/* Empty and missing never match, even each other. */
	assert_false(auth_csrf_equal(t, ""));
	assert_false(auth_csrf_equal("", ""));
	assert_false(auth_csrf_equal("", t));
	assert_false(auth_csrf_equal(t, NULL));
	assert_false(auth_csrf_equal(NULL, NULL));
}

static void
test_random_hex(void **state)
{
	char	 a[AUTH_TOKEN_HEX], b[AUTH_TOKEN_HEX];

	(void)state;
	assert_int_equal(auth_random_hex(a), WEFT_OK);
	assert_int_equal(auth_random_hex(b), WEFT_OK);
	assert_int_equal(strlen(a), 64);
	assert_int_equal(strspn(a, "0123456789abcdef"), 64);
	assert_string_not_equal(a, b);
}

static void
test_cookie_names(void **state)
{
	(void)state;
	config.cookie_secure = 1;
	assert_string_equal(auth_cookie_name(), "__Host-weft");
	assert_string_equal(auth_csrf_cookie_name(), "__Host-weft-csrf");
	config.cookie_secure = 0;
	assert_string_equal(auth_cookie_name(), "weft");
	assert_string_equal(auth_csrf_cookie_name(), "weft-csrf");
	config.cookie_secure = 1;
}

static void
test_member_status(void **state)
{
	enum member_status	 s;
	int			 i;

	(void)state;
	for (i = 0; i < MEMBER_STATUS__MAX; i++) {
		assert_int_equal(member_status_parse(member_status_keys[i], &s),
		    0);
		assert_int_equal(s, i);
	}
	assert_int_equal(member_status_parse("Approved", &s), -1);
	assert_int_equal(member_status_parse("", &s), -1);
	assert_int_equal(member_status_parse(NULL, &s), -1);
}

/* Issue 15 (7): IPv6 addresses throttle by their /64. */
static void
test_address_key(void **state)
{
	char	 k[AUTH_ADDR_KEY_MAX];

	(void)state;
	auth_address_key("192.0.2.7", k);
	assert_string_equal(k, "192.0.2.7");
	auth_address_key("::ffff:192.0.2.7", k);
	assert_string_equal(k, "192.0.2.7");
	auth_address_key("2001:db8:1:2:aaaa:bbbb:cccc:dddd", k);
	assert_string_equal(k, "2001:db8:1:2::/64");
	auth_address_key("2001:db8:1:2::1", k);
	assert_string_equal(k, "2001:db8:1:2::/64");
	auth_address_key("2001:db8:1:3::1", k);
	assert_string_equal(k, "2001:db8:1:3::/64");
	auth_address_key("::1", k);
	assert_string_equal(k, "::/64");
	auth_address_key("unix:", k);
	assert_string_equal(k, "unix:");
	auth_address_key(NULL, k);
	assert_string_equal(k, "");
}

/* What auth_password_read makes of in (len bytes), into an 8-byte out. */
static enum weft_err
read_pw(const char *in, size_t len, char out[8])
{
	FILE		*f;
	enum weft_err	 e;

	assert_non_null(f = fmemopen((void *)(uintptr_t)in, len, "r"));
	e = auth_password_read(f, out, 8);
	fclose(f);
	return e;
}

/* A tool's password: one line, its line ending dropped; an empty line,
 * one with a NUL, one too long for the buffer and no line at all are
 * refused, and nothing of them is left in out. */
static void
test_password_read(void **state)
{
	char	 out[8];

	(void)state;
	assert_int_equal(read_pw("secret\n", 7, out), WEFT_OK);
	assert_string_equal(out, "secret");
	assert_int_equal(read_pw("secret\r\nmore\n", 13, out), WEFT_OK);
	assert_string_equal(out, "secret");
	assert_int_equal(read_pw("1234567", 7, out), WEFT_OK);
	assert_string_equal(out, "1234567");
	assert_int_equal(read_pw("12345678\n", 9, out), WEFT_ERR_INVALID);
	assert_string_equal(out, "");
	assert_int_equal(read_pw("\n", 1, out), WEFT_ERR_INVALID);
	assert_int_equal(read_pw("\r\n", 2, out), WEFT_ERR_INVALID);
	assert_int_equal(read_pw("ab\0cd\n", 6, out), WEFT_ERR_INVALID);
	assert_string_equal(out, "");
	assert_int_equal(read_pw("", 0, out), WEFT_ERR_SYS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_hash_verify, setup),
		cmocka_unit_test_setup(test_hash_refusals, setup),
		cmocka_unit_test_setup(test_needs_rehash, setup),
		cmocka_unit_test_setup(test_malformed, setup),
		cmocka_unit_test_setup(test_csrf_equal, setup),
		cmocka_unit_test_setup(test_random_hex, setup),
		cmocka_unit_test_setup(test_cookie_names, setup),
		cmocka_unit_test_setup(test_member_status, setup),
		cmocka_unit_test(test_address_key),
		cmocka_unit_test(test_password_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
