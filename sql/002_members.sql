-- The members area: coordinator notes, guardian angels, managers of
-- organisations, and the coordinator-only profile status.

ALTER TABLE members
	ADD COLUMN profile_status ENUM('new','complete','incomplete','hidden')
	    NOT NULL DEFAULT 'new' AFTER status,
	ADD KEY members_joined (joined_at, id),
	ADD KEY members_last_login (last_login_at, id);

-- Coordinator notes (member.notes): never shown to the member.  Only the
-- author edits their own note; nothing deletes one.
CREATE TABLE member_notes (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	member_id	BIGINT NOT NULL,
	author_id	BIGINT NOT NULL,
	body		TEXT NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	updated_at	DATETIME NULL,
	KEY member_notes_member (member_id, created_at),
	CONSTRAINT member_notes_member FOREIGN KEY (member_id)
	    REFERENCES members (id),
	CONSTRAINT member_notes_author FOREIGN KEY (author_id)
	    REFERENCES members (id)
) ENGINE=InnoDB;

-- A guardian angel acts for the member they look after while that
-- member's angel_mode is on.
CREATE TABLE guardian_angels (
	member_id	BIGINT NOT NULL,
	angel_id	BIGINT NOT NULL,
	created_by	BIGINT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	PRIMARY KEY (member_id, angel_id),
	KEY guardian_angels_angel (angel_id),
	CONSTRAINT guardian_angels_member FOREIGN KEY (member_id)
	    REFERENCES members (id),
	CONSTRAINT guardian_angels_angel FOREIGN KEY (angel_id)
	    REFERENCES members (id)
) ENGINE=InnoDB;

-- Managers of an organisation account act for the organisation.
CREATE TABLE org_managers (
	org_id		BIGINT NOT NULL,
	manager_id	BIGINT NOT NULL,
	created_by	BIGINT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	PRIMARY KEY (org_id, manager_id),
	KEY org_managers_manager (manager_id),
	CONSTRAINT org_managers_org FOREIGN KEY (org_id) REFERENCES members (id),
	CONSTRAINT org_managers_manager FOREIGN KEY (manager_id)
	    REFERENCES members (id)
) ENGINE=InnoDB;
