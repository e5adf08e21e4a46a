/* cli.c - see cli.h. */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
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

/* netmimic's long options.  getopt_long parses one at a time, as winopt.c
 * meets it among the Windows options (which getopt cannot parse: "/x", host
 * lists up to the target); only exact names are ours, so getopt_long's
 * abbreviations never apply and "--prof" stays a Windows error. */
static const struct option ext_options[] = {
    {"profile", required_argument, NULL, 'p'},  {"from", required_argument, NULL, 'f'},
    {"seed", required_argument, NULL, 's'},     {"down", required_argument, NULL, 'd'},
    {"scenario", required_argument, NULL, 'S'}, {"lang", required_argument, NULL, 'l'},
    {"encoding", required_argument, NULL, 'e'}, {"windows", required_argument, NULL, 'w'},
    {"json", required_argument, NULL, 'j'},     {"crlf", no_argument, NULL, 'c'},
    {"realtime", no_argument, NULL, 'r'},
    {"interrupt-after", required_argument, NULL, 'i'},
    {"break-after", required_argument, NULL, 'b'},
    {NULL, 0, NULL, 0}};

/* The option ARG ("--name" or "--name=value") names exactly, or NULL. */
static const struct option *find_option(const char *arg)
{
    if (strncmp(arg, "--", 2) != 0)
        return NULL;
    const char *name = arg + 2, *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    for (const struct option *o = ext_options; o->name; o++)
        if (strlen(o->name) == len && strncmp(name, o->name, len) == 0)
            return o;
    return NULL;
}

static void store(struct ext_opts *x, int opt, const char *v)
{
    switch (opt) {
    case 'p': x->profile = v; break;
    case 'f': x->from = v; break;
    case 's': x->seed_text = v; break;
    case 'S': x->scenario = v; break;
    case 'l': x->lang = v; break;
    case 'e': x->encoding = v; break;
    case 'w': x->windows = v; break;
    case 'j': x->json = v; break;
    case 'c': x->crlf = 1; break;
    case 'r': x->realtime = 1; break;
    case 'i': x->interrupt_after = v; break;
    case 'b':
        if (x->nbreaks == INTERRUPT_MAX_BREAKS)
            die(EXIT_SETUP, "option --break-after given more than %d times",
                INTERRUPT_MAX_BREAKS);
        x->break_after[x->nbreaks++] = v;
        break;
    default:
        if (x->ndown == EXT_MAX_DOWN)
            die(EXIT_SETUP, "option --down given more than %d times", EXT_MAX_DOWN);
        x->down[x->ndown++] = v;
    }
}

/* getopt_long over the option alone: "--name=value", "--name value" (the
 * value taken whatever it looks like), "--flag"; returns the option's val,
 * or '?' for a flag given a value ("--crlf=1"), which is not ours. */
static int parse_one(int argc, char **argv)
{
    optind = 0; /* glibc: a full reset, for a new vector each time */
    opterr = 0; /* errors are reported by the callers */
    return getopt_long(argc, argv, "+:", ext_options, NULL);
}

enum ext_parse_result ext_parse(struct ext_opts *x, int argc, char **argv, int *i)
{
    const struct option *o = find_option(argv[*i]);
    if (!o)
        return EXT_NOT_OURS;
    char *one[] = {argv[0], argv[*i], NULL, NULL};
    int n = 2;
    if (o->has_arg == required_argument && !strchr(argv[*i], '=')) {
        if (*i + 1 >= argc)
            die(EXIT_SETUP, "option --%s needs a value", o->name);
        one[n++] = argv[*i + 1];
    }
    int opt = parse_one(n, one);
    if (opt == '?' || opt == ':' || opt == -1)
        return EXT_NOT_OURS;
    *i += n - 2;
    store(x, opt, optarg);
    return EXT_TAKEN;
}

/* *FIELD from the variable NAME when the command line left it unset and
 * the variable is not empty; *VAR then names the variable. */
static void from_env(const char **field, const char **var, const char *name)
{
    const char *v = getenv(name);
    if (!*field && v && *v) {
        *field = v;
        *var = name;
    }
}

void ext_apply_env(struct ext_opts *x)
{
    const char *v;
    from_env(&x->from, &x->from_var, "NETMIMIC_FROM");
    from_env(&x->seed_text, &x->seed_var, "NETMIMIC_SEED");
    from_env(&x->json, &x->json_var, "NETMIMIC_JSON");
    if (!x->crlf && (v = getenv("NETMIMIC_CRLF")) && strcmp(v, "1") == 0)
        x->crlf = 1;
    from_env(&x->lang, &x->lang_var, "NETMIMIC_LANG");
    from_env(&x->windows, &x->windows_var, "NETMIMIC_WINDOWS");
}

