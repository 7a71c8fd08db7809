/* PLACEHOLDER: being written (members area issue); answers 404 until then. */
#include "members.h"

enum weft_err
members_grants_panel(struct tmpl_dict *d, struct request *req, const struct member *m)
{
	(void)d;
	(void)req;
	(void)m;
	return WEFT_OK;
}

int
members_grants(struct request *req)
{
	(void)req;
	return 404;
}

int
members_grant_add(struct request *req)
{
	(void)req;
	return 404;
}

int
members_grant_remove(struct request *req)
{
	(void)req;
	return 404;
}

const struct i18n_phrase members_grants_phrases[] = {
	{ "members.grants.placeholder", "Not written yet." },
};
const size_t members_grants_nphrases =
    sizeof(members_grants_phrases) / sizeof(members_grants_phrases[0]);
