-- The audit log page filters by action and offers the actions seen in a
-- select (SELECT DISTINCT action): with this index both are an index
-- read, not a scan of the whole log.  The id makes "action = ? ORDER BY
-- id DESC" (keyset paging) an index range too.
ALTER TABLE audit_log ADD KEY audit_action (action, id);
