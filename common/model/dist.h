/* dist.h - latency and delay distributions, parsed from profile values.
 *
 * Grammar (whitespace is free; no ';' or '#', which iniparser treats as comments):
 *   dist    := term { '+' term }
 *   term    := 'const(' V ')'
 *            | 'uniform(' A ',' B ')'              A <= B
 *            | 'normal(' MEAN ',' SD ')'           a draw below 0 counts as 0
 *            | 'lognormal(' MEDIAN ',' SIGMA ')'   median in ms, sigma of log
 *            | 'spikes(' P ',' dist ')'            with probability P draw dist, else 0
 *            | 'episode(' P ',' dist ')'           with probability P per run, dist for
 *                                                  every draw of that run, else 0
 *                                                  (a busy period: a router's control
 *                                                  plane loaded while a trace runs)
 *            | 'mix(' W1 ':' dist { ',' Wi ':' dist } ')'   weights need not sum to 1
 *            | 'replay(' V { ',' V } ')'           values in order, then the last repeats
 *            | 'run(' dist ')'                     drawn once per run, then reused
 *            | V                                    a bare number is const(V)
 * Values are milliseconds (non-negative). A sample is never negative: the sum
 * is clamped at 0.
 *
 * The randomness: each element (a link, a device) owns a dist and a 64-bit
 * element id; the caller makes the draw numbers of a link's two directions
 * differ, so they draw apart, but a 'run' value is the link's, both ways.  dist_sample() takes the run seed, the element id and a
 * probe index; draws are a pure function of these, so the same seed gives the
 * same bytes on every machine whatever order elements are sampled in.
 * 'replay' uses the number of times this dist has been sampled in this run
 * (state kept in the dist node, reset by dist_reset_run). */
#ifndef NETMIMIC_DIST_H
#define NETMIMIC_DIST_H

#include <stddef.h>
#include <stdint.h>

struct dist; /* opaque parse tree */

/* Parse TEXT. On error returns NULL and writes a short reason (no file/section
 * context: the caller adds it) into ERR (size ERRLEN), e.g.
 * "expected ')' after 'normal(1, 0.2'" or "unknown distribution 'gauss'". */
struct dist *dist_parse(const char *text, char *err, size_t errlen);
void dist_free(struct dist *d);

/* Clear per-run state: 'run(...)' cached values and 'replay' positions. */
void dist_reset_run(struct dist *d);

/* Draw one value (ms, >= 0).  SEED: the run seed; ELEMENT: the owner's id;
 * DRAW: a counter distinct for every draw this element makes in the run
 * (the caller passes e.g. probe_index * 4 + direction). */
double dist_sample(struct dist *d, uint64_t seed, uint64_t element, uint64_t draw);

/* Deterministic summary, for docs and tests: the mean of the distribution
 * ignoring 'run' caching (replay: the mean of its values). */
double dist_mean(const struct dist *d);

/* ---- compiled profiles (profile/compiled.h) ------------------------------ */

struct bytes_out;
struct bytes_in;

/* The tree, node by node (per-run state is not written: a read tree
 * starts a run as a parsed one). */
void dist_write(struct bytes_out *o, const struct dist *d);
/* Where dist_read puts a tree: TAKE(CTX, N) returns N bytes (it does not
 * fail), all freed at once by their owner (a compiled profile's pool). */
struct dist_alloc {
    void *(*take)(void *ctx, size_t n);
    void *ctx;
};

/* A tree dist_write wrote, its nodes and arrays in M's memory; anything
 * else (a kind out of range, a node without the children its kind needs,
 * deeper than a parse allows) fails through IN's callback.  Not freed
 * with dist_free: its owner frees the memory, dist_free_state first. */
struct dist *dist_read(struct bytes_in *in, const struct dist_alloc *m);

/* Goes past the tree at IN as dist_read would, with the same checks, and
 * builds nothing; returns 1 if the tree keeps state between draws (a
 * replay's position, a run's cache), 0 if a draw is a pure function of
 * its arguments: such a tree may serve several elements. */
int dist_skip(struct bytes_in *in);

/* Frees what sampling added to a tree dist_read made (the run caches),
 * not its nodes. */
void dist_free_state(struct dist *d);

#endif
