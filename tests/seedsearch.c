/* seedsearch - test helper: runs tracert's core in-process over many seeds.
 *
 *   netmimic-seedsearch [ext options] [-h N] [-d] --expect FILE [--max N] TARGET
 *       prints the first seed in [0, N) (default 100000) whose trace is
 *       byte for byte FILE (console form); exit 1 if there is none.
 *   netmimic-seedsearch [ext options] [-h N] --calibrate FILE [--runs N]
 *                       [--middle HOP=MS] TARGET
 *       for seeds 0..N-1 (default 500) takes each hop's median displayed RTT
 *       and compares it with the middle of FILE's three values for that hop:
 *       within 1 ms, or 2 ms where the document's value is 50 ms or more.
 *       --middle replaces the document's middle value for one hop.  Prints a
 *       line per hop; exit 1 if any hop is off.
 *
 * With --ping the run is ping's (4 echoes of 32 bytes, TTL 128), with
 * --pathping pathping's (100 queries 250 ms apart), instead of tracert's.
 *   netmimic-seedsearch [ext options] --rates FILE [--runs N] TARGET
 *       for tuning distributions: how often each line of FILE comes out
 *       exactly, over seeds 0..N-1.
 *
 * Latencies are drawn, not pinned: this is how the tests find the seed that
 * reproduces a document's block, and check that the distributions are
 * centred where the document's values are. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "runs/pathrun.h"
#include "runs/pingrun.h"
#include "model/resolve.h"
#include "runs/trace.h"
#include "base/util.h"

#define MAX_HOPS_TRACKED 64
#define MAX_OVERRIDES 8

struct options {
    struct ext_opts ext;
    const char *target, *expect, *calibrate, *rates;
    unsigned max_hops;
    int no_resolve;
    uint64_t max_seed, runs;
    int override_hop[MAX_OVERRIDES];
    double override_ms[MAX_OVERRIDES];
    size_t noverrides;
};

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die(2, "cannot read %s", path);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        fwrite(chunk, 1, n, mem);
    fclose(f);
    fclose(mem);
    return buf;
}

static int as_ping;     /* --ping: render ping runs */
static int as_pathping; /* --pathping: render pathping runs */
static const struct run *the_run; /* for pathping's hop 0 */

/* Renders one run with SEED into a new string. */
static char *render(struct engine *e, const struct trace_request *req, uint64_t seed)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    struct out o;
    out_init(&o, mem, 0);
    engine_reseed(e, seed);
    if (as_pathping) {
        const struct device *h = &the_run->net.devices[the_run->host];
        struct pathping_request p = {.target = req->target,
                                     .host_name = h->nnames ? h->names[0] : NULL,
                                     .host_addr = e->src_addr, .max_hops = req->max_hops,
                                     .period_ms = 250, .queries = 100, .timeout_ms = 3000,
                                     .resolve_names = req->resolve_names, .source_is_ours = 1};
        pathping_run(e, &o, &p);
    } else if (as_ping) {
        struct ping_request p = {.target = req->target, .count = 4,
                                 .size = 32, .ttl = 128, .timeout_ms = 4000};
        ping_run(e, &o, &p);
    } else {
        trace_run(e, &o, req);
    }
    fclose(mem);
    return buf;
}

/* The displayed RTTs of one hop line: <1 counts 0, '*' is skipped.
 * Returns the hop number, or 0 for a line that is not a hop with values. */
static unsigned hop_values(const char *line, double *v, int *nv)
{
    *nv = 0;
    if (strlen(line) < 32 || line[3] != ' ' || line[4] != ' ')
        return 0;
    unsigned hop = (unsigned)strtoul(line, NULL, 10);
    for (int p = 0; p < TRACE_PROBES_PER_HOP; p++) {
        const char *field = line + 5 + 9 * p;
        if (strncmp(field, "  <1 ms", 7) == 0)
            v[(*nv)++] = 0;
        else if (strncmp(field + 5, "ms", 2) == 0)
            v[(*nv)++] = strtod(field, NULL);
    }
    return hop;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct hop_samples {
    double *v;
    size_t n, cap;
};

static void collect(const char *text, struct hop_samples *hops)
{
    char *copy = estrdup(text), *save = NULL;
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        double v[TRACE_PROBES_PER_HOP];
        int nv;
        unsigned hop = hop_values(line, v, &nv);
        if (hop == 0 || hop >= MAX_HOPS_TRACKED)
            continue;
        for (int i = 0; i < nv; i++) {
            hops[hop].v = grow(hops[hop].v, hops[hop].n, &hops[hop].cap, sizeof(double));
            hops[hop].v[hops[hop].n++] = v[i];
        }
    }
    free(copy);
}

static int find_seed(struct engine *e, const struct trace_request *req, const struct options *o)
{
    char *want = read_file(o->expect);
    for (uint64_t seed = 0; seed < o->max_seed; seed++) {
        char *got = render(e, req, seed);
        int same = strcmp(got, want) == 0;
        free(got);
        if (same) {
            printf("%llu\n", (unsigned long long)seed);
            free(want);
            return 0;
        }
    }
    free(want);
    fprintf(stderr, "no seed below %llu reproduces %s\n", (unsigned long long)o->max_seed,
            o->expect);
    return 1;
}

static double document_middle(const struct options *o, unsigned hop, struct hop_samples *doc)
{
    for (size_t i = 0; i < o->noverrides; i++)
        if (o->override_hop[i] == (int)hop)
            return o->override_ms[i];
    return median(doc[hop].v, doc[hop].n);
}

