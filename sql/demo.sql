-- The demo timebank of `make run` (weft-stack start --demo).  Not a
-- migration: weft-stack loads it once, into a database whose members table
-- is empty, after every migration has run.
--
-- Every account shares one password.  weft-stack generates it (written to
-- VARDIR/demo-password), hashes it with weft-passwd and sends
-- "SET @pw = '<argon2id hash>';" before this file.  Run without @pw, the
-- first member insert fails (password_hash is NOT NULL) and nothing loads.
--
-- Times are relative to now, so the demo always looks recent: members
-- joined over the last twelve months, coordinators first.  Emails are
-- under example.org (RFC 2606); phone numbers are in the 555-01xx block
-- reserved for fiction.
--
-- Who is who (docs/authorization.md): a site coordinator of every role, a
-- member coordinator scoped to community 1, a Spanish translator; approved,
-- applying and disabled members in both communities and in none; one
-- organisation.  Some names and texts hold non-ASCII letters, quotes and
-- markup on purpose: pages must show them escaped, not interpreted.

START TRANSACTION;

SET @now = UTC_TIMESTAMP();

INSERT INTO communities (id, name, created_at) VALUES
	(1, 'North Side Timebank', @now - INTERVAL 400 DAY),
	(2, 'Riverside Timebank', @now - INTERVAL 390 DAY);

-- Columns, in this order for every row:
-- username, email, name, status, lang, community_id, is_organisation,
-- optout, phone, address, about, joined_at, approved_at, last_login_at.
INSERT INTO members (username, email, name, password_hash, status, lang,
    community_id, is_organisation, optout, phone, address, about,
    joined_at, approved_at, last_login_at) VALUES

-- Site coordinators, one per role, and the scoped ones.
('admin', 'admin@example.org', 'Ada Admin', @pw, 'approved', 'en',
    NULL, 0, 0, '+1 555 0100', '1 Market Square',
    'Admin Coordinator of the whole timebank.',
    @now - INTERVAL 360 DAY, @now - INTERVAL 360 DAY, @now - INTERVAL 1 DAY),
('mcoord', 'mcoord@example.org', 'Marcus Cole', @pw, 'approved', 'en',
    NULL, 0, 0, '+1 555 0101', '14 Elm Street',
    'Member Coordinator: welcomes and approves new members.',
    @now - INTERVAL 352 DAY, @now - INTERVAL 351 DAY, @now - INTERVAL 2 DAY),
('support', 'support@example.org', 'Sunita Patel', @pw, 'approved', 'en',
    NULL, 0, 0, '+1 555 0102', '3 Mill Lane',
    'Member Support Coordinator.',
    @now - INTERVAL 343 DAY, @now - INTERVAL 342 DAY, @now - INTERVAL 4 DAY),
('outreach', 'outreach@example.org', 'Omar Haddad', @pw, 'approved', 'en',
    NULL, 0, 0, '+1 555 0103', '27 Harbour Road',
    'Outreach Coordinator: events, alerts and the newsletter.',
    @now - INTERVAL 331 DAY, @now - INTERVAL 330 DAY, @now - INTERVAL 9 DAY),
('payment', 'payment@example.org', 'Paula Jensen', @pw, 'approved', 'en',
    NULL, 0, 0, '+1 555 0104', '8 Bank Street',
    'Payment Coordinator: subscriptions and recorded payments.',
    @now - INTERVAL 322 DAY, @now - INTERVAL 321 DAY, NULL),
('translator', 'translator@example.org', 'Teresa Álvarez', @pw, 'approved',
    'es', NULL, 0, 0, '+1 555 0105', '5 Calle Mayor',
    'Traduce weft al español.',
    @now - INTERVAL 301 DAY, @now - INTERVAL 300 DAY, @now - INTERVAL 20 DAY),
('northcoord', 'northcoord@example.org', 'Nora Quinn', @pw, 'approved', 'en',
    1, 0, 0, '+1 555 0106', '40 North Parade',
    'Member Coordinator for the North Side Timebank.',
    @now - INTERVAL 289 DAY, @now - INTERVAL 288 DAY, @now - INTERVAL 3 DAY),

-- Approved members.  alice, bob, carol: community 1; dave, erin:
-- community 2; frank: none (outside every community grant).
('alice', 'alice@example.org', 'Alice Adams', @pw, 'approved', 'en',
    1, 0, 0, '+1 555 0110', '12 Birch Avenue, North Side',
    'Gardening, bike repair and help with forms.',
    @now - INTERVAL 281 DAY, @now - INTERVAL 279 DAY, @now - INTERVAL 2 DAY),
