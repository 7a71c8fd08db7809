/* PLACEHOLDER: being written (exchanges area issue); answers 404 until then. */
#include "exchanges.h"

int
exchanges_new_form(struct request *req)
{
	(void)req;
	return 404;
}

int
exchanges_record(struct request *req)
{
	(void)req;
	return 404;
}

int
exchanges_show(struct request *req)
{
	(void)req;
	return 404;
}

const struct i18n_phrase exchanges_ledger_phrases[] = {
	{ "ledger.placeholder", "Not written yet." },
};
const size_t exchanges_ledger_nphrases =
    sizeof(exchanges_ledger_phrases) / sizeof(exchanges_ledger_phrases[0]);
