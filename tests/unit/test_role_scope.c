/*
 * role.c's helpers for the scope of objects and of coordinators: the
 * scope of an object of a community (or of none), and the communities
 * where a set of grants holds a permission, each case next to the one
 * it differs from.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "role.h"
#include "util.h"

/* Adds the grant (role, community; 0 for site) to gs. */
static void
grant(struct grants *gs, enum role r, long long community)
{
	struct grant	*g = &gs->g[gs->n++];

	memset(g, 0, sizeof(*g));
	g->role = r;
	g->id = (long long)gs->n;
	scope_of_community(community, &g->scope);
}

static void
test_scope_of_community(void **state)
{
	struct scope	 s;

	memset(&s, 0xa5, sizeof(s));
	scope_of_community(5, &s);
	assert_int_equal(s.kind, SCOPE_COMMUNITY);
	assert_int_equal(s.community, 5);
	assert_string_equal(s.lang, "");
	scope_of_community(0, &s);
	assert_int_equal(s.kind, SCOPE_SITE);
	assert_int_equal(s.community, 0);
	scope_of_community(-3, &s);
	assert_int_equal(s.kind, SCOPE_SITE);
	assert_int_equal(s.community, 0);
}

static void
test_communities(void **state)
{
	struct grants	 gs;
	long long	 ids[8];
	size_t		 n;
	int		 site;

	memset(&gs, 0, sizeof(gs));
	grant(&gs, ROLE_MEMBER, 2);
	grant(&gs, ROLE_MEMBER, 1);
	grant(&gs, ROLE_MEMBER, 2);		/* listed once */
	grant(&gs, ROLE_SUPPORT, 3);		/* no member.edit */
	grant(&gs, ROLE_TRANSLATOR, 0);		/* site, but no member.edit */
	n = role_communities(&gs, PERM_MEMBER_EDIT, &site, ids, NELEM(ids));
	assert_false(site);
	assert_int_equal(n, 2);
	assert_int_equal(ids[0], 2);
	assert_int_equal(ids[1], 1);
	assert_true(role_communities_has(1, site, ids, n));
	assert_false(role_communities_has(3, site, ids, n));
	assert_false(role_communities_has(0, site, ids, n));
	/* Support holds member.list there: community 3 counts for it. */
	n = role_communities(&gs, PERM_MEMBER_LIST, &site, ids, NELEM(ids));
	assert_int_equal(n, 3);
	assert_true(role_communities_has(3, site, ids, n));
	/* No more than max. */
	n = role_communities(&gs, PERM_MEMBER_EDIT, &site, ids, 1);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], 2);
	/* A site grant of the permission: every community, none listed. */
	grant(&gs, ROLE_MEMBER, 0);
	n = role_communities(&gs, PERM_MEMBER_EDIT, &site, ids, NELEM(ids));
	assert_true(site);
	assert_int_equal(n, 0);
	assert_true(role_communities_has(3, site, ids, n));
	/* No grant at all. */
	memset(&gs, 0, sizeof(gs));
	n = role_communities(&gs, PERM_MEMBER_LIST, &site, ids, NELEM(ids));
	assert_false(site);
	assert_int_equal(n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scope_of_community),
		cmocka_unit_test(test_communities),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
