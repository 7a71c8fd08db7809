/*
 * Offers and requests (service ads), shared by the ads page families:
 * ads.c (directory, own ads, coordinators' list, one ad), ads_form.c
 * (post, edit, renew, delete) and ad.c (the record, its scope and who
 * may act on it).  Not part of the exchanges area's public interface
 * (exchanges.h).
 */
#ifndef WEFT_ADS_H
#define WEFT_ADS_H

#include "act.h"
#include "exchanges.h"

enum ad_kind {
	AD_OFFER,
	AD_REQUEST,
	AD_KIND__MAX
};

/* "offer", "request": the column's values and the form's. */
extern const char *const ad_kind_keys[AD_KIND__MAX];
/* Their phrases ("ads.kind.offer"). */
extern const char *const ad_kind_phrases[AD_KIND__MAX];
int		 ad_kind_parse(const char *, enum ad_kind *);	/* 0 ok */

#define AD_TITLE_MAX	120	/* characters */
#define AD_DESC_MAX	4000	/* characters */
#define AD_PAGE		20	/* rows per page of the directory */

struct ad {
	long long	 id;
	long long	 member_id;
	enum ad_kind	 kind;
	char		 title[AD_TITLE_MAX * 4 + 1];
	char		 description[AD_DESC_MAX * 4 + 1];
	long long	 category_id;
	char		 category[64 * 4 + 1];
	long long	 community_id;		/* 0: none */
	char		 community[128 * 4 + 1];
	long long	 owner_community;	/* the owner's; 0: none */
	char		 owner_username[33];
	char		 owner_name[128 * 4 + 1];
	char		 expires_on[11];	/* YYYY-MM-DD */
	int		 expired;		/* expires_on before today */
	int		 deleted;
	char		 created_at[20];
	char		 updated_at[20];
};

/* Loads ad id; WEFT_ERR_NOTFOUND when there is none.  With for_update
 * the ad's row (only) is locked, inside the caller's transaction. */
enum weft_err	 ad_load(long long id, int for_update, struct ad *);
/* docs/authorization.md rule 2 for ads: the ad's Community Timebank, else its
 * owner's, else site. */
void		 ads_scope_of(long long community, long long owner_community,
		    struct scope *);
void		 ad_scope(const struct ad *, struct scope *);

/*
 * May the actor do perm on ad?  The owner, or who acts for them (act.h:
 * *as is ACT_SELF, ACT_ANGEL or ACT_MANAGER), may; otherwise a
 * coordinator holding perm over the ad's scope (*as is ACT_NONE).
 * Returns 1 (allowed), 0 (not), or -1 on a database error.
 */
int		 ads_reach(const struct request *, enum perm, const struct ad *,
		    enum act_as *as);
/*
 * The ad of an /ads/:id route, checked for perm (ads_reach).  Returns 0
 * with *ad and *as filled, or the status to answer: 403 when refused,
 * and rule 1's same 403 for a missing id unless the actor holds perm
 * site-wide (only they learn 404).
 */
int		 ads_target(struct request *, enum perm, int for_update,
		    struct ad *, enum act_as *as);

/* Was this done by someone other than the owner (a coordinator, an angel,
 * a manager, or anyone while "become" is active)?  Such writes are
 * audited (rule 6; rule 5 for "become"). */
int		 ads_on_behalf(const struct request *, long long owner_id);
/* {"id":1,"member":2,"kind":"offer",...}: the audit before/after. */
void		 ad_json(struct buf *, const struct ad *);
/* The ad's fields for templates: AD_ID, AD_TITLE, AD_KIND, ... */
void		 ad_fill(struct tmpl_dict *, const struct request *,
		    const struct ad *);

/* Options of the category select (active ones, and keep: an ad's retired
 * category), `selected` marked: CATEGORY_OPTION {VALUE LABEL SELECTED}. */
/* The next word of a search at *q (a run of ASCII letters and digits and
 * of bytes past ASCII), its length in *len, *q moved past it; NULL when
 * there is none left (ads.c). */
const char	*ads_next_word(const char **q, size_t *len);
/* The words of a search as a boolean-mode full-text query, every word a
 * required prefix ("+bike* +repair*"); "" for none (ads.c). */
void		 ads_ft_query(const char *q, char *out, size_t len);
enum weft_err	 ads_category_options(struct tmpl_dict *, long long selected,
		    long long keep);

#endif
