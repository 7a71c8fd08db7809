/*
 * PO files out and in (GET /translations/:lang/export.po, GET and POST
 * /translations/:lang/import), so that translators can work in Poedit
 * or Weblate.  The export has every phrase: translated ones with their
 * text, stale ones "#, fuzzy" with the English they were made from as
 * "#| msgid", missing ones with an empty msgstr.  An import is pasted
 * into a form (forms are urlencoded only); it is read whole first (a
 * malformed file is refused with its line, nothing saved), then shown as
 * a preview of what it changes, entry by entry (unknown keys and entries
 * whose placeholders differ from the English are listed and left out),
 * and saved in one transaction when the preview is confirmed.  The
 * preview is the import itself, rolled back: it cannot differ from what
 * confirming does.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "form.h"
#include "po.h"
#include "translations.h"
#include "util.h"

static const char tr_sql_all[] =
    "SELECT phrase_key FROM phrases WHERE retired_at IS NULL"
    " ORDER BY phrase_key";

/* One phrase's entry. */
static void
tr_po_entry(struct buf *b, const struct tr_phrase *p)
{
	const char	*s;
	int		 i, fuzzy = 0;

	if (p->note[0] != '\0') {
		buf_puts(b, "#. ");
		for (s = p->note; *s != '\0'; s++)
			buf_append(b, *s == '\n' ? " " : s, 1);
		buf_puts(b, "\n");
	}
	if (p->used_in[0] != '\0') {
		buf_puts(b, "#: ");
		for (s = p->used_in; *s != '\0'; s++)
			if (*s != ',')
				buf_append(b, s, 1);
		buf_puts(b, "\n");
	}
	for (i = 0; i < p->nforms; i++)
		fuzzy |= p->text[i] != NULL && (p->stale[i] || p->fuzzy[i]);
	if (fuzzy) {
		buf_puts(b, "#, fuzzy\n");
		if (p->from[0] != NULL && strcmp(p->from[0], p->english)) {
			buf_puts(b, "#| msgid ");
			po_string(b, p->from[0]);
			buf_puts(b, "\n");
		}
	}
	buf_puts(b, "msgctxt ");
	po_string(b, p->key);
	buf_puts(b, "\nmsgid ");
	po_string(b, p->english);
	if (p->english_plural == NULL) {
		buf_puts(b, "\nmsgstr ");
		po_string(b, p->text[0] != NULL ? p->text[0] : "");
		buf_puts(b, "\n\n");
		return;
	}
	buf_puts(b, "\nmsgid_plural ");
	po_string(b, p->english_plural);
	for (i = 0; i < p->nforms; i++) {
		buf_printf(b, "\nmsgstr[%d] ", i);
		po_string(b, p->text[i] != NULL ? p->text[i] : "");
	}
	buf_puts(b, "\n\n");
}

int
tr_export(struct request *req)
{
	const struct i18n_lang	*l;
	struct tr_phrase	 p;
	struct db_rows		*r;
	struct buf		*b = &req->resp.body;
	char			 name[64], date[32];
	struct tm		 now;
	int			 st;
	enum weft_err		 e = WEFT_OK;

	if ((st = tr_lang_target(req, 0, &l)) != 0)
		return st;
	if ((e = db_query(&r, tr_sql_all, "")) != WEFT_OK)
		return app_status_of(e);
	if ((e = util_now_tm(&now)) != WEFT_OK)
		return app_status_of(e);
	strftime(date, sizeof(date), "%Y-%m-%d %H:%M+0000", &now);
	buf_puts(b, "msgid \"\"\nmsgstr \"\"\n"
	    "\"Project-Id-Version: weft\\n\"\n");
	buf_printf(b, "\"PO-Revision-Date: %s\\n\"\n", date);
	buf_puts(b, "\"Last-Translator: weft\\n\"\n"
	    "\"Language-Team: weft\\n\"\n");
	buf_printf(b, "\"Language: %s\\n\"\n", l->tag);
	buf_puts(b, "\"MIME-Version: 1.0\\n\"\n"
	    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	    "\"Content-Transfer-Encoding: 8bit\\n\"\n");
	buf_printf(b, "\"Plural-Forms: %s\\n\"\n\n", l->plural);
	while (e == WEFT_OK && db_next(r)) {
		if ((e = tr_phrase_load_key(db_str(r, 0), l, &p)) == WEFT_OK)
			tr_po_entry(b, &p);
		tr_phrase_free(&p);
	}
	db_rows_free(r);
	if (e != WEFT_OK || buf_failed(b)) {
		buf_reset(b);
		return app_status_of(e != WEFT_OK ? e : WEFT_ERR_NOMEM);
	}
	snprintf(name, sizeof(name), "weft-%s.po", l->tag);
	return app_attachment(req, "text/x-gettext-translation; charset=utf-8",
	    name);
}
