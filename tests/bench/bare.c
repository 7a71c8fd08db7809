/*
 * bench-bare: the FastCGI upper bound of `make bench` (issue 5).  A
 * minimal libfcgi responder that answers every request with the same
 * bytes, read once at start from a file: the member list page as weft
 * served it, headers and body (tests/bench/run.sh captures it).  It does
 * what every weft program must do and nothing more: a pre-forking master,
 * N workers each looping on FCGX_Accept_r, a write of the response.  The
 * ratio of a weft page to this is what the framework, the database and
 * the templates cost.
 *
 *	bench-bare -s SOCKET -f RESPONSE [-n WORKERS]
 *
 * RESPONSE holds CGI header lines ("Name: value", one a line, no Status),
 * a blank line, then the body; the Status and Content-Length lines are
 * added here, as app.c does.
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcgiapp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BARE_WORKERS_MAX	64
#define BARE_FILE_MAX		(4 * 1024 * 1024)

static volatile sig_atomic_t	 bare_stop;

/* The whole response, built once before the fork. */
static char	*bare_resp;
static int	 bare_resp_len;

static void
bare_on_term(int sig)
{
	(void)sig;
	bare_stop = 1;
	FCGX_ShutdownPending();
}

/* SIGTERM without SA_RESTART, so that accept() and waitpid() return. */
static int
bare_signals(void)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = bare_on_term;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTERM, &sa, NULL) == -1 ||
	    sigaction(SIGINT, &sa, NULL) == -1)
		return -1;
	sa.sa_handler = SIG_IGN;
	return sigaction(SIGPIPE, &sa, NULL);
}

/* The whole of file, NUL-terminated, in *out (the caller frees it), its
 * length in *len.  Returns 0 or -1. */
static int
bare_read(const char *file, char **out, size_t *len)
{
	FILE	*f;
	long	 n;
	size_t	 got;

	if ((f = fopen(file, "rb")) == NULL) {
		fprintf(stderr, "bench-bare: %s: %s\n", file, strerror(errno));
		return -1;
	}
	if (fseek(f, 0, SEEK_END) == -1 || (n = ftell(f)) < 0 ||
	    n > BARE_FILE_MAX || fseek(f, 0, SEEK_SET) == -1) {
		fprintf(stderr, "bench-bare: %s: unreadable or too big\n", file);
		fclose(f);
		return -1;
	}
	if ((*out = malloc((size_t)n + 1)) == NULL) {
		fclose(f);
		return -1;
	}
	got = fread(*out, 1, (size_t)n, f);
	if (fclose(f) != 0 || got != (size_t)n) {
		free(*out);
		return -1;
	}
	(*out)[n] = '\0';
	*len = (size_t)n;
	return 0;
}

/*
 * Reads file into bare_resp as a complete CGI response: "Status: 200
 * OK", the file's header lines (LF or CRLF) as CRLF lines, the
 * Content-Length of the body, a blank line, the body.  Returns 0 or -1.
 */
static int
bare_load(const char *file)
{
	char	*in, *body, *p, *eol;
	long	 n;
	size_t	 size, hlen, blen, cap, len = 0;
	int	 rc = -1, w;

	if (bare_read(file, &in, &size) == -1)
		return -1;
	/* The blank line: "\n\n" or "\r\n\r\n". */
	if ((body = strstr(in, "\r\n\r\n")) != NULL) {
		hlen = (size_t)(body - in);
		body += 4;
	} else if ((body = strstr(in, "\n\n")) != NULL) {
		hlen = (size_t)(body - in);
		body += 2;
	} else {
		fprintf(stderr, "bench-bare: %s: no blank line after the "
		    "headers\n", file);
		goto out;
	}
	blen = size - (size_t)(body - in);
	cap = hlen * 2 + blen + 128;
	if ((bare_resp = malloc(cap)) == NULL)
		goto out;
	w = snprintf(bare_resp, cap, "Status: 200 OK\r\n");
	len = (size_t)w;
	for (p = in; p < in + hlen; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(in + hlen - p))) == NULL)
			eol = in + hlen;
		n = eol - p;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n > 0) {
			memcpy(bare_resp + len, p, (size_t)n);
			len += (size_t)n;
			memcpy(bare_resp + len, "\r\n", 2);
			len += 2;
		}
	}
	w = snprintf(bare_resp + len, cap - len,
	    "Content-Length: %lu\r\n\r\n", (unsigned long)blen);
	if (w < 0 || (size_t)w >= cap - len)
		goto out;
	len += (size_t)w;
	memcpy(bare_resp + len, body, blen);
	len += blen;
	bare_resp_len = (int)len;
	rc = 0;
out:
	free(in);
	return rc;
}

static int
bare_worker(int fd)
{
	FCGX_Request	 r;

	if (bare_signals() == -1 ||
	    FCGX_InitRequest(&r, fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0)
		return 1;
	while (!bare_stop && FCGX_Accept_r(&r) >= 0) {
		/* A client gone away is not an error of ours. */
		(void)FCGX_PutStr(bare_resp, bare_resp_len, r.out);
		FCGX_Finish_r(&r);
	}
	FCGX_Free(&r, 0);
	return 0;
}

/* Forks n workers on fd, waits for SIGTERM, then stops them. */
static void
bare_run(int fd, int n)
{
	pid_t	 pids[BARE_WORKERS_MAX];
	int	 i, alive;

	for (i = 0; i < n; i++) {
		if ((pids[i] = fork()) == -1) {
			fprintf(stderr, "bench-bare: fork: %s\n",
			    strerror(errno));
			n = i;
			bare_stop = 1;
			break;
		}
		if (pids[i] == 0)
			_exit(bare_worker(fd));
	}
	/* The master waits for SIGTERM, then stops the workers. */
	while (!bare_stop)
		pause();
	for (i = 0; i < n; i++)
		if (kill(pids[i], SIGTERM) == -1 && errno != ESRCH)
			fprintf(stderr, "bench-bare: kill: %s\n",
			    strerror(errno));
	for (alive = n; alive > 0;) {
		if (wait(NULL) != -1)
			alive--;
		else if (errno != EINTR)
			break;
	}
}

int
main(int argc, char *argv[])
{
	const char	*sock = NULL, *file = NULL;
	int		 c, n = 2, fd;

	while ((c = getopt(argc, argv, "s:f:n:")) != -1) {
		switch (c) {
		case 's':
			sock = optarg;
			break;
		case 'f':
			file = optarg;
			break;
		case 'n':
			n = atoi(optarg);
			break;
		default:
			goto usage;
		}
	}
	if (sock == NULL || file == NULL || n < 1 || n > BARE_WORKERS_MAX)
		goto usage;
	if (bare_load(file) == -1 || FCGX_Init() != 0 || bare_signals() == -1)
		return 1;
	if (unlink(sock) == -1 && errno != ENOENT) {
		fprintf(stderr, "bench-bare: unlink %s: %s\n", sock,
		    strerror(errno));
		return 1;
	}
	if ((fd = FCGX_OpenSocket(sock, 128)) < 0 || chmod(sock, 0660) == -1) {
		fprintf(stderr, "bench-bare: cannot listen on %s\n", sock);
		return 1;
	}
	bare_run(fd, n);
	close(fd);
	unlink(sock);
	return 0;
usage:
	fprintf(stderr, "usage: bench-bare -s socket -f response "
	    "[-n workers]\n");
	return 2;
}
