/*
 * The settings registry (settings.h): the table, the per-worker copy and
 * the one way to change a setting.  sql/012_settings_generation.sql has
 * the generation the copy is checked against.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "money.h"
#include "settings.h"

static const char *const settings_limit_modes[] = { "soft", "hard", NULL };
static const char *const settings_signup_modes[] = { "open", "closed",
	"invitation", NULL };
static const char *const settings_signup_mode_labels[] = {
	N_("site.setting.signup_mode.open"),
	N_("site.setting.signup_mode.closed"),
	N_("site.setting.signup_mode.invitation"), NULL,
};
/* A field of the application form (signup_form.h). */
static const char *const settings_field_modes[] = { "hidden", "optional",
	"required", NULL };
static const char *const settings_field_mode_labels[] = {
	N_("site.setting.field.hidden"), N_("site.setting.field.optional"),
	N_("site.setting.field.required"), NULL,
};
static const char *const settings_question_kinds[] = { "text", "choice",
	NULL };
static const char *const settings_question_kind_labels[] = {
	N_("site.setting.question.text"), N_("site.setting.question.choice"),
	NULL,
};
static const char *const settings_optional_required[] = { "optional",
	"required", NULL };
static const char *const settings_optional_required_labels[] = {
	N_("site.setting.field.optional"), N_("site.setting.field.required"),
	NULL,
};
static const char *const settings_limit_mode_labels[] = {
	N_("site.setting.credit_limit_mode.soft"),
	N_("site.setting.credit_limit_mode.hard"), NULL,
};

/* Where the configuration page shows a setting: its group's heading,
 * its label and its help (phrase keys, N_() each for the build's
 * check). */
#define SETTING_PAGE(g, l, h)	.group = (g), .label = (l), .help = (h)
static const char *const settings_off_on[] = { "off", "on", NULL };

/* The rows of the application form's settings (docs/site.md, "Member
 * signup"), all of the group "Member signup". */
#define SETTING_SIGNUP_FIELD(name, desc, label) { (name), SETTING_CHOICE, \
	    "hidden", 0, 0, settings_field_modes, "account, members", (desc), \
	    SETTING_PAGE(N_("site.group.signup"), (label), \
	    N_("site.setting.signup_field.help")), \
	    .choice_labels = settings_field_mode_labels }
#define SETTING_SIGNUP_QUESTION(name, label) { (name), SETTING_TEXT, "", \
	    0, 200, NULL, "account, members", \
	    "A question of the site's own on the application form (empty: " \
	    "none); the answers show on the applicant's profile to " \
	    "coordinators.", SETTING_PAGE(N_("site.group.signup"), (label), \
	    N_("site.setting.signup_question.help")) }
#define SETTING_SIGNUP_KIND(name, label) { (name), SETTING_CHOICE, "text", \
	    0, 0, settings_question_kinds, "account, members", \
	    "The question's answer: text, a line typed in; choice, one of " \
	    "its choices.", SETTING_PAGE(N_("site.group.signup"), (label), \
	    NULL), .choice_labels = settings_question_kind_labels }
#define SETTING_SIGNUP_CHOICES(name, label) { (name), SETTING_TEXT, "", 0, \
	    SETTINGS_VALUE_MAX - 1, NULL, "account, members", \
	    "The choices of a choice question, separated by |.", \
	    SETTING_PAGE(N_("site.group.signup"), (label), \
	    N_("site.setting.signup_question_choices.help")), \
	    .format = SETTING_FORMAT_CHOICES }
#define SETTING_SIGNUP_REQUIRED(name, label) { (name), SETTING_CHOICE, \
	    "optional", 0, 0, settings_optional_required, "account, members", \
	    "Whether an applicant must answer the question.", \
	    SETTING_PAGE(N_("site.group.signup"), (label), NULL), \
	    .choice_labels = settings_optional_required_labels }

