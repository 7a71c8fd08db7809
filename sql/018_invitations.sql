-- Signup by invitation (setting signup_mode = invitation; docs/site.md,
-- "Invitations"; cgi-bin/members/invitations.c, cgi-bin/account/main.c):
-- a coordinator who may add members invites an address; the mailed link
-- /signup?invite=TOKEN holds 32 random bytes, of which only the SHA-256
-- is stored (a copy of the database opens no signup).  An invitation is
-- good until expires_at and once: the application made with it sets
-- used_at and member_id in its own transaction.  revoked_at ends it
-- unused.  community_id is where the applicant joins (NULL: none), in
-- the inviting coordinator's scope.
CREATE TABLE invitations (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	token_hash	BINARY(32) NOT NULL,
	email		VARCHAR(254) NOT NULL,
	community_id	BIGINT NULL,
	invited_by	BIGINT NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	expires_at	DATETIME NOT NULL,
	used_at		DATETIME NULL,
	member_id	BIGINT NULL,
	revoked_at	DATETIME NULL,
	UNIQUE KEY invitations_token (token_hash),
	KEY invitations_pending (used_at, revoked_at, expires_at),
	CONSTRAINT invitations_community FOREIGN KEY (community_id)
	    REFERENCES communities (id),
	CONSTRAINT invitations_inviter FOREIGN KEY (invited_by)
	    REFERENCES members (id) ON DELETE CASCADE,
	CONSTRAINT invitations_member FOREIGN KEY (member_id)
	    REFERENCES members (id) ON DELETE SET NULL
) ENGINE=InnoDB;
