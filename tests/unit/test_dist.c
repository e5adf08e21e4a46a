/* test_dist.c - unit tests for common/dist.c and common/rng.c.
 * Prints "N passed, M failed" and exits non-zero if anything failed. */
#include "model/dist.h"
#include "base/bytes.h"
#include "base/rng.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* Parses TEXT, which must succeed.  On failure the later checks on the
 * result fail too, without crashing: the dist functions accept NULL. */
static struct dist *parse_ok(const char *text)
{
    char err[200];
    struct dist *d = dist_parse(text, err, sizeof err);
    check(d != NULL, "parse '%s': %s", text, err);
    return d;
}

static void test_parse_errors(void)
{
    static const struct {
        const char *text, *message;
    } cases[] = {
        {"", "empty value"},
        {"   ", "empty value"},
        {"gauss(1, 2)", "unknown distribution 'gauss'"},
        {"normal(1, 0.2", "expected ')' after 'normal(1, 0.2'"},
        {"normal(1 0.2)", "expected ',' after 'normal(1'"},
        {"normal", "expected '(' after 'normal'"},
        {"uniform(3, 1)", "uniform(3, 1): low bound above high bound"},
        {"spikes(1.5, 10)", "spikes probability 1.5 is not between 0 and 1"},
        {"spikes(-0.1, 10)", "spikes probability -0.1 is not between 0 and 1"},
        {"5 xyz", "trailing text 'xyz'"},
        {"normal(1, 2))", "trailing text ')'"},
        {"-3", "value -3 is negative"},
        {"normal(1, -2)", "normal standard deviation -2 is negative"},
        {"mix(0: 1, 0: 2)", "mix weights sum to 0"},
        {"mix(0.5 1)", "expected ':' after 'mix(0.5'"},
        {"mix(1: 2, -1: 3)", "mix weight -1 is negative"},
        {"replay()", "expected a number after 'replay('"},
        {"const(0x10)", "bad number '0x10'"},
        {"const(nan)", "bad number 'nan'"},
        {"uniform(1.2.3, 4)", "bad number '1.2.3'"},
        {"1e400", "number 1e400 is out of range"},
        {"1 +", "expected a distribution after '1 +'"},
        {"spikes(0.5, )", "expected a distribution after 'spikes(0.5,'"},
        {")", "expected a distribution, found ')'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char err[200] = "unchanged";
        struct dist *d = dist_parse(cases[i].text, err, sizeof err);
        check(d == NULL, "'%s' should not parse", cases[i].text);
        check(strcmp(err, cases[i].message) == 0, "'%s': got \"%s\", want \"%s\"",
              cases[i].text, err, cases[i].message);
        dist_free(d);
    }
}

static void test_nesting_limit(void)
{
    char text[1000] = "";
    for (int i = 0; i < 60; i++)
        strcat(text, "run(");
    strcat(text, "1");
    for (int i = 0; i < 60; i++)
        strcat(text, ")");
    char err[200];
    struct dist *d = dist_parse(text, err, sizeof err);
    check(d == NULL && strcmp(err, "nested deeper than 50 levels") == 0,
          "60 nested runs: got \"%s\"", err);
    dist_free(d);
}

static void test_accepted_syntax(void)
{
    static const char *texts[] = {
        "12", "0.5", "1e-3", ".5", " const( 3 ) ", "Normal(1,0.2)", "LOGNORMAL(10, 0.5)",
        "uniform(1, 1)", "spikes(0, 5)", "spikes(1, normal(5, 1) + 2)",
        "mix(1: 2, 3: uniform(1, 2), 0: 9)", "replay(1, 2, 3)", "run(uniform(0, 10))",
        "1 + 2 + run(3) + mix(1: spikes(0.5, 4))", "-0",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        dist_free(parse_ok(texts[i]));
}

static void test_exact_values(void)
{
    struct dist *d = parse_ok("const(7.5)");
    check(dist_sample(d, 1, 2, 3) == 7.5 && dist_mean(d) == 7.5, "const(7.5)");
    dist_free(d);

    d = parse_ok("2 + 3.25");
    check(dist_sample(d, 1, 2, 3) == 5.25 && dist_mean(d) == 5.25, "2 + 3.25");
    dist_free(d);

    d = parse_ok("replay(4, 5, 6)");
    double want[] = {4, 5, 6, 6, 6};
    for (int i = 0; i < 5; i++)
        check(dist_sample(d, 9, 1, (uint64_t)i) == want[i], "replay sample %d", i);
    check(dist_mean(d) == 5.0, "replay mean");
    dist_reset_run(d);
    check(dist_sample(d, 9, 1, 0) == 4.0, "replay starts over after reset");
    dist_free(d);

    d = parse_ok("spikes(0, 100)");
    check(dist_sample(d, 1, 1, 1) == 0.0, "spikes(0, ...) is 0");
    dist_free(d);
    d = parse_ok("spikes(1, 100)");
    check(dist_sample(d, 1, 1, 1) == 100.0, "spikes(1, 100) is 100");
    dist_free(d);
}

static void test_determinism(void)
{
    struct dist *d = parse_ok("normal(20, 5) + spikes(0.3, lognormal(50, 0.8))");
    struct dist *twin = parse_ok("normal(20, 5) + spikes(0.3, lognormal(50, 0.8))");
    int same = 1, seeds_differ = 0, draws_differ = 0;
    for (uint64_t draw = 0; draw < 200; draw++) {
        double v = dist_sample(d, 42, 7, draw);
        same &= v == dist_sample(d, 42, 7, draw) && v == dist_sample(twin, 42, 7, draw);
        seeds_differ += v != dist_sample(d, 43, 7, draw);
        draws_differ += v != dist_sample(d, 42, 7, draw + 1000);
    }
    check(same, "same seed, element, draw give the same value");
    check(seeds_differ > 190, "different seeds differ (%d of 200)", seeds_differ);
    check(draws_differ > 190, "different draws differ (%d of 200)", draws_differ);
    dist_free(d);
    dist_free(twin);
}

/* Values must not depend on the order in which elements are sampled. */
static void test_order_independence(void)
{
    struct dist *d = parse_ok("mix(1: normal(10, 3), 2: uniform(0, 50)) + spikes(0.2, 100)");
    double alone[3][50];
    for (uint64_t e = 0; e < 3; e++)
        for (uint64_t draw = 0; draw < 50; draw++)
            alone[e][draw] = dist_sample(d, 5, 100 + e, draw);
    int same = 1;
    for (uint64_t draw = 50; draw-- > 0;) /* interleaved, backwards */
        for (uint64_t e = 3; e-- > 0;)
            same &= dist_sample(d, 5, 100 + e, draw) == alone[e][draw];
    check(same, "interleaved, reversed sampling gives the same values");
    dist_free(d);
}

static void test_run_cache(void)
{
    struct dist *d = parse_ok("run(uniform(0, 1000))");
    struct dist *late = parse_ok("run(uniform(0, 1000))");
    double first_a = dist_sample(d, 3, 1, 0);
    double first_b = dist_sample(d, 3, 2, 0);
    check(first_a != first_b, "run: elements draw separately");
    int stable = 1;
    for (uint64_t draw = 1; draw < 100; draw++)
        stable &= dist_sample(d, 3, 1, draw) == first_a && dist_sample(d, 3, 2, draw) == first_b;
    check(stable, "run: one value per element for the whole run");
    /* first asked at draw 57: still the same value, it depends on (seed, element) */
    check(dist_sample(late, 3, 1, 57) == first_a, "run: cached value ignores the first draw index");
    check(dist_sample(d, 4, 1, 0) != first_a, "run: another seed, another value");

    /* many elements: exercises the table growth */
    double values[300];
    for (uint64_t e = 0; e < 300; e++)
        values[e] = dist_sample(d, 3, 1000 + e, e);
    int kept = 1;
    for (uint64_t e = 0; e < 300; e++)
        kept &= dist_sample(d, 3, 1000 + e, 999) == values[e];
    check(kept, "run: 300 elements cached");

    /* after a reset the same (seed, element) gives the same pure value again */
    dist_reset_run(d);
    check(dist_sample(d, 3, 1, 500) == first_a, "run: value is a pure function after reset");

    /* replay under run: the reset restarts the replay, so the first value returns */
    struct dist *r = parse_ok("run(replay(1, 2, 3))");
    check(dist_sample(r, 1, 1, 0) == 1 && dist_sample(r, 1, 2, 0) == 2
              && dist_sample(r, 1, 1, 5) == 1,
          "run(replay): cached per element");
    dist_reset_run(r);
    check(dist_sample(r, 1, 2, 0) == 1, "run(replay): reset clears both caches");
    dist_free(r);
    dist_free(d);
    dist_free(late);
}

/* ---- compiled profiles: dist_skip and dist_read ------------------------------ */

static _Noreturn void no_fail(const struct bytes_in *in, const char *reason)
{
    (void)in;
    fprintf(stderr, "test-dist: a written tree refused: %s\n", reason);
    exit(1);
}

/* What dist_read takes its nodes from: one block, freed by the caller. */
struct arena {
    unsigned char *room;
    size_t used;
};

static void *arena_take(void *ctx, size_t n)
{
    struct arena *a = ctx;
    void *p = a->room + a->used;
    a->used += (n + 7) & ~(size_t)7;
    return p;
}

/* Each tree written: dist_skip goes over exactly its bytes and says
 * whether it keeps state between draws (what lets a compiled profile's
 * reader share it); dist_read gives a tree that draws as the parsed one
 * (a replay's values in turn, a run's cached per element). */
static void test_skip_and_read(void)
{
    static const struct {
        const char *text;
        int state;
    } cases[] = {
        {"5", 0},
        {"uniform(1, 2)", 0},
        {"normal(20, 5) + spikes(0.3, lognormal(50, 0.8))", 0},
        {"mix(1: 2, 3: uniform(0, 4))", 0},
        {"episode(0.5, normal(3, 1))", 0},
        {"replay(1, 2, 3)", 1},
        {"3 + run(uniform(0, 10))", 1},
        {"mix(1: 2, 1: replay(7, 8))", 1},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        struct dist *parsed = parse_ok(cases[c].text);
        struct bytes_out o = {0};
        dist_write(&o, parsed);
        struct bytes_in in = {.start = o.buf, .p = o.buf, .end = o.buf + o.len, .fail = no_fail};
        int state = dist_skip(&in);
        check(in.p == in.end, "'%s': skipped %zu of its %zu bytes", cases[c].text,
              (size_t)(in.p - in.start), o.len);
        check(state == cases[c].state, "'%s': keeps state %d, not %d", cases[c].text, state,
              cases[c].state);
        struct arena a = {calloc(1, 1 << 16), 0};
        struct dist_alloc m = {arena_take, &a};
        in.p = in.start;
        struct dist *read = dist_read(&in, &m);
        check(in.p == in.end, "'%s': read all its bytes", cases[c].text);
        int same = 1;
        for (uint64_t draw = 0; draw < 20; draw++)
            for (uint64_t e = 1; e <= 2; e++)
                same &= dist_sample(read, 9, e, draw) == dist_sample(parsed, 9, e, draw);
        check(same, "'%s': read back, the same draws", cases[c].text);
        dist_free_state(read);
        free(a.room);
        bytes_free(&o);
        dist_free(parsed);
    }
}

static void test_uniform_range(void)
{
    struct dist *d = parse_ok("uniform(3, 8)");
    double low = 1e9, high = -1e9;
    for (uint64_t draw = 0; draw < 10000; draw++) {
        double v = dist_sample(d, 11, 1, draw);
        low = v < low ? v : low;
        high = v > high ? v : high;
    }
    check(low >= 3.0 && high <= 8.0, "uniform(3, 8) range [%g, %g]", low, high);
    check(low < 3.01 && high > 7.99, "uniform(3, 8) covers its range [%g, %g]", low, high);
    dist_free(d);
}

/* The sample mean over N draws must be within TOL of dist_mean. */
static void check_mean(const char *text, int n, double tol)
{
    struct dist *d = parse_ok(text);
    double total = 0.0;
    for (int i = 0; i < n; i++)
        total += dist_sample(d, 2024, 77, (uint64_t)i);
    double mean = total / n, want = dist_mean(d);
    check(fabs(mean - want) <= tol, "%s: sample mean %g, dist_mean %g", text, mean, want);
    dist_free(d);
}

static void test_means(void)
{
    check_mean("normal(10, 2)", 20000, 0.06);
    check_mean("uniform(2, 6)", 20000, 0.04);
    check_mean("mix(1: 10, 3: uniform(20, 30))", 20000, 0.25);
    check_mean("lognormal(10, 0.5)", 20000, 0.15);
    check_mean("1 + normal(5, 1) + uniform(0, 2)", 20000, 0.04);

    struct dist *d = parse_ok("lognormal(10, 0.5)");
    check(fabs(dist_mean(d) - 10.0 * exp(0.125)) < 1e-12, "lognormal mean formula");
    dist_free(d);
    d = parse_ok("mix(1: 10, 3: 20) + spikes(0.25, 8) + run(4)");
    check(fabs(dist_mean(d) - (17.5 + 2 + 4)) < 1e-12, "mix/spikes/run/sum mean");
    dist_free(d);
    /* a chance of 0 never draws its distribution, whose mean may overflow
     * (fuzz_dist found spikes(0, ... lognormal(.2, 5551)) meaning nan) */
    d = parse_ok("spikes(0, lognormal(.2, 5551)) + episode(0, lognormal(1, 40))");
    check(dist_mean(d) == 0.0, "chance 0: mean %g, not 0", dist_mean(d));
    dist_free(d);
}

static void test_normal_truncation(void)
{
    struct dist *d = parse_ok("normal(1, 5)");
    int zeros = 0, negative = 0;
    for (uint64_t draw = 0; draw < 10000; draw++) {
        double v = dist_sample(d, 8, 1, draw);
        zeros += v == 0.0;
        negative += v < 0.0;
    }
    /* P(N(1, 5) < 0) = P(Z < -0.2) = 0.42 */
    check(negative == 0 && zeros > 3900 && zeros < 4500, "normal clamps at 0 (%d zeros)", zeros);
    dist_free(d);
}

static void test_spikes_frequency(void)
{
    struct dist *d = parse_ok("spikes(0.2, 100)");
    int hits = 0;
    for (uint64_t draw = 0; draw < 20000; draw++)
        hits += dist_sample(d, 99, 3, draw) == 100.0;
    check(fabs(hits / 20000.0 - 0.2) < 0.015, "spikes(0.2): frequency %g", hits / 20000.0);
    dist_free(d);
}

static void test_rng(void)
{
    /* the first output of the reference SplitMix64 seeded with 0 */
    check(rng_mix64(UINT64_C(0x9e3779b97f4a7c15)) == UINT64_C(0xe220a8397b1dcdaf),
          "mix64 is the SplitMix64 finaliser");
    check(rng_mix64(0) == 0, "mix64 fixes 0");
    check(rng_hash3(1, 2, 3) != rng_hash3(3, 2, 1) && rng_hash3(1, 2, 3) != rng_hash3(2, 1, 3),
          "hash3 is order sensitive");
    struct rng_stream a = rng_stream_open(1, 2), b = rng_stream_open(1, 2);
    uint64_t first = rng_next_u64(&a);
    check(first == rng_next_u64(&b) && rng_next_u64(&a) != first, "stream repeats, advances");
    struct rng_stream s = rng_stream_open(5, 6);
    int in_range = 1;
    for (int i = 0; i < 1000; i++) {
        double u = rng_next_unit(&s);
        in_range &= u >= 0.0 && u < 1.0;
    }
    check(in_range, "rng_next_unit in [0, 1)");
    check(rng_fresh_seed() != rng_fresh_seed(), "fresh seeds differ");
}

/* Exact bits recorded on x86_64 (gcc and clang, -O0 to -O3 -march=native).
 * Another machine or compiler must give the same: if one of these fails,
 * the same --seed no longer gives the same output everywhere. */
static void test_golden_values(void)
{
    struct rng_stream s = rng_stream_open(42, 7);
    check(rng_hash3(1, 2, 3) == UINT64_C(0x6d9e05a17777084b), "golden hash3");
    check(rng_next_u64(&s) == UINT64_C(0x27b83ba71a34678d), "golden stream draw");
    static const struct {
        const char *text;
        double draw0, draw1;
    } cases[] = {
        {"normal(20, 5)", 0x1.b0f9d34101db8p+4, 0x1.88ad778468df5p+4},
        {"lognormal(50, 0.8)", 0x1.357db1951e4f8p+7, 0x1.9dae2720c6628p+6},
        {"uniform(1, 2)", 0x1.a7d9d0cad2bfp+0, 0x1.5c874d8d0a8cfp+0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct dist *d = parse_ok(cases[i].text);
        double v0 = dist_sample(d, 42, 7, 0), v1 = dist_sample(d, 42, 7, 1);
        check(v0 == cases[i].draw0 && v1 == cases[i].draw1, "golden %s: got %a %a",
              cases[i].text, v0, v1);
        dist_free(d);
    }
}

int main(void)
{
    test_parse_errors();
    test_nesting_limit();
    test_accepted_syntax();
    test_exact_values();
    test_determinism();
    test_order_independence();
    test_run_cache();
    test_skip_and_read();
    test_uniform_range();
    test_means();
    test_normal_truncation();
    test_spikes_frequency();
    test_rng();
    test_golden_values();
    dist_free(NULL);
    return check_report();
}
