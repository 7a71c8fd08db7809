/*
 * A statement's result (db.h, second half): fetched whole into a db_rows
 * when it is executed, then read row by row and cell by cell.  Every cell
 * is kept as text (numbers, dates) or bytes (binary columns) in one
 * buffer, so that the caller's pointers stay valid until db_rows_free().
 * Running the statement is db.c's; db_fetch() is called by it.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>

#include "buf.h"
#include "db.h"
#include "db_internal.h"
#include "log.h"

struct db_cell {
	size_t		 off;	/* into data */
	size_t		 len;
	int		 null;
};

struct db_rows {
	size_t		 nrows;
	size_t		 ncols;
	size_t		 cur;	/* 1-based; 0 before the first db_next() */
	struct db_cell	*cells;	/* nrows * ncols */
	struct buf	 data;	/* the values, each NUL-terminated */
};

/* ---- results ------------------------------------------------------------- */

struct db_col {
	char			*buf;
	unsigned long		 cap;
	unsigned long		 len;
	my_bool			 null;
	my_bool			 error;
	int			 is_time;	/* bound to t, not buf */
	enum enum_field_types	 type;
	unsigned		 decimals;
	MYSQL_TIME		 t;
};

/* Is a column of this type fetched as a MYSQL_TIME (db_time_text())? */
static int
db_is_time(enum enum_field_types type)
{
	return type == MYSQL_TYPE_DATE || type == MYSQL_TYPE_DATETIME ||
	    type == MYSQL_TYPE_TIMESTAMP;
}

/* Writes v in decimal, zero-padded to at least width digits; returns the
 * end. */
static char *
db_digits(char *p, unsigned long v, int width)
{
	char	 tmp[24];
	int	 n = 0;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n < width)
		tmp[n++] = '0';
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

/*
 * The text of a DATE, DATETIME or TIMESTAMP value, exactly as libmariadb
 * makes it for a column bound as a string ("%04u-%02u-%02u", then
 * " %02u:%02u:%02u", then ".%06u" cut to the column's decimals), but
 * without its sprintf calls: those were a tenth of the member list's CPU.
 * out holds at least 96 bytes (every field at its widest); returns the
 * length (NUL-terminated).
 */
static size_t
db_time_text(const MYSQL_TIME *t, enum enum_field_types type,
    unsigned decimals, char *out)
{
	char	*p = out, frac[24];

	p = db_digits(p, t->year, 4);
	*p++ = '-';
	p = db_digits(p, t->month, 2);
	*p++ = '-';
	p = db_digits(p, t->day, 2);
	if (type != MYSQL_TYPE_DATE) {
		*p++ = ' ';
		p = db_digits(p, t->hour, 2);
		*p++ = ':';
		p = db_digits(p, t->minute, 2);
		*p++ = ':';
		p = db_digits(p, t->second, 2);
		if (decimals > 0) {
			db_digits(frac, t->second_part, 6);
			*p++ = '.';
			memcpy(p, frac, decimals < 6 ? decimals : 6);
			p += decimals < 6 ? decimals : 6;
		}
	}
	*p = '\0';
	return (size_t)(p - out);
}

/* Copies column i of the current row into r's cell; a value longer than
 * its buffer (max_length said otherwise) is fetched again whole. */
static enum weft_err
db_fetch_cell(MYSQL_STMT *st, const char *sql, struct db_rows *r,
    struct db_cell *cell, struct db_col *c, unsigned i)
{
	MYSQL_BIND	 b;
	char		*big, text[96];

	cell->off = r->data.len;
	cell->null = c->null != 0;
	cell->len = 0;
	if (c->null)
		return WEFT_OK;
	if (c->is_time) {
		cell->len = db_time_text(&c->t, c->type, c->decimals, text);
		buf_append(&r->data, text, cell->len + 1);
		return WEFT_OK;
	}
	cell->len = c->len;
	if (c->len < c->cap) {
		/* The value and the NUL that ends it, in one append (a
		 * binary column's value comes without one). */
		c->buf[c->len] = '\0';
		buf_append(&r->data, c->buf, c->len + 1);
		return WEFT_OK;
	}
	if ((big = malloc((size_t)c->len + 1)) == NULL)
		return WEFT_ERR_NOMEM;
	memset(&b, 0, sizeof(b));
	b.buffer_type = MYSQL_TYPE_STRING;
	b.buffer = big;
	b.buffer_length = c->len + 1;
	b.length = &c->len;
	b.is_null = &c->null;
	b.error = &c->error;
	if (mysql_stmt_fetch_column(st, &b, i, 0) != 0) {
		free(big);
		return db_fail_stmt(st, sql);
	}
	buf_append(&r->data, big, cell->len);
	free(big);
	buf_append(&r->data, "", 1);	/* the NUL that ends the value */
	return WEFT_OK;
}

