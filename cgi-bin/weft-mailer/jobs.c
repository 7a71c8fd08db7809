/*
 * The mailer's periodic jobs (mailer.h): each worker runs a job when its
 * period has passed since it last did, between two batches; a job is
 * idempotent (two workers, or a run after a restart, do its work once).
 * `weft-mailer -c CONF --job NAME` runs one job once and exits (the
 * tests, an operator).  One row per job.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "db.h"
#include "log.h"
#include "mailer.h"
#include "super.h"
#include "util.h"

static struct mailer_job {
	const char	*name;
	int		 period_s;
	enum weft_err	(*run)(void);
	time_t		 last;		/* this process's last run */
} mailer_jobs[] = {
	{ "application_digest", 600, mailer_digest_job, 0 },
};

void
mailer_jobs_due(void)
{
	time_t	 now = time(NULL);
	size_t	 i;

	for (i = 0; i < NELEM(mailer_jobs); i++) {
		if (mailer_jobs[i].last != 0 &&
		    now - mailer_jobs[i].last < mailer_jobs[i].period_s)
			continue;
		mailer_jobs[i].last = now;
		if (db_ensure() != WEFT_OK || mailer_jobs[i].run() != WEFT_OK)
			log_msg(LOGL_WARN, "mailer: job %s failed; trying "
			    "again in %d s", mailer_jobs[i].name,
			    mailer_jobs[i].period_s);
	}
}

int
mailer_jobs_main(int argc, char *argv[])
{
	const char	*conf = NULL, *job = NULL;
	size_t		 i;
	int		 k, rc = 1;

	for (k = 1; k + 1 < argc; k += 2)
		if (strcmp(argv[k], "-c") == 0)
			conf = argv[k + 1];
		else if (strcmp(argv[k], "--job") == 0)
			job = argv[k + 1];
		else
			return -1;
	if (job == NULL || k != argc)
		return -1;
	for (i = 0; i < NELEM(mailer_jobs); i++)
		if (strcmp(mailer_jobs[i].name, job) == 0)
			break;
	if (i == NELEM(mailer_jobs)) {
		fprintf(stderr, "weft-mailer: no job %s\n", job);
		return 2;
	}
	if (super_config("weft-mailer", conf, 1) < 0 || mailer_text() != 0)
		return 1;
	if (db_connect() == WEFT_OK && mailer_jobs[i].run() == WEFT_OK)
		rc = 0;
	db_close();
	return rc;
}