/* The settings, their types and defaults: the table is the format. */
const struct setting_def settings_defs[SETTING__MAX] = {
	[SETTING_EXCHANGE_MAX] = { "exchange_max_hundredths", SETTING_INT,
	    "2400", 25, 1000000000LL, NULL, "exchanges",
	    "The most hours one exchange may record, in hundredths of an "
	    "hour (2400: 24 hours).",
	    SETTING_PAGE(N_("site.group.ledger"),
	    N_("site.setting.exchange_max_hundredths"),
	    N_("site.setting.exchange_max_hundredths.help")),
	    .unit = SETTING_UNIT_HOURS },
	[SETTING_EXCHANGE_OLDEST_DAYS] = { "exchange_oldest_days",
	    SETTING_INT, "365", 0, 36500, NULL, "exchanges",
	    "How many days back the date of a service recorded as an "
	    "exchange may be.",
	    SETTING_PAGE(N_("site.group.ledger"),
	    N_("site.setting.exchange_oldest_days"),
	    N_("site.setting.exchange_oldest_days.help")) },
	[SETTING_CREDIT_LIMIT] = { "credit_limit_hundredths", SETTING_INT,
	    "-2000", -1000000000000LL, 0, NULL, "exchanges",
	    "The lowest balance a member may reach, in hundredths of an hour "
	    "(-2000: 20 hours in debit).",
	    SETTING_PAGE(N_("site.group.ledger"),
	    N_("site.setting.credit_limit_hundredths"),
	    N_("site.setting.credit_limit_hundredths.help")),
	    .unit = SETTING_UNIT_HOURS },
	[SETTING_CREDIT_LIMIT_MODE] = { "credit_limit_mode", SETTING_CHOICE,
	    "soft", 0, 0, settings_limit_modes, "exchanges",
	    "soft: an exchange below the credit limit is recorded and shown "
	    "to coordinators on the dashboard; hard: it is refused.",
	    SETTING_PAGE(N_("site.group.ledger"),
	    N_("site.setting.credit_limit_mode"),
	    N_("site.setting.credit_limit_mode.help")),
	    .choice_labels = settings_limit_mode_labels },
	[SETTING_AUTO_CONFIRM_DAYS] = { "exchange_auto_confirm_days",
	    SETTING_INT, "0", 0, 3650, NULL, "exchanges",
	    "An exchange recorded by its provider waits for the recipient "
	    "to confirm it; after this many days still pending it is "
	    "confirmed without them, the next time either member's home "
	    "page or statement is shown (0: never).",
	    SETTING_PAGE(N_("site.group.ledger"),
	    N_("site.setting.exchange_auto_confirm_days"),
	    N_("site.setting.exchange_auto_confirm_days.help")) },
	[SETTING_MAIL_PER_MINUTE] = { "mail_per_minute", SETTING_INT,
	    "1200", 1, 1000000, NULL, "weft-mailer",
	    "The most messages the mailers hand to the relay in one minute, "
	    "all of them together: a relay or a provider that limits a "
	    "sender's rate defers the rest, which only slows them more.",
	    SETTING_PAGE(N_("site.group.mail"),
	    N_("site.setting.mail_per_minute"),
	    N_("site.setting.mail_per_minute.help")) },
	[SETTING_SITE_NAME] = { "site_name", SETTING_TEXT, "", 0, 80, NULL,
	    "every program",
	    "The timebank's name, shown at the top of every page and in the "
	    "title of the browser's tab (empty: weft).",
	    SETTING_PAGE(N_("site.group.timebank"),
	    N_("site.setting.site_name"),
	    N_("site.setting.site_name.help")) },
	[SETTING_SITE_DESCRIPTION] = { "site_description", SETTING_TEXT, "",
	    0, 160, NULL, "every program",
	    "A short description of the timebank, shown beside its name at "
	    "the top of every page (empty: timebank, in the reader's "
	    "language).",
	    SETTING_PAGE(N_("site.group.timebank"),
	    N_("site.setting.site_description"),
	    N_("site.setting.site_description.help")) },
	[SETTING_CONTACT_EMAIL] = { "contact_email", SETTING_TEXT, "", 0,
	    254, NULL, "every program",
	    "The address members and visitors write to, shown at the foot "
	    "of every page (empty: none shown).",
	    SETTING_PAGE(N_("site.group.timebank"),
	    N_("site.setting.contact_email"),
	    N_("site.setting.contact_email.help")),
	    .format = SETTING_FORMAT_EMAIL },
	[SETTING_MAIL_FROM_ADDRESS] = { "mail_from_address", SETTING_TEXT,
	    "", 0, 254, NULL, "mail",
	    "The address of the From of the mail weft sends (empty: "
	    "weft.conf's mail_from).",
	    SETTING_PAGE(N_("site.group.mail"),
	    N_("site.setting.mail_from_address"),
	    N_("site.setting.mail_from_address.help")),
	    .format = SETTING_FORMAT_EMAIL },
	[SETTING_MAIL_FROM_NAME] = { "mail_from_name", SETTING_TEXT, "", 0,
	    80, NULL, "mail",
	    "The name of the From of the mail weft sends (empty: the "
	    "timebank's name).",
	    SETTING_PAGE(N_("site.group.mail"),
	    N_("site.setting.mail_from_name"),
	    N_("site.setting.mail_from_name.help")),
	    .format = SETTING_FORMAT_NAME },
	[SETTING_TIME_ZONE] = { "time_zone", SETTING_TEXT, "UTC", 1, 64,
	    NULL, "every program",
	    "The timebank's time zone, a name of the tz database "
	    "(Europe/Dublin, America/New_York) that the server has: the "
	    "moments pages show (stored in UTC) are shown in it.",
	    SETTING_PAGE(N_("site.group.timebank"),
	    N_("site.setting.time_zone"),
	    N_("site.setting.time_zone.help")),
	    .format = SETTING_FORMAT_ZONE },
	[SETTING_DEFAULT_LANGUAGE] = { "default_language", SETTING_TEXT, "en",
	    1, 35, NULL, "every program",
	    "The language of a visitor whose browser asks for none the "
	    "timebank offers, and the one special pages fall back to; one of "
	    "the enabled languages.",
	    SETTING_PAGE(N_("site.group.timebank"),
	    N_("site.setting.default_language"),
	    N_("site.setting.default_language.help")),
	    .format = SETTING_FORMAT_LANG },
	[SETTING_AD_RENEWAL_DAYS] = { "ad_renewal_days", SETTING_INT, "90",
	    1, 365, NULL, "exchanges",
	    "How many days a new offer or request stays up before its owner "
	    "must renew it (the date its form proposes).",
	    SETTING_PAGE(N_("site.group.ads"),
	    N_("site.setting.ad_renewal_days"),
	    N_("site.setting.ad_renewal_days.help")) },
	[SETTING_SESSION_IDLE_MINUTES] = { "session_idle_minutes",
	    SETTING_INT, "0", 0, 43200, NULL, "every program",
	    "After how many minutes without a request a member must log in "
	    "again (0: weft.conf's session_idle_s, which is also the "
	    "longest this may be).",
	    SETTING_PAGE(N_("site.group.sessions"),
	    N_("site.setting.session_idle_minutes"),
	    N_("site.setting.session_idle_minutes.help")) },
	[SETTING_SIGNUP_MODE] = { "signup_mode", SETTING_CHOICE, "open", 0, 0,
	    settings_signup_modes, "account",
	    "open: anyone may apply to join at /signup, and a coordinator "
	    "approves them; closed: /signup says so, and only coordinators "
	    "add members (/members/new).",
	    SETTING_PAGE(N_("site.group.signup"),
	    N_("site.setting.signup_mode"),
	    N_("site.setting.signup_mode.help")),
	    .choice_labels = settings_signup_mode_labels },
	[SETTING_PAYMENTS_ENABLED] = { "payments_enabled", SETTING_CHOICE,
	    "off", 0, 0, settings_off_on, "payments",
	    "on: the payments area (/payments: subscriptions, charges, "
	    "payments, renewal notices) is in use; off: it is closed and "
	    "nothing of it shows.  Changed on /payments/feature, which shows "
	    "first who would be mailed.",
	    SETTING_PAGE(N_("site.group.payments"),
	    N_("site.setting.payments_enabled"), NULL),
	    .elsewhere = "/payments/feature" },
	[SETTING_PAYMENT_CURRENCY] = { "payment_currency", SETTING_CHOICE,
	    "EUR", 0, 0, money_currency_codes, "payments",
	    "The ISO 4217 currency of subscription amounts.  A charge and a "
	    "payment keep the currency they were made in.",
	    SETTING_PAGE(N_("site.group.payments"),
	    N_("site.setting.payment_currency"),
	    N_("site.setting.payment_currency.help")) },
	[SETTING_PAYMENT_GRACE_DAYS] = { "payment_grace_days", SETTING_INT,
	    "30", 0, 3650, NULL, "payments",
	    "How many days after its renewal date an unpaid subscription is "
	    "overdue; after that it has lapsed.",
	    SETTING_PAGE(N_("site.group.payments"),
	    N_("site.setting.payment_grace_days"),
	    N_("site.setting.payment_grace_days.help")) },
	[SETTING_PAYMENT_REMINDER_DAYS] = { "payment_reminder_days",
	    SETTING_INT, "14", 0, 365, NULL, "payments",
	    "A subscription is due this many days before its renewal date; "
	    "the first renewal reminder is sent then, the second on the "
	    "date (0: on the date only).",
	    SETTING_PAGE(N_("site.group.payments"),
	    N_("site.setting.payment_reminder_days"),
	    N_("site.setting.payment_reminder_days.help")) },
	[SETTING_APPLICATION_WAITING_DAYS] = {
	    .name = "application_waiting_days", .type = SETTING_INT,
	    .dflt = "14", .min = 1, .max = 365, .choices = NULL,
	    .area = "members",
	    .description = "An application waiting longer than this many "
	    "days is late: the coordinators' dashboard lists it, and "
	    "weft-mailer reminds the coordinators who may approve it once a "
	    "day.",
	    SETTING_PAGE(N_("site.group.signup"),
	    N_("site.setting.application_waiting_days"),
	    N_("site.setting.application_waiting_days.help")) },
	[SETTING_APPLICATION_EXPIRE_DAYS] = {
	    .name = "application_expire_days", .type = SETTING_INT,
	    .dflt = "90", .min = 1, .max = 3650, .choices = NULL,
	    .area = "members",
	    .description = "The age in days that the bulk expiry of "
	    "applications (/members/applications) proposes; the "
	    "coordinator may choose another before the preview.",
	    SETTING_PAGE(N_("site.group.signup"),
	    N_("site.setting.application_expire_days"),
	    N_("site.setting.application_expire_days.help")) },
	[SETTING_SIGNUP_PHONE] = SETTING_SIGNUP_FIELD("signup_phone",
	    "Whether the application form asks for the phone number: "
	    "hidden, optional or required.",
	    N_("site.setting.signup_phone")),
	[SETTING_SIGNUP_ADDRESS] = SETTING_SIGNUP_FIELD("signup_address",
	    "Whether the application form asks for the postal address: "
	    "hidden, optional or required.",
	    N_("site.setting.signup_address")),
	[SETTING_SIGNUP_NEIGHBOURHOOD] = SETTING_SIGNUP_FIELD("signup_neighbourhood",
	    "Whether the application form asks for the neighbourhood (from the site's list): "
	    "hidden, optional or required.",
	    N_("site.setting.signup_neighbourhood")),
	[SETTING_SIGNUP_COUNTY] = SETTING_SIGNUP_FIELD("signup_county",
	    "Whether the application form asks for the county (from the site's list): "
	    "hidden, optional or required.",
	    N_("site.setting.signup_county")),
	[SETTING_SIGNUP_AFFILIATION] = SETTING_SIGNUP_FIELD("signup_affiliation",
	    "Whether the application form asks for the affiliation (from the site's list): "
	    "hidden, optional or required.",
	    N_("site.setting.signup_affiliation")),
	[SETTING_SIGNUP_BIRTH_DATE] = SETTING_SIGNUP_FIELD("signup_birth_date",
	    "Whether the application form asks for the date of birth: "
	    "hidden, optional or required.",
	    N_("site.setting.signup_birth_date")),
	[SETTING_SIGNUP_HEARD_ABOUT] = SETTING_SIGNUP_FIELD("signup_heard_about",
	    "Whether the application form asks for how the applicant heard of the timebank: "
	    "hidden, optional or required.",
	    N_("site.setting.signup_heard_about")),
	[SETTING_SIGNUP_TERMS] = SETTING_SIGNUP_FIELD("signup_terms",
	    "Whether the application form asks for the acceptance of the terms of membership (/terms): "
	    "hidden, optional or required.",
	    N_("site.setting.signup_terms")),
	[SETTING_SIGNUP_Q1] = SETTING_SIGNUP_QUESTION("signup_question_1",
	    N_("site.setting.signup_question_1")),
	[SETTING_SIGNUP_Q1_KIND] = SETTING_SIGNUP_KIND(
	    "signup_question_1_kind",
	    N_("site.setting.signup_question_1_kind")),
	[SETTING_SIGNUP_Q1_CHOICES] = SETTING_SIGNUP_CHOICES(
	    "signup_question_1_choices",
	    N_("site.setting.signup_question_1_choices")),
	[SETTING_SIGNUP_Q1_REQUIRED] = SETTING_SIGNUP_REQUIRED(
	    "signup_question_1_required",
	    N_("site.setting.signup_question_1_required")),
	[SETTING_SIGNUP_Q2] = SETTING_SIGNUP_QUESTION("signup_question_2",
	    N_("site.setting.signup_question_2")),
	[SETTING_SIGNUP_Q2_KIND] = SETTING_SIGNUP_KIND(
	    "signup_question_2_kind",
	    N_("site.setting.signup_question_2_kind")),
	[SETTING_SIGNUP_Q2_CHOICES] = SETTING_SIGNUP_CHOICES(
	    "signup_question_2_choices",
	    N_("site.setting.signup_question_2_choices")),
	[SETTING_SIGNUP_Q2_REQUIRED] = SETTING_SIGNUP_REQUIRED(
	    "signup_question_2_required",
	    N_("site.setting.signup_question_2_required")),
	[SETTING_SIGNUP_Q3] = SETTING_SIGNUP_QUESTION("signup_question_3",
	    N_("site.setting.signup_question_3")),
	[SETTING_SIGNUP_Q3_KIND] = SETTING_SIGNUP_KIND(
	    "signup_question_3_kind",
	    N_("site.setting.signup_question_3_kind")),
	[SETTING_SIGNUP_Q3_CHOICES] = SETTING_SIGNUP_CHOICES(
	    "signup_question_3_choices",
	    N_("site.setting.signup_question_3_choices")),
	[SETTING_SIGNUP_Q3_REQUIRED] = SETTING_SIGNUP_REQUIRED(
	    "signup_question_3_required",
	    N_("site.setting.signup_question_3_required")),
	[SETTING_SIGNUP_Q4] = SETTING_SIGNUP_QUESTION("signup_question_4",
	    N_("site.setting.signup_question_4")),
	[SETTING_SIGNUP_Q4_KIND] = SETTING_SIGNUP_KIND(
	    "signup_question_4_kind",
	    N_("site.setting.signup_question_4_kind")),
	[SETTING_SIGNUP_Q4_CHOICES] = SETTING_SIGNUP_CHOICES(
	    "signup_question_4_choices",
	    N_("site.setting.signup_question_4_choices")),
	[SETTING_SIGNUP_Q4_REQUIRED] = SETTING_SIGNUP_REQUIRED(
	    "signup_question_4_required",
	    N_("site.setting.signup_question_4_required")),
	[SETTING_SIGNUP_Q5] = SETTING_SIGNUP_QUESTION("signup_question_5",
	    N_("site.setting.signup_question_5")),
	[SETTING_SIGNUP_Q5_KIND] = SETTING_SIGNUP_KIND(
	    "signup_question_5_kind",
	    N_("site.setting.signup_question_5_kind")),
	[SETTING_SIGNUP_Q5_CHOICES] = SETTING_SIGNUP_CHOICES(
	    "signup_question_5_choices",
	    N_("site.setting.signup_question_5_choices")),
	[SETTING_SIGNUP_Q5_REQUIRED] = SETTING_SIGNUP_REQUIRED(
	    "signup_question_5_required",
	    N_("site.setting.signup_question_5_required")),
};

