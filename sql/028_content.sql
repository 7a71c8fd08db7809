-- Pages, news and links (docs/broadcasts.md, "Pages, news and links"):
-- the timebank's own content, site-wide (no community), managed by
-- holders of content.manage.  An item is a row of content_items with its
-- kind's own columns, and one text per language in content_texts (a
-- title and a body in the safe markup of common/markup.h); a reader
-- reads their language's text, else the default language's, else the
-- item's own language's (the one it was first written in).
CREATE TABLE content_items (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind		ENUM('page','news','link') NOT NULL,
	lang		VARCHAR(16) NOT NULL,
	-- pages: readable by visitors (1) or by approved members only (0)
	public		TINYINT(1) NOT NULL DEFAULT 0,
	-- links: the address, http or https only
	url		VARCHAR(2048) NOT NULL DEFAULT '',
	-- news: the item's date (members read the newest first)
	news_on		DATE NULL,
	created_by	BIGINT NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	KEY content_items_kind (kind, news_on, id),
	CONSTRAINT content_items_author FOREIGN KEY (created_by)
	    REFERENCES members (id)
) ENGINE=InnoDB;

CREATE TABLE content_texts (
	item_id		BIGINT NOT NULL,
	lang		VARCHAR(16) NOT NULL,
	title		VARCHAR(200) NOT NULL,
	body		MEDIUMTEXT NOT NULL,
	PRIMARY KEY (item_id, lang),
	CONSTRAINT content_texts_item FOREIGN KEY (item_id)
	    REFERENCES content_items (id) ON DELETE CASCADE
) ENGINE=InnoDB;
