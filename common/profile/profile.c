/* profile.c - reads the INI profile once into the network model.
 *
 * iniparser 4.1 traps (see design notes): names are lower-cased, typed getters
 * crash on section names, lookups scan the whole dictionary.  So the
 * dictionary is walked once, entry by entry, and every value is parsed
 * strictly.  Three passes: create one object per section and parse each key
 * (profile_keys.c), then resolve the references between objects
 * (profile_refs.c).  This file runs them, after a pass over the raw lines
 * for what iniparser would hide, and finds the profile to load; a compiled
 * profile, or a text's compiled twin that matches it (twin.c), is read
 * instead, with none of these passes.  A profile
 * in parts (a directory) is read part by part, each its own dictionary,
 * with passes 1 and 2 per part and pass 3 once all are read. */
#define _POSIX_C_SOURCE 200809L
#include "profile/profile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iniparser.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "profile/compiled.h"
#include "profile/loader.h"
#include "profile/parts.h"
#include "profile/twin.h"
#include "base/bytes.h"
#include "base/util.h"

/* ---- the parts of a profile --------------------------------------------- */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_part_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".ini") == 0;
}

/* DIR's *.ini files (not hidden ones, as a shell glob), in name order. */
static char **directory_parts(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d)
        die(EXIT_SETUP, "%s: cannot read profile: %s", dir, strerror(errno));
    char **parts = NULL;
    size_t cap = 0;
    *n = 0;
    const char *sep = dir[strlen(dir) - 1] == '/' ? "" : "/";
    for (struct dirent *e; (e = readdir(d));)
        if (is_part_name(e->d_name)) {
            parts = grow(parts, *n, &cap, sizeof *parts);
            parts[*n] = emalloc(strlen(dir) + strlen(e->d_name) + 2);
            sprintf(parts[(*n)++], "%s%s%s", dir, sep, e->d_name);
        }
    closedir(d);
    if (*n == 0)
        die(EXIT_SETUP, "%s: cannot read profile: no *.ini file in the directory", dir);
    qsort(parts, *n, sizeof *parts, by_name);
    return parts;
}

/* A profile is one file, or a directory whose *.ini files are its parts:
 * iniparser's insert is quadratic, so a big profile loads fast in parts.
 * *ONE_FILE: whether it is one file. */
static char **profile_parts(const char *path, size_t *n, int *one_file)
{
    struct stat st;
    *one_file = !(stat(path, &st) == 0 && S_ISDIR(st.st_mode));
    if (!*one_file)
        return directory_parts(path, n);
    char **parts = emalloc(sizeof *parts);
    parts[0] = estrdup(path);
    *n = 1;
    return parts;
}

/* ---- what iniparser hides ------------------------------------------------- */

/* iniparser merges a section given twice, keeps the last of two equal keys
 * and files '[a:b]' as a key: one pass over the raw lines catches these.
 * Sections are checked across all parts, through a hash of their names;
 * keys within one section, where a linear search is short. */
struct seen_name {
    size_t at; /* into the text of struct seen_keys */
    long line;
};

/* The keys of the section being scanned: their names in one buffer, which
 * the next section reuses (a large profile has a key on most lines). */
struct seen_keys {
    struct seen_name *v;
    size_t n, cap;
    char *text;
    size_t len, text_cap;
};

static int seen_before(struct seen_keys *k, const char *name, long line, long *first)
{
    for (size_t i = 0; i < k->n; i++)
        if (str_ieq(k->text + k->v[i].at, name)) {
            *first = k->v[i].line;
            return 1;
        }
    size_t size = strlen(name) + 1;
    while (k->len + size > k->text_cap) {
        k->text_cap = k->text_cap ? 2 * k->text_cap : 4 * (LOADER_LINE_MAX + 1);
        k->text = erealloc(k->text, k->text_cap);
    }
    memcpy(k->text + k->len, name, size);
    k->v = grow(k->v, k->n, &k->cap, sizeof *k->v);
    k->v[k->n++] = (struct seen_name){k->len, line};
    k->len += size;
    return 0;
}

static void forget_all(struct seen_keys *k)
{
    k->n = 0;
    k->len = 0;
}

/* The section name of a "[...]" line (in BUF), or NULL for another line. */
static const char *section_header(char *line, char *buf, size_t n)
{
    char *t = trim(line), *close = strchr(t, ']');
    if (*t != '[' || !close)
        return NULL;
    copy_text(buf, n, t + 1, (size_t)(close - t - 1));
    return trim(buf);
}

/* SEC as the loader names it: "TYPE NAME", one blank between (the loader
 * skips any number there). */