const char *const setting_type_names[SETTING_TYPE__MAX] = {
	"integer", "choice", "text",
};

const char *const setting_format_names[SETTING_FORMAT__MAX] = {
	"one line", "e-mail address", "display name", "language tag",
	"time zone", "choices separated by |",
};

/*
 * The worker's copy.  generation is the one the values were read at (0:
 * not read, or read inside a transaction that changed them, which may
 * yet roll back); seen is this request's, from the session statement or
 * from the first read (0: not known yet).
 */
static struct {
	int		 ready;
	int		 dirty;	/* settings_set() ran in this request */
	long long	 generation;
	long long	 seen;
	long long	 n[SETTING__MAX];
	char		 s[SETTING__MAX][SETTINGS_VALUE_MAX];
} settings_copy;

int
settings_find(const char *name, enum setting *out)
{
	size_t	 i;

	for (i = 0; name != NULL && i < SETTING__MAX; i++)
		if (strcmp(settings_defs[i].name, name) == 0) {
			*out = (enum setting)i;
			return 0;
		}
	return -1;
}

/*
 * A tz database name as the server has it: letters, digits and "_+-"
 * in segments joined by "/", none starting with a dot, and a file of
 * that name under /usr/share/zoneinfo.
 */
static enum valid_err
settings_zone_ok(const char *in)
{
	char		 path[128];
	struct stat	 st;
	const char	*p;

	for (p = in; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("_+-/", *p) != NULL))
			return VALID_FORMAT;
	if (in[0] == '/' || strstr(in, "//") != NULL ||
	    in[strlen(in) - 1] == '/')
		return VALID_FORMAT;
	if (snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", in) >=
	    (int)sizeof(path))
		return VALID_TOO_LONG;
	if (stat(path, &st) == -1 || !S_ISREG(st.st_mode))
		return VALID_FORMAT;
	return VALID_OK;
}