static int calibrate(struct engine *e, const struct trace_request *req, const struct options *o)
{
    struct hop_samples doc[MAX_HOPS_TRACKED] = {{0}}, sim[MAX_HOPS_TRACKED] = {{0}};
    char *want = read_file(o->calibrate);
    collect(want, doc);
    free(want);
    for (uint64_t seed = 0; seed < o->runs; seed++) {
        char *got = render(e, req, seed);
        collect(got, sim);
        free(got);
    }
    int failures = 0;
    for (unsigned hop = 1; hop < MAX_HOPS_TRACKED; hop++) {
        if (!doc[hop].n)
            continue;
        double middle = document_middle(o, hop, doc);
        double tolerance = middle >= 50 ? 2 : 1;
        double m = sim[hop].n ? median(sim[hop].v, sim[hop].n) : -1000;
        int ok = m >= middle - tolerance && m <= middle + tolerance;
        failures += !ok;
        printf("hop %u: document %.0f, median of %zu probes %.1f: %s\n", hop, middle,
               sim[hop].n, m, ok ? "ok" : "OFF");
    }
    for (unsigned hop = 0; hop < MAX_HOPS_TRACKED; hop++) {
        free(doc[hop].v);
        free(sim[hop].v);
    }
    return failures ? 1 : 0;
}

/* Splits TEXT into lines (modified in place); returns the count. */
static size_t split_lines(char *text, char **lines, size_t max)
{
    size_t n = 0;
    for (char *p = text; *p && n < max; n++) {
        lines[n] = p;
        char *nl = strchr(p, '\n');
        if (!nl)
            return n + 1;
        *nl = '\0';
        p = nl + 1;
    }
    return n;
}

static int line_rates(struct engine *e, const struct trace_request *req, const struct options *o)
{
    char *want = read_file(o->rates), *lines[128];
    size_t n = split_lines(want, lines, 128), hits[128] = {0}, whole = 0;
    for (uint64_t seed = 0; seed < o->runs; seed++) {
        char *got = render(e, req, seed), *glines[128];
        size_t gn = split_lines(got, glines, 128), same = gn == n;
        for (size_t i = 0; i < n && i < gn; i++) {
            int eq = strcmp(lines[i], glines[i]) == 0;
            hits[i] += (size_t)eq;
            same &= (size_t)eq;
        }
        whole += same;
        free(got);
    }
    for (size_t i = 0; i < n; i++)
        printf("%6.4f  %s\n", (double)hits[i] / (double)o->runs, lines[i]);
    printf("whole block: %zu of %llu\n", whole, (unsigned long long)o->runs);
    free(want);
    return 0;
}

static void parse_override(struct options *o, const char *v)
{
    int hop;
    double ms;
    if (o->noverrides >= MAX_OVERRIDES || sscanf(v, "%d=%lf", &hop, &ms) != 2)
        die(2, "--middle takes HOP=MS");
    o->override_hop[o->noverrides] = hop;
    o->override_ms[o->noverrides++] = ms;
}

static void parse_args(struct options *o, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (ext_parse(&o->ext, argc, argv, &i) == EXT_TAKEN)
            continue;
        if (strcmp(a, "-d") == 0)
            o->no_resolve = 1;
        else if (strcmp(a, "--ping") == 0)
            as_ping = 1;
        else if (strcmp(a, "--pathping") == 0)
            as_pathping = 1;
        else if (!next && a[0] == '-')
            die(2, "%s needs a value", a);
        else if (strcmp(a, "-h") == 0)
            o->max_hops = (unsigned)atoi(argv[++i]);
        else if (strcmp(a, "--expect") == 0)
            o->expect = argv[++i];
        else if (strcmp(a, "--calibrate") == 0)
            o->calibrate = argv[++i];
        else if (strcmp(a, "--rates") == 0)
            o->rates = argv[++i];
        else if (strcmp(a, "--max") == 0)
            o->max_seed = strtoull(argv[++i], NULL, 10);
        else if (strcmp(a, "--runs") == 0)
            o->runs = strtoull(argv[++i], NULL, 10);
        else if (strcmp(a, "--middle") == 0)
            parse_override(o, argv[++i]);
        else
            o->target = a;
    }
    if (!o->target || (!!o->expect + !!o->calibrate + !!o->rates) != 1)
        die(2, "usage: netmimic-seedsearch [options] (--expect | --calibrate | --rates) FILE TARGET");
}

int main(int argc, char **argv)
{
    struct options o = {.max_hops = 30, .max_seed = 100000, .runs = 500};
    prog_name = "netmimic-seedsearch";
    parse_args(&o, argc, argv);
    ext_apply_env(&o.ext);
    struct run run;
    run_setup(&run, &o.ext);
    struct trace_request req = {.max_hops = o.max_hops, .timeout_ms = 4000,
                                .resolve_names = !o.no_resolve};
    if (resolve_target(&run.net, run.host, o.target, FAMILY_NONE, &req.target))
        die(2, "cannot resolve %s", o.target);
    struct engine e;
    the_run = &run;
    engine_init(&e, &run.net, run.host, source_address(&run.net, run.host, req.target.addr), 0);
    int status = o.expect      ? find_seed(&e, &req, &o)
                 : o.calibrate ? calibrate(&e, &req, &o)
                               : line_rates(&e, &req, &o);
    engine_free(&e);
    run_free(&run);
    return status;
}
