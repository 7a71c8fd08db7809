/*
 * The request loop (docs/architecture.md "A request, end to end", steps
 * 1-6 and 9), run by the workers of super.c's master.  Rendering lives in
 * app_page.c, route matching in app_route.c.
 */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>

#include <errno.h>
#include <fastcgi.h>
#include <fcgiapp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "config.h"
#include "db.h"
#include "form.h"
#include "i18n.h"
#include "i18n_conv.h"
#include "log.h"
#include "settings.h"
#include "super.h"
#include "util.h"

#define APP_PATH_MAX	2048
#define APP_RECORDS_MIN	8192	/* libfcgi's stream buffer: see app_write() */
#define APP_RECORD_MAX	65535	/* FastCGI: content bytes in one record */
#define APP_TRIES	3	/* runs of a handler whose transaction met another */

/* APP_NO_CSRF, which only a public route may carry (app.h). */
static int
app_route_no_csrf(const struct route *r)
{
	return r->no_csrf && r->access == ACCESS_PUBLIC;
}

static void
app_print_routes(const struct program *p)
{
	size_t	 i;

	for (i = 0; i < p->nroutes; i++)
		printf("%s\t%s\t%s\t%s\t%s\n",
		    http_method_names[p->routes[i].method],
		    p->routes[i].pattern,
		    (unsigned)p->routes[i].access < ACCESS__MAX ?
		    access_keys[p->routes[i].access] : "?",
		    p->routes[i].access == ACCESS_PERM &&
		    (unsigned)p->routes[i].perm < PERM__MAX ?
		    perm_keys[p->routes[i].perm] : "-",
		    app_route_no_csrf(&p->routes[i]) ? "no-csrf" : "-");
}

/* ---- one request ---------------------------------------------------- */

static const char *
app_env(FCGX_Request *r, const char *name)
{
	const char	*v = FCGX_GetParam(name, r->envp);

	return v != NULL ? v : "";
}

/* Reads the urlencoded body into req->form; returns 0 or an HTTP status. */
static int
app_read_body(FCGX_Request *r, struct request *req,
    const struct http_limits *lim, size_t max)
{
	const char	*ctype = app_env(r, "CONTENT_TYPE");
	const char	*clen = app_env(r, "CONTENT_LENGTH");
	char		*body, *end;
	long long	 n;
	int		 got;
	enum http_parse	 pr;

	errno = 0;
	n = clen[0] ? strtoll(clen, &end, 10) : 0;
	if (errno != 0 || (clen[0] && *end != '\0') || n < 0)
		return 400;
	if ((unsigned long long)n > max)
		return 413;
	if (n == 0)
		return 0;
	if (!http_is_urlencoded(ctype))
		return 415;
	if ((body = malloc((size_t)n + 1)) == NULL)
		return 500;
	got = FCGX_GetStr(body, (int)n, r->in);
	if (got != n) {
		free(body);
		return 400;
	}
	body[n] = '\0';
	pr = http_parse_urlencoded(body, (size_t)n, lim, &req->form);
	free(body);
	return pr == HTTP_PARSE_OK ? 0 : pr == HTTP_PARSE_TOO_LARGE ? 413 :
	    pr == HTTP_PARSE_BAD ? 400 : 500;
}

/* The cookies weft reads; every other one on the host is another
 * application's (issue 15, 8).  The names depend on config.cookie_secure,
 * so the list is made after the config is loaded. */
static const char *const *
app_cookie_names(void)
{
	static const char	*names[5];

	if (names[0] == NULL) {
		names[0] = auth_cookie_name();
		names[1] = auth_csrf_cookie_name();
		names[2] = APP_FLASH_COOKIE;
		names[3] = APP_LANG_COOKIE;
		names[4] = NULL;
	}
	return names;
}

/* A damaged cookie of weft's is said so, and cleared, so that the next
 * request works: without that every page would be a 400 until the
 * member found how to delete it. */
static void
app_clear_bad_cookies(struct request *req)
{
	const char *const	*names = app_cookie_names();
	int			 i;

	app_error(req, 400, app_text(req, N_("error.cookie")));
	for (i = 0; names[i] != NULL; i++)
		if (req->bad_cookies & (1u << i))
			http_cookie(&req->resp, names[i], "", 0,
			    HTTP_COOKIE_HTTPONLY |
			    (config.cookie_secure ? HTTP_COOKIE_SECURE : 0));
}

