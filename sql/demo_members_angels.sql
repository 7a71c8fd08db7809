-- Demo rows of the members area's angels family (loaded after demo.sql on
-- a fresh demo stack): Grace Gallagher is the guardian angel of Kim Nguyen
-- (both of the North Side Timebank), whose Guardian Angel Mode is on, so
-- Grace can act for Kim; Judy Jones manages the Greenhouse Collective
-- (an organisation account of the Riverside Timebank).  Ids are looked up
-- by username.

START TRANSACTION;

INSERT INTO guardian_angels (member_id, angel_id, created_by, created_at)
SELECT m.id, a.id, c.id, UTC_TIMESTAMP() - INTERVAL 30 DAY
FROM members m, members a, members c
WHERE m.username = 'kim' AND a.username = 'grace' AND c.username = 'mcoord';

UPDATE members SET angel_mode = 1 WHERE username = 'kim';

INSERT INTO org_managers (org_id, manager_id, created_by, created_at)
SELECT o.id, g.id, c.id, UTC_TIMESTAMP() - INTERVAL 60 DAY
FROM members o, members g, members c
WHERE o.username = 'greenhouse' AND g.username = 'judy'
    AND c.username = 'admin';

COMMIT;
