/*
 * The broadcasts program: its route table (docs/broadcasts.md).  Every
 * route names what it needs (docs/authorization.md rule 1); the handlers
 * check the broadcast's community (rule 2).
 */
#include "broadcasts.h"
#include "util.h"

static const struct route broadcasts_routes[] = {
#include "routes.def"
};

int
main(int argc, char *argv[])
{
	static const struct program prog = {
		"broadcasts", broadcasts_routes,
		NELEM(broadcasts_routes),
	};

	return app_main(argc, argv, &prog);
}
