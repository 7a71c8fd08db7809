/* PLACEHOLDER: being written (exchanges area issue); answers 404 until then. */
#include "exchanges.h"

int
exchanges_reverse(struct request *req)
{
	(void)req;
	return 404;
}
