/*
 * Route matching: a pattern is a path whose ":name" segments match any
 * one non-empty segment of [A-Za-z0-9_-]; everything else must be equal.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"

const char *const access_keys[ACCESS__MAX] = {
	"unset", "public", "login", "member", "perm", "coordinator",
};

static int
app_segment_ok(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (strchr("abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", s[i]) == NULL)
			return 0;
	return 1;
}

int
app_route_match(const char *pattern, const char *path, char *buf,
    size_t bufsz, const char **params, size_t *nparams)
{
	const char	*p = pattern, *q = path;
	size_t		 pn, qn, used = 0;

	*nparams = 0;
	while (*p != '\0' && *q != '\0') {
		if (*p != '/' || *q != '/')
			return 0;
		p++, q++;
		pn = strcspn(p, "/");
		qn = strcspn(q, "/");
		if (p[0] == ':') {
			if (!app_segment_ok(q, qn) ||
			    *nparams == APP_PARAMS_MAX || used + qn + 1 > bufsz)
				return 0;
			memcpy(buf + used, q, qn);
			buf[used + qn] = '\0';
			params[(*nparams)++] = buf + used;
			used += qn + 1;
		} else if (pn != qn || strncmp(p, q, pn) != 0)
			return 0;
		p += pn, q += qn;
	}
	return *p == '\0' && *q == '\0';
}

const struct route *
app_route_find(const struct program *prog, enum http_method m,
    const char *path, struct request *req, int *status)
{
	size_t		 i;
	int		 path_known = 0;

	/* HEAD is answered by the GET route, without the body. */
	if (m == HTTP_HEAD)
		m = HTTP_GET;
	for (i = 0; i < prog->nroutes; i++) {
		if (!app_route_match(prog->routes[i].pattern, path,
		    req->param_buf, sizeof(req->param_buf), req->params,
		    &req->nparams))
			continue;
		if (prog->routes[i].method == m)
			return &prog->routes[i];
		path_known = 1;
	}
	req->nparams = 0;
	*status = path_known ? 405 : 404;
	return NULL;
}

long long
app_param_id(const struct request *req, size_t i)
{
	const char	*s;
	char		*end;
	long long	 v;

	if (i >= req->nparams)
		return 0;
	s = req->params[i];
	if (s[0] < '1' || s[0] > '9' || strlen(s) > 15)
		return 0;
	v = strtoll(s, &end, 10);
	return *end == '\0' ? v : 0;
}
