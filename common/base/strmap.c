/* strmap.c - see strmap.h.  Linear probing in a table kept at most half
 * full, so a probe sequence is short and always ends at an empty slot. */
#include "base/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"

/* FNV-1a over the lower-cased bytes: equal keys without case hash alike.
 * The tools stay in the C locale, where tolower changes A-Z only: done
 * here without its call a byte. */
static uint64_t key_hash(const char *key)
{
    uint64_t h = 14695981039346656037u;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        h ^= (uint64_t)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
        h *= 1099511628211u;
    }
    return h;
}

/* The slot holding KEY (of hash H), or the empty slot where it belongs.
 * CAP > 0. */
static struct strmap_slot *probe(const struct strmap *m, const char *key, uint64_t h)
{
    size_t i = (size_t)h & (m->cap - 1);
    while (m->slots[i].key && (m->slots[i].hash != h || strcasecmp(m->slots[i].key, key) != 0))
        i = (i + 1) & (m->cap - 1);
    return &m->slots[i];
}

long strmap_get(const struct strmap *m, const char *key)
{
    if (!m->cap)
        return -1;
    const struct strmap_slot *s = probe(m, key, key_hash(key));
    return s->key ? s->value : -1;
}

static void rehash(struct strmap *m, size_t cap)
{
    struct strmap old = *m;
    m->cap = cap;
    m->slots = ecalloc(m->cap, sizeof *m->slots);
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].key)
            *probe(m, old.slots[i].key, old.slots[i].hash) = old.slots[i];
    free(old.slots);
}

static void reserve_one_more(struct strmap *m)
{
    if (2 * (m->used + 1) > m->cap)
        rehash(m, m->cap ? 2 * m->cap : 16);
}

void strmap_reserve(struct strmap *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 16;
    while (2 * n > cap)
        cap *= 2;
    if (cap != m->cap)
        rehash(m, cap);
}

/* A block of key copies; a key longer than a block gets one of its own. */
#define BLOCK_TEXT 8192

struct strmap_block {
    struct strmap_block *older;
    char text[];
};

/* A copy of KEY (SIZE bytes with its NUL) in the newest block: the loader
 * puts every object's name in a table, and a malloc a name cost more than
 * the table. */
static char *copy_key(struct strmap *m, const char *key, size_t size)
{
    if (size > m->block_left) {
        size_t text = size > BLOCK_TEXT ? size : BLOCK_TEXT;
        struct strmap_block *b = emalloc(sizeof *b + text);
        b->older = m->blocks;
        m->blocks = b;
        m->block_free = b->text;
        m->block_left = text;
    }
    char *copy = memcpy(m->block_free, key, size);
    m->block_free += size;
    m->block_left -= size;
    return copy;
}

long strmap_put(struct strmap *m, const char *key, long value)
{
    reserve_one_more(m);
    uint64_t h = key_hash(key);
    struct strmap_slot *s = probe(m, key, h);
    if (s->key)
        return s->value;
    *s = (struct strmap_slot){copy_key(m, key, strlen(key) + 1), h, value};
    m->used++;
    return value;
}

void strmap_free(struct strmap *m)
{
    for (struct strmap_block *b = m->blocks, *older; b; b = older) {
        older = b->older;
        free(b);
    }
    free(m->slots);
    memset(m, 0, sizeof *m);
}
