/* json.c - see json.h. */
#include "render/json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

void json_init(struct json *j, FILE *fp)
{
    memset(j, 0, sizeof *j);
    j->fp = fp;
}

/* How many bytes the UTF-8 sequence at S takes, or 0 if it is not valid
 * (overlong forms, surrogates and code points past U+10FFFF included). */
static size_t utf8_length(const unsigned char *s)
{
    size_t n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2;
    if (s[0] < 0xc2 || s[0] > 0xf4)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0) ||
        (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] >= 0x90))
        return 0;
    return n;
}

static void escape_byte(FILE *fp, unsigned char c)
{
    switch (c) {
    case '"': fputs("\\\"", fp); return;
    case '\\': fputs("\\\\", fp); return;
    case '\b': fputs("\\b", fp); return;
    case '\f': fputs("\\f", fp); return;
    case '\n': fputs("\\n", fp); return;
    case '\r': fputs("\\r", fp); return;
    case '\t': fputs("\\t", fp); return;
    default: break;
    }
    if (c < 0x20 || c == 0x7f)
        fprintf(fp, "\\u%04x", c);
    else
        fputc(c, fp);
}

void json_write_string(FILE *fp, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    fputc('"', fp);
    while (*p) {
        if (*p < 0x80) {
            escape_byte(fp, *p++);
            continue;
        }
        size_t n = utf8_length(p);
        if (n) {
            fwrite(p, 1, n, fp);
            p += n;
        } else {
            fputs("\\ufffd", fp);
            p++;
        }
    }
    fputc('"', fp);
}

/* The comma, line break and indentation before a value, and its key. */
static void lead_in(struct json *j, const char *key)
{
    if (j->depth > 0) {
        fputs(j->members[j->depth - 1]++ ? ",\n" : "\n", j->fp);
        for (int i = 0; i < j->depth; i++)
            fputs("  ", j->fp);
    }
    if (key) {
        json_write_string(j->fp, key);
        fputs(": ", j->fp);
    }
}

static void open_level(struct json *j, const char *key, char c)
{
    lead_in(j, key);
    fputc(c, j->fp);
    if (j->depth >= JSON_MAX_DEPTH)
        die(EXIT_SETUP, "JSON nested deeper than %d levels", JSON_MAX_DEPTH);
    j->members[j->depth++] = 0;
}

static void close_level(struct json *j, char c)
{
    int had = j->members[--j->depth];
    if (had) {
        fputc('\n', j->fp);
        for (int i = 0; i < j->depth; i++)
            fputs("  ", j->fp);
    }
    fputc(c, j->fp);
}

void json_begin_object(struct json *j, const char *key) { open_level(j, key, '{'); }
void json_end_object(struct json *j) { close_level(j, '}'); }
void json_begin_array(struct json *j, const char *key) { open_level(j, key, '['); }
void json_end_array(struct json *j) { close_level(j, ']'); }

void json_string(struct json *j, const char *key, const char *v)
{
    lead_in(j, key);
    if (v)
        json_write_string(j->fp, v);
    else
        fputs("null", j->fp);
}

void json_int(struct json *j, const char *key, long long v)
{
    lead_in(j, key);
    fprintf(j->fp, "%lld", v);
}

void json_uint(struct json *j, const char *key, uint64_t v)
{
    lead_in(j, key);
    fprintf(j->fp, "%llu", (unsigned long long)v);
}

void json_double(struct json *j, const char *key, double v)
{
    char buf[40];
    lead_in(j, key);
    if (!isfinite(v)) {
        fputs("null", j->fp);
        return;
    }
    /* 15 digits are enough for most values and read better; 17 always
     * read back exactly */
    snprintf(buf, sizeof buf, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, sizeof buf, "%.17g", v);
    /* a whole number stays a JSON number with a fraction, as jc's floats */
    fputs(buf, j->fp);
    if (!strpbrk(buf, ".eE"))
        fputs(".0", j->fp);
}

void json_bool(struct json *j, const char *key, int v)
{
    lead_in(j, key);
    fputs(v ? "true" : "false", j->fp);
}

void json_null(struct json *j, const char *key)
{
    lead_in(j, key);
    fputs("null", j->fp);
}

int json_close(struct json *j)
{
    fputc('\n', j->fp);
    int bad = ferror(j->fp);
    if (fclose(j->fp) != 0)
        bad = 1;
    j->fp = NULL;
    return bad ? -1 : 0;
}
