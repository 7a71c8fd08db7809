/*
 * The English source catalogue: templates/phrases/AREA.en, one file per
 * area (docs/translations.md, "The catalogue").  A phrase is a key, the
 * English (one form, or the two English plural forms) and a note for the
 * translators made of the comment lines right above it:
 *
 *	# Heading of the member list.
 *	members.list.title = Members
 *	members.count[one] = {n} member
 *	members.count[other] = {n} members
 *	members.long = A phrase too long for one line goes on
 *		on lines that start with a tab (joined with one space).
 *
 * "\n" in a text is a line break (mail), "\\" a backslash.  Read by the
 * programs (i18n.c), the build's check (tools/weft-phrases.c) and the
 * sync into the database (weft-migrate).
 */
#ifndef WEFT_CATALOGUE_H
#define WEFT_CATALOGUE_H

#include <stddef.h>

#include "err.h"

#define CATALOGUE_KEY_MAX	96	/* bytes of a key, NUL included */
#define CATALOGUE_AREA_MAX	32

struct catalogue_phrase {
	char	*key;
	char	*area;		/* the file's name without ".en" */
	char	*note;		/* "" when none */
	char	*one;		/* the text; a plural phrase's "one" form */
	char	*other;		/* a plural phrase's "other" form, or NULL */
	char	*file;		/* where it is defined, for messages */
	unsigned line;
};

struct catalogue {
	struct catalogue_phrase	*p;	/* sorted by key (strcmp) */
	size_t			 n;
	size_t			 cap;
};

/*
 * Adds every phrase of every *.en file of dir.  On a syntax error or a
 * key defined twice, says where in err (size errlen) and returns
 * WEFT_ERR_INVALID; WEFT_ERR_NOTFOUND when dir cannot be read.
 */
enum weft_err	 catalogue_read_dir(struct catalogue *, const char *dir,
		    char *err, size_t errlen);
/* One file (area: its name without the folder and ".en"). */
enum weft_err	 catalogue_read_file(struct catalogue *, const char *path,
		    char *err, size_t errlen);
/* Sorts and checks for keys defined twice (err says both places). */
enum weft_err	 catalogue_finish(struct catalogue *, char *err,
		    size_t errlen);
void		 catalogue_free(struct catalogue *);
const struct catalogue_phrase *catalogue_find(const struct catalogue *,
		    const char *key);
/* SHA-256 of a phrase's English: the "one" form, and for a plural phrase
 * a NUL byte and the "other" form (sql/014). */
void		 catalogue_hash(const struct catalogue_phrase *,
		    unsigned char out[32]);
/* The placeholders of text, sorted and joined by commas, into out (size
 * n): "hours,name".  A plural phrase's are those of both forms. */
void		 catalogue_placeholders(const struct catalogue_phrase *,
		    char *out, size_t n);

/* What catalogue_sync() did. */
struct catalogue_sync_counts {
	size_t	 added;
	size_t	 changed;	/* the English changed: translations stale */
	size_t	 noted;		/* only the note, area or use changed */
	size_t	 retired;
};
/*
 * Makes the phrases table (sql/014) say what the source says, in one
 * transaction: new keys added, changed ones updated, keys gone retired
 * (their translations kept); where each is used is read from the
 * templates under templates_dir (NULL: left as it was).  When anything
 * changed, the catalogue generation is raised (every worker reads its
 * copy again).  Over the db.h connection.
 */
enum weft_err	 catalogue_sync(const struct catalogue *,
		    const char *templates_dir, struct catalogue_sync_counts *);

/* Is s a well-formed key: [a-z0-9_]+ segments joined by '.', two at
 * least, shorter than CATALOGUE_KEY_MAX? */
int		 catalogue_key_ok(const char *s, size_t len);

#endif
