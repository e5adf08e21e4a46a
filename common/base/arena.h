/* arena.h - many small allocations freed together: a compiled profile's
 * strings and small arrays (profile/compiled.h), taken from a few large
 * blocks instead of a malloc each (a network of 100,000 devices has about
 * a million of them, and malloc was a fifth of its load). */
#ifndef NETMIMIC_ARENA_H
#define NETMIMIC_ARENA_H

#include <stddef.h>

struct arena;

/* A new arena whose first block has room for HINT bytes. */
struct arena *arena_new(size_t hint);
/* N bytes, 8-aligned (enough for pointers, doubles and sizes), not zeroed;
 * they live until arena_free. */
void *arena_alloc(struct arena *a, size_t n);
void arena_free(struct arena *a);

#endif
