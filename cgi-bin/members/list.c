/* PLACEHOLDER: being written (members area issue); answers 404 until then. */
#include "members.h"

int
members_list(struct request *req)
{
	(void)req;
	return 404;
}

int
members_export(struct request *req)
{
	(void)req;
	return 404;
}

const struct i18n_phrase members_list_phrases[] = {
	{ "members.list.placeholder", "Not written yet." },
};
const size_t members_list_nphrases =
    sizeof(members_list_phrases) / sizeof(members_list_phrases[0]);
