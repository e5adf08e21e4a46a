/* msg.h - the messages Windows prints, as data: one catalogue per language
 * (common/render/lang/LANG.msg, turned into C at build time by genmsg.awk).
 * A formatter asks for a message by its identity (enum msg_id, generated
 * from en-US.msg) and fills its arguments {1} to {9}; the catalogue holds the
 * whole line, or lines, with the language's own word order, wrapping,
 * spacing and punctuation.  A message may have a text per Windows version;
 * a language without a text of its own falls back to en-US. */
#ifndef NETMIMIC_MSG_H
#define NETMIMIC_MSG_H

#include <stddef.h>

#include "render/msg_ids.h"

/* Windows versions whose texts differ; MSG_WIN_DEFAULT is Windows 10/11. */
enum msg_version { MSG_WIN_DEFAULT, MSG_WIN_11, MSG_WIN_10, MSG_WIN_7, MSG_WIN_XP,
                   MSG_NVERSIONS };

struct msg_text {
    const char *text;  /* NULL: none for this version */
    int unconfirmed;   /* no capture confirms it */
};

struct msg_lang {
    const char *tag;      /* the --lang value, e.g. "de-DE" */
    const char *codepage; /* iconv's name of the console's OEM code page */
    const struct msg_text (*texts)[MSG_NVERSIONS];
};

extern const struct msg_lang msg_langs[MSG_NLANGS];
extern const char *const msg_names[MSG_COUNT]; /* "ping.header.addr", ... */

/* The language with this tag, or NULL. */
const struct msg_lang *msg_find_lang(const char *tag);
/* "11", "10", "7", "xp" -> version; -1 if unknown. */
int msg_find_version(const char *name);

/* The text of ID in LANG for VERSION: the version's own, else the default,
 * else en-US's.  Logs the use when NETMIMIC_MSG_LOG names a file (the
 * suite's check that every message is printed by some test). */
const char *msg_text(const struct msg_lang *lang, int version, enum msg_id id);

/* Whether LANG has a text of its own for VARIANT, a variant of BASE, at least
 * as specific to VERSION as its text of BASE: the formatter prints VARIANT
 * then, else BASE (a language whose captures show no difference has no
 * entry for the variant, and must not get en-US's). */
int msg_variant_applies(const struct msg_lang *lang, int version, enum msg_id variant,
                        enum msg_id base);

/* Fills TEMPLATE's {1}..{9} with ARGS[1..NARGS-1] (ARGS[0] is unused) into
 * BUF of SIZE bytes (truncated if need be). */
void msg_fill(char *buf, size_t size, const char *template, const char *const *args,
              size_t nargs);

#endif
