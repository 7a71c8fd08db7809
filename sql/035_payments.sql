-- The payments area (docs/payments.md): subscription types, each
-- member's subscription, the charges of its periods, the payments
-- recorded against them, and the renewal notices sent.
--
-- MONEY IS INTEGER MINOR UNITS, NEVER FLOATS: 12.50 EUR is 1250, in
-- BIGINT columns named `minor`, beside the ISO 4217 code of the currency
-- it was made in (the setting payment_currency at the time).
--
-- Statuses are computed, not stored (cgi-bin/payments/status.c): from
-- the renewal date, today, and the settings payment_reminder_days and
-- payment_grace_days.  A subscription's renewal_date is the first day
-- not yet paid for: paying a charge whole moves it to the charge's
-- period_end.

-- The ledger's named accounts: 'timebank', the timebank's own account,
-- which receives what members pay in hours.  Its member row is made on
-- first use (common/ledger_account.c), not here, so that a fresh
-- install stays without members until its first admin.
CREATE TABLE ledger_accounts (
	name		VARCHAR(32) CHARACTER SET ascii NOT NULL PRIMARY KEY,
	member_id	BIGINT NOT NULL,
	UNIQUE KEY ledger_accounts_member (member_id),
	CONSTRAINT ledger_accounts_member FOREIGN KEY (member_id)
	    REFERENCES members (id)
) ENGINE=InnoDB;

-- A kind of subscription: its name (English; other languages in
-- subscription_type_names), who it is for, its period (N months or
-- years) and amount.  A retired type (active 0) is offered to nobody
-- new and keeps its subscribers.
CREATE TABLE subscription_types (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(128) NOT NULL,
	kind		ENUM('individual','household','organisation') NOT NULL,
	period_n	INT NOT NULL,
	period_unit	ENUM('month','year') NOT NULL,
	minor		BIGINT NOT NULL,
	currency	CHAR(3) CHARACTER SET ascii NOT NULL,
	active		TINYINT(1) NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY subscription_types_name (name),
	CONSTRAINT subscription_types_period CHECK (period_n BETWEEN 1 AND 120),
	CONSTRAINT subscription_types_minor CHECK (minor >= 0)
) ENGINE=InnoDB;

-- A type's name in another language than English.
CREATE TABLE subscription_type_names (
	type_id		BIGINT NOT NULL,
	lang		VARCHAR(16) CHARACTER SET ascii NOT NULL,
	name		VARCHAR(128) NOT NULL,
	PRIMARY KEY (type_id, lang),
	CONSTRAINT subscription_type_names_type FOREIGN KEY (type_id)
	    REFERENCES subscription_types (id)
) ENGINE=InnoDB;

-- A member's subscription: one row per member.
--   active        0: the subscription is off (no status, no charges)
--   renewal_date  the first day not yet paid for
--   preference    how they pay; card: through a gateway outside weft,
--                 whose reference alone is kept (gateway_ref); hours:
--                 in hours, to the timebank's own account; waived: they
--                 do not pay (always current)
--   head_id       a household's member: the head, whose subscription
--                 pays for them and whose status they share (their own
--                 type, dates and charges are not used)
-- Its scope is the member's community (members.community_id), read with
-- it: a copy here could fall behind a move between communities.
CREATE TABLE subscriptions (
	member_id	BIGINT NOT NULL PRIMARY KEY,
	type_id		BIGINT NOT NULL,
	active		TINYINT(1) NOT NULL DEFAULT 1,
	renewal_date	DATE NOT NULL,
	preference	ENUM('cash','cheque','transfer','card','hours','waived')
			    NOT NULL DEFAULT 'cash',
	gateway_ref	VARCHAR(128) NOT NULL DEFAULT '',
	head_id		BIGINT NULL,
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	KEY subscriptions_due (active, renewal_date, member_id),
	KEY subscriptions_head (head_id),
	CONSTRAINT subscriptions_member FOREIGN KEY (member_id)
	    REFERENCES members (id),
	CONSTRAINT subscriptions_type FOREIGN KEY (type_id)
	    REFERENCES subscription_types (id),
	CONSTRAINT subscriptions_head FOREIGN KEY (head_id)
	    REFERENCES members (id),
	CONSTRAINT subscriptions_not_own_head CHECK (head_id <> member_id)
) ENGINE=InnoDB;