/* A SETTING_TEXT's value: its length, one line, then its format. */
int
settings_choice(const char *value, size_t i, char *out, size_t len)
{
	const char	*p = value, *q;
	size_t		 k, n;

	if (value[0] == '\0' || len == 0)
		return -1;
	for (k = 0; k < i; k++) {
		if ((p = strchr(p, '|')) == NULL)
			return -1;
		p++;
	}
	if ((q = strchr(p, '|')) == NULL)
		q = p + strlen(p);
	while (p < q && (*p == ' ' || *p == '\t'))
		p++;
	while (q > p && (q[-1] == ' ' || q[-1] == '\t'))
		q--;
	n = (size_t)(q - p);
	if (n >= len)
		n = len - 1;
	memcpy(out, p, n);
	out[n] = '\0';
	return 0;
}

/* Choices separated by '|' (settings_choice()): each of 1 to
 * SETTING_CHOICE_LEN characters, none twice, at most
 * SETTING_CHOICES_MAX of them. */
static enum valid_err
settings_choices_ok(const char *value)
{
	static char	 seen[SETTING_CHOICES_MAX][SETTINGS_VALUE_MAX];
	char		 c[SETTINGS_VALUE_MAX];
	size_t		 i, j;

	for (i = 0; settings_choice(value, i, c, sizeof(c)) == 0; i++) {
		if (i >= SETTING_CHOICES_MAX)
			return VALID_RANGE;
		if (c[0] == '\0')
			return VALID_FORMAT;
		if (valid_text(c, 1, SETTING_CHOICE_LEN, 0) != VALID_OK)
			return VALID_TOO_LONG;
		for (j = 0; j < i; j++)
			if (strcmp(seen[j], c) == 0)
				return VALID_FORMAT;
		memcpy(seen[i], c, sizeof(c));
	}
	return VALID_OK;
}

