#include "err.h"

static const char *const weft_err_names[WEFT_ERR__MAX] = {
	"success",
	"out of memory",
	"invalid argument",
	"not found",
	"forbidden",
	"duplicate key",
	"lock conflict",
	"database error",
	"database unavailable",
	"system error",
};

const char *
weft_strerror(enum weft_err e)
{
	if ((unsigned)e >= WEFT_ERR__MAX)
		return "unknown error";
	return weft_err_names[e];
}
