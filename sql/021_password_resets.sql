-- "Forgot password" (docs/mail.md, "Account mail"; cgi-bin/account/
-- reset.c): a link mailed to the member holds 32 random bytes; only their
-- SHA-256 is stored, so that a copy of the database opens no account.  A
-- token is good for one hour and once (used_at); a new request or a reset
-- ends the member's other tokens.  addr is the requesting client's, for
-- the throttle per address.
CREATE TABLE password_resets (
	token_hash	BINARY(32) NOT NULL PRIMARY KEY,
	member_id	BIGINT NOT NULL,
	addr		VARCHAR(64) NOT NULL DEFAULT '',
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	expires_at	DATETIME NOT NULL,
	used_at		DATETIME NULL,
	KEY password_resets_member (member_id, created_at),
	KEY password_resets_addr (addr, created_at),
	CONSTRAINT password_resets_member FOREIGN KEY (member_id)
	    REFERENCES members (id) ON DELETE CASCADE
) ENGINE=InnoDB;
