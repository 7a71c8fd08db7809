/*
 * Bar charts as inline SVG (chart.h): one slot per bar across a fixed
 * view box, scaled by the browser to the page's width.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "util.h"

/* The geometry, in SVG user units. */
#define CHART_W		640
#define CHART_H		260
#define CHART_LEFT	16
#define CHART_TOP	24
#define CHART_PLOT_H	180

struct chart_bar *
chart_add(struct chart *c, const char *label, const char *shown,
    long long value)
{
	struct chart_bar	*b;

	if (c->n >= CHART_BARS_MAX)
		return NULL;
	b = &c->bar[c->n++];
	util_copy(b->label, sizeof(b->label), label);
	util_copy(b->shown, sizeof(b->shown), shown);
	b->value = value;
	b->sub[0] = b->key[0] = b->desc[0] = '\0';
	return b;
}

enum weft_err
chart_fill(struct tmpl_dict *page, const struct chart *c, const char *title)
{
	struct tmpl_dict	*d, *b, *s;
	struct buf		 desc;
	long long		 max = 0, h;
	int			 slot, w, i;
	enum weft_err		 e;

	if ((d = tmpl_include(page, "CHART", "chart.tpl")) == NULL)
		return WEFT_ERR_NOMEM;
	for (i = 0; i < (int)c->n; i++)
		if (c->bar[i].value > max)
			max = c->bar[i].value;
	slot = c->n > 0 ? (CHART_W - 2 * CHART_LEFT) / (int)c->n : 0;
	w = slot * 2 / 3;
	buf_init(&desc);
	for (i = 0; i < (int)c->n; i++) {
		h = max > 0 && c->bar[i].value > 0 ?
		    c->bar[i].value * CHART_PLOT_H / max : 0;
		if (c->bar[i].value > 0 && h < 2)
			h = 2;
		b = tmpl_section(d, "BAR");
		tmpl_set_int(b, "X", CHART_LEFT + i * slot + (slot - w) / 2);
		tmpl_set_int(b, "Y", CHART_TOP + CHART_PLOT_H - h);
		tmpl_set_int(b, "W", w);
		tmpl_set_int(b, "H", h);
		tmpl_set_int(b, "CX", CHART_LEFT + i * slot + slot / 2);
		tmpl_set_int(b, "VY", CHART_TOP + CHART_PLOT_H - h - 4);
		tmpl_set_int(b, "LY", CHART_TOP + CHART_PLOT_H + 16);
		tmpl_set(b, "LABEL", c->bar[i].label);
		tmpl_set(b, "SHOWN", c->bar[i].shown);
		tmpl_set(b, "KEY", c->bar[i].key[0] != '\0' ?
		    c->bar[i].key : c->bar[i].label);
		if (c->bar[i].sub[0] != '\0') {
			s = tmpl_section(b, "SUB");
			tmpl_set_int(s, "SY", CHART_TOP + CHART_PLOT_H + 30);
			tmpl_set(s, "SUB", c->bar[i].sub);
		}
		if (i > 0)
			buf_puts(&desc, "; ");
		if (c->bar[i].desc[0] != '\0')
			buf_puts(&desc, c->bar[i].desc);
		else
			buf_printf(&desc, "%s%s%s: %s", c->bar[i].label,
			    c->bar[i].sub[0] != '\0' ? " " : "",
			    c->bar[i].sub, c->bar[i].shown);
	}
	if (c->caption != NULL)
		tmpl_set(tmpl_section(d, "CAPTION"), "TEXT", c->caption);
	tmpl_set(d, "ID", c->id != NULL ? c->id : "chart");
	tmpl_set(d, "TITLE", title);
	tmpl_set(d, "DESC", desc.p != NULL ? desc.p : "");
	tmpl_set_int(d, "CHART_W", CHART_W);
	tmpl_set_int(d, "CHART_H", CHART_H);
	tmpl_set_int(d, "AXIS_Y", CHART_TOP + CHART_PLOT_H);
	tmpl_set_int(d, "AXIS_X1", CHART_LEFT);
	tmpl_set_int(d, "AXIS_X2", CHART_W - CHART_LEFT);
	/* Labels are short but many: smaller type past twelve bars. */
	tmpl_set_int(d, "FONT", c->n > 12 ? 9 : 12);
	e = buf_failed(&desc) ? WEFT_ERR_NOMEM : WEFT_OK;
	buf_free(&desc);
	return e;
}
