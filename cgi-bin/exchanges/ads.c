/* PLACEHOLDER: being written (exchanges area issue); answers 404 until then. */
#include "exchanges.h"

int
ads_directory(struct request *req)
{
	(void)req;
	return 404;
}

int
ads_mine(struct request *req)
{
	(void)req;
	return 404;
}

int
ads_manage(struct request *req)
{
	(void)req;
	return 404;
}

int
ads_show(struct request *req)
{
	(void)req;
	return 404;
}

const struct i18n_phrase exchanges_ads_phrases[] = {
	{ "ads.placeholder", "Not written yet." },
};
const size_t exchanges_ads_nphrases =
    sizeof(exchanges_ads_phrases) / sizeof(exchanges_ads_phrases[0]);
