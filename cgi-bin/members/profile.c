/* PLACEHOLDER: being written (members area issue); answers 404 until then. */
#include "members.h"

int
members_new_form(struct request *req)
{
	(void)req;
	return 404;
}

int
members_new(struct request *req)
{
	(void)req;
	return 404;
}

int
members_show(struct request *req)
{
	(void)req;
	return 404;
}

int
members_edit_form(struct request *req)
{
	(void)req;
	return 404;
}

int
members_edit(struct request *req)
{
	(void)req;
	return 404;
}

int
members_password(struct request *req)
{
	(void)req;
	return 404;
}

const struct i18n_phrase members_profile_phrases[] = {
	{ "members.profile.placeholder", "Not written yet." },
};
const size_t members_profile_nphrases =
    sizeof(members_profile_phrases) / sizeof(members_profile_phrases[0]);
