/* arena.c - see arena.h. */
#include "base/arena.h"

#include <stdalign.h>
#include <stdlib.h>

#include "base/util.h"

#define BLOCK_MIN (1024 * 1024)

struct block {
    struct block *next;
    size_t size, used;
    alignas(max_align_t) unsigned char data[];
};

struct arena {
    struct block *blocks; /* the newest first: the one allocated from */
};

static struct block *new_block(size_t size)
{
    struct block *b = emalloc(sizeof *b + size);
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

struct arena *arena_new(size_t hint)
{
    struct arena *a = emalloc(sizeof *a);
    a->blocks = new_block(hint > BLOCK_MIN ? hint : BLOCK_MIN);
    return a;
}

void *arena_alloc(struct arena *a, size_t n)
{
    size_t align = 8; /* enough for every object of the model; strings waste less */
    n = (n + align - 1) / align * align;
    struct block *b = a->blocks;
    if (n > b->size - b->used) {
        b = new_block(n > BLOCK_MIN ? n : BLOCK_MIN);
        b->next = a->blocks;
        a->blocks = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

void arena_free(struct arena *a)
{
    if (!a)
        return;
    for (struct block *b = a->blocks, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}
