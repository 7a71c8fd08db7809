/*
 * The members area (/members): the coordinator's work on member accounts
 * (seeds/004), with docs/authorization.md enforced on every request.  One
 * file per page family; the route table is main.c.  Shared here: the
 * member record, its scope, and loading the target of a /members/:id route
 * with the scope check of rule 2.
 */
#ifndef WEFT_MEMBERS_H
#define WEFT_MEMBERS_H

#include "app.h"
#include "auth.h"
#include "buf.h"
#include "i18n.h"
#include "lists.h"
#include "role.h"

struct member {
	long long		 id;
	char			 username[33];
	char			 name[129];
	char			 email[255];
	char			 phone[41];
	char			 address[256];
	char			 about[16384];	/* 4000 characters of UTF-8 */
	char			 lang[ROLE_LANG_MAX];
	enum member_status	 status;
	char			 profile_status[16];
	long long		 community;	/* 0: none */
	char			 community_name[129];
	int			 is_organisation;
	int			 optout;
	int			 angel_mode;
	char			 joined_at[20];	/* "YYYY-MM-DD HH:MM:SS" */
	char			 approved_at[20];	/* "" when never */
	char			 last_login_at[20];	/* "" when never */
	long long		 lists[LISTS_MEMBER];	/* lists.h; 0: none */
};

/* The coordinator-only profile status, as in 002_members.sql, and the
 * phrase of each. */
enum profile_pstatus {
	PSTATUS_NEW,
	PSTATUS_COMPLETE,
	PSTATUS_INCOMPLETE,
	PSTATUS_HIDDEN,
	PSTATUS__MAX
};
extern const char *const profile_pstatus_keys[PSTATUS__MAX];
extern const char *const profile_pstatus_labels[PSTATUS__MAX];

/* The scope an object of this member lies in: community:N, or site for a
 * member of no community (only site grants reach them). */
void		 member_scope(const struct member *, struct scope *out);
/* Loads a member; WEFT_ERR_NOTFOUND when there is none.  With for_update
 * the row is locked (inside the caller's transaction). */
enum weft_err	 member_load(long long id, int for_update, struct member *);

/*
 * The target of a /members/:id route (path parameter 0), checked against
 * perm in its scope (rule 2).  Returns 0 with *m filled, or the status to
 * answer.  Rule 1, no probing by id: a coordinator whose perm is not
 * site-wide gets the same 403 for a member out of scope and for no member
 * at all; only a site-wide holder learns 404.
 */
int		 members_target(struct request *, enum perm, struct member *m);
/* Like members_target, for another id (an angel, a manager). */
int		 members_target_id(struct request *, long long id, enum perm,
		    struct member *m);

/* Opens the transaction of a write on member id, re-reads the row FOR
 * UPDATE into *m and checks perm over its scope again: the member may
 * have moved to another community since members_target().  Returns 0
 * inside the transaction, or the status to answer (rolled back).
 * members_relock() is the same inside a transaction already open. */
int		 members_lock(struct request *, long long id, enum perm,
		    struct member *m);
int		 members_relock(struct request *, long long id, enum perm,
		    struct member *m);

/* Fills the page with the member's fields as the actor may see them:
 * contact fields (email, phone, address) only with member.contact over
 * the member's scope (rule 8); MEMBER_* variables and sections. */
void		 member_fill(struct tmpl_dict *, const struct request *,
		    const struct member *);
/* {"status":"approved","community":3,...}: the audit before/after. */
void		 member_json(struct buf *, const struct member *);


/*
 * The grants of a page's target member, read once however many parts of
 * the page need them (the profile's become and grants panels), and not
 * at all when none does.  member_grants_init() before the first
 * member_grants_get(), which reads them then; *out stays valid as long
 * as the struct.
 */
struct member_grants {
	long long	 member_id;
	int		 loaded;
	struct grants	 g;
};

void		 member_grants_init(struct member_grants *, long long id);
enum weft_err	 member_grants_get(struct member_grants *,
		    const struct grants **out);

/*
 * Rule 9 (docs/authorization.md), beside the scope that members_target()
 * checked: may the actor change m's account?  Every action that changes
 * another member's account asks this one function: the status actions
 * (status.c, bulk_run.c), the profile (profile_edit.c) and, as a
 * takeover (takeover 1), the password and the e-mail address.  *why is
 * ROLE_OK or the refusal to show (role_refusal_keys[]); tg holds m's
 * grants, read once for the page (NULL: read here).
 */
enum weft_err	 members_may_change(const struct request *,
		    const struct member *m, struct member_grants *tg,
		    int takeover, enum role_refusal *why);

/*
 * The form of the status panel a profile page answers again: a refused
 * approve, opt-out or community form re-renders the whole profile page
 * (members_profile) with status 422, that form filled with what was sent
 * and why it was refused.  STATUS_FORM_NONE for the plain page.
 */
enum status_form {
	STATUS_FORM_NONE,
	STATUS_FORM_APPROVE,
	STATUS_FORM_OPTOUT,
	STATUS_FORM_COMMUNITY,
	STATUS_FORM_REJECT,
	STATUS_FORM__MAX
};

