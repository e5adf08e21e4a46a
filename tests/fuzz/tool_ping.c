/* tool_ping.c - tools/ping.c with its main renamed (see tools.h). */
#define main fuzz_ping_main
#include "../../tools/ping.c"
#undef main

#include <string.h>

#include "tools.h"

void fuzz_ping_reset(void)
{
    static struct winopt pristine[sizeof table / sizeof *table];
    static int saved;
    if (!saved) {
        memcpy(pristine, table, sizeof table);
        saved = 1;
    }
    memcpy(table, pristine, sizeof table);
}
