-- weft core schema: members, communities, grants, sessions, login throttle,
-- audit log.  All times are UTC (UTC_TIMESTAMP()).  Ids are signed BIGINT so
-- that C reads them as long long.

CREATE TABLE communities (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(128) NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY communities_name (name)
) ENGINE=InnoDB;

CREATE TABLE members (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	username	VARCHAR(32) NOT NULL,
	email		VARCHAR(254) NOT NULL,
	name		VARCHAR(128) NOT NULL,
	password_hash	VARCHAR(160) NOT NULL,
	status		ENUM('applying','approved','disabled') NOT NULL
			    DEFAULT 'applying',
	lang		VARCHAR(16) NOT NULL DEFAULT 'en',
	community_id	BIGINT NULL,
	is_organisation	TINYINT(1) NOT NULL DEFAULT 0,
	optout		TINYINT(1) NOT NULL DEFAULT 0,
	angel_mode	TINYINT(1) NOT NULL DEFAULT 0,
	phone		VARCHAR(40) NOT NULL DEFAULT '',
	address		VARCHAR(255) NOT NULL DEFAULT '',
	about		TEXT NOT NULL,
	joined_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	approved_at	DATETIME NULL,
	last_login_at	DATETIME NULL,
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY members_username (username),
	KEY members_email (email),
	KEY members_status_name (status, name, id),
	KEY members_community_name (community_id, name, id),
	KEY members_name (name, id),
	CONSTRAINT members_community FOREIGN KEY (community_id)
	    REFERENCES communities (id)
) ENGINE=InnoDB;

-- A grant is (member, role, scope).  Scope: site; community:N
-- (community_id = N); language:xx (lang = 'xx').  Unused scope columns
-- hold 0 / '' rather than NULL so the unique key can see duplicates.
CREATE TABLE grants (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	member_id	BIGINT NOT NULL,
	role		ENUM('admin','member','support','outreach','payment',
			    'translator') NOT NULL,
	scope_kind	ENUM('site','community','language') NOT NULL,
	community_id	BIGINT NOT NULL DEFAULT 0,
	lang		VARCHAR(16) NOT NULL DEFAULT '',
	granted_by	BIGINT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY grants_unique (member_id, role, scope_kind, community_id,
	    lang),
	KEY grants_role_scope (role, scope_kind, community_id),
	CONSTRAINT grants_member FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE=InnoDB;

-- Sessions: the cookie carries 32 random bytes; only their SHA-256 is
-- stored.  acting_member_id is set while "become" is active.
CREATE TABLE sessions (
	id		BINARY(32) NOT NULL PRIMARY KEY,
	member_id	BIGINT NOT NULL,
	acting_member_id BIGINT NULL,
	csrf		CHAR(64) NOT NULL,
	addr		VARCHAR(64) NOT NULL DEFAULT '',
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	last_seen_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	KEY sessions_member (member_id),
	KEY sessions_last_seen (last_seen_at),
	CONSTRAINT sessions_member FOREIGN KEY (member_id)
	    REFERENCES members (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- Failed log-ins per account (lower-cased username, known or not) and per
-- client address, counted in a fixed window.
CREATE TABLE login_throttle (
	kind		ENUM('account','address') NOT NULL,
	k		VARCHAR(128) NOT NULL,
	failures	INT NOT NULL DEFAULT 0,
	window_start	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	PRIMARY KEY (kind, k)
) ENGINE=InnoDB;

-- Rule 6: who (real and acting), what, on which object, before and after,
-- when, from where.  Nothing in the product updates or deletes these rows.
CREATE TABLE audit_log (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	at		DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
	actor_id	BIGINT NULL,
	acting_id	BIGINT NULL,
	action		VARCHAR(64) NOT NULL,
	object_type	VARCHAR(32) NOT NULL,
	object_id	BIGINT NOT NULL DEFAULT 0,
	community_id	BIGINT NOT NULL DEFAULT 0,
	before_json	TEXT NULL,
	after_json	TEXT NULL,
	addr		VARCHAR(64) NOT NULL DEFAULT '',
	KEY audit_at (at),
	KEY audit_actor (actor_id, at),
	KEY audit_object (object_type, object_id, at),
	KEY audit_community (community_id, at)
) ENGINE=InnoDB;
