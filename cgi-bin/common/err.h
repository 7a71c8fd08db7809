/*
 * Errors are values: every fallible function of the common module returns
 * one of these (0 for success), and weft_strerror() names it for the log.
 */
#ifndef WEFT_ERR_H
#define WEFT_ERR_H

enum weft_err {
	WEFT_OK = 0,
	WEFT_ERR_NOMEM,		/* allocation failed */
	WEFT_ERR_INVALID,	/* bad argument or input */
	WEFT_ERR_NOTFOUND,	/* no such row / object */
	WEFT_ERR_FORBIDDEN,	/* refused by a rule */
	WEFT_ERR_DUPLICATE,	/* unique key violated (MariaDB 1062) */
	WEFT_ERR_CONFLICT,	/* lock wait timeout or deadlock (1205, 1213) */
	WEFT_ERR_DB,		/* any other database error */
	WEFT_ERR_DB_DOWN,	/* connection lost and reconnect failed: 503 */
	WEFT_ERR_SYS,		/* a libc / system call failed */
	WEFT_ERR__MAX
};

const char	*weft_strerror(enum weft_err);

#endif
