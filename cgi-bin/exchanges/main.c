/*
 * The exchanges program: its route table (ROLES.md rule 1: every route
 * names what it needs; handlers check the object's scope, rule 2).
 * Members' self-service routes are ACCESS_MEMBER: the handler decides
 * whether the actor may act for the member concerned (self, guardian
 * angel, organisation manager: act.h) or holds the coordinator
 * permission over that member's scope.
 */
#include "exchanges.h"
#include "util.h"

static const struct route exchanges_routes[] = {
	{ HTTP_GET, "/ads", ACCESS_MEMBER, 0, ads_directory },
	{ HTTP_GET, "/ads/mine", ACCESS_MEMBER, 0, ads_mine },
	{ HTTP_GET, "/ads/manage", ACCESS_PERM, PERM_AD_LIST, ads_manage },
	{ HTTP_GET, "/ads/new", ACCESS_MEMBER, 0, ads_new_form },
	{ HTTP_POST, "/ads/new", ACCESS_MEMBER, 0, ads_new },
	{ HTTP_GET, "/ads/:id", ACCESS_MEMBER, 0, ads_show },
	{ HTTP_GET, "/ads/:id/edit", ACCESS_MEMBER, 0, ads_edit_form },
	{ HTTP_POST, "/ads/:id/edit", ACCESS_MEMBER, 0, ads_edit },
	{ HTTP_POST, "/ads/:id/renew", ACCESS_MEMBER, 0, ads_renew },
	{ HTTP_POST, "/ads/:id/delete", ACCESS_MEMBER, 0, ads_delete },
	{ HTTP_GET, "/exchanges", ACCESS_MEMBER, 0, exchanges_statement },
	{ HTTP_GET, "/exchanges/statement.csv", ACCESS_MEMBER, 0,
	    exchanges_statement_csv },
	{ HTTP_GET, "/exchanges/new", ACCESS_MEMBER, 0, exchanges_new_form },
	{ HTTP_POST, "/exchanges/new", ACCESS_MEMBER, 0, exchanges_record },
	{ HTTP_GET, "/exchanges/list", ACCESS_PERM, PERM_EXCHANGE_LIST,
	    exchanges_list },
	{ HTTP_GET, "/exchanges/list.csv", ACCESS_PERM, PERM_EXCHANGE_LIST,
	    exchanges_list_csv },
	{ HTTP_GET, "/exchanges/members/:id", ACCESS_PERM,
	    PERM_MEMBER_ACTIVITY, exchanges_member_statement },
	{ HTTP_GET, "/exchanges/:id", ACCESS_MEMBER, 0, exchanges_show },
	{ HTTP_POST, "/exchanges/:id/reverse", ACCESS_PERM,
	    PERM_EXCHANGE_EDIT, exchanges_reverse },
};

int
main(int argc, char *argv[])
{
	static const struct program prog = {
		"exchanges", exchanges_routes,
		NELEM(exchanges_routes),
	};

	if (i18n_register(exchanges_ads_phrases, exchanges_ads_nphrases) ==
	    -1 || i18n_register(exchanges_ledger_phrases,
	    exchanges_ledger_nphrases) == -1)
		return 1;
	return app_main(argc, argv, &prog);
}