static enum valid_err
settings_parse_text(const struct setting_def *d, const char *value)
{
	enum valid_err	 e;

	if (value[0] == '\0')
		return d->min == 0 ? VALID_OK : VALID_EMPTY;
	if ((e = valid_text(value, (size_t)d->min, (size_t)d->max, 0)) !=
	    VALID_OK)
		return e;
	switch (d->format) {
	case SETTING_FORMAT_EMAIL:
		return valid_email(value);
	case SETTING_FORMAT_NAME:
		return strpbrk(value, "\"<>@,;\\") != NULL ? VALID_FORMAT :
		    VALID_OK;
	case SETTING_FORMAT_LANG:
		return valid_lang(value);
	case SETTING_FORMAT_ZONE:
		return settings_zone_ok(value);
	case SETTING_FORMAT_CHOICES:
		return settings_choices_ok(value);
	default:
		return VALID_OK;
	}
}

enum valid_err
settings_parse(enum setting id, const char *value, long long *n)
{
	const struct setting_def	*d;
	long long			 i;

	*n = 0;
	if ((unsigned)id >= SETTING__MAX)
		return VALID_FORMAT;
	d = &settings_defs[id];
	if (value == NULL)
		return VALID_EMPTY;
	if (strlen(value) >= SETTINGS_VALUE_MAX)
		return VALID_TOO_LONG;
	if (d->type == SETTING_TEXT)
		return settings_parse_text(d, value);
	if (value[0] == '\0')
		return VALID_EMPTY;
	switch (d->type) {
	case SETTING_INT:
		return valid_int(value, d->min, d->max, n);
	case SETTING_CHOICE:
		for (i = 0; d->choices[i] != NULL; i++)
			if (strcmp(d->choices[i], value) == 0) {
				*n = i;
				return VALID_OK;
			}
		return VALID_FORMAT;
	default:
		return VALID_FORMAT;
	}
}

