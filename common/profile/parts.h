/* parts.h - iniparser's reading of the parts of a profile, on two threads.
 *
 * iniparser_load is half of what loading a big profile costs, and each part
 * is its own dictionary: a second thread reads parts ahead while the loader
 * walks the earlier ones in order.  The loader still takes the parts one
 * after another, so what it builds and the first error it reports are those
 * of a load on one thread. */
#ifndef NETMIMIC_PARTS_H
#define NETMIMIC_PARTS_H

#include <stddef.h>

struct parts_reader;

/* Starts reading the N files PATHS (kept by the caller until parts_end):
 * on a second thread if there are several. */
struct parts_reader *parts_begin(char *const *paths, size_t n);

/* The dictionary of part I (an iniparser dictionary *), read now if the
 * other thread has not taken it; the caller frees it.  A part iniparser
 * refuses stops the program with iniparser's reason, naming file and line.
 * Parts are taken in order: I is the last part taken plus one. */
void *parts_take(struct parts_reader *r, size_t i);

/* Waits for the other thread and frees what it holds. */
void parts_end(struct parts_reader *r);

#endif
