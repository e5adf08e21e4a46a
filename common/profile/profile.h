/* profile.h - loads an INI profile (iniparser) into a struct network: one
 * file, or a directory whose *.ini files are parts of one profile.
 * The format is documented in man/netmimic-profile.5.  Every error is one
 * line on stderr naming file, section and key, then exit EXIT_SETUP. */
#ifndef NETMIMIC_PROFILE_H
#define NETMIMIC_PROFILE_H

#include "model/model.h"

#define NETMIMIC_DEFAULT_PROFILE "azure-interop.ini"

void profile_load(const char *path, struct network *net);

/* Which profile to use: EXPLICIT (--profile) if given, else $NETMIMIC_PROFILE,
 * else profiles/ next to the build tree's bin/, else the installed one.
 * Returns a new string. */
char *profile_locate(const char *explicit_path);

#endif