/* Stores value as setting id's, if valid: 0, or -1 (kept as it was). */
static int
settings_store(enum setting id, const char *value)
{
	long long	 n;

	if (settings_parse(id, value, &n) != VALID_OK)
		return -1;
	settings_copy.n[id] = n;
	snprintf(settings_copy.s[id], SETTINGS_VALUE_MAX, "%s", value);
	return 0;
}

static void
settings_defaults(void)
{
	size_t	 i;

	for (i = 0; i < SETTING__MAX; i++)
		if (settings_store((enum setting)i, settings_defs[i].dflt) ==
		    -1)
			log_msg(LOGL_ERROR, "settings: the default of %s is "
			    "not valid", settings_defs[i].name);
	settings_copy.ready = 1;
}

void
settings_expect(long long generation)
{
	settings_copy.seen = generation;
	settings_copy.dirty = 0;
}

/*
 * The generation, and every row when it is not the copy's (the join
 * finds no row of settings when it is): one statement either way.  The
 * values and the number they were read at come from one snapshot.
 */
static const char settings_sql[] =
    "SELECT g.generation, s.name, s.value FROM cache_generations g"
    " LEFT JOIN settings s ON g.generation <> ?"
    " WHERE g.name = 'settings'";

/* One row of the settings table into the copy; a value the table
 * refuses keeps the default and says so: a typo in the settings must not
 * open the ledger to anything. */
