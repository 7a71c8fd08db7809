-- The talents directory's search (GET /ads/talents?q=..., docs/reports.md
-- "Talents"): every word typed is a prefix of a word of the talent.  The
-- full-text index of sql/044 finds every match before the page is sorted
-- newest first: at a million members, a common word ("italian" in an
-- eighth of 300,000 talents) was 37,000 matches sorted and joined per
-- view, three seconds at 32 connections.  Here each word of a talent's
-- text is stored with its prefixes (two characters to 32), so that a
-- word typed is one range of this primary key read newest first, stopped
-- after a page.
--
-- Words are what exchanges/ads.c's ads_word_char() says: runs of ASCII
-- letters and digits and of any other character past ASCII; compared in
-- the table's collation (case and accents aside), as the full-text index
-- compared them.  Kept by the triggers below in the transaction of every
-- change of a talent; a talent's rows go with it (ON DELETE CASCADE).

CREATE TABLE talent_prefixes (
	prefix		VARCHAR(32) NOT NULL,
	talent_id	BIGINT NOT NULL,
	PRIMARY KEY (prefix, talent_id),
	KEY talent_prefixes_talent (talent_id),
	CONSTRAINT talent_prefixes_talent FOREIGN KEY (talent_id)
	    REFERENCES member_talents (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- The prefixes of every word of s_text, for talent s_id.
CREATE PROCEDURE talent_prefixes_add(IN s_id BIGINT, IN s_text VARCHAR(120))
BEGIN
	DECLARE v_n INT DEFAULT CHAR_LENGTH(s_text);
	DECLARE v_i INT DEFAULT 1;
	DECLARE v_start INT DEFAULT 0;
	DECLARE v_k, v_a INT;
	WHILE v_i <= v_n + 1 DO
		SET v_a = IF(v_i <= v_n, ASCII(SUBSTRING(s_text, v_i, 1)), 32);
		IF v_a >= 128 OR v_a BETWEEN 48 AND 57 OR v_a BETWEEN 65 AND 90
		    OR v_a BETWEEN 97 AND 122 THEN
			IF v_start = 0 THEN
				SET v_start = v_i;
			END IF;
		ELSEIF v_start > 0 THEN
			SET v_k = 2;
			WHILE v_k <= LEAST(v_i - v_start, 32) DO
				INSERT INTO talent_prefixes (prefix, talent_id)
				    VALUES (SUBSTRING(s_text, v_start, v_k), s_id)
				    ON DUPLICATE KEY UPDATE talent_id = talent_id;
				SET v_k = v_k + 1;
			END WHILE;
			SET v_start = 0;
		END IF;
		SET v_i = v_i + 1;
	END WHILE;
END;

-- Every talent's prefixes made again (this migration; a bulk load, which
-- sets @weft_bulk_load so that the triggers stand aside:
-- tests/bench/gen.sql.in).
CREATE PROCEDURE talent_prefixes_rebuild()
BEGIN
	DECLARE v_done INT DEFAULT 0;
	DECLARE v_id BIGINT;
	DECLARE v_text VARCHAR(120);
	DECLARE c CURSOR FOR SELECT id, text FROM member_talents;
	DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_done = 1;
	DELETE FROM talent_prefixes;
	OPEN c;
	next_talent: LOOP
		FETCH c INTO v_id, v_text;
		IF v_done = 1 THEN
			LEAVE next_talent;
		END IF;
		CALL talent_prefixes_add(v_id, v_text);
	END LOOP;
	CLOSE c;
END;

CREATE TRIGGER talent_prefixes_insert AFTER INSERT ON member_talents
FOR EACH ROW
	IF @weft_bulk_load IS NULL THEN
		CALL talent_prefixes_add(NEW.id, NEW.text);
	END IF;

CREATE TRIGGER talent_prefixes_update AFTER UPDATE ON member_talents
FOR EACH ROW
	IF @weft_bulk_load IS NULL AND NOT (BINARY OLD.text <=> BINARY NEW.text)
	THEN
		DELETE FROM talent_prefixes WHERE talent_id = NEW.id;
		CALL talent_prefixes_add(NEW.id, NEW.text);
	END IF;

CALL talent_prefixes_rebuild();

-- Nothing reads the full-text index any more.
ALTER TABLE member_talents DROP INDEX member_talents_text;
