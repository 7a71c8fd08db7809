-- The site area, part 2: the special pages (docs/site.md, "Special
-- pages"): the visitors' welcome, about, terms of membership, privacy,
-- the "awaiting approval" text and the payments instructions, each in
-- each language.  Every save is a new row, never an update: the newest
-- row of a (page, lang) is the text in force (an empty body: none), the
-- older ones its versions, each with who and when.  Restoring a version
-- writes it again as a new row (restored_from: the version it copies).
CREATE TABLE special_pages (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	page		VARCHAR(16) NOT NULL,
	lang		VARCHAR(16) NOT NULL,
	body		MEDIUMTEXT NOT NULL,
	author_id	BIGINT NULL,
	restored_from	BIGINT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	KEY special_pages_current (page, lang, id)
) ENGINE=InnoDB;
