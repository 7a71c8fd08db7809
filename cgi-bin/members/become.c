/* PLACEHOLDER: being written (members area issue); answers 404 until then. */
#include "members.h"

enum weft_err
members_become_panel(struct tmpl_dict *d, struct request *req, const struct member *m)
{
	(void)d;
	(void)req;
	(void)m;
	return WEFT_OK;
}

int
members_become(struct request *req)
{
	(void)req;
	return 404;
}

int
members_become_return(struct request *req)
{
	(void)req;
	return 404;
}

const struct i18n_phrase members_become_phrases[] = {
	{ "members.become.placeholder", "Not written yet." },
};
const size_t members_become_nphrases =
    sizeof(members_become_phrases) / sizeof(members_become_phrases[0]);
