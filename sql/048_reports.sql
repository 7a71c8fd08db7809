-- Reports (issue 17; docs/reports.md): the figures of the coordinators'
-- reports on offers, requests and exchanges, kept up to date by triggers
-- in the transaction of every change, so that a report reads a few
-- hundred summary rows at a million members instead of scanning ads and
-- exchanges at each view.  The summaries leave out the timebank's own
-- account (ledger_accounts, sql/035): what members pay in hours is not
-- an exchange between members.
--
-- Scope (docs/authorization.md rule 2): an ad counts in its community
-- (the ad's own, else its owner's; 0 for none), as the ads' list does;
-- an exchange in both parties' (p_community, r_community), so that a
-- community coordinator sees an exchange with a party in their community
-- and the site total still counts it once.  Communities are taken when
-- the row is written: a member who moves later leaves their past figures
-- where they were.
--
-- Months are their first day (DATE 'YYYY-MM-01'), in UTC as every date.

-- The category an exchange counts under: ONE expression, here.  Today the
-- category of the ad the exchange names (0: none).  When exchanges get
-- their own category (sql/042, branch w-xch), a later migration replaces
-- this view with "COALESCE(e.category_id, a.category_id, 0)" and runs
-- report_rebuild_hours(): nothing else changes.
CREATE OR REPLACE VIEW report_exchange_facts AS
SELECT e.id, e.service_date, e.provider_id, e.recipient_id, e.hundredths,
    e.reverses_id, COALESCE(a.category_id, 0) AS category_id
FROM exchanges e LEFT JOIN ads a ON a.id = e.ad_id;

-- Offers and requests posted and renewed per month.
CREATE TABLE report_ads_month (
	month		DATE NOT NULL,
	community_id	BIGINT NOT NULL,
	category_id	BIGINT NOT NULL,
	kind		ENUM('offer','request') NOT NULL,
	posted		BIGINT NOT NULL DEFAULT 0,
	renewed		BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (month, community_id, category_id, kind)
) ENGINE=InnoDB;

-- Ads not deleted, by their last day: the ones expired in a month are the
-- rows of that month before today, the current ones the rows from today
-- on (a few months of days: an ad runs three months at a time).
CREATE TABLE report_ads_expiry (
	expires_on	DATE NOT NULL,
	community_id	BIGINT NOT NULL,
	category_id	BIGINT NOT NULL,
	kind		ENUM('offer','request') NOT NULL,
	n		BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (expires_on, community_id, category_id, kind)
) ENGINE=InnoDB;

-- Hours per month of the exchanges that count (a reversal takes its
-- original out again: the pair nets to nothing, as on the dashboard).
-- slot spreads one month's row over 16 (the exchange's id modulo 16):
-- exchanges recorded at the same moment lock different rows until they
-- commit, instead of queueing on one; readers add the slots up.
CREATE TABLE report_hours_month (
	month		DATE NOT NULL,
	p_community	BIGINT NOT NULL,
	r_community	BIGINT NOT NULL,
	category_id	BIGINT NOT NULL,
	slot		TINYINT UNSIGNED NOT NULL DEFAULT 0,
	hundredths	BIGINT NOT NULL DEFAULT 0,
	exchanges	BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (month, p_community, r_community, category_id, slot)
) ENGINE=InnoDB;

