/* dist.c - see dist.h.
 *
 * Reproducibility: a sample must be the same double on every machine.  The
 * uniforms come from rng.c (integer only, exact conversion); log, cos and
 * exp come from pmath.c, which computes them from + - * / only (see there
 * why, and the build conditions; the pragma below is one of them). */
#define _POSIX_C_SOURCE 200809L
#include "model/dist.h"

#include "base/bytes.h"
#include "base/pmath.h"
#include "base/rng.h"
#include "base/util.h" /* EXIT_SETUP only: this file links without util.c */

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

enum dist_kind {
    DIST_CONST,     /* a */
    DIST_UNIFORM,   /* a .. b */
    DIST_NORMAL,    /* mean a, standard deviation b */
    DIST_LOGNORMAL, /* median a, sigma b */
    DIST_SPIKES,    /* probability a of kids[0] */
    DIST_MIX,       /* kids[i] with weight numbers[i] */
    DIST_REPLAY,    /* numbers[] in order */
    DIST_RUN,       /* kids[0], once per element per run */
    DIST_EPISODE,   /* with probability a per element per run, kids[0] per draw */
    DIST_SUM        /* kids[] added */
};

/* One cached 'run' value: open addressing, keyed by (seed, element). */
struct run_slot {
    uint64_t seed;
    uint64_t element;
    double value;
    bool used;
};

struct dist {
    enum dist_kind kind;
    uint64_t index; /* unique in the tree: gives the node its own draws */
    double a, b;
    struct dist **kids;
    size_t nkids;
    double *numbers; /* mix weights (one per kid) or replay values */
    size_t nnumbers;
    double weight_total;       /* mix */
    size_t replay_count;       /* replay: samples taken this run */
    struct run_slot *slots;    /* run: cache, capacity a power of two */
    size_t nslots, slots_used; /* run */
};

/* Deeper nesting is surely a mistake, and would let a profile exhaust the
 * stack of this recursive parser. */
#define MAX_DEPTH 50

/* Quoted excerpts of the value in messages are cut to this many bytes. */
#define EXCERPT_MAX 40

/* Draw index for the single draw a 'run' makes per element.  Any constant
 * will do: the nodes below a 'run' are sampled only through it, and their
 * tree indices keep their streams apart from everything else. */
#define RUN_DRAW 0

/* ---- allocation --------------------------------------------------------- */

/* Like util.c's erealloc, repeated here so dist.c and rng.c link alone (the
 * unit test builds them without the rest of common/). */
static void *checked_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("out of memory\n", stderr);
        exit(EXIT_SETUP);
    }
    return q;
}

/* Box-Muller: one standard normal from two uniforms.  1 - u is in (0, 1],
 * so the log is finite. */
static double standard_normal(struct rng_stream *s)
{
    double u1 = rng_next_unit(s);
    double u2 = rng_next_unit(s);
    return sqrt(-2.0 * portable_log(1.0 - u1)) * cos_two_pi(u2);
}

/* ---- tree building ----------------------------------------------------- */

struct parser {
    const char *text; /* the whole value, for excerpts in messages */
    const char *p;    /* next unread byte */
    uint64_t next_index;
    int depth;
    char *err;
    size_t errlen;
};

static struct dist *new_node(struct parser *ps, enum dist_kind kind)
{
    struct dist *d = checked_realloc(NULL, sizeof *d);
    memset(d, 0, sizeof *d);
    d->kind = kind;
    d->index = ps->next_index++;
    return d;
}

static void add_kid(struct dist *d, struct dist *kid)
{
    d->kids = checked_realloc(d->kids, (d->nkids + 1) * sizeof *d->kids);
    d->kids[d->nkids++] = kid;
}

static void add_number(struct dist *d, double v)
{
    d->numbers = checked_realloc(d->numbers, (d->nnumbers + 1) * sizeof *d->numbers);
    d->numbers[d->nnumbers++] = v;
}

void dist_free(struct dist *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nkids; i++)
        dist_free(d->kids[i]);
    free(d->kids);
    free(d->numbers);
    free(d->slots);
    free(d);
}

/* ---- parser: messages --------------------------------------------------- */

/* Writes the message (the first error wins; later ones are consequences).
 * Returns NULL so that callers can 'return fail(...)'. */
