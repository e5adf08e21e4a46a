/* fuzz_profile.c - the profile loader, then the tools on what it loaded.
 *
 * The input is a profile.  It is loaded; a profile the loader refuses must
 * be refused by die() with EXIT_SETUP (never a crash, never another exit).
 * A profile it accepts is then run by tracert, ping and pathping (each
 * loads it again, computes the routes toward the target and runs, output to
 * /dev/null) and linted by 'netmimic check'.  The target, the host (--from),
 * a scenario, the seed and --json are picked from a hash of the input, so
 * that one profile always runs the same way: a finding replays.
 * An input with lines "#part" (a comment to iniparser) is a profile in
 * parts: a directory of one file per piece, as --profile DIR reads it. */
#define _GNU_SOURCE /* memmem */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/model.h"
#include "profile/profile.h"
#include "support.h"
#include "tools.h"

#define PART_MARK "\n#part\n"
#define MAX_PARTS 4

static char parts_dir[64];

static void remove_parts(void)
{
    char file[96];
    for (int i = 0; i < MAX_PARTS; i++) {
        snprintf(file, sizeof file, "%s/part%d.ini", parts_dir, i);
        unlink(file);
    }
    rmdir(parts_dir);
}

/* Writes each piece of DATA between marks as DIR/partN.ini (the pieces of
 * the last input removed first); returns DIR. */
static const char *write_parts(const uint8_t *data, size_t size)
{
    if (!parts_dir[0]) {
        const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        snprintf(parts_dir, sizeof parts_dir, "%s/netmimic-fuzz-%ld.d", base, (long)getpid());
        if (mkdir(parts_dir, 0700) != 0 && errno != EEXIST)
            fuzz_fail("cannot create %s", parts_dir);
        atexit(remove_parts);
    }
    remove_parts();
    mkdir(parts_dir, 0700);
    size_t mark = strlen(PART_MARK);
    for (int i = 0; i < MAX_PARTS && size; i++) {
        const uint8_t *end = i < MAX_PARTS - 1 ? memmem(data, size, PART_MARK, mark) : NULL;
        size_t n = end ? (size_t)(end - data) + 1 : size;
        char file[96];
        snprintf(file, sizeof file, "%s/part%d.ini", parts_dir, i);
        FILE *f = fopen(file, "w");
        if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0)
            fuzz_fail("cannot write %s", file);
        data += end ? n + mark - 1 : n;
        size -= end ? n + mark - 1 : n;
    }
    return parts_dir;
}

struct load {
    const char *path;
    struct network *net;
};

static void load(void *arg)
{
    struct load *l = arg;
    profile_load(l->path, l->net);
}

static uint64_t hash_input(const uint8_t *data, size_t size)
{
    uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a */
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 0x100000001b3ull;
    return h;
}

/* What the runs are given, chosen from the loaded network. */
struct choice {
    char target[ADDR_TEXT_MAX];
    char from[128], scenario[128], seed[24];
    int json;
};

/* An address of device D, or its name, or "" if it has neither. */
static void pick_target(const struct network *net, size_t d, int by_name, char *buf)
{
    const struct device *dev = &net->devices[d];
    buf[0] = '\0';
    if (by_name && dev->nnames) {
        snprintf(buf, ADDR_TEXT_MAX, "%s", dev->names[0]);
        return;
    }
    for (size_t i = 0; i < dev->nifaces; i++) {
        const struct iface *ifc = &net->ifaces[dev->ifaces[i]];
        if (ifc->naddrs) {
            addr_format(ifc->addrs[0].addr, buf);
            return;
        }
    }
}

static void choose(const struct network *net, uint64_t h, struct choice *c)
{
    memset(c, 0, sizeof *c);
    snprintf(c->seed, sizeof c->seed, "%u", (unsigned)(h & 0xffff));
    h >>= 16;
    if (net->ndevices)
        pick_target(net, (size_t)(h % net->ndevices), (h >> 12) & 1, c->target);
    if (!c->target[0])
        snprintf(c->target, sizeof c->target, "192.0.2.1");
    h >>= 13;
    if ((h & 3) == 0 && net->ndevices) /* a quarter of the runs from another host */
        snprintf(c->from, sizeof c->from, "%s", net->devices[(h >> 2) % net->ndevices].id);
    h >>= 12;
    if ((h & 3) == 0 && net->nscenarios)
        snprintf(c->scenario, sizeof c->scenario, "%s",
                 net->scenarios[(h >> 2) % net->nscenarios].id);
    h >>= 12;
    c->json = (h & 3) == 0;
}

/* ARGV: TOOL --profile PATH --seed N [--from H] [--scenario S] [--json
 * /dev/null] EXTRA... TARGET */
static void run(enum fuzz_tool tool, const char *path, const struct choice *c,
                const char *const *extra, size_t nextra)
{
    char *argv[24];
    int n = 0;
    argv[n++] = (char *)fuzz_tool_names[tool];
    argv[n++] = "--profile";
    argv[n++] = (char *)path;
    argv[n++] = "--seed";
    argv[n++] = (char *)c->seed;
    if (c->from[0]) {
        argv[n++] = "--from";
        argv[n++] = (char *)c->from;
    }
    if (c->scenario[0]) {
        argv[n++] = "--scenario";
        argv[n++] = (char *)c->scenario;
    }
    if (c->json) {
        argv[n++] = "--json";
        argv[n++] = "/dev/null";
    }
    for (size_t i = 0; i < nextra; i++)
        argv[n++] = (char *)extra[i];
    argv[n++] = (char *)c->target;
    argv[n] = NULL;
    fuzz_run_tool(tool, n, argv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = memmem(data, size, PART_MARK, strlen(PART_MARK))
                           ? write_parts(data, size)
                           : fuzz_write_file(data, size);
    struct network net;
    if (fuzz_call(load, &(struct load){path, &net}) != FUZZ_RETURNED)
        return 0;
    struct choice c;
    choose(&net, hash_input(data, size), &c);
    network_free(&net);

    static const char *const tracert[] = {"-h", "12"};
    static const char *const ping[] = {"-n", "3"};
    static const char *const pathping[] = {"-q", "3", "-h", "12"};
    run(FUZZ_TRACERT, path, &c, tracert, 2);
    run(FUZZ_PING, path, &c, ping, 2);
    run(FUZZ_PATHPING, path, &c, pathping, 4);
    char *check[] = {"netmimic", "--profile", (char *)path, "check", NULL};
    fuzz_run_tool(FUZZ_NETMIMIC, 4, check);
    return 0;
}
