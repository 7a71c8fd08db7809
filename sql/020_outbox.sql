-- The outbox (docs/mail.md): one row per message and recipient, written in
-- the transaction of the action that causes it (an approval commits its
-- notice or neither), delivered by weft-mailer.
--
-- state     queued    waiting for its first try (due_at: from when)
--           sending   claimed by a mailer until due_at (the lease); a
--                     lease that runs out (a mailer killed) makes the row
--                     due again
--           sent      the relay accepted it (sent_at)
--           deferred  a try failed for now (4xx, no connection): tried
--                     again from due_at; reason is the last answer
--           failed    refused for good (5xx, too many tries): reason
--           skipped   never sent: reason opted_out, no_address,
--                     invalid_address or disabled
-- message_id is fixed when the row is written, so that a message sent
-- twice (a mailer killed between the relay's answer and its commit) is
-- the same message to the recipient's software.  subject and body are
-- rendered in the recipient's language when queued; NULL leaves them to
-- the mailer's renderer of the row's kind (a broadcast's merge fields).
CREATE TABLE outbox (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind		VARCHAR(64) CHARACTER SET ascii NOT NULL,
	member_id	BIGINT NULL,
	broadcast_id	BIGINT NULL,
	to_addr		VARCHAR(254) NOT NULL,
	to_name		VARCHAR(128) NOT NULL DEFAULT '',
	lang		VARCHAR(16) NOT NULL DEFAULT 'en',
	subject		VARCHAR(998) NULL,
	body		MEDIUMTEXT NULL,
	list		TINYINT(1) NOT NULL DEFAULT 0,
	message_id	VARCHAR(255) CHARACTER SET ascii NOT NULL,
	state		ENUM('queued','sending','sent','deferred','failed',
			    'skipped') NOT NULL DEFAULT 'queued',
	reason		VARCHAR(512) NOT NULL DEFAULT '',
	attempts	INT NOT NULL DEFAULT 0,
	due_at		DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6),
	lease		BIGINT NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	sent_at		DATETIME NULL,
	UNIQUE KEY outbox_message_id (message_id),
	KEY outbox_due (state, due_at),
	KEY outbox_lease (lease),
	KEY outbox_member (member_id, created_at),
	KEY outbox_broadcast (broadcast_id, state),
	CONSTRAINT outbox_member FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE=InnoDB;

-- The mailers' common budget per minute (the mail_per_minute setting):
-- a mailer adds what it claims to the current minute's row, under its
-- lock, so that two mailers together keep the limit.
CREATE TABLE outbox_rate (
	minute		DATETIME NOT NULL PRIMARY KEY,
	claimed		INT NOT NULL DEFAULT 0
) ENGINE=InnoDB;

-- Keys made once, here, by the database's cryptographic generator: the
-- one that signs the unsubscribe links of broadcasts (mail_token.c).
CREATE TABLE site_keys (
	name		VARCHAR(32) CHARACTER SET ascii NOT NULL PRIMARY KEY,
	secret		BINARY(32) NOT NULL
) ENGINE=InnoDB;

INSERT INTO site_keys (name, secret) VALUES ('unsubscribe', RANDOM_BYTES(32));
