/*
 * Invitations to apply (invitation.h): the token, its hash, the mail.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "invitation.h"
#include "mail_notice.h"
#include "settings.h"
#include "sha256.h"
#include "util.h"

/* {"email":...,"community":N}: an invitation in an audit row. */
static void
invitation_json(struct buf *b, const char *email, long long community,
    long long member_id)
{
	buf_puts(b, "{\"email\":");
	buf_json_str(b, email);
	buf_printf(b, ",\"community\":%lld", community);
	if (member_id != 0)
		buf_printf(b, ",\"member\":%lld", member_id);
	buf_puts(b, "}");
}

enum weft_err
invitation_add(const struct actor *a, const char *email, long long community,
    long long *id)
{
	struct mail_var		 vars[3];
	struct mail_notice	 m = { .kind = "account.invitation",
	    .subject_key = N_("mail.invitation.subject"),
	    .body_key = N_("mail.invitation.body"), .vars = vars,
	    .nvars = 3, .no_angel_copy = 1 };
	char			 token[AUTH_TOKEN_HEX], url[400], days[16];
	unsigned char		 h[SHA256_LEN];
	struct buf		 b;
	enum weft_err		 e;

	*id = 0;
	if ((e = auth_random_hex(token)) != WEFT_OK)
		return e;
	sha256(token, strlen(token), h);
	snprintf(url, sizeof(url), "%s/signup?invite=%s", config.site_url,
	    token);
	snprintf(days, sizeof(days), "%d", INVITATION_DAYS);
	vars[0] = (struct mail_var){ "url", url };
	vars[1] = (struct mail_var){ "inviter", a->real_name[0] != '\0' ?
	    a->real_name : a->name };
	vars[2] = (struct mail_var){ "days", days };
	buf_init(&b);
	invitation_json(&b, email, community, 0);
	if ((e = buf_failed(&b) ? WEFT_ERR_NOMEM : db_exec("INSERT INTO"
	    " invitations (token_hash, email, community_id, invited_by,"
	    " expires_at) VALUES (?, ?, NULLIF(?, 0), ?, UTC_TIMESTAMP() +"
	    " INTERVAL ? DAY)", "bsiii", h, sizeof(h), email, community,
	    a->member_id, (long long)INVITATION_DAYS)) == WEFT_OK &&
	    (*id = db_insert_id()) > 0 &&
	    (e = mail_notice_addr(&m, email, "",
	    settings_str(SETTING_DEFAULT_LANGUAGE))) == WEFT_OK)
		e = audit_write(a, "invitation.add", "invitation", *id,
		    community, NULL, b.p);
	buf_free(&b);
	explicit_bzero(token, sizeof(token));
	explicit_bzero(url, sizeof(url));
	return e;
}

enum weft_err
invitation_find(const char *token, int lock, struct invitation *out)
{
	unsigned char	 h[SHA256_LEN];
	struct db_rows	*r = NULL;
	enum weft_err	 e;

	memset(out, 0, sizeof(*out));
	if (token == NULL || strlen(token) != AUTH_TOKEN_HEX - 1 ||
	    strspn(token, "0123456789abcdef") != AUTH_TOKEN_HEX - 1)
		return WEFT_OK;
	sha256(token, strlen(token), h);
	if ((e = db_query(&r, lock ? "SELECT id, email, community_id FROM"
	    " invitations WHERE token_hash = ? AND used_at IS NULL AND"
	    " revoked_at IS NULL AND expires_at > UTC_TIMESTAMP() FOR UPDATE"
	    : "SELECT id, email, community_id FROM invitations WHERE"
	    " token_hash = ? AND used_at IS NULL AND revoked_at IS NULL AND"
	    " expires_at > UTC_TIMESTAMP()", "b", h, sizeof(h))) != WEFT_OK)
		return e;
	if (db_next(r)) {
		out->id = db_int(r, 0);
		util_copy(out->email, sizeof(out->email), db_str(r, 1));
		out->community = db_int(r, 2);
	}
	db_rows_free(r);
	return WEFT_OK;
}

enum weft_err
invitation_use(const struct actor *a, const struct invitation *inv,
    long long member_id)
{
	struct buf	 b;
	enum weft_err	 e;

	buf_init(&b);
	invitation_json(&b, inv->email, inv->community, member_id);
	if ((e = buf_failed(&b) ? WEFT_ERR_NOMEM : db_exec("UPDATE invitations"
	    " SET used_at = UTC_TIMESTAMP(), member_id = ? WHERE id = ? AND"
	    " used_at IS NULL", "ii", member_id, inv->id)) == WEFT_OK) {
		if (db_affected() != 1)
			e = WEFT_ERR_CONFLICT;
		else
			e = audit_write(a, "invitation.use", "invitation",
			    inv->id, inv->community, NULL, b.p);
	}
	buf_free(&b);
	return e;
}
