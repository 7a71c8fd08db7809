/*
 * The exchanges program: its route table (docs/authorization.md rule 1:
 * every route names what it needs; handlers check the object's scope, rule 2).
 * Members' self-service routes are ACCESS_MEMBER: the handler decides
 * whether the actor may act for the member concerned (self, guardian
 * angel, organisation manager: act.h) or holds the coordinator
 * permission over that member's scope.
 */
#include "exchanges.h"
#include "util.h"

static const struct route exchanges_routes[] = {
#include "routes.def"
};

int
main(int argc, char *argv[])
{
	static const struct program prog = {
		"exchanges", exchanges_routes,
		NELEM(exchanges_routes),
	};

	return app_main(argc, argv, &prog);
}
