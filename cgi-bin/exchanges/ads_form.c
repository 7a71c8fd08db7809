/* PLACEHOLDER: being written (exchanges area issue); answers 404 until then. */
#include "exchanges.h"

int
ads_new_form(struct request *req)
{
	(void)req;
	return 404;
}

int
ads_new(struct request *req)
{
	(void)req;
	return 404;
}

int
ads_edit_form(struct request *req)
{
	(void)req;
	return 404;
}

int
ads_edit(struct request *req)
{
	(void)req;
	return 404;
}

int
ads_renew(struct request *req)
{
	(void)req;
	return 404;
}

int
ads_delete(struct request *req)
{
	(void)req;
	return 404;
}
