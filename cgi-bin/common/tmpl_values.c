/*
 * Values made of other values, over tmpl.h: what needs no ctemplate of
 * its own stays out of the shim.
 */
#include <string.h>

#include "buf.h"
#include "markup.h"
#include "tmpl.h"

void
tmpl_set_int(struct tmpl_dict *d, const char *key, long long v)
{
	char			 buf[24], *p = buf + sizeof(buf);
	unsigned long long	 u = (unsigned long long)v;

	/* The decimal digits, without printf's parsing of a format. */
	*--p = '\0';
	if (v < 0)
		u = 0ull - u;
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	tmpl_set(d, key, p);
}

void
tmpl_lines(struct tmpl_dict *d, const char *section, const char *key,
    const char *text)
{
	const char	*p = text != NULL ? text : "", *nl;
	size_t		 n;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		tmpl_set_n(tmpl_section(d, section), key, p, n);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

size_t
tmpl_set_markup(struct tmpl_dict *d, const char *key, const char *src,
    int heading)
{
	struct buf	 b;
	size_t		 refused;

	buf_init(&b);
	refused = markup_render(&b, MARKUP_HTML, src, src != NULL ?
	    strlen(src) : 0, heading);
	/* Out of memory: nothing rather than half a page. */
	if (buf_failed(&b) || b.p == NULL)
		tmpl_set(d, key, "");
	else
		tmpl_set_n(d, key, b.p, b.len);
	buf_free(&b);
	return refused;
}
