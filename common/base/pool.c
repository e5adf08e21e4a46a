/* pool.c - see pool.h. */
#include "base/pool.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

/* 64 KiB chunks: large enough that a chunk's malloc is rare, small enough
 * that a profile of a few devices does not pay for one. */
#define POOL_CHUNK 65536u
/* The alignment of every type the pools hold (pointers, doubles, 64-bit
 * counts), not max_align_t's 16 (long double's): rounding each block to
 * 16 bytes was a twentieth of a compiled profile's pool, the interface
 * addresses' 56 bytes taking 64. */
union pool_aligned {
    void *p;
    double d;
    uint64_t u;
    long l;
    size_t z;
};
#define POOL_ALIGN alignof(union pool_aligned)

struct pool_chunk {
    struct pool_chunk *next;
    alignas(union pool_aligned) unsigned char room[];
};

static size_t round_up(size_t n)
{
    return (n + POOL_ALIGN - 1) / POOL_ALIGN * POOL_ALIGN;
}

static void new_chunk(struct pool *p, size_t size)
{
    struct pool_chunk *c = emalloc(sizeof *c + size);
    c->next = p->chunks;
    p->chunks = c;
    p->used = 0;
    p->size = size;
}

void pool_reserve(struct pool *p, size_t n)
{
    n = round_up(n);
    if (!p->chunks || p->size - p->used < n)
        new_chunk(p, n > POOL_CHUNK ? n : POOL_CHUNK);
}

void *pool_alloc(struct pool *p, size_t n)
{
    n = round_up(n ? n : 1);
    if (!p->chunks || p->size - p->used < n)
        new_chunk(p, n > POOL_CHUNK ? n : POOL_CHUNK);
    void *at = p->chunks->room + p->used;
    p->used += n;
    return at;
}

void pool_free(struct pool *p)
{
    while (p->chunks) {
        struct pool_chunk *next = p->chunks->next;
        free(p->chunks);
        p->chunks = next;
    }
    memset(p, 0, sizeof *p);
}
