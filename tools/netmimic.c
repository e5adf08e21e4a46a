/* netmimic - inspect a profile and explain what the tools print: hosts,
 * links, scenarios, a device's routes, a flow hop by hop, a lint of the
 * network, a Graphviz drawing.  Options are GNU long options (getopt_long);
 * each subcommand has --help.  The work is done in common/inspect/. */
#define _POSIX_C_SOURCE 200809L /* popen and access, for graph --svg */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"
#include "cli/cli.h"
#include "inspect/inspect.h"
#include "model/resolve.h"
#include "profile/compiled.h"
#include "profile/profile.h"

#define EXPLAIN_MAX_HOPS 30

/* What a subcommand was given. */
struct args {
    struct ext_opts ext;    /* --profile, --from, --scenario, --down */
    const char *to;         /* graph --to */
    unsigned max_hops;      /* explain --max-hops */
    enum addr_family family; /* explain -4 / -6 */
    int svg;                /* graph --svg */
    int nargs;
    char **argv;            /* the operands */
};

struct command {
    const char *name;
    const char *letters;    /* the options it takes, by their letters below */
    int min_args, max_args;
    const char *usage;
    int (*run)(struct args *a, struct run *run);
    int (*run_alone)(struct args *a); /* instead of run: no host, no seed, no failures */
};

static const struct option long_options[] = {
    {"profile", required_argument, NULL, 'P'}, {"from", required_argument, NULL, 'f'},
    {"scenario", required_argument, NULL, 's'}, {"down", required_argument, NULL, 'd'},
    {"to", required_argument, NULL, 't'},       {"max-hops", required_argument, NULL, 'm'},
    {"svg", no_argument, NULL, 'S'},            {"help", no_argument, NULL, 'H'},
    {NULL, 0, NULL, 0}};

static int cmd_hosts(struct args *a, struct run *run)
{
    (void)a;
    inspect_hosts(stdout, &run->net);
    return EXIT_OK;
}

static int cmd_links(struct args *a, struct run *run)
{
    (void)a;
    inspect_links(stdout, &run->net);
    return EXIT_OK;
}

static int cmd_scenarios(struct args *a, struct run *run)
{
    (void)a;
    inspect_scenarios(stdout, &run->net);
    return EXIT_OK;
}

static int cmd_routes(struct args *a, struct run *run)
{
    inspect_routes(stdout, &run->net, a->argv[0], a->nargs > 1 ? a->argv[1] : NULL);
    return EXIT_OK;
}

static int cmd_explain(struct args *a, struct run *run)
{
    inspect_explain(stdout, &run->net, run->host, a->argv[0], a->family, a->max_hops);
    return EXIT_OK;
}

static int cmd_check(struct args *a, struct run *run)
{
    (void)a;
    return inspect_check(stdout, &run->net) ? EXIT_WINDOWS_FAIL : EXIT_OK;
}

/* Is PROG an executable file in a directory of PATH?  Checked before
 * popen, whose shell would print its own "not found" line. */
static int in_path(const char *prog)
{
    const char *path = getenv("PATH");
    char file[4096];
    while (path && *path) {
        size_t len = strcspn(path, ":");
        if (snprintf(file, sizeof file, "%.*s/%s", (int)(len ? len : 1), len ? path : ".",
                     prog) < (int)sizeof file &&
            access(file, X_OK) == 0)
            return 1;
        path += len + (path[len] == ':');
    }
    return 0;
}

/* One word a line, for the shell completions (completions/). */
static int cmd_words(struct args *a, struct run *run)
{
    if (inspect_words(stdout, &run->net, a->argv[0]) != 0)
        die(EXIT_SETUP, "words: unknown kind '%s' (see netmimic words --help)", a->argv[0]);
    return EXIT_OK;
}

/* --svg: the drawing through Graphviz's dot. */
static int cmd_graph(struct args *a, struct run *run)
{
    int host = a->ext.from || a->to ? run->host : -1;
    if (!a->svg) {
        inspect_graph(stdout, &run->net, host, a->to);
        return EXIT_OK;
    }
    if (!in_path("dot"))
        die(EXIT_SETUP, "graph --svg: Graphviz's dot is not in PATH (Debian package graphviz)");
    fflush(stdout);
    FILE *dot = popen("dot -Tsvg", "w");
    if (!dot)
        die(EXIT_SETUP, "graph --svg: cannot run dot");
    inspect_graph(dot, &run->net, host, a->to);
    int status = pclose(dot);
    if (status != 0)
        die(EXIT_SETUP, "graph --svg: dot failed");
    return EXIT_OK;
}

