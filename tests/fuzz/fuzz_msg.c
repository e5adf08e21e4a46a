/* fuzz_msg.c - the message catalogues at run time: msg_text's lookup,
 * msg_fill's {1}..{9} arguments, and the writer (render/out.c) in both
 * output forms and every language's code page.
 *
 * Input: a language, a Windows version, the output form and encoding, a
 * message identity (first bytes), then arguments cut at NUL bytes.  Checked:
 *  - every identity has a text in every language and version (en-US's at
 *    worst);
 *  - msg_fill, on the catalogue's text and on the first argument taken as
 *    a template, gives the whole expansion cut to the buffer, whatever the
 *    buffer's size;
 *  - in UTF-8, the console form is the filled text line by line without
 *    trailing blanks, the redirected form is it with CRLF and its blanks;
 *  - in a code page, the writer converts whatever bytes it is given (invalid
 *    UTF-8 included) without a crash. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/fmt_common.h"
#include "render/msg.h"
#include "render/out.h"
#include "support.h"

#define MAX_ARGS 10
/* Lines up to this long are compared whole (out.c cuts longer ones). */
#define LINE_CHECKED 1000

/* The whole expansion of TEMPLATE, unbounded (a new string). */
static char *expand(const char *t, const char *const *args, size_t nargs)
{
    size_t cap = strlen(t) + 1;
    for (size_t k = 1; k < nargs; k++)
        cap += strlen(t) / 3 * strlen(args[k]);
    char *s = malloc(cap), *q = s;
    for (const char *p = t; *p; p++) {
        if (p[0] == '{' && p[1] >= '1' && p[1] <= '9' && p[2] == '}' &&
            (size_t)(p[1] - '0') < nargs) {
            size_t len = strlen(args[p[1] - '0']);
            memcpy(q, args[p[1] - '0'], len);
            q += len;
            p += 2;
        } else {
            *q++ = *p;
        }
    }
    *q = '\0';
    return s;
}

static void check_fill(const char *t, const char *const *args, size_t nargs, size_t size)
{
    char *want = expand(t, args, nargs), *got = malloc(size);
    msg_fill(got, size, t, args, nargs);
    if (strlen(want) > size - 1)
        want[size - 1] = '\0';
    if (strcmp(got, want) != 0)
        fuzz_fail("msg_fill('%s', size %zu) gave '%s', not '%s'", t, size, got, want);
    free(got);
    free(want);
}

/* What the UTF-8 writer must make of TEXT, or NULL if a line is too long
 * to compare. */
static char *expected_output(const char *text, int crlf)
{
    char *s = malloc(strlen(text) * 2 + 3), *q = s;
    for (const char *line = text;;) {
        size_t n = strcspn(line, "\n"), body = n;
        if (n >= LINE_CHECKED) {
            free(s);
            return NULL;
        }
        while (!crlf && body && line[body - 1] == ' ')
            body--;
        memcpy(q, line, body);
        q += body;
        memcpy(q, crlf ? "\r\n" : "\n", crlf ? 2 : 1);
        q += crlf ? 2 : 1;
        if (!line[n])
            break;
        line += n + 1;
    }
    *q = '\0';
    return s;
}

static void check_output(const struct msg_lang *lang, int version, enum msg_id id,
                         const char *const *args, size_t nargs, int crlf, int codepage)
{
    char *text;
    size_t n;
    struct out o;
    out_init(&o, open_memstream(&text, &n), crlf);
    o.lang = lang;
    o.version = version;
    out_set_codepage(&o, codepage ? lang->codepage : NULL);
    fmt_msg_args(&o, id, args, nargs);
    if (out_close(&o) != 0)
        fuzz_fail("the writer failed on a memory stream");
    fclose(o.fp);
    if (!codepage) {
        char buf[8192];
        msg_fill(buf, sizeof buf, msg_text(lang, version, id), args, nargs);
        char *want = expected_output(buf, crlf);
        if (want && (strlen(want) != n || memcmp(want, text, n) != 0))
            fuzz_fail("message %s in %s, %s form: wrote '%s', not '%s'", msg_names[id],
                      lang->tag, crlf ? "redirected" : "console", text, want);
        free(want);
    }
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 5)
        return 0;
    const struct msg_lang *lang = &msg_langs[data[0] % MSG_NLANGS];
    int version = data[1] % MSG_NVERSIONS;
    int crlf = data[2] & 1, codepage = data[2] >> 1 & 1;
    size_t fill_size = 1 + (size_t)(data[2] >> 2); /* 1 to 64: truncation */
    /* MSG_NONE (0) is no message */
    enum msg_id id = (enum msg_id)(1 + (data[3] | data[4] << 8) % (MSG_COUNT - 1));
    int argc;
    char *storage;
    /* argv[0] is the unused slot 0 of msg_fill's arguments */
    char **argv = fuzz_split_args(data + 5, size - 5, "", MAX_ARGS, &argc, &storage);
    const char *const *args = (const char *const *)argv;
    const char *t = msg_text(lang, version, id);
    if (!t)
        fuzz_fail("message %s has no text in %s", msg_names[id], lang->tag);
    check_fill(t, args, (size_t)argc, fill_size);
    check_fill(t, args, (size_t)argc, 8192);
    if (argc > 1)
        check_fill(argv[1], args, (size_t)argc, fill_size);
    check_output(lang, version, id, args, (size_t)argc, crlf, codepage);
    fuzz_free_args(argv, storage);
    return 0;
}
