/*
 * The one access decision (app_access(), docs/authorization.md rule 1)
 * and the navigation built on it: every kind of actor against every kind
 * of access, each allowed case with its refused twin; every area's menu
 * entries are pages (GET, no ":x") with a label in the common catalogue;
 * and each actor is offered exactly the entries whose guard lets them in.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "app.h"
#include "i18n.h"

#define MAX	64

/* The kinds of actor: no one, an applicant, a member, two coordinators,
 * a translator, and an admin whose account went back to applying. */
static struct actor	 visitor, applying, member, support, admin, tr, lapsed;
static struct actor	 outreach, north_outreach;

static void
actor(struct actor *a, long long id, enum member_status st, enum role r,
    int grants)
{
	memset(a, 0, sizeof(*a));
	a->member_id = a->acting_id = id;
	a->status = st;
	if (grants) {
		a->grants.n = 1;
		a->grants.g[0].role = r;
		a->grants.g[0].scope.kind = SCOPE_SITE;
	}
}

static int
setup(void **state)
{
	(void)state;
	actor(&visitor, 0, MEMBER_APPLYING, ROLE_ADMIN, 0);
	actor(&applying, 2, MEMBER_APPLYING, ROLE_ADMIN, 0);
	actor(&member, 3, MEMBER_APPROVED, ROLE_ADMIN, 0);
	actor(&support, 4, MEMBER_APPROVED, ROLE_SUPPORT, 1);
	actor(&admin, 5, MEMBER_APPROVED, ROLE_ADMIN, 1);
	actor(&tr, 7, MEMBER_APPROVED, ROLE_TRANSLATOR, 1);
	actor(&lapsed, 6, MEMBER_APPLYING, ROLE_ADMIN, 1);
	actor(&outreach, 8, MEMBER_APPROVED, ROLE_OUTREACH, 1);
	actor(&north_outreach, 9, MEMBER_APPROVED, ROLE_OUTREACH, 1);
	north_outreach.grants.g[0].scope.kind = SCOPE_COMMUNITY;
	north_outreach.grants.g[0].scope.community = 1;
	return 0;
}

static void
test_access(void **state)
{
	(void)state;
	/* Public: everyone, visitors too. */
	assert_int_equal(app_access(&visitor, ACCESS_PUBLIC, 0), APP_ALLOW);
	assert_int_equal(app_access(&member, ACCESS_PUBLIC, 0), APP_ALLOW);
	/* A route that does not say is refused to everyone (rule 1). */
	assert_int_equal(app_access(&visitor, ACCESS_UNSET, 0), APP_DENY);
	assert_int_equal(app_access(&admin, ACCESS_UNSET, 0), APP_DENY);
	assert_int_equal(app_access(&admin, ACCESS__MAX, 0), APP_DENY);
	/* Login: applying members too; visitors log in first. */
	assert_int_equal(app_access(&applying, ACCESS_LOGIN, 0), APP_ALLOW);
	assert_int_equal(app_access(&visitor, ACCESS_LOGIN, 0),
	    APP_LOGIN_FIRST);
	/* Member: approved only. */
	assert_int_equal(app_access(&member, ACCESS_MEMBER, 0), APP_ALLOW);
	assert_int_equal(app_access(&applying, ACCESS_MEMBER, 0), APP_DENY);
	assert_int_equal(app_access(&visitor, ACCESS_MEMBER, 0),
	    APP_LOGIN_FIRST);
	/* Coordinator: any grant, and approved. */
	assert_int_equal(app_access(&support, ACCESS_COORDINATOR, 0),
	    APP_ALLOW);
	assert_int_equal(app_access(&member, ACCESS_COORDINATOR, 0),
	    APP_DENY);
	assert_int_equal(app_access(&lapsed, ACCESS_COORDINATOR, 0),
	    APP_DENY);
	/* Perm: held in some scope, and approved. */
	assert_int_equal(app_access(&support, ACCESS_PERM, PERM_MEMBER_LIST),
	    APP_ALLOW);
	assert_int_equal(app_access(&support, ACCESS_PERM, PERM_MEMBER_ADD),
	    APP_DENY);
	assert_int_equal(app_access(&admin, ACCESS_PERM, PERM_MEMBER_ADD),
	    APP_ALLOW);
	assert_int_equal(app_access(&lapsed, ACCESS_PERM, PERM_MEMBER_ADD),
	    APP_DENY);
	assert_int_equal(app_access(&member, ACCESS_PERM, PERM_MEMBER_LIST),
	    APP_DENY);
	assert_int_equal(app_access(&visitor, ACCESS_PERM, PERM_MEMBER_LIST),
	    APP_LOGIN_FIRST);
}

