/*
 * The translations program: its route table.  Every route names what it
 * needs (docs/authorization.md rule 1); the handlers check the language
 * (rule 2, scope language:xx) or, for the languages themselves, the site
 * scope of site.config.  Fixed paths come before /translations/:lang.
 */
#include "translations.h"
#include "util.h"

static const struct route translations_routes[] = {
#include "routes.def"
};

int
main(int argc, char *argv[])
{
	static const struct program prog = {
		"translations", translations_routes,
		NELEM(translations_routes),
	};

	return app_main(argc, argv, &prog);
}