/* The profile, loaded with every check of the tools, written as a compiled
 * profile (profile/compiled.h). */
static int cmd_compile(struct args *a)
{
    struct network net;
    char *path = profile_locate(a->ext.profile);
    profile_load(path, &net);
    free(path);
    compiled_write(&net, a->argv[0]);
    network_free(&net);
    return EXIT_OK;
}

static const struct command commands[] = {
    {"hosts", "P", 0, 0, "hosts [--profile FILE]\n"
     "  One line per host: its section name, its addresses, names=, site=, and\n"
     "  'default' for the profile's default host.\n", cmd_hosts, NULL},
    {"links", "Psd", 0, 0, "links [--profile FILE] [--scenario NAME] [--down LINK]...\n"
     "  One line per link: its name, its two ends (DEVICE.INTERFACE), mtu=, loss=\n"
     "  and up or down (after --scenario and --down).\n", cmd_links, NULL},
    {"scenarios", "P", 0, 0, "scenarios [--profile FILE]\n"
     "  One line per scenario: its name, down= the links it takes down, and its\n"
     "  description.\n", cmd_scenarios, NULL},
    {"routes", "Psd", 1, 2, "routes [--profile FILE] [--scenario NAME] [--down LINK]... DEVICE [PREFIX]\n"
     "  DEVICE's forwarding table, one route a line: C connected, S static, B\n"
     "  learned (from which session, local_pref, as_path_len), with each next\n"
     "  hop and its link.  PREFIX (or an address) keeps the routes overlapping it;\n"
     "  for an address, '>' marks the route it takes.\n", cmd_routes, NULL},
    {"explain", "Pfsdm46", 1, 1, "explain [--profile FILE] [--from HOST] [--scenario NAME] [--down LINK]...\n"
     "        [--max-hops N] [-4|-6] TARGET\n"
     "  The flow from HOST (default: the profile's default host) to TARGET, as\n"
     "  tracert sends it: the forward path and every equal-cost path (each split,\n"
     "  its next hops, the one the flow's hash picks), then each hop: who answers,\n"
     "  from which address, and whether the reply comes back, or why not; the\n"
     "  return path of the final reply and its equal-cost paths.  Chance losses\n"
     "  are left out and named.\n", cmd_explain, NULL},
    {"check", "Psd", 0, 0, "check [--profile FILE] [--scenario NAME] [--down LINK]...\n"
     "  Lints the profile: pairs of hosts that cannot reach each other, and hops\n"
     "  that answer from an address the source cannot reach.  Exit status 0: no\n"
     "  findings, 1: findings, 2: the profile is broken.\n", cmd_check, NULL},
    {"graph", "PfsdtS", 0, 0, "graph [--profile FILE] [--scenario NAME] [--down LINK]... [--from HOST]\n"
     "      [--to TARGET] [--svg]\n"
     "  The topology as Graphviz DOT: hosts as ellipses, routers as boxes, links\n"
     "  as edges (dashed when down); with --to, the path of the flow from HOST to\n"
     "  TARGET in red.  --svg renders it with dot (Graphviz).\n", cmd_graph, NULL},
    {"words", "P", 1, 1, "words [--profile FILE] hosts|devices|links|scenarios|targets|profile\n"
     "  One word a line, for shell completions: the section names of the hosts,\n"
     "  devices, links or scenarios; every device's names and addresses and\n"
     "  localhost (what a target may be); or the path of the profile in effect.\n",
     cmd_words, NULL},
    {"compile", "P", 1, 1, "compile [--profile FILE] OUTPUT\n"
     "  Loads the profile as the tools do, with all their checks, and writes it\n"
     "  to OUTPUT as a compiled profile, which the tools and netmimic load much\n"
     "  faster wherever a profile goes.  A compiled profile belongs to the build\n"
     "  that wrote it: compile again after changing the profile or netmimic.\n",
     NULL, cmd_compile},
};

#define NCOMMANDS (sizeof commands / sizeof *commands)

