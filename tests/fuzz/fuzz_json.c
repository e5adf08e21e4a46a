/* fuzz_json.c - the JSON writer (render/json.c) on arbitrary strings.
 *
 * The input, cut at NUL bytes, gives strings (keys and values) and the
 * bytes of numbers.  Checked:
 *  - each string alone, as json_write_string writes it, is one valid JSON
 *    string (RFC 8259, valid UTF-8 throughout), and it decodes to the
 *    input itself when the input is valid UTF-8;
 *  - a document of nested objects and arrays holding those strings as keys
 *    and values, integers and doubles, is valid JSON;
 *  - a finite double reads back (strtod) as the same double.
 * The validator below is strict on purpose: no leading zeros, no lone
 * surrogate escapes, no control bytes, nothing after the document but the
 * newline json_close writes. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/json.h"
#include "support.h"

/* ---- a strict validator ------------------------------------------------ */

struct reader {
    const unsigned char *p, *end;
    char *decoded; /* the last string's bytes, decoded */
    size_t ndecoded;
};

/* Length of the valid UTF-8 sequence at P, or 0. */
static size_t utf8_valid(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3
                             : (c & 0xf8) == 0xf0 ? 4 : 0;
    if (!n || (size_t)(end - p) < n)
        return 0;
    unsigned long cp = n == 1 ? c : n == 2 ? c & 0x1f : n == 3 ? c & 0x0f : c & 0x07;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3f);
    }
    static const unsigned long least[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

static void put_decoded(struct reader *r, const void *s, size_t n)
{
    memcpy(r->decoded + r->ndecoded, s, n);
    r->ndecoded += n;
}

static void put_code_point(struct reader *r, unsigned long cp)
{
    unsigned char b[4];
    size_t n;
    if (cp < 0x80)
        b[0] = (unsigned char)cp, n = 1;
    else if (cp < 0x800)
        b[0] = (unsigned char)(0xc0 | cp >> 6), b[1] = (unsigned char)(0x80 | (cp & 0x3f)), n = 2;
    else if (cp < 0x10000)
        b[0] = (unsigned char)(0xe0 | cp >> 12), b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f)),
        b[2] = (unsigned char)(0x80 | (cp & 0x3f)), n = 3;
    else
        b[0] = (unsigned char)(0xf0 | cp >> 18), b[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f)),
        b[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f)), b[3] = (unsigned char)(0x80 | (cp & 0x3f)),
        n = 4;
    put_decoded(r, b, n);
}

static int hex4(struct reader *r, unsigned long *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++, r->p++) {
        if (r->p >= r->end)
            return -1;
        unsigned c = *r->p;
        int d = c >= '0' && c <= '9' ? (int)(c - '0') : c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10)
              : c >= 'A' && c <= 'F' ? (int)(c - 'A' + 10) : -1;
        if (d < 0)
            return -1;
        *v = *v << 4 | (unsigned long)d;
    }
    return 0;
}

static int escape(struct reader *r)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    if (r->p >= r->end)
        return -1;
    const char *k = *r->p ? strchr(from, *r->p) : NULL;
    if (k) {
        put_decoded(r, &to[k - from], 1);
        r->p++;
        return 0;
    }
    if (*r->p++ != 'u')
        return -1;
    unsigned long cp, low;
    if (hex4(r, &cp))
        return -1;
    if (cp >= 0xdc00 && cp <= 0xdfff)
        return -1; /* a lone low surrogate */
    if (cp >= 0xd800 && cp <= 0xdbff) {
        if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
            return -1;
        r->p += 2;
        if (hex4(r, &low) || low < 0xdc00 || low > 0xdfff)
            return -1;
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
    }
    put_code_point(r, cp);
    return 0;
}

static int string(struct reader *r)
{
    r->ndecoded = 0;
    if (r->p >= r->end || *r->p++ != '"')
        return -1;
    while (r->p < r->end && *r->p != '"') {
        if (*r->p < 0x20)
            return -1;
        if (*r->p == '\\') {
            r->p++;
            if (escape(r))
                return -1;
            continue;
        }
        size_t n = utf8_valid(r->p, r->end);
        if (!n)
            return -1;
        put_decoded(r, r->p, n);
        r->p += n;
    }
    if (r->p >= r->end)
        return -1;
    r->p++;
    return 0;
}

static int digits(struct reader *r)
{
    const unsigned char *start = r->p;
    while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
        r->p++;
    return r->p > start ? 0 : -1;
}

static int number(struct reader *r)
{
    if (r->p < r->end && *r->p == '-')
        r->p++;
    if (r->p < r->end && *r->p == '0')
        r->p++;
    else if (digits(r))
        return -1;
    if (r->p < r->end && *r->p == '.') {
        r->p++;
        if (digits(r))
            return -1;
    }
    if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
        r->p++;
        if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
            r->p++;
        if (digits(r))
            return -1;
    }
    return 0;
}

static void blanks(struct reader *r)
{
    while (r->p < r->end && strchr(" \t\n\r", *r->p) && *r->p)
        r->p++;
}

static int literal(struct reader *r, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
        return -1;
    r->p += n;
    return 0;
}

static int value(struct reader *r, int depth);

