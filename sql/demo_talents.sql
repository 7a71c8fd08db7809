-- Demo talents (issue 17): a few members list the skills they offer,
-- from the ad categories, in their own words, or both.  Members and
-- categories are found by name.  "Italian conversation" is the free-text
-- talent the tests search for (tests/e2e/talents.test.mjs).

INSERT INTO member_talents (member_id, category_id, text)
SELECT m.id, c.id, d.text
FROM (
	SELECT 'alice' AS username, 'DIY and repairs' AS category,
	    'Bicycles, small furniture repairs' AS text
	UNION ALL SELECT 'alice', 'Paperwork and advice', ''
	UNION ALL SELECT 'bob', 'Gardening', 'Pruning fruit trees'
	UNION ALL SELECT 'carol', 'Languages and tutoring',
	    'Italian conversation'
	UNION ALL SELECT 'dave', 'Computers and phones',
	    'Setting up phones and video calls'
	UNION ALL SELECT 'erin', 'Cooking and food', 'Bread and preserves'
	UNION ALL SELECT 'grace', NULL, 'Choir singing and piano for beginners'
	UNION ALL SELECT 'maria', 'Languages and tutoring',
	    'Clases de español'
) d
JOIN members m ON m.username = d.username
LEFT JOIN categories c ON c.name = d.category;