__attribute__((format(printf, 2, 3)))
static struct dist *fail(struct parser *ps, const char *fmt, ...)
{
    if (ps->err && ps->errlen && !ps->err[0]) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(ps->err, ps->errlen, fmt, ap);
        va_end(ap);
    }
    return NULL;
}

/* [start, end) without surrounding blanks, cut to its last EXCERPT_MAX bytes
 * (the end is where the problem is).  Sets *len, returns the start and says
 * in *cut whether it was shortened. */
static const char *excerpt(const char *start, const char *end, int *len, bool *cut)
{
    while (start < end && isspace((unsigned char)*start))
        start++;
    while (end > start && isspace((unsigned char)end[-1]))
        end--;
    *cut = end - start > EXCERPT_MAX;
    if (*cut)
        start = end - EXCERPT_MAX;
    *len = (int)(end - start);
    return start;
}

/* "expected WHAT after 'the value up to here'", or, when nothing precedes,
 * "expected WHAT, found 'the next word'" (a word rather than one byte,
 * which could be half of a UTF-8 character). */
static struct dist *fail_expected(struct parser *ps, const char *what)
{
    int len;
    bool cut;
    const char *s = excerpt(ps->text, ps->p, &len, &cut);
    if (len > 0)
        return fail(ps, "expected %s after '%s%.*s'", what, cut ? "..." : "", len, s);
    size_t found = strcspn(ps->p, " \t\r\n");
    found = found > EXCERPT_MAX ? EXCERPT_MAX : found;
    return fail(ps, "expected %s, found '%.*s'", what, (int)found, ps->p);
}

/* ---- parser: tokens ------------------------------------------------------ */

static void skip_space(struct parser *ps)
{
    while (isspace((unsigned char)*ps->p))
        ps->p++;
}

static bool expect(struct parser *ps, char c)
{
    skip_space(ps);
    if (*ps->p == c) {
        ps->p++;
        return true;
    }
    char what[4] = {'\'', c, '\'', '\0'};
    fail_expected(ps, what);
    return false;
}

static bool is_word_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '.';
}

/* Length of a plain decimal at S: [-] digits [. digits] [e [+-] digits],
 * with at least one mantissa digit; 0 if there is none.  Scanned here
 * because strtod would also take hex, inf and nan. */
static size_t decimal_length(const char *s)
{
    const char *p = s + (*s == '-');
    size_t digits = 0;
    for (; isdigit((unsigned char)*p); p++)
        digits++;
    if (*p == '.')
        for (p++; isdigit((unsigned char)*p); p++)
            digits++;
    if (digits == 0)
        return 0;
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        q += (*q == '+' || *q == '-');
        if (isdigit((unsigned char)*q)) {
            while (isdigit((unsigned char)*q))
                q++;
            p = q;
        }
    }
    return (size_t)(p - s);
}

/* Extent of what the user meant as one number ("0x10", "1.2.3", "nan"),
 * for the message when it is not a plain decimal. */
static size_t word_length(const char *s)
{
    const char *p = s + (*s == '-');
    while (is_word_char(*p) || (p > s && (*p == '+' || *p == '-') && strchr("eE", p[-1])))
        p++;
    return (size_t)(p - s);
}

/* A number token: its value and its text as written, for messages. */
struct number {
    double value;
    const char *text;
    int len;
};

/* strtod is only asked to read what decimal_length accepted, and must read
 * all of it: under a locale whose decimal point is not '.', that fails
 * loudly instead of silently reading '0.5' as 0. */
static bool parse_number(struct parser *ps, struct number *num)
{
    skip_space(ps);
    const char *start = ps->p;
    size_t n = decimal_length(start), word = word_length(start);
    if (word == 0 && n == 0) {
        fail_expected(ps, "a number");
        return false;
    }
    char *end = NULL;
    double v = 0.0;
    if (n && !is_word_char(start[n])) {
        errno = 0;
        v = strtod(start, &end);
    }
    if (end != start + n) {
        fail(ps, "bad number '%.*s'", (int)(word > n ? word : n), start);
        return false;
    }
    if (errno == ERANGE && fabs(v) > 1.0) {
        fail(ps, "number %.*s is out of range", (int)n, start);
        return false;
    }
    ps->p += n;
    *num = (struct number){v == 0.0 ? 0.0 : v, start, (int)n}; /* no -0 */
    return true;
}

