-- The demo's pages, news and links (docs/broadcasts.md, "Pages, news and
-- links"), written by the demo's outreach coordinator: a public page (in
-- English and Spanish), a members-only page, a news item and a link.
INSERT INTO content_items (kind, lang, public, created_by)
SELECT 'page', 'en', 1, id FROM members WHERE username = 'outreach';
SET @demo_page = LAST_INSERT_ID();
INSERT INTO content_texts (item_id, lang, title, body) VALUES
(@demo_page, 'en', 'How the timebank works',
 '# One hour is one hour\n\nEvery hour you give is an hour you can receive, whatever the service.\n\n- Offer what you like doing\n- Ask for what you need\n- Record the hours after each exchange\n\nRead the terms of membership before you apply.'),
(@demo_page, 'es', 'Cómo funciona el banco de tiempo',
 '# Una hora es una hora\n\nCada hora que das es una hora que puedes recibir, sea cual sea el servicio.');
INSERT INTO content_items (kind, lang, public, created_by)
SELECT 'page', 'en', 0, id FROM members WHERE username = 'outreach';
INSERT INTO content_texts (item_id, lang, title, body) VALUES
(LAST_INSERT_ID(), 'en', 'Volunteer handbook',
 'For members only: how to welcome a new member, and whom to call when an exchange goes wrong.\n\n**Office hours**: Tuesdays and Thursdays, 10:00 to 13:00.');
INSERT INTO content_items (kind, lang, news_on, created_by)
SELECT 'news', 'en', UTC_DATE() - INTERVAL 3 DAY, id FROM members WHERE username = 'outreach';
INSERT INTO content_texts (item_id, lang, title, body) VALUES
(LAST_INSERT_ID(), 'en', 'A hundred exchanges this month',
 'Thank you all: for the first time the timebank recorded *a hundred exchanges* in one month.');
INSERT INTO content_items (kind, lang, url, created_by)
SELECT 'link', 'en', 'https://timebanks.org/', id FROM members WHERE username = 'outreach';
INSERT INTO content_texts (item_id, lang, title, body) VALUES
(LAST_INSERT_ID(), 'en', 'TimeBanks.org', 'The international network of timebanks: ideas, guides and other timebanks.');
