-- The demo timebank in Spanish: the reports' phrases (templates/phrases/reports.en) and the
-- reports' menu entry (nav.reports, templates/phrases/common.en), translated for the demo
-- translator's queue (docs/translations.md).  Loaded after the phrases
-- are synced (tools/stack-db.sh: weft-migrate, then sql/demo*.sql in one
-- session).

CREATE TEMPORARY TABLE demo_es_reports_t (
	k	VARCHAR(95) CHARACTER SET ascii NOT NULL,
	f	TINYINT UNSIGNED NOT NULL,
	text	TEXT NOT NULL,
	PRIMARY KEY (k, f)
) DEFAULT CHARSET=utf8mb4;

INSERT INTO demo_es_reports_t (k, f, text) VALUES
('reports.title', 0, 'Informes'),
('reports.intro', 0, 'Cifras de ofertas, demandas e intercambios, cada una como gráfico, tabla y archivo CSV. Se dejan fuera los intercambios con la cuenta propia del banco de tiempo (lo que los miembros pagan en horas).'),
('reports.scope_site', 0, 'Estas cifras abarcan todo el banco de tiempo.'),
('reports.scope_some', 0, 'Estas cifras abarcan tus comunidades: {communities}.'),
('reports.scope_truncated', 0, '(en las listas de miembros solo se cuentan tus dieciséis primeras comunidades)'),
('reports.back', 0, 'Todos los informes'),
('reports.csv', 0, 'Descargar la tabla en CSV'),
('reports.table', 0, 'Las cifras en una tabla'),
('reports.empty', 0, 'Todavía no hay nada que mostrar.'),
('reports.more', 0, 'Solo se muestran los 100 primeros miembros: el archivo CSV los tiene todos.'),
('reports.months', 0, 'Inactivos desde hace al menos estos meses'),
('reports.show', 0, 'Mostrar'),
('reports.no_category', 0, 'Sin categoría'),
('reports.never', 0, 'Nunca'),
('reports.col.month', 0, 'Mes'),
('reports.col.category', 0, 'Categoría'),
('reports.col.offers_posted', 0, 'Ofertas publicadas'),
('reports.col.requests_posted', 0, 'Demandas publicadas'),
('reports.col.renewed', 0, 'Renovadas'),
('reports.col.expired', 0, 'Caducadas'),
('reports.col.offers_current', 0, 'Ofertas vigentes'),
('reports.col.requests_current', 0, 'Demandas vigentes'),
('reports.col.unmatched', 0, 'Demandas sin oferta'),
('reports.col.member', 0, 'Miembro'),
('reports.col.username', 0, 'Usuario'),
('reports.col.joined', 0, 'Alta'),
('reports.col.hours', 0, 'Horas'),
('reports.col.exchanges', 0, 'Intercambios'),
('reports.col.last_exchange', 0, 'Último intercambio'),
('reports.ads_month.title', 0, 'Ofertas y demandas por mes'),
('reports.ads_month.intro', 0, 'Ofertas y demandas publicadas, renovadas y caducadas en cada uno de los últimos doce meses.'),
('reports.ads_month.chart', 0, 'Ofertas y demandas publicadas por mes'),
('reports.ads_category.title', 0, 'Ofertas y demandas por categoría'),
('reports.ads_category.intro', 0, 'Por categoría: ofertas y demandas publicadas en los últimos doce meses, y las que hoy están en el directorio.'),
('reports.ads_category.chart', 0, 'Ofertas y demandas publicadas por categoría, últimos doce meses'),
('reports.unmatched.title', 0, 'Demandas sin oferta'),
('reports.unmatched.intro', 0, 'Por categoría: las demandas de hoy, las ofertas de hoy, y las demandas de las categorías en las que nadie ofrece nada.'),
('reports.unmatched.chart', 0, 'Demandas sin oferta, por categoría'),
('reports.no_ad.title', 0, 'Miembros sin anuncios'),
('reports.no_ad.intro', 0, 'Miembros aprobados que no tienen ninguna oferta ni demanda, vigente o caducada (las borradas no cuentan).'),
('reports.no_ad.chart', 0, 'Los miembros de la lista, según el mes de su alta'),
('reports.hours_month.title', 0, 'Horas por mes y categoría'),
('reports.hours_month.intro', 0, 'Horas intercambiadas en cada uno de los últimos doce meses, por la categoría del anuncio que nombra el intercambio.'),
('reports.hours_month.chart', 0, 'Horas intercambiadas por mes'),
('reports.most_active.title', 0, 'Miembros más activos'),
('reports.most_active.intro', 0, 'Los veinte miembros con más intercambios, dados o recibidos, con sus horas.'),
('reports.most_active.chart', 0, 'Intercambios de los miembros más activos'),
('reports.inactive.title', 0, 'Miembros inactivos'),
('reports.inactive.intro', 0, 'Miembros aprobados sin ningún intercambio en los últimos meses: primero los que nunca tuvieron uno, luego los inactivos desde hace más tiempo.'),
('reports.inactive.chart', 0, 'Los miembros de la lista, según el mes de su último intercambio'),
('nav.reports', 0, 'Informes');

INSERT INTO translations (phrase_id, lang, plural_index, text, english_hash,
    english_from)
SELECT p.id, 'es', t.f, t.text, p.english_hash, p.english
FROM demo_es_reports_t t JOIN phrases p ON p.phrase_key = t.k;

DROP TEMPORARY TABLE demo_es_reports_t;

UPDATE cache_generations SET generation = generation + 1
WHERE name = 'catalogue';
