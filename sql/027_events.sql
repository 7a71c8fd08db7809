-- Events (docs/broadcasts.md, "Events"): what the timebank or one of its
-- Community Timebanks (community_id; NULL: the whole timebank's, which
-- only site grants manage) holds, when (UTC) and where.  Members see the
-- whole timebank's and their community's, in a list and a month view;
-- past events are kept.
CREATE TABLE events (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	community_id	BIGINT NULL,
	title		VARCHAR(200) NOT NULL,
	description	TEXT NOT NULL,
	place		VARCHAR(255) NOT NULL DEFAULT '',
	starts_at	DATETIME NOT NULL,
	ends_at		DATETIME NOT NULL,
	created_by	BIGINT NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	KEY events_starts (starts_at, id),
	KEY events_community (community_id, starts_at),
	CONSTRAINT events_community FOREIGN KEY (community_id)
	    REFERENCES communities (id),
	CONSTRAINT events_author FOREIGN KEY (created_by)
	    REFERENCES members (id),
	CONSTRAINT events_times CHECK (ends_at >= starts_at)
) ENGINE=InnoDB;
