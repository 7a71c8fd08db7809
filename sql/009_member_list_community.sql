-- The member list of one community (issue 5; cgi-bin/members/list_query.c):
-- a community coordinator's list, or a site admin's with the community
-- filter.  The site-wide indexes of the sort columns walked the whole site
-- to find one community's page: at 100k members "one community, by last
-- log-in, descending" read 72,000-80,000 entries (a community whose
-- members never logged in: its rows come last), "status and name" 2,250;
-- both grow with the site, and at 1M would reach the list's 5 s limit.
-- With these, a page reads one page of index entries (51), with or
-- without a status, in either direction.
--
-- members_community_username, members_community_joined and
--   members_community_login: the sorts by username, join date and last
--   log-in within one community (members_community_name, 001, serves the
--   name).
-- members_community_status_name, members_community_status_username and
--   members_community_status_login: the same within one status (the join
--   date has members_community_status, 004).  Without them a rare status
--   walked the community's index and skipped the others: 51 / (the
--   status's share), 700-3,000 entries for "applying" or "disabled".
--
-- Their cost on writes: a member's insert writes six more entries (rare);
-- a status change three; a log-in rewrites members_community_login and
-- members_community_status_login besides members_last_login and
-- members_status_login.  Measured at 100k members, 20,000 updates of
-- last_login_at: 1.04-1.07 s without the two, 1.21-1.27 s with them, some
-- 8 us per log-in, beside the tens of milliseconds of its argon2 check.
--
-- list_query.c names these and members_community_name and
-- members_community_status in FORCE INDEX: a migration that renames or
-- drops one must change it too.

ALTER TABLE members
	ADD KEY members_community_username (community_id, username),
	ADD KEY members_community_joined (community_id, joined_at, id),
	ADD KEY members_community_login (community_id, last_login_at, id),
	ADD KEY members_community_status_name (community_id, status, name,
	    id),
	ADD KEY members_community_status_username (community_id, status,
	    username),
	ADD KEY members_community_status_login (community_id, status,
	    last_login_at, id);
