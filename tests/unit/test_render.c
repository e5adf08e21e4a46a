/* test_render.c - unit tests for common/render: filling a message's
 * arguments, the catalogues' fallbacks, the writer's two forms and code
 * pages, and the IPv6 forms of ping: their lines are compared with the
 * IPv6 captures of ../shared/corpus-locale (de-ping-001, fr-ping-006,
 * pt-BR-ping-005, ru-ping-004, zh-CN-ping-010) and windows-output.md 4.
 * Prints "N passed, M failed" and exits non-zero if anything failed. */
#define _POSIX_C_SOURCE 200809L
#include "render/fmt_ping.h"
#include "render/msg.h"
#include "render/out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static void check_text(const char *got, const char *want, const char *what)
{
    check(strcmp(got, want) == 0, "%s: got '%s', want '%s'", what, got, want);
}

/* A writer into memory, in language TAG, console form unless CRLF. */
struct capture {
    char *buf;
    size_t len;
    struct out out;
};

static void capture_open(struct capture *c, const char *tag, int crlf, const char *codepage)
{
    c->buf = NULL;
    c->len = 0;
    out_init(&c->out, open_memstream(&c->buf, &c->len), crlf);
    c->out.lang = msg_find_lang(tag);
    out_set_codepage(&c->out, codepage);
}

/* Closes the writer; the text written is in c->buf (the caller frees it). */
static void capture_close(struct capture *c)
{
    out_close(&c->out);
    fclose(c->out.fp);
}

static void test_fill(void)
{
    char buf[64];
    const char *args[] = {NULL, "a", "bb"};
    msg_fill(buf, sizeof buf, "{2}-{1}-{2}", args, 3);
    check_text(buf, "bb-a-bb", "arguments reordered and repeated");
    msg_fill(buf, sizeof buf, "{3} {0} {x} {", args, 3);
    check_text(buf, "{3} {0} {x} {", "what is not an argument stays as it is");
    msg_fill(buf, 5, "{1}{2}{2}", args, 3);
    check_text(buf, "abbb", "truncated to the buffer");
}

static void test_catalogues(void)
{
    check(msg_find_lang("de-DE") != NULL, "de-DE is there");
    check(msg_find_lang("de") == NULL, "no 'de'");
    check(msg_find_version("xp") == MSG_WIN_XP && msg_find_version("8") < 0, "versions");
    const struct msg_lang *ja = msg_find_lang("ja-JP");
    /* Japanese has no tracert sub-millisecond field of its own
     * (ja-tracert-001 shows the English one): English. */
    check_text(msg_text(ja, MSG_WIN_DEFAULT, MSG_TRACERT_PROBE_SUB1), "  <1 ms  ",
               "fallback to en-US");
    /* A version without a text of its own takes the default. */
    check_text(msg_text(ja, MSG_WIN_XP, MSG_TIMED_OUT), "要求がタイムアウトしました。",
               "fallback to the default version");
    for (size_t l = 0; l < MSG_NLANGS; l++)
        check(msg_langs[l].codepage && *msg_langs[l].codepage, "%s has a code page",
              msg_langs[l].tag);
    for (int id = 1; id < MSG_COUNT; id++)
        check(msg_langs[0].texts[id][MSG_WIN_DEFAULT].text != NULL, "en-US has %s",
              msg_names[id]);
}

/* LANG's IPv6 reply from FROM after RTT ms is the line WANT (console form). */
static void check_reply6(const char *lang, const char *from, double rtt, const char *want)
{
    struct capture c;
    capture_open(&c, lang, 0, NULL);
    ping_echo_reply6(&c.out, from, rtt);
    capture_close(&c);
    char line[512];
    snprintf(line, sizeof line, "%s\n", want);
    check_text(c.buf, line, lang);
    free(c.buf);
}

static void test_reply6(void)
{
    /* The captures' lines, with the times they show. */
    check_reply6("en-US", "2620:1ec:33:1::10", 41.2, "Reply from 2620:1ec:33:1::10: time=41ms");
    check_reply6("en-US", "::1", 0.3, "Reply from ::1: time<1ms");
    check_reply6("de-DE", "2a01:4f8:151:317c::2", 23.5, "Antwort von 2a01:4f8:151:317c::2: Zeit=23ms");
    check_reply6("fr-FR", "2a00:1450:4007:807::200e", 52.1,
                 "Réponse de 2a00:1450:4007:807::200e : temps=52 ms");
    check_reply6("pt-BR", "2001::11", 4.9, "Resposta de 2001::11: tempo=4ms");
    check_reply6("ru-RU", "2001:db8:acad:3::1", 58.0, "Ответ от 2001:db8:acad:3::1: время=58мс");
    check_reply6("zh-CN", "fe80::f8da:96d0:e61d:d7b7%12", 0.2,
                 "来自 fe80::f8da:96d0:e61d:d7b7%12 的回复: 时间<1ms");
    check_reply6("es-ES", "::1", 0.4, "Respuesta desde ::1: tiempo<1m");

    /* The redirected form keeps the reply's one trailing blank. */
    struct capture c;
    capture_open(&c, "en-US", 1, NULL);
    ping_echo_reply6(&c.out, "::1", 12.0);
    capture_close(&c);
    check_text(c.buf, "Reply from ::1: time=12ms \r\n", "IPv6 reply, redirected form");
    free(c.buf);
}

static void test_bare_lines(void)
{
    struct capture c;
    capture_open(&c, "de-DE", 0, NULL);
    ping_line(&c.out, PING_HOST_UNREACH);
    ping_line(&c.out, PING_GENERAL_FAILURE);
    capture_close(&c);
    check_text(c.buf, "Zielhost nicht erreichbar.\nAllgemeiner Fehler.\n", "bare lines, de-DE");
    free(c.buf);
    capture_open(&c, "en-US", 0, NULL);
    ping_line(&c.out, PING_GENERAL_FAILURE);
    capture_close(&c);
    check_text(c.buf, "General failure.\n", "bare General failure.");
    free(c.buf);
}

static void test_codepages(void)
{
    struct capture c;
    capture_open(&c, "fr-FR", 1, "CP850");
    out_line(&c.out, "d’une\u00a0: é ");
    capture_close(&c);
    check_text(c.buf, "d'une\xff: \x82 \r\n", "CP850: best fit for U+2019, NBSP is 0xFF");
    free(c.buf);
    capture_open(&c, "ru-RU", 1, "CP866");
    out_line(&c.out, "Обмен ✓");
    capture_close(&c);
    check_text(c.buf, "\x8e\xa1\xac\xa5\xad ?\r\n", "CP866, and '?' for what it lacks");
    free(c.buf);
}

int main(void)
{
    unsetenv("NETMIMIC_MSG_LOG"); /* not a run of the tools */
    test_fill();
    test_catalogues();
    test_reply6();
    test_bare_lines();
    test_codepages();
    return check_report();
}