/* Parses everything of the request but the session; 0 or an HTTP status. */
static int
app_parse(FCGX_Request *r, struct request *req, char *path, size_t pathsz)
{
	struct http_limits	 lim = { config.fields_max, config.field_len_max };
	const char		*uri = app_env(r, "REQUEST_URI");
	const char		*qs = app_env(r, "QUERY_STRING");
	const char		*cookie = app_env(r, "HTTP_COOKIE");
	size_t			 n;
	enum http_parse		 pr;

	req->method = http_method_parse(app_env(r, "REQUEST_METHOD"));
	n = strcspn(uri, "?#");
	if (n == 0 || n >= pathsz || uri[0] != '/')
		return 400;
	memcpy(path, uri, n);
	path[n] = '\0';
	req->path = path;
	snprintf(req->actor.addr, sizeof(req->actor.addr), "%s",
	    app_env(r, "REMOTE_ADDR"));
	if ((pr = http_parse_urlencoded(qs, strlen(qs), &lim, &req->query)) !=
	    HTTP_PARSE_OK)
		return pr == HTTP_PARSE_TOO_LARGE ? 413 : 400;
	if ((pr = http_parse_cookies_owned(cookie, strlen(cookie), &lim,
	    app_cookie_names(), &req->bad_cookies, &req->cookies)) !=
	    HTTP_PARSE_OK)
		return pr == HTTP_PARSE_TOO_LARGE ? 413 : 400;
	if (req->bad_cookies != 0)
		return 400;
	return 0;
}

/* The body of a POST, within the limits of its route (app.h, APP_BODY). */
static int
app_body(FCGX_Request *r, struct request *req)
{
	struct http_limits	 lim = { config.fields_max, config.field_len_max };
	size_t			 max = config.body_max;

	if (req->method != HTTP_POST)
		return 0;
	if (req->route->body_max > 0) {
		max = req->route->body_max < APP_BODY_LARGE_MAX ?
		    req->route->body_max : APP_BODY_LARGE_MAX;
		if (max > lim.field_len_max)
			lim.field_len_max = max;
	}
	return app_read_body(r, req, &lim, max);
}

/* Visitors get a CSRF token of their own in a cookie (double submit), so
 * that the login and signup forms are protected too. */
static int
app_visitor_csrf(struct request *req)
{
	const char	*c = http_kv_get(&req->cookies, auth_csrf_cookie_name());

	if (c != NULL && strlen(c) == AUTH_TOKEN_HEX - 1) {
		snprintf(req->actor.csrf, sizeof(req->actor.csrf), "%s", c);
		return 0;
	}
	if (auth_random_hex(req->actor.csrf) != WEFT_OK)
		return 500;
	http_cookie(&req->resp, auth_csrf_cookie_name(), req->actor.csrf, -1,
	    HTTP_COOKIE_HTTPONLY |
	    (config.cookie_secure ? HTTP_COOKIE_SECURE : 0));
	return 0;
}

/* The one-time flash message: a phrase key in a cookie, read once. */
static void
app_take_flash(struct request *req)
{
	const char	*f = http_kv_get(&req->cookies, APP_FLASH_COOKIE);

	if (f == NULL || f[0] == '\0' || strlen(f) >= sizeof(req->flash) ||
	    strspn(f, "abcdefghijklmnopqrstuvwxyz0123456789._") != strlen(f))
		return;
	/* A message of another area (another program) is left for the page
	 * it was meant for; the cookie expires within a minute anyway. */
	if (!i18n_has(f))
		return;
	snprintf(req->flash, sizeof(req->flash), "%s", f);
	http_cookie(&req->resp, APP_FLASH_COOKIE, "", 0,
	    config.cookie_secure ? HTTP_COOKIE_SECURE : 0);
}

/* docs/architecture.md step 6: who may reach the route, before any handler
 * runs.  Returns 0 to go on, or a status (the response may be a redirect). */
static int
app_guard(struct request *req)
{
	const struct actor	*a = &req->actor;
	const char		*sent;
	char			 next[APP_PATH_MAX + 16];

	if (req->method == HTTP_POST && !app_route_no_csrf(req->route)) {
		sent = http_kv_get(&req->form, "csrf");
		if (sent == NULL || !auth_csrf_equal(a->csrf, sent)) {
			app_error(req, 403, app_text(req, N_("error.csrf")));
			return -1;
		}
	}
	switch (app_access(a, req->route->access, req->route->perm)) {
	case APP_ALLOW:
		return 0;
	case APP_LOGIN_FIRST:
		if (req->method != HTTP_GET && req->method != HTTP_HEAD)
			return 403;
		snprintf(next, sizeof(next), "/login?next=%s", req->path);
		app_redirect(req, next, NULL);
		return -1;
	default:
		return 403;
	}
}

