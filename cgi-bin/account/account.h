/*
 * What the account area's files share (private to the area): main.c, the
 * home page, logging in and out, the signup application; profile.c,
 * profiles and passwords (one's own, and those of the members one acts
 * for).
 */
#ifndef WEFT_ACCOUNT_H
#define WEFT_ACCOUNT_H

#include <stddef.h>

#include "app.h"
#include "i18n.h"

/* main.c */
int		 account_cookie_flags(void);
/* A fresh session for member_id in this browser (the cookie set); -1 on
 * an error. */
int		 account_start_session(struct request *, long long member_id);
/* Retry-After for a throttled request: at least a second. */
void		 account_retry_after(struct request *, int retry_s);
/* Options of the Community Timebank select, selected marked. */
enum weft_err	 account_communities(struct tmpl_dict *, long long selected);
/* Is id an existing Community Timebank (0, none chosen, is fine too)? */
enum weft_err	 account_community_ok(long long id, int *ok);

/* profile.c: the handlers of /me, /me/password and /me/for/:id, and
 * their phrases (registered by main()). */
int		 account_me(struct request *);
int		 account_language(struct request *);
int		 account_me_save(struct request *);
int		 account_password(struct request *);
int		 account_password_save(struct request *);
int		 account_for(struct request *);
int		 account_for_save(struct request *);
int		 account_for_password(struct request *);
/* talents.c: one's own talents (common/talents.h). */
int		 account_talents(struct request *);
int		 account_talent_add(struct request *);
int		 account_talent_update(struct request *);
int		 account_talent_remove(struct request *);
int		 account_unsubscribe(struct request *);
int		 account_unsubscribe_post(struct request *);
int		 account_mailings(struct request *);
int		 account_forgot(struct request *);
int		 account_forgot_post(struct request *);
int		 account_reset(struct request *);
int		 account_reset_post(struct request *);
/* signup.c: the application (/signup, /signup/done). */
int		 account_signup_form(struct request *);
int		 account_signup_post(struct request *);
int		 account_signup_done(struct request *);
/* A new application's notices to the coordinators who may approve it
 * (signup_mail.c), in the caller's transaction. */
enum weft_err	 account_application_mail(long long member_id,
		    const char *name, const char *username, long long community);
/* The mailings part of /me (unsubscribe.c). */
enum weft_err	 account_mailings_show(struct tmpl_dict *, long long id);
/* digest.c: the new applications' digest, part of /me's mailings (for a
 * coordinator who may approve: the choice, else nothing), and its POST
 * (/me/mailings with digest=). */
enum weft_err	 account_digest_show(struct request *, struct tmpl_dict *,
		    long long id);
int		 account_digest(struct request *);


#endif
