/* tracert - Windows tracert, answered from the simulated network.
 * Windows options as -x or /x; netmimic's own options are long ones only. */
#include "render/fmt_tracert.h"
#include "render/fmt_common.h"
#include "cli/tool.h"
#include "runs/trace.h"
#include "base/util.h"

#define DEFAULT_MAX_HOPS 30
#define DEFAULT_TIMEOUT_MS 4000

static const struct winopt_messages messages = {
    tracert_invalid_option, fmt_bad_value, fmt_missing_value};

/* -R and -S are IPv6-only: over IPv4 they are accepted with no effect (no
 * capture says what Windows does); -j is refused over IPv6. */
static struct winopt table[] = {
    {.letter = 'd', .kind = WINOPT_FLAG},
    {.letter = 'h', .kind = WINOPT_NUMBER, .lo = 1, .hi = 255},
    {.letter = 'j', .kind = WINOPT_HOSTS},
    {.letter = 'w', .kind = WINOPT_NUMBER, .lo = 1, .hi = 4294967295ul},
    {.letter = 'R', .kind = WINOPT_FLAG},
    {.letter = 'S', .kind = WINOPT_TEXT},
    {.letter = '4', .kind = WINOPT_FLAG},
    {.letter = '6', .kind = WINOPT_FLAG},
};

static int trace(struct winopt_line *w, struct run *run, struct engine *e,
                 const struct target *t)
{
    struct trace_request req = {
        .target = t->dst,
        .max_hops = (unsigned)tool_number(w, 'h', DEFAULT_MAX_HOPS),
        .timeout_ms = (unsigned)tool_number(w, 'w', DEFAULT_TIMEOUT_MS),
        .resolve_names = !winopt_get(w, 'd')->seen,
        .realtime = w->ext.realtime,
        .via = t->via,
        .nvia = t->nvia,
        .round_trip = winopt_get(w, 'R')->seen && t->dst.addr.family == FAMILY_V6,
        .sink = run->sink,
        .keys = &run->interrupt};
    trace_run(e, &run->out, &req);
    if (run->interrupt.interrupted)
        return EXIT_INTERRUPTED; /* tracert catches no key: it was ended */
    return EXIT_OK; /* a trace that ran, even to the hop limit */
}

int main(int argc, char **argv)
{
    static const struct tool tracert = {
        .name = "tracert", .table = table, .nopts = sizeof table / sizeof *table,
        .messages = &messages, .usage = tracert_usage, .no_target = tracert_no_target,
        .unresolved = fmt_unresolved_system, .route_letters = "j",
        .ttl_letter = 'h', .default_ttl = DEFAULT_MAX_HOPS,
        .source_letter = 'S',
        .v4_only_letters = "j", .run = trace};
    return tool_main(&tracert, argc, argv);
}
