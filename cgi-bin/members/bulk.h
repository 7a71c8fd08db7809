/*
 * The bulk actions family (docs/authorization.md rule 7): bulk.c reads the
 * batch from the form and shows the preview and the result; bulk_select.c
 * finds the accounts (the ids posted, or all matching the member list's
 * filter); bulk_run.c runs the batch, one account at a time, in one
 * transaction.  The bulk expiry of applications (applications.c) is one
 * more action of the same machinery, behind its own routes and
 * permission (member.approve).  Private to these files.
 */
#ifndef WEFT_MEMBERS_BULK_H
#define WEFT_MEMBERS_BULK_H

#include <stddef.h>

#include "members.h"

/* At most this many accounts in one batch: a preview must stay readable
 * and one transaction short. */
#define BULK_MAX	1000

enum bulk_action {
	BULK_APPROVE,
	BULK_UNAPPROVE,
	BULK_DISABLE,
	BULK_ENABLE,
	BULK_GRANT,
	BULK_REVOKE,
	/* applying -> disabled, for applications older than job->days
	 * (applications.c); not offered by the bulk form of the list. */
	BULK_EXPIRE,
	BULK__MAX
};

enum bulk_verdict {
	BULK_CHANGE,
	BULK_SAME,
	BULK_REFUSED,
	BULK_VERDICT__MAX
};

struct bulk_item {
	long long		 id;
	enum bulk_verdict	 verdict;
	const char		*why;	/* phrase key, or NULL */
	int			 known;	/* in scope: name may be shown */
	char			 username[33];
	char			 name[129];
	enum member_status	 status;	/* before the action */
};

struct bulk_job {
	enum bulk_action	 action;
	enum role		 role;		/* grant, revoke */
	struct scope		 scope;
	struct bulk_item	*items;		/* BULK_MAX of them */
	size_t			 n;
	int			 truncated;	/* more were asked for */
	long long		 days;		/* expire: older than */
	size_t			 count[BULK_VERDICT__MAX];
};

/* The list page's filters, as the list applies them. */
struct bulk_filter {
	const char	*status;	/* "" or a status key */
	const char	*role;		/* "" or a role key */
	long long	 community;	/* 0: any */
	int		 no_community;	/* f_community=none */
	char		 like[3 * 128 + 3];	/* "" or %q% escaped */
	long long	 org;		/* -1 any, 1 organisations only */
	long long	 optout;
	long long	 older_days;	/* 0: any age */
};

/* bulk_select.c: the accounts of the batch, each added once; beyond
 * BULK_MAX the batch is marked truncated. */
int		 bulk_ids_form(const struct request *, struct bulk_job *);
int		 bulk_filter_read(const struct request *, struct bulk_filter *);
enum weft_err	 bulk_all_matching(const struct request *, struct bulk_job *,
		    const struct bulk_filter *);

/* bulk_run.c: the batch, previewed (commit 0) or applied (commit 1). */
enum weft_err	 bulk_run(const struct request *, struct bulk_job *,
		    int commit);
/* The permission of the action's routes, held over each account beside
 * the action's own: member.bulk; member.approve for BULK_EXPIRE. */
enum perm	 bulk_route_perm(enum bulk_action);

/* bulk.c: for qsort(), the batch in id order, the one lock order of
 * every batch (bulk_run.c). */
int		 bulk_item_cmp(const void *, const void *);
/* bulk.c: runs the read batch (bulk_run, retried once on a deadlock) and
 * renders its preview (apply 0, whose confirm form posts to apply_path)
 * or its result; back is the page to go back to.  Frees nothing. */
int		 bulk_show(struct request *, struct bulk_job *, int apply,
		    const char *apply_path, const char *back);

#endif
