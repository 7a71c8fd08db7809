/*
 * The account mails (docs/mail.md, "Account mail"): a message to one
 * member, rendered from two phrases of templates/phrases/mail.en in the
 * recipient's language and queued in the caller's transaction
 * (outbox_queue()), with a copy to each guardian angel of a member whose
 * Guardian Angel Mode is on, in the angel's language.
 *
 * Every phrase gets {name} (the recipient's name; in an angel's copy the
 * member's) and {site} (config.site_url) besides the caller's variables.
 */
#ifndef WEFT_MAIL_NOTICE_H
#define WEFT_MAIL_NOTICE_H

#include <stddef.h>

#include "err.h"

struct mail_var {
	const char	*name;
	const char	*value;
};

struct mail_notice {
	const char		*kind;		/* "account.approved" */
	const char		*subject_key;
	const char		*body_key;
	const struct mail_var	*vars;
	size_t			 nvars;
	int			 no_angel_copy;	/* a password reset link */
};

/* To member_id (and their angels, mode on). */
enum weft_err	 mail_notice_member(const struct mail_notice *,
		    long long member_id);
/* To an address only (the old address of a change): no copies. */
enum weft_err	 mail_notice_addr(const struct mail_notice *,
		    const char *addr, const char *name, const char *lang);

#endif
