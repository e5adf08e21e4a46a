/* tools.h - the front ends of tools/ as functions the harnesses call:
 * each is compiled with its main renamed (tool_*.c), and its option table,
 * which a parse fills in, is put back as it was before every run. */
#ifndef NETMIMIC_FUZZ_TOOLS_H
#define NETMIMIC_FUZZ_TOOLS_H

enum fuzz_tool { FUZZ_TRACERT, FUZZ_PING, FUZZ_PATHPING, FUZZ_NETMIMIC, FUZZ_NTOOLS };

extern const char *const fuzz_tool_names[FUZZ_NTOOLS];

/* Runs the tool's main on ARGV (ARGV[0] its name) inside fuzz_call();
 * returns its exit status, or the status of the die() that ended it.
 * ping's signal handlers are taken back afterwards (libFuzzer's own). */
int fuzz_run_tool(enum fuzz_tool tool, int argc, char **argv);

int fuzz_tracert_main(int argc, char **argv);
int fuzz_ping_main(int argc, char **argv);
int fuzz_pathping_main(int argc, char **argv);
int fuzz_netmimic_main(int argc, char **argv);
void fuzz_tracert_reset(void);
void fuzz_ping_reset(void);
void fuzz_pathping_reset(void);

/* Defines FN, a tool_*.c's reset: its first call keeps the tool's option
 * table (the file's static `table`) as built, every call puts it back. */
#define FUZZ_DEFINE_TABLE_RESET(fn)                                  \
    void fn(void)                                                    \
    {                                                                \
        static struct winopt pristine[sizeof table / sizeof *table]; \
        static int saved;                                            \
        if (!saved) {                                                \
            memcpy(pristine, table, sizeof table);                   \
            saved = 1;                                               \
        }                                                            \
        memcpy(table, pristine, sizeof table);                       \
    }

#endif