('bob', 'bob@example.org', 'Bob Brown', @pw, 'approved', 'en',
    1, 0, 0, '+1 555 0111', '19 Birch Avenue, North Side',
    'Lifts to the shops and the hospital; small carpentry.',
    @now - INTERVAL 266 DAY, @now - INTERVAL 263 DAY, @now - INTERVAL 11 DAY),
('carol', 'carol@example.org', 'Carol Chen', @pw, 'approved', 'en',
    1, 0, 0, '+1 555 0112', '2 Oak Close, North Side',
    'Maths tutoring and piano lessons for beginners.',
    @now - INTERVAL 251 DAY, @now - INTERVAL 250 DAY, NULL),
('dave', 'dave@example.org', 'Dave Davies', @pw, 'approved', 'en',
    2, 0, 0, '+1 555 0113', '7 Quay Street, Riverside',
    'Dog walking and moving furniture.',
    @now - INTERVAL 236 DAY, @now - INTERVAL 233 DAY, @now - INTERVAL 6 DAY),
('erin', 'erin@example.org', 'Erin Eriksen', @pw, 'approved', 'en',
    2, 0, 0, '+1 555 0114', '31 Willow Walk, Riverside',
    'Sewing, mending and alterations.',
    @now - INTERVAL 221 DAY, @now - INTERVAL 219 DAY, NULL),
('frank', 'frank@example.org', 'Frank Fischer', @pw, 'approved', 'en',
    NULL, 0, 1, '+1 555 0115', '66 Station Road',
    'Computer help for older neighbours.  Prefers no broadcasts.',
    @now - INTERVAL 206 DAY, @now - INTERVAL 204 DAY, @now - INTERVAL 30 DAY),
('greenhouse', 'greenhouse@example.org', 'The Greenhouse Collective', @pw,
    'approved', 'en', 2, 1, 0, '+1 555 0116', 'Unit 4, Riverside Yards',
    'A community garden: volunteers welcome on Saturdays.',
    @now - INTERVAL 192 DAY, @now - INTERVAL 190 DAY, @now - INTERVAL 15 DAY),
('grace', 'grace@example.org', 'Grace Gallagher', @pw, 'approved', 'en',
    1, 0, 0, '+1 555 0117', '9 Oak Close, North Side',
    'Cooking for people recovering at home.',
    @now - INTERVAL 176 DAY, @now - INTERVAL 175 DAY, NULL),
('heidi', 'heidi@example.org', 'Heidi Holm', @pw, 'approved', 'en',
    1, 0, 0, '+1 555 0118', '23 Birch Avenue, North Side',
    'Knitting circle on Thursdays; language exchange (German).',
    @now - INTERVAL 161 DAY, @now - INTERVAL 158 DAY, @now - INTERVAL 40 DAY),
('ivan', 'ivan@example.org', 'Ivan Ivanov', @pw, 'approved', 'en',
    NULL, 0, 0, '+1 555 0119', '15 Station Road',
    'Plumbing odd jobs, chess lessons.',
    @now - INTERVAL 149 DAY, @now - INTERVAL 147 DAY, NULL),
('judy', 'judy@example.org', 'Judy Jones', @pw, 'approved', 'en',
    2, 0, 0, '+1 555 0120', '4 Ferry Lane, Riverside',
    'Reading to children at the library.',
    @now - INTERVAL 134 DAY, @now - INTERVAL 133 DAY, @now - INTERVAL 8 DAY),
('kim', 'kim@example.org', 'Kim Nguyen', @pw, 'approved', 'en',
    1, 0, 0, '+1 555 0121', '50 North Parade',
    'Photography for community events.',
    @now - INTERVAL 121 DAY, @now - INTERVAL 119 DAY, NULL),
('liam', 'liam@example.org', 'Liam O''Brien', @pw, 'approved', 'en',
    2, 0, 0, '+1 555 0122', '18 Quay Street, Riverside',
    'Painting and decorating; "no job too small".',
    @now - INTERVAL 104 DAY, @now - INTERVAL 102 DAY, @now - INTERVAL 5 DAY),
('maria', 'maria@example.org', 'María García', @pw, 'approved', 'es',
    2, 0, 0, '+1 555 0123', '11 Willow Walk, Riverside',
    'Clases de español y cocina.',
    @now - INTERVAL 94 DAY, @now - INTERVAL 92 DAY, NULL),
('nadia', 'nadia@example.org', 'Nadia Benali', @pw, 'approved', 'en',
    NULL, 0, 0, '+1 555 0124', '29 Market Square',
    'Accounting help and tax forms.',
    @now - INTERVAL 81 DAY, @now - INTERVAL 80 DAY, @now - INTERVAL 12 DAY),
