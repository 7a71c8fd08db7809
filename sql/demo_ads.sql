-- Demo offers and requests, loaded after demo.sql on a fresh demo stack.
-- Members and categories are found by name; dates are relative to today,
-- so that most ads are current.  Three have expired (the directory hides
-- them, "My ads" offers to renew them) and one is deleted (only its owner
-- and coordinators see it).  One title and one description hold markup and
-- quotes on purpose: pages must show them escaped.
--
-- Columns, in this order: username, kind, title, description, category,
-- in the owner's community (1) or none (0), expires in N days (negative:
-- expired), status, created N days ago.

START TRANSACTION;

INSERT INTO ads (member_id, kind, title, description, category_id,
    community_id, expires_on, status, created_by, created_as, created_at,
    updated_at)
SELECT m.id, d.kind, d.title, d.description, c.id,
    IF(d.own_community = 1, m.community_id, NULL),
    UTC_DATE() + INTERVAL d.expires_in DAY, d.status, m.id, m.id,
    UTC_TIMESTAMP() - INTERVAL d.age DAY,
    UTC_TIMESTAMP() - INTERVAL d.age DAY
FROM (
	SELECT 'alice' AS username, 'offer' AS kind,
	    'Bicycle repair and tune-ups' AS title,
	    'Punctures, brakes, gears. Bring the bike to my garden on Saturday mornings.' AS description,
	    'DIY and repairs' AS category, 1 AS own_community,
	    60 AS expires_in, 'active' AS status, 20 AS age
	UNION ALL SELECT 'alice', 'offer', 'Help with forms and letters',
	    'Benefit forms, council letters, applications: I read them with you.',
	    'Paperwork and advice', 1, 80, 'active', 12
	UNION ALL SELECT 'alice', 'request', 'Someone to prune an apple tree',
	    'An old tree in the back garden needs a careful winter prune.',
	    'Gardening', 1, -5, 'active', 100
	UNION ALL SELECT 'bob', 'offer', 'Lifts to the hospital and the shops',
	    'Weekday mornings, North Side and the town centre.',
	    'Transport and errands', 1, 45, 'active', 30
	UNION ALL SELECT 'bob', 'offer', 'Small carpentry jobs',
	    'Shelves, sticking doors, a wobbly table.',
	    'DIY and repairs', 1, 20, 'deleted', 50
	UNION ALL SELECT 'carol', 'offer', 'Maths tutoring (GCSE)',
	    'One hour a week, at the library or online.',
	    'Languages and tutoring', 1, 90, 'active', 8
	UNION ALL SELECT 'carol', 'request', 'Piano tuner wanted',
	    'My upright piano is a semitone flat.',
	    'Household help', 0, -30, 'active', 150
	UNION ALL SELECT 'dave', 'offer', 'Dog walking',
	    'Any size of dog, Riverside and the park, early evenings.',
	    'Care and companionship', 1, 70, 'active', 15
	UNION ALL SELECT 'dave', 'request', 'Help moving a sofa',
	    'Second floor, no lift. Two people for an hour.',
	    'Household help', 1, 14, 'active', 3
	UNION ALL SELECT 'erin', 'offer', 'Sewing, mending and alterations',
	    'Hems, zips, patches. "Make do and mend" evenings on Tuesdays.',
	    'Arts and crafts', 1, 120, 'active', 25
	UNION ALL SELECT 'frank', 'offer', 'Computer help for older neighbours',
	    'Email, video calls with family, printing, keeping safe online.',
	    'Computers and phones', 0, 100, 'active', 40
	UNION ALL SELECT 'greenhouse', 'request', 'Volunteers for Saturday planting',
	    'We plant out the seedlings in spring: gloves and tea provided.',
	    'Gardening', 1, 30, 'active', 10
	UNION ALL SELECT 'maria', 'offer', 'Clases de español',
	    'Conversación y gramática, todos los niveles.',
	    'Languages and tutoring', 1, 150, 'active', 5
	UNION ALL SELECT 'ivan', 'offer', 'Chess lessons for beginners',
	    'Rules, openings and a lot of practice games.',
	    'Languages and tutoring', 0, -1, 'active', 200
	UNION ALL SELECT 'sam', 'offer', 'Odd jobs <b>& errands</b>',
	    'Collecting parcels, <script>alert(1)</script> queuing, posting letters.',
	    'Transport and errands', 0, 50, 'active', 2
) d
JOIN members m ON m.username = d.username
JOIN categories c ON c.name = d.category
ORDER BY d.age DESC;

COMMIT;
