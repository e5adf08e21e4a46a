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
size_t bytes_left(const struct bytes_in *in);
size_t bytes_offset(const struct bytes_in *in);
const uint8_t *bytes_get(struct bytes_in *in, size_t n);
unsigned bytes_get_u8(struct bytes_in *in);
uint32_t bytes_get_u32(struct bytes_in *in);
uint64_t bytes_get_u64(struct bytes_in *in);
int bytes_get_i32(struct bytes_in *in);
double bytes_get_f64(struct bytes_in *in);
/* A string's bytes where they are, LEN set to their number (no NUL after
 * them), or NULL if NULL was written; one longer than the bytes left or
 * with a NUL byte inside fails. */
const char *bytes_get_text(struct bytes_in *in, size_t *len);
/* The same as a new string. */
char *bytes_get_str(struct bytes_in *in);
/* A count of items of at least MIN_SIZE bytes each: one larger than the
 * bytes left could hold fails before anything is allocated for it. */
size_t bytes_get_count(struct bytes_in *in, size_t min_size);
/* An index from -1 (if NONE_OK) or 0 to N - 1; WHAT names it on failure. */
int bytes_get_index(struct bytes_in *in, size_t n, int none_ok, const char *what);
/* An enumeration value from 0 to N - 1. */
unsigned bytes_get_enum(struct bytes_in *in, unsigned n, const char *what);

/* The little-endian number of the 8 bytes at B, read in place. */
uint64_t bytes_load_u64(const uint8_t *b);

/* A 64-bit checksum of N bytes (8 at a time, then the rest). */
uint64_t bytes_checksum(const uint8_t *data, size_t n);

#endif
