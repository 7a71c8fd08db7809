-- The due list at a million members (issue 14; docs/payments.md, "The
-- due list"): what each subscription owes, and the list's totals, kept
-- as derived data by triggers in the transaction of every change, so
-- that a page of /payments is one index range with a LIMIT and its
-- totals a range of summary rows, instead of two correlated subqueries
-- over charges and payments for every subscription ever lapsed.
--
-- pay_dues: one row per subscription that can be on the due list (active,
-- not a household's member, not waived), whatever its renewal date:
--   renewal_date, type_id, preference   the subscription's
--   community_id    the member's (0: none), for the scope and the filter
--   charged         1: its period (renewal_date) has a charge
--   charge_left     what is left to pay on that charge (0 when none)
-- What a row owes is charge_left when charged, else its type's amount,
-- read with the type: a type's new amount then changes no row here.
-- Each filter of the list is a column ahead of (renewal_date, member_id),
-- so that the statuses, which are ranges of renewal dates (today, the
-- settings payment_reminder_days and payment_grace_days), are ranges of
-- one index in the list's order.
CREATE TABLE pay_dues (
	member_id	BIGINT NOT NULL PRIMARY KEY,
	renewal_date	DATE NOT NULL,
	community_id	BIGINT NOT NULL DEFAULT 0,
	type_id		BIGINT NOT NULL,
	preference	ENUM('cash','cheque','transfer','card','hours','waived')
			    NOT NULL,
	charged		TINYINT(1) NOT NULL DEFAULT 0,
	charge_left	BIGINT NOT NULL DEFAULT 0,
	KEY pay_dues_date (renewal_date, member_id),
	KEY pay_dues_community (community_id, renewal_date, member_id),
	KEY pay_dues_type (type_id, renewal_date, member_id),
	KEY pay_dues_preference (preference, renewal_date, member_id),
	CONSTRAINT pay_dues_member FOREIGN KEY (member_id)
	    REFERENCES members (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- The list's totals: pay_dues added up per renewal date, community, type
-- and preference (pay_due_days), and the same per month (pay_due_months,
-- month: its first day).  The totals of a range of dates read the months
-- it covers whole and the days of the months it covers in part: at most
-- (months + 62 days) x communities x types x preferences rows, however
-- many members.  A row owes charge_left + (n - n_charged) x the type's
-- amount.  A key whose last subscription leaves is deleted.
CREATE TABLE pay_due_days (
	renewal_date	DATE NOT NULL,
	community_id	BIGINT NOT NULL,
	type_id		BIGINT NOT NULL,
	preference	ENUM('cash','cheque','transfer','card','hours','waived')
			    NOT NULL,
	n		BIGINT NOT NULL DEFAULT 0,
	n_charged	BIGINT NOT NULL DEFAULT 0,
	charge_left	BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (renewal_date, community_id, type_id, preference)
) ENGINE=InnoDB;

CREATE TABLE pay_due_months (
	month		DATE NOT NULL,
	community_id	BIGINT NOT NULL,
	type_id		BIGINT NOT NULL,
	preference	ENUM('cash','cheque','transfer','card','hours','waived')
			    NOT NULL,
	n		BIGINT NOT NULL DEFAULT 0,
	n_charged	BIGINT NOT NULL DEFAULT 0,
	charge_left	BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (month, community_id, type_id, preference)
) ENGINE=InnoDB;

-- One row's share of pay_due_days and pay_due_months, times s_sign (1
-- in, -1 out).
CREATE PROCEDURE pay_due_share(IN s_sign INT, IN s_date DATE,
    IN s_community BIGINT, IN s_type BIGINT, IN s_pref VARCHAR(8),
    IN s_charged INT, IN s_left BIGINT)
BEGIN
	DECLARE v_month DATE DEFAULT s_date - INTERVAL (DAY(s_date) - 1) DAY;
	INSERT INTO pay_due_days (renewal_date, community_id, type_id,
	    preference, n, n_charged, charge_left) VALUES (s_date, s_community,
	    s_type, s_pref, s_sign, s_sign * s_charged, s_sign * s_left)
	    ON DUPLICATE KEY UPDATE n = n + VALUES(n),
	    n_charged = n_charged + VALUES(n_charged),
	    charge_left = charge_left + VALUES(charge_left);
	INSERT INTO pay_due_months (month, community_id, type_id, preference,
	    n, n_charged, charge_left) VALUES (v_month, s_community, s_type,
	    s_pref, s_sign, s_sign * s_charged, s_sign * s_left)
	    ON DUPLICATE KEY UPDATE n = n + VALUES(n),
	    n_charged = n_charged + VALUES(n_charged),
	    charge_left = charge_left + VALUES(charge_left);
	IF s_sign < 0 THEN
		DELETE FROM pay_due_days WHERE renewal_date = s_date
		    AND community_id = s_community AND type_id = s_type
		    AND preference = s_pref AND n = 0;
		DELETE FROM pay_due_months WHERE month = v_month
		    AND community_id = s_community AND type_id = s_type
		    AND preference = s_pref AND n = 0;
	END IF;
END;

-- Member s_member's pay_dues row made again from the tables, and its
-- share of the totals moved from the old row's to the new one's.  The old
-- row is read first and locked: two refreshes of one member are made one
-- after the other, and the second reads what the first committed (weft's
-- sessions are READ COMMITTED, common/db.c: each statement reads what is
-- committed when it runs).  The writers of cgi-bin/payments lock the
-- subscription's row before anything else (pay_sub_lock()), which also
-- orders a member's first row.  The other tables are read without locks:
-- a locking read of a table that the invoking statement only reads (an
-- INSERT INTO charges ... SELECT ... FROM subscriptions) is refused by
-- MariaDB (error 1442).
CREATE PROCEDURE pay_due_refresh(IN s_member BIGINT)
BEGIN
	DECLARE o_n, n_n, n_charged, o_charged INT DEFAULT 0;
	DECLARE o_date, n_date DATE;
	DECLARE o_comm, n_comm, o_type, n_type, v_charge BIGINT;
	DECLARE o_left, n_left BIGINT DEFAULT 0;
	DECLARE o_pref, n_pref VARCHAR(8);

	SELECT COUNT(*), MAX(d.renewal_date), MAX(d.community_id),
	    MAX(d.type_id), MAX(d.preference), COALESCE(MAX(d.charged), 0),
	    COALESCE(MAX(d.charge_left), 0) INTO o_n, o_date, o_comm, o_type,
	    o_pref, o_charged, o_left
	    FROM pay_dues d WHERE d.member_id = s_member FOR UPDATE;
	SELECT COUNT(*), MAX(s.renewal_date), MAX(s.type_id),
	    MAX(s.preference) INTO n_n, n_date, n_type, n_pref
	    FROM subscriptions s WHERE s.member_id = s_member AND s.active = 1
	    AND s.head_id IS NULL AND s.preference <> 'waived';
	IF n_n > 0 THEN
		SELECT COALESCE(MAX(m.community_id), 0) INTO n_comm
		    FROM members m WHERE m.id = s_member;
		SELECT MAX(c.id), COALESCE(MAX(c.minor), 0) INTO v_charge,
		    n_left FROM charges c WHERE c.member_id = s_member
		    AND c.period_start = n_date;
		IF v_charge IS NOT NULL THEN
			SET n_charged = 1;
			SELECT n_left - COALESCE(SUM(p.minor), 0) INTO n_left
			    FROM payments p WHERE p.charge_id = v_charge;
		END IF;
	END IF;
	IF NOT (o_n = n_n AND o_date <=> n_date AND o_comm <=> n_comm
	    AND o_type <=> n_type AND o_pref <=> n_pref
	    AND o_charged = n_charged AND o_left = n_left) THEN
		IF o_n > 0 THEN
			CALL pay_due_share(-1, o_date, o_comm, o_type, o_pref,
			    o_charged, o_left);
		END IF;
		IF n_n > 0 THEN
			CALL pay_due_share(1, n_date, n_comm, n_type, n_pref,
			    n_charged, n_left);
			INSERT INTO pay_dues (member_id, renewal_date,
			    community_id, type_id, preference, charged,
			    charge_left) VALUES (s_member, n_date, n_comm,
			    n_type, n_pref, n_charged, n_left)
			    ON DUPLICATE KEY UPDATE
			    renewal_date = VALUES(renewal_date),
			    community_id = VALUES(community_id),
			    type_id = VALUES(type_id),
			    preference = VALUES(preference),
			    charged = VALUES(charged),
			    charge_left = VALUES(charge_left);
		ELSEIF o_n > 0 THEN
			DELETE FROM pay_dues WHERE member_id = s_member;
		END IF;
	END IF;
END;

-- The writers of what a row reads: subscriptions, a member's community,
-- charges and payments.  Every trigger stands aside while @weft_bulk_load
-- is set (tests/bench/gen.sql.in), which then CALLs pay_due_rebuild().
CREATE TRIGGER pay_dues_sub_insert AFTER INSERT ON subscriptions
FOR EACH ROW
	IF @weft_bulk_load IS NULL THEN
		CALL pay_due_refresh(NEW.member_id);
	END IF;

CREATE TRIGGER pay_dues_sub_update AFTER UPDATE ON subscriptions
FOR EACH ROW
	IF @weft_bulk_load IS NULL THEN
		CALL pay_due_refresh(NEW.member_id);
	END IF;

CREATE TRIGGER pay_dues_sub_delete AFTER DELETE ON subscriptions
FOR EACH ROW
	IF @weft_bulk_load IS NULL THEN
		CALL pay_due_refresh(OLD.member_id);
	END IF;

CREATE TRIGGER pay_dues_member_update AFTER UPDATE ON members FOR EACH ROW
	IF @weft_bulk_load IS NULL
	    AND NOT (OLD.community_id <=> NEW.community_id) THEN
		CALL pay_due_refresh(NEW.id);
	END IF;

CREATE TRIGGER pay_dues_charge_insert AFTER INSERT ON charges FOR EACH ROW
	IF @weft_bulk_load IS NULL THEN
		CALL pay_due_refresh(NEW.member_id);
	END IF;

CREATE TRIGGER pay_dues_charge_update AFTER UPDATE ON charges FOR EACH ROW
	IF @weft_bulk_load IS NULL THEN
		CALL pay_due_refresh(NEW.member_id);
		IF OLD.member_id <> NEW.member_id THEN
			CALL pay_due_refresh(OLD.member_id);
		END IF;
	END IF;

CREATE TRIGGER pay_dues_charge_delete AFTER DELETE ON charges FOR EACH ROW
	IF @weft_bulk_load IS NULL THEN
		CALL pay_due_refresh(OLD.member_id);
	END IF;

CREATE TRIGGER pay_dues_payment_insert AFTER INSERT ON payments
FOR EACH ROW
	IF @weft_bulk_load IS NULL THEN
		CALL pay_due_refresh(NEW.member_id);
	END IF;

CREATE TRIGGER pay_dues_payment_update AFTER UPDATE ON payments
FOR EACH ROW
	IF @weft_bulk_load IS NULL THEN
		CALL pay_due_refresh(NEW.member_id);
		IF OLD.member_id <> NEW.member_id THEN
			CALL pay_due_refresh(OLD.member_id);
		END IF;
	END IF;

CREATE TRIGGER pay_dues_payment_delete AFTER DELETE ON payments
FOR EACH ROW
	IF @weft_bulk_load IS NULL THEN
		CALL pay_due_refresh(OLD.member_id);
	END IF;

-- The three tables made again from scratch, a statement each: for a
-- bulk load (nothing else writes meanwhile), not for a serving site.
CREATE PROCEDURE pay_due_rebuild()
BEGIN
	DELETE FROM pay_due_months;
	DELETE FROM pay_due_days;
	DELETE FROM pay_dues;
	INSERT INTO pay_dues (member_id, renewal_date, community_id, type_id,
	    preference, charged, charge_left)
	SELECT s.member_id, s.renewal_date, COALESCE(m.community_id, 0),
	    s.type_id, s.preference, c.id IS NOT NULL,
	    COALESCE(c.minor - (SELECT COALESCE(SUM(p.minor), 0)
	    FROM payments p WHERE p.charge_id = c.id), 0)
	FROM subscriptions s JOIN members m ON m.id = s.member_id
	LEFT JOIN charges c ON c.member_id = s.member_id
	    AND c.period_start = s.renewal_date
	WHERE s.active = 1 AND s.head_id IS NULL AND s.preference <> 'waived';
	INSERT INTO pay_due_days (renewal_date, community_id, type_id,
	    preference, n, n_charged, charge_left)
	SELECT renewal_date, community_id, type_id, preference, COUNT(*),
	    SUM(charged), SUM(charge_left)
	FROM pay_dues GROUP BY renewal_date, community_id, type_id, preference;
	INSERT INTO pay_due_months (month, community_id, type_id, preference,
	    n, n_charged, charge_left)
	SELECT renewal_date - INTERVAL (DAY(renewal_date) - 1) DAY,
	    community_id, type_id, preference, SUM(n), SUM(n_charged),
	    SUM(charge_left)
	FROM pay_due_days GROUP BY 1, community_id, type_id, preference;
END;

-- The backfill of a serving site, online: the triggers above keep every
-- member written from now on; this walks the subscriptions and refreshes
-- them, 200 members a transaction (a commit each, not one per member: a
-- writer waits for one batch at most), and a member written meanwhile is
-- refreshed again, under the same locks, and comes out the same.
CREATE PROCEDURE pay_due_backfill()
BEGIN
	DECLARE v_id BIGINT DEFAULT 0;
	DECLARE v_next BIGINT DEFAULT 0;
	DECLARE v_k INT;
	WHILE v_next IS NOT NULL DO
		SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
		START TRANSACTION;
		SET v_k = 0;
		batch: WHILE v_k < 200 DO
			SET v_next = (SELECT MIN(s.member_id)
			    FROM subscriptions s WHERE s.member_id > v_id);
			IF v_next IS NULL THEN
				LEAVE batch;
			END IF;
			CALL pay_due_refresh(v_next);
			SET v_id = v_next;
			SET v_k = v_k + 1;
		END WHILE;
		COMMIT;
	END WHILE;
END;

CALL pay_due_backfill();