/* The profile page of the member of path parameter 0 (members_show is
 * it with STATUS_FORM_NONE); returns as a handler does. */
int		 members_profile(struct request *, enum status_form redo);

/*
 * Panels of the profile page (members_profile in profile.c), each from
 * the family that owns the data: each adds an include dictionary named
 * NAME_PANEL (file members/<family>_panel.tpl) to the page when the actor
 * may see it, and fills it.  show.tpl has {{>NOTES_PANEL}} etc.  The
 * become and grants panels share the target's grants (tg); the status
 * panel offers its forms only when rule 9 lets the actor change the
 * account (change, members_may_change()'s answer), else says why.
 */
enum weft_err	 members_status_panel(struct tmpl_dict *, struct request *,
		    const struct member *, enum status_form redo,
		    enum role_refusal change);
				/* status.c: STATUS_PANEL, ACCESS_PANEL */
enum weft_err	 members_notes_panel(struct tmpl_dict *, struct request *,
		    const struct member *);	/* notes.c: NOTES_PANEL */
enum weft_err	 members_angels_panel(struct tmpl_dict *, struct request *,
		    const struct member *);	/* relations.c: ANGELS_PANEL */
enum weft_err	 members_become_panel(struct tmpl_dict *, struct request *,
		    const struct member *, struct member_grants *tg);
						/* become.c: BECOME_PANEL */
enum weft_err	 members_grants_panel(struct tmpl_dict *, struct request *,
		    const struct member *, struct member_grants *tg);
						/* grants.c: GRANTS_PANEL */
enum weft_err	 members_application_panel(struct tmpl_dict *,
		    struct request *, const struct member *);
				/* application.c: APPLICATION_PANEL */

/*
 * The end of an application that was not approved (application.c;
 * sql/030_application_rejections.sql): member id's row of
 * member_rejections, kind "rejected" (by the actor, with reason) or
 * "expired", mailed when the applicant was told.  Inside the caller's
 * transaction, beside the status change and the audit row.
 */
enum weft_err	 members_rejection_write(const struct request *,
		    long long id, const char *kind, const char *reason,
		    int mailed);

/* A grant's scope in words, as sections of d: SITE; COMMUNITY with
 * COMMUNITY_NAME; LANGUAGE with LANG (grants.c). */
enum weft_err	 members_scope_words(struct tmpl_dict *d,
		    const struct scope *s);

/* Handlers, one page family per file. */
int	 members_list(struct request *);		/* list.c */
int	 members_export(struct request *);		/* list.c */
int	 members_dashboard(struct request *);		/* dashboard.c */
int	 members_invitations(struct request *);		/* invitations.c */
int	 members_invite(struct request *);		/* invitations.c */
int	 members_invitation_revoke(struct request *);	/* invitations.c */
int	 members_matrix(struct request *);		/* matrix.c */
int	 members_new_form(struct request *);		/* profile_new.c */
int	 members_new(struct request *);			/* profile_new.c */
int	 members_show(struct request *);		/* profile.c */
int	 members_edit_form(struct request *);		/* profile_edit.c */
int	 members_edit(struct request *);		/* profile_edit.c */
int	 members_password(struct request *);		/* profile_password.c */
int	 members_approve(struct request *);		/* status.c */
int	 members_unapprove(struct request *);		/* status.c */
int	 members_reject(struct request *);		/* status.c */
int	 members_applications(struct request *);	/* applications.c */
int	 members_expire_preview(struct request *);	/* applications.c */
int	 members_expire_apply(struct request *);	/* applications.c */
int	 members_disable(struct request *);		/* status.c */
int	 members_enable(struct request *);		/* status.c */
int	 members_optout(struct request *);		/* status.c */
int	 members_set_community(struct request *);	/* status.c */
int	 members_notes(struct request *);		/* notes.c */
int	 members_note_add(struct request *);		/* notes.c */
int	 members_note_edit(struct request *);		/* notes.c */
int	 members_angel_add(struct request *);		/* relations.c */
int	 members_angel_remove(struct request *);	/* relations.c */
int	 members_angel_mode(struct request *);		/* relations.c */
int	 members_manager_add(struct request *);		/* relations.c */
int	 members_manager_remove(struct request *);	/* relations.c */
int	 members_communities(struct request *);		/* communities.c */
int	 members_community_add(struct request *);	/* communities.c */
int	 members_become(struct request *);		/* become.c */
int	 members_become_return(struct request *);	/* become.c */
int	 members_grants(struct request *);		/* grants.c */
int	 members_grant_add(struct request *);		/* grants.c */
int	 members_grant_remove(struct request *);	/* grants.c */
int	 members_audit(struct request *);		/* audit_log.c */
int	 members_bulk_preview(struct request *);	/* bulk.c */
int	 members_bulk_apply(struct request *);		/* bulk.c */
int	 members_talents(struct request *);		/* talents.c */
int	 members_talent_add(struct request *);		/* talents.c */
int	 members_talent_update(struct request *);	/* talents.c */
int	 members_talent_remove(struct request *);	/* talents.c */

#endif
