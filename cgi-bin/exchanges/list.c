/* PLACEHOLDER: being written (exchanges area issue); answers 404 until then. */
#include "exchanges.h"

int
exchanges_list(struct request *req)
{
	(void)req;
	return 404;
}

int
exchanges_list_csv(struct request *req)
{
	(void)req;
	return 404;
}
