/*
 * English left in a template (docs/translations.md, "In templates"): a
 * template carries phrase keys, never words.  With every {{...}} tag and
 * every [[key]] marker taken out, a run of letters in the text between
 * HTML tags, or in an attribute a person reads (title, alt, placeholder,
 * aria-label, ..., the value of a submit button), is English that no
 * translator can reach.  Read by the build's check (tools/weft-phrases),
 * which warns, or with --strict fails, on each.
 */
#ifndef WEFT_TMPL_LINT_H
#define WEFT_TMPL_LINT_H

#include <stddef.h>

/*
 * Called for each piece found: line (from 1) of its first letter, where
 * ("text" or the attribute's name) and the piece itself (len bytes, its
 * blanks as they are).
 */
typedef void	(*tmpl_lint_fn)(void *ctx, unsigned line, const char *where,
		    const char *text, size_t len);

/* Every piece of words in the template text s (len bytes) to report();
 * returns how many.  -1 when memory runs out. */
long		 tmpl_lint_words(const char *s, size_t len, tmpl_lint_fn report,
		    void *ctx);

#endif
