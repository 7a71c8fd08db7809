/*
 * The communities of the member list, read once per request: the filter
 * form's options and the rows' community names, looked up by id (list.h).
 * A LEFT JOIN in the list's query looked each row's name up again, about
 * 67 us of MariaDB's time per page; nothing is kept from one request to
 * the next, so a renamed or a new community is seen at once.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "list.h"

static int
list_community_cmp(const void *a, const void *b)
{
	const struct list_community	*x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

void
members_list_communities_free(struct list_communities *c)
{
	if (c->r != NULL)
		db_rows_free(c->r);
	free(c->byname);
	free(c->byid);
	c->r = NULL;
	c->byname = c->byid = NULL;
	c->n = 0;
}

/*
 * Reads the communities, in the form's order (by name, then id) and by
 * id for the rows' names.  The names stay in c->r.
 */
enum weft_err
members_list_communities(struct list_communities *c)
{
	static const char	 sql[] =
	    "SELECT id, name FROM communities ORDER BY name, id";
	enum weft_err		 e;
	size_t			 n;

	memset(c, 0, sizeof(*c));
	if ((e = db_query(&c->r, sql, "")) != WEFT_OK)
		return e;
	if ((n = db_nrows(c->r)) == 0)
		return WEFT_OK;
	if ((c->byname = calloc(n, sizeof(*c->byname))) == NULL ||
	    (c->byid = calloc(n, sizeof(*c->byid))) == NULL) {
		members_list_communities_free(c);
		return WEFT_ERR_NOMEM;
	}
	for (; c->n < n && db_next(c->r); c->n++) {
		c->byname[c->n].id = db_int(c->r, 0);
		c->byname[c->n].name = db_str(c->r, 1) != NULL ?
		    db_str(c->r, 1) : "";
	}
	memcpy(c->byid, c->byname, c->n * sizeof(*c->byid));
	qsort(c->byid, c->n, sizeof(*c->byid), list_community_cmp);
	return WEFT_OK;
}

static const char *
list_community_find(const struct list_communities *c, long long id)
{
	struct list_community	 key = { id, NULL };
	const struct list_community *hit;

	if (c->n == 0)
		return NULL;
	hit = bsearch(&key, c->byid, c->n, sizeof(*c->byid),
	    list_community_cmp);
	return hit != NULL ? hit->name : NULL;
}

/*
 * The name of community id, "" for 0.  A row may name a community
 * created after c was read: c is then read again, once per request (a
 * name *name returned before is no longer valid).  A community still
 * not there was deleted since the row was read: "".
 */
enum weft_err
members_list_community_name(struct list_communities *c, long long id,
    const char **name)
{
	enum weft_err	 e;

	*name = "";
	if (id <= 0)
		return WEFT_OK;
	if ((*name = list_community_find(c, id)) != NULL)
		return WEFT_OK;
	*name = "";
	if (c->reread)
		return WEFT_OK;
	members_list_communities_free(c);
	e = members_list_communities(c);
	c->reread = 1;
	if (e != WEFT_OK)
		return e;
	if ((*name = list_community_find(c, id)) == NULL)
		*name = "";
	return WEFT_OK;
}