/* A number that must be >= 0; WHAT names it in the message. */
static bool parse_nonnegative(struct parser *ps, const char *what, double *out)
{
    struct number num;
    if (!parse_number(ps, &num))
        return false;
    if (num.value < 0.0) {
        fail(ps, "%s %.*s is negative", what, num.len, num.text);
        return false;
    }
    *out = num.value;
    return true;
}

/* ---- parser: grammar ------------------------------------------------------ */

static struct dist *parse_sum(struct parser *ps);

/* Each parses the arguments after 'name(' up to and including the ')'.
 * START points at the name, for messages quoting the whole term. */
typedef struct dist *parse_args_fn(struct parser *ps, const char *start);

static struct dist *parse_const(struct parser *ps, const char *start)
{
    (void)start;
    double v;
    if (!parse_nonnegative(ps, "const value", &v) || !expect(ps, ')'))
        return NULL;
    struct dist *d = new_node(ps, DIST_CONST);
    d->a = v;
    return d;
}

static struct dist *parse_uniform(struct parser *ps, const char *start)
{
    double low, high;
    if (!parse_nonnegative(ps, "uniform bound", &low) || !expect(ps, ',')
        || !parse_nonnegative(ps, "uniform bound", &high) || !expect(ps, ')'))
        return NULL;
    if (low > high)
        return fail(ps, "%.*s: low bound above high bound", (int)(ps->p - start), start);
    struct dist *d = new_node(ps, DIST_UNIFORM);
    d->a = low;
    d->b = high;
    return d;
}

/* normal and lognormal share the shape: two non-negative numbers. */
static struct dist *parse_two_numbers(struct parser *ps, enum dist_kind kind,
                                      const char *first, const char *second)
{
    double a, b;
    if (!parse_nonnegative(ps, first, &a) || !expect(ps, ',')
        || !parse_nonnegative(ps, second, &b) || !expect(ps, ')'))
        return NULL;
    struct dist *d = new_node(ps, kind);
    d->a = a;
    d->b = b;
    return d;
}

static struct dist *parse_normal(struct parser *ps, const char *start)
{
    (void)start;
    return parse_two_numbers(ps, DIST_NORMAL, "normal mean", "normal standard deviation");
}

static struct dist *parse_lognormal(struct parser *ps, const char *start)
{
    (void)start;
    return parse_two_numbers(ps, DIST_LOGNORMAL, "lognormal median", "lognormal sigma");
}

/* A KIND node over KID (which it takes over), once the ')' after KID is read. */
static struct dist *wrap_one(struct parser *ps, enum dist_kind kind, struct dist *kid)
{
    if (!kid)
        return NULL;
    if (!expect(ps, ')')) {
        dist_free(kid);
        return NULL;
    }
    struct dist *d = new_node(ps, kind);
    add_kid(d, kid);
    return d;
}

/* 'P, dist)': spikes and episode share their arguments. */
static struct dist *parse_chance(struct parser *ps, enum dist_kind kind, const char *name)
{
    struct number p;
    if (!parse_number(ps, &p))
        return NULL;
    if (p.value < 0.0 || p.value > 1.0)
        return fail(ps, "%s probability %.*s is not between 0 and 1", name, p.len, p.text);
    if (!expect(ps, ','))
        return NULL;
    struct dist *d = wrap_one(ps, kind, parse_sum(ps));
    if (d)
        d->a = p.value;
    return d;
}

static struct dist *parse_spikes(struct parser *ps, const char *start)
{
    (void)start;
    return parse_chance(ps, DIST_SPIKES, "spikes");
}

static struct dist *parse_episode(struct parser *ps, const char *start)
{
    (void)start;
    return parse_chance(ps, DIST_EPISODE, "episode");
}

static struct dist *parse_run(struct parser *ps, const char *start)
{
    (void)start;
    return wrap_one(ps, DIST_RUN, parse_sum(ps));
}

/* Reads ',' (more to come: true) or ')' (done: false, *ok stays true). */
static bool another_item(struct parser *ps, bool *ok)
{
    skip_space(ps);
    if (*ps->p == ',') {
        ps->p++;
        return true;
    }
    *ok = expect(ps, ')');
    return false;
}

/* One 'W : dist' branch of a mix. */
static bool parse_branch(struct parser *ps, struct dist *mix)
{
    double weight;
    if (!parse_nonnegative(ps, "mix weight", &weight) || !expect(ps, ':'))
        return false;
    struct dist *kid = parse_sum(ps);
    if (!kid)
        return false;
    add_kid(mix, kid);
    add_number(mix, weight);
    mix->weight_total += weight;
    return true;
}

