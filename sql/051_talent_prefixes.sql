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
-- letters and digits and of any character past ASCII (the Sequence
-- engine's seq_ tables, built into MariaDB, count them); compared in
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

-- The prefixes of every word of the talents s_from..s_to (ids): the text
-- with every run of other characters made one space, cut at the spaces,
-- each word's first 2..32 characters.  One statement for one talent (the
-- triggers) and for all of them (the rebuild, a range at a time).
CREATE PROCEDURE talent_prefixes_add(IN s_from BIGINT, IN s_to BIGINT)
	INSERT INTO talent_prefixes (prefix, talent_id)
	SELECT DISTINCT LEFT(w.word, k.seq), w.id
	FROM (SELECT t.id, SUBSTRING_INDEX(SUBSTRING_INDEX(t.words, ' ', n.seq),
	    ' ', -1) AS word
	    FROM (SELECT id, TRIM(REGEXP_REPLACE(text,
		'[^0-9A-Za-z\\x{80}-\\x{10FFFF}]+', ' ')) AS words
		FROM member_talents WHERE id BETWEEN s_from AND s_to) t
	    JOIN seq_1_to_60 n ON n.seq <= 1 + CHAR_LENGTH(t.words) -
		CHAR_LENGTH(REPLACE(t.words, ' ', ''))) w
	JOIN seq_2_to_32 k ON k.seq <= CHAR_LENGTH(w.word)
	ON DUPLICATE KEY UPDATE talent_id = VALUES(talent_id);

-- Every talent's prefixes made again (this migration; a bulk load, which
-- sets @weft_bulk_load so that the triggers stand aside:
-- tests/bench/gen.sql.in), 20,000 talents a statement.
CREATE PROCEDURE talent_prefixes_rebuild()
BEGIN
	DECLARE v_from BIGINT DEFAULT 0;
	DECLARE v_max BIGINT;
	DELETE FROM talent_prefixes;
	SELECT COALESCE(MAX(id), 0) INTO v_max FROM member_talents;
	WHILE v_from <= v_max DO
		CALL talent_prefixes_add(v_from, v_from + 19999);
		SET v_from = v_from + 20000;
	END WHILE;
END;

CREATE TRIGGER talent_prefixes_insert AFTER INSERT ON member_talents
FOR EACH ROW
	IF @weft_bulk_load IS NULL THEN
		CALL talent_prefixes_add(NEW.id, NEW.id);
	END IF;

CREATE TRIGGER talent_prefixes_update AFTER UPDATE ON member_talents
FOR EACH ROW
	IF @weft_bulk_load IS NULL AND NOT (BINARY OLD.text <=> BINARY NEW.text)
	THEN
		DELETE FROM talent_prefixes WHERE talent_id = NEW.id;
		CALL talent_prefixes_add(NEW.id, NEW.id);
	END IF;

CALL talent_prefixes_rebuild();

-- Nothing reads the full-text index any more.
ALTER TABLE member_talents DROP INDEX member_talents_text;
