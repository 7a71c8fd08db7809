-- A broadcast's mail has an HTML alternative (docs/mail.md, "The
-- messages"): the row keeps the broadcast's safe markup with the merge
-- fields filled, and weft-mailer renders it with common/markup at send
-- time, the same renderer as the pages, so that nothing in the outbox is
-- HTML (a member's name in the markup comes out escaped like any text).
-- NULL: the message is plain text only (account mail, rows queued before
-- this migration).  Online: a NULL column added in place.
ALTER TABLE outbox ADD COLUMN body_markup MEDIUMTEXT NULL,
    ALGORITHM=INSTANT;