static struct dist *parse_mix(struct parser *ps, const char *start)
{
    (void)start;
    struct dist *d = new_node(ps, DIST_MIX);
    bool ok = true, more = true;
    while (ok && more) {
        ok = parse_branch(ps, d);
        more = ok && another_item(ps, &ok);
    }
    if (ok && !(d->weight_total > 0.0))
        fail(ps, "mix weights sum to 0");
    else if (ok && isinf(d->weight_total))
        fail(ps, "mix weights are too large");
    else if (ok)
        return d;
    dist_free(d);
    return NULL;
}

static struct dist *parse_replay(struct parser *ps, const char *start)
{
    (void)start;
    struct dist *d = new_node(ps, DIST_REPLAY);
    bool ok = true, more = true;
    while (ok && more) {
        double v;
        ok = parse_nonnegative(ps, "replay value", &v);
        if (ok)
            add_number(d, v);
        more = ok && another_item(ps, &ok);
    }
    if (ok)
        return d;
    dist_free(d);
    return NULL;
}

static const struct {
    const char *name; /* canonical lowercase; matched case-insensitively */
    parse_args_fn *parse_args;
} distributions[] = {
    {"const", parse_const},   {"uniform", parse_uniform}, {"normal", parse_normal},
    {"lognormal", parse_lognormal}, {"spikes", parse_spikes}, {"mix", parse_mix},
    {"replay", parse_replay}, {"run", parse_run}, {"episode", parse_episode},
};

static parse_args_fn *find_distribution(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof distributions / sizeof distributions[0]; i++)
        if (strlen(distributions[i].name) == len
            && strncasecmp(distributions[i].name, name, len) == 0)
            return distributions[i].parse_args;
    return NULL;
}

/* 'name(' args ')' */
static struct dist *parse_named(struct parser *ps)
{
    const char *start = ps->p;
    while (isalnum((unsigned char)*ps->p) || *ps->p == '_')
        ps->p++;
    size_t len = (size_t)(ps->p - start);
    parse_args_fn *parse_args = find_distribution(start, len);
    if (!parse_args)
        return fail(ps, "unknown distribution '%.*s'", (int)len, start);
    if (!expect(ps, '('))
        return NULL;
    return parse_args(ps, start);
}

/* A bare number V means const(V). */
static struct dist *parse_bare_number(struct parser *ps)
{
    double v;
    if (!parse_nonnegative(ps, "value", &v))
        return NULL;
    struct dist *d = new_node(ps, DIST_CONST);
    d->a = v;
    return d;
}

static struct dist *parse_term(struct parser *ps)
{
    skip_space(ps);
    char c = *ps->p;
    if (isalpha((unsigned char)c))
        return parse_named(ps);
    if (isdigit((unsigned char)c) || c == '.' || c == '-')
        return parse_bare_number(ps);
    return fail_expected(ps, "a distribution");
}

/* term { '+' term }.  A single term is returned as is, without a sum node. */
static struct dist *parse_sum_terms(struct parser *ps)
{
    struct dist *first = parse_term(ps);
    if (!first)
        return NULL;
    skip_space(ps);
    if (*ps->p != '+')
        return first;
    struct dist *sum = new_node(ps, DIST_SUM);
    add_kid(sum, first);
    while (*ps->p == '+') {
        ps->p++;
        struct dist *kid = parse_term(ps);
        if (!kid) {
            dist_free(sum);
            return NULL;
        }
        add_kid(sum, kid);
        skip_space(ps);
    }
    return sum;
}

static struct dist *parse_sum(struct parser *ps)
{
    if (ps->depth >= MAX_DEPTH)
        return fail(ps, "nested deeper than %d levels", MAX_DEPTH);
    ps->depth++;
    struct dist *d = parse_sum_terms(ps);
    ps->depth--;
    return d;
}

/* "trailing text 'xyz'", cut at the end if long: its start is what matters. */
static struct dist *fail_trailing(struct parser *ps)
{
    size_t len = strlen(ps->p);
    while (len && isspace((unsigned char)ps->p[len - 1]))
        len--;
    bool cut = len > EXCERPT_MAX;
    return fail(ps, "trailing text '%.*s%s'", (int)(cut ? EXCERPT_MAX : len), ps->p,
                cut ? "..." : "");
}

