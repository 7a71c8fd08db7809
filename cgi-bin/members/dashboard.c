/* PLACEHOLDER: being written (members area issue); answers 404 until then. */
#include "members.h"

int
members_dashboard(struct request *req)
{
	(void)req;
	return 404;
}

const struct i18n_phrase members_dashboard_phrases[] = {
	{ "members.dashboard.placeholder", "Not written yet." },
};
const size_t members_dashboard_nphrases =
    sizeof(members_dashboard_phrases) / sizeof(members_dashboard_phrases[0]);
