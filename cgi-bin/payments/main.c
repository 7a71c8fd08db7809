/*
 * The payments program: its route table.  Every route names what it
 * needs (docs/authorization.md rule 1); the handlers check the member's
 * community (rule 2: a community-scoped payment coordinator reaches only
 * their community's members) or, for the types and the switch, site
 * scope.  Fixed paths come before /payments/members/:id.
 */
#include "payments.h"
#include "util.h"

static const struct route payments_routes[] = {
#include "routes.def"
};

int
main(int argc, char *argv[])
{
	static const struct program prog = {
		"payments", payments_routes, NELEM(payments_routes),
	};

	return app_main(argc, argv, &prog);
}
