/* out.h - the writer: turns the Windows lines the formatters produce into
 * one of two output forms.
 *   console form (default): LF line ends, trailing blanks removed, as in
 *     documentation and console copies;
 *   redirected form (--crlf or NETMIMIC_CRLF=1): CRLF and the trailing blanks
 *     Windows writes into a redirected file.
 * Formatters always pass the exact Windows text, trailing blanks included.
 * A line may be written in parts (for --realtime); blanks at the end of a
 * part are held back until it is known whether more text follows. */
#ifndef NETMIMIC_OUT_H
#define NETMIMIC_OUT_H

#include <stdio.h>

struct out {
    FILE *fp;
    int crlf;
    int flush_parts;     /* flush after every part (pacing) */
    unsigned held_blanks;
    int failed;          /* a write failed */
    int error;           /* errno of the first failure */
};

void out_init(struct out *o, FILE *fp, int crlf);
/* Part of the current line. */
void out_part(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Ends the current line. */
void out_end_line(struct out *o);
/* A whole line (the text may be empty). */
void out_line(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Flushes; returns 0, or -1 if anything could not be written. */
int out_close(struct out *o);

#endif
