-- The periodic jobs of weft-mailer (docs/mail.md, "Periodic jobs";
-- cgi-bin/weft-mailer/jobs.c): one row per job, made by the first mailer
-- that looks at it.  A mailer runs a job after claiming its row with
--   UPDATE ... SET next_at = now + the job's period WHERE next_at <= now
-- so that, however many mailers and workers look (and on however many
-- hosts), one of them runs each job once per period.  runs counts the
-- claims; done_at, last_count and last_error say how the last run ended
-- (last_count: what it did, e.g. the reminders queued).
CREATE TABLE periodic_jobs (
	name		VARCHAR(64) CHARACTER SET ascii NOT NULL PRIMARY KEY,
	next_at		DATETIME(6) NOT NULL,
	started_at	DATETIME(6) NULL,
	done_at		DATETIME(6) NULL,
	runs		BIGINT NOT NULL DEFAULT 0,
	last_count	BIGINT NULL,
	last_error	VARCHAR(255) NULL
) ENGINE=InnoDB;