('oscar', 'oscar@example.org', 'Oscar Okafor', @pw, 'approved', 'en',
    1, 0, 0, '+1 555 0125', '6 Oak Close, North Side',
    'Football coaching for under-12s.',
    @now - INTERVAL 69 DAY, @now - INTERVAL 67 DAY, NULL),
('priya', 'priya@example.org', 'Priya Raman', @pw, 'approved', 'en',
    2, 0, 0, '+1 555 0126', '2 Ferry Lane, Riverside',
    'Yoga for beginners; help with job applications.',
    @now - INTERVAL 56 DAY, @now - INTERVAL 54 DAY, @now - INTERVAL 1 DAY),
('quentin', 'quentin@example.org', 'Quentin Dubois', @pw, 'approved', 'en',
    NULL, 0, 0, '+1 555 0127', '72 Station Road',
    'French conversation; wine-free cooking.',
    @now - INTERVAL 44 DAY, @now - INTERVAL 43 DAY, NULL),
('rosa', 'rosa@example.org', 'Rosa Martínez', @pw, 'approved', 'en',
    NULL, 0, 1, '+1 555 0128', '33 Market Square',
    'Hairdressing at home for people who cannot get out.',
    @now - INTERVAL 33 DAY, @now - INTERVAL 31 DAY, @now - INTERVAL 7 DAY),
('sam', 'sam@example.org', 'Sam Taylor', @pw, 'approved', 'en',
    NULL, 0, 0, '+1 555 0129', '1 Mill Lane',
    'Odd jobs & errands. <b>Not bold</b>, <script>alert(1)</script> not run.',
    @now - INTERVAL 24 DAY, @now - INTERVAL 22 DAY, NULL),

-- Applying: signed up, not yet approved.
('applicant1', 'applicant1@example.org', 'Andrea Novak', @pw, 'applying',
    'en', 1, 0, 0, '+1 555 0140', '44 Birch Avenue, North Side',
    'Would like to offer baking and babysitting.',
    @now - INTERVAL 12 DAY, NULL, @now - INTERVAL 10 DAY),
('applicant2', 'applicant2@example.org', 'Ben Applegate', @pw, 'applying',
    'en', NULL, 0, 0, '', '',
    'Retired electrician.',
    @now - INTERVAL 6 DAY, NULL, NULL),
('applicant3', 'applicant3@example.org', 'Chloe Adeyemi', @pw, 'applying',
    'en', 2, 0, 0, '+1 555 0142', '9 Quay Street, Riverside',
    'Student; can help with phones and computers.',
    @now - INTERVAL 2 DAY, NULL, NULL),

-- Disabled: cannot log in at all.
('disabled1', 'disabled1@example.org', 'Derek Stone', @pw, 'disabled', 'en',
    NULL, 0, 0, '+1 555 0150', '90 Station Road',
    'Moved away.',
    @now - INTERVAL 228 DAY, @now - INTERVAL 226 DAY, @now - INTERVAL 120 DAY),
('disabled2', 'disabled2@example.org', 'Dana Frost', @pw, 'disabled', 'en',
    1, 0, 0, '+1 555 0151', '17 North Parade',
    'Account closed at the member''s request.',
    @now - INTERVAL 141 DAY, @now - INTERVAL 139 DAY, @now - INTERVAL 60 DAY);

-- Grants (docs/authorization.md): a site coordinator of every role,
-- northcoord scoped to community 1, the translator to Spanish.  All given
-- by admin, except admin's own.
INSERT INTO grants (member_id, role, scope_kind, community_id, lang,
    granted_by, created_at)
SELECT m.id, g.role, g.scope_kind, g.community_id, g.lang,
    IF(g.username = 'admin', NULL, a.id), m.approved_at
FROM (
	SELECT 'admin' AS username, 'admin' AS role, 'site' AS scope_kind,
	    0 AS community_id, '' AS lang
	UNION ALL SELECT 'mcoord', 'member', 'site', 0, ''
	UNION ALL SELECT 'support', 'support', 'site', 0, ''
	UNION ALL SELECT 'outreach', 'outreach', 'site', 0, ''
	UNION ALL SELECT 'payment', 'payment', 'site', 0, ''
	UNION ALL SELECT 'translator', 'translator', 'language', 0, 'es'
	UNION ALL SELECT 'northcoord', 'member', 'community', 1, ''
) g
JOIN members m ON m.username = g.username
JOIN members a ON a.username = 'admin'
ORDER BY m.id;

COMMIT;