static const char *normalized_section(const char *sec, char *buf, size_t n)
{
    const char *space = strchr(sec, ' ');
    if (!space)
        return copy_text(buf, n, sec, strlen(sec));
    char type[LOADER_LINE_MAX + 1]; /* a section name is one line: never cut */
    copy_text(type, sizeof type, sec, (size_t)(space - sec));
    return loader_section(type, space + strspn(space, " "), buf, n);
}

/* Records where SEC is defined, or fails if it already was, naming both
 * places. */
static void record_section(struct loader *ld, const char *sec, long line)
{
    char key[LOADER_LINE_MAX + 1];
    normalized_section(sec, key, sizeof key);
    long i = strmap_put(&ld->sections, key, (long)ld->norigins);
    if (i < (long)ld->norigins) {
        const struct section_origin *o = &ld->origins[i];
        if (ld->parts[o->part] == ld->file)
            loader_fail(ld, sec, NULL, "defined twice (lines %ld and %ld)", o->line, line);
        loader_fail(ld, sec, NULL, "defined twice (%s line %ld and %s line %ld)",
                    ld->parts[o->part], o->line, ld->file, line);
    }
    ld->origins = grow(ld->origins, ld->norigins, &ld->cap_origins, sizeof *ld->origins);
    ld->origins[ld->norigins++] = (struct section_origin){ld->nparts, line};
}

const char *loader_file(const struct loader *ld, const char *section)
{
    if (ld->file)
        return ld->file;
    long i = strmap_get(&ld->sections, section);
    return i >= 0 ? ld->parts[ld->origins[i].part] : ld->path;
}

static void prescan_line(struct loader *ld, char *line, long lineno, char *section,
                         struct seen_keys *keys)
{
    char name[LOADER_LINE_MAX + 1];
    long first;
    const char *sec = section_header(line, name, sizeof name);
    if (sec) {
        if (strchr(sec, ':'))
            loader_fail(ld, sec, NULL, "section name must not contain ':'");
        record_section(ld, sec, lineno);
        copy_text(section, LOADER_LINE_MAX + 1, sec, strlen(sec));
        forget_all(keys);
        return;
    }
    char *t = trim(line), *eq = strchr(t, '=');
    if (!*t || *t == '#' || *t == ';' || !eq || !*section)
        return;
    *eq = '\0';
    if (seen_before(keys, trim(t), lineno, &first))
        loader_fail(ld, section, trim(t), "given twice (lines %ld and %ld)", first, lineno);
}

/* The part, opened only once it is known to be a regular file: opening a
 * FIFO would wait for a writer, for ever. */
static int open_part(const char *path)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        die(EXIT_SETUP, "%s: cannot read profile: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        die(EXIT_SETUP, "%s: cannot read profile: not a regular file", path);
    return fd;
}

/* The whole part, NUL-terminated, in one buffer (*LEN bytes before the NUL):
 * one read instead of a getline a line. */
static char *read_part_text(const char *path, size_t *len)
{
    int fd = open_part(path);
    size_t cap = 64 * 1024;
    char *text = emalloc(cap);
    *len = 0;
    for (ssize_t got;; *len += (size_t)got) {
        if (*len + 1 >= cap)
            text = erealloc(text, cap *= 2);
        got = read(fd, text + *len, cap - *len - 1);
        if (got < 0 && errno == EINTR)
            got = 0;
        else if (got < 0)
            die(EXIT_SETUP, "%s: cannot read profile: %s", path, strerror(errno));
        else if (got == 0)
            break;
    }
    close(fd);
    text[*len] = '\0';
    return text;
}

/* What iniparser would only call a syntax error, or cut: LEN is the line's
 * length without its newline. */
static void check_raw_line(const struct loader *ld, const char *line, size_t len, long lineno)
{
    if (lineno == 1 && strncmp(line, "\xef\xbb\xbf", 3) == 0)
        die(EXIT_SETUP, "%s: line 1: the file starts with a UTF-8 byte order mark "
            "(save it as UTF-8 without BOM)", ld->file);
    if (len > LOADER_LINE_MAX)
        die(EXIT_SETUP, "%s: line %ld: line longer than %d bytes", ld->file, lineno,
            LOADER_LINE_MAX);
}

/* The text's size and checksum, which `netmimic compile` writes into the
 * compiled file's header: the file read here is then its twin's text
 * (profile/twin.h).  Summed before prescan cuts the lines (in place). */
