/*
 * weft-admin: what a host does to a timebank from the shell.  One command
 * for now, the first admin of a new install (docs/deploy.md):
 *
 *	weft-admin [-c config] create USERNAME EMAIL NAME < password
 *
 * makes USERNAME an approved member holding the Admin Coordinator role
 * over the whole site, with the password read from standard input (one
 * line, as weft-passwd), hashed with the config's argon2id parameters.
 * From then on that admin appoints everyone else from the site.  The
 * member, the grant and their two audit rows (docs/authorization.md rule
 * 6: member.add and grant.add, by the system: no actor) are written in
 * one transaction, as the programs' own db_user of the config: nothing
 * more than the programs may do.  A taken username changes nothing.
 *
 * Exit 0 once created (the new member's id on stdout), 1 on any error,
 * 2 on bad usage.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "valid.h"

#define ADMIN_PASSWD_MAX	4096

static int
admin_usage(void)
{
	fprintf(stderr, "usage: weft-admin [-c config] create USERNAME EMAIL "
	    "NAME < password\n");
	return 2;
}

/* The audit rows' after: what was created, never the hash. */
static enum weft_err
admin_audit(long long id, const char *user, const char *email,
    const char *name, long long grant)
{
	struct buf	 m, g;
	enum weft_err	 e;

	buf_init(&m);
	buf_init(&g);
	buf_puts(&m, "{\"username\":");
	buf_json_str(&m, user);
	buf_puts(&m, ",\"email\":");
	buf_json_str(&m, email);
	buf_puts(&m, ",\"name\":");
	buf_json_str(&m, name);
	buf_puts(&m, ",\"status\":\"approved\",\"by\":\"weft-admin\"}");
	buf_printf(&g, "{\"member_id\":%lld,\"role\":\"admin\","
	    "\"scope\":\"site\"}", id);
	if (buf_failed(&m) || buf_failed(&g))
		e = WEFT_ERR_NOMEM;
	else if ((e = audit_write(NULL, "member.add", "member", id, 0, NULL,
	    m.p)) == WEFT_OK)
		e = audit_write(NULL, "grant.add", "grant", grant, 0, NULL,
		    g.p);
	buf_free(&m);
	buf_free(&g);
	return e;
}

/* The member, the grant and the audit rows; the new member's id in *id. */
static enum weft_err
admin_insert(const char *user, const char *email, const char *name,
    const char *hash, long long *id)
{
	enum weft_err	 e;
	long long	 grant;

	if ((e = db_begin()) != WEFT_OK)
		return e;
	if ((e = db_exec("INSERT INTO members (username, email, name, "
	    "password_hash, status, lang, about, approved_at) VALUES "
	    "(?, ?, ?, ?, 'approved', 'en', '', UTC_TIMESTAMP())", "ssss",
	    user, email, name, hash)) != WEFT_OK)
		goto fail;
	*id = db_insert_id();
	if ((e = db_exec("INSERT INTO grants (member_id, role, scope_kind) "
	    "VALUES (?, 'admin', 'site')", "i", *id)) != WEFT_OK)
		goto fail;
	grant = db_insert_id();
	if ((e = admin_audit(*id, user, email, name, grant)) != WEFT_OK ||
	    (e = db_commit()) != WEFT_OK)
		goto fail;
	return WEFT_OK;
fail:
	db_rollback();
	return e;
}

/* Each argument as the site's own forms would take it; 0 or a message. */
static const char *
admin_check(const char *user, const char *email, const char *name)
{
	if (valid_username(user) != VALID_OK)
		return "USERNAME: 3 to 32 of a-z, 0-9, '.', '_' and '-', "
		    "starting with a letter or digit";
	if (valid_email(email) != VALID_OK)
		return "EMAIL: not an e-mail address";
	if (valid_text(name, 1, 128, 0) != VALID_OK)
		return "NAME: 1 to 128 characters of UTF-8, on one line";
	return NULL;
}

static int
admin_create(const char *user, const char *email, const char *name)
{
	char		 pw[ADMIN_PASSWD_MAX + 1], hash[AUTH_HASH_MAX];
	const char	*why;
	enum weft_err	 e;
	long long	 id = 0;
	int		 rc = 1;

	if ((why = admin_check(user, email, name)) != NULL) {
		fprintf(stderr, "weft-admin: %s\n", why);
		return 2;
	}
	if (auth_password_read(stdin, pw, sizeof(pw)) != WEFT_OK ||
	    valid_password(pw) != VALID_OK) {
		fprintf(stderr, "weft-admin: expected the password on standard "
		    "input: one line of 10 to 256 characters\n");
		goto out;
	}
	if (auth_password_hash(pw, hash, sizeof(hash)) != WEFT_OK) {
		fprintf(stderr, "weft-admin: hashing failed\n");
		goto out;
	}
	if ((e = db_connect()) == WEFT_OK)
		e = admin_insert(user, email, name, hash, &id);
	db_close();
	if (e == WEFT_ERR_DUPLICATE)
		fprintf(stderr, "weft-admin: the username %s is taken\n", user);
	else if (e != WEFT_OK)
		fprintf(stderr, "weft-admin: %s (the log line above says "
		    "more)\n", weft_strerror(e));
	else if (printf("%lld\n", id) >= 0 && fflush(stdout) != EOF)
		rc = 0;
out:
	explicit_bzero(pw, sizeof(pw));
	explicit_bzero(hash, sizeof(hash));
	return rc;
}

int
main(int argc, char *argv[])
{
	const char	*conf = NULL;
	int		 c;

	while ((c = getopt(argc, argv, "c:")) != -1) {
		switch (c) {
		case 'c':
			conf = optarg;
			break;
		default:
			return admin_usage();
		}
	}
	argv += optind;
	argc -= optind;
	if (argc != 4 || strcmp(argv[0], "create") != 0)
		return admin_usage();
	log_init("weft-admin", LOGL_WARN);
	if (config_load(&config, conf) != WEFT_OK) {
		fprintf(stderr, "weft-admin: cannot load config %s\n",
		    conf != NULL ? conf : "(defaults)");
		return 1;
	}
	return admin_create(argv[1], argv[2], argv[3]);
}
