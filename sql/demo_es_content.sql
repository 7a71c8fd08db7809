-- Spanish for the demo: the content area's coordinators' pages (pages,
-- news and links: templates/phrases/content.en), as the demo's
-- translator made them.  The members' news and links pages are in
-- demo_es_broadcasts.sql.  Loaded after weft-migrate has synced the
-- phrases (tools/stack-db.sh), with the other demo files in one session.
CREATE TEMPORARY TABLE demo_es_content_t (
	k	VARCHAR(95) CHARACTER SET ascii NOT NULL,
	f	TINYINT UNSIGNED NOT NULL,
	text	TEXT NOT NULL,
	PRIMARY KEY (k, f)
) DEFAULT CHARSET=utf8mb4;
INSERT INTO demo_es_content_t (k, f, text) VALUES
('content.pages.title', 0, 'Páginas'),
('content.pages.intro', 0, 'Las páginas normales se escriben aquí; las páginas especiales (los textos de bienvenida, sobre el banco de tiempo, las condiciones y la privacidad) forman parte de los ajustes del sitio.'),
('content.pages.regular', 0, 'Páginas normales'),
('content.pages.special', 0, 'Páginas especiales'),
('content.pages.none', 0, 'Todavía no hay páginas normales.'),
('content.pages.edit_special', 0, 'Modificarla'),
('content.page.public', 0, 'pública'),
('content.page.members', 0, 'solo para miembros'),
('content.page.edit', 0, 'Modificar la página'),
('content.page.new_title', 0, 'Nueva página'),
('content.page.edit_title', 0, 'Modificar la página'),
('content.page.flash.saved', 0, 'Se ha guardado la página.'),
('content.page.flash.deleted', 0, 'Se ha eliminado la página.'),
('content.news.edit', 0, 'Modificar'),
('content.news.new_title', 0, 'Nueva noticia'),
('content.news.edit_title', 0, 'Modificar la noticia'),
('content.news.flash.saved', 0, 'Se ha guardado la noticia.'),
('content.news.flash.deleted', 0, 'Se ha eliminado la noticia.'),
('content.link.edit', 0, 'Modificar'),
('content.link.new_title', 0, 'Nuevo enlace'),
('content.link.edit_title', 0, 'Modificar el enlace'),
('content.link.flash.saved', 0, 'Se ha guardado el enlace.'),
('content.link.flash.deleted', 0, 'Se ha eliminado el enlace.'),
('content.edit.in_lang', 0, 'el texto en {lang}'),
('content.edit.translation_hint', 0, 'Quienes tienen este idioma leen este texto; los demás leen el del idioma predeterminado. Deja vacíos el título y el texto y guarda para eliminar esta traducción.'),
('content.edit.other_langs', 0, 'En otro idioma:'),
('content.field.title', 0, 'Título'),
('content.field.body', 0, 'Texto'),
('content.field.description', 0, 'Descripción'),
('content.field.body_hint', 0, 'Párrafos, # títulos, - listas, *énfasis*, **negrita** y [enlaces](https://…); sin HTML.'),
('content.field.url', 0, 'Dirección'),
('content.field.url_hint', 0, 'Empieza por https:// o http://.'),
('content.field.date', 0, 'Fecha'),
('content.field.public', 0, 'También pueden leerla los visitantes (una página pública)'),
('content.save', 0, 'Guardar'),
('content.delete', 0, 'Eliminar'),
('content.delete_confirm', 0, 'Sí, eliminar'),
('content.error.title', 0, 'Escribe un título.'),
('content.error.date', 0, 'Indica la fecha.'),
('content.error.url', 0, 'Una dirección que empiece por http:// o https://, sin espacios ni comillas.'),
('content.error.confirm', 0, 'Marca la casilla para confirmar que quieres eliminarlo.');
INSERT INTO translations (phrase_id, lang, plural_index, text, english_hash,
    english_from, translator_id)
SELECT p.id, 'es', t.f, t.text, p.english_hash,
    IF(t.f = 0 OR p.english_plural IS NULL, p.english, p.english_plural),
    (SELECT id FROM members WHERE username = 'translator')
FROM demo_es_content_t t JOIN phrases p ON p.phrase_key = t.k;
DROP TEMPORARY TABLE demo_es_content_t;
UPDATE cache_generations SET generation = generation + 1
WHERE name = 'catalogue';
