/*
 * The navigation of every page: the bar and the two coordinator menus,
 * "+" and the gear, as <details> (no script).  Entries are the routes of
 * every area that carry APP_NAV() (app_areas[], built from each area's
 * routes.def), each shown only where app_access() lets the viewer in:
 * the menus and the guard cannot disagree.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "log.h"
#include "util.h"

#define APP_NAV_MAX	64	/* entries over all areas */
#define APP_MENU_GROUPS	3

/* The coordinator menus and the groups of each, in order; a group is a
 * place of enum app_menu.  A menu without a visible entry is not shown. */
static const struct app_menu_def {
	const char	*id;		/* class and id stem */
	const char	*icon;		/* decoration: the label names it */
	const char	*label;
	enum app_menu	 groups[APP_MENU_GROUPS];	/* 0 ends */
} app_menus[] = {
	{ "add", "+", N_("nav.menu.add"), { APP_MENU_ADD } },
	{ "manage", "\xe2\x9a\x99", N_("nav.menu.manage"),	/* U+2699 gear */
	    { APP_MENU_REPORTS, APP_MENU_CONTENT, APP_MENU_SITE } },
};

/* A group's id stem and heading; none for a menu of one group. */
static const struct app_group_def {
	const char	*id;
	const char	*heading;
} app_groups[APP_MENU__MAX] = {
	[APP_MENU_REPORTS] = { "reports", N_("nav.group.reports") },
	[APP_MENU_CONTENT] = { "content", N_("nav.group.content") },
	[APP_MENU_SITE] = { "site", N_("nav.group.site") },
};

/* The entries in display order: by place, rank, then area and row. */
static struct app_nav_entry {
	const struct route	*r;
	size_t			 area, row;
} app_nav_entries[APP_NAV_MAX];
static size_t	 app_nav_n;
static int	 app_nav_ready;

static int
app_nav_cmp(const void *x, const void *y)
{
	const struct app_nav_entry	*a = x, *b = y;

	if (a->r->nav.menu != b->r->nav.menu)
		return a->r->nav.menu < b->r->nav.menu ? -1 : 1;
	if (a->r->nav.order != b->r->nav.order)
		return a->r->nav.order < b->r->nav.order ? -1 : 1;
	if (a->area != b->area)
		return a->area < b->area ? -1 : 1;
	return a->row < b->row ? -1 : a->row > b->row;
}

/* A navigation entry is a page to open: a GET route without ":x". */
static int
app_nav_ok(const struct route *r)
{
	return r->method == HTTP_GET && strchr(r->pattern, ':') == NULL &&
	    (unsigned)r->nav.menu < APP_MENU__MAX && r->nav.label != NULL;
}

/* Collects and sorts the entries, once per process. */
static void
app_nav_init(void)
{
	const struct route	*r;
	size_t			 i, j;

	app_nav_ready = 1;
	for (i = 0; i < app_nareas; i++)
		for (j = 0; j < app_areas[i].nroutes; j++) {
			r = &app_areas[i].routes[j];
			if (r->nav.menu == APP_MENU_NONE)
				continue;
			if (!app_nav_ok(r) || app_nav_n == APP_NAV_MAX) {
				log_msg(LOGL_ERROR, "nav: %s %s left out",
				    app_areas[i].name, r->pattern);
				continue;
			}
			app_nav_entries[app_nav_n].r = r;
			app_nav_entries[app_nav_n].area = i;
			app_nav_entries[app_nav_n++].row = j;
		}
	qsort(app_nav_entries, app_nav_n, sizeof(app_nav_entries[0]),
	    app_nav_cmp);
}

size_t
app_nav_visible(const struct actor *a, enum app_menu place,
    const struct route **out, size_t max)
{
	const struct route	*r;
	size_t			 i, n = 0;

	if (!app_nav_ready)
		app_nav_init();
	for (i = 0; i < app_nav_n && n < max; i++) {
		r = app_nav_entries[i].r;
		if (r->nav.menu == place &&
		    app_access(a, r->access, r->perm) == APP_ALLOW &&
		    app_feature_on(r->feature))
			out[n++] = r;
	}
	return n;
}

/* One repetition of section per entry: HREF, LABEL, CURRENT. */
static void
app_nav_items(struct request *req, struct tmpl_dict *d, const char *section,
    const struct route *const *e, size_t n)
{
	struct tmpl_dict	*s;
	size_t			 i;

	for (i = 0; i < n; i++) {
		s = tmpl_section(d, section);
		tmpl_set(s, "HREF", e[i]->pattern);
		tmpl_set(s, "LABEL", app_text(req, e[i]->nav.label));
		if (req->path != NULL && strcmp(req->path, e[i]->pattern) == 0)
			tmpl_show(s, "CURRENT");
	}
}

/* A coordinator menu (MENU: ID, ICON, LABEL) with its groups (GROUP:
 * GROUP_ID, HEADING: TEXT, LABELLED, ITEM). */
static void
app_nav_menu(struct request *req, struct tmpl_dict *d,
    const struct app_menu_def *m)
{
	const struct route	*e[APP_MENU_GROUPS][APP_NAV_MAX];
	size_t			 n[APP_MENU_GROUPS], i, total = 0;
	struct tmpl_dict	*s, *g;
	enum app_menu		 p;

	for (i = 0; i < APP_MENU_GROUPS; i++) {
		n[i] = m->groups[i] == APP_MENU_NONE ? 0 : app_nav_visible(
		    &req->actor, m->groups[i], e[i], APP_NAV_MAX);
		total += n[i];
	}
	if (total == 0)
		return;
	s = tmpl_section(d, "MENU");
	tmpl_set(s, "ID", m->id);
	tmpl_set(s, "ICON", m->icon);
	tmpl_set(s, "LABEL", app_text(req, m->label));
	for (i = 0; i < APP_MENU_GROUPS; i++) {
		if (n[i] == 0)
			continue;
		p = m->groups[i];
		g = tmpl_section(s, "GROUP");
		if (app_groups[p].heading != NULL) {
			tmpl_set(g, "GROUP_ID", app_groups[p].id);
			tmpl_set(tmpl_section(g, "HEADING"), "TEXT",
			    app_text(req, app_groups[p].heading));
			tmpl_show(g, "LABELLED");
		}
		app_nav_items(req, g, "ITEM", e[i], n[i]);
	}
}

void
app_nav_fill(struct request *req, struct tmpl_dict *d)
{
	const struct route	*e[APP_NAV_MAX];
	size_t			 i, n;

	n = app_nav_visible(&req->actor, APP_MENU_BAR, e, APP_NAV_MAX);
	app_nav_items(req, d, "NAV", e, n);
	for (i = 0; i < NELEM(app_menus); i++)
		app_nav_menu(req, d, &app_menus[i]);
}
