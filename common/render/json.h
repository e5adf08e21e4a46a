/* json.h - a small streaming JSON writer, by hand (no dependency): objects
 * and arrays nest, every value is written as soon as it is given, two
 * blanks of indentation per level, one member a line.  Strings are escaped
 * as RFC 8259 requires (quote, backslash, control bytes); UTF-8 passes
 * through as it is, and a byte that is not part of valid UTF-8 becomes
 * U+FFFD, so the document is always valid JSON.  Write errors are remembered
 * and reported by json_close. */
#ifndef NETMIMIC_JSON_H
#define NETMIMIC_JSON_H

#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 16

struct json {
    FILE *fp;
    int depth;
    int members[JSON_MAX_DEPTH]; /* values written so far at each level */
};

void json_init(struct json *j, FILE *fp);
/* KEY names the member inside an object; NULL inside an array or at the top. */
void json_begin_object(struct json *j, const char *key);
void json_end_object(struct json *j);
void json_begin_array(struct json *j, const char *key);
void json_end_array(struct json *j);
/* V NULL writes null. */
void json_string(struct json *j, const char *key, const char *v);
void json_int(struct json *j, const char *key, long long v);
void json_uint(struct json *j, const char *key, uint64_t v);
/* The shortest form that reads back as the same double; null if not finite. */
void json_double(struct json *j, const char *key, double v);
void json_bool(struct json *j, const char *key, int v);
void json_null(struct json *j, const char *key);

/* Writes the escaped string S, quotes included (exposed for the tests). */
void json_write_string(FILE *fp, const char *s);

/* Ends the document with a newline and closes the file; returns 0, or -1
 * if anything could not be written. */
int json_close(struct json *j);

#endif
