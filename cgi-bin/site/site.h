/*
 * The site area (/site; docs/site.md): the site settings of the
 * registry (settings.h) on one page built from settings_defs[], each
 * setting's versions with "restore this version"; the timebank's lists
 * (lists.h).  Admins with site
 * scope only: site.config exists only at site scope
 * (docs/authorization.md, "Decisions"); a community-scoped admin is
 * refused like any other coordinator.
 */
#ifndef WEFT_SITE_H
#define WEFT_SITE_H

#include "app.h"
#include "lists.h"
#include "settings.h"

/* 0 when the actor holds site.config site-wide, else 403. */
int		 site_guard(const struct request *);

/* A stored value of setting id as the reader reads it, into out: hours
 * in their way, a choice's label, "(the default)" for NULL. */
void		 site_value_show(const char *lang, enum setting id,
		    const char *value, char *out, size_t len);

int		 site_settings_page(struct request *);
int		 site_settings_save(struct request *);
int		 site_setting_history(struct request *);
int		 site_setting_restore(struct request *);

/* The list of path parameter i: 0, or 404. */
int		 site_list_of(const struct request *, size_t i, enum list *);

int		 site_lists(struct request *);
int		 site_list(struct request *);
int		 site_list_new_form(struct request *);
int		 site_list_add(struct request *);
int		 site_list_item(struct request *);
int		 site_list_item_save(struct request *);
int		 site_list_item_name(struct request *);
int		 site_list_item_move(struct request *);
int		 site_list_item_delete(struct request *);

int		 site_pages(struct request *);
int		 site_page(struct request *);
int		 site_page_save(struct request *);
int		 site_page_restore(struct request *);
int		 site_page_new(struct request *);

#endif
