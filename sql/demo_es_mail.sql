-- Spanish for the demo: the account mails (templates/phrases/mail.en):
-- approval, new applications and their daily digest, invitations, an
-- e-mail address or password changed, a password reset, a guardian
-- angel's copy; as the demo's translator made them.  The payments mails
-- are in demo_es_payments.sql.  \n in a text is a line break, as in the
-- English.  Loaded after weft-migrate has synced the phrases
-- (tools/stack-db.sh), with the other demo files in one session.
CREATE TEMPORARY TABLE demo_es_mail_t (
	k	VARCHAR(95) CHARACTER SET ascii NOT NULL,
	f	TINYINT UNSIGNED NOT NULL,
	text	TEXT NOT NULL,
	PRIMARY KEY (k, f)
) DEFAULT CHARSET=utf8mb4;
INSERT INTO demo_es_mail_t (k, f, text) VALUES
('mail.approved.subject', 0, 'Te damos la bienvenida: se ha aprobado tu solicitud'),
('mail.approved.body', 0, 'Hola, {name}:\n\nSe ha aprobado tu solicitud para unirte al banco de tiempo. Ya puedes iniciar sesión, ofrecer y pedir ayuda, e intercambiar horas con los demás miembros:\n\n{site}/login\n\n¡Te damos la bienvenida!'),
('mail.application.subject', 0, 'Nueva solicitud: {applicant}'),
('mail.application.body', 0, 'Hola, {name}:\n\n{applicant} ({username}) ha solicitado unirse al banco de tiempo (Banco de Tiempo Comunitario: {community}). Puedes revisar y aprobar la solicitud aquí:\n\n{url}'),
('mail.application.no_community', 0, 'ninguno'),
('mail.invitation.subject', 0, 'Te invitan a unirte al banco de tiempo'),
('mail.invitation.body', 0, 'Hola:\n\n{inviter} te invita a unirte al banco de tiempo. Para solicitarlo, abre este enlace y rellena el formulario en un plazo de {days} días (el enlace sirve una sola vez):\n\n{url}\n\nSi no quieres unirte, no hagas caso de este mensaje.'),
('mail.digest.subject', 0, 'Solicitudes nuevas del {date}: {count}'),
('mail.digest.body', 0, 'Hola, {name}:\n\nEstas solicitudes para unirse al banco de tiempo se hicieron el {date} y esperan aprobación:\n\n{list}\nRecibes este resumen una vez al día en lugar de un mensaje por solicitud; puedes cambiarlo en tu perfil:\n\n{site}/me'),
('mail.digest.line', 0, '- {applicant} ({username}), Banco de Tiempo Comunitario: {community}\n  {url}'),
('mail.rejected.subject', 0, 'Tu solicitud para unirte al banco de tiempo'),
('mail.rejected.body', 0, 'Hola, {name}:\n\nGracias por tu interés en el banco de tiempo. Tu solicitud para unirte no se ha aceptado. Si tu situación cambia, puedes volver a solicitarlo:\n\n{site}/signup'),
('mail.reminder.subject', 0, 'Solicitudes que esperan más de {days} días: {count}'),
('mail.reminder.body', 0, 'Hola, {name}:\n\nEstas solicitudes para unirse al banco de tiempo llevan más de {days} días esperando a la coordinación:\n\n{list}\nPuedes aprobarlas, rechazarlas o caducarlas aquí:\n\n{site}/members/applications'),
('mail.reminder.line', 0, '- {applicant} ({username}), esperando {days} días: {url}'),
('mail.email_changed.subject', 0, 'Se ha cambiado tu dirección de correo electrónico'),
('mail.email_changed.body', 0, 'Hola, {name}:\n\nLa dirección de correo electrónico de tu cuenta del banco de tiempo se ha cambiado a {new}. Los mensajes del banco de tiempo llegan ahora allí.\n\nSi no has hecho tú este cambio, ponte en contacto cuanto antes con la coordinación del banco de tiempo.'),
('mail.password_reset.subject', 0, 'Restablece tu contraseña'),
('mail.password_reset.body', 0, 'Hola, {name}:\n\nAlguien (esperamos que tú) ha pedido restablecer la contraseña de tu cuenta del banco de tiempo. Para elegir una nueva, abre este enlace antes de que pase una hora:\n\n{url}\n\nSi no lo has pedido, no hagas caso de este mensaje: tu contraseña sigue siendo la misma.'),
('mail.password_changed.subject', 0, 'Se ha cambiado tu contraseña'),
('mail.password_changed.body', 0, 'Hola, {name}:\n\nSe acaba de restablecer la contraseña de tu cuenta del banco de tiempo y se han cerrado todas las demás sesiones de la cuenta. Si no has sido tú, ponte en contacto cuanto antes con la coordinación del banco de tiempo.'),
('mail.angel_copy.subject', 0, 'Copia para {name}: {subject}'),
('mail.angel_copy.intro', 0, 'Recibes esta copia como ángel de la guarda de {name}. El mensaje que se le envió:');
INSERT INTO translations (phrase_id, lang, plural_index, text, english_hash,
    english_from, translator_id)
SELECT p.id, 'es', t.f, t.text, p.english_hash,
    IF(t.f = 0 OR p.english_plural IS NULL, p.english, p.english_plural),
    (SELECT id FROM members WHERE username = 'translator')
FROM demo_es_mail_t t JOIN phrases p ON p.phrase_key = t.k;
DROP TEMPORARY TABLE demo_es_mail_t;
UPDATE cache_generations SET generation = generation + 1
WHERE name = 'catalogue';
