/*
 * Talents (issue 17; sql/044_talents.sql): the skills a member offers,
 * each an ad category (lists.h, LIST_CATEGORY), free text, or both.  One
 * page family serves the member's own list (/me/talents, account area)
 * and a coordinator's view of a member's (/members/:id/talents, members
 * area, ad.edit to add and change, ad.delete to remove, in the member's
 * scope): the caller checks who may reach the page and names the target;
 * this module validates, writes and audits.  A change made for someone
 * else (a coordinator, "become") has its audit row in the same
 * transaction (docs/authorization.md rules 5 and 6).
 */
#ifndef WEFT_TALENTS_H
#define WEFT_TALENTS_H

#include "app.h"
#include "err.h"
#include "tmpl.h"

#define TALENTS_MAX		30	/* per member */
#define TALENTS_TEXT_MAX	120	/* characters */

/* Whose talents a page shows, and what the viewer may do with them. */
struct talents_target {
	long long	 member;
	char		 name[129];
	long long	 community;	/* 0: none; the audit rows' */
	char		 base[48];	/* "/me/talents", "/members/7/talents" */
	int		 self;		/* the member's own page */
	int		 may_edit;	/* add and change */
	int		 may_delete;
};

/* GET base: the page of t's talents, with the add form and, per talent,
 * the change and remove forms the viewer may use.  Returns 0 or a
 * status. */
int		 talents_page(struct request *, const struct talents_target *);
/* POST base: a new talent (422: the page again, input kept). */
int		 talents_add(struct request *, const struct talents_target *);
/* POST base/:talent (path parameter i): the talent changed. */
int		 talents_update(struct request *, const struct talents_target *,
		    size_t i);
/* POST base/:talent/remove (path parameter i). */
int		 talents_remove(struct request *, const struct talents_target *,
		    size_t i);

/* Member's talents, for a profile: TALENT (CATEGORY, TEXT) sections of
 * section (shown when there is one), named in lang; *n how many. */
enum weft_err	 talents_show(struct tmpl_dict *, const char *section,
		    long long member, const char *lang, size_t *n);

#endif
