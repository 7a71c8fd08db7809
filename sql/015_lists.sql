-- The site area, part 1: the timebank's lists (docs/site.md, "Lists").
-- Neighbourhoods, counties and affiliations have a table each, of the
-- shape of sql/003's categories, which are the fourth list: one kind of
-- table, read by cgi-bin/common/lists.c, changed by the site area.  An
-- item is retired by clearing `active` (kept where it is chosen, offered
-- nowhere else) and deleted only once nothing points at it: the foreign
-- keys refuse a delete that would leave a member's or an ad's pointing at
-- nothing, and the site area moves the uses to another item first, in the
-- same transaction.
CREATE TABLE neighbourhoods (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(64) NOT NULL,
	position	INT NOT NULL DEFAULT 0,
	active		TINYINT(1) NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY neighbourhoods_name (name),
	KEY neighbourhoods_position (active, position, name)
) ENGINE=InnoDB;

CREATE TABLE counties (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(64) NOT NULL,
	position	INT NOT NULL DEFAULT 0,
	active		TINYINT(1) NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY counties_name (name),
	KEY counties_position (active, position, name)
) ENGINE=InnoDB;

CREATE TABLE affiliations (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(64) NOT NULL,
	position	INT NOT NULL DEFAULT 0,
	active		TINYINT(1) NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY affiliations_name (name),
	KEY affiliations_position (active, position, name)
) ENGINE=InnoDB;

-- An item's name in a language other than its own (the item's `name`
-- is what every language without a row here reads).  list is the key of
-- lists_defs[] (neighbourhoods, counties, affiliations, categories).
CREATE TABLE list_names (
	list		VARCHAR(16) CHARACTER SET ascii NOT NULL,
	item_id		BIGINT NOT NULL,
	lang		VARCHAR(16) CHARACTER SET ascii NOT NULL,
	name		VARCHAR(64) NOT NULL,
	PRIMARY KEY (list, item_id, lang)
) ENGINE=InnoDB;

ALTER TABLE members
	ADD COLUMN neighbourhood_id BIGINT NULL,
	ADD COLUMN county_id BIGINT NULL,
	ADD COLUMN affiliation_id BIGINT NULL,
	ADD CONSTRAINT members_neighbourhood FOREIGN KEY (neighbourhood_id)
	    REFERENCES neighbourhoods (id),
	ADD CONSTRAINT members_county FOREIGN KEY (county_id)
	    REFERENCES counties (id),
	ADD CONSTRAINT members_affiliation FOREIGN KEY (affiliation_id)
	    REFERENCES affiliations (id);
