/*
 * Reading phrase markers (tmpl_marker.h).
 */
#include <string.h>

#include "tmpl_marker.h"

static size_t
tmpl_marker_word(const char *s, size_t len, int upper)
{
	size_t	 i;
	char	 c;

	for (i = 0; i < len; i++) {
		c = s[i];
		if (upper ? !((c >= 'A' && c <= 'Z') || (i > 0 &&
		    ((c >= '0' && c <= '9') || c == '_'))) :
		    !((c >= 'a' && c <= 'z') || (i > 0 &&
		    ((c >= '0' && c <= '9') || c == '_'))))
			break;
	}
	return i < TMPL_MARKER_NAME_MAX ? i : 0;
}

/* The inside of a marker (between "[[" and "]]") into m; -1 if bad. */
static int
tmpl_marker_parse(const char *s, size_t len, struct tmpl_marker *m)
{
	size_t	 k, w, v;

	memset(m, 0, sizeof(*m));
	for (k = 0; k < len && s[k] != ' '; k++)
		;
	if (!catalogue_key_ok(s, k))
		return -1;
	memcpy(m->key, s, k);
	while (k < len) {
		if (s[k++] != ' ' || m->nargs == TMPL_MARKER_ARGS_MAX)
			return -1;
		if ((w = tmpl_marker_word(s + k, len - k, 0)) == 0 ||
		    k + w >= len || s[k + w] != '=')
			return -1;
		if ((v = tmpl_marker_word(s + k + w + 1, len - k - w - 1,
		    1)) == 0)
			return -1;
		memcpy(m->args[m->nargs].name, s + k, w);
		memcpy(m->args[m->nargs++].var, s + k + w + 1, v);
		k += w + 1 + v;
	}
	return 0;
}

int
tmpl_marker_next(const char *s, size_t len, size_t *at, size_t *n,
    struct tmpl_marker *m)
{
	const char	*open, *close;

	if ((open = memmem(s, len, "[[", 2)) == NULL)
		return 0;
	*at = (size_t)(open - s);
	close = memmem(open + 2, len - *at - 2, "]]", 2);
	if (close == NULL || tmpl_marker_parse(open + 2,
	    (size_t)(close - open - 2), m) == -1)
		return -1;
	*n = (size_t)(close + 2 - open);
	return 1;
}

void
tmpl_marker_var(const struct tmpl_marker *m, const char *name, size_t len,
    char *var)
{
	size_t	 i;

	for (i = 0; i < m->nargs; i++)
		if (strlen(m->args[i].name) == len &&
		    memcmp(m->args[i].name, name, len) == 0) {
			memcpy(var, m->args[i].var, TMPL_MARKER_NAME_MAX);
			return;
		}
	if (len >= TMPL_MARKER_NAME_MAX)
		len = TMPL_MARKER_NAME_MAX - 1;
	for (i = 0; i < len; i++)
		var[i] = name[i] >= 'a' && name[i] <= 'z' ?
		    (char)(name[i] - 'a' + 'A') : name[i];
	var[len] = '\0';
}
