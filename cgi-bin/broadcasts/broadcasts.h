/*
 * The broadcasts area (/broadcasts; docs/broadcasts.md): coordinators'
 * mailings to members (broadcast.send) and the coordinators' mailing
 * list (broadcast.coordinators).  A broadcast is a row of broadcasts with
 * a text per language (broadcast_texts); sending it is one INSERT ...
 * SELECT into the outbox (common/outbox.h), which weft-mailer delivers.
 * A broadcast's scope is its community (NULL: the whole timebank, site
 * grants only): rule 2 of docs/authorization.md, checked by bc_target().
 * One file per page family; the route table is main.c.
 */
#ifndef WEFT_BROADCASTS_H
#define WEFT_BROADCASTS_H

#include "app.h"
#include "buf.h"
#include "form.h"

#define BC_SUBJECT_MAX	200	/* characters */
#define BC_BODY_MAX	20000
#define BC_SCOPE_MAX	16	/* community placeholders of the history */
#define BC_LIST_MAX	500	/* recipients shown before sending */
#define BC_PER_PAGE	50	/* broadcasts per page of the history */

enum bc_kind {
	BC_KIND_MEMBERS,
	BC_KIND_COORDINATORS,
	BC_KIND__MAX
};

enum bc_state {
	BC_DRAFT,
	BC_SCHEDULED,
	BC_SENT,
	BC_STATE__MAX
};

extern const char *const bc_kind_keys[BC_KIND__MAX];
extern const char *const bc_state_keys[BC_STATE__MAX];
/* The audience filters' choices: status, organisation. */
extern const char *const bc_status_keys[2];	/* approved, applying */
extern const char *const bc_org_keys[2];	/* orgs, people */

/*
 * The audience of a members' broadcast, read from its own row (the
 * filters of the member list): never a disabled member, never one whose
 * opt-out is not the first parameter (0: the audience; 1: who it leaves
 * out for their opt-out), only the broadcast's community when it has
 * one.  Parameters: optout, the broadcast's id.  Joined as "b" and "m".
 */
#define BC_AUDIENCE_MEMBERS						\
	"JOIN members m ON m.status <> 'disabled' AND m.optout = ? "	\
	"AND (b.community_id IS NULL OR m.community_id = b.community_id) " \
	"AND (b.f_status = '' OR m.status = b.f_status) "		\
	"AND (b.f_lang = '' OR m.lang = b.f_lang) "			\
	"AND (b.f_org = 0 OR m.is_organisation = (b.f_org = 1)) "	\
	"AND (b.f_joined_from IS NULL OR m.joined_at >= b.f_joined_from) " \
	"AND (b.f_joined_to IS NULL "					\
	"OR m.joined_at < b.f_joined_to + INTERVAL 1 DAY) "		\
	"AND (b.f_role = '' OR EXISTS (SELECT 1 FROM grants r "		\
	"WHERE r.member_id = m.id AND r.role = b.f_role)) "
#define BC_AUDIENCE							\
	"FROM broadcasts b " BC_AUDIENCE_MEMBERS			\
	"WHERE b.id = ? AND b.kind = 'members' "
/*
 * The coordinators' mailing list (docs/authorization.md, "Decisions for
 * the areas still to build": the coordinators whose scope meets the
 * writer's): approved members other than the writer holding a grant (of
 * role f_role, when set) whose scope is the whole timebank, or the
 * broadcast's community; every grant when the broadcast is the whole
 * timebank's.  Parameter: the broadcast's id.
 */
#define BC_COORDINATORS_MEMBERS						\
	"JOIN members m ON m.status = 'approved' "			\
	"AND m.id <> b.created_by AND EXISTS (SELECT 1 FROM grants g "	\
	"WHERE g.member_id = m.id AND (b.f_role = '' OR g.role = b.f_role) " \
	"AND (b.community_id IS NULL OR g.scope_kind = 'site' "		\
	"OR (g.scope_kind = 'community' "				\
	"AND g.community_id = b.community_id))) "
#define BC_COORDINATORS							\
	"FROM broadcasts b " BC_COORDINATORS_MEMBERS			\
	"WHERE b.id = ? AND b.kind = 'coordinators' "

/* The send of a coordinators' message (send.c): parameters the
 * Message-ID's domain and the broadcast's id. */
extern const char bc_sql_queue_coord[];

