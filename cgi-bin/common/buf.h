/*
 * A growable byte buffer, always NUL-terminated, for building responses,
 * JSON audit values and CSV.  Allocation failure is sticky: once set, later
 * appends do nothing and buf_failed() reports it, so callers check once.
 */
#ifndef WEFT_BUF_H
#define WEFT_BUF_H

#include <stddef.h>

struct buf {
	char	*p;	/* NUL-terminated when non-NULL */
	size_t	 len;
	size_t	 cap;
	int	 failed;
};

void	 buf_init(struct buf *);
void	 buf_free(struct buf *);
void	 buf_reset(struct buf *);	/* len = 0, keeps memory */
void	 buf_append(struct buf *, const char *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Appends s as a JSON string literal, quotes included. */
void	 buf_json_str(struct buf *, const char *s);
/* Appends s as one CSV field (RFC 4180 quoting; a field that starts with
 * = + - @ or with blanks, which may hide a formula, is prefixed with ' so
 * that spreadsheets do not run it). */
void	 buf_csv_field(struct buf *, const char *s);
/* Appends n fields (const char *, NULL as ""), each as buf_csv_field()
 * does, separated by commas. */
void	 buf_csv_fields(struct buf *, size_t n, ...);
int	 buf_failed(const struct buf *);
/* Appends the file at path, whole: 0; -1 when it cannot be read or is
 * larger than max bytes (errno says which, EFBIG for the size). */
int	 buf_read_file(struct buf *, const char *path, size_t max);

#endif
