/* PLACEHOLDER: being written (members area issue); answers 404 until then. */
#include "members.h"

int
members_communities(struct request *req)
{
	(void)req;
	return 404;
}

int
members_community_add(struct request *req)
{
	(void)req;
	return 404;
}

const struct i18n_phrase members_communities_phrases[] = {
	{ "members.communities.placeholder", "Not written yet." },
};
const size_t members_communities_nphrases =
    sizeof(members_communities_phrases) / sizeof(members_communities_phrases[0]);
