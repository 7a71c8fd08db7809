-- The demo timebank's special pages (docs/site.md, "Special pages"):
-- about, terms, privacy and how to pay in English, about in Spanish too,
-- each written by the demo admin; about has an older version, so that
-- /site/pages/about/en shows "restore this version".  The welcome and
-- "awaiting approval" texts are left to weft's standard words.
INSERT INTO special_pages (page, lang, body, author_id, created_at)
	SELECT 'about', 'en', 'The demo timebank trades hours, not money.',
	    id, UTC_TIMESTAMP() - INTERVAL 30 DAY FROM members
	    WHERE username = 'admin'
	UNION ALL SELECT 'about', 'en', CONCAT(
	    '# About the demo timebank\n\n',
	    'Members trade *hours*, not money: an hour of gardening is worth an',
	    ' hour of tutoring.\n\n',
	    '- Offer what you can do\n- Ask for what you need\n\n',
	    'Questions? Write to [the coordinators](mailto:coordinators@example.org).'),
	    id, UTC_TIMESTAMP() - INTERVAL 2 DAY FROM members
	    WHERE username = 'admin'
	UNION ALL SELECT 'about', 'es', CONCAT(
	    '# Sobre el banco de tiempo\n\n',
	    'Los miembros intercambian *horas*, no dinero.'),
	    id, UTC_TIMESTAMP() - INTERVAL 2 DAY FROM members
	    WHERE username = 'admin'
	UNION ALL SELECT 'terms', 'en', CONCAT(
	    '# Terms of membership\n\n',
	    '1. Every hour is worth the same.\n',
	    '2. Record each exchange within a month.\n',
	    '3. Be kind: the coordinators may suspend a member who is not.'),
	    id, UTC_TIMESTAMP() - INTERVAL 2 DAY FROM members
	    WHERE username = 'admin'
	UNION ALL SELECT 'privacy', 'en', CONCAT(
	    '# Privacy\n\n',
	    'Your profile is seen by the members of the timebank and its',
	    ' coordinators; your e-mail address only by the coordinators.'),
	    id, UTC_TIMESTAMP() - INTERVAL 2 DAY FROM members
	    WHERE username = 'admin'
	UNION ALL SELECT 'payments', 'en', CONCAT(
	    '# How to pay\n\n',
	    '- By bank transfer to the timebank''s account\n',
	    '- By cheque, at the community centre\n',
	    '- In hours, where your subscription allows it'),
	    id, UTC_TIMESTAMP() - INTERVAL 2 DAY FROM members
	    WHERE username = 'admin';
