/*
 * weft-mailer's periodic jobs (docs/mail.md, "Periodic jobs"): work that
 * no request causes, run without a person on a period of its own.  One
 * row of mailer_jobs[] each; adding a job is adding its row (a function
 * of common/ that does the whole run in its own transactions, idempotent,
 * and says how much it did).
 *
 * Each worker looks every MAILER_JOBS_LOOK_S seconds (and at its start)
 * at every job, and runs the one whose row of periodic_jobs it claims:
 * the row's next_at reached, set to a period later in the same
 * statement, so that however many workers, mailers and hosts look, one
 * of them runs it once per period.  A job first seen runs at once.  A
 * run that fails is logged and recorded in the row; the next is a
 * period later (each job is idempotent: a reminder queued twice is
 * queued once).  `weft-mailer -c CONF --job NAME` runs one job once and
 * exits, without a claim (the tests, an operator).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "err.h"
#include "log.h"
#include "mailer.h"
#include "sub_reminders.h"
#include "super.h"

#define MAILER_JOBS_LOOK_S	5	/* between two looks of a worker */

struct mailer_job {
	const char	*name;		/* its row of periodic_jobs */
	int		 every_s;	/* its period */
	/* The whole run; *count what it did (for the log and the row). */
	enum weft_err	(*run)(long long *count);
};

static const struct mailer_job mailer_jobs[] = {
	/* Renewal reminders (docs/payments.md, "Notices"); nothing while
	 * payments are off. */
	{ SUB_REMINDERS_JOB, 3600, sub_reminders_job },
	/* The daily digest of new applications (docs/mail.md); each
	 * coordinator's day is marked, so a look every 10 minutes sends
	 * yesterday's soon after midnight (UTC) and once. */
	{ "application_digest", 600, mailer_digest_job },
	/* The daily reminder of applications waiting too long (docs/mail.md);
	 * each coordinator's day is marked, as the digest's. */
	{ "application_reminder", 600, mailer_reminder_job },
};

#define MAILER_NJOBS	(sizeof(mailer_jobs) / sizeof(mailer_jobs[0]))

/* Claims job j's row for one run: 1 when this worker is to run it. */
static int
mailer_job_claim(const struct mailer_job *j)
{
	if (db_exec("INSERT IGNORE INTO periodic_jobs (name, next_at)"
	    " VALUES (?, UTC_TIMESTAMP(6))", "s", j->name) != WEFT_OK)
		return 0;
	if (db_exec("UPDATE periodic_jobs SET next_at = UTC_TIMESTAMP(6)"
	    " + INTERVAL ? SECOND, started_at = UTC_TIMESTAMP(6),"
	    " runs = runs + 1 WHERE name = ? AND next_at <= UTC_TIMESTAMP(6)",
	    "is", (long long)j->every_s, j->name) != WEFT_OK)
		return 0;
	return db_affected() == 1;
}

static void
mailer_job_run(const struct mailer_job *j)
{
	long long	 count = 0;
	enum weft_err	 e;

	e = j->run(&count);
	if (e != WEFT_OK)
		log_msg(LOGL_ERROR, "mailer: job %s: %s (again in %d s)",
		    j->name, weft_strerror(e), j->every_s);
	else
		log_msg(count > 0 ? LOGL_INFO : LOGL_DEBUG,
		    "mailer: job %s: %lld done", j->name, count);
	if (db_exec("UPDATE periodic_jobs SET done_at = UTC_TIMESTAMP(6),"
	    " last_count = ?, last_error = ? WHERE name = ?", "iss", count,
	    e == WEFT_OK ? NULL : weft_strerror(e), j->name) != WEFT_OK)
		log_msg(LOGL_WARN, "mailer: job %s: its end was not recorded",
		    j->name);
}

void
mailer_jobs_tick(void)
{
	static time_t	 last;
	time_t		 now = time(NULL);
	size_t		 i;

	if (last != 0 && now - last < MAILER_JOBS_LOOK_S && now >= last)
		return;
	last = now;
	if (db_ensure() != WEFT_OK)
		return;
	for (i = 0; i < MAILER_NJOBS; i++)
		if (mailer_job_claim(&mailer_jobs[i]))
			mailer_job_run(&mailer_jobs[i]);
}

int
mailer_jobs_main(int argc, char *argv[])
{
	const char	*conf = NULL, *job = NULL;
	long long	 count = 0;
	size_t		 i;
	int		 k, rc = 1;
	enum weft_err	 e;

	for (k = 1; k + 1 < argc; k += 2)
		if (strcmp(argv[k], "-c") == 0)
			conf = argv[k + 1];
		else if (strcmp(argv[k], "--job") == 0)
			job = argv[k + 1];
		else
			return -1;
	if (job == NULL || k != argc)
		return -1;
	for (i = 0; i < MAILER_NJOBS; i++)
		if (strcmp(mailer_jobs[i].name, job) == 0)
			break;
	if (i == MAILER_NJOBS) {
		fprintf(stderr, "weft-mailer: no job %s\n", job);
		return 2;
	}
	if (super_config("weft-mailer", conf, 1) < 0 || mailer_text() != 0)
		return 1;
	if (db_connect() == WEFT_OK) {
		if ((e = mailer_jobs[i].run(&count)) == WEFT_OK) {
			printf("%s: %lld done\n", job, count);
			rc = 0;
		} else
			fprintf(stderr, "weft-mailer: job %s: %s\n", job,
			    weft_strerror(e));
	}
	db_close();
	return rc;
}
