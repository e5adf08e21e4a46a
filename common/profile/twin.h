/* twin.h - a text profile's compiled twin: the same profile compiled by
 * the build (netmimic compile), read in the text's place, a small fraction
 * of its load.
 *
 * The twin of a text profile NAME.ini is NAME.nmp in the twin directory:
 * BIN/twins/ for the programs of a build tree (make all writes one there
 * for each shipped profile), else the installed profiles' directory
 * (make install puts them beside the profiles).  It is used only when its
 * header records this build (compiled.h) and the exact size and checksum
 * of the text file's bytes, as they are now: a changed text, another
 * build's twin, a damaged one or none at all, and the text is read, as
 * it would be without twins; so the tools' output never depends on which
 * was read, and a profile that fails to load fails from its text (a twin
 * exists only for one that loaded).  NETMIMIC_TWINS=0 turns twins off (the
 * tests that compare text and compiled profiles read the text so).  A
 * profile in parts (a directory) has none. */
#ifndef NETMIMIC_TWIN_H
#define NETMIMIC_TWIN_H

#include "model/model.h"

/* Loads the twin of the text profile PATH into NET and returns 1, or
 * returns 0 with NET untouched if there is none that matches. */
int twin_load(const char *path, struct network *net);

/* Whether the running program runs from a build tree (profiles/ beside
 * its directory holds the default profile); BIN (SIZE bytes) is set to
 * that directory, the tree's bin/. */
int twin_tree_bin(char *bin, size_t size);

#endif