/* What a handler may change of the request, kept to run it again. */
struct app_redo {
	int		 status;
	size_t		 headers;
	size_t		 body;
	int		 failed;
	struct tmpl_dict *layout;
	struct actor	 actor;
	char		 flash[sizeof(((struct request *)0)->flash)];
};

static void
app_redo_keep(const struct request *req, struct app_redo *k)
{
	k->status = req->resp.status;
	k->headers = req->resp.headers.len;
	k->body = req->resp.body.len;
	k->failed = req->resp.failed;
	k->layout = req->layout;
	k->actor = req->actor;
	memcpy(k->flash, req->flash, sizeof(k->flash));
}

/* Back to the request as it was before the handler ran: the response's
 * headers and body cut back (the cookies set before stay), the page the
 * handler began dropped. */
static void
app_redo_restore(struct request *req, const struct app_redo *k)
{
	req->resp.status = k->status;
	req->resp.failed = k->failed;
	if (req->resp.headers.p != NULL) {
		req->resp.headers.len = k->headers;
		req->resp.headers.p[k->headers] = '\0';
	}
	if (req->resp.body.p != NULL) {
		req->resp.body.len = k->body;
		req->resp.body.p[k->body] = '\0';
	}
	req->resp.headers.failed = req->resp.body.failed = 0;
	if (req->layout != NULL && req->layout != k->layout)
		tmpl_dict_free(req->layout);
	req->layout = k->layout;
	req->page_tpl = NULL;
	req->actor = k->actor;
	memcpy(req->flash, k->flash, sizeof(req->flash));
}

/* A short wait before the next try, longer each time, with jitter so
 * that the transactions that met do not meet again: 10-30 ms, then
 * 20-60, then 40-120. */
static void
app_redo_wait(int tries)
{
	static unsigned	 seed;
	unsigned	 ms = 10u << (tries - 1);

	if (seed == 0)
		seed = (unsigned)getpid() ^ (unsigned)time(NULL);
	seed = seed * 1103515245u + 12345u;
	ms += (seed >> 16) % (2 * ms + 1);
	(void)usleep(ms * 1000);
}

/*
 * Runs the route's handler, and runs it again, up to APP_TRIES times,
 * when its transaction failed for a reason that left nothing behind and
 * nothing was committed: a deadlock or lock wait timeout, the conflict a
 * Galera cluster reports at commit when another node wrote the same row
 * first (1213), or the node lost mid-transaction, the worker then being
 * on the next node (db.h, db_retry_wanted()).  The response is built in
 * memory and written after this returns, so a try that failed has sent
 * nothing; a handler's other effects are rows of the same transaction
 * (audit, outbox).  The ledger's one-time key makes a retried exchange
 * one exchange all the same.
 */
static int
app_run_handler(struct request *req)
{
	struct app_redo	 keep;
	enum weft_err	 why;
	int		 st, tries;

	app_redo_keep(req, &keep);
	for (tries = 1; ; tries++) {
		db_retry_mark();
		form_duplicates_clear();
		st = req->route->handler(req);
		if (form_duplicates_seen())	/* nothing written: form_read() */
			return app_error(req, 400, app_text(req,
			    N_("error.field_twice")));
		db_rollback();
		if ((why = db_retry_wanted()) == WEFT_OK)
			return st;
		if (tries == APP_TRIES) {
			log_msg(LOGL_WARN, "%s %s: still %s after %d tries",
			    http_method_names[req->method], req->route->pattern,
			    why == WEFT_ERR_CONFLICT ? "a conflict" :
			    "no database", tries);
			return st;
		}
		log_msg(LOGL_INFO, "%s %s: run again (try %d) after %s",
		    http_method_names[req->method], req->route->pattern,
		    tries + 1, why == WEFT_ERR_CONFLICT ? "a conflict" :
		    "a lost database node");
		app_redo_restore(req, &keep);
		app_redo_wait(tries);
	}
}

