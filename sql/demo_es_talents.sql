-- The demo timebank in Spanish: the talents' phrases (templates/phrases/talents.en), translated for the demo
-- translator's queue (docs/translations.md).  Loaded after the phrases
-- are synced (tools/stack-db.sh: weft-migrate, then sql/demo*.sql in one
-- session).

CREATE TEMPORARY TABLE demo_es_talents_t (
	k	VARCHAR(95) CHARACTER SET ascii NOT NULL,
	f	TINYINT UNSIGNED NOT NULL,
	text	TEXT NOT NULL,
	PRIMARY KEY (k, f)
) DEFAULT CHARSET=utf8mb4;

INSERT INTO demo_es_talents_t (k, f, text) VALUES
('talents.title.own', 0, 'Mis talentos'),
('talents.title', 0, 'Talentos'),
('talents.heading.own', 0, 'Mis talentos'),
('talents.heading', 0, 'Talentos de {name}'),
('talents.intro.own', 0, 'Tus talentos son las habilidades que ofreces: elige una categoría, descríbela con tus palabras, o ambas cosas. Los demás miembros los ven en el directorio de talentos y pueden buscarlos.'),
('talents.back_own', 0, 'Volver a mi perfil.'),
('talents.intro.other', 0, 'Los miembros ven estos talentos en el directorio de talentos.'),
('talents.none', 0, 'Todavía no hay ningún talento.'),
('talents.none_other', 0, 'Este miembro no ha indicado ningún talento.'),
('talents.profile_heading', 0, 'Talentos'),
('talents.edit_link', 0, 'Cambiar los talentos de este miembro'),
('talents.edit_own', 0, 'Indicar o cambiar mis talentos'),
('talents.field.category', 0, 'Categoría'),
('talents.field.text', 0, 'Con tus palabras'),
('talents.no_category', 0, 'Sin categoría'),
('talents.category_hint', 0, '(una de las categorías de ofertas y demandas)'),
('talents.text_hint', 0, '(por ejemplo «Conversación en italiano», como mucho 120 caracteres)'),
('talents.save', 0, 'Guardar'),
('talents.remove', 0, 'Quitar'),
('talents.add_heading', 0, 'Añadir un talento'),
('talents.add', 0, 'Añadir el talento'),
('talents.error.category', 0, 'Elige una de las categorías, o ninguna.'),
('talents.error.empty', 0, 'Elige una categoría o describe el talento.'),
('talents.error.too_many', 0, 'Este miembro ya indica 30 talentos: quita uno primero.'),
('talents.flash.added', 0, 'Se ha añadido el talento.'),
('talents.flash.saved', 0, 'Se ha guardado el talento.'),
('talents.flash.removed', 0, 'Se ha quitado el talento.'),
('talents.directory.title', 0, 'Directorio de talentos'),
('talents.directory.link', 0, 'Talentos de los miembros'),
('talents.directory.intro', 0, 'Las habilidades que ofrecen los miembros. Busca a alguien por categoría o por palabras y escríbele mediante una oferta o demanda.'),
('talents.directory.search_title', 0, 'Buscar talentos'),
('talents.directory.heading', 0, 'Talentos'),
('talents.directory.empty', 0, 'Ningún talento coincide con la búsqueda.'),
('talents.directory.col_text', 0, 'Descripción'),
('talents.list_filter', 0, 'Talento');

INSERT INTO translations (phrase_id, lang, plural_index, text, english_hash,
    english_from)
SELECT p.id, 'es', t.f, t.text, p.english_hash, p.english
FROM demo_es_talents_t t JOIN phrases p ON p.phrase_key = t.k;

DROP TEMPORARY TABLE demo_es_talents_t;

UPDATE cache_generations SET generation = generation + 1
WHERE name = 'catalogue';
