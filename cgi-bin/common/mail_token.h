/*
 * The signed per-recipient token of a broadcast's unsubscribe link
 * (docs/mail.md, RFC 8058): "ID-MAC", ID the member's id in decimal, MAC
 * the HMAC-SHA256 of "unsubscribe:ID" under the site key `unsubscribe`
 * (site_keys, made by the database when the outbox was created), in
 * base64url without padding.  It is one path segment ([A-Za-z0-9_-]), so
 * that /unsubscribe/:token matches it; it does not expire: a link in an
 * old message still unsubscribes.
 */
#ifndef WEFT_MAIL_TOKEN_H
#define WEFT_MAIL_TOKEN_H

#include <stddef.h>

#include "err.h"
#include "sha256.h"

/* 20 digits, '-', 43 characters of MAC, NUL. */
#define MAIL_TOKEN_MAX	72

/* HMAC-SHA256 (RFC 2104) of msg under key. */
void		 mail_hmac_sha256(const void *key, size_t keylen,
		    const void *msg, size_t len, unsigned char out[SHA256_LEN]);

/* The token of member_id; the key is read once per process. */
enum weft_err	 mail_token_make(long long member_id,
		    char out[MAIL_TOKEN_MAX]);
/* *member_id of a token that carries a valid signature; WEFT_ERR_INVALID
 * when it is malformed or forged, else the database's error. */
enum weft_err	 mail_token_check(const char *token, long long *member_id);

/* The same two with the key given (tests, and the one reading of it). */
void		 mail_token_make_key(const unsigned char key[SHA256_LEN],
		    long long member_id, char out[MAIL_TOKEN_MAX]);
int		 mail_token_check_key(const unsigned char key[SHA256_LEN],
		    const char *token, long long *member_id);

#endif
