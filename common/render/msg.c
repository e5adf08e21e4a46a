/* msg.c - see msg.h. */
#define _POSIX_C_SOURCE 200809L
#include "render/msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const version_names[MSG_NVERSIONS] = {"", "11", "10", "7", "xp"};

const struct msg_lang *msg_find_lang(const char *tag)
{
    for (size_t i = 0; i < MSG_NLANGS; i++)
        if (strcmp(msg_langs[i].tag, tag) == 0)
            return &msg_langs[i];
    return NULL;
}

int msg_find_version(const char *name)
{
    for (int v = 1; v < MSG_NVERSIONS; v++)
        if (strcmp(version_names[v], name) == 0)
            return v;
    return -1;
}

/* The test suite's record of which catalogue entries were printed: one
 * "LANG ID[@VER]" line per use, appended (the tools of one suite run share
 * the file). */
static void log_use(const struct msg_lang *lang, enum msg_id id, int version)
{
    const char *path = getenv("NETMIMIC_MSG_LOG");
    if (!path || !*path)
        return;
    FILE *fp = fopen(path, "a");
    if (!fp)
        return;
    fprintf(fp, "%s %s%s%s\n", lang->tag, msg_names[id], version ? "@" : "",
            version_names[version]);
    fclose(fp);
}

/* The entry of LANG for ID: VERSION's, else the default; *USED says which. */
static const char *lookup(const struct msg_lang *lang, int version, enum msg_id id, int *used)
{
    const struct msg_text *t = lang->texts[id];
    *used = version;
    if (t[version].text)
        return t[version].text;
    *used = MSG_WIN_DEFAULT;
    return t[MSG_WIN_DEFAULT].text;
}

const char *msg_text(const struct msg_lang *lang, int version, enum msg_id id)
{
    int used;
    const char *s = lookup(lang, version, id, &used);
    if (!s) {
        lang = &msg_langs[0]; /* en-US has every message */
        s = lookup(lang, version, id, &used);
    }
    log_use(lang, id, used);
    return s;
}

/* The slot of LANG's own text of ID for VERSION (the version's, else the
 * default), or -1 if LANG has none. */
static int own_slot(const struct msg_lang *lang, int version, enum msg_id id)
{
    const struct msg_text *t = lang->texts[id];
    if (t[version].text)
        return version;
    return t[MSG_WIN_DEFAULT].text ? MSG_WIN_DEFAULT : -1;
}

int msg_variant_applies(const struct msg_lang *lang, int version, enum msg_id variant,
                        enum msg_id base)
{
    int v = own_slot(lang, version, variant);
    return v >= 0 && (v == version || own_slot(lang, version, base) <= v);
}

void msg_fill(char *buf, size_t size, const char *template, const char *const *args,
              size_t nargs)
{
    size_t n = 0;
    for (const char *p = template; *p && n + 1 < size; p++) {
        size_t k;
        if (p[0] == '{' && p[1] >= '1' && p[1] <= '9' && p[2] == '}' &&
            (k = (size_t)(p[1] - '0')) < nargs) {
            size_t len = strlen(args[k]);
            if (len > size - 1 - n)
                len = size - 1 - n;
            memcpy(buf + n, args[k], len);
            n += len;
            p += 2;
        } else {
            buf[n++] = *p;
        }
    }
    buf[n] = '\0';
}
