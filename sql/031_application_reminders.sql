-- The daily reminder of applications waiting too long (issue 17;
-- docs/mail.md "Account mail"): weft-mailer's job application_reminder
-- (cgi-bin/weft-mailer/reminder.c) writes one row per coordinator who may
-- approve and UTC day, in the transaction that queues their reminder, so
-- that the job, run again or by two workers at once, queues it once a
-- day.  applications: how many the reminder listed (0: none was late in
-- their scope, and no message was queued).
CREATE TABLE application_reminders (
	member_id	BIGINT NOT NULL,
	day		DATE NOT NULL,
	applications	INT NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	PRIMARY KEY (member_id, day),
	CONSTRAINT application_reminders_member FOREIGN KEY (member_id)
	    REFERENCES members (id) ON DELETE CASCADE
) ENGINE=InnoDB;
