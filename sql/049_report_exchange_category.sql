-- The category an exchange counts under in the reports (issue 17,
-- docs/reports.md): its own (exchanges.category_id, sql/037), else its
-- ad's, else none (0).  sql/048 kept this expression in one view so that
-- this is the only change; the summaries are then made again from the
-- tables, under the new definition.  Last, a category's move keeps them.
--
-- Numbered after 048 on purpose: migrations run in the byte order of
-- their names, and a view defined before 048 would be replaced by
-- 048's own on a new database.
CREATE OR REPLACE VIEW report_exchange_facts AS
SELECT e.id, e.service_date, e.provider_id, e.recipient_id, e.hundredths,
    e.reverses_id, COALESCE(e.category_id, a.category_id, 0) AS category_id
FROM exchanges e LEFT JOIN ads a ON a.id = e.ad_id;

CALL report_rebuild();

-- An exchange's own category changes only when the site moves a
-- category's uses to another (Site -> Lists; common/lists.c lists_defs[]):
-- its share of report_hours_month moves with it, from the category it
-- counted under to the new one, in the transaction of the move.  A
-- reversal counts under its original's category, so its share moves when
-- the original's does, and not with its own row.  The communities are the
-- parties' of today, as report_exchange_add() takes them (a party who
-- moved community since leaves the old share where it was: the same
-- approximation as every summary of a member who moves).
CREATE PROCEDURE report_exchange_move(IN s_id BIGINT, IN s_from BIGINT,
    IN s_to BIGINT)
BEGIN
	DECLARE v_rev BIGINT DEFAULT NULL;
	DECLARE v_i INT DEFAULT 0;
	DECLARE v_slot, v_sign INT;
	DECLARE v_month DATE;
	DECLARE v_pc, v_rc, v_h BIGINT;
	IF NOT EXISTS (SELECT 1 FROM exchanges x JOIN ledger_accounts l
	    ON l.member_id IN (x.provider_id, x.recipient_id)
	    WHERE x.id = s_id) THEN
		SELECT DATE_FORMAT(x.service_date, '%Y-%m-01'),
		    COALESCE(mp.community_id, 0), COALESCE(mr.community_id, 0),
		    x.hundredths INTO v_month, v_pc, v_rc, v_h
		FROM exchanges x JOIN members mp ON mp.id = x.provider_id
		JOIN members mr ON mr.id = x.recipient_id WHERE x.id = s_id;
		SELECT x.id INTO v_rev FROM exchanges x WHERE x.reverses_id = s_id;
		-- Twice for each share (its own, its reversal's): out of the
		-- old category, into the new one.
		WHILE v_i < IF(v_rev IS NULL, 2, 4) DO
			SET v_slot = IF(v_i < 2, s_id, v_rev) % 16;
			SET v_sign = IF(v_i < 2, 1, -1) * IF(v_i % 2 = 0, -1, 1);
			INSERT INTO report_hours_month (month, p_community,
			    r_community, category_id, slot, hundredths, exchanges)
			VALUES (v_month, v_pc, v_rc,
			    IF(v_i % 2 = 0, s_from, s_to), v_slot, v_sign * v_h,
			    v_sign)
			ON DUPLICATE KEY UPDATE
			    hundredths = hundredths + VALUES(hundredths),
			    exchanges = exchanges + VALUES(exchanges);
			SET v_i = v_i + 1;
		END WHILE;
	END IF;
END;

CREATE TRIGGER report_exchanges_update AFTER UPDATE ON exchanges
FOR EACH ROW
	IF @weft_bulk_load IS NULL AND NEW.reverses_id IS NULL
	    AND NOT (OLD.category_id <=> NEW.category_id) THEN
		CALL report_exchange_move(NEW.id,
		    COALESCE(OLD.category_id, (SELECT a.category_id FROM ads a
		    WHERE a.id = OLD.ad_id), 0),
		    COALESCE(NEW.category_id, (SELECT a.category_id FROM ads a
		    WHERE a.id = NEW.ad_id), 0));
	END IF;
