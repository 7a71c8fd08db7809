-- The broadcasts program (docs/broadcasts.md): coordinators' mailings to
-- members, and the coordinators' mailing list.
--
-- broadcasts        one mailing.  kind: 'members' (broadcast.send: the
--                   audience is the filters below) or 'coordinators'
--                   (broadcast.coordinators: the coordinators whose scope
--                   meets community_id, of role f_role if set).
--                   community_id is the audience's Community Timebank and
--                   the object's scope (NULL: the whole timebank, which
--                   only site grants reach).  state: draft (editable),
--                   scheduled (its outbox rows wait for scheduled_at),
--                   sent (queued to the outbox; the rows say what became
--                   of each).  The filters are those of the member list:
--                   '' / NULL / 0 for any.  lang is the language the
--                   broadcast is written in, the fallback of its texts.
-- broadcast_texts   a broadcast's subject and body per language: body in
--                   the safe markup (common/markup.h), body_text the same
--                   rendered to plain text when saved, which the send
--                   fills the merge fields of in SQL.
CREATE TABLE broadcasts (
	id		BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind		ENUM('members','coordinators') NOT NULL
			    DEFAULT 'members',
	state		ENUM('draft','scheduled','sent') NOT NULL
			    DEFAULT 'draft',
	community_id	BIGINT NULL,
	lang		VARCHAR(16) NOT NULL DEFAULT 'en',
	f_status	VARCHAR(16) NOT NULL DEFAULT '',
	f_role		VARCHAR(16) NOT NULL DEFAULT '',
	f_lang		VARCHAR(16) NOT NULL DEFAULT '',
	f_org		TINYINT NOT NULL DEFAULT 0,
	f_joined_from	DATE NULL,
	f_joined_to	DATE NULL,
	scheduled_at	DATETIME NULL,
	sent_at		DATETIME NULL,
	sent_by		BIGINT NULL,
	recipients	INT NOT NULL DEFAULT 0,
	copy_of		BIGINT NULL,
	created_by	BIGINT NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	KEY broadcasts_state (state, id),
	KEY broadcasts_community (community_id, id),
	KEY broadcasts_author (created_by, id),
	CONSTRAINT broadcasts_community FOREIGN KEY (community_id)
	    REFERENCES communities (id),
	CONSTRAINT broadcasts_author FOREIGN KEY (created_by)
	    REFERENCES members (id)
) ENGINE=InnoDB;

CREATE TABLE broadcast_texts (
	broadcast_id	BIGINT NOT NULL,
	lang		VARCHAR(16) NOT NULL,
	subject		VARCHAR(255) NOT NULL,
	body		MEDIUMTEXT NOT NULL,
	body_text	MEDIUMTEXT NOT NULL,
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	PRIMARY KEY (broadcast_id, lang),
	CONSTRAINT broadcast_texts_broadcast FOREIGN KEY (broadcast_id)
	    REFERENCES broadcasts (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- The audience is members by status, community, optout: the member
-- list's indexes serve it (004, 009); the send reads it once.
