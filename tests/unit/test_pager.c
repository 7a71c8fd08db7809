/*
 * pager.c: reading the cursor of a keyset page (each malformed cursor next
 * to the good one it differs from), what a fetch makes of the page, and
 * the links it writes; the same for the one-parameter before= cursor of
 * the lists that only page forward.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "pager.h"
#include "util.h"

static const struct http_limits lim = { 64, 4096 };

/* Parses a query string into a cursor; returns pager_parse()'s verdict. */
static enum weft_err
parse(const char *qs, struct pager *p)
{
	struct http_kvlist	 q;
	enum weft_err		 e;

	memset(&q, 0, sizeof(q));
	assert_int_equal(http_parse_urlencoded(qs, strlen(qs), &lim, &q),
	    HTTP_PARSE_OK);
	e = pager_parse(&q, 50, p);
	http_kvlist_free(&q);
	return e;
}

static void
test_parse_good(void **state)
{
	struct pager	 p;

	assert_int_equal(parse("", &p), WEFT_OK);
	assert_int_equal(p.cursor, PAGER_NONE);
	assert_int_equal(pager_mode(&p), PAGER_MODE_NONE);
	assert_int_equal(pager_limit(&p), 51);
	assert_false(pager_reverse(&p));

	assert_int_equal(parse("sort=name&after_key=Bob+Brown&after_id=9",
	    &p), WEFT_OK);
	assert_int_equal(p.cursor, PAGER_AFTER);
	assert_string_equal(p.key, "Bob Brown");
	assert_int_equal(p.id, 9);
	assert_int_equal(pager_mode(&p), PAGER_MODE_KEY);
	assert_false(pager_reverse(&p));

	assert_int_equal(parse("before_key=2024-01-02+03%3A04%3A05"
	    "&before_id=12", &p), WEFT_OK);
	assert_int_equal(p.cursor, PAGER_BEFORE);
	assert_string_equal(p.key, "2024-01-02 03:04:05");
	assert_true(pager_reverse(&p));

	/* A NULL key (never logged in) and an empty key are different. */
	assert_int_equal(parse("after_null=1&after_id=3", &p), WEFT_OK);
	assert_true(p.key_null);
	assert_int_equal(pager_mode(&p), PAGER_MODE_NULL);
	assert_int_equal(parse("after_key=&after_id=3", &p), WEFT_OK);
	assert_false(p.key_null);
	assert_string_equal(p.key, "");
	assert_int_equal(pager_mode(&p), PAGER_MODE_KEY);
}

static void
test_parse_bad(void **state)
{
	static const char *const bad[] = {
		"after_key=x",				/* no id */
		"after_key=x&after_id=0",		/* not an id */
		"after_key=x&after_id=-3",
		"after_key=x&after_id=12abc",
		"after_key=x&after_id=99999999999999999999",
		"after_id=4",			/* neither key nor null */
		"after_null=1&after_key=x&after_id=4",	/* both */
		"after_null=yes&after_id=4",
		"after_key=a&after_id=1&before_key=b&before_id=2",
		"before_id=",
	};
	struct pager	 p;
	char		 big[PAGER_KEY_MAX + 40];
	size_t		 i;

	for (i = 0; i < NELEM(bad); i++) {
		if (parse(bad[i], &p) != WEFT_ERR_INVALID)
			fail_msg("accepted: %s", bad[i]);
		assert_int_equal(p.cursor, PAGER_NONE);
	}
	/* The longest key that fits, and one byte more. */
	snprintf(big, sizeof(big), "after_id=1&after_key=");
	memset(big + strlen(big), 'k', PAGER_KEY_MAX - 1);
	big[21 + PAGER_KEY_MAX - 1] = '\0';
	assert_int_equal(parse(big, &p), WEFT_OK);
	assert_int_equal(strlen(p.key), PAGER_KEY_MAX - 1);
	strcat(big, "k");
	assert_int_equal(parse(big, &p), WEFT_ERR_INVALID);
}

static void
test_result(void **state)
{
	struct pager		 p;
	struct pager_result	 r;

	/* First page: Next only when the extra row came. */
	assert_int_equal(parse("", &p), WEFT_OK);
	pager_result(&p, 51, &r);
	assert_int_equal(r.shown, 50);
	assert_true(r.has_next);
	assert_false(r.has_prev);
	assert_false(r.has_first);
	pager_result(&p, 50, &r);
	assert_int_equal(r.shown, 50);
	assert_false(r.has_next);
	pager_result(&p, 0, &r);
	assert_int_equal(r.shown, 0);
	assert_false(r.has_next);

	/* After a cursor: Previous and First always; Next on the extra. */
	assert_int_equal(parse("after_key=a&after_id=1", &p), WEFT_OK);
	pager_result(&p, 51, &r);
	assert_true(r.has_next && r.has_prev && r.has_first);
	assert_false(r.reversed);
	pager_result(&p, 7, &r);
	assert_int_equal(r.shown, 7);
	assert_false(r.has_next);
	assert_true(r.has_prev);

	/* Before a cursor: the rows come reversed; Next always; Previous
	 * and First only when there is more before (else: first page). */
	assert_int_equal(parse("before_key=a&before_id=1", &p), WEFT_OK);
	pager_result(&p, 51, &r);
	assert_true(r.reversed);
	assert_int_equal(r.shown, 50);
	assert_true(r.has_next && r.has_prev && r.has_first);
	pager_result(&p, 12, &r);
	assert_int_equal(r.shown, 12);
	assert_true(r.has_next);
	assert_false(r.has_prev);
	assert_false(r.has_first);
}

