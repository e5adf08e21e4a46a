/* cli.c - see cli.h. */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "data/forward.h"
#include "profile/profile.h"
#include "model/resolve.h"
#include "base/rng.h"
#include "base/util.h"

static const char *const valued[] = {"profile", "from", "seed", "down", "scenario", "json"};
static const char *const flags[] = {"crlf", "realtime"};

/* "--name=value" or "--name value". */
static const char *take_value(const char *name, const char *eq, int argc, char **argv, int *i)
{
    if (eq)
        return eq + 1;
    if (*i + 1 >= argc)
        die(EXIT_SETUP, "option --%s needs a value", name);
    return argv[++*i];
}

static void store(struct ext_opts *x, const char *name, const char *v)
{
    if (strcmp(name, "profile") == 0)
        x->profile = v;
    else if (strcmp(name, "from") == 0)
        x->from = v;
    else if (strcmp(name, "seed") == 0)
        x->seed_text = v;
    else if (strcmp(name, "scenario") == 0)
        x->scenario = v;
    else if (strcmp(name, "json") == 0)
        x->json = v;
    else if (x->ndown < EXT_MAX_DOWN)
        x->down[x->ndown++] = v;
    else
        die(EXIT_SETUP, "option --down given more than %d times", EXT_MAX_DOWN);
}

enum ext_parse_result ext_parse(struct ext_opts *x, int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    if (strncmp(arg, "--", 2) != 0)
        return EXT_NOT_OURS;
    const char *name = arg + 2, *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    for (size_t k = 0; k < sizeof valued / sizeof *valued; k++)
        if (strlen(valued[k]) == len && strncmp(name, valued[k], len) == 0) {
            store(x, valued[k], take_value(valued[k], eq, argc, argv, i));
            return EXT_TAKEN;
        }
    for (size_t k = 0; k < sizeof flags / sizeof *flags; k++)
        if (!eq && strcmp(name, flags[k]) == 0) {
            *(k == 0 ? &x->crlf : &x->realtime) = 1;
            return EXT_TAKEN;
        }
    return EXT_NOT_OURS;
}

void ext_apply_env(struct ext_opts *x)
{
    const char *v;
    if (!x->from && (v = getenv("NETMIMIC_FROM")) && *v)
        x->from = v;
    if (!x->seed_text && (v = getenv("NETMIMIC_SEED")) && *v)
        x->seed_text = v;
    if (!x->json && (v = getenv("NETMIMIC_JSON")) && *v)
        x->json = v;
    if (!x->crlf && (v = getenv("NETMIMIC_CRLF")) && strcmp(v, "1") == 0)
        x->crlf = 1;
}

static void take_down(struct network *net, const char *link, const char *what)
{
    int l = network_find_link(net, link);
    if (l < 0)
        die(EXIT_SETUP, "%s: no link '%s' in %s", what, link, net->path);
    net->links[l].up = 0;
}

static void apply_failures(struct network *net, const struct ext_opts *x)
{
    if (x->scenario) {
        int s = network_find_scenario(net, x->scenario);
        if (s < 0)
            die(EXIT_SETUP, "--scenario: no scenario '%s' in %s", x->scenario, net->path);
        for (size_t i = 0; i < net->scenarios[s].nlinks_down; i++)
            net->links[net->scenarios[s].links_down[i]].up = 0;
    }
    for (size_t i = 0; i < x->ndown; i++)
        take_down(net, x->down[i], "--down");
}

static uint64_t pick_seed(const struct ext_opts *x)
{
    uint64_t seed;
    if (!x->seed_text)
        return rng_fresh_seed();
    if (parse_u64(x->seed_text, 0, UINT64_MAX, &seed))
        die(EXIT_SETUP, "--seed: '%s' is not a whole number from 0 to 18446744073709551615",
            x->seed_text);
    return seed;
}

void run_setup(struct run *r, const struct ext_opts *x)
{
    memset(r, 0, sizeof *r);
    /* A closed pipe is reported as a write error, not a silent death. */
    signal(SIGPIPE, SIG_IGN);
    r->seed = pick_seed(x);
    char *path = profile_locate(x->profile);
    profile_load(path, &r->net);
    free(path);
    apply_failures(&r->net, x);
    r->host = r->net.default_host;
    if (x->from) {
        r->host = resolve_host(&r->net, x->from);
        if (r->host < 0)
            die(EXIT_SETUP, "--from: no host '%s' in %s", x->from, r->net.path);
    }
    if (x->json) {
        /* last, so that a bad profile or host leaves no file behind */
        r->json_path = x->json;
        r->json = fopen(x->json, "w");
        if (!r->json)
            die(EXIT_SETUP, "--json: cannot write '%s': %s", x->json, strerror(errno));
    }
    out_init(&r->out, stdout, x->crlf);
    r->out.flush_parts = x->realtime;
}

void run_free(struct run *r)
{
    network_free(&r->net);
}

void pace_ms(double ms)
{
    if (ms <= 0)
        return;
    time_t s = (time_t)(ms / 1000);
    struct timespec ts = {s, (long)((ms - 1000.0 * (double)s) * 1e6)};
    nanosleep(&ts, NULL); /* a caught signal ends it early: ping's Ctrl+C */
}

int out_finish(struct out *o, int status)
{
    if (out_close(o)) {
        fprintf(stderr, "%s: cannot write standard output: %s\n", prog_name,
                o->error ? strerror(o->error) : "write error");
        return EXIT_WRITE;
    }
    return status;
}

int run_finish(struct run *r, int status)
{
    return out_finish(&r->out, status);
}