static void
settings_row(const char *name, const char *value)
{
	enum setting	 id;

	if (name == NULL || settings_find(name, &id) == -1)
		return;	/* another version's setting, or none */
	if (settings_store(id, value != NULL ? value : "") == -1)
		log_msg(LOGL_WARN, "settings: bad %s", name);
}

enum weft_err
settings_refresh(void)
{
	struct db_rows	*r;
	long long	 gen = 0;
	enum weft_err	 e;

	if (!settings_copy.ready)
		settings_defaults();
	if (settings_copy.seen != 0 &&
	    settings_copy.seen == settings_copy.generation)
		return WEFT_OK;
	if ((e = db_query(&r, settings_sql, "i", settings_copy.generation)) !=
	    WEFT_OK)
		return e;
	if (db_next(r) && (gen = db_int(r, 0)) != settings_copy.generation) {
		settings_defaults();
		do
			settings_row(db_str(r, 1), db_str(r, 2));
		while (db_next(r));
		settings_copy.generation = settings_copy.dirty ? 0 : gen;
	}
	db_rows_free(r);
	if (gen == 0) {
		log_msg(LOGL_ERROR, "settings: no generation (sql/012)");
		return WEFT_ERR_DB;
	}
	settings_copy.seen = gen;
	return WEFT_OK;
}

