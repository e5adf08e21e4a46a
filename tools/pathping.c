/* pathping - Windows pathping, answered from the simulated network.
 * Windows options as -x or /x; netmimic's own options are long ones only. */
#include "render/fmt_pathping.h"
#include "runs/pathrun.h"
#include "model/resolve.h"
#include "render/fmt_common.h"
#include "cli/tool.h"
#include "base/util.h"

#define DEFAULT_MAX_HOPS 30
#define DEFAULT_PERIOD_MS 250
#define DEFAULT_QUERIES 100
#define DEFAULT_TIMEOUT_MS 3000

static const struct winopt_messages messages = {
    pathping_invalid_option, fmt_bad_value, fmt_missing_value};

/* -g (loose source routing) is IPv4's: refused over IPv6. */
static struct winopt table[] = {
    {.letter = 'g', .kind = WINOPT_HOSTS},
    {.letter = 'h', .kind = WINOPT_NUMBER, .lo = 1, .hi = 255},
    {.letter = 'i', .kind = WINOPT_TEXT},
    {.letter = 'n', .kind = WINOPT_FLAG},
    {.letter = 'p', .kind = WINOPT_NUMBER, .lo = 1, .hi = 4294967295ul},
    {.letter = 'q', .kind = WINOPT_NUMBER, .lo = 1, .hi = 4294967295ul},
    {.letter = 'w', .kind = WINOPT_NUMBER, .lo = 1, .hi = 4294967295ul},
    {.letter = '4', .kind = WINOPT_FLAG},
    {.letter = '6', .kind = WINOPT_FLAG},
};

static int pathping(struct winopt_line *w, struct run *run, struct engine *e,
                    const struct target *t)
{
    const struct device *host = &run->net.devices[run->host];
    struct pathping_request req = {
        .target = t->dst,
        .host_name = host->nnames ? host->names[0] : resolve_reverse(&run->net, t->src),
        .host_addr = t->src,
        .max_hops = (unsigned)tool_number(w, 'h', DEFAULT_MAX_HOPS),
        .period_ms = tool_number(w, 'p', DEFAULT_PERIOD_MS),
        .queries = tool_number(w, 'q', DEFAULT_QUERIES),
        .timeout_ms = (unsigned)tool_number(w, 'w', DEFAULT_TIMEOUT_MS),
        .resolve_names = !winopt_get(w, 'n')->seen,
        .via = t->via,
        .nvia = t->nvia,
        .source_is_ours = t->src_is_ours, /* a foreign -i: nothing is sent */
        .realtime = w->ext.realtime,
        .sink = run->sink,
        .keys = &run->interrupt};
    pathping_run(e, &run->out, &req);
    /* pathping catches no key: Ctrl+C or Ctrl+Break ended it */
    return run->interrupt.interrupted ? EXIT_INTERRUPTED : EXIT_OK;
}

/* Without a target Windows' pathping shows its usage (no capture). */
int main(int argc, char **argv)
{
    static const struct tool pathping_tool = {
        .name = "pathping", .table = table, .nopts = sizeof table / sizeof *table,
        .messages = &messages, .usage = pathping_usage, .no_target = pathping_usage,
        .unresolved = fmt_unresolved_system, .route_letters = "g",
        .ttl_letter = 'h', .default_ttl = DEFAULT_MAX_HOPS,
        .source_letter = 'i',
        .v4_only_letters = "g", .run = pathping};
    return tool_main(&pathping_tool, argc, argv);
}