/* Binds every column of the result (fields f) to its buffer in cols: a
 * time column to a MYSQL_TIME, any other as a string of its max_length. */
static enum weft_err
db_fetch_binds(const MYSQL_FIELD *f, unsigned ncols, struct db_col *cols,
    MYSQL_BIND *bind)
{
	unsigned	 i;

	for (i = 0; i < ncols; i++) {
		bind[i].length = &cols[i].len;
		bind[i].is_null = &cols[i].null;
		bind[i].error = &cols[i].error;
		if (db_is_time(f[i].type)) {
			/* Converted by db_time_text(), not by sprintf. */
			cols[i].is_time = 1;
			cols[i].type = f[i].type;
			cols[i].decimals = f[i].decimals;
			bind[i].buffer_type = f[i].type;
			bind[i].buffer = &cols[i].t;
			bind[i].buffer_length = sizeof(cols[i].t);
			continue;
		}
		cols[i].cap = f[i].max_length + 1;
		if ((cols[i].buf = malloc(cols[i].cap)) == NULL)
			return WEFT_ERR_NOMEM;
		bind[i].buffer_type = MYSQL_TYPE_STRING;
		bind[i].buffer = cols[i].buf;
		bind[i].buffer_length = cols[i].cap;
	}
	return WEFT_OK;
}

/* Fetches the stored rows into r's cells (r->nrows of them counted by
 * store_result, r->cells allocated for them); r->nrows becomes the rows
 * fetched. */
static enum weft_err
db_fetch_rows(MYSQL_STMT *st, const char *sql, struct db_rows *r,
    struct db_col *cols)
{
	size_t		 row;
	unsigned	 i;
	enum weft_err	 e;
	int		 rc;

	for (row = 0; (rc = mysql_stmt_fetch(st)) != MYSQL_NO_DATA; row++) {
		if (rc != 0 && rc != MYSQL_DATA_TRUNCATED)
			return db_fail_stmt(st, sql);
		if (row == r->nrows) {
			log_msg(LOGL_ERROR, "db: more rows than counted");
			return WEFT_ERR_DB;
		}
		for (i = 0; i < r->ncols; i++)
			if ((e = db_fetch_cell(st, sql, r,
			    &r->cells[row * r->ncols + i], &cols[i], i)) !=
			    WEFT_OK)
				return e;
	}
	r->nrows = row;
	return buf_failed(&r->data) ? WEFT_ERR_NOMEM : WEFT_OK;
}

/*
 * Fetches the whole result of an executed statement into a new db_rows
 * (owned by the caller).  Every column is bound as a string: numbers,
 * dates and text arrive as their text, binary columns as their bytes.
 * The buffers are sized by max_length, which store_result computes
 * because the statement was prepared with STMT_ATTR_UPDATE_MAX_LENGTH.
 */
