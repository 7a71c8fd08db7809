-- The statement's indexes (issue 5; cgi-bin/exchanges/statement.c).
--
-- A member's statement reads their exchanges as two ranges, one per side:
-- exchanges_provider for those they gave, exchanges_recipient for those
-- they received, each in statement order (service_date, id).  With the
-- hours in the index too, the totals of a range and the running balance
-- are sums over the index alone, and a page of rows reads only its ~50
-- rows from the table.  Before, each of the three queries read every
-- exchange of the member from the table, where a member's rows lie in
-- recording order, each on a different page: the cost that grew with the
-- size of the ledger (at 1M members and 10M exchanges a statement page
-- took 2-2.8 times as long as at 10k).
--
-- The two indexes keep their names (statement.c names them in FORCE
-- INDEX: a migration that renames them must change it too) and their
-- leading column, which the foreign keys exchanges_provider and
-- exchanges_recipient need; both are dropped and added in one statement,
-- so the foreign keys always have one (in place, without copying the
-- table: 50 s for 10M exchanges).  `id` stays spelled out before
-- `hundredths`: the primary key a secondary index carries would otherwise
-- come after the hours, and the ranges would no longer be in statement
-- order.  No index is added: a recording writes the same index entries
-- as before, two of them eight bytes longer.
ALTER TABLE exchanges
	DROP KEY exchanges_provider,
	ADD KEY exchanges_provider (provider_id, service_date, id, hundredths),
	DROP KEY exchanges_recipient,
	ADD KEY exchanges_recipient (recipient_id, service_date, id,
	    hundredths);
