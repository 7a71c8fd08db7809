-- The demo's languages beyond English and Spanish, and the state of the
-- Spanish translation that makes the translator's queue real (loaded
-- after sql/demo_es_*.sql: the files load in name order).
--
--   fr  French: added by the admin, not offered to members yet, nothing
--       translated; outside the demo translator's grant (language:es).
--   ar  Arabic: offered to members, right to left, six plural forms, a
--       few phrases translated (the layout's navigation), every other
--       phrase in English.
--
-- Stale: three Spanish translations were made from older English than
-- the source has now (as after an upgrade that reworded them): they are
-- still served, and the translator sees them to review with the old
-- English beside the new.
INSERT INTO languages (tag, name, dir, plural_forms, nplurals, decimal_sep,
    date_order, enabled, position)
VALUES ('fr', 'Français', 'ltr', 'nplurals=2; plural=(n > 1);', 2, ',',
    'dmy', FALSE, 2),
    ('ar', 'العربية', 'rtl', 'nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);',
    6, '.', 'dmy', TRUE, 3);

CREATE TEMPORARY TABLE demo_ar_t (
	k	VARCHAR(95) CHARACTER SET ascii NOT NULL,
	text	TEXT NOT NULL
);
INSERT INTO demo_ar_t (k, text) VALUES
('nav.home', 'الرئيسية'),
('nav.login', 'تسجيل الدخول'),
('nav.signup', 'طلب الانضمام'),
('nav.profile', 'ملفي الشخصي'),
('nav.logout', 'تسجيل الخروج'),
('nav.ads', 'العروض والطلبات'),
('nav.exchanges', 'تبادلاتي'),
('layout.language', 'اللغة'),
('layout.language_change', 'تغيير');
INSERT INTO translations (phrase_id, lang, plural_index, text, english_hash,
    english_from)
SELECT p.id, 'ar', 0, t.text, p.english_hash, p.english
FROM demo_ar_t t JOIN phrases p ON p.phrase_key = t.k;
DROP TEMPORARY TABLE demo_ar_t;

CREATE TEMPORARY TABLE demo_stale_t (
	k	VARCHAR(95) CHARACTER SET ascii NOT NULL,
	old	TEXT NOT NULL
);
INSERT INTO demo_stale_t (k, old) VALUES
('login.failed', 'The username or the password is wrong.'),
('translations.index.none', 'You translate no language yet.'),
('translations.queue.empty', 'No phrase matches.');
UPDATE translations t JOIN phrases p ON p.id = t.phrase_id
JOIN demo_stale_t s ON s.k = p.phrase_key
SET t.english_hash = UNHEX(SHA2(s.old, 256)), t.english_from = s.old
WHERE t.lang = 'es';
DROP TEMPORARY TABLE demo_stale_t;

UPDATE cache_generations SET generation = generation + 1
WHERE name = 'catalogue';
