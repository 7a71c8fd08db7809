-- Consent in the ledger (issue 15, 5; docs/authorization.md rule 10): no
-- debit without the payer.  An exchange recorded by its recipient (who
-- pays), or by a coordinator with exchange.record_for, moves the hours at
-- once, as before.  One recorded by its provider (or by whoever acts for
-- the provider) is a proposal: a row here, which moves no balance until
-- the recipient (or whoever acts for them) confirms it, or a coordinator
-- with exchange.edit over both parties does, or the site's setting
-- exchange_auto_confirm_days does it when the proposal is that old.
-- Confirming writes the exchange into `exchanges` and moves both balances
-- in one transaction, exactly as recording does (cgi-bin/common/
-- ledger_pending.c).
--
-- `exchanges` keeps its meaning: every row in it has moved its hours, so
-- the ledger invariant (the sum of all balances is 0, every balance is
-- the sum of its statement) and every query that reads it (statements,
-- lists, figures, reversals) are unchanged, and every exchange recorded
-- before this migration is confirmed by construction.  A proposal that
-- is confirmed links to its exchange (exchange_id, UNIQUE: it is
-- confirmed once), and the exchange carries the proposal's form key, so
-- that `exchanges_form_key` still holds one exchange per form key,
-- whichever way it was recorded.
--
--   status        pending: waiting for the recipient; disputed: the
--                 recipient said no (reason), a coordinator decides;
--                 confirmed: exchange_id is its exchange; cancelled: a
--                 coordinator withdrew it.  Only pending and disputed
--                 ones change, each under its row lock.
--   form_key      the one-time key of the form (UNIQUE: a double submit
--                 makes one proposal)
--   reason        the recipient's reason for a dispute ('' for none)
--   disputed_*    who disputed it (real and acting member) and when
--   settled_*     who confirmed or cancelled it and when; settled_by
--                 NULL on a confirmed row: confirmed by the site's
--                 setting (audited as exchange.auto_confirm)
CREATE TABLE exchange_proposals (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	provider_id	BIGINT NOT NULL,
	recipient_id	BIGINT NOT NULL,
	hundredths	BIGINT NOT NULL,
	service_date	DATE NOT NULL,
	description	VARCHAR(255) NOT NULL,
	ad_id		BIGINT NULL,
	recorded_by	BIGINT NOT NULL,
	recorded_as	BIGINT NOT NULL,
	form_key	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	status		ENUM('pending', 'disputed', 'confirmed', 'cancelled')
			    NOT NULL DEFAULT 'pending',
	reason		VARCHAR(255) NOT NULL DEFAULT '',
	disputed_by	BIGINT NULL,
	disputed_as	BIGINT NULL,
	disputed_at	DATETIME NULL,
	settled_by	BIGINT NULL,
	settled_as	BIGINT NULL,
	settled_at	DATETIME NULL,
	exchange_id	BIGINT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY exchange_proposals_form_key (form_key),
	UNIQUE KEY exchange_proposals_exchange (exchange_id),
	-- A member's open proposals, either side, oldest first (the home
	-- page, the statement, auto-confirmation).
	KEY exchange_proposals_recipient (recipient_id, status, created_at),
	KEY exchange_proposals_provider (provider_id, status, created_at),
	-- The coordinators' list by status, newest first; the dashboard's
	-- counts.
	KEY exchange_proposals_status (status, id),
	KEY exchange_proposals_ad (ad_id),
	CONSTRAINT exchange_proposals_hundredths_positive
	    CHECK (hundredths > 0),
	CONSTRAINT exchange_proposals_two_parties
	    CHECK (provider_id <> recipient_id),
	CONSTRAINT exchange_proposals_confirmed_has_exchange
	    CHECK ((status = 'confirmed') = (exchange_id IS NOT NULL)),
	CONSTRAINT exchange_proposals_provider FOREIGN KEY (provider_id)
	    REFERENCES members (id),
	CONSTRAINT exchange_proposals_recipient FOREIGN KEY (recipient_id)
	    REFERENCES members (id),
	CONSTRAINT exchange_proposals_recorded_by FOREIGN KEY (recorded_by)
	    REFERENCES members (id),
	CONSTRAINT exchange_proposals_recorded_as FOREIGN KEY (recorded_as)
	    REFERENCES members (id),
	CONSTRAINT exchange_proposals_exchange FOREIGN KEY (exchange_id)
	    REFERENCES exchanges (id),
	CONSTRAINT exchange_proposals_ad FOREIGN KEY (ad_id)
	    REFERENCES ads (id)
) ENGINE=InnoDB;
