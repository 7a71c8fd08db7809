/*
 * One config file of "key = value" lines ('#' starts a comment); every key
 * can be overridden by the environment as WEFT_<KEY> (upper case).  Loaded
 * once at start-up into the process-wide `config`; unknown keys are an
 * error, so a typo cannot silently leave a default in force.
 */
#ifndef WEFT_CONFIG_H
#define WEFT_CONFIG_H

#include <stddef.h>

#include "err.h"

struct config {
	char		 db_socket[256];
	char		 db_name[64];
	char		 db_user[64];
	char		 db_password[128];
	char		 templates_dir[512];
	char		 run_user[64];	/* drop to this user when root; "" = stay */
	unsigned	 argon2_t;	/* iterations, default 2 */
	unsigned	 argon2_m_kib;	/* memory, default 19456 */
	unsigned	 argon2_p;	/* lanes, default 1 */
	int		 cookie_secure;	/* 1: __Host-weft + Secure; 0: plain HTTP */
	int		 session_idle_s;	/* default 1800 */
	int		 session_absolute_s;	/* default 43200 */
	int		 workers;	/* per program, default 2 */
	size_t		 body_max;	/* bytes, default 65536 */
	size_t		 fields_max;	/* per list, default 200 */
	size_t		 field_len_max;	/* bytes per value, default 16384 */
	int		 throttle_window_s;	/* default 900 */
	int		 throttle_account_max;	/* failures per window, default 5 */
	int		 throttle_address_max;	/* failures per window, default 20 */
	int		 signup_window_s;	/* default 3600 */
	int		 signup_address_max;	/* applications per window, default 5 */
	int		 log_level;	/* 0 debug .. 3 error, default 1 */
};

extern struct config config;

void		 config_defaults(struct config *);
/* Reads path (NULL: defaults only), then the environment. */
enum weft_err	 config_load(struct config *, const char *path);

#endif
