/*
 * role.c's rules about another member's account, each allowed case next
 * to its refused twin: rule 5, becoming them (role_may_become), and rule
 * 9, changing their account (role_may_change, role_covers; the reach
 * through the members an account acts for is act.c's, tested over HTTP
 * in tests/e2e/trust-reach.test.mjs).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "role.h"
#include "role_spec.h"

/* ---- rule 5: become ---------------------------------------------- */

/* actor (id 1) becomes target (id 2) living in target_scope. */
static enum role_refusal
may_become(const char *actor, const char *target, const char *where,
    int disabled)
{
	struct grants	 a = G(actor), t = G(target);
	struct scope	 s = S(where);

	return role_may_become(&a, 1, &t, 2, &s, disabled);
}

static void
test_become_admin(void **state)
{
	assert_int_equal(may_become("admin@site", "member@site", "site", 0),
	    ROLE_OK);
	assert_int_equal(may_become("admin@site", "", "community:2", 0),
	    ROLE_OK);
	assert_int_equal(may_become("admin@site", "admin@community:1",
	    "community:1", 0), ROLE_OK);
	assert_int_equal(may_become("admin@site", "translator@language:es",
	    "site", 0), ROLE_OK);
	/* Never a site admin, whoever asks and wherever they live. */
	assert_int_equal(may_become("admin@site", "admin@site", "site", 0),
	    ROLE_REFUSE_SITE_ADMIN);
	assert_int_equal(may_become("admin@site", "member@community:1 "
	    "admin@site", "community:1", 0), ROLE_REFUSE_SITE_ADMIN);
}

static void
test_become_member_coordinator(void **state)
{
	assert_int_equal(may_become("member@site", "", "community:1", 0),
	    ROLE_OK);
	assert_int_equal(may_become("member@site", "support@site", "site", 0),
	    ROLE_OK);
	assert_int_equal(may_become("member@site", "member@community:1",
	    "community:1", 0), ROLE_OK);
	/* Not an admin, not a role with a permission the actor lacks. */
	assert_int_equal(may_become("member@site", "admin@community:1",
	    "community:1", 0), ROLE_REFUSE_NOT_SUBSET);
	assert_int_equal(may_become("member@site", "outreach@site", "site",
	    0), ROLE_REFUSE_NOT_SUBSET);	/* content.manage */
	assert_int_equal(may_become("member@site", "payment@site", "site",
	    0), ROLE_REFUSE_NOT_SUBSET);	/* payment.manage */
	assert_int_equal(may_become("member@site", "translator@language:es",
	    "site", 0), ROLE_REFUSE_NOT_SUBSET);
	/* A community admin's translator target is out of their reach. */
	assert_int_equal(may_become("admin@community:1",
	    "translator@language:es", "community:1", 0),
	    ROLE_REFUSE_NOT_SUBSET);
}

static void
test_become_community_coordinator(void **state)
{
	assert_int_equal(may_become("member@community:1", "", "community:1",
	    0), ROLE_OK);
	assert_int_equal(may_become("member@community:1", "",
	    "community:2", 0), ROLE_REFUSE_OUT_OF_SCOPE);
	assert_int_equal(may_become("member@community:1", "", "site", 0),
	    ROLE_REFUSE_OUT_OF_SCOPE);
	/* In the community, but holding a site grant: wider than ours. */
	assert_int_equal(may_become("member@community:1", "support@site",
	    "community:1", 0), ROLE_REFUSE_NOT_SUBSET);
	assert_int_equal(may_become("member@community:1",
	    "support@community:1", "community:1", 0), ROLE_OK);
	assert_int_equal(may_become("member@community:1",
	    "support@community:2", "community:1", 0),
	    ROLE_REFUSE_NOT_SUBSET);
}

