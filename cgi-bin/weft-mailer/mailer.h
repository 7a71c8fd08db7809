/*
 * weft-mailer (docs/mail.md): a daemon of the manifest whose workers each
 * claim a batch of due outbox rows under a lease, and hand them to the
 * relay one by one over one SMTP connection each (libcurl).
 *
 *	outbox.c	the outbox's side: claims, leases, results
 *	smtp.c		the relay's side: one libcurl handle per worker
 *	jobs.c		the periodic jobs (renewal reminders, ...)
 *	main.c		the worker's loop
 *	jobs.c		the periodic jobs, between two batches
 *	digest.c	the daily digest of new applications
 *	reminder.c	the daily reminder of applications waiting too long
 *	daily.c		what the two share
 */
#ifndef WEFT_MAILER_H
#define WEFT_MAILER_H

#include "buf.h"
#include "db.h"
#include "err.h"
#include "role.h"

struct db_rows;

/* What one try of a message came to. */
enum mailer_result {
	MAILER_SENT,
	MAILER_DEFER,		/* 4xx, a time-out: tried again later */
	MAILER_DEFER_ALL,	/* no connection: the rest of the batch too */
	MAILER_FAIL,		/* 5xx: for good */
};

/* ---- outbox.c ---- */

/* A fresh lease, unique to one claim. */
long long	 mailer_lease(void);
/* Claims up to config.mail_batch due rows under lease, within the
 * mail_per_minute budget of the current minute: *n is how many. */
enum weft_err	 mailer_claim(long long lease, long long *n);
/* The claimed rows: id, kind, member_id, to_addr, to_name, subject, body,
 * list, message_id, attempts, optout, status, the markup of the HTML
 * alternative ("" for none), lang (the MAILER_COL_ order). */
enum weft_err	 mailer_rows(long long lease, struct db_rows **out);
enum {
	MAILER_COL_ID, MAILER_COL_KIND, MAILER_COL_MEMBER, MAILER_COL_ADDR,
	MAILER_COL_NAME, MAILER_COL_SUBJECT, MAILER_COL_BODY,
	MAILER_COL_LIST, MAILER_COL_MSGID, MAILER_COL_ATTEMPTS,
	MAILER_COL_OPTOUT, MAILER_COL_STATUS, MAILER_COL_MARKUP,
	MAILER_COL_LANG,
};
/* Records a row's outcome, if it is still this lease's. */
enum weft_err	 mailer_done(long long id, long long lease, long long attempts,
		    enum mailer_result r, const char *reason);
enum weft_err	 mailer_skip(long long id, long long lease,
		    const char *reason);
/* Gives back the rows of lease not yet tried, due in delay_s seconds. */
enum weft_err	 mailer_release(long long lease, int delay_s);

/* ---- smtp.c ---- */

int		 smtp_init(void);
void		 smtp_close(void);
/* Sends msg from the envelope sender (an address; NULL or "": weft.conf's
 * mail_from's) to rcpt; *answer (at most len) the relay's answer or why
 * there is none. */
enum mailer_result smtp_send(const char *sender, const char *rcpt,
		    const struct buf *msg, char *answer, size_t len);

/* ---- jobs.c ---- */

/* Runs the periodic jobs that are due and that this worker claims;
 * looks at most every few seconds, so it is called from the loop. */
void		 mailer_jobs_tick(void);
/* `weft-mailer -c CONF --job NAME`: runs the job once, unclaimed (the
 * tests, an operator); the exit status, or -1 when the arguments are not
 * a job's (the daemon's, then). */
int		 mailer_jobs_main(int argc, char *argv[]);

/* ---- main.c ---- */

/* Loads the phrases (the mail a job renders); 0 or -1. */
int		 mailer_text(void);

/* ---- digest.c ---- */

/* Queues yesterday's (UTC) digests of new applications; *sent: how many. */
enum weft_err	 mailer_digest_job(long long *sent);
/* ---- daily.c ---- */

/* The roles that hold member.approve, as the parameters of MAILER_ROLE_IN
 * ("" pads): whom the application mails go to. */
void		 mailer_approver_roles(const char *out[ROLE__MAX]);
#define MAILER_ROLE_IN	"g.role IN (?, ?, ?, ?, ?, ?)"
_Static_assert(ROLE__MAX == 6, "MAILER_ROLE_IN has a place per role");
#define MAILER_ROLE_FMT	"ssssss"

/* What a run of a daily message passes to its list (the day and the
 * roles of mailer_approver_roles(), both set by mailer_daily_run(); the
 * job's number: the reminder's days) and to the message's first variable
 * (NULL: the day). */
struct mailer_daily_args {
	const char	*day;
	const char	*roles[ROLE__MAX];
	long long	 n;
	const char	*var_value;
};

/*
 * A coordinator's message of the day (daily.c): the digest, the reminder.
 * sql_coords: the coordinators it goes to, from the roles (MAILER_ROLE_IN)
 * and the day, without a mark of that day; sql_mark: INSERT IGNORE of the
 * mark (member, day); sql_count: its count of applications (n, member,
 * day).  The message has {var} (the args' var_value), {count} and {list},
 * list()'s lines for coordinator id in lang (*n: how many; none, no
 * message), each a line_key phrase of mailer_daily_lines().  The day is
 * days_back UTC days before today.
 */
struct mailer_daily {
	const char	*name;		/* for the log */
	long long	 days_back;
	const char	*sql_coords;
	const char	*sql_mark;
	const char	*sql_count;
	const char	*kind;
	const char	*subject_key;
	const char	*body_key;
	const char	*var;
	enum weft_err	(*list)(long long id, const char *lang,
			    const struct mailer_daily_args *,
			    struct buf *list, long long *n);
	const char	*line_key;
	const char	*line_var;	/* the 4th column's variable */
	const char	*line_empty_key; /* its phrase when empty, or NULL */
};

/* Queues d's message of the day to each of its coordinators; *sent: how
 * many. */
enum weft_err	 mailer_daily_run(const struct mailer_daily *,
		    struct mailer_daily_args *, long long *sent);
/* The lines of a list(): rows of (member id, name, username, line_var's
 * value) as d's line_key phrases in lang, one a line, into list; *n
 * counts them. */
enum weft_err	 mailer_daily_lines(struct db_rows *, const char *lang,
		    const struct mailer_daily *, struct buf *list,
		    long long *n);

/* ---- reminder.c ---- */

/* Queues today's (UTC) reminders of applications waiting longer than
 * application_waiting_days; *sent: how many. */
enum weft_err	 mailer_reminder_job(long long *sent);

#endif
