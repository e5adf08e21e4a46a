/* rng.c - see rng.h.
 *
 * Everything on the draw path is 64-bit unsigned integer arithmetic, whose
 * wrap-around is defined by C, so a (seed, stream, counter) triple gives the
 * same bits on every compiler and CPU.  The only floating point operation is
 * the exact scaling in rng_next_unit. */
#define _DEFAULT_SOURCE /* getrandom, getpid, clock_gettime */
#include "base/rng.h"

#include <time.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include(<sys/random.h>)
#include <sys/random.h>
#define HAVE_GETRANDOM 1
#endif
#endif

/* 2^64 / golden ratio, odd: SplitMix64's step between consecutive states.
 * Stepping by it visits all 2^64 states before repeating. */
#define GOLDEN_GAMMA UINT64_C(0x9e3779b97f4a7c15)

/* Keeps stream keys apart from other uses of rng_hash3 on the same words
 * (dist.c hashes element ids with it, for instance). */
#define STREAM_DOMAIN UINT64_C(0x73747265616d6b79) /* "streamky" */

uint64_t rng_mix64(uint64_t x)
{
    x = (x ^ (x >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    x = (x ^ (x >> 27)) * UINT64_C(0x94d049bb133111eb);
    return x ^ (x >> 31);
}

/* Nested so that swapping two arguments changes the result; the constant
 * keeps hash3(0, 0, 0) away from mix64's fixed point at 0. */
uint64_t rng_hash3(uint64_t a, uint64_t b, uint64_t c)
{
    return rng_mix64(a ^ rng_mix64(b ^ rng_mix64(c + GOLDEN_GAMMA)));
}

struct rng_stream rng_stream_open(uint64_t seed, uint64_t stream_id)
{
    struct rng_stream s = {rng_hash3(seed, stream_id, STREAM_DOMAIN), 0};
    return s;
}

/* SplitMix64 with the state computed from the counter instead of stored:
 * draw n of a stream never depends on how the other draws were consumed. */
uint64_t rng_next_u64(struct rng_stream *s)
{
    uint64_t state = s->key + s->counter * GOLDEN_GAMMA;
    s->counter++;
    return rng_mix64(state);
}

/* The top 53 bits fill a double's mantissa exactly, so the conversion and
 * the scaling by 2^-53 are both exact: no rounding, no platform difference. */
double rng_next_unit(struct rng_stream *s)
{
    return (double)(rng_next_u64(s) >> 11) * 0x1.0p-53;
}

/* Fallback when the kernel gives no randomness: the clock in nanoseconds and
 * the pid separate runs; the call count separates calls within one run. */
static uint64_t seed_from_clock_and_pid(void)
{
    static uint64_t calls;
    struct timespec now = {0, 0};
    clock_gettime(CLOCK_REALTIME, &now);
    uint64_t ns = (uint64_t)now.tv_sec * UINT64_C(1000000000) + (uint64_t)now.tv_nsec;
    return rng_hash3(ns, (uint64_t)getpid(), ++calls);
}

uint64_t rng_fresh_seed(void)
{
#ifdef HAVE_GETRANDOM
    uint64_t seed;
    /* GRND_NONBLOCK: early in boot, fall back rather than hang. */
    if (getrandom(&seed, sizeof seed, GRND_NONBLOCK) == (ssize_t)sizeof seed)
        return seed;
#endif
    return seed_from_clock_and_pid();
}
