/*
 * SHA-256 against the FIPS 180-2 appendix B examples and the block
 * boundary lengths (55, 56, 63, 64, 65, 119, 120 bytes) where padding
 * changes shape; one-shot and byte-by-byte hashing agree.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sha256.h"
#include "util.h"

static void
hex(const unsigned char *d, char out[2 * SHA256_LEN + 1])
{
	size_t	 i;

	for (i = 0; i < SHA256_LEN; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void
check(const void *data, size_t len, const char *want)
{
	unsigned char	 d[SHA256_LEN];
	char		 got[2 * SHA256_LEN + 1];
	struct sha256	 s;
	size_t		 i;

	sha256(data, len, d);
	hex(d, got);
	assert_string_equal(got, want);
	/* Fed one byte at a time, the state machine must agree. */
	sha256_init(&s);
	for (i = 0; i < len; i++)
		sha256_update(&s, (const unsigned char *)data + i, 1);
	sha256_final(&s, d);
	hex(d, got);
	assert_string_equal(got, want);
}

static void
test_fips_examples(void **state)
{
	(void)state;
	check("abc", 3,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	check("", 0,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	check("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	check("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	    "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 112,
	    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

/* The hex form is the digest's bytes, high nibble first, lower case. */
static void
test_hex(void **state)
{
	char	 got[SHA256_HEX];

	memset(got, 'x', sizeof(got));
	sha256_hex("abc", 3, got);
	assert_string_equal(got, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	sha256_hex("", 0, got);
	assert_string_equal(got, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
}

static void
test_million_a(void **state)
{
	unsigned char	 d[SHA256_LEN];
	char		 got[2 * SHA256_LEN + 1];
	char		*a;
	struct sha256	 s;
	size_t		 i;

	(void)state;
	assert_non_null(a = malloc(1000000));
	memset(a, 'a', 1000000);
	sha256(a, 1000000, d);
	hex(d, got);
	assert_string_equal(got,
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	/* In uneven pieces that straddle block boundaries. */
	sha256_init(&s);
	for (i = 0; i < 1000000; i += 333)
		sha256_update(&s, a + i, i + 333 <= 1000000 ? 333 : 1000000 - i);
	sha256_final(&s, d);
	hex(d, got);
	assert_string_equal(got,
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

static void
test_boundaries(void **state)
{
	static const struct {
		size_t		 n;
		const char	*want;
	} v[] = {
	{ 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
	{ 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
	{ 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34" },
	{ 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
	{ 65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0" },
	{ 119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb" },
	{ 120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c" },
	};
	char	 a[128];
	size_t	 i;

	(void)state;
	memset(a, 'a', sizeof(a));
	for (i = 0; i < NELEM(v); i++)
		check(a, v[i].n, v[i].want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fips_examples),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_million_a),
		cmocka_unit_test(test_boundaries),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
