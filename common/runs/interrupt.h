/* interrupt.h - Ctrl+C and Ctrl+Break at a chosen moment, without signals:
 * --interrupt-after N and --break-after N count the probe results a run
 * has shown and act after the Nth, exactly where a real key press between
 * that result and the next one acts.
 *
 * ping catches both keys (see runs/pingrun.h): the plan raises the same
 * flags its signal handlers raise, so the bytes are those of a real Ctrl+C
 * or Ctrl+Break.  tracert and pathping catch neither, as on Windows: the
 * key ends the process where it stands, with the output written so far. */
#ifndef NETMIMIC_INTERRUPT_H
#define NETMIMIC_INTERRUPT_H

#include <stddef.h>

#include "render/out.h"

#define INTERRUPT_MAX_BREAKS 64

/* What a shell reports for a program Ctrl+C (SIGINT) ended: 128 + 2.
 * Windows itself gives STATUS_CONTROL_C_EXIT, which POSIX cannot. */
#define EXIT_INTERRUPTED 130

struct interrupt_plan {
    unsigned long interrupt_after; /* 0: no Ctrl+C */
    unsigned long break_after[INTERRUPT_MAX_BREAKS]; /* Ctrl+Break after these */
    size_t nbreaks;
    unsigned long results;         /* results shown so far */
    int interrupted;               /* the Ctrl+C has come */
};

/* Counts one more result shown; returns 1 when a Ctrl+C follows it.
 * PLAN may be NULL (no plan: never). */
int interrupt_result(struct interrupt_plan *plan);

/* How many Ctrl+Breaks follow the result just counted (the same N given
 * twice presses it twice). */
unsigned interrupt_breaks_due(const struct interrupt_plan *plan);

/* For a tool that catches neither key (tracert, pathping): counts one more
 * result shown; returns 1 when a Ctrl+C or a Ctrl+Break follows it, either
 * of which ends the process there (Windows' default for both). */
int interrupt_ends_run(struct interrupt_plan *plan);

/* Ends the output as a program ended by Ctrl+C leaves it: a line cut in
 * the middle stays cut, with the blanks Windows had written in the
 * redirected form (a console copy loses them). */
void interrupt_cut_output(struct out *o);

#endif
