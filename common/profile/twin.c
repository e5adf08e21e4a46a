/* twin.c - see twin.h.  What a text profile's load costs is mostly
 * iniparser's and the loader's passes (4.1 M instructions for the default
 * profile); its twin is read in a twentieth of that.  The text is read
 * too, only to be summed; both are read, not mapped (a file cut under a
 * mapping is SIGBUS). */
#define _POSIX_C_SOURCE 200809L
#include "profile/twin.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/bytes.h"
#include "base/util.h"
#include "profile/compiled.h"
#include "profile/profile.h"

int twin_tree_bin(char *bin, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", bin, size - 1);
    bin[n > 0 ? n : 0] = '\0';
    char *slash = strrchr(bin, '/');
    if (slash)
        *slash = '\0';
    char *up = slash ? strrchr(bin, '/') : NULL;
    char profile[PATH_MAX + 64];
    if (up)
        snprintf(profile, sizeof profile, "%.*s/profiles/%s", (int)(up - bin), bin,
                 NETMIMIC_DEFAULT_PROFILE);
    return up && access(profile, R_OK) == 0;
}

/* Where the twin of PATH would be, or NULL for a name without ".ini". */
static char *twin_path(const char *path)
{
    const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
    size_t n = strlen(base);
    if (n <= 4 || strcmp(base + n - 4, ".ini") != 0)
        return NULL;
    char bin[PATH_MAX];
    const char *tree = twin_tree_bin(bin, sizeof bin) ? bin : NULL;
    char *twin = emalloc(strlen(tree ? tree : NETMIMIC_DATADIR) + n + sizeof "/twins/");
    if (tree)
        sprintf(twin, "%s/twins/%.*s.nmp", tree, (int)(n - 4), base);
    else
        sprintf(twin, "%s/%.*s.nmp", NETMIMIC_DATADIR, (int)(n - 4), base);
    return twin;
}

/* PATH's bytes, if it is a regular file that is not empty, read into a
 * mapping of their own (compiled_read_whole: a file cut or rewritten
 * under the run changes nothing of what was read); else NULL (the text
 * loader names what is wrong with a text).  *SIZE: the bytes read,
 * *MAPPED: the mapping's size, for munmap. */
static void *read_file(const char *path, size_t *size, size_t *mapped)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    void *p = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        *mapped = (size_t)st.st_size;
        p = compiled_read_whole(fd, *mapped, size);
    }
    close(fd);
    return p;
}

static int twins_on(void)
{
    const char *v = getenv("NETMIMIC_TWINS");
    return !v || strcmp(v, "0") != 0;
}

/* Whether the twin read into DATA records PATH's bytes as they are. */
static int matches(const char *path, const uint8_t *data, size_t size)
{
    size_t text_size, text_mapped;
    void *text = read_file(path, &text_size, &text_mapped);
    if (!text)
        return 0;
    int same = compiled_is_twin(data, size, text_size, bytes_checksum(text, text_size));
    munmap(text, text_mapped);
    return same;
}

int twin_load(const char *path, struct network *net)
{
    if (!twins_on())
        return 0;
    char *twin = twin_path(path);
    size_t size, mapped;
    void *data = twin ? read_file(twin, &size, &mapped) : NULL;
    if (!data || !matches(path, data, size)) {
        if (data)
            munmap(data, mapped);
        free(twin);
        return 0;
    }
    compiled_load_mapped(twin, data, size, mapped, net);
    net->twin = twin;
    free(net->path);
    net->path = estrdup(path);
    return 1;
}
