-- The demo's alerts (docs/broadcasts.md, "Alerts"): one over, one to come
-- (none live: a live alert shows on every member's page, which the other
-- areas' tests would meet on theirs).
INSERT INTO alerts (community_id, message, starts_on, ends_on, created_by)
SELECT NULL, 'The office is **closed** over the holidays.',
    UTC_DATE() - INTERVAL 40 DAY, UTC_DATE() - INTERVAL 30 DAY, id
    FROM members WHERE username = 'admin';
INSERT INTO alerts (community_id, message, starts_on, ends_on, created_by)
SELECT 1, 'North Side: the [spring fair](https://example.org/fair) needs helpers.',
    UTC_DATE() + INTERVAL 7 DAY, UTC_DATE() + INTERVAL 14 DAY, id
    FROM members WHERE username = 'northcoord';
INSERT INTO alerts (community_id, message, starts_on, ends_on, created_by)
SELECT 2, 'Riverside: the *river walk* is moved to Sunday.',
    UTC_DATE() - INTERVAL 20 DAY, UTC_DATE() - INTERVAL 19 DAY, id
    FROM members WHERE username = 'admin';