enum weft_err
db_fetch(MYSQL_STMT *st, const char *sql, struct db_rows **out)
{
	struct db_rows	*r;
	struct db_col	*cols = NULL;
	MYSQL_BIND	*bind = NULL;
	MYSQL_RES	*meta = NULL;
	MYSQL_FIELD	*f;
	size_t		 ncells;
	unsigned	 i, ncols;
	int		 stored = 0;
	enum weft_err	 e = WEFT_ERR_NOMEM;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return WEFT_ERR_NOMEM;
	buf_init(&r->data);
	if ((ncols = mysql_stmt_field_count(st)) == 0) {
		e = WEFT_OK;
		goto out;
	}
	r->ncols = ncols;
	if (mysql_stmt_store_result(st) != 0) {
		e = db_fail_stmt(st, sql);
		goto out;
	}
	stored = 1;
	if ((meta = mysql_stmt_result_metadata(st)) == NULL ||
	    (f = mysql_fetch_fields(meta)) == NULL) {
		e = db_fail_stmt(st, sql);
		goto out;
	}
	r->nrows = (size_t)mysql_stmt_num_rows(st);
	if (r->nrows > SIZE_MAX / sizeof(struct db_cell) / ncols)
		goto out;
	ncells = r->nrows * ncols;
	/* Every field of every cell is set by db_fetch_cell(). */
	if ((ncells > 0 && (r->cells = malloc(ncells * sizeof(*r->cells))) ==
	    NULL) || (cols = calloc(ncols, sizeof(*cols))) == NULL ||
	    (bind = calloc(ncols, sizeof(*bind))) == NULL)
		goto out;
	if ((e = db_fetch_binds(f, ncols, cols, bind)) != WEFT_OK)
		goto out;
	if (mysql_stmt_bind_result(st, bind) != 0) {
		e = db_fail_stmt(st, sql);
		goto out;
	}
	e = db_fetch_rows(st, sql, r, cols);
out:
	if (stored && mysql_stmt_free_result(st) != 0 && e == WEFT_OK)
		e = db_fail_stmt(st, sql);
	if (meta != NULL)
		mysql_free_result(meta);
	for (i = 0; cols != NULL && i < ncols; i++)
		free(cols[i].buf);
	free(cols);
	free(bind);
	if (e != WEFT_OK) {
		db_rows_free(r);
		r = NULL;
	}
	*out = r;
	return e;
}

/* ---- rows ---------------------------------------------------------------- */

int
db_next(struct db_rows *r)
{
	if (r == NULL)
		return 0;
	if (r->cur <= r->nrows)
		r->cur++;
	return r->cur <= r->nrows;
}

size_t
db_nrows(const struct db_rows *r)
{
	return r != NULL ? r->nrows : 0;
}

size_t
db_ncols(const struct db_rows *r)
{
	return r != NULL ? r->ncols : 0;
}

/* The cell of col in the current row; NULL before the first row, after
 * the last, and for a column the query does not have (a programmer
 * error). */
static const struct db_cell *
db_cell(const struct db_rows *r, unsigned col)
{
	if (r == NULL || r->cur == 0 || r->cur > r->nrows)
		return NULL;
	if (col >= r->ncols) {
		log_msg(LOGL_ERROR, "db: column %u of %zu", col, r->ncols);
		assert(!"db: no such column");
		return NULL;
	}
	return &r->cells[(r->cur - 1) * r->ncols + col];
}

const char *
db_str(const struct db_rows *r, unsigned col)
{
	const struct db_cell	*c = db_cell(r, col);

	if (c == NULL || c->null)
		return NULL;
	return r->data.p + c->off;
}

/*
 * strtoll(s, NULL, 10), with a short way for what a column's text nearly
 * always is (an optional '-' and at most 18 digits, nothing else): a
 * member list page reads some 500 numbers.  Anything else (a sign, white
 * space, a fraction, 19 digits or more) goes to strtoll().
 */
long long
db_int(const struct db_rows *r, unsigned col)
{
	const char	*s = db_str(r, col), *p;
	long long	 v = 0;

	if (s == NULL)
		return 0;
	p = s + (s[0] == '-');
	if (*p < '0' || *p > '9')
		return strtoll(s, NULL, 10);
	for (; *p >= '0' && *p <= '9'; p++) {
		if (p - s >= 18)
			return strtoll(s, NULL, 10);
		v = v * 10 + (*p - '0');
	}
	if (*p != '\0')
		return strtoll(s, NULL, 10);
	return s[0] == '-' ? -v : v;
}

size_t
db_len(const struct db_rows *r, unsigned col)
{
	const struct db_cell	*c = db_cell(r, col);

	return c != NULL ? c->len : 0;
}

int
db_null(const struct db_rows *r, unsigned col)
{
	const struct db_cell	*c = db_cell(r, col);

	return c == NULL || c->null;
}

void
db_rows_free(struct db_rows *r)
{
	if (r == NULL)
		return;
	free(r->cells);
	buf_free(&r->data);
	free(r);
}
