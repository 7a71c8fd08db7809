-- Generation numbers of what the workers cache (cgi-bin/common/settings.h;
-- docs/performance.md).  Every worker keeps the site's settings in memory;
-- a change is seen on the very next request, without a query of its own:
-- the writer adds 1 to the row of its cache in the transaction of the
-- change, and the statement that loads the session (common/auth.c)
-- returns the number, so a worker reloads only when it differs from the
-- one it holds.  One row per cache ('settings' now; the phrase catalogue
-- and the communities may follow).
CREATE TABLE cache_generations (
	name		VARCHAR(32) CHARACTER SET ascii NOT NULL PRIMARY KEY,
	generation	BIGINT NOT NULL,
	CONSTRAINT cache_generations_positive CHECK (generation > 0)
) ENGINE=InnoDB;

INSERT INTO cache_generations (name, generation) VALUES ('settings', 1);