static bool is_blank(const char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    return *s == '\0';
}

struct dist *dist_parse(const char *text, char *err, size_t errlen)
{
    struct parser ps = {text, text, 0, 0, err, errlen};
    if (err && errlen)
        err[0] = '\0';
    if (!text || is_blank(text))
        return fail(&ps, "empty value");
    struct dist *d = parse_sum(&ps);
    skip_space(&ps);
    if (d && *ps.p) {
        dist_free(d);
        return fail_trailing(&ps);
    }
    return d;
}

/* ---- sampling ------------------------------------------------------------- */

static double sample_node(struct dist *d, uint64_t seed, uint64_t element, uint64_t draw);

/* Returns the first value in the run; later samples repeat the last one. */
static double next_replay_value(struct dist *d)
{
    if (d->replay_count < d->nnumbers - 1)
        return d->numbers[d->replay_count++];
    return d->numbers[d->nnumbers - 1];
}

/* One uniform picks a branch in proportion to the weights.  The running
 * sum repeats the additions that made weight_total, so the last branch
 * with a positive weight ends exactly at the total; zero weights are never
 * picked. */
static struct dist *pick_branch(const struct dist *d, double u)
{
    double target = u * d->weight_total, cumulative = 0.0;
    size_t last_positive = 0;
    for (size_t i = 0; i < d->nkids; i++) {
        if (d->numbers[i] <= 0.0)
            continue;
        cumulative += d->numbers[i];
        last_positive = i;
        if (target < cumulative)
            return d->kids[i];
    }
    return d->kids[last_positive]; /* u * total rounded up to the total */
}

static size_t run_slot_home(const struct dist *d, uint64_t seed, uint64_t element)
{
    return (size_t)(rng_hash3(seed, element, 0) & (d->nslots - 1));
}

/* The slot holding (seed, element), or the empty slot where it belongs. */
static struct run_slot *run_slot_probe(const struct dist *d, uint64_t seed, uint64_t element)
{
    size_t i = run_slot_home(d, seed, element);
    while (d->slots[i].used && (d->slots[i].seed != seed || d->slots[i].element != element))
        i = (i + 1) & (d->nslots - 1);
    return &d->slots[i];
}

/* Keeps the table at most half full, so probes stay short and end. */
static void run_slots_reserve(struct dist *d)
{
    if (2 * (d->slots_used + 1) <= d->nslots)
        return;
    struct run_slot *old = d->slots;
    size_t old_n = d->nslots;
    d->nslots = old_n ? 2 * old_n : 16;
    d->slots = checked_realloc(NULL, d->nslots * sizeof *d->slots);
    memset(d->slots, 0, d->nslots * sizeof *d->slots);
    for (size_t i = 0; i < old_n; i++)
        if (old[i].used)
            *run_slot_probe(d, old[i].seed, old[i].element) = old[i];
    free(old);
}

/* The cache is keyed by seed too, so a caller that changes seed without
 * dist_reset_run still gets values that depend on the seed.  The cached draw
 * is sampled at RUN_DRAW, whatever the draw that first asked for it. */
static double run_value(struct dist *d, uint64_t seed, uint64_t element)
{
    if (d->nslots) {
        struct run_slot *slot = run_slot_probe(d, seed, element);
        if (slot->used)
            return slot->value;
    }
    double v = sample_node(d->kids[0], seed, element, RUN_DRAW);
    run_slots_reserve(d);
    *run_slot_probe(d, seed, element) = (struct run_slot){seed, element, v, true};
    d->slots_used++;
    return v;
}

static double sample_sum(struct dist *d, uint64_t seed, uint64_t element, uint64_t draw)
{
    double total = 0.0;
    for (size_t i = 0; i < d->nkids; i++)
        total += sample_node(d->kids[i], seed, element, draw);
    return total;
}

/* Each node draws from its own stream, named by (element, draw, node index):
 * a draw depends on nothing else, whatever else was sampled before. */
