/* compiled.h - compiled profiles: the loaded network model (model/model.h)
 * written to a binary file once, read back by the tools in a small
 * fraction of a text profile's load.
 *
 * The file: the magic bytes COMPILED_MAGIC, the format version, the build
 * identity (a hash of the model's headers, dist.c and the compiled*.c
 * sources, which the Makefile passes in: any change to what is written
 * changes it) and the netmimic version (laid out alike in every format, so
 * that a file of another format is named as one); then the text it was
 * compiled from (a flag, the text file's size and bytes_checksum of its
 * bytes; flag 0 for a profile in parts), the body's length, the body, and
 * a 64-bit checksum of the body.  Format 2: each string of the body is
 * written with its NUL, so that the reader uses it in place.  Format 3:
 * the text's size and checksum, by which a compiled twin is matched to
 * its text (profile/twin.h).  The body holds the arrays of struct
 * network field by field, little-endian; what the loader derives (the
 * address index, each interface's links) is not stored but
 * rebuilt by the same functions.  A file of another build is refused: its
 * layout may differ. */
#ifndef NETMIMIC_COMPILED_H
#define NETMIMIC_COMPILED_H

#include <stddef.h>
#include <stdint.h>

#include "base/bytes.h"
#include "model/model.h"

#define COMPILED_MAGIC "\x89NMCPRF\n"
#define COMPILED_MAGIC_LEN 8
#define COMPILED_FORMAT 3

enum profile_form { PROFILE_TEXT, PROFILE_COMPILED, PROFILE_NEITHER };

/* What PATH holds, from its first bytes: a compiled profile (or a damaged
 * one's start), a file that is neither that nor text (a NUL byte among
 * its first bytes), or anything else (left to the text loader, which
 * reads directories, FIFOs and missing files as it always did). */
enum profile_form compiled_sniff(const char *path);

/* Loads the compiled profile at PATH into NET (net->path is PATH); a
 * damaged file or another build's: one line on stderr, EXIT_SETUP.  The
 * file is read whole, not mapped: a file cut or rewritten in place while
 * NET is in use changes nothing of it. */
void compiled_load(const char *path, struct network *net);

/* Whether the SIZE bytes at DATA are a compiled profile of this build,
 * whole (its checksum right), compiled from a text file of TEXT_SIZE bytes
 * whose bytes_checksum is TEXT_SUM: a twin of that text.  Never fails:
 * anything else is no twin, and the text is read instead. */
int compiled_is_twin(const uint8_t *data, size_t size, uint64_t text_size, uint64_t text_sum);

/* The SIZE bytes of the open file FD, read into an anonymous mapping of
 * SIZE bytes (not a mapping of the file: a file cut under the run would
 * take the model's strings with it); *GOT: the bytes read, fewer if the
 * file was cut meanwhile.  NULL, errno set, if it cannot be mapped or read. */
void *compiled_read_whole(int fd, size_t size, size_t *got);

/* Loads the compiled profile of the SIZE bytes at DATA (PATH's, a twin
 * compiled_is_twin accepted, read by compiled_read_whole into a mapping
 * of MAPPED bytes) into NET, which keeps the mapping. */
void compiled_load_mapped(const char *path, void *data, size_t size, size_t mapped,
                          struct network *net);

/* The same from the SIZE bytes at DATA; CHECK_SUM 0 skips the checksum
 * (for the fuzzer: a mutated body must reach the checks behind it).  NET's
 * strings are in DATA (written with their NULs, used in place): DATA is
 * kept as long as NET. */
void compiled_load_bytes(const char *path, const uint8_t *data, size_t size, int check_sum,
                         struct network *net);

/* The whole file for NET, header and checksum included, into O. */
void compiled_encode(const struct network *net, struct bytes_out *o);

/* Writes NET to OUTPUT atomically: a temporary file beside it, renamed
 * over it once complete; on any failure nothing is left, one line on
 * stderr, EXIT_SETUP. */
void compiled_write(const struct network *net, const char *output);

/* The build identity and version, as a file's header has them. */
extern const char compiled_build_id[];
extern const char compiled_version[];

#endif
