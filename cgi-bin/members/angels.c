/* PLACEHOLDER: being written (members area issue); answers 404 until then. */
#include "members.h"

enum weft_err
members_angels_panel(struct tmpl_dict *d, struct request *req, const struct member *m)
{
	(void)d;
	(void)req;
	(void)m;
	return WEFT_OK;
}

int
members_angel_add(struct request *req)
{
	(void)req;
	return 404;
}

int
members_angel_remove(struct request *req)
{
	(void)req;
	return 404;
}

int
members_angel_mode(struct request *req)
{
	(void)req;
	return 404;
}

int
members_manager_add(struct request *req)
{
	(void)req;
	return 404;
}

int
members_manager_remove(struct request *req)
{
	(void)req;
	return 404;
}

const struct i18n_phrase members_angels_phrases[] = {
	{ "members.angels.placeholder", "Not written yet." },
};
const size_t members_angels_nphrases =
    sizeof(members_angels_phrases) / sizeof(members_angels_phrases[0]);
