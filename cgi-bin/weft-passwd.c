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

/* One line of stdin into buf without its line ending; -1 when empty,
 * unreadable, holding a NUL or longer than PASSWD_MAX bytes. */
static int
passwd_read(char *buf, size_t len)
{
	char	*line = NULL;
	size_t	 cap = 0;
	ssize_t	 n;
	int	 rc = -1;

	if ((n = getline(&line, &cap, stdin)) <= 0)
		goto out;
	if (line[n - 1] == '\n')
		line[--n] = '\0';
	if (n > 0 && line[n - 1] == '\r')
		line[--n] = '\0';
	if (n == 0 || (size_t)n >= len || n > PASSWD_MAX ||
	    memchr(line, '\0', (size_t)n) != NULL)
		goto out;
	memcpy(buf, line, (size_t)n + 1);
	rc = 0;
out:
	if (line != NULL) {
		explicit_bzero(line, cap);
		free(line);
	}
	return rc;
}

int
main(int argc, char *argv[])
{
	const char	*conf = NULL;
	char		 pw[PASSWD_MAX + 2], hash[AUTH_HASH_MAX];
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
	if (passwd_read(pw, sizeof(pw)) == -1) {
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
