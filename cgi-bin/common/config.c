#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "log.h"
#include "util.h"

struct config config;

enum config_type {
	CONFIG_STR,
	CONFIG_UINT,
	CONFIG_INT,
	CONFIG_SIZE,
	CONFIG_TYPE__MAX
};

/* The keys, their types and where they live: the table is the format. */
static const struct config_key {
	const char		*key;
	enum config_type	 type;
	size_t			 off;
	size_t			 size;	/* CONFIG_STR: buffer size */
	long long		 min;
	long long		 max;
} config_keys[] = {
#define S(k) { #k, CONFIG_STR, offsetof(struct config, k), \
	sizeof(((struct config *)0)->k), 0, 0 }
#define N(k, t, lo, hi) { #k, t, offsetof(struct config, k), 0, lo, hi }
	S(db_socket),
	S(db_name),
	S(db_user),
	S(db_password),
	S(templates_dir),
	S(run_user),
	N(argon2_t, CONFIG_UINT, 1, 64),
	N(argon2_m_kib, CONFIG_UINT, 1024, 4194304),
	N(argon2_p, CONFIG_UINT, 1, 64),
	N(cookie_secure, CONFIG_INT, 0, 1),
	N(session_idle_s, CONFIG_INT, 10, 86400 * 30),
	N(session_absolute_s, CONFIG_INT, 60, 86400 * 365),
	N(workers, CONFIG_INT, 1, 256),
	N(body_max, CONFIG_SIZE, 1024, 64 * 1024 * 1024),
	N(fields_max, CONFIG_SIZE, 8, 100000),
	N(field_len_max, CONFIG_SIZE, 64, 64 * 1024 * 1024),
	N(throttle_window_s, CONFIG_INT, 1, 86400),
	N(throttle_account_max, CONFIG_INT, 1, 100000),
	N(throttle_address_max, CONFIG_INT, 1, 1000000),
	N(signup_window_s, CONFIG_INT, 60, 86400 * 7),
	N(signup_address_max, CONFIG_INT, 1, 100000),
	N(log_level, CONFIG_INT, 0, 3),
#undef S
#undef N
};

#define CONFIG_NKEYS NELEM(config_keys)

void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->db_socket, sizeof(c->db_socket), "/run/mysqld/mysqld.sock");
	snprintf(c->db_name, sizeof(c->db_name), "weft");
	snprintf(c->db_user, sizeof(c->db_user), "weft");
	snprintf(c->templates_dir, sizeof(c->templates_dir),
	    "/usr/local/share/weft/templates");
	c->argon2_t = 2;
	c->argon2_m_kib = 19456;
	c->argon2_p = 1;
	c->cookie_secure = 1;
	c->session_idle_s = 1800;
	c->session_absolute_s = 43200;
	c->workers = 2;
	c->body_max = 65536;
	c->fields_max = 200;
	c->field_len_max = 16384;
	c->throttle_window_s = 900;
	c->throttle_account_max = 5;
	c->throttle_address_max = 20;
	c->signup_window_s = 3600;
	c->signup_address_max = 5;
	c->log_level = 1;
}

/* Stores val into the field of k; -1 when it does not fit the type. */
static int
config_set(struct config *c, const struct config_key *k, const char *val)
{
	char		*end;
	long long	 n;

	if (k->type == CONFIG_STR) {
		if (strlen(val) >= k->size)
			return -1;
		memcpy((char *)c + k->off, val, strlen(val) + 1);
		return 0;
	}
	errno = 0;
	n = strtoll(val, &end, 10);
	if (errno != 0 || end == val || *end != '\0' || n < k->min ||
	    n > k->max)
		return -1;
	switch (k->type) {
	case CONFIG_UINT:
		*(unsigned *)((char *)c + k->off) = (unsigned)n;
		break;
	case CONFIG_INT:
		*(int *)((char *)c + k->off) = (int)n;
		break;
	case CONFIG_SIZE:
		*(size_t *)((char *)c + k->off) = (size_t)n;
		break;
	default:
		return -1;
	}
	return 0;
}

static const struct config_key *
config_find(const char *key)
{
	size_t	 i;

	for (i = 0; i < CONFIG_NKEYS; i++)
		if (strcmp(config_keys[i].key, key) == 0)
			return &config_keys[i];
	return NULL;
}

static char *
config_trim(char *s)
{
	char	*e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static enum weft_err
config_read(struct config *c, const char *path)
{
	FILE			*f;
	char			 line[1024], *key, *val, *eq;
	const struct config_key	*k;
	unsigned		 lineno = 0;
	enum weft_err		 rc = WEFT_OK;

	if ((f = fopen(path, "r")) == NULL) {
		log_msg(LOGL_ERROR, "config %s: %s", path, strerror(errno));
		return WEFT_ERR_SYS;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		key = config_trim(line);
		if (*key == '\0' || *key == '#')
			continue;
		if ((eq = strchr(key, '=')) == NULL) {
			log_msg(LOGL_ERROR, "config %s:%u: no '='", path,
			    lineno);
			rc = WEFT_ERR_INVALID;
			break;
		}
		*eq = '\0';
		key = config_trim(key);
		val = config_trim(eq + 1);
		if ((k = config_find(key)) == NULL ||
		    config_set(c, k, val) == -1) {
			log_msg(LOGL_ERROR, "config %s:%u: bad key or value "
			    "for '%s'", path, lineno, key);
			rc = WEFT_ERR_INVALID;
			break;
		}
	}
	if (rc == WEFT_OK && ferror(f))
		rc = WEFT_ERR_SYS;
	fclose(f);
	return rc;
}

/* WEFT_<KEY> in the environment wins over the file. */
static enum weft_err
config_env(struct config *c)
{
	char	 name[64];
	size_t	 i, j;
	const char *val;

	for (i = 0; i < CONFIG_NKEYS; i++) {
		snprintf(name, sizeof(name), "WEFT_%s", config_keys[i].key);
		for (j = 5; name[j] != '\0'; j++)
			name[j] = (char)toupper((unsigned char)name[j]);
		if ((val = getenv(name)) == NULL)
			continue;
		if (config_set(c, &config_keys[i], val) == -1) {
			log_msg(LOGL_ERROR, "environment %s: bad value", name);
			return WEFT_ERR_INVALID;
		}
	}
	return WEFT_OK;
}

enum weft_err
config_load(struct config *c, const char *path)
{
	enum weft_err	 rc;

	config_defaults(c);
	if (path != NULL && (rc = config_read(c, path)) != WEFT_OK)
		return rc;
	return config_env(c);
}
