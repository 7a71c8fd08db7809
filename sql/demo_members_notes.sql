-- Demo coordinator notes (the members area, notes family): a few notes
-- by the member coordinators and the admin on demo members, so that the
-- profile's notes panel and the notes page have something to show.
-- Loaded after demo.sql on a fresh demo stack; members by username.

START TRANSACTION;

INSERT INTO member_notes (member_id, author_id, body, created_at)
SELECT m.id, a.id, n.body, UTC_TIMESTAMP() - INTERVAL n.days DAY
FROM (
	SELECT 'alice' AS member, 'mcoord' AS author,
	    'Welcome call done. Happy to mentor new gardeners.' AS body,
	    270 AS days
	UNION ALL SELECT 'alice', 'northcoord',
	    'Offered to host the North Side potluck in spring.', 40
	UNION ALL SELECT 'dave', 'mcoord',
	    'Has a van: ask him first for furniture moves.', 200
	UNION ALL SELECT 'applicant1', 'northcoord',
	    'Phoned on Tuesday; references to follow.\nCall back next week.',
	    9
	UNION ALL SELECT 'sam', 'admin',
	    'Profile text has <b>markup</b> & "quotes": must show as text.', 20
) n
JOIN members m ON m.username = n.member
JOIN members a ON a.username = n.author;

COMMIT;
