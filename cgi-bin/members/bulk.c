/* PLACEHOLDER: being written (members area issue); answers 404 until then. */
#include "members.h"

int
members_bulk_preview(struct request *req)
{
	(void)req;
	return 404;
}

int
members_bulk_apply(struct request *req)
{
	(void)req;
	return 404;
}

const struct i18n_phrase members_bulk_phrases[] = {
	{ "members.bulk.placeholder", "Not written yet." },
};
const size_t members_bulk_nphrases =
    sizeof(members_bulk_phrases) / sizeof(members_bulk_phrases[0]);
