/* test_compiled.c - unit tests for compiled profiles (profile/compiled.h),
 * on the compiled file given as the argument:
 *   - read back and written again, it gives the same bytes (the reader
 *     reads every field the writer writes, in its order);
 *   - crafted files: one byte of the body changed and the checksum made
 *     good again, at offsets all over the body: each load ends with exit
 *     0 or with exit 2 and a "damaged" line, never a signal (a crash, a
 *     sanitizer's report);
 *   - another host written as the default host is read back as it, and
 *     a default host out of range is named as such.
 * Prints "N passed, M failed" and exits non-zero if anything failed. */
#define _POSIX_C_SOURCE 200809L
#include "profile/compiled.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/util.h"
#include "check.h"

static uint8_t *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f || fseek(f, 0, SEEK_END) != 0) {
        perror(path);
        exit(2);
    }
    *size = (size_t)ftell(f);
    rewind(f);
    uint8_t *data = emalloc(*size);
    if (fread(data, 1, *size, f) != *size) {
        perror(path);
        exit(2);
    }
    fclose(f);
    return data;
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Where the body starts: after the magic, the format, the build identity,
 * the version, the text compiled (a flag, its size and checksum) and the
 * body's length. */
static size_t body_start(const uint8_t *d)
{
    size_t at = COMPILED_MAGIC_LEN + 4;
    at += 4 + le32(d + at) - 1; /* the build identity: its length + 1, its bytes */
    at += 4 + le32(d + at) - 1;
    return at + 1 + 8 + 8 + 8;
}

static void fix_checksum(uint8_t *d, size_t size, size_t body)
{
    uint64_t sum = bytes_checksum(d + body, size - 8 - body);
    for (int i = 0; i < 8; i++)
        d[size - 8 + i] = (uint8_t)(sum >> (8 * i));
}

static void test_round_trip(const uint8_t *data, size_t size)
{
    struct network net;
    compiled_load_bytes("in", data, size, 1, &net);
    struct bytes_out o = {0};
    compiled_encode(&net, &o);
    check(o.len == size && memcmp(o.buf, data, size) == 0,
          "read and written again: the same %zu bytes (got %zu)", size, o.len);
    bytes_free(&o);
    network_free(&net);
}

/* Loads DATA in a child: its exit status (-1: killed by a signal), its
 * first line on stderr in MSG. */
static int load_in_child(const uint8_t *data, size_t size, char *msg, size_t n)
{
    int fds[2];
    if (pipe(fds) != 0)
        exit(2);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 2);
        close(fds[0]);
        struct network net;
        compiled_load_bytes("crafted", data, size, 1, &net);
        network_free(&net);
        _exit(0);
    }
    close(fds[1]);
    /* read to the end: a pipe closed early would kill the child (SIGPIPE) */
    size_t len = 0;
    char rest[256];
    for (ssize_t got; (got = read(fds[0], len + 1 < n ? msg + len : rest,
                                  len + 1 < n ? n - 1 - len : sizeof rest)) > 0;)
        len += len + 1 < n ? (size_t)got : 0;
    msg[len] = '\0';
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int refused_as_damaged(const char *msg)
{
    return strncmp(msg, "test-compiled: crafted: damaged compiled profile (", 50) == 0;
}

static void test_crafted(const uint8_t *data, size_t size, size_t step)
{
    size_t body = body_start(data);
    uint8_t *copy = emalloc(size);
    static const uint8_t values[] = {0xff, 0x01};
    int refused = 0, loaded = 0;
    for (size_t at = body; at + 8 < size; at += step)
        for (size_t v = 0; v < sizeof values; v++) {
            memcpy(copy, data, size);
            copy[at] ^= values[v];
            fix_checksum(copy, size, body);
            char msg[512];
            int status = load_in_child(copy, size, msg, sizeof msg);
            check(status == 0 || (status == 2 && refused_as_damaged(msg)),
                  "byte %zu ^ 0x%02x: exit %d, %s", at, values[v], status, msg);
            refused += status == 2;
            loaded += status == 0;
        }
    check(refused > 0, "some crafted files refused (%d)", refused);
    printf("crafted: %d refused, %d loaded\n", refused, loaded);
    free(copy);
}

static void put_le32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* DATA with the 4 bytes at AT set to V and the checksum made good again:
 * a new buffer. */
static uint8_t *patched(const uint8_t *data, size_t size, size_t at, uint32_t v)
{
    uint8_t *copy = emalloc(size);
    memcpy(copy, data, size);
    put_le32(copy + at, v);
    fix_checksum(copy, size, body_start(data));
    return copy;
}

/* The default host is the i32 after the name (its length plus one, then
 * its bytes and NUL: format 2 writes the NUL), the ECMP seed (8 bytes),
 * the time_of_day flag (1) and value (8).  The offset is proved first: the
 * file's default host is there, and another host written there is read
 * back as the default host.  Patched one byte off (format 1's layout), the
 * test still saw "default host out of range" (time_of_day's last byte and
 * three of the host's were written), so the message alone proved nothing. */
static void test_default_host(const uint8_t *data, size_t size)
{
    size_t body = body_start(data), name = le32(data + body);
    size_t at = body + 4 + name + 8 + 1 + 8;
    struct network net;
    compiled_load_bytes("in", data, size, 1, &net);
    int host = net.default_host, other = -1;
    for (size_t i = 0; i < net.ndevices && other < 0; i++)
        if ((int)i != host && net.devices[i].kind == KIND_HOST)
            other = (int)i; /* the default host must be a host */
    network_free(&net);
    int found = at + 4 <= size && le32(data + at) == (uint32_t)host;
    check(found, "the default host (%d) at byte %zu", host, at);
    if (!found)
        return;
    check(other >= 0, "a second host to make the default one");
    if (other >= 0) {
        uint8_t *copy = patched(data, size, at, (uint32_t)other);
        compiled_load_bytes("in", copy, size, 1, &net);
        check(net.default_host == other, "another default host written: read %d, not %d",
              net.default_host, other);
        network_free(&net);
        free(copy);
    }
    uint8_t *copy = patched(data, size, at, 0x075bcd15);
    char msg[512];
    int status = load_in_child(copy, size, msg, sizeof msg);
    check(status == 2 && strstr(msg, "(default host out of range at byte "),
          "a default host out of range: exit %d, %s", status, msg);
    free(copy);
}

int main(int argc, char **argv)
{
    prog_name = "test-compiled";
    if (argc < 2) {
        fprintf(stderr, "usage: test-compiled COMPILED-FILE [STEP]\n");
        return 2;
    }
    size_t size;
    uint8_t *data = read_file(argv[1], &size);
    test_round_trip(data, size);
    test_default_host(data, size);
    test_crafted(data, size, argc > 2 ? (size_t)atoi(argv[2]) : 23);
    free(data);
    return check_report();
}
