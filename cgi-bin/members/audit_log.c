/* PLACEHOLDER: being written (members area issue); answers 404 until then. */
#include "members.h"

int
members_audit(struct request *req)
{
	(void)req;
	return 404;
}

const struct i18n_phrase members_audit_log_phrases[] = {
	{ "members.audit_log.placeholder", "Not written yet." },
};
const size_t members_audit_log_nphrases =
    sizeof(members_audit_log_phrases) / sizeof(members_audit_log_phrases[0]);
