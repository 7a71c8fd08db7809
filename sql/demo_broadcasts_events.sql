-- The demo's events (docs/broadcasts.md, "Events"): the whole timebank's
-- and each community's, coming and past.
INSERT INTO events (community_id, title, description, place, starts_at,
    ends_at, created_by)
SELECT x.c, x.title, x.description, x.place,
    TIMESTAMP(UTC_DATE() + INTERVAL x.d DAY, x.t),
    TIMESTAMP(UTC_DATE() + INTERVAL x.d DAY, x.t) + INTERVAL 2 HOUR, m.id
FROM members m JOIN (
    SELECT NULL AS c, 'Annual general meeting' AS title,
        'Every member is welcome: the year in **hours**, and the new coordinators.' AS description,
        'Town hall, room 2' AS place, 10 AS d, '18:00' AS t
    UNION ALL SELECT 1, 'North Side repair café', 'Bring what is broken.',
        'North Side library', 3, '10:00'
    UNION ALL SELECT 2, 'Riverside litter pick', 'Gloves provided.',
        'The old bridge', 5, '09:30'
    UNION ALL SELECT NULL, 'New members'' welcome evening', 'Tea, and how the timebank works.',
        'Town hall', -14, '19:00'
) x WHERE m.username = 'outreach';
