-- The payments area's demo (docs/payments.md): payments switched on,
-- subscription types (one retired), and a subscription for most demo
-- members, so that the due list has something of every status.  Dates
-- are relative to today, as the rest of the demo's.  The settings'
-- defaults apply: due 14 days before the renewal date, lapsed 30 days
-- after it.
--
--   alice       individual, yearly, current (paid last year's charge)
--   bob         individual, yearly, due in 7 days, charged
--   carol       individual, yearly, overdue by 10 days, charged, unpaid:
--               the browser test records her cheque
--   heidi       individual, yearly, overdue by 5 days, half paid
--   dave        household head, lapsed (60 days), with erin in the
--               household: erin shows lapsed too
--   grace       monthly, due in 2 days, pays in hours
--   greenhouse  organisation, current (paid by transfer 3 days ago)
--   ivan        on the retired founding type, current
--   judy, kim   individual, yearly, by card (a gateway reference), current
--   frank       waived
--   liam        inactive
--
-- and northpay, a Payment Coordinator of the North Side Timebank only
-- (community:1): the route matrix's payment coordinator in scope and
-- out of it (tests/e2e/roles.mjs ACTORS).

START TRANSACTION;

SET @today = UTC_DATE();

INSERT INTO settings (name, value) VALUES ('payments_enabled', 'on')
    ON DUPLICATE KEY UPDATE value = 'on', updated_at = UTC_TIMESTAMP();

INSERT INTO subscription_types (id, name, kind, period_n, period_unit, minor,
    currency, active) VALUES
	(1, 'Individual, yearly', 'individual', 1, 'year', 2400, 'EUR', 1),
	(2, 'Household, yearly', 'household', 1, 'year', 3600, 'EUR', 1),
	(3, 'Organisation, yearly', 'organisation', 1, 'year', 6000, 'EUR', 1),
	(4, 'Individual, monthly', 'individual', 1, 'month', 250, 'EUR', 1),
	(5, 'Founding member', 'individual', 1, 'year', 1200, 'EUR', 0);

INSERT INTO subscription_type_names (type_id, lang, name) VALUES
	(1, 'es', 'Individual, anual'),
	(2, 'es', 'Hogar, anual'),
	(3, 'es', 'Organización, anual'),
	(4, 'es', 'Individual, mensual'),
	(5, 'es', 'Socio fundador');

INSERT INTO subscriptions (member_id, type_id, active, renewal_date,
    preference, gateway_ref, head_id)
SELECT m.id, s.type_id, s.active, @today + INTERVAL s.days DAY, s.pref,
    s.ref, NULL
FROM (
	SELECT 'alice' AS username, 1 AS type_id, 1 AS active, 200 AS days,
	    'cash' AS pref, '' AS ref
	UNION ALL SELECT 'bob', 1, 1, 7, 'transfer', ''
	UNION ALL SELECT 'carol', 1, 1, -10, 'cheque', ''
	UNION ALL SELECT 'heidi', 1, 1, -5, 'cash', ''
	UNION ALL SELECT 'dave', 2, 1, -60, 'cash', ''
	UNION ALL SELECT 'erin', 2, 1, -60, 'cash', ''
	UNION ALL SELECT 'grace', 4, 1, 2, 'hours', ''
	UNION ALL SELECT 'greenhouse', 3, 1, 362, 'transfer', ''
	UNION ALL SELECT 'ivan', 5, 1, 120, 'cash', ''
	UNION ALL SELECT 'judy', 1, 1, 90, 'card', 'cus_demo_judy_4242'
	UNION ALL SELECT 'kim', 1, 1, 364, 'card', 'cus_demo_kim_1881'
	UNION ALL SELECT 'frank', 1, 1, 30, 'waived', ''
	UNION ALL SELECT 'liam', 1, 0, 40, 'cash', ''
) s JOIN members m ON m.username = s.username;

UPDATE subscriptions s JOIN members m ON m.id = s.member_id
JOIN members h ON h.username = 'dave'
SET s.head_id = h.id WHERE m.username = 'erin';

-- Charges: last year's of alice, greenhouse's and kim's (paid), this
-- period's of bob, carol, heidi and dave.
INSERT INTO charges (member_id, type_id, period_start, period_end, minor,
    currency, created_by, created_at)
SELECT s.member_id, s.type_id, s.renewal_date - INTERVAL c.back YEAR,
    s.renewal_date - INTERVAL c.back YEAR + INTERVAL 1 YEAR, t.minor, 'EUR',
    p.id, UTC_TIMESTAMP() - INTERVAL 20 DAY
FROM (
	SELECT 'alice' AS username, 1 AS back
	UNION ALL SELECT 'greenhouse', 1
	UNION ALL SELECT 'kim', 1
	UNION ALL SELECT 'bob', 0
	UNION ALL SELECT 'carol', 0
	UNION ALL SELECT 'heidi', 0
	UNION ALL SELECT 'dave', 0
) c JOIN members m ON m.username = c.username
JOIN subscriptions s ON s.member_id = m.id
JOIN subscription_types t ON t.id = s.type_id
JOIN members p ON p.username = 'payment';

INSERT INTO payments (charge_id, member_id, minor, currency, paid_on, method,
    reference, note, form_key, recorded_by, recorded_as, created_at)
SELECT c.id, c.member_id, x.minor, 'EUR', @today - INTERVAL x.ago DAY,
    x.method, x.ref, '', SHA2(CONCAT('demo payment ', m.username), 256),
    p.id, p.id, UTC_TIMESTAMP() - INTERVAL x.ago DAY
FROM (
	SELECT 'alice' AS username, 2400 AS minor, 165 AS ago, 'cash' AS method,
	    '' AS ref, 1 AS back
	UNION ALL SELECT 'greenhouse', 6000, 3, 'transfer', 'BANK 2291-07', 1
	UNION ALL SELECT 'kim', 2400, 1, 'card', 'ch_demo_1881_01', 1
	UNION ALL SELECT 'heidi', 1000, 2, 'cash', '', 0
) x JOIN members m ON m.username = x.username
JOIN subscriptions s ON s.member_id = m.id
JOIN charges c ON c.member_id = m.id
    AND c.period_start = s.renewal_date - INTERVAL x.back YEAR
JOIN members p ON p.username = 'payment';

-- The community-scoped payment coordinator, with the demo's password.
INSERT INTO members (username, email, name, password_hash, status, lang,
    community_id, is_organisation, optout, phone, address, about,
    joined_at, approved_at, last_login_at)
SELECT 'northpay', 'northpay@example.org', 'Nils Park', password_hash,
    'approved', 'en', 1, 0, 0, '+1 555 0107', '2 North Parade',
    'Payment Coordinator for the North Side Timebank.',
    UTC_TIMESTAMP() - INTERVAL 280 DAY, UTC_TIMESTAMP() - INTERVAL 279 DAY,
    UTC_TIMESTAMP() - INTERVAL 5 DAY
FROM members WHERE username = 'payment';
INSERT INTO grants (member_id, role, scope_kind, community_id, lang,
    granted_by, created_at)
SELECT m.id, 'payment', 'community', 1, '', a.id, m.approved_at
FROM members m JOIN members a ON a.username = 'admin'
WHERE m.username = 'northpay';

COMMIT;
