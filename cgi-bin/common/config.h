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

/* The fields of weft.conf; their defaults and bounds are config_keys[]. */
struct config {
	char		 db_socket[256];
	char		 db_hosts[768];	/* "" or endpoints: db_hosts.h */
	int		 db_hosts_spread;	/* 1: workers start on all */
	int		 db_connect_timeout_s;
	int		 db_read_timeout_s;
	char		 db_name[64];
	char		 db_user[64];
	char		 db_password[128];
	char		 templates_dir[512];
	char		 run_user[64];	/* drop to this user when root; "" = stay */
	unsigned	 argon2_t;	/* iterations */
	unsigned	 argon2_m_kib;	/* memory */
	unsigned	 argon2_p;	/* lanes */
	int		 cookie_secure;	/* 1: __Host-weft + Secure; 0: plain HTTP */
	int		 session_idle_s;
	int		 session_absolute_s;
	int		 workers;	/* per program */
	size_t		 body_max;	/* bytes */
	size_t		 fields_max;	/* per list */
	size_t		 field_len_max;	/* bytes per value */
	int		 throttle_window_s;
	int		 throttle_account_max;	/* failures per window */
	int		 throttle_address_max;	/* failures per window */
	int		 signup_window_s;
	int		 signup_address_max;	/* applications per window */
	int		 log_level;	/* 0 debug .. 3 error */
	char		 site_url[256];	/* links in mail: "https://host" */
	char		 mail_from[256];	/* "Name <addr>" or addr */
	char		 smtp_host[256];
	int		 smtp_port;
	char		 smtp_security[16];	/* none, starttls, tls */
	char		 smtp_user[128];	/* "": no AUTH */
	char		 smtp_password[256];
	int		 smtp_timeout_s;
	int		 mail_batch;	/* rows one claim takes */
	int		 mail_lease_s;
	int		 mail_retry_s;	/* the first retry's wait */
	int		 mail_tries_max;
};

extern struct config config;

enum config_type {
	CONFIG_STR,
	CONFIG_UINT,
	CONFIG_INT,
	CONFIG_SIZE,
	CONFIG_TYPE__MAX
};

/*
 * One key of weft.conf: the table in config.c is the file's format, its
 * defaults and its documentation (weft.conf(5) is generated from it by
 * weft-docs --config, see docs/configuration.md).
 */
struct config_key {
	const char		*key;
	enum config_type	 type;
	size_t			 off;
	size_t			 size;	/* CONFIG_STR: buffer size */
	long long		 min;	/* numbers: the range allowed */
	long long		 max;
	const char		*def;	/* the default, as written in the file */
	const char		*arg;	/* the value's name in the man page */
	const char		*desc;	/* what it is for, in sentences */
};

extern const struct config_key	 config_keys[];
extern const size_t		 config_nkeys;

void		 config_defaults(struct config *);
/* Reads path (NULL: defaults only), then the environment. */
enum weft_err	 config_load(struct config *, const char *path);

#endif
