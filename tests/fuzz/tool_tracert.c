/* tool_tracert.c - tools/tracert.c with its main renamed (see tools.h). */
#define main fuzz_tracert_main
#include "../../tools/tracert.c"
#undef main

#include <string.h>

#include "tools.h"

FUZZ_DEFINE_TABLE_RESET(fuzz_tracert_reset)
