-- Spanish for the demo: the site area's phrases (templates/phrases/
-- site.en) and its entries of the menus and lists (common.en), as the
-- demo's translator has made them so far.  Loaded after weft-migrate has
-- synced the phrases (tools/stack-db.sh).  The help texts of the settings
-- are left for the translator's queue.
CREATE TEMPORARY TABLE demo_es_site_t (
	k	VARCHAR(95) CHARACTER SET ascii NOT NULL,
	f	TINYINT UNSIGNED NOT NULL,
	text	TEXT NOT NULL
);
INSERT INTO demo_es_site_t (k, f, text) VALUES
('nav.site', 0, 'Ajustes del sitio'),
('nav.site_lists', 0, 'Listas'),
('nav.list_add', 0, 'Añadir a una lista'),
('list.affiliation', 0, 'Afiliación'),
('list.affiliations', 0, 'Afiliaciones'),
('list.categories', 0, 'Categorías de ofertas y demandas'),
('list.category', 0, 'Categoría'),
('list.counties', 0, 'Comarcas'),
('list.county', 0, 'Comarca'),
('list.neighbourhood', 0, 'Barrio'),
('list.neighbourhoods', 0, 'Barrios'),
('site.group.ads', 0, 'Ofertas y demandas'),
('site.group.ledger', 0, 'Horas e intercambios'),
('site.group.mail', 0, 'Correo'),
('site.group.other', 0, 'Otros ajustes'),
('site.group.sessions', 0, 'Inicio de sesión'),
('site.group.signup', 0, 'Unirse al banco de tiempo'),
('site.group.timebank', 0, 'El banco de tiempo'),
('site.setting.site_name', 0, 'Nombre del banco de tiempo'),
('site.setting.site_description', 0, 'Descripción breve'),
('site.setting.contact_email', 0, 'Correo electrónico de contacto'),
('site.setting.time_zone', 0, 'Zona horaria'),
('site.setting.default_language', 0, 'Idioma predeterminado'),
('site.setting.credit_limit_hundredths', 0, 'Límite de crédito, en horas'),
('site.setting.signup_mode', 0, 'Quién puede solicitar unirse'),
('site.settings.title', 0, 'Ajustes del sitio'),
('site.settings.flash.saved', 0, 'Los ajustes se han guardado.'),
('site.settings.flash.unchanged', 0, 'No se ha cambiado nada.'),
('site.settings.history', 0, 'Versiones anteriores de «{name}»'),
('site.history.title', 0, 'Versiones anteriores'),
('site.history.heading', 0, 'Versiones anteriores de «{name}»'),
('site.history.restore', 0, 'Restaurar esta versión'),
('site.history.current', 0, 'En vigor'),
('site.history.default', 0, 'El valor predeterminado'),
('site.lists.title', 0, 'Listas'),
('site.lists.new.title', 0, 'Añadir a una lista'),
('site.list.col.name', 0, 'Nombre'),
('site.list.col.position', 0, 'Orden'),
('site.list.col.uses', 0, 'Usado por'),
('site.list.retired', 0, 'retirado'),
('site.item.delete', 0, 'Eliminar este elemento');
INSERT INTO translations (phrase_id, lang, plural_index, text, english_hash,
    english_from, translator_id)
SELECT p.id, 'es', t.f, t.text, p.english_hash, p.english,
    (SELECT id FROM members WHERE username = 'translator')
FROM demo_es_site_t t JOIN phrases p ON p.phrase_key = t.k;
DROP TEMPORARY TABLE demo_es_site_t;
UPDATE cache_generations SET generation = generation + 1
WHERE name = 'catalogue';
