-- Spanish for the demo (docs/translations.md): the payments area's most
-- seen phrases, made from the English of templates/phrases/payments.en,
-- common.en and mail.en.
CREATE TEMPORARY TABLE demo_es_payments_t (
	k	VARCHAR(95) CHARACTER SET ascii NOT NULL,
	f	TINYINT UNSIGNED NOT NULL,
	text	TEXT NOT NULL,
	PRIMARY KEY (k, f)
) DEFAULT CHARSET=utf8mb4;

INSERT INTO demo_es_payments_t (k, f, text) VALUES
('nav.payments_due', 0, 'Cuotas pendientes'),
('nav.payments_received', 0, 'Pagos recibidos'),
('nav.payments_types', 0, 'Tipos de cuota'),
('nav.payments_feature', 0, 'Función de pagos'),
('nav.payments_me', 0, 'Mi cuota'),
('subscription.status.current', 0, 'al día'),
('subscription.status.due', 0, 'por pagar'),
('subscription.status.overdue', 0, 'vencida'),
('subscription.status.lapsed', 0, 'caducada'),
('subscription.status.inactive', 0, 'inactiva'),
('subscription.status.none', 0, 'sin cuota'),
('payments.me.heading', 0, 'Mi cuota'),
('payments.me.title', 0, 'Mi cuota'),
('payments.me.no_sub', 0, 'No tienes cuota.'),
('payments.member.status', 0, 'Estado:'),
('payments.member.charges_heading', 0, 'Cobros'),
('payments.member.payments_heading', 0, 'Pagos'),
('mail.payments.receipt.subject', 0, 'Pago recibido: {amount}'),
('mail.payments.reminder.subject_before', 0,
    'Tu cuota se renueva el {date}'),
('mail.payments.reminder.subject_on', 0, 'Tu cuota venció el {date}'),
('payments.due.caption', 0, '{n} cuota por cobrar'),
('payments.due.caption', 1, '{n} cuotas por cobrar'),
('payments.due.total_all', 0, 'Total de la {n} cuota'),
('payments.due.total_all', 1, 'Total de las {n} cuotas'),
('payments.received.totals', 0, 'Totales por forma de pago'),
('payments.received.all_methods', 0, 'Todas las formas de pago');

INSERT INTO translations (phrase_id, lang, plural_index, text, english_hash,
    english_from)
SELECT p.id, 'es', t.f, t.text, p.english_hash, p.english
FROM demo_es_payments_t t JOIN phrases p ON p.phrase_key = t.k;

DROP TEMPORARY TABLE demo_es_payments_t;

UPDATE cache_generations SET generation = generation + 1
WHERE name = 'catalogue';
