/* tool_pathping.c - tools/pathping.c with its main renamed (see tools.h). */
#define main fuzz_pathping_main
#include "../../tools/pathping.c"
#undef main

#include <string.h>

#include "tools.h"

void fuzz_pathping_reset(void)
{
    static struct winopt pristine[sizeof table / sizeof *table];
    static int saved;
    if (!saved) {
        memcpy(pristine, table, sizeof table);
        saved = 1;
    }
    memcpy(table, pristine, sizeof table);
}
