/*
 * sha256: the SHA-256 hash (FIPS 180-4), streamed. The review file records
 * each reviewed file's hash so that apply can tell a changed file.
 *
 *     sha256_ctx c; sha256_init(&c);
 *     sha256_update(&c, data, n); ...
 *     uint8_t h[SHA256_SIZE]; sha256_final(&c, h);
 */
#ifndef UNSPIN_SHA256_H
#define UNSPIN_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_SIZE 32

typedef struct sha256_ctx {
    uint32_t h[8];
    uint64_t len;          /* bytes hashed so far */
    unsigned char block[64];
    size_t fill;           /* bytes waiting in block */
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t n);
void sha256_final(sha256_ctx *c, uint8_t out[SHA256_SIZE]);
/* One call: the hash of data[0..n). */
void sha256(const void *data, size_t n, uint8_t out[SHA256_SIZE]);
/* Writes the 64 lowercase hex digits and a NUL to hex. */
void sha256_hex(const uint8_t h[SHA256_SIZE], char hex[2 * SHA256_SIZE + 1]);

#endif