static void
test_links(void **state)
{
	struct buf	 params, b;

	buf_init(&params);
	buf_init(&b);
	pager_param(&params, "status", "approved");
	pager_param(&params, "q", "");		/* empty: left out */
	pager_param(&params, "q2", NULL);
	pager_param(&params, "name", "O'Brien & \"Sons\" 100%/é");
	assert_string_equal(params.p, "&status=approved&name=O%27Brien%20%26"
	    "%20%22Sons%22%20100%25%2F%C3%A9");

	pager_href(&b, "/members", params.p, PAGER_AFTER, "Bob Brown", 0, 9);
	assert_string_equal(b.p, "/members?status=approved&name=O%27Brien"
	    "%20%26%20%22Sons%22%20100%25%2F%C3%A9&after_key=Bob%20Brown"
	    "&after_id=9");
	buf_reset(&b);
	pager_href(&b, "/members", "", PAGER_BEFORE, NULL, 1, 4);
	assert_string_equal(b.p, "/members?before_null=1&before_id=4");
	buf_reset(&b);
	pager_href(&b, "/members", NULL, PAGER_AFTER, "", 0, 4);
	assert_string_equal(b.p, "/members?after_key=&after_id=4");
	buf_reset(&b);
	pager_href(&b, "/members", NULL, PAGER_NONE, "x", 0, 4);
	assert_string_equal(b.p, "/members");
	buf_reset(&b);
	pager_href(&b, "/members", "&sort=name", PAGER_NONE, NULL, 0, 0);
	assert_string_equal(b.p, "/members?sort=name");
	assert_false(buf_failed(&b));

	/* A link's cursor reads back as the same cursor. */
	{
		struct pager	 p;

		buf_reset(&b);
		pager_href(&b, "", "&x=1", PAGER_BEFORE, "a&b=c d", 0, 77);
		assert_int_equal(parse(b.p + 1, &p), WEFT_OK);
		assert_int_equal(p.cursor, PAGER_BEFORE);
		assert_string_equal(p.key, "a&b=c d");
		assert_int_equal(p.id, 77);
	}
	buf_free(&params);
	buf_free(&b);
}

/* pager_before_key() of before= in a query string. */
static void
parse_before(const char *qs, struct pager *p)
{
	struct http_kvlist	 q;

	memset(&q, 0, sizeof(q));
	assert_int_equal(http_parse_urlencoded(qs, strlen(qs), &lim, &q),
	    HTTP_PARSE_OK);
	pager_before_key(p, 20, http_kv_get(&q, "before"));
	http_kvlist_free(&q);
}

static void
test_before(void **state)
{
	static const char *const bad_keyed[] = {
		"before=5", "before=2024-01-02_", "before=2024-01-02_0",
		"before=2024-01-02_x", "before=_", "before=2024-01-02_-3",
		"before=2024-01-02_99999999999999999999", "before=", "x=1",
	};
	struct pager		 p;
	struct pager_result	 r;
	size_t			 i;

	pager_before_id(&p, 20, 0);
	assert_int_equal(p.cursor, PAGER_NONE);
	assert_int_equal(p.id, 0);
	assert_int_equal(pager_limit(&p), 21);
	pager_before_id(&p, 20, -4);
	assert_int_equal(p.cursor, PAGER_NONE);
	assert_int_equal(p.id, 0);
	pager_before_id(&p, 20, 42);
	assert_int_equal(p.cursor, PAGER_AFTER);
	assert_int_equal(p.id, 42);
	assert_false(pager_reverse(&p));
	/* The rows after the cursor in list order: a "newest" link, and
	 * an "older" one only when the fetch found one row more. */
	pager_result(&p, 21, &r);
	assert_int_equal(r.shown, 20);
	assert_true(r.has_next);
	assert_true(r.has_first);
	pager_result(&p, 20, &r);
	assert_int_equal(r.shown, 20);
	assert_false(r.has_next);
	/* The first page has neither. */
	pager_before_id(&p, 20, 0);
	pager_result(&p, 20, &r);
	assert_false(r.has_next);
	assert_false(r.has_first);

	parse_before("before=2024-01-02_5", &p);
	assert_int_equal(p.cursor, PAGER_AFTER);
	assert_string_equal(p.key, "2024-01-02");
	assert_int_equal(p.id, 5);
	for (i = 0; i < NELEM(bad_keyed); i++) {
		parse_before(bad_keyed[i], &p);
		if (p.cursor != PAGER_NONE || p.id != 0 || p.key[0] != '\0')
			fail_msg("\"%s\" is a cursor", bad_keyed[i]);
	}
	pager_before_key(&p, 20, NULL);
	assert_int_equal(p.cursor, PAGER_NONE);
}

static void
test_before_links(void **state)
{
	struct buf	 b;
	struct pager	 p;

	buf_init(&b);
	pager_href_before(&b, "/ads", NULL, NULL, 41);
	assert_string_equal(b.p, "/ads?before=41");
	buf_reset(&b);
	pager_href_before(&b, "/ads", "&kind=offer&q=a%20b", NULL, 41);
	assert_string_equal(b.p, "/ads?kind=offer&q=a%20b&before=41");
	buf_reset(&b);
	/* Parameters without their leading '&', as a list may keep them. */
	pager_href_before(&b, "/exchanges", "from=&to=", "2024-01-02", 7);
	assert_string_equal(b.p, "/exchanges?from=&to=&before=2024-01-02_7");
	buf_reset(&b);
	pager_href_before(&b, "/x", "", "a b", 7);
	assert_string_equal(b.p, "/x?before=a%20b_7");
	assert_false(buf_failed(&b));
	/* And it reads back. */
	parse_before(b.p + 3, &p);
	assert_int_equal(p.cursor, PAGER_AFTER);
	assert_string_equal(p.key, "a b");
	assert_int_equal(p.id, 7);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_result),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_before),
		cmocka_unit_test(test_before_links),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
