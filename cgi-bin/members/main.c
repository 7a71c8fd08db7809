/*
 * The members program: its route table.  Every route names what it needs
 * (docs/authorization.md rule 1); the handlers check the object's scope
 * (rule 2).  Order matters where a fixed path and a pattern overlap:
 * "/members/new" comes before "/members/:id".
 */
#include "members.h"
#include "util.h"

static const struct route members_routes[] = {
#include "routes.def"
};

int
main(int argc, char *argv[])
{
	static const struct program prog = {
		"members", members_routes,
		NELEM(members_routes),
	};

	return app_main(argc, argv, &prog);
}