static void
app_handle(FCGX_Request *r, const struct program *prog, struct request *req)
{
	char		 path[APP_PATH_MAX];
	const char	*tok;
	int		 st;
	enum weft_err	 e;

	if ((st = app_parse(r, req, path, sizeof(path))) != 0)
		goto out;
	if (strcmp(req->path, "/healthz") == 0 &&
	    (req->method == HTTP_GET || req->method == HTTP_HEAD)) {
		/* The framework's own cost: no database, no template. */
		http_header(&req->resp, "Content-Type",
		    "text/plain; charset=utf-8");
		buf_puts(&req->resp.body, "ok\n");
		goto out;
	}
	if ((req->route = app_route_find(prog, req->method, req->path, req,
	    &st)) == NULL || (st = app_body(r, req)) != 0)
		goto out;
	app_take_flash(req);
	if ((e = db_ensure()) != WEFT_OK) {
		st = app_status_of(e);
		goto out;
	}
	tok = http_kv_get(&req->cookies, auth_cookie_name());
	if ((e = auth_session_load(tok, req->actor.addr, &req->actor)) !=
	    WEFT_OK) {
		st = app_status_of(e);
		goto out;
	}
	log_context(req->actor.addr, req->actor.member_id);
	if (!req->actor.has_session)
		app_lang_choose(req, app_env(r, "HTTP_ACCEPT_LANGUAGE"));
	if (!req->actor.has_session && (st = app_visitor_csrf(req)) != 0)
		goto out;
	if ((st = app_guard(req)) != 0)
		goto out;
	if (!app_feature_on(req->route->feature)) {
		/* Closed by its switch: the one page saying so. */
		app_error(req, 404, app_text(req,
		    app_feature_off_keys[req->route->feature]));
		goto out;
	}
	st = app_run_handler(req);
out:
	db_rollback();	/* a handler that returned mid-transaction */
	if (st > 0 && req->bad_cookies != 0)
		app_clear_bad_cookies(req);
	else if (st > 0)
		app_error(req, st, NULL);
	else if (req->resp.failed || buf_failed(&req->resp.body)) {
		log_msg(LOGL_ERROR, "response could not be built");
		app_error(req, 500, NULL);
	}
	/* Every response, error pages and redirects too, carries them. */
	http_security_headers(&req->resp);
}

/* A piece of the response: the status line, the headers, the body. */
struct app_seg {
	const char	*p;
	size_t		 n;
};

/* writev() until all of iov is written; -1 on an error (the client or
 * nginx went away: EPIPE, as SIGPIPE is ignored). */
