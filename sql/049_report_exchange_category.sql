-- The category an exchange counts under in the reports (issue 17,
-- docs/reports.md): its own (exchanges.category_id, sql/037), else its
-- ad's, else none (0).  sql/048 kept this expression in one view so that
-- this is the only change; the summaries are then made again from the
-- tables, under the new definition.
--
-- Numbered after 048 on purpose: migrations run in the byte order of
-- their names, and a view defined before 048 would be replaced by
-- 048's own on a new database.
CREATE OR REPLACE VIEW report_exchange_facts AS
SELECT e.id, e.service_date, e.provider_id, e.recipient_id, e.hundredths,
    e.reverses_id, COALESCE(e.category_id, a.category_id, 0) AS category_id
FROM exchanges e LEFT JOIN ads a ON a.id = e.ad_id;

CALL report_rebuild();
