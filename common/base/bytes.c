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
    size_t n = strlen(s);
    bytes_put_u32(o, (uint32_t)n + 1);
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

size_t bytes_left(const struct bytes_in *in)
{
    return (size_t)(in->end - in->p);
}

size_t bytes_offset(const struct bytes_in *in)
{
    return (size_t)(in->p - in->start);
}

const uint8_t *bytes_get(struct bytes_in *in, size_t n)
{
    if (n > bytes_left(in))
        bytes_fail(in, "truncated");
    const uint8_t *p = in->p;
    in->p += n;
    return p;
}

unsigned bytes_get_u8(struct bytes_in *in)
{
    return *bytes_get(in, 1);
}

/* Little-endian loads as one machine load (memcpy), swapped only on a
 * big-endian machine: a byte at a time was a third of a compiled load. */
static uint64_t load_le64(const uint8_t *b)
{
    uint64_t v;
    memcpy(&v, b, sizeof v);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

static uint32_t load_le32(const uint8_t *b)
{
    uint32_t v;
    memcpy(&v, b, sizeof v);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap32(v);
#endif
    return v;
}

uint32_t bytes_get_u32(struct bytes_in *in)
{
    return load_le32(bytes_get(in, 4));
}

uint64_t bytes_get_u64(struct bytes_in *in)
{
    return load_le64(bytes_get(in, 8));
}

uint64_t bytes_load_u64(const uint8_t *b)
{
    return load_le64(b);
}

int bytes_get_i32(struct bytes_in *in)
{
    uint32_t u = bytes_get_u32(in);
    /* two's complement back, without the implementation-defined cast */
    return u <= INT32_MAX ? (int)u : -(int)(UINT32_MAX - u) - 1;
}

double bytes_get_f64(struct bytes_in *in)
{
    uint64_t bits = bytes_get_u64(in);
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

const char *bytes_get_text(struct bytes_in *in, size_t *len)
{
    uint32_t n = bytes_get_u32(in);
    *len = 0;
    if (n == 0)
        return NULL;
    if (n - 1 > bytes_left(in))
        bytes_fail(in, "a string longer than the bytes left");
    const uint8_t *p = bytes_get(in, n - 1);
    if (memchr(p, '\0', n - 1))
        bytes_fail(in, "a NUL byte inside a string");
    *len = n - 1;
    return (const char *)p;
}

char *bytes_get_str(struct bytes_in *in)
{
    size_t len;
    const char *text = bytes_get_text(in, &len);
    return text ? estrndup(text, len) : NULL;
}

size_t bytes_get_count(struct bytes_in *in, size_t min_size)
{
    uint32_t n = bytes_get_u32(in);
    if (min_size && n > bytes_left(in) / min_size)
        bytes_fail(in, "a count larger than the bytes left");
    return n;
}

int bytes_get_index(struct bytes_in *in, size_t n, int none_ok, const char *what)
{
    int i = bytes_get_i32(in);
    if ((i < 0 && !(none_ok && i == -1)) || (i >= 0 && (size_t)i >= n)) {
        char reason[128];
        snprintf(reason, sizeof reason, "%s %d out of range", what, i);
        in->p -= 4; /* the offset named is the index's */
        bytes_fail(in, reason);
    }
    return i;
}

unsigned bytes_get_enum(struct bytes_in *in, unsigned n, const char *what)
{
    unsigned v = bytes_get_u8(in);
    if (v >= n) {
        char reason[128];
        snprintf(reason, sizeof reason, "%s %u out of range", what, v);
        in->p -= 1;
        bytes_fail(in, reason);
    }
    return v;
}

/* ---- checksum ------------------------------------------------------------ */

uint64_t bytes_checksum(const uint8_t *data, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        h ^= load_le64(data + i);
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 29;
    }
    for (; i < n; i++)
        h = (h ^ data[i]) * 0x100000001b3ull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 33);
}