static double sample_node(struct dist *d, uint64_t seed, uint64_t element, uint64_t draw)
{
    struct rng_stream s = rng_stream_open(seed, rng_hash3(element, draw, d->index));
    switch (d->kind) {
    case DIST_CONST:
        return d->a;
    case DIST_UNIFORM:
        return d->a + (d->b - d->a) * rng_next_unit(&s);
    case DIST_NORMAL:
        return fmax(0.0, d->a + d->b * standard_normal(&s)); /* clamp, not resample */
    case DIST_LOGNORMAL:
        /* median 0 stays 0 even where exp overflows (0 * inf is nan) */
        return d->a == 0.0 ? 0.0 : d->a * portable_exp(d->b * standard_normal(&s));
    case DIST_SPIKES:
        return rng_next_unit(&s) < d->a ? sample_node(d->kids[0], seed, element, draw) : 0.0;
    case DIST_MIX:
        return sample_node(pick_branch(d, rng_next_unit(&s)), seed, element, draw);
    case DIST_REPLAY:
        return next_replay_value(d);
    case DIST_RUN:
        return run_value(d, seed, element);
    case DIST_EPISODE: {
        /* Whether this run is in an episode depends on the run only. */
        struct rng_stream gate = rng_stream_open(seed, rng_hash3(element, RUN_DRAW, d->index));
        return rng_next_unit(&gate) < d->a ? sample_node(d->kids[0], seed, element, draw) : 0.0;
    }
    case DIST_SUM:
        return sample_sum(d, seed, element, draw);
    }
    return 0.0;
}

double dist_sample(struct dist *d, uint64_t seed, uint64_t element, uint64_t draw)
{
    if (!d)
        return 0.0;
    double v = sample_node(d, seed, element, draw);
    return v > 0.0 ? v : 0.0; /* also turns a nan into 0 */
}

void dist_reset_run(struct dist *d)
{
    if (!d)
        return;
    d->replay_count = 0;
    if (d->slots)
        memset(d->slots, 0, d->nslots * sizeof *d->slots);
    d->slots_used = 0;
    for (size_t i = 0; i < d->nkids; i++)
        dist_reset_run(d->kids[i]);
}

/* ---- mean ---------------------------------------------------------------- */

static double mean_of_numbers(const double *v, size_t n)
{
    double total = 0.0;
    for (size_t i = 0; i < n; i++)
        total += v[i];
    return n ? total / (double)n : 0.0;
}

static double mean_of_mix(const struct dist *d)
{
    double total = 0.0;
    for (size_t i = 0; i < d->nkids; i++)
        if (d->numbers[i] > 0.0)
            total += d->numbers[i] * dist_mean(d->kids[i]);
    return total / d->weight_total;
}

double dist_mean(const struct dist *d)
{
    if (!d)
        return 0.0;
    switch (d->kind) {
    case DIST_CONST: return d->a;
    case DIST_UNIFORM: return (d->a + d->b) / 2.0;
    case DIST_NORMAL: return d->a; /* the truncation at 0 is ignored */
    case DIST_LOGNORMAL: /* as in sampling: median 0 stays 0, not 0 * inf */
        return d->a == 0.0 ? 0.0 : d->a * portable_exp(d->b * d->b / 2.0);
    case DIST_SPIKES: /* as in sampling: chance 0 never draws, not 0 * inf */
    case DIST_EPISODE: return d->a == 0.0 ? 0.0 : d->a * dist_mean(d->kids[0]);
    case DIST_MIX: return mean_of_mix(d);
    case DIST_REPLAY: return mean_of_numbers(d->numbers, d->nnumbers);
    case DIST_RUN: return dist_mean(d->kids[0]);
    case DIST_SUM: {
        double total = 0.0;
        for (size_t i = 0; i < d->nkids; i++)
            total += dist_mean(d->kids[i]);
        return total;
    }
    }
    return 0.0;
}

/* ---- compiled profiles ------------------------------------------------------ */

void dist_write(struct bytes_out *o, const struct dist *d)
{
    bytes_put_u8(o, d->kind);
    bytes_put_u64(o, d->index);
    bytes_put_f64(o, d->a);
    bytes_put_f64(o, d->b);
    bytes_put_u32(o, (uint32_t)d->nnumbers);
    for (size_t i = 0; i < d->nnumbers; i++)
        bytes_put_f64(o, d->numbers[i]);
    bytes_put_u32(o, (uint32_t)d->nkids);
    for (size_t i = 0; i < d->nkids; i++)
        dist_write(o, d->kids[i]);
}

/* A node's smallest encoding: kind, index, a, b and the two counts. */
#define NODE_MIN_BYTES (1 + 8 + 8 + 8 + 4 + 4)

/* The children and numbers the sampler takes for granted, by kind (a
 * replay without values, a run without its child would be read out of
 * bounds). */
