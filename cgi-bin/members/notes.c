/* PLACEHOLDER: being written (members area issue); answers 404 until then. */
#include "members.h"

enum weft_err
members_notes_panel(struct tmpl_dict *d, struct request *req, const struct member *m)
{
	(void)d;
	(void)req;
	(void)m;
	return WEFT_OK;
}

int
members_notes(struct request *req)
{
	(void)req;
	return 404;
}

int
members_note_add(struct request *req)
{
	(void)req;
	return 404;
}

int
members_note_edit(struct request *req)
{
	(void)req;
	return 404;
}

const struct i18n_phrase members_notes_phrases[] = {
	{ "members.notes.placeholder", "Not written yet." },
};
const size_t members_notes_nphrases =
    sizeof(members_notes_phrases) / sizeof(members_notes_phrases[0]);
