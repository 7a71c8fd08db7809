-- Issue 15 (7): failed log-ins are counted per (address, account) with
-- growing delays, no longer per account alone (which let anyone lock
-- anyone out), and per address.  'pair' keys are "ADDRESS ACCOUNT", up
-- to 64 + 1 + 128 bytes; the delays run from the last failure.  'signup'
-- counts applications per address (IPv6 by its /64).  The old per-account
-- rows mean nothing now.
DELETE FROM login_throttle WHERE kind = 'account';
ALTER TABLE login_throttle
	MODIFY kind ENUM('account','address','pair','signup') NOT NULL,
	MODIFY k VARCHAR(200) NOT NULL,
	ADD COLUMN last_failure DATETIME NOT NULL DEFAULT UTC_TIMESTAMP();
