/*
 * What a page of figures covers (scope_line.h).
 */
#include "buf.h"
#include "db.h"
#include "scope_line.h"

enum weft_err
scope_line_fill(struct tmpl_dict *d, int site, const long long *ids,
    size_t n, int truncated)
{
	struct db_rows	*r;
	struct buf	 list, names;
	enum weft_err	 e;
	size_t		 i;

	if (site) {
		tmpl_show(d, "SCOPE_SITE");
		return WEFT_OK;
	}
	if (truncated)
		tmpl_show(d, "SCOPE_TRUNCATED");
	/* A comma list for FIND_IN_SET: any number of ids, one statement
	 * (the communities are a short table). */
	buf_init(&list);
	for (i = 0; i < n; i++)
		buf_printf(&list, "%s%lld", i > 0 ? "," : "", ids[i]);
	if (buf_failed(&list)) {
		buf_free(&list);
		return WEFT_ERR_NOMEM;
	}
	e = db_query(&r, "SELECT name FROM communities"
	    " WHERE FIND_IN_SET(id, ?) > 0 ORDER BY name, id", "s",
	    list.p != NULL ? list.p : "");
	buf_free(&list);
	if (e != WEFT_OK)
		return e;
	buf_init(&names);
	while (db_next(r))
		buf_printf(&names, "%s%s", names.len > 0 ? ", " : "",
		    db_str(r, 0));
	db_rows_free(r);
	e = buf_failed(&names) ? WEFT_ERR_NOMEM : WEFT_OK;
	tmpl_set(tmpl_section(d, "SCOPE_SOME"), "COMMUNITIES",
	    names.p != NULL && e == WEFT_OK ? names.p : "");
	buf_free(&names);
	return e;
}
