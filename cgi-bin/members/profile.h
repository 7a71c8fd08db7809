/*
 * What the files of a member's profile share (profile.c: the page, the
 * language select, the phrases; profile_edit.c: editing;
 * profile_password.c: setting the password; profile_new.c: adding a
 * member).  Private to the members area.
 */
#ifndef WEFT_MEMBERS_PROFILE_H
#define WEFT_MEMBERS_PROFILE_H

#include "members.h"


/* The edit page (its two forms: the profile and the password) of the
 * path's member, checked for member.edit (members_target) and rule 9
 * (members_may_change: no page when the profile may not be changed; no
 * password form when the account may not be taken over), with the stored
 * values in the profile form: 0 with *m and *d, else -1 with *st the
 * answer (a refusal says why). */
int		 profile_edit_stored(struct request *, struct member *m,
		    struct tmpl_dict **d, int *st);

/* The community select of a form that adds someone (member.add): the
 * communities the actor's grants cover (COMMUNITY_OPTION, comm
 * selected), and "none" for site holders (COMMUNITY_NONE, else
 * COMMUNITY_CHOOSE). */
enum weft_err	 members_add_communities(struct request *,
		    struct tmpl_dict *, const char *comm);
/* Is the community field v one the actor may add someone to (empty:
 * none, for site holders)?  *comm gets it (0: none); 1, 0, or -1 on a
 * database error. */
int		 members_add_community(struct request *,
		    const struct form_value *v, long long *comm);

#endif
