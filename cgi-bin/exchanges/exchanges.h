/*
 * The exchanges area (/ads, /exchanges): the timebank's marketplace of
 * offers and requests, and its ledger.  One file per page family; the
 * route table is main.c.  Hours are integer hundredths everywhere (the
 * schema says so too): 1.25 hours is 125.
 */
#ifndef WEFT_EXCHANGES_H
#define WEFT_EXCHANGES_H

#include "app.h"
#include "auth.h"
#include "i18n.h"
#include "role.h"
#include "valid.h"

/* Handlers. */
int	 ads_directory(struct request *);		/* ads.c */
int	 ads_mine(struct request *);			/* ads.c */
int	 ads_talents(struct request *);			/* talents.c */
int	 ads_new_form(struct request *);		/* ads_form.c */
int	 ads_new(struct request *);			/* ads_form.c */
int	 ads_manage(struct request *);			/* ads.c */
int	 ads_show(struct request *);			/* ads.c */
int	 ads_edit_form(struct request *);		/* ads_form.c */
int	 ads_edit(struct request *);			/* ads_form.c */
int	 ads_renew(struct request *);			/* ads_form.c */
int	 ads_delete(struct request *);			/* ads_form.c */
int	 exchanges_statement(struct request *);		/* statement.c */
int	 exchanges_statement_csv(struct request *);	/* statement.c */
int	 exchanges_member_statement(struct request *);	/* statement.c */
int	 exchanges_new_form(struct request *);		/* record.c */
int	 exchanges_record(struct request *);		/* record.c */
int	 exchanges_group_form(struct request *);	/* group.c */
int	 exchanges_group(struct request *);		/* group.c */
int	 exchanges_list(struct request *);		/* list.c */
int	 exchanges_reports(struct request *);		/* reports.c */
int	 exchanges_report(struct request *);		/* reports.c */
int	 exchanges_report_csv(struct request *);	/* reports.c */
int	 exchanges_list_csv(struct request *);		/* list.c */
int	 exchanges_show(struct request *);		/* record.c */
/* The approved members a party typed as text may mean, offered on the
 * form d as the section FIELD_MATCHES ("PROVIDER_MATCHES"); how many (0:
 * none, or *err set).  record_find.c. */
int	 exchanges_find_party(struct tmpl_dict *d,
	    const char *field, const char *text, enum weft_err *err);
int	 exchanges_reverse(struct request *);		/* reverse.c */
int	 exchanges_pending_show(struct request *);	/* pending.c */
int	 exchanges_pending_confirm(struct request *);	/* pending.c */
int	 exchanges_pending_dispute(struct request *);	/* pending.c */
int	 exchanges_pending_cancel(struct request *);	/* pending.c */

struct form_value;
struct form_field;
struct ledger_settings;
/* The message of a refused hours field (form.h form_why_fn), with the
 * settings' maximum as f->max.  record.c. */
void	 exchanges_hours_why(const struct form_field *f, const char *in,
	    enum valid_err e, const char *lang, char *msg, size_t len);
/* The date of service v ("service_date"): not in the future (a day of
 * grace), not older than settings s allow; else a message on d and 1.
 * record.c. */
int	 exchanges_check_date(struct request *, struct tmpl_dict *d,
	    const struct ledger_settings *s, const struct form_value *v);
/* The optional category of a recording form (field "category", v as
 * form_read() read it): an active item of the ad categories, else a
 * message on d and 1; *category the choice, 0 for none.  record.c. */
int	 exchanges_category(struct request *, struct tmpl_dict *d,
	    const struct form_value *v, long long *category,
	    enum weft_err *err);
/* The page of a recording form (file, titled with the phrase title):
 * the settings' limits, the one-time key, the categories with category
 * chosen (0: none), the error summary's heading.  record.c. */
struct tmpl_dict *exchanges_form_page(struct request *, const char *file,
	    const char *title, const struct ledger_settings *s,
	    const char *key, long long category);
/* The id a posted field names, 0 when none or not a number: what a
 * re-rendered select shows chosen.  record.c. */
long long exchanges_form_id(struct request *, const char *field);

struct ledger_exchange;
/* What an exchange records, on the page d of it (or of a proposal): its
 * id, both parties (linked to their statements for whom holds
 * member.activity over them), hours, date, what, ad, who recorded it and
 * when.  record.c. */
void	 exchanges_show_entry(struct request *, struct tmpl_dict *d,
	    const struct ledger_exchange *);

/* The phrase key in lang with its one placeholder name filled with
 * value, into out (len bytes, cut short when longer): a message or a
 * title made of a phrase and a value ("Exchange #{id}").  record.c. */
void	 exchanges_phrase(const char *lang, const char *key, const char *name,
	    const char *value, char *out, size_t len);
/* app_page() titled so (exchanges_phrase() in the request's language),
 * the title also the page's {{HEADING}}.  record.c. */
struct tmpl_dict *exchanges_page(struct request *, const char *file,
	    const char *key, const char *name, const char *value);

#endif