-- Per member, one row each (kept by the members' triggers below): their
-- status and community as members has them, ads not deleted, exchanges
-- that count (either side) with their hours, and the service date of the
-- latest one (NULL: none).  The member reports walk its indexes and stop
-- after a page: the most active from the busiest end, members with no ad
-- and the inactive from the start of their range, site-wide or within
-- one community at a time.
CREATE TABLE report_members (
	member_id	BIGINT NOT NULL PRIMARY KEY,
	status		VARCHAR(16) CHARACTER SET ascii NOT NULL DEFAULT '',
	community_id	BIGINT NOT NULL DEFAULT 0,
	ads		BIGINT NOT NULL DEFAULT 0,
	exchanges	BIGINT NOT NULL DEFAULT 0,
	hundredths	BIGINT NOT NULL DEFAULT 0,
	last_date	DATE NULL,
	KEY report_members_exchanges (exchanges, member_id),
	KEY report_members_ads (status, ads, member_id),
	KEY report_members_community_ads (status, community_id, ads, member_id),
	KEY report_members_last (status, last_date, member_id),
	KEY report_members_community_last (status, community_id, last_date,
	    member_id),
	CONSTRAINT report_members_member FOREIGN KEY (member_id)
	    REFERENCES members (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- One ad's share of the summaries, times s_sign (1 in, -1 out).
CREATE PROCEDURE report_ad_add(IN s_sign INT, IN s_member BIGINT,
    IN s_community BIGINT, IN s_category BIGINT, IN s_kind VARCHAR(8),
    IN s_created DATETIME, IN s_expires DATE, IN s_live INT)
BEGIN
	DECLARE v_c BIGINT;
	SET v_c = COALESCE(s_community,
	    (SELECT m.community_id FROM members m WHERE m.id = s_member), 0);
	INSERT INTO report_ads_month (month, community_id, category_id, kind,
	    posted) VALUES (DATE_FORMAT(s_created, '%Y-%m-01'), v_c,
	    s_category, s_kind, s_sign)
	    ON DUPLICATE KEY UPDATE posted = posted + VALUES(posted);
	IF s_live = 1 THEN
		INSERT INTO report_ads_expiry (expires_on, community_id,
		    category_id, kind, n) VALUES (s_expires, v_c, s_category,
		    s_kind, s_sign) ON DUPLICATE KEY UPDATE n = n + VALUES(n);
		INSERT INTO report_members (member_id, ads)
		    VALUES (s_member, s_sign)
		    ON DUPLICATE KEY UPDATE ads = ads + VALUES(ads);
	END IF;
END;

-- Every trigger stands aside while @weft_bulk_load is set: a bulk load
-- (tests/bench/gen.sql.in) sets it, then CALLs report_rebuild().
CREATE TRIGGER report_ads_insert AFTER INSERT ON ads FOR EACH ROW
	IF @weft_bulk_load IS NULL THEN
		CALL report_ad_add(1, NEW.member_id, NEW.community_id,
		    NEW.category_id, NEW.kind, NEW.created_at, NEW.expires_on,
		    NEW.status = 'active');
	END IF;

-- An edit takes the old share out and puts the new one in; a later last
-- day on an ad not deleted is a renewal, counted in the month it is made.
CREATE TRIGGER report_ads_update AFTER UPDATE ON ads FOR EACH ROW
main: BEGIN
	IF @weft_bulk_load IS NOT NULL THEN
		LEAVE main;
	END IF;
	CALL report_ad_add(-1, OLD.member_id, OLD.community_id,
	    OLD.category_id, OLD.kind, OLD.created_at, OLD.expires_on,
	    OLD.status = 'active');
	CALL report_ad_add(1, NEW.member_id, NEW.community_id,
	    NEW.category_id, NEW.kind, NEW.created_at, NEW.expires_on,
	    NEW.status = 'active');
	IF NEW.status = 'active' AND NEW.expires_on > OLD.expires_on THEN
		INSERT INTO report_ads_month (month, community_id, category_id,
		    kind, renewed) VALUES (DATE_FORMAT(UTC_DATE(), '%Y-%m-01'),
		    COALESCE(NEW.community_id, (SELECT m.community_id
		    FROM members m WHERE m.id = NEW.member_id), 0),
		    NEW.category_id, NEW.kind, 1)
		    ON DUPLICATE KEY UPDATE renewed = renewed + 1;
	END IF;
END;

-- One exchange's share (a reversal: its original's, taken out), unless a
-- party is one of the ledger's named accounts.
CREATE PROCEDURE report_exchange_add(IN s_id BIGINT)
BEGIN
	DECLARE v_sign INT DEFAULT 1;
	DECLARE v_x BIGINT;
	DECLARE v_d DATE;
	DECLARE v_p, v_r, v_c, v_h BIGINT;
	SELECT f.reverses_id INTO v_x FROM report_exchange_facts f
	    WHERE f.id = s_id;
	IF v_x IS NOT NULL THEN
		SET v_sign = -1;
	ELSE
		SET v_x = s_id;
	END IF;
	SELECT f.service_date, f.provider_id, f.recipient_id, f.category_id,
	    f.hundredths INTO v_d, v_p, v_r, v_c, v_h
	    FROM report_exchange_facts f WHERE f.id = v_x;
	IF NOT EXISTS (SELECT 1 FROM ledger_accounts l
	    WHERE l.member_id IN (v_p, v_r)) THEN
		INSERT INTO report_hours_month (month, p_community,
		    r_community, category_id, slot, hundredths, exchanges)
		    SELECT DATE_FORMAT(v_d, '%Y-%m-01'),
		    COALESCE(mp.community_id, 0), COALESCE(mr.community_id, 0),
		    v_c, s_id % 16, v_sign * v_h, v_sign
		    FROM members mp JOIN members mr ON mr.id = v_r
		    WHERE mp.id = v_p
		    ON DUPLICATE KEY UPDATE
		    hundredths = hundredths + VALUES(hundredths),
		    exchanges = exchanges + VALUES(exchanges);
		INSERT INTO report_members (member_id, exchanges, hundredths,
		    last_date) VALUES
		    (v_p, v_sign, v_sign * v_h, IF(v_sign > 0, v_d, NULL)),
		    (v_r, v_sign, v_sign * v_h, IF(v_sign > 0, v_d, NULL))
		    ON DUPLICATE KEY UPDATE
		    exchanges = exchanges + VALUES(exchanges),
		    hundredths = hundredths + VALUES(hundredths),
		    last_date = GREATEST(COALESCE(last_date, VALUES(last_date)),
		    COALESCE(VALUES(last_date), last_date));
	END IF;
END;

CREATE TRIGGER report_exchanges_insert AFTER INSERT ON exchanges
FOR EACH ROW
	IF @weft_bulk_load IS NULL THEN
		CALL report_exchange_add(NEW.id);
	END IF;

-- A member's row: made with the member, following their status and
-- community (not their last log-in: no write then).
CREATE TRIGGER report_members_insert AFTER INSERT ON members FOR EACH ROW
	IF @weft_bulk_load IS NULL THEN
		INSERT INTO report_members (member_id, status, community_id)
		    VALUES (NEW.id, NEW.status, COALESCE(NEW.community_id, 0))
		    ON DUPLICATE KEY UPDATE status = VALUES(status),
		    community_id = VALUES(community_id);
	END IF;

CREATE TRIGGER report_members_update AFTER UPDATE ON members FOR EACH ROW
	IF @weft_bulk_load IS NULL AND NOT (OLD.status <=> NEW.status
	    AND OLD.community_id <=> NEW.community_id) THEN
		UPDATE report_members SET status = NEW.status,
		    community_id = COALESCE(NEW.community_id, 0)
		    WHERE member_id = NEW.id;
	END IF;

-- Every summary made again from the tables: for this migration, after a
-- bulk load, and for the migration that changes report_exchange_facts'
-- category (then CALL report_rebuild() again).
CREATE PROCEDURE report_rebuild()
BEGIN
	DELETE FROM report_ads_month;
	DELETE FROM report_ads_expiry;
	DELETE FROM report_hours_month;
	DELETE FROM report_members;

	INSERT INTO report_members (member_id, status, community_id)
	SELECT m.id, m.status, COALESCE(m.community_id, 0) FROM members m;

	INSERT INTO report_ads_month (month, community_id, category_id, kind,
	    posted)
	SELECT DATE_FORMAT(a.created_at, '%Y-%m-01'),
	    COALESCE(a.community_id, m.community_id, 0), a.category_id, a.kind,
	    COUNT(*)
	FROM ads a JOIN members m ON m.id = a.member_id
	GROUP BY 1, 2, 3, 4;

	INSERT INTO report_ads_expiry (expires_on, community_id, category_id,
	    kind, n)
	SELECT a.expires_on, COALESCE(a.community_id, m.community_id, 0),
	    a.category_id, a.kind, COUNT(*)
	FROM ads a JOIN members m ON m.id = a.member_id
	WHERE a.status = 'active'
	GROUP BY 1, 2, 3, 4;

	UPDATE report_members r JOIN (SELECT a.member_id, COUNT(*) AS n
	    FROM ads a WHERE a.status = 'active' GROUP BY a.member_id) x
	    ON x.member_id = r.member_id SET r.ads = x.n;

	INSERT INTO report_hours_month (month, p_community, r_community,
	    category_id, hundredths, exchanges)
	SELECT DATE_FORMAT(f.service_date, '%Y-%m-01'),
	    COALESCE(mp.community_id, 0), COALESCE(mr.community_id, 0),
	    f.category_id, SUM(f.hundredths), COUNT(*)
	FROM report_exchange_facts f
	JOIN members mp ON mp.id = f.provider_id
	JOIN members mr ON mr.id = f.recipient_id
	WHERE f.reverses_id IS NULL
	AND NOT EXISTS (SELECT 1 FROM exchanges x WHERE x.reverses_id = f.id)
	AND NOT EXISTS (SELECT 1 FROM ledger_accounts l
	    WHERE l.member_id IN (f.provider_id, f.recipient_id))
	GROUP BY 1, 2, 3, 4;

	UPDATE report_members r JOIN (SELECT s.member_id, COUNT(*) AS n,
	    SUM(s.hundredths) AS h, MAX(s.service_date) AS d
	    FROM (SELECT e.provider_id AS member_id, e.hundredths,
	    e.service_date, e.id, e.recipient_id AS other FROM exchanges e
	    UNION ALL SELECT e.recipient_id, e.hundredths, e.service_date,
	    e.id, e.provider_id FROM exchanges e) s
	    JOIN exchanges e ON e.id = s.id
	    WHERE e.reverses_id IS NULL
	    AND NOT EXISTS (SELECT 1 FROM exchanges x WHERE x.reverses_id = e.id)
	    AND NOT EXISTS (SELECT 1 FROM ledger_accounts l
	    WHERE l.member_id IN (e.provider_id, e.recipient_id))
	    GROUP BY s.member_id) x ON x.member_id = r.member_id
	SET r.exchanges = x.n, r.hundredths = x.h, r.last_date = x.d;
END;

CALL report_rebuild();
