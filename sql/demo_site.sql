-- The demo timebank's lists (the site area, docs/site.md): a few
-- neighbourhoods, counties and affiliations, some with a Spanish name,
-- and the neighbourhood, county or affiliation of some demo members, so
-- that /site/lists shows items in use, one retired, and the profiles show
-- them.
INSERT INTO neighbourhoods (name, position, active) VALUES
	('Riverside', 10, 1), ('Old Town', 20, 1), ('Hillcrest', 30, 1),
	('Docklands', 40, 1), ('Mill Lane', 50, 0);
INSERT INTO counties (name, position) VALUES
	('North County', 10), ('South County', 20);
INSERT INTO affiliations (name, position) VALUES
	('Public library', 10), ('Community centre', 20), ('St Anne''s parish', 30);

INSERT INTO list_names (list, item_id, lang, name)
	SELECT 'neighbourhoods', id, 'es', 'Casco Antiguo' FROM neighbourhoods
	    WHERE name = 'Old Town'
	UNION ALL SELECT 'affiliations', id, 'es', 'Biblioteca pública'
	    FROM affiliations WHERE name = 'Public library'
	UNION ALL SELECT 'affiliations', id, 'es', 'Centro comunitario'
	    FROM affiliations WHERE name = 'Community centre'
	UNION ALL SELECT 'categories', id, 'es', 'Jardinería' FROM categories
	    WHERE name = 'Gardening'
	UNION ALL SELECT 'categories', id, 'es', 'Cocina y comida'
	    FROM categories WHERE name = 'Cooking and food';

UPDATE members m JOIN neighbourhoods n ON n.name = 'Riverside'
    SET m.neighbourhood_id = n.id WHERE m.username IN ('alice', 'bob', 'carol');
UPDATE members m JOIN neighbourhoods n ON n.name = 'Old Town'
    SET m.neighbourhood_id = n.id WHERE m.username IN ('dave', 'erin');
UPDATE members m JOIN neighbourhoods n ON n.name = 'Hillcrest'
    SET m.neighbourhood_id = n.id WHERE m.username IN ('frank', 'grace');
UPDATE members m JOIN counties c ON c.name = 'North County'
    SET m.county_id = c.id WHERE m.username IN ('alice', 'bob', 'dave', 'frank');
UPDATE members m JOIN counties c ON c.name = 'South County'
    SET m.county_id = c.id WHERE m.username IN ('carol', 'erin', 'grace');
UPDATE members m JOIN affiliations a ON a.name = 'Public library'
    SET m.affiliation_id = a.id WHERE m.username IN ('alice', 'heidi');
