-- Spanish for the demo: the broadcasts area's menu entries, the alerts'
-- region of the layout and the members' events pages
-- (templates/phrases/broadcasts.en), the members' news and links pages
-- (templates/phrases/content.en), as the demo's translator made them.
-- The coordinators' pages are left in English on purpose: they show in
-- the translator's queue as missing.  Loaded as demo_es_exchanges.sql.
CREATE TEMPORARY TABLE demo_es_broadcasts_t (
	k	VARCHAR(95) CHARACTER SET ascii NOT NULL,
	f	TINYINT UNSIGNED NOT NULL,
	text	TEXT NOT NULL
);
INSERT INTO demo_es_broadcasts_t (k, f, text) VALUES
('nav.broadcasts', 0, 'Envíos'),
('nav.broadcast_add', 0, 'Añadir un envío'),
('nav.broadcast_coordinators', 0, 'Lista de coordinación'),
('nav.alerts', 0, 'Avisos'),
('nav.alert_add', 0, 'Añadir un aviso'),
('nav.events', 0, 'Actividades'),
('nav.event_add', 0, 'Añadir una actividad'),
('layout.alerts', 0, 'Avisos'),
('layout.alert.dismiss', 0, 'Descartar'),
('broadcasts.events.title', 0, 'Actividades'),
('broadcasts.events.upcoming', 0, 'Próximamente'),
('broadcasts.events.past', 0, 'Actividades pasadas'),
('broadcasts.events.see_past', 0, 'Actividades pasadas'),
('broadcasts.events.see_upcoming', 0, 'Próximas actividades'),
('broadcasts.events.see_month', 0, 'El mes'),
('broadcasts.events.see_list', 0, 'Todas las actividades'),
('broadcasts.events.none', 0, 'No hay actividades.'),
('broadcasts.events.starts', 0, 'Empieza'),
('broadcasts.events.ends', 0, 'Termina'),
('broadcasts.events.place', 0, 'Dónde'),
('broadcasts.events.for', 0, 'Para'),
('nav.news', 0, 'Noticias'),
('nav.pages', 0, 'Páginas'),
('nav.page_add', 0, 'Añadir una página'),
('nav.news_add', 0, 'Añadir una noticia'),
('nav.link_add', 0, 'Añadir un enlace'),
('content.news.title', 0, 'Noticias'),
('content.news.none', 0, 'No hay noticias.'),
('content.news.pages', 0, 'Páginas'),
('content.links.title', 0, 'Enlaces'),
('content.links.none', 0, 'No hay enlaces.'),
('content.page.members_only', 0, 'Solo los miembros pueden leer esta página.');
INSERT INTO translations (phrase_id, lang, plural_index, text, english_hash,
    english_from, translator_id)
SELECT p.id, 'es', t.f, t.text, p.english_hash,
    IF(t.f = 0 OR p.english_plural IS NULL, p.english, p.english_plural),
    (SELECT id FROM members WHERE username = 'translator')
FROM demo_es_broadcasts_t t JOIN phrases p ON p.phrase_key = t.k;
DROP TEMPORARY TABLE demo_es_broadcasts_t;
UPDATE cache_generations SET generation = generation + 1
WHERE name = 'catalogue';
