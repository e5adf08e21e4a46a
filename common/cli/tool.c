/* tool.c - see tool.h. */
#define _POSIX_C_SOURCE 200809L
#include "cli/tool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "data/forward.h"
#include "model/resolve.h"
#include "render/fmt_common.h"
#include "base/util.h"
#include "runs/record.h"

/* ---- NETMIMIC_TIMING=1: where one invocation's time goes ----------------- */

/* The three stages of a run, timed for the benchmark (tests/bench.sh). */
struct timing {
    int on;
    double start_ms, loaded_ms, routed_ms;
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void timing_start(struct timing *t)
{
    const char *v = getenv("NETMIMIC_TIMING");
    t->on = v && strcmp(v, "1") == 0;
    t->start_ms = t->loaded_ms = t->routed_ms = now_ms();
}

static void timing_mark(const struct timing *t, double *at)
{
    if (t->on)
        *at = now_ms();
}

/* One line on stderr, after the run's output: stdout stays Windows' bytes.
 * A load from the text profile's compiled twin (profile/twin.h) names the
 * twin: the one place where it shows. */
static void timing_report(const struct timing *t, const struct network *net)
{
    if (!t->on)
        return;
    double end = now_ms();
    fprintf(stderr, "%s: timing: load %.3f ms%s%s%s, routes %.3f ms, run %.3f ms\n", prog_name,
            t->loaded_ms - t->start_ms, net->twin ? " (twin " : "", net->twin ? net->twin : "",
            net->twin ? ")" : "", t->routed_ms - t->loaded_ms, end - t->routed_ms);
}

/* ---- the run -------------------------------------------------------------- */

unsigned long tool_number(struct winopt_line *w, char letter, unsigned long dflt)
{
    const struct winopt *o = winopt_get(w, letter);
    return o->seen ? o->number : dflt;
}

/* The source-route option in effect, or NULL. */
static const struct winopt *route_option(const struct tool *tool, struct winopt_line *w)
{
    for (const char *l = tool->route_letters; l && *l; l++)
        if (winopt_get(w, *l)->seen)
            return winopt_get(w, *l);
    return NULL;
}

/* -4 or -6 as given, else FAMILY_NONE. */
static enum addr_family forced_family(struct winopt_line *w)
{
    return winopt_get(w, '4')->seen   ? FAMILY_V4
           : winopt_get(w, '6')->seen ? FAMILY_V6
                                      : FAMILY_NONE;
}

/* Resolves the route's hosts (in the target's family); returns the first
 * name that does not resolve, or NULL. */
static const char *resolve_route(const struct tool *tool, const struct run *run,
                                 struct winopt_line *w, struct target *t)
{
    struct resolved hop;
    const struct winopt *route = route_option(tool, w);
    for (size_t i = 0; route && i < route->nhosts; i++) {
        if (resolve_target(&run->net, run->host, route->hosts[i], t->dst.addr.family, &hop))
            return route->hosts[i];
        t->via[i] = hop.addr;
    }
    t->nvia = route ? route->nhosts : 0;
    return NULL;
}

/* An option Windows refuses in the target's family, or 0. */
static char refused_option(const struct tool *tool, struct winopt_line *w,
                           enum addr_family f)
{
    const char *letters = f == FAMILY_V6 ? tool->v4_only_letters : tool->v6_only_letters;
    for (const char *l = letters; l && *l; l++)
        if (winopt_get(w, *l)->seen)
            return *l;
    return 0;
}

/* The source address: the source option's when it is the host's own and
 * of the target's family, else the one the host would choose. */
static void pick_source(const struct tool *tool, const struct run *run,
                        struct winopt_line *w, struct target *t)
{
    const struct winopt *o = tool->source_letter ? winopt_get(w, tool->source_letter) : NULL;
    struct addr given;
    t->src = source_address(&run->net, run->host, t->dst.addr);
    t->src_is_ours = 1;
    if (!o || !o->seen)
        return;
    t->src_is_ours = addr_parse(o->text, &given) == 0 && given.family == t->dst.addr.family &&
                     device_owns(&run->net, run->host, given);
    if (t->src_is_ours)
        t->src = given;
}

/* --json: starts the record of the run, or returns NULL. */
static struct recorder *start_record(struct recorder *rec, const struct tool *tool,
                                     struct run *run, const struct winopt_line *w, int argc,
                                     char **argv)
{
    if (!run->json)
        return NULL;
    recorder_begin(rec, run->json, &(struct record_info){tool->name, argc - 1, argv + 1,
                                                         &run->net, run->host, run->seed,
                                                         w->ext.scenario});
    run->json = NULL; /* the recorder closes it */
    return rec;
}

/* Ends the record; a file that could not be written is a write error. */
static int end_record(struct recorder *rec, const struct run *run, int status)
{
    errno = 0;
    if (!rec || recorder_end(rec, status) == 0)
        return status;
    fprintf(stderr, "%s: %s: cannot write '%s': %s\n", prog_name, run->json_named,
            run->json_path, strerror(errno ? errno : EIO));
    return EXIT_WRITE;
}

static int run_tool(const struct tool *tool, struct winopt_line *w, int argc, char **argv)
{
    struct run run;
    struct target t = {0};
    struct timing tm;
    struct recorder rec_store;
    timing_start(&tm);
    run_setup(&run, &w->ext);
    timing_mark(&tm, &tm.loaded_ms);
    struct recorder *rec = start_record(&rec_store, tool, &run, w, argc, argv);
    int status = EXIT_WINDOWS_FAIL;
    const char *unresolved = NULL;
    char refused = 0;
    if (resolve_target(&run.net, run.host, w->target, forced_family(w), &t.dst))
        unresolved = w->target;
    else if (!(refused = refused_option(tool, w, t.dst.addr.family)))
        unresolved = resolve_route(tool, &run, w, &t);
    if (unresolved) {
        if (rec)
            recorder_failure(rec, "unresolved");
        tool->unresolved(&run.out, unresolved);
        timing_mark(&tm, &tm.routed_ms);
    } else if (refused) {
        if (rec)
            recorder_failure(rec, "option refused in this family");
        fmt_family_only(&run.out, refused, t.dst.addr.family == FAMILY_V6 ? 4 : 6);
        timing_mark(&tm, &tm.routed_ms);
    } else {
        struct engine e;
        pick_source(tool, &run, w, &t);
        engine_init(&e, &run.net, run.host, t.src, run.seed);
        engine_prepare(&e, &(struct probe_spec){
                               .dst = t.dst.addr, .via = t.via, .nvia = t.nvia,
                               .ttl = (int)tool_number(w, tool->ttl_letter, tool->default_ttl)});
        timing_mark(&tm, &tm.routed_ms);
        if (rec) {
            recorder_target(rec, w->target, &t.dst, t.src);
            run.sink = &rec->sink;
        }
        status = tool->run(w, &run, &e, &t);
        engine_free(&e);
    }
    status = end_record(rec, &run, status);
    status = run_finish(&run, status);
    timing_report(&tm, &run.net);
    run_free(&run);
    return status;
}

int tool_main(const struct tool *tool, int argc, char **argv)
{
    struct winopt_line w = {.table = tool->table, .nopts = tool->nopts,
                            .messages = tool->messages};
    struct out pre; /* usage and option errors, before any run */
    prog_name = tool->name;
    winopt_open_writer(&pre, argc, argv);
    switch (winopt_parse(&w, &pre, argc, argv)) {
    case WINOPT_HELP:
        tool->usage(&pre);
        return out_finish(&pre, EXIT_OK);
    case WINOPT_BARE:
        tool->usage(&pre);
        return out_finish(&pre, EXIT_WINDOWS_FAIL);
    case WINOPT_FAILED:
        return out_finish(&pre, EXIT_WINDOWS_FAIL);
    case WINOPT_OK:
        break;
    }
    if (!w.target) {
        tool->no_target(&pre);
        return out_finish(&pre, EXIT_WINDOWS_FAIL);
    }
    return run_tool(tool, &w, argc, argv);
}
