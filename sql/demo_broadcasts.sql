-- The demo's broadcasts (docs/broadcasts.md), so that `make run` shows the
-- area: drafts in each scope (the whole timebank, North Side and
-- Riverside), a broadcast to North Side sent yesterday whose outbox rows
-- say what became of each message (sent, one failed, one skipped), and a
-- message of the coordinators' mailing list.
SET @now = UTC_TIMESTAMP();
SET @admin = (SELECT id FROM members WHERE username = 'admin');
SET @north = (SELECT id FROM members WHERE username = 'northcoord');
SET @outreach = (SELECT id FROM members WHERE username = 'outreach');

INSERT INTO broadcasts (kind, state, community_id, lang, f_status,
    created_by, created_at, updated_at) VALUES
	('members', 'draft', NULL, 'en', 'approved', @outreach,
	    @now - INTERVAL 2 DAY, @now - INTERVAL 2 DAY);
SET @b1 = LAST_INSERT_ID();
INSERT INTO broadcast_texts (broadcast_id, lang, subject, body, body_text)
VALUES (@b1, 'en', 'The spring fair needs you, {first_name}',
    'Hello {first_name},\n\nThe **spring fair** is on the first Saturday of April.\n\n- bring a dish\n- offer an hour at the stall\n\nSee [the details](https://example.org/fair).',
    'Hello {first_name},\n\nThe spring fair is on the first Saturday of April.\n\n- bring a dish\n- offer an hour at the stall\n\nSee the details <https://example.org/fair>.'),
    (@b1, 'es', 'La feria de primavera te necesita, {first_name}',
    'Hola {first_name}:\n\nLa **feria de primavera** es el primer sábado de abril.',
    'Hola {first_name}:\n\nLa feria de primavera es el primer sábado de abril.');

INSERT INTO broadcasts (kind, state, community_id, lang, f_status,
    created_by, created_at, updated_at) VALUES
	('members', 'draft', 1, 'en', 'approved', @north,
	    @now - INTERVAL 1 DAY, @now - INTERVAL 1 DAY),
	('members', 'draft', 2, 'en', 'approved', @admin,
	    @now - INTERVAL 1 DAY, @now - INTERVAL 1 DAY);
SET @b2 = LAST_INSERT_ID();
INSERT INTO broadcast_texts (broadcast_id, lang, subject, body, body_text)
VALUES (@b2, 'en', 'North Side potluck', 'Dear {name},\n\nOur potluck is next Friday.',
    'Dear {name},\n\nOur potluck is next Friday.'),
    (@b2 + 1, 'en', 'Riverside clean-up day', 'Hello {first_name},\n\nJoin the river clean-up.',
    'Hello {first_name},\n\nJoin the river clean-up.');

INSERT INTO broadcasts (kind, state, community_id, lang, f_status,
    sent_at, sent_by, created_by, created_at, updated_at) VALUES
	('members', 'sent', 1, 'en', 'approved', @now - INTERVAL 1 DAY,
	    @north, @north, @now - INTERVAL 3 DAY, @now - INTERVAL 1 DAY);
SET @b4 = LAST_INSERT_ID();
INSERT INTO broadcast_texts (broadcast_id, lang, subject, body, body_text)
VALUES (@b4, 'en', 'Welcome to the new season', 'Hello {first_name},\n\nA new season of exchanges starts.',
    'Hello {first_name},\n\nA new season of exchanges starts.');
INSERT INTO outbox (kind, member_id, broadcast_id, to_addr, to_name, lang,
    subject, body, list, message_id, state, reason, attempts, sent_at,
    created_at)
SELECT 'broadcast', m.id, @b4, m.email, m.name, m.lang,
    'Welcome to the new season',
    CONCAT('Hello ', SUBSTRING_INDEX(m.name, ' ', 1), ',\n\nA new season of exchanges starts.'),
    1, CONCAT('<demo-broadcast-', @b4, '-', m.id, '@example.org>'),
    IF(m.username = 'bob', 'failed', 'sent'),
    IF(m.username = 'bob', '550 5.1.1 mailbox unavailable', ''),
    1, IF(m.username = 'bob', NULL, @now - INTERVAL 1 DAY),
    @now - INTERVAL 1 DAY
FROM members m WHERE m.community_id = 1 AND m.status = 'approved'
    AND m.optout = 0;
UPDATE broadcasts SET recipients = (SELECT COUNT(*) FROM outbox
    WHERE broadcast_id = @b4) WHERE id = @b4;

INSERT INTO broadcasts (kind, state, community_id, lang, sent_at, sent_by,
    created_by, created_at, updated_at) VALUES
	('coordinators', 'sent', NULL, 'en', @now - INTERVAL 5 DAY, @admin,
	    @admin, @now - INTERVAL 5 DAY, @now - INTERVAL 5 DAY);
SET @b5 = LAST_INSERT_ID();
INSERT INTO broadcast_texts (broadcast_id, lang, subject, body, body_text)
VALUES (@b5, 'en', 'Coordinators meeting on Monday',
    'Hello {first_name},\n\nThe coordinators meet on Monday at 18:00.',
    'Hello {first_name},\n\nThe coordinators meet on Monday at 18:00.');