-- What a member owes for one period [period_start, period_end): one per
-- member and period (UNIQUE: "generate the next charge" twice, or by two
-- coordinators at once, makes one).  Deleted only while nothing is paid
-- on it.
CREATE TABLE charges (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	member_id	BIGINT NOT NULL,
	type_id		BIGINT NOT NULL,
	period_start	DATE NOT NULL,
	period_end	DATE NOT NULL,
	minor		BIGINT NOT NULL,
	currency	CHAR(3) CHARACTER SET ascii NOT NULL,
	created_by	BIGINT NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY charges_period (member_id, period_start),
	CONSTRAINT charges_member FOREIGN KEY (member_id) REFERENCES members (id),
	CONSTRAINT charges_type FOREIGN KEY (type_id)
	    REFERENCES subscription_types (id),
	CONSTRAINT charges_created_by FOREIGN KEY (created_by)
	    REFERENCES members (id),
	CONSTRAINT charges_minor CHECK (minor >= 0),
	CONSTRAINT charges_period_order CHECK (period_end > period_start)
) ENGINE=InnoDB;

-- A payment against a charge: partial payments add up; more than what
-- is left to pay is refused (no credit is kept).  method hours: paid in
-- hours (hundredths of them), recorded as exchange_id to the timebank's
-- own account in the same transaction.  form_key: the one-time key of
-- the form (UNIQUE: a double click records one payment).
CREATE TABLE payments (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	charge_id	BIGINT NOT NULL,
	member_id	BIGINT NOT NULL,
	minor		BIGINT NOT NULL,
	currency	CHAR(3) CHARACTER SET ascii NOT NULL,
	paid_on		DATE NOT NULL,
	method		ENUM('cash','cheque','transfer','card','hours') NOT NULL,
	reference	VARCHAR(128) NOT NULL DEFAULT '',
	note		VARCHAR(255) NOT NULL DEFAULT '',
	hundredths	BIGINT NULL,
	exchange_id	BIGINT NULL,
	form_key	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	recorded_by	BIGINT NOT NULL,
	recorded_as	BIGINT NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY payments_form_key (form_key),
	KEY payments_charge (charge_id),
	KEY payments_member (member_id, paid_on),
	KEY payments_paid_on (paid_on, method, id),
	CONSTRAINT payments_charge FOREIGN KEY (charge_id) REFERENCES charges (id),
	CONSTRAINT payments_member FOREIGN KEY (member_id) REFERENCES members (id),
	CONSTRAINT payments_exchange FOREIGN KEY (exchange_id)
	    REFERENCES exchanges (id),
	CONSTRAINT payments_recorded_by FOREIGN KEY (recorded_by)
	    REFERENCES members (id),
	CONSTRAINT payments_minor CHECK (minor > 0)
) ENGINE=InnoDB;

-- The renewal reminders sent: one per member, period and kind (UNIQUE:
-- the job may run as often as it likes).  kind 'before': N days before
-- the renewal date; 'on': on it.  outbox_id: the message queued.
CREATE TABLE payment_notices (
	member_id	BIGINT NOT NULL,
	period_start	DATE NOT NULL,
	kind		ENUM('before','on') NOT NULL,
	outbox_id	BIGINT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	PRIMARY KEY (member_id, period_start, kind),
	CONSTRAINT payment_notices_member FOREIGN KEY (member_id)
	    REFERENCES members (id)
) ENGINE=InnoDB;
