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

	static const struct {
		const struct i18n_phrase	*p;
		const size_t			*n;
	} phrases[] = {
		{ members_list_phrases, &members_list_nphrases },
		{ members_dashboard_phrases, &members_dashboard_nphrases },
		{ members_profile_phrases, &members_profile_nphrases },
		{ members_status_phrases, &members_status_nphrases },
		{ members_notes_phrases, &members_notes_nphrases },
		{ members_angels_phrases, &members_angels_nphrases },
		{ members_communities_phrases, &members_communities_nphrases },
		{ members_become_phrases, &members_become_nphrases },
		{ members_grants_phrases, &members_grants_nphrases },
		{ members_audit_log_phrases, &members_audit_log_nphrases },
		{ members_bulk_phrases, &members_bulk_nphrases },
	};
	size_t	 i;

	for (i = 0; i < NELEM(phrases); i++)
		if (i18n_register(phrases[i].p, *phrases[i].n) == -1)
			return 1;
	return app_main(argc, argv, &prog);
}
