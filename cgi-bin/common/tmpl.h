/*
 * The C interface to ctemplate.  The only C++ in weft is tmpl_shim.cc,
 * which implements this header.  Dictionaries returned by tmpl_section()
 * and tmpl_include() belong to their parent and die with it.
 * Every template starts with {{%AUTOESCAPE context="HTML"}} (the build
 * checks), so every value set here is HTML-escaped when rendered.
 */
#ifndef WEFT_TMPL_H
#define WEFT_TMPL_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

struct tmpl_dict;

/* Templates are read from root (all of them, once, their phrase markers
 * rewritten: tmpl_marker.h) and cached. */
enum weft_err	 tmpl_init(const char *root);
struct tmpl_dict *tmpl_dict_new(void);
/* The language of the phrase markers (tmpl_marker.h) of the page whose
 * root dictionary this is; "en" until set. */
void		 tmpl_lang(struct tmpl_dict *, const char *lang);
/* The language of the page a dictionary belongs to (set on its root):
 * for a phrase set from code that has no request at hand. */
const char	*tmpl_page_lang(const struct tmpl_dict *);
void		 tmpl_dict_free(struct tmpl_dict *);
void		 tmpl_set(struct tmpl_dict *, const char *key, const char *val);
/* As tmpl_set(), with the n bytes at val (not NUL-terminated). */
void		 tmpl_set_n(struct tmpl_dict *, const char *key, const char *val,
		    size_t n);
void		 tmpl_set_int(struct tmpl_dict *, const char *key, long long);
/* One repetition of section per line of text (LF or CRLF; none for ""),
 * with key set to the line: line breaks shown without markup in the
 * text itself. */
void		 tmpl_lines(struct tmpl_dict *, const char *section,
		    const char *key, const char *text);
/*
 * The safe markup src (markup.h) rendered to HTML as key's value, which
 * the template writes as {{KEY:none}}: the one kind of value shown
 * unescaped, so the build allows ":none" only on names that end in
 * "_HTML", and only this function sets them.  heading is the level of a
 * "#" heading.  Returns the number of links refused.
 */
size_t		 tmpl_set_markup(struct tmpl_dict *, const char *key,
		    const char *src, int heading);
void		 tmpl_show(struct tmpl_dict *, const char *section);
/* Adds one repetition of section and returns its dictionary. */
struct tmpl_dict *tmpl_section(struct tmpl_dict *, const char *section);
/* {{>name}} in the template expands file with the returned dictionary. */
struct tmpl_dict *tmpl_include(struct tmpl_dict *, const char *name,
		    const char *file);
/* As tmpl_include(), but the dictionary already there when there is one
 * (*added 0): for an include that a page has at most once. */
struct tmpl_dict *tmpl_include_once(struct tmpl_dict *, const char *name,
		    const char *file, int *added);
/* Expands file (relative to root) into out (appended). */
enum weft_err	 tmpl_render(const struct tmpl_dict *, const char *file,
		    struct buf *out);

#endif
