/* bytes.h - a growable byte buffer to write into and a bounded reader over
 * bytes, both in one fixed byte order (little-endian), whatever the
 * machine's: what a compiled profile is made of (profile/compiled.h).
 *
 * The reader never reads past its end: a read that would is a failure,
 * reported through the reader's FAIL callback (which does not return), so
 * that every caller can take each value as it comes. */
#ifndef NETMIMIC_BYTES_H
#define NETMIMIC_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct bytes_out {
    uint8_t *buf;
    size_t len, cap;
};

void bytes_put(struct bytes_out *o, const void *data, size_t n);
void bytes_put_u8(struct bytes_out *o, unsigned v);
void bytes_put_u32(struct bytes_out *o, uint32_t v);
void bytes_put_u64(struct bytes_out *o, uint64_t v);
void bytes_put_i32(struct bytes_out *o, int v);
void bytes_put_f64(struct bytes_out *o, double v); /* its bits: exact */
/* A string, NULL included: its length plus one (0: NULL), then its bytes. */
void bytes_put_str(struct bytes_out *o, const char *s);
/* Overwrites the 8 bytes at AT (written before as a placeholder). */
void bytes_patch_u64(struct bytes_out *o, size_t at, uint64_t v);
void bytes_free(struct bytes_out *o);

struct bytes_in {
    const uint8_t *start, *p, *end;
    /* Called with the reason ("truncated", ...) and the offset where it
     * was found; must not return. */
    void (*fail)(const struct bytes_in *in, const char *reason);
    const void *context; /* for FAIL */
};

/* Reports REASON through IN's callback (abort() if it returned). */
_Noreturn void bytes_fail(const struct bytes_in *in, const char *reason);
/* The failures of the readers below, out of line: the readers are inline
 * (a call a field was a fifth of a compiled load), their messages not. */
_Noreturn void bytes_fail_index(struct bytes_in *in, int i, const char *what);
_Noreturn void bytes_fail_enum(struct bytes_in *in, unsigned v, const char *what);

static inline size_t bytes_left(const struct bytes_in *in)
{
    return (size_t)(in->end - in->p);
}

static inline size_t bytes_offset(const struct bytes_in *in)
{
    return (size_t)(in->p - in->start);
}

static inline const uint8_t *bytes_get(struct bytes_in *in, size_t n)
{
    if (n > bytes_left(in))
        bytes_fail(in, "truncated");
    const uint8_t *p = in->p;
    in->p += n;
    return p;
}

/* The little-endian number of the 8 (4) bytes at B, read in place: one
 * machine load (memcpy), swapped only on a big-endian machine. */
static inline uint64_t bytes_load_u64(const uint8_t *b)
{
    uint64_t v;
    memcpy(&v, b, sizeof v);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

static inline uint32_t bytes_load_u32(const uint8_t *b)
{
    uint32_t v;
    memcpy(&v, b, sizeof v);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap32(v);
#endif
    return v;
}

static inline unsigned bytes_get_u8(struct bytes_in *in)
{
    return *bytes_get(in, 1);
}

static inline uint32_t bytes_get_u32(struct bytes_in *in)
{
    return bytes_load_u32(bytes_get(in, 4));
}

static inline uint64_t bytes_get_u64(struct bytes_in *in)
{
    return bytes_load_u64(bytes_get(in, 8));
}

static inline int bytes_get_i32(struct bytes_in *in)
{
    uint32_t u = bytes_get_u32(in);
    /* two's complement back, without the implementation-defined cast */
    return u <= INT32_MAX ? (int)u : -(int)(UINT32_MAX - u) - 1;
}

static inline double bytes_get_f64(struct bytes_in *in)
{
    uint64_t bits = bytes_get_u64(in);
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

/* A string's bytes where they are, LEN set to their number (a NUL byte
 * after them, written with them: the string can be used in place), or
 * NULL if NULL was written; one longer than the bytes left, with a NUL
 * byte inside or without the NUL after it fails. */
const char *bytes_get_text(struct bytes_in *in, size_t *len);
/* The same as a new string. */
char *bytes_get_str(struct bytes_in *in);

/* A count of items of at least MIN_SIZE bytes each: one larger than the
 * bytes left could hold fails before anything is allocated for it. */
static inline size_t bytes_get_count(struct bytes_in *in, size_t min_size)
{
    uint32_t n = bytes_get_u32(in);
    if (min_size && n > bytes_left(in) / min_size)
        bytes_fail(in, "a count larger than the bytes left");
    return n;
}

/* An index from -1 (if NONE_OK) or 0 to N - 1; WHAT names it on failure. */
static inline int bytes_get_index(struct bytes_in *in, size_t n, int none_ok, const char *what)
{
    int i = bytes_get_i32(in);
    if ((i < 0 && !(none_ok && i == -1)) || (i >= 0 && (size_t)i >= n))
        bytes_fail_index(in, i, what);
    return i;
}

/* An enumeration value from 0 to N - 1. */
static inline unsigned bytes_get_enum(struct bytes_in *in, unsigned n, const char *what)
{
    unsigned v = bytes_get_u8(in);
    if (v >= n)
        bytes_fail_enum(in, v, what);
    return v;
}

/* A 64-bit checksum of N bytes: four lanes of 8 bytes, then the rest. */
uint64_t bytes_checksum(const uint8_t *data, size_t n);

#endif
