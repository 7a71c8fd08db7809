/*
 * weft's safe markup: what coordinators write for special pages, pages,
 * news and broadcasts, rendered by weft to HTML (or to plain text for
 * mail).  Never raw HTML from a form: every byte of the source comes out
 * escaped, or as one of the few tags the renderer itself writes
 * (docs/architecture.md, "Safe markup").
 *
 * The source, line by line (LF or CRLF):
 *
 *	a blank line		ends a paragraph or a list
 *	# Title			a heading; "##" and "###" are lower ones
 *	- item, * item		an item of a bulleted list
 *	1. item, 1) item	an item of a numbered list
 *	other text		a paragraph; the lines of a paragraph or of a
 *				list item keep their line breaks (<br>)
 *
 * and within a line:
 *
 *	*emphasis*  **strong**  ***both***
 *	[the text](https://example.org/)   links: http, https and mailto only
 *	\*  \[  \\  ...		a backslash before punctuation writes it as is
 *
 * Emphasis opens before a non-blank and closes after one, on the same
 * line; a marker with no partner is text ("5 * 3").  A link whose
 * address is of another scheme, or is not one (spaces, quotes, angle
 * brackets, parentheses, controls), is written as its text alone, and
 * counted, so that a form can say so.  Text that is not UTF-8 becomes
 * U+FFFD; control characters are dropped, tabs become spaces.
 *
 * HTML out: <p>, <h1>..<h6>, <ul>, <ol>, <li>, <em>, <strong>, <br>,
 * <a href="...">, each on the shape tests/fuzz/fuzz_markup.c checks, and
 * text with & < > " ' as entities.
 */
#ifndef WEFT_MARKUP_H
#define WEFT_MARKUP_H

#include <stddef.h>

#include "buf.h"

enum markup_format {
	MARKUP_HTML,
	MARKUP_TEXT,	/* plain text: a mail's body, an excerpt */
	MARKUP_FORMAT__MAX
};

/* The longest link text and address read as a link (bytes). */
#define MARKUP_LINK_TEXT_MAX	512
#define MARKUP_URL_MAX		2048

/*
 * Renders the len bytes of src (NUL not needed, and not special) into out,
 * appended, as format.  heading is the level of a "#" heading in HTML
 * (2: "#" is <h2>, "##" <h3>; at most 6, at least 1).  Returns the number
 * of links refused for their address.  out may have failed (buf.h).
 */
size_t		 markup_render(struct buf *out, enum markup_format format,
		    const char *src, size_t len, int heading);

/* Is url[0..len) an address a link may have: http:// or https:// and a
 * host, or mailto: and an address with '@'; printable ASCII without
 * blanks, quotes, angle brackets, parentheses, backslash or backtick. */
int		 markup_url_ok(const char *url, size_t len);

#endif
