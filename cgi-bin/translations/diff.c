/*
 * What changed in the English a stale translation was made from: the
 * words of the old and the new English compared (longest common
 * subsequence over words; phrases are short), shown as a run of pieces,
 * each the same, removed or added (DIFF sections of SAME, REMOVED,
 * ADDED with TEXT).
 */
#include <stdlib.h>
#include <string.h>

#include "translations.h"

#define TR_WORDS_MAX	200

struct tr_words {
	const char	*w[TR_WORDS_MAX];
	size_t		 len[TR_WORDS_MAX];
	size_t		 n;
};

/* Words with the blanks after them, so that pieces join as written. */
static void
tr_split(const char *s, struct tr_words *out)
{
	const char	*start;

	out->n = 0;
	while (*s != '\0' && out->n < TR_WORDS_MAX) {
		start = s;
		while (*s != '\0' && *s != ' ' && *s != '\n')
			s++;
		while (*s == ' ' || *s == '\n')
			s++;
		out->w[out->n] = start;
		out->len[out->n++] = (size_t)(s - start);
	}
	if (*s != '\0' && out->n > 0)	/* the rest, in one last piece */
		out->len[out->n - 1] += strlen(s);
}

static int
tr_same(const struct tr_words *a, size_t i, const struct tr_words *b,
    size_t j)
{
	size_t	 x = a->len[i], y = b->len[j];

	while (x > 0 && (a->w[i][x - 1] == ' ' || a->w[i][x - 1] == '\n'))
		x--;
	while (y > 0 && (b->w[j][y - 1] == ' ' || b->w[j][y - 1] == '\n'))
		y--;
	return x == y && memcmp(a->w[i], b->w[j], x) == 0;
}

static void
tr_piece(struct tmpl_dict *d, const char *kind, const char *s, size_t n)
{
	struct tmpl_dict	*p = tmpl_section(d, "DIFF");

	tmpl_show(p, kind);
	tmpl_set_n(p, "TEXT", s, n);
}

void
tr_diff(struct tmpl_dict *d, const char *old, const char *new)
{
	struct tr_words	 a, b;
	unsigned short	*t;
	size_t		 i, j, w;

	tr_split(old, &a);
	tr_split(new, &b);
	w = b.n + 1;
	if ((t = calloc((a.n + 1) * w, sizeof(*t))) == NULL)
		return;
	/* t[i][j]: the common words of a[i..] and b[j..]. */
	for (i = a.n; i-- > 0;)
		for (j = b.n; j-- > 0;)
			t[i * w + j] = tr_same(&a, i, &b, j) ?
			    t[(i + 1) * w + j + 1] + 1 :
			    t[(i + 1) * w + j] > t[i * w + j + 1] ?
			    t[(i + 1) * w + j] : t[i * w + j + 1];
	for (i = j = 0; i < a.n || j < b.n;) {
		if (i < a.n && j < b.n && tr_same(&a, i, &b, j)) {
			tr_piece(d, "SAME", b.w[j], b.len[j]);
			i++, j++;
		} else if (j < b.n && (i == a.n ||
		    t[i * w + j + 1] >= t[(i + 1) * w + j])) {
			tr_piece(d, "ADDED", b.w[j], b.len[j]);
			j++;
		} else {
			tr_piece(d, "REMOVED", a.w[i], a.len[i]);
			i++;
		}
	}
	free(t);
}
