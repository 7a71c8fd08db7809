/*
 * The framework's pure parts: route matching and lookup (404 vs 405),
 * path ids, the rule-1 answer for a missing target, the buffer's JSON
 * and CSV escaping (config parsing is test_config.c).  Each accepted
 * case has its refused twin.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app.h"
#include "buf.h"

static int
match(const char *pattern, const char *path, const char **p0)
{
	char		 buf[256];
	const char	*params[APP_PARAMS_MAX];
	size_t		 n = 0;
	int		 ok;
	static char	 keep[256];

	ok = app_route_match(pattern, path, buf, sizeof(buf), params, &n);
	if (ok && n > 0 && p0 != NULL) {
		snprintf(keep, sizeof(keep), "%s", params[0]);
		*p0 = keep;
	}
	return ok;
}

static void
test_route_match(void **state)
{
	const char	*p = NULL;

	(void)state;
	assert_true(match("/", "/", NULL));
	assert_false(match("/", "/x", NULL));
	assert_true(match("/members/roles", "/members/roles", NULL));
	assert_false(match("/members/roles", "/members/roles/", NULL));
	assert_false(match("/members/roles", "/members/role", NULL));
	assert_false(match("/members/roles", "/members", NULL));
	assert_true(match("/members/:id", "/members/42", &p));
	assert_string_equal(p, "42");
	assert_false(match("/members/:id", "/members/", NULL));
	assert_false(match("/members/:id", "/members/4%32", NULL));
	assert_false(match("/members/:id", "/members/42/notes", NULL));
	assert_true(match("/members/:id/notes", "/members/7/notes", &p));
	assert_string_equal(p, "7");
	assert_false(match("/members/:id/notes", "/members//notes", NULL));
	assert_false(match("/members/:id", "/members/..", NULL));
}

static int
handler(struct request *req)
{
	(void)req;
	return 0;
}

static const struct route routes[] = {
	{ HTTP_GET, "/a", ACCESS_PUBLIC, 0, APP_HANDLER(handler) },
	{ HTTP_POST, "/a", ACCESS_LOGIN, 0, APP_HANDLER(handler) },
	{ HTTP_GET, "/m/:id", ACCESS_PERM, PERM_MEMBER_LIST,
	    APP_HANDLER(handler) },
};

static const struct program prog = { "t", routes, 3 };

static void
test_route_find(void **state)
{
	struct request	 req;
	int		 st = 0;

	(void)state;
	memset(&req, 0, sizeof(req));
	assert_ptr_equal(app_route_find(&prog, HTTP_GET, "/a", &req, &st),
	    &routes[0]);
	assert_ptr_equal(app_route_find(&prog, HTTP_POST, "/a", &req, &st),
	    &routes[1]);
	/* HEAD is served by the GET route. */
	assert_ptr_equal(app_route_find(&prog, HTTP_HEAD, "/a", &req, &st),
	    &routes[0]);
	assert_null(app_route_find(&prog, HTTP_POST, "/m/3", &req, &st));
	assert_int_equal(st, 405);
	assert_null(app_route_find(&prog, HTTP_GET, "/nope", &req, &st));
	assert_int_equal(st, 404);
	assert_ptr_equal(app_route_find(&prog, HTTP_GET, "/m/3", &req, &st),
	    &routes[2]);
	assert_int_equal(app_param_id(&req, 0), 3);
	assert_int_equal(app_param_id(&req, 1), 0);
}

static void
test_param_id(void **state)
{
	struct request	 req;
	int		 st;
	static const char *bad[] = { "0", "007", "-1", "abc", "1x",
	    "9999999999999999", NULL };
	char		 path[64];
	size_t		 i;

	(void)state;
	memset(&req, 0, sizeof(req));
	assert_non_null(app_route_find(&prog, HTTP_GET, "/m/123456789012345",
	    &req, &st));
	assert_int_equal(app_param_id(&req, 0), 123456789012345LL);
	for (i = 0; bad[i] != NULL; i++) {
		snprintf(path, sizeof(path), "/m/%s", bad[i]);
		assert_non_null(app_route_find(&prog, HTTP_GET, path, &req,
		    &st));
		assert_int_equal(app_param_id(&req, 0), 0);
	}
}

