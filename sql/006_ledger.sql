-- The exchanges area, part 2: the ledger (docs/architecture.md "Data", the
-- ledger invariant; cgi-bin/common/ledger.h is its only writer).
--
-- HOURS ARE INTEGER HUNDREDTHS, NEVER FLOATS: 1.25 hours is stored as 125,
-- in BIGINT columns named `hundredths`.  The forms accept steps of a
-- quarter hour (0.25), so every stored value is a multiple of 25.

-- The site's settings, one row per name.  Created here if no other area
-- has created it already; every area adds its own rows with INSERT IGNORE
-- so that a value an Admin changed is never overwritten.
CREATE TABLE IF NOT EXISTS settings (
	name		VARCHAR(64) NOT NULL PRIMARY KEY,
	value		VARCHAR(255) NOT NULL,
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP()
) ENGINE=InnoDB;

-- exchange_max_hundredths   most hours one exchange may record (2400: 24 h)
-- exchange_oldest_days      service dates at most this many days ago
-- credit_limit_hundredths   the lowest balance allowed (-2000: -20 h)
-- credit_limit_mode         'soft': recorded, coordinators alerted on the
--                           dashboard; 'hard': refused with a message
INSERT IGNORE INTO settings (name, value) VALUES
	('exchange_max_hundredths', '2400'),
	('exchange_oldest_days', '365'),
	('credit_limit_hundredths', '-2000'),
	('credit_limit_mode', 'soft');

-- One exchange: `hundredths` of an hour moved from the recipient (who
-- received the service) to the provider (who gave it).  Rows are only
-- ever inserted: a correction is a new row with the parties swapped and
-- reverses_id naming the original (UNIQUE: an exchange is reversed at
-- most once; the program refuses to reverse a reversal).
--   recorded_by   the real member who recorded it (a party, their angel
--                 or manager, or a coordinator)
--   recorded_as   the acting member ("become"), the same when not active
--   form_key      the one-time key of the form that recorded it (UNIQUE:
--                 a double click, a reload or a replayed POST records
--                 one exchange); NULL for reversals and demo rows
--   reason        why a reversal was made ('' for ordinary exchanges)
CREATE TABLE exchanges (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	provider_id	BIGINT NOT NULL,
	recipient_id	BIGINT NOT NULL,
	hundredths	BIGINT NOT NULL,
	service_date	DATE NOT NULL,
	description	VARCHAR(255) NOT NULL,
	ad_id		BIGINT NULL,
	recorded_by	BIGINT NOT NULL,
	recorded_as	BIGINT NOT NULL,
	reverses_id	BIGINT NULL,
	reason		VARCHAR(255) NOT NULL DEFAULT '',
	form_key	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY exchanges_form_key (form_key),
	UNIQUE KEY exchanges_reverses (reverses_id),
	KEY exchanges_provider (provider_id, service_date, id),
	KEY exchanges_recipient (recipient_id, service_date, id),
	KEY exchanges_date (service_date, id),
	KEY exchanges_recorded_by (recorded_by, id),
	KEY exchanges_ad (ad_id),
	CONSTRAINT exchanges_hundredths_positive CHECK (hundredths > 0),
	CONSTRAINT exchanges_two_parties CHECK (provider_id <> recipient_id),
	CONSTRAINT exchanges_provider FOREIGN KEY (provider_id)
	    REFERENCES members (id),
	CONSTRAINT exchanges_recipient FOREIGN KEY (recipient_id)
	    REFERENCES members (id),
	CONSTRAINT exchanges_recorded_by FOREIGN KEY (recorded_by)
	    REFERENCES members (id),
	CONSTRAINT exchanges_recorded_as FOREIGN KEY (recorded_as)
	    REFERENCES members (id),
	CONSTRAINT exchanges_reverses FOREIGN KEY (reverses_id)
	    REFERENCES exchanges (id),
	CONSTRAINT exchanges_ad FOREIGN KEY (ad_id) REFERENCES ads (id)
) ENGINE=InnoDB;

-- Every member's balance in hundredths, kept in the same transaction as
-- each exchange (both rows locked, lower member id first).  A member
-- without a row has a balance of 0.  SUM(hundredths) is 0 at every moment.
CREATE TABLE balances (
	member_id	BIGINT NOT NULL PRIMARY KEY,
	hundredths	BIGINT NOT NULL DEFAULT 0,
	KEY balances_hundredths (hundredths, member_id),
	CONSTRAINT balances_member FOREIGN KEY (member_id)
	    REFERENCES members (id)
) ENGINE=InnoDB;
