/*
 * Account mails (mail_notice.h).
 */
#include <string.h>

#include "buf.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "mail_notice.h"
#include "outbox.h"

struct notice_ctx {
	const struct mail_notice	*n;
	const char			*name;
	const char			*subject;	/* an angel's copy */
};

static const char *
notice_value(void *arg, const char *name, size_t len)
{
	const struct notice_ctx	*c = arg;
	size_t			 i;

#define NOTICE_IS(s)	(len == strlen(s) && memcmp(name, s, len) == 0)
	if (NOTICE_IS("name"))
		return c->name;
	if (NOTICE_IS("site"))
		return config.site_url;
	if (NOTICE_IS("subject") && c->subject != NULL)
		return c->subject;
	for (i = 0; i < c->n->nvars; i++)
		if (NOTICE_IS(c->n->vars[i].name))
			return c->n->vars[i].value;
#undef NOTICE_IS
	return NULL;
}

/* key's phrase in lang, filled in, appended to out. */
static void
notice_text(struct buf *out, const char *lang, const char *key,
    struct notice_ctx *c)
{
	i18n_fill(out, i18n_text(lang, key), notice_value, c);
}

static enum weft_err
notice_queue(const struct mail_notice *n, long long member_id,
    const char *addr, const char *to_name, const char *lang,
    const char *subject, const char *body)
{
	struct outbox_msg	 m = { 0 };

	m.kind = n->kind;
	m.member_id = member_id;
	m.to_addr = addr;
	m.to_name = to_name;
	m.lang = lang;
	m.subject = subject;
	m.body = body;
	return outbox_queue(&m, NULL);
}

/* The message in lang to a recipient called name. */
static enum weft_err
notice_one(const struct mail_notice *n, long long member_id,
    const char *addr, const char *name, const char *lang)
{
	struct notice_ctx	 c = { n, name, NULL };
	struct buf		 s, b;
	enum weft_err		 e;

	buf_init(&s);
	buf_init(&b);
	notice_text(&s, lang, n->subject_key, &c);
	notice_text(&b, lang, n->body_key, &c);
	e = buf_failed(&s) || buf_failed(&b) ? WEFT_ERR_NOMEM :
	    notice_queue(n, member_id, addr, name, lang, s.p, b.p);
	buf_free(&s);
	buf_free(&b);
	return e;
}

enum weft_err
mail_notice_addr(const struct mail_notice *n, const char *addr,
    const char *name, const char *lang)
{
	return notice_one(n, 0, addr, name, lang);
}

/* The copy of the member's message for one angel, in the angel's
 * language: a line saying whose it is, then the message. */
static enum weft_err
notice_angel(const struct mail_notice *n, const char *member_name,
    struct db_rows *a)
{
	struct notice_ctx	 c = { n, member_name, NULL };
	const char		*lang = db_str(a, 3);
	struct buf		 s, b, own;
	enum weft_err		 e;

	buf_init(&s);
	buf_init(&b);
	buf_init(&own);
	notice_text(&own, lang, n->subject_key, &c);
	c.subject = own.p != NULL ? own.p : "";
	notice_text(&s, lang, N_("mail.angel_copy.subject"), &c);
	notice_text(&b, lang, N_("mail.angel_copy.intro"), &c);
	buf_puts(&b, "\n\n");
	notice_text(&b, lang, n->body_key, &c);
	e = buf_failed(&s) || buf_failed(&b) || buf_failed(&own) ?
	    WEFT_ERR_NOMEM : notice_queue(n, db_int(a, 0), db_str(a, 1),
	    db_str(a, 2), lang, s.p, b.p);
	buf_free(&s);
	buf_free(&b);
	buf_free(&own);
	return e;
}

enum weft_err
mail_notice_member(const struct mail_notice *n, long long member_id)
{
	struct db_rows	*r = NULL, *a = NULL;
	enum weft_err	 e;

	if ((e = db_query(&r, "SELECT email, name, lang, angel_mode "
	    "FROM members WHERE id = ?", "i", member_id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	e = notice_one(n, member_id, db_str(r, 0), db_str(r, 1),
	    db_str(r, 2));
	if (e == WEFT_OK && db_int(r, 3) != 0 && !n->no_angel_copy &&
	    (e = db_query(&a, "SELECT m.id, m.email, m.name, m.lang "
	    "FROM guardian_angels g JOIN members m ON m.id = g.angel_id "
	    "WHERE g.member_id = ? AND m.status = 'approved' ORDER BY m.id",
	    "i", member_id)) == WEFT_OK) {
		while (e == WEFT_OK && db_next(a))
			e = notice_angel(n, db_str(r, 1), a);
		db_rows_free(a);
	}
	db_rows_free(r);
	return e;
}
