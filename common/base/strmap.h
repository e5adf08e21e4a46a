/* strmap.h - a small open-addressing hash table from strings to numbers.
 *
 * Keys compare without case, as profile names do (iniparser lower-cases
 * section names, not the values that refer to them).  The table keeps its
 * own copy of every key, in blocks freed with the table.  Lookups and inserts take constant time on
 * average: it is the index of the loader's finds by name and of its
 * duplicate checks, which were linear searches. */
#ifndef NETMIMIC_STRMAP_H
#define NETMIMIC_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap_slot {
    char *key;     /* NULL: empty */
    uint64_t hash; /* of key: most probes that miss compare only this */
    long value;
};

/* The keys' copies, packed in blocks: one allocation for many keys. */
struct strmap_block;

/* All zero is an empty table. */
struct strmap {
    struct strmap_slot *slots; /* capacity a power of two, at most half full */
    size_t cap, used;
    struct strmap_block *blocks; /* the newest first */
    char *block_free;            /* its first free byte */
    size_t block_left;           /* and how many there are */
};

/* The value stored for KEY, or -1. */
long strmap_get(const struct strmap *m, const char *key);

/* Stores KEY -> VALUE unless KEY is already there; returns the value now
 * stored for KEY (VALUE, or the earlier one). */
long strmap_put(struct strmap *m, const char *key, long value);

/* Room for N keys in all, so that putting them rehashes nothing. */
void strmap_reserve(struct strmap *m, size_t n);

void strmap_free(struct strmap *m);

#endif