/* An object (CLOSE '}') or an array (']'), its opening bracket read. */
static int members(struct reader *r, int depth, char close)
{
    blanks(r);
    if (r->p < r->end && *r->p == close) {
        r->p++;
        return 0;
    }
    for (;;) {
        blanks(r);
        if (close == '}') {
            if (string(r))
                return -1;
            blanks(r);
            if (r->p >= r->end || *r->p++ != ':')
                return -1;
        }
        if (value(r, depth + 1))
            return -1;
        blanks(r);
        if (r->p >= r->end)
            return -1;
        if (*r->p == close) {
            r->p++;
            return 0;
        }
        if (*r->p++ != ',')
            return -1;
    }
}

static int value(struct reader *r, int depth)
{
    blanks(r);
    if (r->p >= r->end || depth > 64)
        return -1;
    switch (*r->p) {
    case '{': r->p++; return members(r, depth, '}');
    case '[': r->p++; return members(r, depth, ']');
    case '"': return string(r);
    case 't': return literal(r, "true");
    case 'f': return literal(r, "false");
    case 'n': return literal(r, "null");
    default: return number(r);
    }
}

/* TEXT (N bytes) is one JSON value, then only blanks. */
static int valid_document(const char *text, size_t n, char *scratch)
{
    struct reader r = {(const unsigned char *)text, (const unsigned char *)text + n, scratch, 0};
    if (value(&r, 0))
        return 0;
    blanks(&r);
    return r.p == r.end;
}

/* ---- the checks ------------------------------------------------------- */

static void check_string(const char *s)
{
    char *text;
    size_t n;
    FILE *fp = open_memstream(&text, &n);
    json_write_string(fp, s);
    fclose(fp);
    char *decoded = malloc(n + 1);
    struct reader r = {(const unsigned char *)text, (const unsigned char *)text + n, decoded, 0};
    if (string(&r) || r.p != r.end)
        fuzz_fail("json_write_string wrote invalid JSON: %s", text);
    size_t len = strlen(s);
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end && utf8_valid(p, end))
        p += utf8_valid(p, end);
    if (p == end && (r.ndecoded != len || memcmp(decoded, s, len) != 0))
        fuzz_fail("json_write_string changed valid UTF-8: %s", text);
    free(decoded);
    free(text);
}

static void check_double(double v)
{
    char *text;
    size_t n;
    struct json j;
    json_init(&j, open_memstream(&text, &n));
    json_begin_array(&j, NULL);
    json_double(&j, NULL, v);
    json_end_array(&j);
    json_close(&j);
    char *scratch = malloc(n + 1);
    if (!valid_document(text, n, scratch))
        fuzz_fail("json_double(%a) wrote invalid JSON: %s", v, text);
    const char *num = text + strspn(text, "[ \n");
    if (isfinite(v) && strtod(num, NULL) != v)
        fuzz_fail("json_double(%a) wrote %s", v, num);
    free(scratch);
    free(text);
}

/* A document from the pieces: their order picks keys, values and nesting. */
static void check_document(char **piece, size_t npieces, const uint8_t *data, size_t size)
{
    char *text;
    size_t n;
    struct json j;
    json_init(&j, open_memstream(&text, &n));
    json_begin_object(&j, NULL);
    int depth = 1;
    for (size_t i = 0; i < npieces; i++) {
        const char *key = depth % 2 ? piece[i] : NULL; /* odd depths are objects */
        unsigned op = size ? data[i % size] % 9 : 0;
        long long iv = 0;
        memcpy(&iv, piece[i], strlen(piece[i]) < sizeof iv ? strlen(piece[i]) : sizeof iv);
        double dv;
        memcpy(&dv, &iv, sizeof dv);
        switch (op) {
        case 0: json_string(&j, key, piece[i]); break;
        case 1: json_string(&j, key, NULL); break;
        case 2: json_int(&j, key, iv); break;
        case 3: json_uint(&j, key, (uint64_t)iv); break;
        case 4: json_double(&j, key, dv); break;
        case 5: json_bool(&j, key, (int)(iv & 1)); break;
        case 6: json_null(&j, key); break;
        case 7:
            if (depth < JSON_MAX_DEPTH - 1) {
                if (depth % 2)
                    json_begin_array(&j, key);
                else
                    json_begin_object(&j, key);
                depth++;
            }
            break;
        default:
            if (depth > 1) {
                if (depth % 2)
                    json_end_object(&j);
                else
                    json_end_array(&j);
                depth--;
            }
        }
    }
    while (depth-- > 0)
        if (depth % 2)
            json_end_array(&j);
        else
            json_end_object(&j);
    json_close(&j);
    char *scratch = malloc(n + 1);
    if (!valid_document(text, n, scratch))
        fuzz_fail("the JSON writer wrote an invalid document:\n%s", text);
    free(scratch);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int argc;
    char *storage;
    char **argv = fuzz_split_args(data, size, "", 64, &argc, &storage);
    for (int i = 1; i < argc; i++)
        check_string(argv[i]);
    if (size >= sizeof(double)) {
        double v;
        memcpy(&v, data, sizeof v);
        check_double(v);
    }
    check_document(argv + 1, (size_t)(argc - 1), data, size);
    fuzz_free_args(argv, storage);
    return 0;
}
