/* cli.h - what the three front ends share: the extension long options
 * (--profile --from --seed --down --scenario --json --crlf --realtime
 * --lang --encoding --windows --interrupt-after --break-after), which never
 * clash with Windows options, and the setup of a run from them. */
#ifndef NETMIMIC_CLI_H
#define NETMIMIC_CLI_H

#include <stddef.h>
#include <stdint.h>

#include "model/model.h"
#include "render/out.h"
#include "data/probe.h"
#include "runs/interrupt.h"
#include "runs/sink.h"

#define EXT_MAX_DOWN 64

struct ext_opts {
    const char *profile;
    const char *from;
    const char *seed_text;
    const char *down[EXT_MAX_DOWN];
    size_t ndown;
    const char *scenario;
    const char *json;       /* --json FILE: the run's JSON record */
    int crlf;
    int realtime;
    const char *lang;     /* --lang: a catalogue (render/msg.h) */
    const char *encoding; /* --encoding: utf-8 or oem */
    const char *windows;  /* --windows: 11, 10, 7 or xp */
    /* The variable that gave a value, NULL if the option did: what an
     * error about the value names (ext_apply_env sets them). */
    const char *from_var, *seed_var, *json_var, *lang_var, *windows_var;
    const char *interrupt_after;   /* --interrupt-after N: Ctrl+C after N results */
    const char *break_after[INTERRUPT_MAX_BREAKS]; /* --break-after N, repeatable */
    size_t nbreaks;
};

/* What an error about a value names: VAR if the environment gave it, else
 * OPTION ("--from"). */
const char *ext_named(const char *var, const char *option);

enum ext_parse_result { EXT_NOT_OURS, EXT_TAKEN };

/* If ARGV[*I] is one of the extension options, takes it (and its value,
 * advancing *I; getopt_long parses it) and returns EXT_TAKEN; else
 * EXT_NOT_OURS, for the front end to report as Windows would.  A missing
 * value is a netmimic error (exit 2). */
enum ext_parse_result ext_parse(struct ext_opts *x, int argc, char **argv, int *i);

/* Fills in what the environment says where the command line said nothing:
 * NETMIMIC_FROM, NETMIMIC_SEED, NETMIMIC_JSON, NETMIMIC_CRLF (1: redirected
 * form), NETMIMIC_LANG, NETMIMIC_WINDOWS. */
void ext_apply_env(struct ext_opts *x);

/* Opens the writer on stdout in the form, language, Windows version and
 * encoding X asks for.  An unknown value: one line on stderr, EXIT_SETUP. */
void ext_open_out(struct out *o, const struct ext_opts *x);

/* A loaded network and the host the tool runs on. */
struct run {
    struct network net;
    int host;
    uint64_t seed;
    struct out out;
    FILE *json;             /* --json: opened for the record, or NULL */
    const char *json_path;
    const char *json_named; /* "--json", or the variable that gave it */
    const struct run_sink *sink; /* the record's sink for the run, or NULL */
    int replayable;         /* the seed was given or shown: the run can be replayed */
    struct interrupt_plan interrupt; /* --interrupt-after, --break-after */
};

/* Loads the profile, takes down --down links and the --scenario's links,
 * picks the host and the seed, opens the --json file, and opens the writer
 * on stdout; with NETMIMIC_SHOW_SEED=1 prints "netmimic: seed N" on
 * stderr, for a replay with --seed N.  Exits with
 * EXIT_SETUP and one line on stderr on any error. */
void run_setup(struct run *r, const struct ext_opts *x);
void run_free(struct run *r);

/* Sleeps MS milliseconds (for --realtime); a caught signal (ping's Ctrl+C
 * and Ctrl+Break) cuts the sleep short, the others have no handler. */
void pace_ms(double ms);

/* Flushes stdout and returns the exit status: STATUS, or EXIT_WRITE with a
 * message if standard output could not be written. */
int run_finish(struct run *r, int status);
/* The same for a writer opened before any run (usage and option errors). */
int out_finish(struct out *o, int status);

#endif
