-- The exchanges area, part 1: offers and requests (service ads) and the
-- site's list of service categories.

-- The categories an ad is filed under.  The site area manages the list
-- later (site.config, "ad categories"); a category is retired by clearing
-- `active` rather than deleted, so that old ads keep theirs.  `position`
-- orders the select boxes.
CREATE TABLE categories (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(64) NOT NULL,
	position	INT NOT NULL DEFAULT 0,
	active		TINYINT(1) NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY categories_name (name),
	KEY categories_position (active, position, name)
) ENGINE=InnoDB;

INSERT INTO categories (id, name, position) VALUES
	(1, 'Arts and crafts', 10),
	(2, 'Care and companionship', 20),
	(3, 'Children and families', 30),
	(4, 'Computers and phones', 40),
	(5, 'Cooking and food', 50),
	(6, 'DIY and repairs', 60),
	(7, 'Gardening', 70),
	(8, 'Health and wellbeing', 80),
	(9, 'Household help', 90),
	(10, 'Languages and tutoring', 100),
	(11, 'Paperwork and advice', 110),
	(12, 'Transport and errands', 120);

-- An offer ("I can ...") or a request ("I need ...") of one member.
--   community_id  the Community Timebank the ad is shown in: the owner's
--                 own or none, unless a coordinator with member.community
--                 put it elsewhere.  The ad's scope for coordinators
--                 (docs/authorization.md rule 2) is this community, else
--                 the owner's, else site.
--   expires_on    the last day the ad shows in the directory (UTC dates).
--   status        'deleted' is a soft delete: the owner and coordinators
--                 in scope still see the ad; the directory does not.
--   created_by    the real member who posted it (a coordinator, an angel,
--   created_as    or the owner), and the acting member ("become").
CREATE TABLE ads (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	member_id	BIGINT NOT NULL,
	kind		ENUM('offer','request') NOT NULL,
	title		VARCHAR(120) NOT NULL,
	description	TEXT NOT NULL,
	category_id	BIGINT NOT NULL,
	community_id	BIGINT NULL,
	expires_on	DATE NOT NULL,
	status		ENUM('active','deleted') NOT NULL DEFAULT 'active',
	created_by	BIGINT NOT NULL,
	created_as	BIGINT NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	KEY ads_directory (status, kind, expires_on, id),
	KEY ads_member (member_id),
	KEY ads_category (category_id),
	KEY ads_community (community_id),
	KEY ads_created (created_at, id),
	-- Text search in the directory and the coordinators' list
	-- (MATCH ... AGAINST in boolean mode, one prefix term per word).
	FULLTEXT KEY ads_text (title, description),
	CONSTRAINT ads_member FOREIGN KEY (member_id) REFERENCES members (id),
	CONSTRAINT ads_category FOREIGN KEY (category_id)
	    REFERENCES categories (id),
	CONSTRAINT ads_community FOREIGN KEY (community_id)
	    REFERENCES communities (id),
	CONSTRAINT ads_created_by FOREIGN KEY (created_by)
	    REFERENCES members (id),
	CONSTRAINT ads_created_as FOREIGN KEY (created_as)
	    REFERENCES members (id)
) ENGINE=InnoDB;
