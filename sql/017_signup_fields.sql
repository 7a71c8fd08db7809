-- Member signup (issue 12; docs/site.md, "Member signup"): the profile
-- fields the application form may ask for beside those of sql/001 and
-- sql/015 (phone, address, the three lists), and the answers to the
-- site's custom questions (settings signup_question_N*).  What the form
-- shows and requires is the settings registry's (cgi-bin/common/
-- signup_form.c), not the schema's: every column may stay empty.
ALTER TABLE members
	ADD COLUMN birth_date DATE NULL,
	ADD COLUMN heard_about VARCHAR(255) NOT NULL DEFAULT '',
	ADD COLUMN terms_accepted_at DATETIME NULL;

-- One answer per member and question slot (1..5), with the question as
-- it was asked: the setting may change or go later, the answer keeps
-- what it answered.
CREATE TABLE member_answers (
	member_id	BIGINT NOT NULL,
	slot		TINYINT NOT NULL,
	question	VARCHAR(255) NOT NULL,
	answer		VARCHAR(1000) NOT NULL,
	answered_at	DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
	PRIMARY KEY (member_id, slot),
	CONSTRAINT member_answers_member FOREIGN KEY (member_id)
	    REFERENCES members (id) ON DELETE CASCADE
) ENGINE=InnoDB;
