/* bytes.c - see bytes.h. */
#include "base/bytes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* ---- writing ------------------------------------------------------------- */

void bytes_put(struct bytes_out *o, const void *data, size_t n)
{
    if (o->len + n > o->cap) {
        while (o->len + n > o->cap)
            o->cap = o->cap ? 2 * o->cap : 64 * 1024;
        o->buf = erealloc(o->buf, o->cap);
    }
    memcpy(o->buf + o->len, data, n);
    o->len += n;
}

void bytes_put_u8(struct bytes_out *o, unsigned v)
{
    uint8_t b = (uint8_t)v;
    bytes_put(o, &b, 1);
}

static void encode_u64(uint8_t *b, uint64_t v, int n)
{
    for (int i = 0; i < n; i++)
        b[i] = (uint8_t)(v >> (8 * i));
}

void bytes_put_u32(struct bytes_out *o, uint32_t v)
{
    uint8_t b[4];
    encode_u64(b, v, 4);
    bytes_put(o, b, 4);
}

void bytes_put_u64(struct bytes_out *o, uint64_t v)
{
    uint8_t b[8];
    encode_u64(b, v, 8);
    bytes_put(o, b, 8);
}

void bytes_put_i32(struct bytes_out *o, int v)
{
    bytes_put_u32(o, (uint32_t)v);
}

void bytes_put_f64(struct bytes_out *o, double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    bytes_put_u64(o, bits);
}

void bytes_put_str(struct bytes_out *o, const char *s)
{
    if (!s) {
        bytes_put_u32(o, 0);
        return;
    }
    size_t n = strlen(s) + 1; /* its NUL too: read in place (bytes_get_text) */
    bytes_put_u32(o, (uint32_t)n);
    bytes_put(o, s, n);
}

void bytes_patch_u64(struct bytes_out *o, size_t at, uint64_t v)
{
    encode_u64(o->buf + at, v, 8);
}

void bytes_free(struct bytes_out *o)
{
    free(o->buf);
    memset(o, 0, sizeof *o);
}

/* ---- reading ------------------------------------------------------------- */

void bytes_fail(const struct bytes_in *in, const char *reason)
{
    in->fail(in, reason);
    abort();
}

void bytes_fail_index(struct bytes_in *in, int i, const char *what)
{
    char reason[128];
    snprintf(reason, sizeof reason, "%s %d out of range", what, i);
    in->p -= 4; /* the offset named is the index's */
    bytes_fail(in, reason);
}

void bytes_fail_enum(struct bytes_in *in, unsigned v, const char *what)
{
    char reason[128];
    snprintf(reason, sizeof reason, "%s %u out of range", what, v);
    in->p -= 1;
    bytes_fail(in, reason);
}

const char *bytes_get_text(struct bytes_in *in, size_t *len)
{
    uint32_t n = bytes_get_u32(in);
    *len = 0;
    if (n == 0)
        return NULL;
    if (n > bytes_left(in))
        bytes_fail(in, "a string longer than the bytes left");
    const uint8_t *p = bytes_get(in, n);
    /* one scan: the first NUL is the one written after the string */
    const uint8_t *nul = memchr(p, '\0', n);
    if (nul != p + n - 1)
        bytes_fail(in, nul ? "a NUL byte inside a string" : "a string without its NUL");
    *len = n - 1;
    return (const char *)p;
}

char *bytes_get_str(struct bytes_in *in)
{
    size_t len;
    const char *text = bytes_get_text(in, &len);
    return text ? estrndup(text, len) : NULL;
}

/* ---- checksum ------------------------------------------------------------ */

/* Four independent lanes, each (h + word) * an odd constant: a bijection
 * of the word for any state, so a changed word always changes its lane,
 * in three instructions a word the processor overlaps (the one-lane mix
 * of format 1 took nine, in a chain).  The lanes are mixed at the end, the
 * tail a byte at a time; the final avalanche spreads every bit. */
uint64_t bytes_checksum(const uint8_t *data, size_t n)
{
    const uint64_t k = 0x9e3779b97f4a7c15ull;
    uint64_t h0 = n, h1 = 0x243f6a8885a308d3ull, h2 = 0x13198a2e03707344ull,
             h3 = 0xa4093822299f31d0ull;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        h0 = (h0 + bytes_load_u64(data + i)) * k;
        h1 = (h1 + bytes_load_u64(data + i + 8)) * k;
        h2 = (h2 + bytes_load_u64(data + i + 16)) * k;
        h3 = (h3 + bytes_load_u64(data + i + 24)) * k;
    }
    uint64_t sum = h0;
    sum = (sum ^ (sum >> 31)) * 0xff51afd7ed558ccdull + h1;
    sum = (sum ^ (sum >> 31)) * 0xff51afd7ed558ccdull + h2;
    sum = (sum ^ (sum >> 31)) * 0xff51afd7ed558ccdull + h3;
    for (; i < n; i++)
        sum = (sum ^ data[i]) * 0x100000001b3ull;
    sum ^= sum >> 33;
    sum *= 0xc4ceb9fe1a85ec53ull;
    return sum ^ (sum >> 33);
}