static void usage(FILE *fp)
{
    fputs("Usage: netmimic [--profile FILE] COMMAND [OPTIONS] [ARGS]\n"
          "       netmimic COMMAND --help\n\nCommands:\n", fp);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(fp, "  %s", commands[i].usage);
    fputs("\nThe profile is found as the tools find it (--profile, NETMIMIC_PROFILE, ...);\n"
          "--from defaults to NETMIMIC_FROM, then the profile's default host.\n", fp);
}

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static void take_option(const struct command *c, struct args *a, int opt, const char *arg)
{
    uint64_t n;
    switch (opt) {
    case 'P': a->ext.profile = arg; break;
    case 'f': a->ext.from = arg; break;
    case 's': a->ext.scenario = arg; break;
    case 'd':
        if (a->ext.ndown >= EXT_MAX_DOWN)
            die(EXIT_SETUP, "%s: --down given more than %d times", c->name, EXT_MAX_DOWN);
        a->ext.down[a->ext.ndown++] = arg;
        break;
    case 't': a->to = arg; break;
    case 'm':
        if (parse_u64(arg, 1, 255, &n))
            die(EXIT_SETUP, "%s: --max-hops: '%s' is not a whole number from 1 to 255", c->name,
                arg);
        a->max_hops = (unsigned)n;
        break;
    case 'S': a->svg = 1; break;
    case '4': a->family = FAMILY_V4; break;
    case '6': a->family = FAMILY_V6; break;
    }
}

/* Parses the subcommand's options; returns 1 for --help. */
static int parse_args(const struct command *c, int argc, char **argv, struct args *a)
{
    int opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":46", long_options, NULL)) != -1) {
        /* the option as given: a separate value has moved optind past it */
        const char *bad = optarg && optind >= 2 && optarg == argv[optind - 1] ? argv[optind - 2]
                                                                              : argv[optind - 1];
        if (opt == 'H')
            return 1;
        if (opt == ':')
            die(EXIT_SETUP, "%s: option '%s' needs a value", c->name, bad);
        if (opt == '?' || !strchr(c->letters, opt))
            die(EXIT_SETUP, "%s: unknown option '%s' (see netmimic %s --help)", c->name, bad,
                c->name);
        take_option(c, a, opt, optarg);
    }
    a->nargs = argc - optind;
    a->argv = argv + optind;
    if (a->nargs < c->min_args || a->nargs > c->max_args)
        die(EXIT_SETUP, "%s: %s (see netmimic %s --help)", c->name,
            a->nargs < c->min_args ? "missing operand" : "too many operands", c->name);
    return 0;
}

static int run_command(const struct command *c, struct args *a)
{
    if (c->run_alone)
        return c->run_alone(a);
    struct run run;
    const char *from = getenv("NETMIMIC_FROM");
    if (!a->ext.from && from && *from) {
        a->ext.from = from;
        a->ext.from_var = "NETMIMIC_FROM";
    }
    run_setup(&run, &a->ext);
    int status = c->run(a, &run);
    run_free(&run);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "netmimic: cannot write standard output\n");
        return EXIT_WRITE;
    }
    return status;
}

int main(int argc, char **argv)
{
    struct args a = {.max_hops = EXPLAIN_MAX_HOPS, .family = FAMILY_NONE};
    prog_name = "netmimic";
    int first = 1;
    /* global: --profile FILE before the command */
    while (first < argc && strncmp(argv[first], "--profile", 9) == 0) {
        if (argv[first][9] == '=')
            a.ext.profile = argv[first++] + 10;
        else if (argv[first][9] == '\0' && first + 1 < argc)
            a.ext.profile = argv[(first += 2) - 1];
        else
            die(EXIT_SETUP, "option '%s' needs a value", argv[first]);
    }
    if (first >= argc)
        die(EXIT_SETUP, "no command (see netmimic --help)");
    if (strcmp(argv[first], "--help") == 0 || strcmp(argv[first], "help") == 0) {
        usage(stdout);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_WRITE;
    }
    const struct command *c = find_command(argv[first]);
    if (!c)
        die(EXIT_SETUP, "unknown command '%s' (see netmimic --help)", argv[first]);
    if (parse_args(c, argc - first, argv + first, &a)) {
        printf("Usage: netmimic %s", c->usage);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_WRITE;
    }
    return run_command(c, &a);
}
