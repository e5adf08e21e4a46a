/* tool_ping.c - tools/ping.c with its main renamed (see tools.h). */
#define main fuzz_ping_main
#include "../../tools/ping.c"
#undef main

#include <string.h>

#include "tools.h"

FUZZ_DEFINE_TABLE_RESET(fuzz_ping_reset)
