/*
 * Who may pass a route, decided in one place for the dispatcher's guard
 * (app.c) and for the navigation (app_nav.c), so that a menu never offers
 * a page its viewer would be refused (docs/authorization.md, rule 1).
 */
#include "app.h"
#include "settings.h"

enum app_verdict
app_access(const struct actor *a, enum access access, enum perm perm)
{
	switch (access) {
	case ACCESS_PUBLIC:
		return APP_ALLOW;
	case ACCESS_LOGIN:
	case ACCESS_MEMBER:
	case ACCESS_PERM:
	case ACCESS_COORDINATOR:
		break;
	default:
		/* ACCESS_UNSET: a route that forgot to say is refused. */
		return APP_DENY;
	}
	if (a->member_id == 0)
		return APP_LOGIN_FIRST;
	if (access == ACCESS_LOGIN)
		return APP_ALLOW;
	if (a->status != MEMBER_APPROVED)
		return APP_DENY;
	switch (access) {
	case ACCESS_MEMBER:
		return APP_ALLOW;
	case ACCESS_COORDINATOR:
		return a->grants.n > 0 ? APP_ALLOW : APP_DENY;
	default:
		return role_allows_somewhere(&a->grants, perm) ? APP_ALLOW :
		    APP_DENY;
	}
}

const char *const app_feature_off_keys[APP_FEATURE__MAX] = {
	[APP_FEATURE_NONE] = N_("error.404"),
	[APP_FEATURE_PAYMENTS] = N_("error.feature_off.payments"),
};

int
app_feature_on(enum app_feature f)
{
	switch (f) {
	case APP_FEATURE_NONE:
		return 1;
	case APP_FEATURE_PAYMENTS:
		return settings_int(SETTING_PAYMENTS_ENABLED) == 1;
	default:
		return 0;
	}
}