/* The copy made current if the database answers, for reading id. */
static void
settings_current(enum setting id)
{
	enum weft_err	 e;

	if ((e = settings_refresh()) != WEFT_OK)
		log_msg(LOGL_WARN, "settings: %s read as before: %s",
		    settings_defs[id].name, weft_strerror(e));
}

long long
settings_int(enum setting id)
{
	settings_current(id);
	return settings_copy.n[id];
}

const char *
settings_str(enum setting id)
{
	settings_current(id);
	return settings_copy.s[id];
}

/* {"name":…,"value":…}, value null for none. */
static void
settings_json(struct buf *b, const char *name, const char *value)
{
	buf_puts(b, "{\"name\":");
	buf_json_str(b, name);
	buf_puts(b, ",\"value\":");
	if (value != NULL)
		buf_json_str(b, value);
	else
		buf_puts(b, "null");
	buf_puts(b, "}");
}

/* The stored value of name into before (NULL: no row), its row locked. */
static enum weft_err
settings_lock(const char *name, struct buf *before)
{
	struct db_rows	*r;
	enum weft_err	 e;

	if ((e = db_query(&r, "SELECT value FROM settings WHERE name = ?"
	    " FOR UPDATE", "s", name)) != WEFT_OK)
		return e;
	settings_json(before, name, db_next(r) ? db_str(r, 0) : NULL);
	db_rows_free(r);
	return WEFT_OK;
}

long long
settings_session_idle_s(void)
{
	long long	 m = settings_int(SETTING_SESSION_IDLE_MINUTES);

	if (m <= 0 || m * 60 > (long long)config.session_idle_s)
		return config.session_idle_s;
	return m * 60;
}

enum weft_err
settings_set(const struct actor *a, enum setting id, const char *value,
    enum valid_err *why)
{
	return settings_set_as(a, "setting.set", id, value, why);
}

enum weft_err
settings_set_as(const struct actor *a, const char *action, enum setting id,
    const char *value, enum valid_err *why)
{
	const char	*name;
	struct buf	 before, after;
	long long	 n, gen;
	enum weft_err	 e;

	if ((*why = settings_parse(id, value, &n)) != VALID_OK)
		return WEFT_ERR_INVALID;
	name = settings_defs[id].name;
	buf_init(&before);
	buf_init(&after);
	settings_json(&after, name, value);
	if ((e = settings_lock(name, &before)) != WEFT_OK ||
	    (e = db_exec("INSERT INTO settings (name, value) VALUES (?, ?)"
	    " ON DUPLICATE KEY UPDATE value = VALUES(value),"
	    " updated_at = UTC_TIMESTAMP()", "ss", name, value)) != WEFT_OK ||
	    (e = db_exec("UPDATE cache_generations SET generation ="
	    " LAST_INSERT_ID(generation + 1) WHERE name = 'settings'", "")) !=
	    WEFT_OK)
		goto out;
	if (db_affected() != 1 || (gen = db_insert_id()) <= 0) {
		log_msg(LOGL_ERROR, "settings: no generation (sql/012)");
		e = WEFT_ERR_DB;
		goto out;
	}
	if (buf_failed(&before) || buf_failed(&after)) {
		e = WEFT_ERR_NOMEM;
		goto out;
	}
	e = audit_write(a, action, "setting", gen, 0, before.p,
	    after.p);
out:
	/* Read again, at once and on the next request: this transaction
	 * may still roll back. */
	settings_copy.dirty = 1;
	settings_copy.generation = 0;
	settings_copy.seen = 0;
	buf_free(&before);
	buf_free(&after);
	return e;
}
