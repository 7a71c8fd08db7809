/*
 * The site's settings: what an Admin changes while weft runs (weft.conf,
 * config.h, is what the operator sets before it starts).  One table,
 * settings_defs[] in settings.c, says for each setting its name, type,
 * default, range or choices, what it means and which area reads it.  The
 * database has a row of `settings` (name, value) for each setting that
 * was set; one without a row, or with a value the table refuses, has its
 * default.  Every area reads them through settings_int() and
 * settings_str().
 *
 * Each worker keeps a copy, current on every request without a round
 * trip of its own (docs/performance.md): a writer (settings_set())
 * increases the settings generation in the transaction of its change,
 * the statement that loads a session returns the generation
 * (settings_expect()), and the copy is read again only when that number
 * is not the one it was read at.  A visitor's request loads no session:
 * its first read of a setting asks the database for the generation, and
 * the values only when it moved, in one statement; a visitor's page that
 * reads no setting costs nothing.  Either way a change is seen by every
 * worker on its very next request.
 */
#ifndef WEFT_SETTINGS_H
#define WEFT_SETTINGS_H

#include "err.h"
#include "valid.h"

enum setting {
	SETTING_EXCHANGE_MAX,		/* exchange_max_hundredths */
	SETTING_EXCHANGE_OLDEST_DAYS,	/* exchange_oldest_days */
	SETTING_CREDIT_LIMIT,		/* credit_limit_hundredths */
	SETTING_CREDIT_LIMIT_MODE,	/* credit_limit_mode */
	SETTING_AUTO_CONFIRM_DAYS,	/* exchange_auto_confirm_days */
	SETTING_MAIL_PER_MINUTE,	/* mail_per_minute */
	SETTING_SITE_NAME,		/* site_name */
	SETTING_SITE_DESCRIPTION,	/* site_description */
	SETTING_CONTACT_EMAIL,		/* contact_email */
	SETTING_MAIL_FROM_ADDRESS,	/* mail_from_address */
	SETTING_MAIL_FROM_NAME,		/* mail_from_name */
	SETTING_TIME_ZONE,		/* time_zone */
	SETTING_DEFAULT_LANGUAGE,	/* default_language */
	SETTING_AD_RENEWAL_DAYS,	/* ad_renewal_days */
	SETTING_SESSION_IDLE_MINUTES,	/* session_idle_minutes */
	SETTING_SIGNUP_MODE,		/* signup_mode */
	SETTING_PAYMENTS_ENABLED,	/* payments_enabled: off, on */
	SETTING_PAYMENT_CURRENCY,	/* payment_currency: ISO 4217 */
	SETTING_PAYMENT_GRACE_DAYS,	/* payment_grace_days */
	SETTING_PAYMENT_REMINDER_DAYS,	/* payment_reminder_days */
	/* Applications waiting too long (issue 17, docs/site.md). */
	SETTING_APPLICATION_WAITING_DAYS,	/* application_waiting_days */
	SETTING_APPLICATION_EXPIRE_DAYS,	/* application_expire_days */
	/* The application form (docs/site.md, "Member signup";
	 * signup_form.h): each field hidden, optional or required, in the
	 * order of enum signup_field. */
	SETTING_SIGNUP_PHONE,		/* signup_phone */
	SETTING_SIGNUP_ADDRESS,		/* signup_address */
	SETTING_SIGNUP_NEIGHBOURHOOD,	/* signup_neighbourhood */
	SETTING_SIGNUP_COUNTY,		/* signup_county */
	SETTING_SIGNUP_AFFILIATION,	/* signup_affiliation */
	SETTING_SIGNUP_BIRTH_DATE,	/* signup_birth_date */
	SETTING_SIGNUP_HEARD_ABOUT,	/* signup_heard_about */
	SETTING_SIGNUP_TERMS,		/* signup_terms */
	/* The custom questions, SIGNUP_QUESTIONS of four settings each, in
	 * this order: the question (empty: none), its kind, its choices,
	 * whether it is required. */
	SETTING_SIGNUP_Q1, SETTING_SIGNUP_Q1_KIND, SETTING_SIGNUP_Q1_CHOICES,
	SETTING_SIGNUP_Q1_REQUIRED,
	SETTING_SIGNUP_Q2, SETTING_SIGNUP_Q2_KIND, SETTING_SIGNUP_Q2_CHOICES,
	SETTING_SIGNUP_Q2_REQUIRED,
	SETTING_SIGNUP_Q3, SETTING_SIGNUP_Q3_KIND, SETTING_SIGNUP_Q3_CHOICES,
	SETTING_SIGNUP_Q3_REQUIRED,
	SETTING_SIGNUP_Q4, SETTING_SIGNUP_Q4_KIND, SETTING_SIGNUP_Q4_CHOICES,
	SETTING_SIGNUP_Q4_REQUIRED,
	SETTING_SIGNUP_Q5, SETTING_SIGNUP_Q5_KIND, SETTING_SIGNUP_Q5_CHOICES,
	SETTING_SIGNUP_Q5_REQUIRED,
	SETTING__MAX
};

