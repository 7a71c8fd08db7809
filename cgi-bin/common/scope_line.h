/*
 * The line above a page of figures that says what they cover: the whole
 * timebank, or the names of the viewer's Community Timebanks (the scope
 * of their grants, docs/authorization.md rule 2).  The coordinators'
 * dashboard (members/dashboard.c) and the reports (exchanges/reports.c)
 * show it; each template words it with its own phrases.
 */
#ifndef WEFT_SCOPE_LINE_H
#define WEFT_SCOPE_LINE_H

#include <stddef.h>

#include "err.h"
#include "tmpl.h"

/*
 * Shows SCOPE_SITE in d when site is set; else sets COMMUNITIES in the
 * section SCOPE_SOME to the names of communities ids[0..n), by name,
 * comma-separated (one value, so that the sentence around it is one
 * phrase).  Shows SCOPE_TRUNCATED too when truncated is set.  Returns
 * WEFT_OK or the database's or memory's error.
 */
enum weft_err	 scope_line_fill(struct tmpl_dict *d, int site,
		    const long long *ids, size_t n, int truncated);

#endif
