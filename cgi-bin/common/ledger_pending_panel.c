/*
 * The panel of open proposals (ledger.h, ledger_pending_panel()): what
 * waits for a member's confirmation, with the buttons to confirm or
 * dispute it, and what the member waits for.  The home page (account)
 * and the statement (exchanges) show it; templates/exchanges/
 * ledger_pending.tpl is its template.
 */
#include <stdio.h>
#include <string.h>

#include "act.h"
#include "db.h"
#include "ledger.h"

#define PANEL_SHOWN	50	/* rows of one member's list */
#define PANEL_ACTED_MAX	16	/* members acted for, on the home page */

/* One list of a member's open proposals, oldest first: those they are
 * the recipient of, or the provider of (the index of that side). */
#define PANEL_LIST(side) \
	"SELECT e.id, e.hundredths, e.service_date, e.description," \
	" e.status, e.reason, e.provider_id, p.username, p.name," \
	" e.recipient_id, q.username, q.name" \
	" FROM exchange_proposals e FORCE INDEX (exchange_proposals_" side ")" \
	" JOIN members p ON p.id = e.provider_id" \
	" JOIN members q ON q.id = e.recipient_id" \
	" WHERE e." side "_id = ? AND e.status IN ('pending', 'disputed')" \
	" ORDER BY e.created_at, e.id LIMIT ?"

static const char panel_to_sql[] = PANEL_LIST("recipient");
static const char panel_from_sql[] = PANEL_LIST("provider");

/* The panel being filled: its include, made with the first row, and one
 * section per list. */
struct panel {
	struct tmpl_dict	*page;
	const struct actor	*actor;
	long long		 member;
	struct tmpl_dict	*inc;
	struct tmpl_dict	*list[2];	/* TO_CONFIRM, WAITING */
};

static const char *const panel_lists[2] = { "TO_CONFIRM", "WAITING" };

/* The section of list k, and the include, made when first needed. */
static struct tmpl_dict *
panel_list(struct panel *pn, int k)
{
	int	 added;

	if (pn->list[k] != NULL)
		return pn->list[k];
	if (pn->inc == NULL && (pn->inc = tmpl_include_once(pn->page,
	    "PENDING_PANEL", "exchanges/ledger_pending.tpl", &added)) == NULL)
		return NULL;
	pn->list[k] = tmpl_section(pn->inc, panel_lists[k]);
	tmpl_show(pn->list[k], pn->member == pn->actor->acting_id ? "OWN" :
	    "OTHER");
	return pn->list[k];
}

/* The buttons of row id: confirm, and dispute while it is pending. */
static void
panel_forms(struct tmpl_dict *row, const struct actor *a, long long id,
    int pending)
{
	struct tmpl_dict	*f = tmpl_section(row, "FORMS");

	tmpl_set_int(f, "ID", id);
	tmpl_set(f, "CSRF", a->csrf);
	if (pending) {
		f = tmpl_section(f, "DISPUTE");
		tmpl_set_int(f, "ID", id);
		tmpl_set(f, "CSRF", a->csrf);
	}
}

/* One row of list k from r; forms: the actor may confirm it. */
static void
panel_row(struct tmpl_dict *l, struct db_rows *r, const struct actor *a,
    int k, int forms, int acted_for)
{
	struct tmpl_dict	*row = tmpl_section(l, "ROW"), *s;
	int			 pending = db_str(r, 4) != NULL &&
				    strcmp(db_str(r, 4), "pending") == 0;

	tmpl_set_int(row, "ID", db_int(r, 0));
	/* In the language of the page: the actor's. */
	i18n_set_hours(row, "HOURS", a->lang, db_int(r, 1));
	i18n_set_date(row, "DATE", a->lang, db_str(r, 2));
	tmpl_set(row, "DESCRIPTION", db_str(r, 3));
	/* The other party: the provider of what one is to confirm. */
	tmpl_set(row, "OTHER_USERNAME", db_str(r, k == 0 ? 7 : 10));
	tmpl_set(row, "OTHER_NAME", db_str(r, k == 0 ? 8 : 11));
	if (acted_for) {
		s = tmpl_section(row, "FOR");
		tmpl_set(s, "NAME", db_str(r, 11));
	}
	if (pending)
		tmpl_show(row, "PENDING");
	else {
		s = tmpl_section(row, "DISPUTED");
		tmpl_set(s, "REASON", db_str(r, 5));
		tmpl_show(s, db_str(r, 5) != NULL && db_str(r, 5)[0] != '\0' ?
		    "HAS_REASON" : "NO_REASON");
	}
	if (forms && db_int(r, 6) != a->acting_id)
		panel_forms(row, a, db_int(r, 0), pending);
}

/* List k of member's proposals into the panel (acted_for: the actor
 * acts for member, whose name each row says). */
static enum weft_err
panel_rows(struct panel *pn, int k, long long member, int forms,
    int acted_for)
{
	struct tmpl_dict	*l;
	struct db_rows		*r;
	size_t			 n = 0;
	enum weft_err		 e;

	if ((e = db_query(&r, k == 0 ? panel_to_sql : panel_from_sql, "ii",
	    member, (long long)PANEL_SHOWN + 1)) != WEFT_OK)
		return e;
	while (n < PANEL_SHOWN && db_next(r)) {
		if ((l = panel_list(pn, k)) == NULL) {
			db_rows_free(r);
			return WEFT_ERR_NOMEM;
		}
		panel_row(l, r, pn->actor, k, forms, acted_for);
		n++;
	}
	if (db_nrows(r) > PANEL_SHOWN && (l = panel_list(pn, k)) != NULL) {
		l = tmpl_section(l, "MORE");
		tmpl_set_int(l, "SHOWN", PANEL_SHOWN);
	}
	db_rows_free(r);
	return WEFT_OK;
}

enum weft_err
ledger_pending_panel(struct tmpl_dict *page, const struct actor *a,
    long long member, unsigned flags)
{
	struct panel	 pn;
	enum act_as	 as;
	long long	 others[PANEL_ACTED_MAX];
	size_t		 i, n = 0;
	int		 forms;
	enum weft_err	 e;

	memset(&pn, 0, sizeof(pn));
	pn.page = page;
	pn.actor = a;
	pn.member = member;
	/* Buttons only where the actor acts for the recipient. */
	forms = (flags & LEDGER_PANEL_FORMS) && member == a->acting_id;
	if ((flags & LEDGER_PANEL_TO_CONFIRM) &&
	    (e = panel_rows(&pn, 0, member, forms, 0)) != WEFT_OK)
		return e;
	if ((flags & LEDGER_PANEL_TO_CONFIRM) &&
	    (flags & LEDGER_PANEL_ACTED_FOR) &&
	    (e = act_members(a, others, PANEL_ACTED_MAX, &n)) != WEFT_OK)
		return e;
	for (i = 0; i < n; i++) {
		/* As each answer will ask: while "become" lasts, a link
		 * reaches only whom the real member could become. */
		if ((e = act_for(a, others[i], &as)) != WEFT_OK)
			return e;
		if (as != ACT_NONE && (e = panel_rows(&pn, 0, others[i],
		    (flags & LEDGER_PANEL_FORMS) != 0, 1)) != WEFT_OK)
			return e;
	}
	if ((flags & LEDGER_PANEL_WAITING) &&
	    (e = panel_rows(&pn, 1, member, 0, 0)) != WEFT_OK)
		return e;
	return WEFT_OK;
}
