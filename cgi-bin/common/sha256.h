/*
 * SHA-256 (FIPS 180-4), small and self-contained, for hashing session
 * tokens before they are stored or looked up: the database only ever sees
 * the hash of a token, so a leaked sessions table opens no session.  Also
 * the checksum weft-migrate records of each migration file.
 */
#ifndef WEFT_SHA256_H
#define WEFT_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN	32
#define SHA256_HEX	(2 * SHA256_LEN + 1)	/* as hex, with the NUL */

struct sha256 {
	uint32_t	 h[8];
	uint64_t	 nbytes;	/* message length so far */
	unsigned char	 block[64];
	size_t		 nblock;	/* bytes waiting in block */
};

void	 sha256_init(struct sha256 *);
void	 sha256_update(struct sha256 *, const void *, size_t);
void	 sha256_final(struct sha256 *, unsigned char out[SHA256_LEN]);
/* One call: out = SHA-256(data). */
void	 sha256(const void *data, size_t len, unsigned char out[SHA256_LEN]);
/* The same as 64 lower-case hex digits and a NUL (weft-migrate's file
 * checksums). */
void	 sha256_hex(const void *data, size_t len, char out[SHA256_HEX]);

#endif
