-- The member list and the dashboard (members area): indexes for the
-- filters and orders that 001/002 do not serve, checked with EXPLAIN on a
-- million members (see cgi-bin/members/list_query.c).
--
-- members_status_joined: applications waiting, oldest first, and the
--   newest approved members (dashboard); the list filtered by status and
--   sorted by join date.
-- members_status_login: the same for the last-login sort (applying
--   members have mostly never logged in: without it, "applying, by last
--   login" reads the whole last-login index).
-- members_community_status: the dashboard of a community-scoped
--   coordinator (members by status, oldest applications, newest members
--   and new members per month of their communities, from the index
--   alone), and the list of one community filtered by status.
-- members_org: "organisation accounts only": few rows among many, read
--   from this index (in name order) instead of the whole table.
--
-- list_query.c and dashboard.c name members_status_name,
-- members_status_joined, members_status_login and members_joined in FORCE
-- INDEX: a migration that renames or drops one must change them too.

ALTER TABLE members
	ADD KEY members_status_joined (status, joined_at, id),
	ADD KEY members_status_login (status, last_login_at, id),
	ADD KEY members_community_status (community_id, status, joined_at, id),
	ADD KEY members_org (is_organisation, name, id);