static int
app_writev_all(int fd, struct iovec *iov, int cnt)
{
	ssize_t	 w;

	while (cnt > 0) {
		if ((w = writev(fd, iov, cnt)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (; cnt > 0 && (size_t)w >= iov->iov_len; iov++, cnt--)
			w -= (ssize_t)iov->iov_len;
		if (cnt > 0) {
			iov->iov_base = (char *)iov->iov_base + w;
			iov->iov_len -= (size_t)w;
		}
	}
	return 0;
}

/*
 * Writes the pieces as FCGI_STDOUT records of up to APP_RECORD_MAX bytes,
 * one writev() each, straight to the connection.  libfcgi's stream must
 * hold nothing yet (nothing has been put to it); FCGX_Finish_r() then ends
 * the stream and the request as always.  ipcFd is below the line of
 * FCGX_Request that libfcgi's header asks not to use: it is the one way
 * to write a record larger than libfcgi's buffer.
 */
static int
app_put_records(FCGX_Request *r, const struct app_seg *seg, size_t nseg)
{
	unsigned char	 hdr[FCGI_HEADER_LEN];
	struct iovec	 iov[1 + 4];
	size_t		 i = 0, off = 0, len, take;
	int		 k;

	while (i < nseg) {
		iov[0].iov_base = hdr;
		iov[0].iov_len = sizeof(hdr);
		for (k = 1, len = 0; i < nseg && len < APP_RECORD_MAX &&
		    k < (int)NELEM(iov); ) {
			take = seg[i].n - off;
			if (take > APP_RECORD_MAX - len)
				take = APP_RECORD_MAX - len;
			if (take > 0) {
				iov[k].iov_base = (char *)(uintptr_t)seg[i].p +
				    off;
				iov[k++].iov_len = take;
				len += take;
				off += take;
			}
			if (off == seg[i].n) {
				i++;
				off = 0;
			}
		}
		if (len == 0)
			break;
		hdr[0] = FCGI_VERSION_1;
		hdr[1] = FCGI_STDOUT;
		hdr[2] = (unsigned char)(r->requestId >> 8);
		hdr[3] = (unsigned char)r->requestId;
		hdr[4] = (unsigned char)(len >> 8);
		hdr[5] = (unsigned char)len;
		hdr[6] = 0;	/* no padding */
		hdr[7] = 0;
		if (app_writev_all(r->ipcFd, iov, k) == -1)
			return -1;
	}
	return 0;
}

/*
 * Writes the CGI-style response: Status, headers, blank line, body.
 * libfcgi writes its stream in records of its 8 KB buffer, a write()
 * each: four for the member list's 28 KB.  A response larger than that
 * buffer goes out here as one record per 64 KB instead, one writev() each
 * (then the end records, one write()): fewer system calls in the worker
 * and fewer reads in nginx.  Smaller ones take libfcgi's way, which
 * writes them together with the end records in a single write().
 */
static void
app_write(FCGX_Request *r, const struct request *req)
{
	char		 line[64], len[64];
	int		 st = req->resp.status ? req->resp.status : 200;
	size_t		 body;
	struct app_seg	 seg[4];

	body = req->method == HTTP_HEAD ? 0 : req->resp.body.len;
	seg[0].n = (size_t)snprintf(line, sizeof(line), "Status: %d %s\r\n",
	    st, http_status_text(st));
	seg[0].p = line;
	seg[1].p = req->resp.headers.p;
	seg[1].n = req->resp.headers.len;
	seg[2].n = (size_t)snprintf(len, sizeof(len),
	    "Content-Length: %lu\r\n\r\n", (unsigned long)body);
	seg[2].p = len;
	seg[3].p = req->resp.body.p;
	seg[3].n = body;
	if (seg[0].n >= sizeof(line) || seg[2].n >= sizeof(len))
		goto fail;
	if (seg[0].n + seg[1].n + seg[2].n + body > APP_RECORDS_MIN &&
	    r->ipcFd >= 0) {
		if (app_put_records(r, seg, 4) == -1)
			goto fail;
		return;
	}
	if (FCGX_PutStr(line, (int)seg[0].n, r->out) < 0 ||
	    (seg[1].n > 0 &&
	    FCGX_PutStr(seg[1].p, (int)seg[1].n, r->out) < 0) ||
	    FCGX_PutStr(len, (int)seg[2].n, r->out) < 0 ||
	    (body > 0 && FCGX_PutStr(seg[3].p, (int)body, r->out) < 0))
		goto fail;
	return;
fail:
	log_msg(LOGL_WARN, "client went away while writing the response");
}

static void
app_request_free(struct request *req)
{
	http_kvlist_free(&req->query);
	http_kvlist_free(&req->form);
	http_kvlist_free(&req->cookies);
	http_response_free(&req->resp);
	if (req->layout != NULL)
		tmpl_dict_free(req->layout);
	memset(req, 0, sizeof(*req));
	log_context(NULL, 0);
}

/* ---- one worker ------------------------------------------------------ */

/* What every worker of a FastCGI program serves. */
struct app_listen {
	int			 fd;
	const struct program	*prog;
};

/* super.c runs this in each worker: requests until super_stopping(). */
static int
app_worker(void *arg)
{
	const struct app_listen	*l = arg;
	FCGX_Request		 r;
	struct request		*req;

	if ((req = calloc(1, sizeof(*req))) == NULL)
		return 1;
	if (FCGX_InitRequest(&r, l->fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
		free(req);
		return 1;
	}
	/* A failed connection is not fatal: requests retry it (503 meanwhile). */
	if (db_connect() != WEFT_OK)
		log_msg(LOGL_WARN, "database not reachable yet");
	while (!super_stopping() && FCGX_Accept_r(&r) >= 0) {
		http_response_init(&req->resp);
		app_handle(&r, l->prog, req);
		app_write(&r, req);
		FCGX_Finish_r(&r);
		app_request_free(req);
	}
	FCGX_Free(&r, 0);
	free(req);
	db_close();
	return 0;
}

/*
 * -s HOST:PORT (no '/') is FastCGI over TCP, for app hosts behind an
 * nginx upstream (docs/scaling.md): libfcgi binds it, and its
 * FCGI_WEB_SERVER_ADDRS (a comma-separated list of addresses) is then the
 * only guard on who may connect.  Anything else is a unix socket path.
 */
static int
app_tcp(const char *sock)
{
	return strchr(sock, '/') == NULL && strchr(sock, ':') != NULL;
}

/* The listening socket; -1 (logged) when it cannot be had. */
static int
app_listen(const char *sock)
{
	int	 fd;

	if (!app_tcp(sock) && unlink(sock) == -1 && errno != ENOENT) {
		log_msg(LOGL_ERROR, "unlink %s: %s", sock, strerror(errno));
		return -1;
	}
	if ((fd = FCGX_OpenSocket(sock, 128)) < 0) {
		log_msg(LOGL_ERROR, "cannot listen on %s", sock);
		return -1;
	}
	/* docs/style.md 6: the socket is for nginx's user and ours only. */
	if (!app_tcp(sock) && chmod(sock, 0660) == -1) {
		log_msg(LOGL_ERROR, "chmod %s: %s", sock, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* SD_LISTEN_FDS_START: the first descriptor systemd passes. */
#define APP_LISTEN_FD	3

/*
 * No -s: the socket is inherited, as systemd's socket activation passes
 * it (weft@.socket, docs/deploy.md): LISTEN_PID names this process,
 * LISTEN_FDS is 1 and the socket is descriptor 3.  The socket outlives
 * the program, so a restart loses no connection: those made meanwhile
 * wait in its backlog for the new workers.
 */
static int
app_inherited(void)
{
	const char	*pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");
	int		 on = 0;
	socklen_t	 len = sizeof(on);

	if (pid == NULL || fds == NULL || strcmp(fds, "1") != 0 ||
	    strtol(pid, NULL, 10) != (long)getpid()) {
		log_msg(LOGL_ERROR, "no -s socket, and no socket passed as "
		    "systemd does (LISTEN_PID, LISTEN_FDS=1)");
		return -1;
	}
	if (getsockopt(APP_LISTEN_FD, SOL_SOCKET, SO_ACCEPTCONN, &on,
	    &len) == -1 || !on) {
		log_msg(LOGL_ERROR, "descriptor %d is not a listening socket",
		    APP_LISTEN_FD);
		return -1;
	}
	/* Not for the programs this one might start. */
	unsetenv("LISTEN_PID");
	unsetenv("LISTEN_FDS");
	unsetenv("LISTEN_FDNAMES");
	return APP_LISTEN_FD;
}

static int
app_usage(const char *name)
{
	fprintf(stderr, "usage: %s -c config [-s socket] [-n workers]\n"
	    "       %s --routes\n", name, name);
	return 2;
}

/* The templates and the English of every phrase (templates_dir/phrases/
 * AREA.en): a program that cannot read them does not start. */
static int
app_load_text(void)
{
	char	 phrases[4096];

	if (tmpl_init(config.templates_dir) != WEFT_OK) {
		log_msg(LOGL_ERROR, "templates_dir %s unusable",
		    config.templates_dir);
		return -1;
	}
	snprintf(phrases, sizeof(phrases), "%s/phrases", config.templates_dir);
	return i18n_load(phrases) == WEFT_OK ? 0 : -1;
}

/* The zone the pages show times in (i18n_zone_source()): the site's. */
static const char *
app_time_zone(void)
{
	return settings_str(SETTING_TIME_ZONE);
}

int
app_main(int argc, char *argv[], const struct program *prog)
{
	const char	*conf = NULL, *sock = NULL;
	int		 c, n = 0, fd, rc;

	if (argc == 2 && strcmp(argv[1], "--routes") == 0) {
		app_print_routes(prog);
		return 0;
	}
	while ((c = getopt(argc, argv, "c:s:n:")) != -1) {
		switch (c) {
		case 'c':
			conf = optarg;
			break;
		case 's':
			sock = optarg;
			break;
		case 'n':
			n = atoi(optarg);
			break;
		default:
			return app_usage(prog->name);
		}
	}
	if (optind != argc)
		return app_usage(prog->name);
	if ((n = super_config(prog->name, conf, n)) < 0)
		return 1;
	if (app_load_text() == -1)
		return 1;
	i18n_zone_source(app_time_zone);
	if (FCGX_Init() != 0 || super_signals(FCGX_ShutdownPending) == -1)
		return 1;
	if ((fd = sock != NULL ? app_listen(sock) : app_inherited()) < 0)
		return 1;
	/* FCGX_ShutdownPending() makes libfcgi's accept() give up instead
	 * of retrying when SIGTERM interrupts it. */
	rc = super_run(&(struct super){ app_worker,
	    &(struct app_listen){ fd, prog }, n, FCGX_ShutdownPending });
	close(fd);
	if (sock != NULL && !app_tcp(sock))
		unlink(sock);
	return rc;
}
