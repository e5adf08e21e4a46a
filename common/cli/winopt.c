/* winopt.c - see winopt.h. */
#include "cli/winopt.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

struct winopt *winopt_get(struct winopt_line *w, char letter)
{
    for (size_t i = 0; i < w->nopts; i++)
        if (w->table[i].letter == letter)
            return &w->table[i];
    die(EXIT_SETUP, "internal error: no option -%c", letter);
}

static int is_windows_option(const char *a)
{
    return (a[0] == '-' || a[0] == '/') && a[1] != '\0';
}

static enum winopt_outcome invalid(struct winopt_line *w, struct out *o, const char *arg)
{
    w->messages->invalid_option(o, arg);
    return WINOPT_FAILED;
}

static enum winopt_outcome take_number(struct winopt_line *w, struct winopt *opt,
                                       struct out *o, const char *v)
{
    uint64_t n;
    if (parse_u64(v, opt->lo, opt->hi, &n)) {
        w->messages->bad_value(o, opt->letter, opt->lo, opt->hi);
        return WINOPT_FAILED;
    }
    opt->number = (unsigned long)n;
    return WINOPT_OK;
}

/* A host list runs up to the target, the last argument. */
static enum winopt_outcome take_hosts(struct winopt_line *w, struct winopt *opt,
                                      struct out *o, int argc, char **argv, int *i)
{
    if (*i + 2 >= argc || is_windows_option(argv[*i + 1])) {
        w->messages->missing_value(o, opt->letter);
        return WINOPT_FAILED;
    }
    while (*i + 2 < argc && !is_windows_option(argv[*i + 1])) {
        if (opt->nhosts == WINOPT_MAX_HOSTS) {
            w->messages->bad_value(o, opt->letter, 1, WINOPT_MAX_HOSTS);
            return WINOPT_FAILED;
        }
        opt->hosts[opt->nhosts++] = argv[++*i];
    }
    return WINOPT_OK;
}

static enum winopt_outcome windows_option(struct winopt_line *w, struct out *o, int argc,
                                          char **argv, int *i)
{
    const char *a = argv[*i];
    if (a[1] == '?' && a[2] == '\0')
        return WINOPT_HELP;
    struct winopt *opt = NULL;
    for (size_t k = 0; k < w->nopts && a[2] == '\0'; k++)
        if (w->table[k].letter == a[1])
            opt = &w->table[k];
    if (!opt)
        return invalid(w, o, a);
    opt->seen = 1;
    if (opt->kind == WINOPT_FLAG)
        return WINOPT_OK;
    if (opt->kind == WINOPT_HOSTS)
        return take_hosts(w, opt, o, argc, argv, i);
    if (*i + 1 >= argc) {
        w->messages->missing_value(o, opt->letter);
        return WINOPT_FAILED;
    }
    const char *v = argv[++*i];
    if (opt->kind == WINOPT_TEXT) {
        opt->text = v;
        return WINOPT_OK;
    }
    return take_number(w, opt, o, v);
}

/* A host list followed by more options ("-j a b -d") took the target too:
 * the last host named is the target, as the last argument would be. */
static void take_target_from_hosts(struct winopt_line *w)
{
    for (size_t k = 0; k < w->nopts && !w->target; k++) {
        struct winopt *opt = &w->table[k];
        if (opt->kind == WINOPT_HOSTS && opt->nhosts > 1)
            w->target = opt->hosts[--opt->nhosts];
    }
}

enum winopt_outcome winopt_parse(struct winopt_line *w, struct out *o, int argc, char **argv)
{
    int windows_args = 0;
    for (int i = 1; i < argc; i++) {
        if (ext_parse(&w->ext, argc, argv, &i) == EXT_TAKEN)
            continue;
        windows_args++;
        const char *a = argv[i];
        enum winopt_outcome r = WINOPT_OK;
        if (strncmp(a, "--", 2) == 0 || (w->target && !is_windows_option(a)))
            r = invalid(w, o, a);
        else if (is_windows_option(a))
            r = windows_option(w, o, argc, argv, &i);
        else
            w->target = a;
        if (r != WINOPT_OK)
            return r;
    }
    ext_apply_env(&w->ext);
    take_target_from_hosts(w);
    return windows_args ? WINOPT_OK : WINOPT_BARE;
}

/* A first pass over the extension options only: the form, language, version
 * and encoding of usage and option errors are those of the run. */
void winopt_open_writer(struct out *o, int argc, char **argv)
{
    struct ext_opts x = {0};
    for (int i = 1; i < argc; i++)
        ext_parse(&x, argc, argv, &i);
    ext_apply_env(&x);
    ext_open_out(o, &x);
}
