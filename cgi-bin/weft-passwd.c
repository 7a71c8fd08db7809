/*
 * weft-passwd: reads one password from standard input (one line, the
 * newline optional) and prints its argon2id encoded hash, made with the
 * parameters of -c CONFIG (or the defaults and WEFT_* environment).  Used
 * by weft-stack for the demo password and by admins to set a password by
 * hand.  Nothing is echoed: the password never reaches stdout or stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth.h"
#include "config.h"
#include "log.h"

#define PASSWD_MAX	4096

static int
passwd_usage(void)
{
	fprintf(stderr, "usage: weft-passwd [-c config] < password\n");
	return 2;
}

int
main(int argc, char *argv[])
{
	const char	*conf = NULL;
	char		 pw[PASSWD_MAX + 1], hash[AUTH_HASH_MAX];
	int		 c, rc = 1;

	while ((c = getopt(argc, argv, "c:")) != -1) {
		switch (c) {
		case 'c':
			conf = optarg;
			break;
		default:
			return passwd_usage();
		}
	}
	if (optind != argc)
		return passwd_usage();
	log_init("weft-passwd", LOGL_WARN);
	if (config_load(&config, conf) != WEFT_OK) {
		fprintf(stderr, "weft-passwd: cannot load config %s\n",
		    conf != NULL ? conf : "(defaults)");
		return 1;
	}
	if (auth_password_read(stdin, pw, sizeof(pw)) != WEFT_OK) {
		fprintf(stderr, "weft-passwd: expected one non-empty line of "
		    "at most %d bytes on standard input\n", PASSWD_MAX);
		goto out;
	}
	if (auth_password_hash(pw, hash, sizeof(hash)) != WEFT_OK) {
		fprintf(stderr, "weft-passwd: hashing failed\n");
		goto out;
	}
	if (printf("%s\n", hash) < 0 || fflush(stdout) == EOF) {
		fprintf(stderr, "weft-passwd: cannot write the hash\n");
		goto out;
	}
	rc = 0;
out:
	explicit_bzero(pw, sizeof(pw));
	return rc;
}
