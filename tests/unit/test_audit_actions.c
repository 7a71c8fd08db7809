/*
 * audit_actions.c: every phrase of templates/phrases/audit.en is found
 * from its action code (so the table is sorted for bsearch and has a row
 * per phrase), with its note; codes without a phrase give NULL.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "audit.h"
#include "catalogue.h"

#define PREFIX	"audit.action."

static void
test_every_phrase(void **state)
{
	struct catalogue	 c;
	const char		*key;
	char			 err[256];
	size_t			 i, n = 0;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(catalogue_read_file(&c, "templates/phrases/audit.en",
	    err, sizeof(err)), WEFT_OK);
	assert_int_equal(catalogue_finish(&c, err, sizeof(err)), WEFT_OK);
	for (i = 0; i < c.n; i++) {
		assert_int_equal(strncmp(c.p[i].key, PREFIX, strlen(PREFIX)),
		    0);
		key = audit_action_phrase(c.p[i].key + strlen(PREFIX));
		if (key == NULL)
			fail_msg("no row for %s", c.p[i].key);
		assert_string_equal(key, c.p[i].key);
		assert_true(c.p[i].note[0] != '\0');
		n++;
	}
	assert_true(n > 90);
	catalogue_free(&c);
}

static void
test_unknown(void **state)
{
	(void)state;
	assert_string_equal(audit_action_phrase("member.approve"),
	    PREFIX "member.approve");
	assert_null(audit_action_phrase(""));
	assert_null(audit_action_phrase("member"));
	assert_null(audit_action_phrase("member.approve "));
	assert_null(audit_action_phrase("test.paging.x"));
	assert_null(audit_action_phrase("zzz.last"));
	assert_null(audit_action_phrase("aaa.first"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_phrase),
		cmocka_unit_test(test_unknown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
