-- Applications handled to the end (issue 17; docs/site.md "Applications
-- to the end"): an application a coordinator rejects (/members/:id/reject)
-- or expires in bulk (/members/applications/expire) leaves the queue.
-- The applicant's row stays, with status 'disabled' and no approved_at
-- (so nothing that counts waiting applications counts it, and it cannot
-- log in), and one row here says why, for the coordinators who may
-- approve (the profile's application panel; the audit log has the same).
-- The e-mail address is released by the status alone: signup refuses a
-- second application only while one with that address is 'applying'.
-- The username stays the old row's (the audit reads it), so a new
-- application chooses another one; the log-in page says so.
--   kind         rejected by a coordinator, or expired in bulk
--   reason       the coordinator's words ('' for an expiry: the batch's
--                age is in the audit row)
--   mailed       whether the applicant was told (an outbox row in the
--                same transaction)
CREATE TABLE member_rejections (
	member_id	BIGINT NOT NULL PRIMARY KEY,
	kind		ENUM('rejected','expired') NOT NULL,
	reason		TEXT NOT NULL,
	mailed		TINYINT(1) NOT NULL DEFAULT 0,
	rejected_by	BIGINT NULL,
	rejected_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	CONSTRAINT member_rejections_member FOREIGN KEY (member_id)
	    REFERENCES members (id) ON DELETE CASCADE,
	CONSTRAINT member_rejections_by FOREIGN KEY (rejected_by)
	    REFERENCES members (id) ON DELETE SET NULL
) ENGINE=InnoDB;
