/*
 * The source catalogue into the phrases table (catalogue.h,
 * catalogue_sync()): weft-migrate's last step at every install and
 * upgrade.  The table is read whole first (a few hundred rows) and only
 * the rows that differ are written, so that an upgrade that changes no
 * phrase leaves the generation alone and no worker reloads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalogue.h"
#include "db.h"
#include "sha256.h"
#include "tmpl_marker.h"
#include "util.h"

#define SYNC_USED_MAX	1024	/* phrases.used_in */
#define SYNC_PH_MAX	256	/* phrases.placeholders */

void
catalogue_hash(const struct catalogue_phrase *p, unsigned char out[32])
{
	struct sha256	 h;

	sha256_init(&h);
	sha256_update(&h, p->one, strlen(p->one));
	if (p->other != NULL) {
		sha256_update(&h, "", 1);
		sha256_update(&h, p->other, strlen(p->other));
	}
	sha256_final(&h, out);
}

/* Adds the placeholders of s to the list names (n of them, at most max). */
static void
sync_names(const char *s, char names[][TMPL_MARKER_NAME_MAX], size_t *n,
    size_t max)
{
	const char	*o;
	size_t		 len, i;

	for (; (o = strchr(s, '{')) != NULL; s = o + 1) {
		for (len = 0; (o[1 + len] >= 'a' && o[1 + len] <= 'z') ||
		    (len > 0 && ((o[1 + len] >= '0' && o[1 + len] <= '9') ||
		    o[1 + len] == '_')); len++)
			;
		if (len == 0 || o[1 + len] != '}' ||
		    len >= TMPL_MARKER_NAME_MAX)
			continue;
		for (i = 0; i < *n; i++)
			if (strncmp(names[i], o + 1, len) == 0 &&
			    names[i][len] == '\0')
				break;
		if (i == *n && *n < max) {
			memcpy(names[*n], o + 1, len);
			names[(*n)++][len] = '\0';
		}
	}
}

static int
sync_name_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

void
catalogue_placeholders(const struct catalogue_phrase *p, char *out, size_t n)
{
	char	 names[16][TMPL_MARKER_NAME_MAX];
	size_t	 k = 0, i, len = 0;

	sync_names(p->one, names, &k, NELEM(names));
	if (p->other != NULL)
		sync_names(p->other, names, &k, NELEM(names));
	qsort(names, k, sizeof(names[0]), sync_name_cmp);
	out[0] = '\0';
	for (i = 0; i < k; i++)
		len += (size_t)snprintf(out + len, len < n ? n - len : 0,
		    "%s%s", i > 0 ? "," : "", names[i]);
}

/* ---- where each phrase is used ------------------------------------------ */

struct sync_scan {
	const struct catalogue	*c;
	struct buf		*used;	/* per phrase: the templates using it */
};

/* used[i]: the templates (relative names, comma separated) using phrase i. */
static int
sync_scan_file(void *ctx, const char *path, const char *rel)
{
	const struct catalogue		*c = ((struct sync_scan *)ctx)->c;
	struct buf			*used = ((struct sync_scan *)ctx)->used;
	struct tmpl_marker		 m;
	const struct catalogue_phrase	*p;
	struct buf			 text;
	size_t				 n, at, from = 0, i;

	buf_init(&text);
	if (buf_read_file(&text, path, 1024 * 1024) == -1) {
		buf_free(&text);
		return 0;	/* a template it cannot read uses nothing */
	}
	while (text.p != NULL && tmpl_marker_next(text.p + from,
	    text.len - from, &at, &n, &m) == 1) {
		from += at + n;
		if ((p = catalogue_find(c, m.key)) == NULL)
			continue;
		i = (size_t)(p - c->p);
		if (used[i].p != NULL && strstr(used[i].p, rel) != NULL)
			continue;
		if (used[i].len + strlen(rel) + 2 < SYNC_USED_MAX)
			buf_printf(&used[i], "%s%s", used[i].len > 0 ? ", " :
			    "", rel);
	}
	buf_free(&text);
	return 0;
}


/* ---- the table ------------------------------------------------------------ */

static const char sync_sql_read[] =
    "SELECT phrase_key, area, note, english_hash, placeholders, used_in,"
    " retired_at IS NOT NULL FROM phrases";