/* Every area's entries are pages with a label every program can show. */
static void
test_entries(void **state)
{
	const struct route	*r, *s;
	size_t			 i, j, k, l, n = 0;

	(void)state;
	assert_true(app_nareas >= 3);
	for (i = 0; i < app_nareas; i++)
		for (j = 0; j < app_areas[i].nroutes; j++) {
			r = &app_areas[i].routes[j];
			assert_null(r->handler);
			assert_int_not_equal(r->access, ACCESS_UNSET);
			if (r->nav.menu == APP_MENU_NONE)
				continue;
			n++;
			assert_int_equal(r->method, HTTP_GET);
			assert_null(strchr(r->pattern, ':'));
			assert_true((unsigned)r->nav.menu < APP_MENU__MAX);
			assert_non_null(r->nav.label);
			if (!i18n_has(r->nav.label))
				fail_msg("%s: no phrase %s", r->pattern,
				    r->nav.label);
			/* One entry per page, whichever area. */
			for (k = 0; k < app_nareas; k++)
				for (l = 0; l < app_areas[k].nroutes; l++) {
					s = &app_areas[k].routes[l];
					if (s != r && s->nav.menu !=
					    APP_MENU_NONE)
						assert_string_not_equal(
						    s->pattern, r->pattern);
				}
		}
	assert_true(n >= 10);
}

/* The hrefs actor is offered in place, joined by spaces. */
static const char *
offered(const struct actor *a, enum app_menu place)
{
	static char		 out[1024];
	const struct route	*e[MAX];
	size_t			 i, n;

	out[0] = '\0';
	n = app_nav_visible(a, place, e, MAX);
	for (i = 0; i < n; i++)
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%s",
		    i > 0 ? " " : "", e[i]->pattern);
	return out;
}

static void
test_offered(void **state)
{
	(void)state;
	assert_string_equal(offered(&visitor, APP_MENU_BAR), "/");
	assert_string_equal(offered(&visitor, APP_MENU_ADD), "");
	assert_string_equal(offered(&visitor, APP_MENU_SITE), "");
	assert_string_equal(offered(&applying, APP_MENU_BAR), "/ /me");
	assert_string_equal(offered(&member, APP_MENU_BAR),
	    "/ /ads /exchanges /events /news /me");
	assert_string_equal(offered(&member, APP_MENU_REPORTS), "");
	assert_string_equal(offered(&admin, APP_MENU_BAR),
	    "/ /ads /exchanges /members /events /news /me");
	assert_string_equal(offered(&admin, APP_MENU_ADD),
	    "/members/new /members/invitations /broadcasts/new /alerts/new /events/new "
	    "/pages/new /news/new /links/new /site/lists/new /site/pages/new");
	assert_string_equal(offered(&admin, APP_MENU_CONTENT),
	    "/broadcasts /broadcasts/coordinators /alerts /pages");
	assert_string_equal(offered(&admin, APP_MENU_REPORTS),
	    "/members/dashboard /exchanges/reports /ads/manage /exchanges/list "
	    "/members/audit");
	/* Payments are off (the default, no database here): only their
	 * switch's page is offered. */
	assert_string_equal(offered(&admin, APP_MENU_SITE),
	    "/site /site/lists /site/pages /members/roles /members/communities "
	    "/translations /translations/languages /payments/feature");
	/* Support: lists, broadcasts and the matrix, no adding members, no
	 * dashboard, not the coordinators' list. */
	assert_string_equal(offered(&support, APP_MENU_ADD),
	    "/broadcasts/new /alerts/new /events/new");
	assert_string_equal(offered(&support, APP_MENU_CONTENT),
	    "/broadcasts /alerts /pages");
	/* Outreach writes pages, news and links; with a community grant
	 * not (content.manage is carried by site grants only). */
	assert_string_equal(offered(&outreach, APP_MENU_ADD),
	    "/broadcasts/new /alerts/new /events/new /pages/new /news/new "
	    "/links/new");
	assert_string_equal(offered(&north_outreach, APP_MENU_ADD),
	    "/broadcasts/new /alerts/new /events/new");
	assert_string_equal(offered(&support, APP_MENU_REPORTS),
	    "/ads/manage /exchanges/list");
	assert_string_equal(offered(&support, APP_MENU_SITE),
	    "/members/roles");
	/* A translator holds a grant: the matrix, nothing else. */
	assert_string_equal(offered(&tr, APP_MENU_BAR),
	    "/ /ads /exchanges /events /news /me");
	assert_string_equal(offered(&tr, APP_MENU_REPORTS), "");
	assert_string_equal(offered(&tr, APP_MENU_SITE), "/members/roles");
	/* At most max. */
	{
		const struct route	*e[2];

		assert_int_equal(app_nav_visible(&admin, APP_MENU_BAR, e, 2),
		    2);
		assert_string_equal(e[1]->pattern, "/ads");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_access),
		cmocka_unit_test(test_entries),
		cmocka_unit_test(test_offered),
	};

	/* The English catalogue, as a program reads it at start-up. */
	if (i18n_load("templates/phrases") != WEFT_OK)
		return 1;
	return cmocka_run_group_tests(tests, setup, NULL);
}