static void
test_become_self_status_perm(void **state)
{
	struct grants	 a = G("admin@site"), t = G("");
	struct scope	 s = S("site");

	/* Oneself: never; someone else: yes. */
	assert_int_equal(role_may_become(&a, 7, &t, 7, &s, 0),
	    ROLE_REFUSE_SELF);
	assert_int_equal(role_may_become(&a, 7, &t, 8, &s, 0), ROLE_OK);
	/* Disabled: never; enabled: yes. */
	assert_int_equal(may_become("admin@site", "", "site", 1),
	    ROLE_REFUSE_STATUS);
	assert_int_equal(may_become("admin@site", "", "site", 0), ROLE_OK);
	/* Without member.become: never. */
	assert_int_equal(may_become("support@site", "", "community:1", 0),
	    ROLE_REFUSE_NO_PERM);
	assert_int_equal(may_become("outreach@site", "", "site", 0),
	    ROLE_REFUSE_NO_PERM);
	assert_int_equal(may_become("", "", "site", 0),
	    ROLE_REFUSE_NO_PERM);
	assert_int_equal(role_may_become(&a, 1, NULL, 2, &s, 0),
	    ROLE_REFUSE_NO_PERM);
}

/* ---- rule 9: changing another member's account ------------------ */

/* actor (id 1) changes target's account (id 2, or 1: their own). */
static enum role_refusal
may_change(const char *actor, const char *target, long long target_id)
{
	struct grants	 a = G(actor), t = G(target);

	return role_may_change(&a, 1, &t, target_id);
}

static void
test_change_covers(void **state)
{
	/* A site admin covers everyone, another site admin too (rule 4 is
	 * the caller's), unlike "become". */
	assert_int_equal(may_change("admin@site", "admin@site", 2), ROLE_OK);
	assert_int_equal(may_change("admin@site", "translator@language:es "
	    "payment@site", 2), ROLE_OK);
	/* A member coordinator: plain members and lower roles only. */
	assert_int_equal(may_change("member@site", "", 2), ROLE_OK);
	assert_int_equal(may_change("member@site", "support@community:1", 2),
	    ROLE_OK);
	assert_int_equal(may_change("member@site", "admin@community:1", 2),
	    ROLE_REFUSE_COVER);
	assert_int_equal(may_change("member@site", "outreach@site", 2),
	    ROLE_REFUSE_COVER);
	/* A community admin: not a site-wide coordinator living there. */
	assert_int_equal(may_change("admin@community:1", "member@site", 2),
	    ROLE_REFUSE_COVER);
	assert_int_equal(may_change("admin@community:1",
	    "member@community:1", 2), ROLE_OK);
	assert_int_equal(may_change("admin@community:1",
	    "member@community:2", 2), ROLE_REFUSE_COVER);
	/* Support (member.optout) covers no member coordinator. */
	assert_int_equal(may_change("support@site", "member@community:1", 2),
	    ROLE_REFUSE_COVER);
	/* A plain member (an angel) covers only plain members. */
	assert_int_equal(may_change("", "", 2), ROLE_OK);
	assert_int_equal(may_change("", "support@community:1", 2),
	    ROLE_REFUSE_COVER);
	/* One's own account is one's own, whatever it holds. */
	assert_int_equal(may_change("support@site", "support@site admin@site",
	    1), ROLE_OK);
	assert_int_equal(role_may_change(NULL, 1, NULL, 2),
	    ROLE_REFUSE_NO_PERM);
}

static void
test_covers_is_become_subset(void **state)
{
	struct grants	 a = G("member@community:1"), t = G("");

	/* role_covers() is what "become" asks of the target's grants. */
	assert_true(role_covers(&a, &t));
	t = G("support@community:1 member@community:1");
	assert_true(role_covers(&a, &t));
	t = G("support@community:1 support@site");
	assert_false(role_covers(&a, &t));
	assert_false(role_covers(NULL, &t));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_become_admin),
		cmocka_unit_test(test_become_member_coordinator),
		cmocka_unit_test(test_become_community_coordinator),
		cmocka_unit_test(test_become_self_status_perm),
		cmocka_unit_test(test_change_covers),
		cmocka_unit_test(test_covers_is_become_subset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
