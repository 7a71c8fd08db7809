-- Talents (issue 17; docs/reports.md "Talents"): the skills a member
-- offers, each from the site's ad categories (categories, sql/003) or
-- free text, or both.  The member lists them on their own profile (/me);
-- members read them in the talents directory (/ads/talents) and on
-- profiles; coordinators with ad.edit / ad.delete change or remove them
-- in scope (the member's community).
--   category_id   an item of the ad categories, or NULL for free text
--                 only; the site area counts it among the category's uses
--                 and moves it with them (common/lists.c lists_defs[])
--   text          the member's own words ("Italian conversation"), ''
--                 when the category says it all
CREATE TABLE member_talents (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	member_id	BIGINT NOT NULL,
	category_id	BIGINT NULL,
	text		VARCHAR(120) NOT NULL DEFAULT '',
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	KEY member_talents_member (member_id, id),
	-- The directory and the member list filter by category: the
	-- members of one category in id order, read from the index.
	KEY member_talents_category (category_id, member_id),
	-- The text search (MATCH ... AGAINST in boolean mode, one prefix
	-- term per word, as the ads' search).
	FULLTEXT KEY member_talents_text (text),
	CONSTRAINT member_talents_member FOREIGN KEY (member_id)
	    REFERENCES members (id) ON DELETE CASCADE,
	CONSTRAINT member_talents_category FOREIGN KEY (category_id)
	    REFERENCES categories (id)
) ENGINE=InnoDB;
