/* tool_tracert.c - tools/tracert.c with its main renamed (see tools.h). */
#define main fuzz_tracert_main
#include "../../tools/tracert.c"
#undef main

#include <string.h>

#include "tools.h"

void fuzz_tracert_reset(void)
{
    static struct winopt pristine[sizeof table / sizeof *table];
    static int saved;
    if (!saved) {
        memcpy(pristine, table, sizeof table);
        saved = 1;
    }
    memcpy(table, pristine, sizeof table);
}
