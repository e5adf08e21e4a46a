/* pool.h - a bump allocator: many small blocks carved out of a few large
 * chunks, all freed at once.  For what lives as long as its owner (the
 * routing tables of a run), where one malloc and one free a block showed
 * in the profile of a large network. */
#ifndef NETMIMIC_POOL_H
#define NETMIMIC_POOL_H

#include <stddef.h>

struct pool_chunk;

struct pool {
    struct pool_chunk *chunks; /* the newest first */
    size_t used, size;         /* of the newest chunk's room */
};

/* N bytes, aligned for pointers, doubles and 64-bit numbers (not long
 * double), uninitialised; never fails (exits on out
 * of memory, as emalloc).  A zero-initialised struct pool is empty. */
void *pool_alloc(struct pool *p, size_t n);

/* Makes room for N bytes at once (one chunk of that size), when the total
 * is known ahead: a compiled profile's objects take about its size. */
void pool_reserve(struct pool *p, size_t n);
void pool_free(struct pool *p);

#endif
