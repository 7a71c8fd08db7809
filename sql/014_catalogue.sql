-- The phrase catalogue in the database (docs/translations.md).  The
-- English source lives in the repository (templates/phrases/AREA.en) and
-- is what the programs serve in English; weft-migrate copies it into
-- `phrases` at every install or upgrade (its sync step), so that the
-- translations area can show translators each phrase, its note and
-- where it changed.  Translations live only here.
--
--   languages     the timebank's languages: a BCP 47 tag, the language's
--                 own name, its direction, gettext's Plural-Forms rule
--                 (as a PO header writes it), how numbers and dates are
--                 written, and whether members may choose it.  English
--                 is the source: its row is there from the start and the
--                 translations area never removes or disables it.
--   phrases       one row per key ever in the source.  english_hash is
--                 SHA-256 of the English (the "one" form, a NUL byte and
--                 the "other" form for a plural phrase); a key that has
--                 left the source keeps its row (and its translations)
--                 with retired_at set, and is served by nobody.
--   translations  one row per (phrase, language, plural form).  A
--                 translation made from other English than the phrase's
--                 current one (english_hash differs) is stale: still
--                 served, and shown to the translator with the English
--                 it was made from (english_from), to see what changed.
--                 status 'fuzzy': imported as needing review.
--
-- A writer of any of the three adds 1 to the 'catalogue' generation in
-- the same transaction (sql/012): every worker reads its copy again on
-- its next page.
CREATE TABLE languages (
	tag		VARCHAR(16) CHARACTER SET ascii NOT NULL PRIMARY KEY,
	name		VARCHAR(64) NOT NULL,
	dir		ENUM('ltr','rtl') NOT NULL DEFAULT 'ltr',
	plural_forms	VARCHAR(255) CHARACTER SET ascii NOT NULL,
	nplurals	TINYINT UNSIGNED NOT NULL,
	decimal_sep	ENUM('.',',') NOT NULL DEFAULT '.',
	date_order	ENUM('ymd','dmy','mdy') NOT NULL DEFAULT 'ymd',
	enabled		BOOLEAN NOT NULL DEFAULT FALSE,
	position	INT NOT NULL DEFAULT 0,
	created_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	CONSTRAINT languages_nplurals CHECK (nplurals BETWEEN 1 AND 6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- English, and Spanish, which members could choose before this migration
-- (and some may have): it stays offered, in English until translated.
INSERT INTO languages (tag, name, dir, plural_forms, nplurals, decimal_sep,
    date_order, enabled, position)
VALUES ('en', 'English', 'ltr', 'nplurals=2; plural=(n != 1);', 2, '.',
    'ymd', TRUE, 0),
    ('es', 'Español', 'ltr', 'nplurals=2; plural=(n != 1);', 2, ',',
    'dmy', TRUE, 1);

CREATE TABLE phrases (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	phrase_key	VARCHAR(95) CHARACTER SET ascii NOT NULL,
	area		VARCHAR(31) CHARACTER SET ascii NOT NULL,
	note		TEXT NOT NULL,
	english		TEXT NOT NULL,
	english_plural	TEXT NULL,
	english_hash	BINARY(32) NOT NULL,
	placeholders	VARCHAR(255) CHARACTER SET ascii NOT NULL DEFAULT '',
	used_in		VARCHAR(1024) NOT NULL DEFAULT '',
	retired_at	DATETIME NULL,
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	UNIQUE KEY phrases_key (phrase_key),
	KEY phrases_area (area, phrase_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE translations (
	phrase_id	INT UNSIGNED NOT NULL,
	lang		VARCHAR(16) CHARACTER SET ascii NOT NULL,
	plural_index	TINYINT UNSIGNED NOT NULL DEFAULT 0,
	text		TEXT NOT NULL,
	status		ENUM('done','fuzzy') NOT NULL DEFAULT 'done',
	english_hash	BINARY(32) NOT NULL,
	english_from	TEXT NOT NULL,
	translator_id	BIGINT NULL,
	updated_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	PRIMARY KEY (lang, phrase_id, plural_index),
	KEY translations_phrase (phrase_id),
	CONSTRAINT translations_phrase FOREIGN KEY (phrase_id)
	    REFERENCES phrases (id),
	CONSTRAINT translations_lang FOREIGN KEY (lang)
	    REFERENCES languages (tag),
	CONSTRAINT translations_translator FOREIGN KEY (translator_id)
	    REFERENCES members (id),
	CONSTRAINT translations_plural CHECK (plural_index < 6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO cache_generations (name, generation) VALUES ('catalogue', 1);
