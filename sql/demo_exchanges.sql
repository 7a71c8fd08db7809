-- Demo exchanges, loaded after demo.sql (and demo_ads.sql) on a fresh demo
-- stack.  Forty exchanges among the demo members over the last eleven
-- months, within and across the two communities and with members of no
-- community, a few linked to the demo ads (found by owner and title, NULL
-- when absent), a few recorded by coordinators, and one reversal; and a
-- few recorded by their provider that wait for the recipient (pending, or
-- disputed), within and across the communities.  sam
-- ends below the default soft credit limit (-20 hours), so the dashboard
-- has someone to alert about.
--
-- Hours are integer hundredths (sql/006_ledger.sql).  Balances are
-- computed from the exchanges at the end, in the same transaction, so the
-- sum of all balances is 0 as in every other moment of the ledger.
--
-- Columns, in this order: provider, recipient, hundredths, days ago,
-- description, recorded by ('' = the provider), the ad's title ('' =
-- none; the ad must belong to one of the two).

START TRANSACTION;

INSERT INTO exchanges (provider_id, recipient_id, hundredths, service_date,
    description, ad_id, recorded_by, recorded_as, created_at)
SELECT p.id, q.id, d.h, UTC_DATE() - INTERVAL d.ago DAY, d.what,
    (SELECT a.id FROM ads a WHERE a.title = d.ad
	AND a.member_id IN (p.id, q.id) ORDER BY a.id LIMIT 1),
    COALESCE(r.id, p.id), COALESCE(r.id, p.id),
    UTC_TIMESTAMP() - INTERVAL d.ago DAY + INTERVAL 18 HOUR
FROM (
	SELECT 'alice' AS provider, 'bob' AS recipient, 150 AS h, 330 AS ago,
	    'Fixed the brakes and gears of a bike' AS what, '' AS recorder,
	    'Bicycle repair and tune-ups' AS ad
	UNION ALL SELECT 'bob', 'carol', 200, 320,
	    'Lift to the hospital and back', '', 'Lifts to the hospital and the shops'
	UNION ALL SELECT 'carol', 'alice', 100, 300,
	    'Maths tutoring for Alice''s nephew', '', 'Maths tutoring (GCSE)'
	UNION ALL SELECT 'dave', 'erin', 75, 290, 'Walked the dog twice', '',
	    'Dog walking'
	UNION ALL SELECT 'erin', 'dave', 125, 280, 'Took in two pairs of trousers',
	    '', 'Sewing, mending and alterations'
	UNION ALL SELECT 'frank', 'grace', 200, 270,
	    'Set up a new laptop and e-mail', '', 'Computer help for older neighbours'
	UNION ALL SELECT 'grace', 'heidi', 300, 260,
	    'Cooked a week of meals after an operation', '', ''
	UNION ALL SELECT 'heidi', 'kim', 100, 250, 'German conversation', '', ''
	UNION ALL SELECT 'ivan', 'alice', 250, 240, 'Fixed a leaking tap', '', ''
	UNION ALL SELECT 'judy', 'priya', 100, 230,
	    'Read stories at the children''s corner', '', ''
	UNION ALL SELECT 'alice', 'dave', 200, 220,
	    'Help with a housing benefit form', '', 'Help with forms and letters'
	UNION ALL SELECT 'dave', 'alice', 150, 210, 'Walked the dog for a week', '',
	    'Dog walking'
	UNION ALL SELECT 'kim', 'greenhouse', 300, 200,
	    'Photographed the open day', '', ''
	UNION ALL SELECT 'liam', 'maria', 400, 190, 'Painted a kitchen', '', ''
	UNION ALL SELECT 'maria', 'liam', 200, 180, 'Spanish lessons', '',
	    'Clases de español'
	UNION ALL SELECT 'nadia', 'frank', 150, 170, 'Tax return, sorted', '', ''
	UNION ALL SELECT 'oscar', 'judy', 100, 160,
	    'Football coaching for Judy''s son', '', ''
	UNION ALL SELECT 'priya', 'erin', 100, 150, 'Yoga session', '', ''
	UNION ALL SELECT 'quentin', 'rosa', 125, 140, 'French conversation', '', ''
	UNION ALL SELECT 'rosa', 'grace', 100, 130, 'Haircut at home', '', ''
	UNION ALL SELECT 'greenhouse', 'bob', 200, 120,
	    'Vegetables from the garden, and a morning of company', '', ''
	UNION ALL SELECT 'bob', 'greenhouse', 400, 110,
	    'Built two raised beds', 'support', 'Small carpentry jobs'
	UNION ALL SELECT 'carol', 'kim', 150, 100, 'Piano lesson', '', ''
	UNION ALL SELECT 'erin', 'judy', 50, 95, 'Sewed on buttons', '', ''
	UNION ALL SELECT 'ivan', 'oscar', 100, 90, 'Chess lesson', '',
	    'Chess lessons for beginners'
	UNION ALL SELECT 'alice', 'sam', 600, 85,
	    'Cleared and dug a garden', 'northcoord', ''
	UNION ALL SELECT 'grace', 'sam', 500, 80, 'Meals for a fortnight', '', ''
	UNION ALL SELECT 'frank', 'sam', 400, 75, 'Rebuilt a broken computer', '',
	    ''
	UNION ALL SELECT 'dave', 'sam', 400, 70, 'Moved furniture to a new flat',
	    'mcoord', ''
	UNION ALL SELECT 'liam', 'sam', 450, 65, 'Painted the new flat',
	    'mcoord', ''
	UNION ALL SELECT 'sam', 'nadia', 50, 60, 'Ran an errand to the post office',
	    '', 'Odd jobs <b>& errands</b>'
	UNION ALL SELECT 'heidi', 'carol', 125, 55,
	    'Knitted a scarf "for the winter"', '', ''
	UNION ALL SELECT 'judy', 'dave', 100, 50, 'Reading help', '', ''
	UNION ALL SELECT 'priya', 'maria', 150, 45, 'Help with a job application',
	    '', ''
	UNION ALL SELECT 'kim', 'alice', 100, 40, 'Passport photos', '', ''
	UNION ALL SELECT 'maria', 'priya', 100, 30, 'Cooking lesson: paella', '',
	    ''
	UNION ALL SELECT 'oscar', 'heidi', 75, 20, 'Carried shopping home', '', ''
	UNION ALL SELECT 'nadia', 'quentin', 200, 14, 'Accounts for a small club',
	    '', ''
	UNION ALL SELECT 'bob', 'frank', 100, 7, 'Lift to the station', '',
	    'Lifts to the hospital and the shops'
	UNION ALL SELECT 'erin', 'alice', 200, 3,
	    'Hemmed curtains', '', ''
) d
JOIN members p ON p.username = d.provider
JOIN members q ON q.username = d.recipient
LEFT JOIN members r ON r.username = d.recorder AND d.recorder <> ''
ORDER BY d.ago DESC;

