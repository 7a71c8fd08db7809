/*
 * The timebank's lists, read (lists.h).  The tables are named by
 * lists_defs[], fixed strings of this file: the statements are made with
 * them, and every value from outside is a bound parameter.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "i18n.h"
#include "lists.h"
#include "tmpl.h"
#include "util.h"

const struct list_def lists_defs[LIST__MAX] = {
	[LIST_NEIGHBOURHOOD] = { "neighbourhoods", "neighbourhoods", "members",
	    "neighbourhood_id", "neighbourhood", N_("list.neighbourhoods"),
	    N_("list.neighbourhood"), 1, .also = { { 0 } } },
	[LIST_COUNTY] = { "counties", "counties", "members", "county_id",
	    "county", N_("list.counties"), N_("list.county"), 1,
	    .also = { { 0 } } },
	[LIST_AFFILIATION] = { "affiliations", "affiliations", "members",
	    "affiliation_id", "affiliation", N_("list.affiliations"),
	    N_("list.affiliation"), 1, .also = { { 0 } } },
	[LIST_CATEGORY] = { "categories", "categories", "ads", "category_id",
	    "category", N_("list.categories"), N_("list.category"), 0,
	    .also = { { .table = "member_talents", .col = "category_id" },
	    /* sql/037: an exchange's own category, a proposal's too. */
	    { .table = "exchanges", .col = "category_id" },
	    { .table = "exchange_proposals", .col = "category_id" } } },
};

int
lists_uses_sql(const struct list_def *ld, char *out, size_t len)
{
	size_t	 i, n;
	int	 k;

	k = snprintf(out, len, "(SELECT COUNT(*) FROM %s u WHERE u.%s = i.id)",
	    ld->use_table, ld->use_col);
	if (k < 0 || (size_t)k >= len)
		return -1;
	n = (size_t)k;
	for (i = 0; i < LISTS_USES_MAX && ld->also[i].table != NULL; i++) {
		k = snprintf(out + n, len - n, " + (SELECT COUNT(*) FROM %s u"
		    " WHERE u.%s = i.id)", ld->also[i].table, ld->also[i].col);
		if (k < 0 || (size_t)k >= len - n)
			return -1;
		n += (size_t)k;
	}
	return 0;
}

int
lists_find(const char *key, enum list *out)
{
	size_t	 i;

	for (i = 0; key != NULL && i < LIST__MAX; i++)
		if (strcmp(lists_defs[i].key, key) == 0) {
			*out = (enum list)i;
			return 0;
		}
	return -1;
}

enum weft_err
lists_options(struct tmpl_dict *d, const char *section, enum list l,
    const char *lang, long long selected, long long keep)
{
	char		 sql[512];
	struct db_rows	*r;
	enum weft_err	 e;

	snprintf(sql, sizeof(sql), "SELECT i.id, COALESCE(n.name, i.name)"
	    " FROM %s i LEFT JOIN list_names n ON n.list = ?"
	    " AND n.item_id = i.id AND n.lang = ?"
	    " WHERE i.active = 1 OR i.id = ? ORDER BY i.position, i.name, i.id",
	    lists_defs[l].table);
	if ((e = db_query(&r, sql, "ssi", lists_defs[l].key, lang, keep)) !=
	    WEFT_OK)
		return e;
	form_options(d, section, r, selected);
	db_rows_free(r);
	return WEFT_OK;
}

int
lists_ok(enum list l, long long id, long long keep)
{
	char		 sql[256];
	long long	 n;

	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM %s"
	    " WHERE id = ? AND (active = 1 OR id = ?)", lists_defs[l].table);
	if (db_query_int(&n, sql, "ii", id, keep) != WEFT_OK)
		return -1;
	return n > 0;
}

enum weft_err
lists_name(enum list l, long long id, const char *lang, char *out,
    size_t len)
{
	char		 sql[256];
	struct db_rows	*r;
	enum weft_err	 e;

	out[0] = '\0';
	if (id == 0)
		return WEFT_OK;
	snprintf(sql, sizeof(sql), "SELECT COALESCE(n.name, i.name) FROM %s i"
	    " LEFT JOIN list_names n ON n.list = ? AND n.item_id = i.id"
	    " AND n.lang = ? WHERE i.id = ?", lists_defs[l].table);
	if ((e = db_query(&r, sql, "ssi", lists_defs[l].key, lang, id)) !=
	    WEFT_OK)
		return e;
	if (db_next(r))
		util_copy(out, len, db_str(r, 0));
	db_rows_free(r);
	return WEFT_OK;
}

enum weft_err
lists_member_fields(struct tmpl_dict *d, const char *lang,
    const long long *selected, const long long *keep,
    const char *const *errs)
{
	struct tmpl_dict	*s;
	enum weft_err		 e;
	size_t			 i;

	for (i = 0; i < LISTS_MEMBER; i++) {
		s = tmpl_section(d, "LIST_FIELD");
		tmpl_set(s, "FIELD", lists_defs[i].field);
		tmpl_set(s, "LABEL", i18n_text(lang, lists_defs[i].item));
		if (errs != NULL && errs[i] != NULL) {
			tmpl_show(s, "INVALID");
			tmpl_set(s, "ERROR", errs[i]);
		}
		if ((e = lists_options(s, "OPTION", (enum list)i, lang,
		    selected[i], keep[i])) != WEFT_OK)
			return e;
	}
	return WEFT_OK;
}

enum weft_err
lists_member_show(struct tmpl_dict *d, const char *lang, const long long *ids)
{
	struct tmpl_dict	*s;
	char			 name[256];
	enum weft_err		 e;
	size_t			 i;

	for (i = 0; i < LISTS_MEMBER; i++) {
		if (ids[i] == 0)
			continue;
		if ((e = lists_name((enum list)i, ids[i], lang, name,
		    sizeof(name))) != WEFT_OK)
			return e;
		s = tmpl_section(d, "MEMBER_LIST");
		tmpl_set(s, "LABEL", i18n_text(lang, lists_defs[i].item));
		tmpl_set(s, "NAME", name);
	}
	return WEFT_OK;
}

int
lists_member_values(const struct form_value *v, const long long *current,
    long long *ids, int *refused)
{
	size_t	 i;
	int	 bad = 0, ok;

	for (i = 0; i < LISTS_MEMBER; i++) {
		ids[i] = !v[i].sent ? current[i] : v[i].set ? v[i].id : 0;
		ok = v[i].str[0] == '\0' || v[i].set;
		if (ok && ids[i] != 0 && ids[i] != current[i] &&
		    (ok = lists_ok((enum list)i, ids[i], current[i])) < 0)
			return -1;
		if ((refused[i] = !ok)) {
			ids[i] = current[i];
			bad++;
		}
	}
	return bad;
}