static const char sync_sql_insert[] =
    "INSERT INTO phrases (phrase_key, area, note, english, english_plural,"
    " english_hash, placeholders, used_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char sync_sql_update[] =
    "UPDATE phrases SET area = ?, note = ?, english = ?, english_plural = ?,"
    " english_hash = ?, placeholders = ?, used_in = ?, retired_at = NULL,"
    " updated_at = IF(english_hash = ?, updated_at, UTC_TIMESTAMP())"
    " WHERE phrase_key = ?";
static const char sync_sql_retire[] =
    "UPDATE phrases SET retired_at = UTC_TIMESTAMP() WHERE phrase_key = ?";
static const char sync_sql_generation[] =
    "UPDATE cache_generations SET generation = generation + 1"
    " WHERE name = 'catalogue'";

/* One source phrase against its row r (NULL: none); counts what it did. */
static enum weft_err
sync_phrase(const struct catalogue_phrase *p, const char *used,
    const struct db_rows *r, struct catalogue_sync_counts *n)
{
	unsigned char	 hash[32];
	char		 ph[SYNC_PH_MAX];
	int		 english;

	catalogue_hash(p, hash);
	catalogue_placeholders(p, ph, sizeof(ph));
	if (used == NULL)
		used = r != NULL ? db_str(r, 5) : "";
	if (r == NULL) {
		n->added++;
		return db_exec(sync_sql_insert, "sssssbss", p->key, p->area,
		    p->note, p->one, p->other, hash, sizeof(hash), ph, used);
	}
	english = db_len(r, 3) != sizeof(hash) ||
	    memcmp(db_str(r, 3), hash, sizeof(hash)) != 0;
	if (!english && db_int(r, 6) == 0 && strcmp(db_str(r, 1), p->area) == 0 &&
	    strcmp(db_str(r, 2), p->note) == 0 && strcmp(db_str(r, 4), ph) == 0 &&
	    strcmp(db_str(r, 5), used) == 0)
		return WEFT_OK;
	english ? n->changed++ : n->noted++;
	return db_exec(sync_sql_update, "ssssbssbs", p->area, p->note, p->one,
	    p->other, hash, sizeof(hash), ph, used, hash, sizeof(hash), p->key);
}

/* Every phrase of the source, and the retiring of rows it no longer has. */
static enum weft_err
sync_rows(const struct catalogue *c, struct buf *used, struct db_rows *r,
    struct catalogue_sync_counts *n)
{
	const struct catalogue_phrase	*p;
	unsigned char			*seen;
	size_t				 i;
	enum weft_err			 e = WEFT_OK;

	if ((seen = calloc(c->n + 1, 1)) == NULL)
		return WEFT_ERR_NOMEM;
	while (e == WEFT_OK && db_next(r)) {
		if ((p = catalogue_find(c, db_str(r, 0))) == NULL) {
			if (db_int(r, 6) == 0) {
				n->retired++;
				e = db_exec(sync_sql_retire, "s", db_str(r, 0));
			}
			continue;
		}
		i = (size_t)(p - c->p);
		seen[i] = 1;
		e = sync_phrase(p, used != NULL ? used[i].p != NULL ?
		    used[i].p : "" : NULL, r, n);
	}
	for (i = 0; e == WEFT_OK && i < c->n; i++)
		if (!seen[i])
			e = sync_phrase(&c->p[i], used != NULL ? used[i].p !=
			    NULL ? used[i].p : "" : NULL, NULL, n);
	free(seen);
	return e;
}

enum weft_err
catalogue_sync(const struct catalogue *c, const char *templates_dir,
    struct catalogue_sync_counts *n)
{
	struct db_rows	*r = NULL;
	struct buf	*used = NULL;
	size_t		 i;
	enum weft_err	 e;

	memset(n, 0, sizeof(*n));
	if (templates_dir != NULL) {
		if ((used = calloc(c->n + 1, sizeof(*used))) == NULL)
			return WEFT_ERR_NOMEM;
		tmpl_walk(templates_dir, sync_scan_file,
		    &(struct sync_scan){ c, used });
	}
	if ((e = db_begin()) != WEFT_OK)
		goto out;
	if ((e = db_query(&r, sync_sql_read, "")) == WEFT_OK)
		e = sync_rows(c, used, r, n);
	if (e == WEFT_OK && n->added + n->changed + n->noted + n->retired > 0)
		e = db_exec(sync_sql_generation, "");
	if (e == WEFT_OK)
		e = db_commit();
	else
		db_rollback();
out:
	db_rows_free(r);
	for (i = 0; used != NULL && i < c->n; i++)
		buf_free(&used[i]);
	free(used);
	return e;
}
