/* PLACEHOLDER: being written (members area issue); answers 404 until then. */
#include "members.h"

enum weft_err
members_status_panel(struct tmpl_dict *d, struct request *req, const struct member *m)
{
	(void)d;
	(void)req;
	(void)m;
	return WEFT_OK;
}

int
members_approve(struct request *req)
{
	(void)req;
	return 404;
}

int
members_unapprove(struct request *req)
{
	(void)req;
	return 404;
}

int
members_disable(struct request *req)
{
	(void)req;
	return 404;
}

int
members_enable(struct request *req)
{
	(void)req;
	return 404;
}

int
members_optout(struct request *req)
{
	(void)req;
	return 404;
}

int
members_set_community(struct request *req)
{
	(void)req;
	return 404;
}

const struct i18n_phrase members_status_phrases[] = {
	{ "members.status.placeholder", "Not written yet." },
};
const size_t members_status_nphrases =
    sizeof(members_status_phrases) / sizeof(members_status_phrases[0]);
