/* compiled_check.h - what a compiled profile's reader checks and rebuilds
 * once every object is read (compiled_read.c reads them). */
#ifndef NETMIMIC_COMPILED_CHECK_H
#define NETMIMIC_COMPILED_CHECK_H

#include "base/bytes.h"
#include "model/model.h"

/* The references between objects the engine follows without checking
 * (an interface's device lists it, a session's ends are its link's, an
 * outside interface is its device's, ...), as the text loader leaves
 * them; a file that breaks one is damaged (IN's callback). */
void compiled_check(struct bytes_in *in, const struct network *net);

/* What the text loader derives, rebuilt by the same functions: each
 * interface's links, the address index; then the checks that need them
 * (static next hops, cached neighbours, NAT addresses).  Not the name
 * maps: a run finds its few names by a scan (model.h), and an id given
 * twice in a crafted file finds the first, as the map did. */
void compiled_rebuild(struct bytes_in *in, struct network *net);

#endif
