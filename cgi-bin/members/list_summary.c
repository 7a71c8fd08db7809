/*
 * The member list's filters in one line (filters.h, issue 18): what the
 * list shows, in the reader's words, above the folded filter form.
 */
#include <stdio.h>
#include <string.h>

#include "filters.h"
#include "i18n_conv.h"
#include "list.h"

/* "sorted by name", one phrase per sort column. */
static const char *const list_sort_phrases[LIST_SORT__MAX] = {
	[LIST_SORT_NAME] = N_("members.filters.sort_name"),
	[LIST_SORT_USERNAME] = N_("members.filters.sort_username"),
	[LIST_SORT_JOINED] = N_("members.filters.sort_joined"),
	[LIST_SORT_LOGIN] = N_("members.filters.sort_login"),
};

/* A date filter: phrase key with the date in the reader's order. */
static void
list_summary_date(struct filters *s, const char *lang, const char *key,
    const char *iso)
{
	char	 day[24];

	if (iso[0] == '\0')
		return;
	i18n_date(lang, iso, day, sizeof(day));
	filters_add_value(s, key, day);
}

/* The chosen items of the site's lists, each by its name. */
static enum weft_err
list_summary_lists(struct filters *s, const char *lang,
    const struct list_filter *f)
{
	char		 name[256];
	enum weft_err	 e;
	size_t		 i;

	for (i = 0; i < LISTS_MEMBER; i++) {
		if (f->lists[i] == 0)
			continue;
		if ((e = lists_name((enum list)i, f->lists[i], lang, name,
		    sizeof(name))) != WEFT_OK)
			return e;
		filters_add(s, name);
	}
	return WEFT_OK;
}

enum weft_err
members_list_summary(struct request *req, struct tmpl_dict *d,
    const struct list_filter *f, struct list_communities *c, int open)
{
	struct filters		 s;
	const char		*lang = app_lang(req), *name;
	enum member_status	 st;
	enum weft_err		 e;
	int			 k;

	filters_init(&s, lang);
	filters_add_value(&s, N_("members.filters.q"), f->q);
	if (f->status[0] && member_status_parse(f->status, &st) == 0)
		filters_add(&s, i18n_text(lang, member_status_title_keys[st]));
	if (f->community > 0) {
		if ((e = members_list_community_name(c, f->community,
		    &name)) != WEFT_OK)
			goto out;
		filters_add(&s, name);
	}
	for (k = 0; k < ROLE__MAX; k++)
		if (strcmp(f->role, role_keys[k]) == 0)
			filters_add_value(&s, N_("members.filters.role"),
			    i18n_text(lang, role_title_keys[k]));
	if (f->optout >= 0)
		filters_add(&s, i18n_text(lang, f->optout ?
		    N_("members.list.optout_yes") :
		    N_("members.list.optout_no")));
	if (f->org)
		filters_add(&s, i18n_text(lang, N_("members.list.org")));
	if ((e = list_summary_lists(&s, lang, f)) != WEFT_OK)
		goto out;
	list_summary_date(&s, lang, N_("members.filters.joined_from"),
	    f->joined_from);
	list_summary_date(&s, lang, N_("members.filters.joined_to"),
	    f->joined_to);
	if (f->login == LIST_LOGIN_NEVER)
		filters_add(&s, i18n_text(lang, N_("members.list.login_never")));
	else if (f->login == LIST_LOGIN_BEFORE)
		list_summary_date(&s, lang, N_("members.filters.login_before"),
		    f->login_date);
	else if (f->login == LIST_LOGIN_AFTER)
		list_summary_date(&s, lang, N_("members.filters.login_after"),
		    f->login_date);
	/* The order is always said; "every member" only when nothing
	 * else is. */
	if (s.n == 0)
		filters_add(&s, i18n_text(lang, N_("members.filters.all")));
	if (f->desc)
		filters_add_value(&s, N_("members.filters.desc"),
		    i18n_text(lang, list_sort_phrases[f->sort]));
	else
		filters_add(&s, i18n_text(lang, list_sort_phrases[f->sort]));
	e = WEFT_OK;
out:
	filters_show(&s, d, N_("members.filters.all"), open);
	return e;
}
