/*
 * The site program (/site; docs/site.md): the timebank's configuration
 * and its history.  Its route table; every route needs site.config at
 * site scope (docs/authorization.md, "Decisions").
 */
#include "site.h"
#include "util.h"

static const struct route site_routes[] = {
#include "routes.def"
};

int
main(int argc, char *argv[])
{
	static const struct program prog = {
		"site", site_routes, NELEM(site_routes),
	};

	return app_main(argc, argv, &prog);
}