static void record_source(struct network *net, const char *text, size_t len)
{
    net->source_known = 1;
    net->source_size = len;
    net->source_sum = bytes_checksum((const uint8_t *)text, len);
}

static void prescan(struct loader *ld)
{
    size_t len;
    char *text = read_part_text(ld->file, &len), *end = text + len;
    if (ld->one_file)
        record_source(ld->net, text, len);
    struct seen_keys keys = {0};
    char section[LOADER_LINE_MAX + 1] = "";
    long lineno = 0;
    for (char *line = text, *next; line < end; line = next) {
        char *newline = memchr(line, '\n', (size_t)(end - line));
        next = newline ? newline + 1 : end;
        if (newline)
            *newline = '\0';
        check_raw_line(ld, line, (size_t)((newline ? newline : end) - line), ++lineno);
        prescan_line(ld, line, lineno, section, &keys);
    }
    free(keys.v);
    free(keys.text);
    free(text);
}

/* ---- the load ------------------------------------------------------------ */

static void walk_dictionary(struct loader *ld, const dictionary *dict)
{
    ld->last_section[0] = '\0';
    for (ssize_t i = 0; i < dict->size; i++)
        if (dict->key[i] && !strchr(dict->key[i], ':'))
            loader_create_section(ld, dict->key[i]);
    for (ssize_t i = 0; i < dict->size; i++)
        if (dict->key[i] && strchr(dict->key[i], ':'))
            loader_parse_key(ld, dict->key[i], dict->val[i]);
}

/* One part: its own dictionary, kept until the references are resolved
 * (they point into its values). */
static dictionary *load_part(struct loader *ld, struct parts_reader *reader)
{
    prescan(ld);
    dictionary *dict = parts_take(reader, ld->nparts);
    walk_dictionary(ld, dict);
    return dict;
}

static void free_loader(struct loader *ld)
{
    for (size_t i = 0; i < ld->nparts; i++) {
        iniparser_freedict(ld->dicts[i]);
        free(ld->parts[i]);
    }
    free(ld->dicts);
    free(ld->parts);
    strmap_free(&ld->sections);
    free(ld->origins);
    free(ld->dev_refs);
    free(ld->link_refs);
    free(ld->sess_refs);
    free(ld->scen_refs);
    loader_release(ld);
    free(ld->held);
}

/* A compiled profile (profile/compiled.h) is known by its first bytes,
 * whatever its name; a binary file that is not one is no text either. */
static int load_compiled(const char *path, struct network *net)
{
    switch (compiled_sniff(path)) {
    case PROFILE_COMPILED:
        compiled_load(path, net);
        return 1;
    case PROFILE_NEITHER:
        die(EXIT_SETUP, "%s: not a profile (neither INI text nor a compiled profile)", path);
    case PROFILE_TEXT:
        break;
    }
    return 0;
}

void profile_load(const char *path, struct network *net)
{
    if (load_compiled(path, net) || twin_load(path, net))
        return;
    struct loader ld = {.path = path, .net = net};
    memset(net, 0, sizeof *net);
    net->path = estrdup(path);
    size_t nparts;
    ld.parts = profile_parts(path, &nparts, &ld.one_file);
    ld.dicts = ecalloc(nparts, sizeof *ld.dicts);
    struct parts_reader *reader = parts_begin(ld.parts, nparts);
    for (; ld.nparts < nparts; ld.nparts++) {
        ld.file = ld.parts[ld.nparts];
        ld.dicts[ld.nparts] = load_part(&ld, reader);
    }
    parts_end(reader);
    ld.file = NULL;
    loader_resolve(&ld);
    free_loader(&ld);
}

/* ---- locating the profile ------------------------------------------------ */

/* profiles/ beside the bin/ directory the program runs from (the build tree). */
static char *build_tree_profile(void)
{
    char bin[PATH_MAX];
    if (!twin_tree_bin(bin, sizeof bin))
        return NULL;
    const char *slash = strrchr(bin, '/');
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%.*s/profiles/%s", (int)(slash - bin), bin,
             NETMIMIC_DEFAULT_PROFILE);
    return estrdup(path);
}

char *profile_locate(const char *explicit_path)
{
    if (explicit_path && !*explicit_path)
        die(EXIT_SETUP, "--profile: empty value (give a profile file or directory)");
    if (explicit_path)
        return estrdup(explicit_path);
    const char *env = getenv("NETMIMIC_PROFILE");
    if (env && *env)
        return estrdup(env);
    char *p = build_tree_profile();
    if (p)
        return p;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", NETMIMIC_DATADIR, NETMIMIC_DEFAULT_PROFILE);
    return estrdup(path);
}
