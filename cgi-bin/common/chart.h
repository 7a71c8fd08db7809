/*
 * Server-rendered bar charts (inline SVG, no script: the CSP allows
 * none), for the coordinators' dashboard's new accounts per month
 * (members/dashboard.c) and the reports (issue 17): the caller gives
 * labels and values, the template draws templates/chart.tpl's
 * rectangles and texts.  Bars are scaled to the
 * largest value; a value above zero is never drawn invisible.
 */
#ifndef WEFT_CHART_H
#define WEFT_CHART_H

#include <stddef.h>

#include "err.h"
#include "tmpl.h"

#define CHART_BARS_MAX		24
#define CHART_LABEL_LEN		40
#define CHART_DESC_LEN		120

struct chart_bar {
	char		 label[CHART_LABEL_LEN];	/* under the bar */
	char		 shown[CHART_LABEL_LEN];	/* above it: the value
							   as the reader
							   writes it */
	long long	 value;				/* its height */
	/* Optional, "" for none: a second line under the label (the
	 * year under a month), the bar's data-key for tests and styles
	 * (else the label), and its text for screen readers (else
	 * "label sub: shown"). */
	char		 sub[CHART_LABEL_LEN];
	char		 key[CHART_LABEL_LEN];
	char		 desc[CHART_DESC_LEN];
};

struct chart {
	struct chart_bar	 bar[CHART_BARS_MAX];
	size_t			 n;
	const char		*caption;	/* under it; NULL: none */
	const char		*id;		/* its element ids' start, unique
						   on the page; NULL: "chart" */
};

/* A bar more, when there is room; returns it (sub, key and desc empty),
 * or NULL when full. */
struct chart_bar *chart_add(struct chart *, const char *label,
		    const char *shown, long long value);
/*
 * Includes templates/chart.tpl as CHART into page: its title (text, not
 * markup), the bars, the caption, and the text for screen readers
 * (every bar's desc, or label, sub and value, in <desc>, joined by "; ").  Returns WEFT_OK or WEFT_ERR_NOMEM.
 */
enum weft_err	 chart_fill(struct tmpl_dict *page, const struct chart *,
		    const char *title);

#endif
