/* tool_netmimic.c - tools/netmimic.c with its main renamed (see tools.h). */
#define main fuzz_netmimic_main
#include "../../tools/netmimic.c"
#undef main

#include "tools.h"