enum setting_type {
	SETTING_INT,		/* decimal integer in [min, max] */
	SETTING_CHOICE,		/* one of choices; read as its index */
	SETTING_TEXT,		/* min..max characters of one line, of format */
	SETTING_TYPE__MAX
};

/* What a SETTING_TEXT holds, checked beside its length.  Empty is valid
 * for every format when min is 0 (the area then uses its own default). */
enum setting_format {
	SETTING_FORMAT_LINE = 0,	/* any one line of text */
	SETTING_FORMAT_EMAIL,		/* an address (valid_email()) */
	SETTING_FORMAT_NAME,		/* a mail display name: no " < > @ , ; \ */
	SETTING_FORMAT_LANG,		/* a language tag (valid_lang()) */
	SETTING_FORMAT_ZONE,		/* a time zone of the tz database */
	SETTING_FORMAT_CHOICES,		/* choices separated by '|', each
					 * 1..SETTING_CHOICE_LEN characters,
					 * at most SETTING_CHOICES_MAX */
	SETTING_FORMAT__MAX
};

/* How the configuration page shows and reads a SETTING_INT. */
enum setting_unit {
	SETTING_UNIT_NONE = 0,
	SETTING_UNIT_HOURS,		/* stored in hundredths, shown in hours */
	SETTING_UNIT__MAX
};

#define SETTINGS_VALUE_MAX	256	/* bytes, settings.value included */
#define SETTING_CHOICES_MAX	12	/* SETTING_FORMAT_CHOICES */
#define SETTING_CHOICE_LEN	80

struct setting_def {
	const char		*name;
	enum setting_type	 type;
	const char		*dflt;		/* as stored; valid itself */
	long long		 min;		/* SETTING_INT */
	long long		 max;
	const char *const	*choices;	/* SETTING_CHOICE; NULL ends */
	const char		*area;		/* the program that reads it */
	const char		*description;	/* for docs/configuration.md */
	/*
	 * The configuration page (/site/settings, docs/site.md): phrase
	 * keys of the group heading the setting is shown under, of its
	 * label and of its help (NULL: none), and of each choice's label
	 * (NULL: the choices as stored).  A setting without a group is
	 * shown under "Other settings": every row of the table is on the
	 * page, with no code of the site area's.
	 */
	const char		*group;
	const char		*label;
	const char		*help;
	const char *const	*choice_labels;
	enum setting_format	 format;	/* SETTING_TEXT */
	enum setting_unit	 unit;		/* SETTING_INT */
	/* The page where it is changed instead, when changing it needs more
	 * than a value (payments_enabled: who would be mailed, first).  The
	 * configuration page neither shows nor saves it. */
	const char		*elsewhere;
};

extern const struct setting_def	 settings_defs[SETTING__MAX];
extern const char *const	 setting_type_names[SETTING_TYPE__MAX];
extern const char *const	 setting_format_names[SETTING_FORMAT__MAX];

/* The setting called name; 0, or -1 when there is none. */
int		 settings_find(const char *name, enum setting *out);
/* Is value valid for the setting?  *n is the integer (SETTING_INT) or
 * the index of the choice (SETTING_CHOICE). */
enum valid_err	 settings_parse(enum setting, const char *value,
		    long long *n);

/* Choice i (from 0) of a SETTING_FORMAT_CHOICES value into out, the
 * blanks around it dropped: 0, or -1 when there is none. */
int		 settings_choice(const char *value, size_t i, char *out,
		    size_t len);

/*
 * Starts a request: the generation its session statement returned, or 0
 * when there was none (a visitor, an expired session).  Called by
 * auth_session_load() for every request; the copy is checked at most
 * once between two calls, so code that serves no request (a daemon, a
 * tool) calls settings_expect(0) before each piece of its work.
 */
void		 settings_expect(long long generation);
/* Makes the copy current for this request: nothing to do when the
 * session's generation is the copy's, else one statement.  A database
 * error keeps the values read before (the defaults, when none were). */
enum weft_err	 settings_refresh(void);
/* A setting's value (settings_refresh() first, its error logged): the
 * integer, or the choice's index; and as stored ("-2000", "soft").  A
 * value in the database that the table refuses reads as the default, and
 * is logged. */
long long	 settings_int(enum setting);
const char	*settings_str(enum setting);

/*
 * Sets a setting inside the caller's transaction (db_begin() .. commit):
 * validates value through the table (*why says why it was refused:
 * WEFT_ERR_INVALID returned, nothing written), stores it, increases the
 * settings generation, and writes the audit row "setting.set" (object:
 * the new generation; before and after as {"name", "value"}, a value of
 * null where the default was in force).  Every worker sees it on its next
 * request after the commit; this worker's copy is read again at once.
 */
struct actor;
enum weft_err	 settings_set(const struct actor *, enum setting,
		    const char *value, enum valid_err *why);
/* As settings_set(), audited as action ("setting.restore": a version of
 * the history put back, docs/site.md). */
enum weft_err	 settings_set_as(const struct actor *, const char *action,
		    enum setting, const char *value, enum valid_err *why);

/* The session idle time in force, in seconds: the site's
 * session_idle_minutes when set (not 0), never more than weft.conf's
 * session_idle_s, the operator's ceiling. */
long long	 settings_session_idle_s(void);

#endif
