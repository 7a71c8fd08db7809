-- Rule 4 (the last site admin, docs/authorization.md) on a Galera cluster
-- (docs/scaling.md, "The database").  role_guard_last_admin()
-- (cgi-bin/common/role_db.c) locks every enabled site admin's rows with
-- SELECT ... FOR UPDATE, which serialises two demotions on one server.
-- Galera does not replicate those locks: two demotions of the last two
-- admins on two nodes would each see the other admin, delete different
-- rows, pass certification and leave none.  So every change that can end
-- an admin's adminship also writes this row, in the same transaction:
-- two such changes then write one row on two nodes, the second to commit
-- fails certification (1213), is run again (app.c) and is refused.
-- One row per guarded scope; 'site' is the only one today.
CREATE TABLE role_guard (
	scope		VARCHAR(32) CHARACTER SET ascii NOT NULL PRIMARY KEY,
	changes		BIGINT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB;

INSERT INTO role_guard (scope, changes) VALUES ('site', 0);
