-- Alerts (docs/broadcasts.md, "Alerts"): a short notice, in the safe
-- markup, shown at the top of every page of the members it is for, from
-- starts_on to ends_on (whole UTC days, both included); for the whole
-- timebank (community_id NULL: site grants only manage it) or one
-- Community Timebank.  A member dismisses it for themself
-- (alert_dismissals).  The session statement (common/auth.c) lists the
-- ids of the alerts a member has to see, so that a page without an alert
-- costs no statement of its own.
CREATE TABLE alerts (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	community_id	BIGINT NULL,
	message		VARCHAR(1000) NOT NULL,
	starts_on	DATE NOT NULL,
	ends_on		DATE NOT NULL,
	created_by	BIGINT NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	KEY alerts_ends (ends_on, starts_on),
	KEY alerts_community (community_id, ends_on),
	CONSTRAINT alerts_community FOREIGN KEY (community_id)
	    REFERENCES communities (id),
	CONSTRAINT alerts_author FOREIGN KEY (created_by)
	    REFERENCES members (id),
	CONSTRAINT alerts_dates CHECK (ends_on >= starts_on)
) ENGINE=InnoDB;

CREATE TABLE alert_dismissals (
	alert_id	BIGINT NOT NULL,
	member_id	BIGINT NOT NULL,
	dismissed_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	PRIMARY KEY (alert_id, member_id),
	CONSTRAINT alert_dismissals_alert FOREIGN KEY (alert_id)
	    REFERENCES alerts (id) ON DELETE CASCADE,
	CONSTRAINT alert_dismissals_member FOREIGN KEY (member_id)
	    REFERENCES members (id)
) ENGINE=InnoDB;
