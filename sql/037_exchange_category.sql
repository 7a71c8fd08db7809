-- A category on every exchange (issue 17, "Exchanges"; docs/exchanges.md):
-- the site's ad categories (categories, sql/003), and the ad or request
-- the exchange fulfils (ad_id, there since sql/006).  Both optional:
--   category_id   what kind of service it was; the ledger fills in the
--                 ad's category when the form names an ad and no
--                 category (common/ledger.c ledger_insert()), so NULL
--                 means "none given": older rows and exchanges with no ad
--                 count under their ad's category where they have one
--                 (COALESCE(e.category_id, a.category_id), the lists and
--                 sql/049's report_exchange_facts).  The site area counts
--                 exchanges among a category's uses and moves them with
--                 it (common/lists.c lists_defs[]), so a category in use
--                 is never deleted under them (the key refuses it).
--   ad_id         its link now lets the ad go (ON DELETE SET NULL): ads
--                 are deleted by status, but a member's deletion
--                 cascades to their ads, and the exchange keeps its
--                 hours without the link.
-- A proposal (exchange_proposals, sql/013) carries the same two, which its
-- confirmation copies into the exchange.
--
-- Online: ADD COLUMN of a nullable column is INSTANT; the keys are built
-- INPLACE without blocking writes; with foreign_key_checks off a foreign
-- key is added INPLACE too (InnoDB then trusts the column: it is all NULL
-- here, and ad_id's values were checked by the key it replaces).
ALTER TABLE exchanges ADD COLUMN category_id BIGINT NULL AFTER ad_id,
    ALGORITHM=INSTANT;
ALTER TABLE exchange_proposals ADD COLUMN category_id BIGINT NULL
    AFTER ad_id, ALGORITHM=INSTANT;

-- The list's category filter and the key's checks read these.
ALTER TABLE exchanges ADD KEY exchanges_category (category_id, id),
    ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE exchange_proposals ADD KEY exchange_proposals_category
    (category_id), ALGORITHM=INPLACE, LOCK=NONE;

SET @weft_fkc = @@foreign_key_checks;
SET foreign_key_checks = 0;
ALTER TABLE exchanges
    DROP FOREIGN KEY exchanges_ad,
    ADD CONSTRAINT exchanges_ad_link FOREIGN KEY (ad_id)
	REFERENCES ads (id) ON DELETE SET NULL,
    ADD CONSTRAINT exchanges_category FOREIGN KEY (category_id)
	REFERENCES categories (id),
    ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE exchange_proposals
    DROP FOREIGN KEY exchange_proposals_ad,
    ADD CONSTRAINT exchange_proposals_ad_link FOREIGN KEY (ad_id)
	REFERENCES ads (id) ON DELETE SET NULL,
    ADD CONSTRAINT exchange_proposals_category FOREIGN KEY (category_id)
	REFERENCES categories (id),
    ALGORITHM=INPLACE, LOCK=NONE;
SET foreign_key_checks = @weft_fkc;
