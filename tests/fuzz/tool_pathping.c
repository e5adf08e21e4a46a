/* tool_pathping.c - tools/pathping.c with its main renamed (see tools.h). */
#define main fuzz_pathping_main
#include "../../tools/pathping.c"
#undef main

#include <string.h>

#include "tools.h"

FUZZ_DEFINE_TABLE_RESET(fuzz_pathping_reset)
