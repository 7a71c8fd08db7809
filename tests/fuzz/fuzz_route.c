/*
 * libFuzzer driver for route matching (app_route.c).  The first byte
 * chooses:
 *
 *	even	app_route_match() of a pattern and a path (the rest of the
 *		bytes, split at the first NUL) into a parameter buffer of
 *		the second byte's size, allocated to that size exactly;
 *	odd	app_route_find() of a path (the rest of the bytes) with the
 *		method (first byte >> 1) in the route table of every
 *		program (app_areas[], which the build makes from the
 *		programs' own tables).
 *
 * A match is checked by putting its parameters back into the pattern,
 * which must give the path again; a lookup against the first route of
 * the table that matches, and 404 or 405 when none does.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "fuzz.h"

#define FUZZ_PATH_MAX	8192

static int
segment_chars_ok(const char *s)
{
	return s[0] != '\0' && strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == strlen(s);
}

/*
 * The pattern with its parameter segments replaced by params[] (or by
 * "x" each when params is NULL), into out; returns how many parameters
 * it used, or -1 when out is too small.
 */
static int
fill(const char *pattern, const char *const *params, char *out,
    size_t outsz)
{
	const char	*p = pattern, *v;
	size_t		 len = 0, n, vn;
	int		 k = 0;

	while (*p != '\0') {
		/* Past the start, every segment follows a '/'. */
		n = *p == '/' ? 1 : strcspn(p, "/");
		v = p;
		vn = n;
		if (p > pattern && *p == ':') {
			if (params != NULL && k == APP_PARAMS_MAX)
				return -1;
			v = params != NULL ? params[k] : "x";
			vn = strlen(v);
			k++;
		}
		if (len + vn >= outsz)
			return -1;
		memcpy(out + len, v, vn);
		len += vn;
		p += n;
	}
	out[len] = '\0';
	return k;
}

static int
nparams_of(const char *pattern)
{
	const char	*p;
	int		 k = 0;

	for (p = pattern; (p = strchr(p, '/')) != NULL; p++)
		if (p[1] == ':')
			k++;
	return k;
}

static void
check_match(const char *pattern, const char *path, size_t bufsz)
{
	static char	 again[FUZZ_PATH_MAX * 2];
	const char	*params[APP_PARAMS_MAX];
	char		*buf;
	size_t		 n = 99, i;
	int		 ok, k;

	if ((buf = malloc(bufsz)) == NULL && bufsz > 0)
		return;
	ok = app_route_match(pattern, path, buf, bufsz, params, &n);
	CHECK(ok == 0 || ok == 1);
	k = nparams_of(pattern);
	if (ok) {
		CHECK(path[0] == '/' || path[0] == '\0');
		CHECK(n <= APP_PARAMS_MAX && (int)n == k);
		for (i = 0; i < n; i++) {
			CHECK(params[i] >= buf && params[i] < buf + bufsz);
			CHECK(segment_chars_ok(params[i]));
		}
		CHECK(fill(pattern, params, again, sizeof(again)) == k);
		CHECK(strcmp(again, path) == 0);
	}
	/* The refused twin: a pattern without parameters matches its own
	 * text only. */
	if (k == 0 && (pattern[0] == '/' || pattern[0] == '\0'))
		CHECK(ok == (strcmp(pattern, path) == 0));
	/* And one with them matches the path made by filling them in, when
	 * they fit. */
	if (pattern[0] == '/' && k <= APP_PARAMS_MAX &&
	    bufsz >= 2 * (size_t)k &&
	    fill(pattern, NULL, again, sizeof(again)) == k) {
		CHECK(app_route_match(pattern, again, buf, bufsz, params, &n));
		CHECK((int)n == k);
	}
	free(buf);
}

static void
check_find(const struct program *prog, enum http_method m, const char *path)
{
	static struct request	 req;
	static char		 again[FUZZ_PATH_MAX * 2];
	const struct route	*r, *routes = prog->routes;
	enum http_method	 want = m == HTTP_HEAD ? HTTP_GET : m;
	char			 buf[256];
	const char		*params[APP_PARAMS_MAX];
	size_t			 i, n, first = prog->nroutes;
	int			 st = 0, other = 0;

	memset(&req, 0, sizeof(req));
	r = app_route_find(prog, m, path, &req, &st);
	for (i = 0; i < prog->nroutes; i++) {
		if (!app_route_match(routes[i].pattern, path, buf,
		    sizeof(buf), params, &n))
			continue;
		if (routes[i].method == want) {
			first = i;
			break;
		}
		other = 1;
	}
	if (first < prog->nroutes) {
		CHECK(r == &routes[first]);
		CHECK(st == 0);
		CHECK(req.nparams == (size_t)nparams_of(r->pattern));
		CHECK(fill(r->pattern, req.params, again, sizeof(again)) ==
		    (int)req.nparams);
		CHECK(strcmp(again, path) == 0);
	} else {
		CHECK(r == NULL);
		CHECK(st == (other ? 405 : 404));
		CHECK(req.nparams == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char		 in[FUZZ_PATH_MAX + 1];
	struct program		 prog;
	enum http_method	 m;
	const char		*path;
	size_t			 len, i;

	if (size < 2 || size - 2 > FUZZ_PATH_MAX)
		return 0;
	len = size - 2;
	memcpy(in, data + 2, len);
	in[len] = '\0';
	if (data[0] & 1) {
		m = (enum http_method)((data[0] >> 1) % HTTP_METHOD__MAX);
		for (i = 0; i < app_nareas; i++) {
			prog.name = app_areas[i].name;
			prog.routes = app_areas[i].routes;
			prog.nroutes = app_areas[i].nroutes;
			check_find(&prog, m, in);
		}
		return 0;
	}
	/* pattern NUL path; without a NUL, the path is empty. */
	path = strlen(in) < len ? in + strlen(in) + 1 : in + len;
	check_match(in, path, data[1]);
	return 0;
}