static bool shape_ok(const struct dist *d)
{
    switch (d->kind) {
    case DIST_CONST: case DIST_UNIFORM: case DIST_NORMAL: case DIST_LOGNORMAL:
        return d->nkids == 0 && d->nnumbers == 0;
    case DIST_SPIKES: case DIST_RUN: case DIST_EPISODE:
        return d->nkids == 1 && d->nnumbers == 0;
    case DIST_MIX:
        return d->nkids >= 1 && d->nnumbers == d->nkids;
    case DIST_REPLAY:
        return d->nkids == 0 && d->nnumbers >= 1;
    case DIST_SUM:
        return d->nkids >= 1 && d->nnumbers == 0;
    }
    return false;
}

/* The checks of a node read so far (kind, counts) in the order read_node
 * and skip_node both make them, so that either fails first where the
 * other would: a parse nests a sum and a term a level, so twice its depth
 * bounds a tree. */
static void check_depth(struct bytes_in *in, int depth)
{
    if (depth > 2 * MAX_DEPTH + 2)
        bytes_fail(in, "a distribution nested too deep");
}

static void check_shape(struct bytes_in *in, const struct dist *d)
{
    if (!shape_ok(d))
        bytes_fail(in, "a distribution node without the parts its kind needs");
}

static struct dist *read_node(struct bytes_in *in, const struct dist_alloc *m, int depth)
{
    check_depth(in, depth);
    struct dist *d = m->take(m->ctx, sizeof *d);
    memset(d, 0, sizeof *d);
    d->kind = (enum dist_kind)bytes_get_enum(in, DIST_SUM + 1, "distribution kind");
    d->index = bytes_get_u64(in);
    d->a = bytes_get_f64(in);
    d->b = bytes_get_f64(in);
    d->nnumbers = bytes_get_count(in, 8);
    d->numbers = d->nnumbers ? m->take(m->ctx, d->nnumbers * sizeof *d->numbers) : NULL;
    for (size_t i = 0; i < d->nnumbers; i++)
        d->numbers[i] = bytes_get_f64(in);
    size_t nkids = bytes_get_count(in, NODE_MIN_BYTES);
    d->kids = nkids ? m->take(m->ctx, nkids * sizeof *d->kids) : NULL;
    for (; d->nkids < nkids; d->nkids++)
        d->kids[d->nkids] = read_node(in, m, depth + 1);
    check_shape(in, d);
    for (size_t i = 0; d->kind == DIST_MIX && i < d->nnumbers; i++)
        d->weight_total += d->numbers[i]; /* as parse_branch adds them */
    return d;
}

struct dist *dist_read(struct bytes_in *in, const struct dist_alloc *m)
{
    return read_node(in, m, 0);
}

/* read_node's reads and checks without the tree: 1 if a node keeps
 * state from draw to draw (replay's position, run's cache). */
static int skip_node(struct bytes_in *in, int depth)
{
    check_depth(in, depth);
    /* Most nodes are a leaf without numbers (const, uniform, normal,
     * lognormal): kind, index, a, b and two zero counts, checked in one
     * go; they pass every check below. */
    const uint8_t *p = in->p;
    if (bytes_left(in) >= NODE_MIN_BYTES && p[0] <= DIST_LOGNORMAL &&
        bytes_load_u32(p + 25) == 0 && bytes_load_u32(p + 29) == 0) {
        in->p += NODE_MIN_BYTES;
        return 0;
    }
    struct dist d = {.kind = (enum dist_kind)bytes_get_enum(in, DIST_SUM + 1,
                                                            "distribution kind")};
    for (int i = 0; i < 3; i++)
        bytes_get(in, 8); /* index, a, b: one by one, failing where read_node would */
    d.nnumbers = bytes_get_count(in, 8);
    bytes_get(in, d.nnumbers * 8);
    d.nkids = bytes_get_count(in, NODE_MIN_BYTES);
    int state = d.kind == DIST_REPLAY || d.kind == DIST_RUN;
    for (size_t i = 0; i < d.nkids; i++)
        state |= skip_node(in, depth + 1);
    check_shape(in, &d);
    return state;
}

int dist_skip(struct bytes_in *in)
{
    return skip_node(in, 0);
}

void dist_free_state(struct dist *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nkids; i++)
        dist_free_state(d->kids[i]);
    free(d->slots);
    d->slots = NULL;
    d->nslots = d->slots_used = 0;
}
