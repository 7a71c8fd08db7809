-- The daily digest of new applications (docs/mail.md, "Account mail"):
-- a coordinator who may approve applications chooses, on /me, to receive
-- the notices one by one (0, the default) or as one message a day (1).
-- weft-mailer's job (cgi-bin/weft-mailer/digest.c) writes one row of
-- application_digests per coordinator and day in the transaction that
-- queues the digest, so that the job, run again or by two workers at
-- once, queues it once.  day: the UTC day whose applications it lists.
ALTER TABLE members ADD COLUMN application_digest TINYINT(1) NOT NULL
    DEFAULT 0;

CREATE TABLE application_digests (
	member_id	BIGINT NOT NULL,
	day		DATE NOT NULL,
	applications	INT NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	PRIMARY KEY (member_id, day),
	CONSTRAINT application_digests_member FOREIGN KEY (member_id)
	    REFERENCES members (id) ON DELETE CASCADE
) ENGINE=InnoDB;
