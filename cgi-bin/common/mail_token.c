/*
 * The unsubscribe token (mail_token.h): HMAC-SHA256 over the member id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "log.h"
#include "mail_token.h"

void
mail_hmac_sha256(const void *key, size_t keylen, const void *msg,
    size_t len, unsigned char out[SHA256_LEN])
{
	unsigned char	 k[64], pad[64], inner[SHA256_LEN];
	struct sha256	 c;
	size_t		 i;

	memset(k, 0, sizeof(k));
	if (keylen > sizeof(k))
		sha256(key, keylen, k);
	else if (keylen > 0)
		memcpy(k, key, keylen);
	for (i = 0; i < sizeof(pad); i++)
		pad[i] = k[i] ^ 0x36;
	sha256_init(&c);
	sha256_update(&c, pad, sizeof(pad));
	sha256_update(&c, msg, len);
	sha256_final(&c, inner);
	for (i = 0; i < sizeof(pad); i++)
		pad[i] = k[i] ^ 0x5c;
	sha256_init(&c);
	sha256_update(&c, pad, sizeof(pad));
	sha256_update(&c, inner, sizeof(inner));
	sha256_final(&c, out);
}

/* base64url of 32 bytes, no padding: 43 characters and a NUL. */
static void
mail_b64url(const unsigned char in[SHA256_LEN], char out[44])
{
	static const char	 a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_";
	unsigned		 v;
	size_t			 i, o = 0;

	for (i = 0; i + 3 <= SHA256_LEN; i += 3) {
		v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
		out[o++] = a[v >> 18 & 63];
		out[o++] = a[v >> 12 & 63];
		out[o++] = a[v >> 6 & 63];
		out[o++] = a[v & 63];
	}
	/* 32 = 30 + 2: two bytes left, three characters. */
	v = (unsigned)in[30] << 16 | (unsigned)in[31] << 8;
	out[o++] = a[v >> 18 & 63];
	out[o++] = a[v >> 12 & 63];
	out[o++] = a[v >> 6 & 63];
	out[o] = '\0';
}

static void
mail_token_mac(const unsigned char key[SHA256_LEN], long long id,
    char mac[44])
{
	unsigned char	 h[SHA256_LEN];
	char		 msg[48];
	int		 n;

	n = snprintf(msg, sizeof(msg), "unsubscribe:%lld", id);
	mail_hmac_sha256(key, SHA256_LEN, msg, (size_t)n, h);
	mail_b64url(h, mac);
}

void
mail_token_make_key(const unsigned char key[SHA256_LEN], long long id,
    char out[MAIL_TOKEN_MAX])
{
	char	 mac[44];

	mail_token_mac(key, id, mac);
	snprintf(out, MAIL_TOKEN_MAX, "%lld-%s", id, mac);
}

int
mail_token_check_key(const unsigned char key[SHA256_LEN], const char *token,
    long long *member_id)
{
	char		 mac[44];
	const char	*p;
	long long	 id = 0;
	unsigned char	 diff = 0;
	size_t		 i;

	if (token == NULL || token[0] < '1' || token[0] > '9')
		return 0;
	for (p = token; *p >= '0' && *p <= '9'; p++) {
		if (p - token >= 18)
			return 0;
		id = id * 10 + (*p - '0');
	}
	if (*p++ != '-' || strlen(p) != 43)
		return 0;
	mail_token_mac(key, id, mac);
	for (i = 0; i < 43; i++)
		diff |= (unsigned char)(mac[i] ^ p[i]);
	if (diff != 0)
		return 0;
	*member_id = id;
	return 1;
}

/* The site key, read once per process. */
static enum weft_err
mail_token_key(const unsigned char **key)
{
	static unsigned char	 k[SHA256_LEN];
	static int		 have;
	struct db_rows		*r;
	enum weft_err		 e;

	if (!have) {
		e = db_query(&r, "SELECT secret FROM site_keys "
		    "WHERE name = 'unsubscribe'", "");
		if (e != WEFT_OK)
			return e;
		if (!db_next(r) || db_len(r, 0) != SHA256_LEN) {
			db_rows_free(r);
			log_msg(LOGL_ERROR, "mail: no unsubscribe key in "
			    "site_keys");
			return WEFT_ERR_NOTFOUND;
		}
		memcpy(k, db_str(r, 0), SHA256_LEN);
		db_rows_free(r);
		have = 1;
	}
	*key = k;
	return WEFT_OK;
}

enum weft_err
mail_token_make(long long member_id, char out[MAIL_TOKEN_MAX])
{
	const unsigned char	*key;
	enum weft_err		 e;

	if ((e = mail_token_key(&key)) != WEFT_OK)
		return e;
	mail_token_make_key(key, member_id, out);
	return WEFT_OK;
}

enum weft_err
mail_token_check(const char *token, long long *member_id)
{
	const unsigned char	*key;
	enum weft_err		 e;

	if ((e = mail_token_key(&key)) != WEFT_OK)
		return e;
	return mail_token_check_key(key, token, member_id) ? WEFT_OK :
	    WEFT_ERR_INVALID;
}
