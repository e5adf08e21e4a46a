/* fuzz_compiled.c - compiled profiles (profile/compiled.h): arbitrary bytes
 * read as one, then the tools on what was read.
 *
 * The input is read through compiled_load_bytes with the checksum check
 * off, so that a mutation of the body reaches the checks behind it (the
 * counts, the indexes, the enumerations, the references across objects):
 * a file with a good checksum can be crafted, so these are what keeps a
 * damaged file from crashing.  What the reader refuses must be refused by
 * die() with EXIT_SETUP.  What it accepts is written again (compiled_encode:
 * a good checksum), which must read back and be written as the same bytes,
 * and tracert, ping and 'netmimic check' run on that file, toward an
 * address picked from a hash of the input.
 *
 * Seeds: compiled shipped profiles, which go stale whenever the build
 * identity changes, so none is kept in the tree: with FUZZ_COMPILED_SEEDS
 * set to a directory, the harness compiles every profile of
 * $FUZZ_PROFILES into it and exits (tests/fuzz/run.sh does so first). */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "profile/compiled.h"
#include "profile/profile.h"
#include "support.h"
#include "tools.h"

struct load {
    const uint8_t *data;
    size_t size;
    struct network *net;
    int check_sum;
};

static void load(void *arg)
{
    struct load *l = arg;
    compiled_load_bytes("fuzz.nmp", l->data, l->size, l->check_sum, l->net);
}

/* What the reader accepted, written again (O), must read back, checksum
 * checked, and be written as the same bytes: the tools below met only
 * "damaged" on a writer's slip, and took it as a refusal. */
static void check_round_trip(const struct bytes_out *o)
{
    struct network again;
    if (fuzz_call(load, &(struct load){o->buf, o->len, &again, 1}) != FUZZ_RETURNED)
        fuzz_fail("an accepted input, written again, is refused: %s", fuzz_die_message());
    struct bytes_out o2 = {0};
    compiled_encode(&again, &o2);
    int same = o2.len == o->len && memcmp(o2.buf, o->buf, o->len) == 0;
    bytes_free(&o2);
    network_free(&again);
    if (!same)
        fuzz_fail("an accepted input, written again and read back, is written otherwise");
}

static uint64_t hash_input(const uint8_t *data, size_t size)
{
    uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a */
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 0x100000001b3ull;
    return h;
}

/* An address of one of the network's devices, picked by H. */
static void pick_target(const struct network *net, uint64_t h, char *buf)
{
    snprintf(buf, ADDR_TEXT_MAX, "192.0.2.1");
    for (size_t k = 0; k < net->ndevices; k++) {
        const struct device *d = &net->devices[(h + k) % net->ndevices];
        for (size_t i = 0; i < d->nifaces; i++)
            if (net->ifaces[d->ifaces[i]].naddrs) {
                addr_format(net->ifaces[d->ifaces[i]].addrs[0].addr, buf);
                return;
            }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct network net;
    if (fuzz_call(load, &(struct load){data, size, &net, 0}) != FUZZ_RETURNED)
        return 0;
    struct bytes_out o = {0};
    compiled_encode(&net, &o);
    check_round_trip(&o);
    char target[ADDR_TEXT_MAX], seed[24];
    uint64_t h = hash_input(data, size);
    pick_target(&net, h >> 16, target);
    snprintf(seed, sizeof seed, "%u", (unsigned)(h & 0xffff));
    network_free(&net);
    const char *path = fuzz_write_file(o.buf, o.len);
    bytes_free(&o);

    char *tracert[] = {"tracert", "--profile", (char *)path, "--seed", seed, "-h", "10",
                       target, NULL};
    fuzz_run_tool(FUZZ_TRACERT, 8, tracert);
    char *ping[] = {"ping", "--profile", (char *)path, "--seed", seed, "-n", "2", target, NULL};
    fuzz_run_tool(FUZZ_PING, 8, ping);
    char *check[] = {"netmimic", "--profile", (char *)path, "check", NULL};
    fuzz_run_tool(FUZZ_NETMIMIC, 4, check);
    return 0;
}

/* ---- seeds ------------------------------------------------------------------ */

static void compile_one(const char *profile, const char *out)
{
    struct network net;
    profile_load(profile, &net);
    compiled_write(&net, out);
    network_free(&net);
}

/* Every *.ini of $FUZZ_PROFILES compiled into DIR. */
static void write_seeds(const char *dir)
{
    const char *profiles = getenv("FUZZ_PROFILES");
    DIR *d = profiles ? opendir(profiles) : NULL;
    if (!d)
        fuzz_fail("FUZZ_PROFILES: no directory of profiles");
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".ini") != 0)
            continue;
        char in[4096], out[4096];
        snprintf(in, sizeof in, "%s/%s", profiles, e->d_name);
        snprintf(out, sizeof out, "%s/%.*s.nmp", dir, (int)(n - 4), e->d_name);
        compile_one(in, out);
    }
    closedir(d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *seeds = getenv("FUZZ_COMPILED_SEEDS");
    if (seeds && *seeds) {
        write_seeds(seeds);
        exit(0);
    }
    fuzz_setup();
    return 0;
}
