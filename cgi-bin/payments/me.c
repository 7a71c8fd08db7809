/*
 * A member's own view (docs/authorization.md "Members": own subscription
 * and payments): their subscription and its status, their charges and
 * payments.  Nothing to change here: the coordinators record payments.
 */
#include "buf.h"
#include "db.h"
#include "payments.h"
#include "special.h"

/* GET /payments/me */
int
pay_me(struct request *req)
{
	struct pay_member	 m;
	struct tmpl_dict	*d;
	struct buf		 how;
	enum weft_err		 e;
	int			 found;

	if ((e = pay_member_load(req->actor.acting_id, &m)) != WEFT_OK)
		return app_status_of(e);
	if ((d = app_page(req, "payments/me.tpl",
	    app_text(req, N_("payments.me.title")))) == NULL)
		return 500;
	/* The link to how to pay, when the timebank has written it. */
	buf_init(&how);
	e = special_text(SPECIAL_PAYMENTS, app_lang(req), &how, &found);
	buf_free(&how);
	if (e != WEFT_OK)
		return app_status_of(e);
	if (found)
		tmpl_show(d, "HOW");
	return pay_member_render(req, &m, d, NULL, 200);
}

/* GET /payments/how: the special page "payments" (docs/site.md) */
int
pay_how(struct request *req)
{
	struct tmpl_dict	*d;
	enum weft_err		 e;
	int			 found;

	if ((d = app_page(req, "payments/how.tpl",
	    app_text(req, N_("special.payments")))) == NULL)
		return 500;
	if ((e = special_set(d, "BODY_HTML", SPECIAL_PAYMENTS, app_lang(req),
	    2, &found)) != WEFT_OK)
		return app_status_of(e);
	return found ? app_render(req, 200) : 404;
}