const char *ext_named(const char *var, const char *option)
{
    return var ? var : option;
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
        die(EXIT_SETUP, "%s: '%s' is not a whole number from 0 to 18446744073709551615",
            ext_named(x->seed_var, "--seed"), x->seed_text);
    return seed;
}

/* A count of results: 1 to 4294967295, as ping's -n. */
static unsigned long parse_results(const char *option, const char *v)
{
    uint64_t n;
    if (parse_u64(v, 1, 4294967295u, &n))
        die(EXIT_SETUP, "%s: '%s' is not a whole number from 1 to 4294967295", option, v);
    return (unsigned long)n;
}

static void plan_interrupts(struct interrupt_plan *plan, const struct ext_opts *x)
{
    if (x->interrupt_after)
        plan->interrupt_after = parse_results("--interrupt-after", x->interrupt_after);
    for (size_t i = 0; i < x->nbreaks; i++)
        plan->break_after[i] = parse_results("--break-after", x->break_after[i]);
    plan->nbreaks = x->nbreaks;
}

/* NETMIMIC_SHOW_SEED=1: the seed of this run, drawn or given, on stderr. */
static int show_seed(uint64_t seed)
{
    const char *v = getenv("NETMIMIC_SHOW_SEED");
    if (!v || strcmp(v, "1") != 0)
        return 0;
    fprintf(stderr, "netmimic: seed %llu\n", (unsigned long long)seed);
    return 1;
}

void run_setup(struct run *r, const struct ext_opts *x)
{
    memset(r, 0, sizeof *r);
    /* A closed pipe is reported as a write error, not a silent death. */
    signal(SIGPIPE, SIG_IGN);
    r->seed = pick_seed(x);
    plan_interrupts(&r->interrupt, x);
    char *path = profile_locate(x->profile);
    profile_load(path, &r->net);
    free(path);
    apply_failures(&r->net, x);
    r->host = r->net.default_host;
    if (x->from) {
        r->host = resolve_host(&r->net, x->from);
        if (r->host < 0)
            die(EXIT_SETUP, "%s: no host '%s' in %s", ext_named(x->from_var, "--from"),
                x->from, r->net.path);
    }
    if (x->json) {
        /* last, so that a bad profile or host leaves no file behind */
        r->json_path = x->json;
        r->json_named = ext_named(x->json_var, "--json");
        r->json = fopen(x->json, "w");
        if (!r->json)
            die(EXIT_SETUP, "%s: cannot write '%s': %s", r->json_named, x->json,
                strerror(errno));
    }
    ext_open_out(&r->out, x);
    r->out.flush_parts = x->realtime;
    /* last: a run that failed to set up has nothing to replay */
    r->replayable = show_seed(r->seed) || x->seed_text != NULL;
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

/* --encoding: utf-8, or oem (the language's console code page); by default
 * the redirected form is in the code page, as Windows writes into a file,
 * and the console form in UTF-8. */
static const char *pick_codepage(const struct ext_opts *x, const struct msg_lang *lang)
{
    const char *e = x->encoding;
    if (!e)
        return x->crlf ? lang->codepage : NULL;
    if (strcmp(e, "oem") == 0)
        return lang->codepage;
    if (strcmp(e, "utf-8") == 0)
        return NULL;
    die(EXIT_SETUP, "--encoding: '%s' is not utf-8 or oem", e);
}

static const struct msg_lang *pick_lang(const struct ext_opts *x)
{
    if (!x->lang)
        return &msg_langs[0];
    const struct msg_lang *l = msg_find_lang(x->lang);
    if (!l) {
        char known[256] = "";
        for (size_t i = 0; i < MSG_NLANGS; i++)
            snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s",
                     i ? " " : "", msg_langs[i].tag);
        die(EXIT_SETUP, "%s: no language '%s' (%s)", ext_named(x->lang_var, "--lang"), x->lang,
            known);
    }
    return l;
}

static int pick_version(const struct ext_opts *x)
{
    if (!x->windows)
        return MSG_WIN_DEFAULT;
    int v = msg_find_version(x->windows);
    if (v < 0)
        die(EXIT_SETUP, "%s: '%s' is not 11, 10, 7 or xp", ext_named(x->windows_var, "--windows"),
            x->windows);
    return v;
}

void ext_open_out(struct out *o, const struct ext_opts *x)
{
    const struct msg_lang *lang = pick_lang(x);
    out_init(o, stdout, x->crlf);
    o->lang = lang;
    o->version = pick_version(x);
    out_set_codepage(o, pick_codepage(x, lang));
}
