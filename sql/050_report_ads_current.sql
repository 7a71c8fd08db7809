-- The ads current today (not deleted, last day today or later) per
-- category, kind and community, so that the reports by category
-- (docs/reports.md: ads-category, unmatched) read one row per category,
-- kind and community instead of every future day of report_ads_expiry:
-- at a million members those are tens of thousands of rows, read twice per
-- category at each view.
--
-- report_ads_current counts the ads whose last day is on or after
-- report_ads_current_day.day.  Triggers on report_ads_expiry keep it in
-- the transaction of every change of that summary, whoever makes it (an
-- ad's trigger, report_rebuild()).  When the day has passed, the first
-- report read of the new UTC day moves it on and counts again from
-- report_ads_expiry once (exchanges/reports_ads.c, report_ads_roll):
-- under an exclusive lock on the day's row, which every trigger below
-- reads under a shared lock first, so that an ad is counted against the
-- day it was counted for and a recount never misses a change in flight.
--
-- Numbered after 048 and 049 on purpose: migrations run in the byte order
-- of their names, and these triggers are on a table of 048.

CREATE TABLE report_ads_current_day (
	id	TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	day	DATE NOT NULL
) ENGINE=InnoDB;

CREATE TABLE report_ads_current (
	category_id	BIGINT NOT NULL,
	kind		ENUM('offer','request') NOT NULL,
	community_id	BIGINT NOT NULL,
	n		BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (category_id, kind, community_id)
) ENGINE=InnoDB;

-- A day before any: the first report read counts every current ad (a
-- migration run under load may race writes; the recount cannot).
INSERT INTO report_ads_current_day (id, day) VALUES (1, '1000-01-01');

-- One day's row of report_ads_expiry, times s_sign, in the current counts
-- if that day is not past for them.
CREATE PROCEDURE report_ads_current_add(IN s_sign INT, IN s_expires DATE,
    IN s_community BIGINT, IN s_category BIGINT, IN s_kind VARCHAR(8),
    IN s_n BIGINT)
BEGIN
	DECLARE v_day DATE;
	SELECT day INTO v_day FROM report_ads_current_day WHERE id = 1
	    LOCK IN SHARE MODE;
	IF s_expires >= v_day AND s_n <> 0 THEN
		INSERT INTO report_ads_current (category_id, kind,
		    community_id, n) VALUES (s_category, s_kind, s_community,
		    s_sign * s_n)
		    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
	END IF;
END;

-- Not standing aside for @weft_bulk_load: report_rebuild(), which a bulk
-- load calls, makes report_ads_expiry again and these keep the counts.
CREATE TRIGGER report_ads_current_insert AFTER INSERT ON report_ads_expiry
FOR EACH ROW
	CALL report_ads_current_add(1, NEW.expires_on, NEW.community_id,
	    NEW.category_id, NEW.kind, NEW.n);

CREATE TRIGGER report_ads_current_update AFTER UPDATE ON report_ads_expiry
FOR EACH ROW
BEGIN
	CALL report_ads_current_add(-1, OLD.expires_on, OLD.community_id,
	    OLD.category_id, OLD.kind, OLD.n);
	CALL report_ads_current_add(1, NEW.expires_on, NEW.community_id,
	    NEW.category_id, NEW.kind, NEW.n);
END;

CREATE TRIGGER report_ads_current_delete AFTER DELETE ON report_ads_expiry
FOR EACH ROW
	CALL report_ads_current_add(-1, OLD.expires_on, OLD.community_id,
	    OLD.category_id, OLD.kind, OLD.n);

-- Posted per month read by category: a category's twelve months are one
-- range of this index, not a walk of every month's rows.
ALTER TABLE report_ads_month
    ADD KEY report_ads_month_category (category_id, kind, month);
