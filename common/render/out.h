/* out.h - the writer: turns the Windows lines the formatters produce into
 * one of two output forms.
 *   console form (default): LF line ends, trailing blanks removed, as in
 *     documentation and console copies;
 *   redirected form (--crlf or NETMIMIC_CRLF=1): CRLF and the trailing blanks
 *     Windows writes into a redirected file.
 * Formatters always pass the exact Windows text, in UTF-8, trailing blanks
 * included.  The writer alone converts it, when asked, into a code page
 * (the console's OEM code page, as Windows writes into a file), with glibc's
 * iconv; a character the code page lacks gets iconv's transliteration (as
 * Windows' best fit: U+2019 becomes '), else '?'.
 * A line may be written in parts (for --realtime); blanks at the end of a
 * part are held back until it is known whether more text follows.
 * The writer also carries the language and the Windows version the
 * formatters word their messages in (render/msg.h). */
#ifndef NETMIMIC_OUT_H
#define NETMIMIC_OUT_H

#include <iconv.h>
#include <stdio.h>

#include "render/msg.h"

struct out {
    FILE *fp;
    int crlf;
    int flush_parts;     /* flush after every part (pacing) */
    unsigned held_blanks;
    int failed;          /* a write failed */
    int error;           /* errno of the first failure */
    const struct msg_lang *lang; /* default: en-US */
    int version;                 /* enum msg_version */
    const char *codepage; /* NULL: UTF-8 as it is */
    iconv_t cd;           /* opened on the first non-ASCII text */
    int cd_open;
};

void out_init(struct out *o, FILE *fp, int crlf);
/* Writes in CODEPAGE (an iconv name), or in UTF-8 if NULL. */
void out_set_codepage(struct out *o, const char *codepage);
/* Part of the current line. */
void out_part(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Ends the current line. */
void out_end_line(struct out *o);
/* A whole line (the text may be empty). */
void out_line(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Writes out what is buffered: where Windows' output would appear on a
 * pipe before a long wait.  (Blanks held back at the end of a part stay
 * held.) */
void out_flush(struct out *o);
/* Flushes; returns 0, or -1 if anything could not be written. */
int out_close(struct out *o);

#endif
