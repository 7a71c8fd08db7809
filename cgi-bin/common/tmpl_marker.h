/*
 * Phrase markers in templates (docs/translations.md, "In templates"):
 *
 *	<h1>[[members.list.title]]</h1>
 *	<p>[[members.list.count n=TOTAL]]</p>
 *
 * A marker is replaced by its phrase in the page's language.  Each
 * {placeholder} of the phrase takes the value of the template variable of
 * the same name in capitals ({name}: NAME), or of the one the marker maps
 * it to (n=TOTAL), looked up where the marker is, as {{NAME}} would be.
 * A plural phrase's form follows the number in {n}.  The phrase and the
 * values are escaped like any variable.  tmpl_init() loads every template
 * through tmpl_marker_load(), and the shim answers {{I18N_<i>}} with
 * tmpl_marker_text(); tools/weft-phrases checks the markers.
 */
#ifndef WEFT_TMPL_MARKER_H
#define WEFT_TMPL_MARKER_H

#include <stddef.h>

#include "buf.h"
#include "catalogue.h"
#include "err.h"

#define TMPL_MARKER_ARGS_MAX	8
#define TMPL_MARKER_NAME_MAX	32

struct tmpl_marker {
	char	 key[CATALOGUE_KEY_MAX];
	size_t	 nargs;
	struct {
		char	 name[TMPL_MARKER_NAME_MAX];	/* placeholder */
		char	 var[TMPL_MARKER_NAME_MAX];	/* template variable */
	} args[TMPL_MARKER_ARGS_MAX];
};

/*
 * The first marker of s (len bytes): 1 with its offset and length in
 * *at and *n and its parts in m; 0 when there is none; -1 when a "[["
 * at *at does not start a well-formed marker.
 */
int	 tmpl_marker_next(const char *s, size_t len, size_t *at, size_t *n,
	    struct tmpl_marker *m);
/*
 * The text of a template with each marker rewritten as {{I18N_<i>}}, a
 * variable no dictionary sets, i being the marker's number in the
 * worker's table of markers; appended to out.  WEFT_ERR_INVALID (and
 * where, in err) when a "[[" is not a well-formed marker.
 */
enum weft_err	 tmpl_marker_rewrite(const char *in, size_t len,
		    struct buf *out, char *err, size_t errlen);
/*
 * The phrase of marker number id (as a string of digits, len bytes) in
 * lang, its placeholders filled in with value(ctx, VAR) (the template
 * variable's value, never NULL), in scratch when it has placeholders;
 * NULL when id is no marker's.
 */
const char	*tmpl_marker_text(const char *id, size_t len, const char *lang,
		    const char *(*value)(void *ctx, const char *var),
		    void *ctx, struct buf *scratch);
/*
 * Every *.tpl file under root, read and rewritten, handed to
 * put(name relative to root, text, its length); -1 when one cannot be
 * read or rewritten (said on stderr) or put() fails.
 */
int		 tmpl_marker_load(const char *root,
		    int (*put)(const char *name, const char *text, size_t len));

/* Calls fn(ctx, path, name relative to root) for every *.tpl file under
 * root (not those of hidden folders), until one returns -1: -1 then, and
 * when root cannot be read; else 0. */
int		 tmpl_walk(const char *root,
		    int (*fn)(void *ctx, const char *path, const char *name),
		    void *ctx);

/* The template variable of placeholder name (len bytes) in m, written
 * into var (size TMPL_MARKER_NAME_MAX): the mapped one, or NAME. */
void	 tmpl_marker_var(const struct tmpl_marker *m, const char *name,
	    size_t len, char *var);

#endif
