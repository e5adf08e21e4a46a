/* rng.h - a small, documented pseudo-random generator that gives the same
 * numbers on every machine (rand() does not).  Counter based: every draw is
 * a pure function of (seed, stream, counter), so the draws one element of the
 * network makes do not shift when another element draws more or less. */
#ifndef NETMIMIC_RNG_H
#define NETMIMIC_RNG_H

#include <stdint.h>

/* SplitMix64 finaliser (Steele, Lea, Flood 2014): a bijective 64-bit mix. */
uint64_t rng_mix64(uint64_t x);

/* Hash of several words, order sensitive. */
uint64_t rng_hash3(uint64_t a, uint64_t b, uint64_t c);

/* One independent stream of uniform numbers. */
struct rng_stream {
    uint64_t key;     /* derived from seed and stream id */
    uint64_t counter; /* advances by one per draw */
};

struct rng_stream rng_stream_open(uint64_t seed, uint64_t stream_id);
uint64_t rng_next_u64(struct rng_stream *s);
/* Uniform in [0, 1), 53 bits. */
double rng_next_unit(struct rng_stream *s);

/* A seed for runs without --seed: differs between runs (time, pid, getrandom). */
uint64_t rng_fresh_seed(void);

#endif