/* A broadcast as loaded (its primary text too). */
struct bc {
	long long	 id;
	enum bc_kind	 kind;
	enum bc_state	 state;
	long long	 community;	/* 0: the whole timebank */
	char		 lang[16];
	char		 f_status[16];
	char		 f_role[16];
	char		 f_lang[16];
	int		 f_org;		/* 0 any, 1 orgs only, 2 people */
	char		 f_joined_from[11];
	char		 f_joined_to[11];
	char		 scheduled_at[20];	/* "" when none */
	int		 due;		/* scheduled and its time has come */
	char		 sent_at[20];
	long long	 recipients;
	long long	 created_by;
	char		 author[128];
	char		 created_at[20];
	char		 subject[BC_SUBJECT_MAX * 4 + 1];
};

/*
 * The broadcast of path parameter 0 that the actor may work on under
 * perm (broadcast.send; broadcast.coordinators for the coordinators'
 * list), into *b: 0, or the status to answer (rule 1: 404 only to whom
 * holds the permission site-wide, else 403; rule 2: its community).
 * for_update locks the row (inside the caller's transaction).
 */
int		 bc_target(struct request *, int for_update, struct bc *b);
enum weft_err	 bc_load(long long id, int for_update, struct bc *b);
/* The permission a broadcast of kind is worked on under. */
enum perm	 bc_perm(enum bc_kind);
/* May the actor reach community (0: the whole timebank) under perm? */
int		 bc_reach(const struct request *, enum perm, long long community);
/* The <select> of the communities the actor may address under perm
 * (COMMUNITY_OPTION; ALL_COMMUNITIES when the whole timebank is
 * theirs), selected the chosen one. */
enum weft_err	 bc_community_options(struct request *, struct tmpl_dict *,
		    enum perm, long long selected);
/* The community's name into out ("" for 0 or none). */
enum weft_err	 bc_community_name(long long id, char *out, size_t len);
/* How many the broadcast reaches (optout 0), or leaves out for their
 * opt-out (1: members' broadcasts only; 0 for the coordinators'). */
enum weft_err	 bc_audience_count(const struct bc *, int optout,
		    long long *n);
/* body rendered to plain text into out (appended): the mail's body.
 * Returns the number of links refused for their address. */
size_t		 bc_body_text(struct buf *out, const char *body);
/* The merge fields of docs/broadcasts.md filled for one member (the
 * preview and the test send: the send fills them in SQL). */
void		 bc_merge(struct buf *out, const char *text, const char *name,
		    const char *username);
/* The merge fields' names for the hint of a form's message: its phrase
 * takes them as values, so that no translation can change them. */
void		 bc_merge_hint(struct tmpl_dict *);
/* Is s a time of day "HH:MM", 00:00 .. 23:59? */
int		 bc_time_ok(const char *s);
/* Was the form's "confirm" box ticked (deleting a draft, an alert, an
 * event)?  A form sent without it deletes nothing. */
int		 bc_confirmed(struct request *);
/* The broadcast's row and texts as JSON, for the audit. */
void		 bc_json(struct buf *, const struct bc *);
/* The audience's <select>s and dates of the compose form, chosen as b's
 * filters (the community under perm). */
enum weft_err	 bc_audience_fill(struct request *, struct tmpl_dict *,
		    const struct bc *b, enum perm perm);
/* The label of b's audience ("approved members of North, in Spanish")
 * as lines of AUDIENCE_TERM for the show page. */
enum weft_err	 bc_audience_terms(struct request *, struct tmpl_dict *,
		    const struct bc *b);

/* Handlers (routes.def). */
int		 bc_history(struct request *);
int		 bc_new_form(struct request *);
int		 bc_new(struct request *);
int		 bc_show(struct request *);
int		 bc_edit_form(struct request *);
int		 bc_edit(struct request *);
int		 bc_recipients(struct request *);
int		 bc_test(struct request *);
int		 bc_send(struct request *);
int		 bc_cancel(struct request *);
int		 bc_resend(struct request *);
int		 bc_copy(struct request *);
int		 bc_delete(struct request *);
int		 bc_coord_form(struct request *);
int		 bc_coord_send(struct request *);
int		 al_list(struct request *);
int		 al_new_form(struct request *);
int		 al_new(struct request *);
int		 al_edit_form(struct request *);
int		 al_edit(struct request *);
int		 al_delete(struct request *);
int		 al_dismiss(struct request *);
int		 ev_list(struct request *);
int		 ev_month(struct request *);
int		 ev_show(struct request *);
int		 ev_new_form(struct request *);
int		 ev_new(struct request *);
int		 ev_edit_form(struct request *);
int		 ev_edit(struct request *);
int		 ev_delete(struct request *);
int		 ct_pages(struct request *);
int		 ct_page_show(struct request *);
int		 ct_news(struct request *);
int		 ct_links(struct request *);
int		 ct_new_form(struct request *);
int		 ct_new(struct request *);
int		 ct_edit_form(struct request *);
int		 ct_edit(struct request *);
int		 ct_delete(struct request *);

#endif