-- One correction: mcoord reversed the exchange recorded by mistake.
INSERT INTO exchanges (provider_id, recipient_id, hundredths, service_date,
    description, ad_id, recorded_by, recorded_as, reverses_id, reason,
    created_at)
SELECT o.recipient_id, o.provider_id, o.hundredths, UTC_DATE() - INTERVAL 1 DAY,
    o.description, o.ad_id, c.id, c.id, o.id,
    'Recorded by mistake: the curtains were hemmed as a gift, not an exchange.',
    UTC_TIMESTAMP() - INTERVAL 1 DAY
FROM exchanges o JOIN members c ON c.username = 'mcoord'
WHERE o.description = 'Hemmed curtains';

-- Balances from the exchanges: + for the provider, - for the recipient.
INSERT INTO balances (member_id, hundredths)
SELECT t.m, SUM(t.h) FROM (
	SELECT provider_id AS m, hundredths AS h FROM exchanges
	UNION ALL SELECT recipient_id, -hundredths FROM exchanges
) t GROUP BY t.m
ON DUPLICATE KEY UPDATE hundredths = balances.hundredths + VALUES(hundredths);

-- Recorded by their provider, waiting for the recipient (sql/013): no
-- balance has moved.  bob waits for alice; two were disputed by their
-- recipient.  The form keys are made up, 64 hex digits each.
INSERT INTO exchange_proposals (provider_id, recipient_id, hundredths,
    service_date, description, recorded_by, recorded_as, form_key, status,
    reason, disputed_by, disputed_as, disputed_at, created_at)
SELECT p.id, q.id, d.h, UTC_DATE() - INTERVAL d.ago DAY, d.what, p.id, p.id,
    SHA2(CONCAT('weft demo proposal ', d.what), 256), d.st, d.why,
    IF(d.st = 'disputed', q.id, NULL), IF(d.st = 'disputed', q.id, NULL),
    IF(d.st = 'disputed', UTC_TIMESTAMP() - INTERVAL 1 HOUR, NULL),
    UTC_TIMESTAMP() - INTERVAL d.ago DAY - INTERVAL 2 HOUR
FROM (
	SELECT 'bob' AS provider, 'alice' AS recipient, 100 AS h, 2 AS ago,
	    'Lift to the station and back' AS what, 'pending' AS st, '' AS why
	UNION ALL SELECT 'heidi', 'carol', 75, 4, 'German conversation practice',
	    'pending', ''
	UNION ALL SELECT 'dave', 'erin', 125, 3, 'Assembled a wardrobe',
	    'pending', ''
	UNION ALL SELECT 'carol', 'liam', 100, 6, 'Piano lesson for Liam',
	    'pending', ''
	UNION ALL SELECT 'oscar', 'maria', 150, 5, 'Football coaching', 'disputed',
	    'That session was called off because of the rain.'
	UNION ALL SELECT 'ivan', 'quentin', 50, 1, 'Chess lesson', 'pending', ''
	UNION ALL SELECT 'rosa', 'nadia', 100, 8, 'Haircut at home', 'disputed', ''
) d
JOIN members p ON p.username = d.provider
JOIN members q ON q.username = d.recipient
ORDER BY d.ago DESC;

COMMIT;