/* A missing target is 404 only for a site-wide holder of the route's
 * permission; a scoped holder gets the 403 of a target out of scope;
 * other errors keep their own status, and a loaded target goes on. */
static void
test_target_status(void **state)
{
	struct request	 req;

	(void)state;
	memset(&req, 0, sizeof(req));
	req.actor.grants.n = 1;
	req.actor.grants.g[0].role = ROLE_MEMBER;
	req.actor.grants.g[0].scope.kind = SCOPE_SITE;
	assert_int_equal(app_target_status(&req, PERM_MEMBER_LIST,
	    WEFT_ERR_NOTFOUND), 404);
	assert_int_equal(app_target_status(&req, PERM_MEMBER_LIST, WEFT_OK),
	    0);
	assert_int_equal(app_target_status(&req, PERM_MEMBER_LIST,
	    WEFT_ERR_DB_DOWN), 503);
	/* The same role scoped to a community. */
	req.actor.grants.g[0].scope.kind = SCOPE_COMMUNITY;
	req.actor.grants.g[0].scope.community = 1;
	assert_int_equal(app_target_status(&req, PERM_MEMBER_LIST,
	    WEFT_ERR_NOTFOUND), 403);
	assert_int_equal(app_target_status(&req, PERM_MEMBER_LIST, WEFT_OK),
	    0);
	assert_int_equal(app_target_status(&req, PERM_MEMBER_LIST,
	    WEFT_ERR_DB), 500);
	/* Site-wide, but a role without this permission. */
	req.actor.grants.g[0].role = ROLE_TRANSLATOR;
	req.actor.grants.g[0].scope.kind = SCOPE_SITE;
	assert_int_equal(app_target_status(&req, PERM_MEMBER_LIST,
	    WEFT_ERR_NOTFOUND), 403);
}

static void
test_buf_escaping(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b);
	buf_json_str(&b, "a\"b\\c\n\x01");
	assert_string_equal(b.p, "\"a\\\"b\\\\c\\n\\u0001\"");
	buf_reset(&b);
	buf_csv_field(&b, "plain");
	buf_puts(&b, ",");
	buf_csv_field(&b, "say \"hi\"");
	buf_puts(&b, ",");
	buf_csv_field(&b, "=SUM(A1)");
	buf_puts(&b, ",");
	buf_csv_field(&b, NULL);
	assert_string_equal(b.p,
	    "\"plain\",\"say \"\"hi\"\"\",\"'=SUM(A1)\",\"\"");
	/* The same cells in one call: separators, none after the last. */
	buf_reset(&b);
	buf_csv_fields(&b, 4, "plain", "say \"hi\"", "=SUM(A1)",
	    (const char *)NULL);
	assert_string_equal(b.p,
	    "\"plain\",\"say \"\"hi\"\"\",\"'=SUM(A1)\",\"\"");
	buf_reset(&b);
	buf_csv_fields(&b, 1, "one");
	assert_string_equal(b.p, "\"one\"");
	/* Issue 15 (10): a formula behind blanks is defused too. */
	buf_reset(&b);
	buf_csv_field(&b, "  =1+1");
	buf_csv_field(&b, "\t@SUM(A1)");
	buf_csv_field(&b, "\r\n+1");
	buf_csv_field(&b, "a =b");
	assert_string_equal(b.p,
	    "\"'  =1+1\"\"'\t@SUM(A1)\"\"'\r\n+1\"\"a =b\"");
	buf_reset(&b);
	buf_printf(&b, "%d-%s", 42, "x");
	assert_string_equal(b.p, "42-x");
	assert_int_equal(b.len, 4);
	assert_false(buf_failed(&b));
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_route_match),
		cmocka_unit_test(test_route_find),
		cmocka_unit_test(test_param_id),
		cmocka_unit_test(test_target_status),
		cmocka_unit_test(test_buf_escaping),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
