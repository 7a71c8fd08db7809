/*
 * One logging function (docs/style.md 11): one line per event on stderr with
 * time, level, program, remote address, member id and the message, control
 * characters escaped.  Never pass a password, token or request body.
 */
#ifndef WEFT_LOG_H
#define WEFT_LOG_H

enum log_level {
	LOGL_DEBUG,
	LOGL_INFO,
	LOGL_WARN,
	LOGL_ERROR,
	LOGL__MAX
};

void	 log_init(const char *program, enum log_level min);
/* Per-request context, cleared with (NULL, 0) at the end of a request. */
void	 log_context(const char *remote_addr, long long member_id);
void	 log_msg(enum log_level, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
