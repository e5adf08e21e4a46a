/* loader.h - the profile loader's own parts, shared by its three files:
 * profile.c (the load, the raw pre-scan, locating the file), profile_keys.c
 * (one object per section, then every key) and profile_refs.c (references
 * between objects, and the checks across them). */
#ifndef NETMIMIC_LOADER_H
#define NETMIMIC_LOADER_H

#include <stddef.h>

#include "base/strmap.h"
#include "model/model.h"

/* iniparser 4.1's longest line, in bytes, its newline not counted: it
 * reads a line with fgets into 1024 bytes, which hold 1023 with the
 * newline, and calls a line that does not end there too long.  No section
 * name, key or value is longer, so a buffer of LOADER_LINE_MAX + 1 bytes
 * holds any of them whole. */
#define LOADER_LINE_MAX 1022

enum section_type { SEC_NETWORK, SEC_SITE, SEC_DEVICE, SEC_LINK, SEC_SESSION, SEC_SCENARIO };


/* References kept as text until every object exists. */
struct device_refs { const char *site, *decrement, *reply_from, *nat_outside; };
struct link_refs { const char *end[2], *router_names; };
struct session_refs { const char *link, *export[2]; };
struct scenario_refs { const char *down; };

/* Where a section was defined: a part of the profile and a line. */
struct section_origin {
    size_t part;
    long line;
};

/* A list split from a value, held until the value is parsed. */
struct held_list {
    char **items;
    size_t n;
};

struct loader {
    const char *path;     /* the profile: one file, or a directory of parts */
    char **parts;         /* its files, in the order they are read */
    size_t nparts;
    const char *file;     /* the part being read; NULL once all are read */
    int one_file;         /* the profile is one file, not a directory */
    struct strmap sections; /* section name (normalized) -> index into origins */
    struct section_origin *origins;
    size_t norigins, cap_origins;
    struct network *net;
    size_t cap_devices, cap_links, cap_sessions, cap_scenarios, cap_sites, cap_ifaces;
    struct device_refs *dev_refs;
    struct link_refs *link_refs;
    struct session_refs *sess_refs;
    struct scenario_refs *scen_refs;
    const char *default_host;
    int seen_network;
    void **dicts;          /* each part's iniparser dictionary */
    struct held_list *held; /* see loader_split */
    size_t nheld, cap_held;
    /* The section of the last key parsed: a section's keys come one after
     * another, so its type and object are found once, not once a key. */
    char last_section[LOADER_LINE_MAX + 1];
    int last_type, last_index;
};

/* The file a message about SECTION names: the part being read, or once all
 * are read, the part that defined SECTION (the profile if none did). */
const char *loader_file(const struct loader *ld, const char *section);

/* One line on stderr naming file, section and key; exits EXIT_SETUP. */
_Noreturn void loader_fail(const struct loader *ld, const char *section, const char *key,
                           const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Splits V as split_list does; the loader holds the list until
 * loader_release, so that an error on the way (which exits at once) leaves
 * it reachable, not leaked. */
char **loader_split(struct loader *ld, const char *v, char sep, size_t *n);
void loader_release(struct loader *ld);

/* "TYPE ID" into BUF, as a message names a section. */
char *loader_section(const char *type, const char *id, char *buf, size_t n);
int loader_find_site(const struct network *net, const char *id);

/* Pass 1 and pass 2 (profile_keys.c). */
void loader_create_section(struct loader *ld, const char *sec);
void loader_parse_key(struct loader *ld, const char *entry, const char *v);

/* A transit segment's reverse names from the pattern of its router_names
 * (profile_keys.c, called in pass 3 once routers and the pool are known). */
void loader_router_names(struct loader *ld, int link, const char *pattern);

/* Pass 3 (profile_refs.c). */
void loader_resolve(struct loader *ld);

#endif
