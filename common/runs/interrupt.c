/* interrupt.c - see interrupt.h. */
#include "runs/interrupt.h"

#include <stdio.h>

int interrupt_result(struct interrupt_plan *plan)
{
    if (!plan)
        return 0;
    plan->results++;
    if (plan->interrupt_after && plan->results == plan->interrupt_after)
        plan->interrupted = 1;
    return plan->interrupted;
}

unsigned interrupt_breaks_due(const struct interrupt_plan *plan)
{
    unsigned n = 0;
    for (size_t i = 0; plan && i < plan->nbreaks; i++)
        n += plan->break_after[i] == plan->results;
    return n;
}

int interrupt_ends_run(struct interrupt_plan *plan)
{
    if (interrupt_result(plan) || interrupt_breaks_due(plan))
        plan->interrupted = 1;
    return plan && plan->interrupted;
}

void interrupt_cut_output(struct out *o)
{
    /* The writer holds back the blanks at the end of a part until it knows
     * whether the line goes on; a cut line never does.  Blanks are 0x20 in
     * every code page the writer knows, so they go out as they are. */
    if (o->crlf && o->held_blanks && !o->failed &&
        fprintf(o->fp, "%*s", (int)o->held_blanks, "") < 0)
        o->failed = 1;
    o->held_blanks = 0;
}
