/*
 * Phrase markers at work (tmpl_marker.h): the worker's table of the
 * markers of every template, the rewriting of the templates when they
 * are loaded, and the text of a marker on a page.  C, so that the shim
 * (the one C++ file) only connects these to ctemplate.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "tmpl_marker.h"

#define TMPL_FILE_MAX	(1024 * 1024)

/* Every marker of every template, by number. */
static struct tmpl_marker	*tmpl_markers;
static size_t			 tmpl_nmarkers, tmpl_markers_cap;

static long
tmpl_marker_add(const struct tmpl_marker *m)
{
	struct tmpl_marker	*v;
	size_t			 cap;

	if (tmpl_nmarkers == tmpl_markers_cap) {
		cap = tmpl_markers_cap != 0 ? 2 * tmpl_markers_cap : 256;
		if ((v = realloc(tmpl_markers, cap * sizeof(*v))) == NULL)
			return -1;
		tmpl_markers = v;
		tmpl_markers_cap = cap;
	}
	tmpl_markers[tmpl_nmarkers] = *m;
	return (long)tmpl_nmarkers++;
}

enum weft_err
tmpl_marker_rewrite(const char *in, size_t len, struct buf *out, char *err,
    size_t errlen)
{
	struct tmpl_marker	 m;
	size_t			 from = 0, at, n;
	long			 id;
	int			 r;

	while ((r = tmpl_marker_next(in + from, len - from, &at, &n, &m)) !=
	    0) {
		if (r == -1) {
			snprintf(err, errlen, "a [[ that is not a phrase marker "
			    "at byte %zu", from + at);
			return WEFT_ERR_INVALID;
		}
		if ((id = tmpl_marker_add(&m)) == -1)
			return WEFT_ERR_NOMEM;
		buf_append(out, in + from, at);
		buf_printf(out, "{{I18N_%ld}}", id);
		from += at + n;
	}
	buf_append(out, in + from, len - from);
	return buf_failed(out) ? WEFT_ERR_NOMEM : WEFT_OK;
}

/* What i18n_fill() asks of a placeholder: its template variable's value. */
struct tmpl_fill {
	const struct tmpl_marker	*m;
	const char			*(*value)(void *, const char *);
	void				*ctx;
};

static const char *
tmpl_fill_value(void *ctx, const char *name, size_t len)
{
	const struct tmpl_fill	*f = ctx;
	char			 var[TMPL_MARKER_NAME_MAX];

	tmpl_marker_var(f->m, name, len, var);
	return f->value(f->ctx, var);
}

const char *
tmpl_marker_text(const char *id, size_t len, const char *lang,
    const char *(*value)(void *, const char *), void *ctx,
    struct buf *scratch)
{
	struct tmpl_fill	 f;
	const char		*text;
	size_t			 i = 0, k;
	long long		 n = 1;

	for (k = 0; k < len && id[k] >= '0' && id[k] <= '9' && k < 9; k++)
		i = i * 10 + (size_t)(id[k] - '0');
	if (k == 0 || k != len || i >= tmpl_nmarkers)
		return NULL;
	f.m = &tmpl_markers[i];
	f.value = value;
	f.ctx = ctx;
	if (i18n_is_plural(f.m->key))
		n = strtoll(tmpl_fill_value(&f, "n", 1), NULL, 10);
	text = i18n_text_n(lang, f.m->key, n);
	if (strchr(text, '{') == NULL)
		return text;
	buf_reset(scratch);
	i18n_fill(scratch, text, tmpl_fill_value, &f);
	return scratch->p != NULL && !buf_failed(scratch) ? scratch->p : "";
}

/* One template: read, rewritten, put. */
static int
tmpl_load_one(void *ctx, const char *path, const char *name)
{
	int		(*put)(const char *, const char *, size_t) =
			    *(int (**)(const char *, const char *, size_t))ctx;
	struct buf	 in, out;
	char		 err[128];
	int		 rc = -1;

	buf_init(&in);
	buf_init(&out);
	if (buf_read_file(&in, path, TMPL_FILE_MAX) == -1)
		fprintf(stderr, "%s: cannot be read\n", path);
	else if (tmpl_marker_rewrite(in.p != NULL ? in.p : "", in.len, &out,
	    err, sizeof(err)) != WEFT_OK)
		fprintf(stderr, "%s: %s\n", path, err);
	else
		rc = put(name, out.p != NULL ? out.p : "", out.len);
	buf_free(&in);
	buf_free(&out);
	return rc;
}

static int
tmpl_walk_dir(const char *root, const char *rel,
    int (*fn)(void *, const char *, const char *), void *ctx)
{
	DIR		*d;
	struct dirent	*ent;
	char		 path[4096], name[1024];
	struct stat	 st;
	size_t		 n;
	int		 rc = 0;

	snprintf(path, sizeof(path), "%s%s%s", root, rel[0] ? "/" : "", rel);
	if ((d = opendir(path)) == NULL)
		return -1;
	while (rc == 0 && (ent = readdir(d)) != NULL) {
		if (ent->d_name[0] == '.')
			continue;
		snprintf(name, sizeof(name), "%s%s%s", rel, rel[0] ? "/" : "",
		    ent->d_name);
		snprintf(path, sizeof(path), "%s/%s", root, name);
		if (stat(path, &st) == -1)
			continue;
		n = strlen(ent->d_name);
		if (S_ISDIR(st.st_mode))
			rc = tmpl_walk_dir(root, name, fn, ctx);
		else if (n > 4 && strcmp(ent->d_name + n - 4, ".tpl") == 0)
			rc = fn(ctx, path, name);
	}
	closedir(d);
	return rc;
}

int
tmpl_walk(const char *root, int (*fn)(void *, const char *, const char *),
    void *ctx)
{
	return tmpl_walk_dir(root, "", fn, ctx);
}

int
tmpl_marker_load(const char *root,
    int (*put)(const char *name, const char *text, size_t len))
{
	return tmpl_walk(root, tmpl_load_one, &put);
}
