/* PLACEHOLDER: being written (exchanges area issue); answers 404 until then. */
#include "exchanges.h"

int
exchanges_statement(struct request *req)
{
	(void)req;
	return 404;
}

int
exchanges_statement_csv(struct request *req)
{
	(void)req;
	return 404;
}

int
exchanges_member_statement(struct request *req)
{
	(void)req;
	return 404;
}
