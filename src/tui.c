/* tui: the interactive review on a plain ANSI terminal; see tui.h. */
#include "tui.h"
#include "diag.h"
#include "finding.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define CSI "\033["

typedef struct change {
    review_item *it;
    int decision;
    buf replace;           /* the replacement before the action; owned */
    size_t qi;             /* its place in the queue */
} change;

/* One key's worth of decisions, undone as a whole. */
typedef struct action {
    size_t pos;            /* the finding shown when it was taken */
    change *v;
    size_t n;
} action;

typedef struct session {
    review *r;
    const char *path;
    review_item **q;       /* the findings to visit, in order */
    const char **qfile;    /* their files' paths */
    unsigned char *done;   /* decided by a rule-wide key: passed over */
    size_t nq, pos;
    action *undo;
    size_t nundo, capundo;
    struct termios saved;
    int raw;
    buf scr;
    char msg[160];
} session;

static volatile sig_atomic_t signalled;
static struct termios *restore_on_exit;

static void on_signal(int sig)
{
    signalled = sig;
}

static void raw_off(session *s)
{
    if (s->raw) {
        tcsetattr(STDIN_FILENO, TCSANOW, &s->saved);
        s->raw = 0;
    }
    restore_on_exit = NULL;
}

static void restore_atexit(void)
{
    if (restore_on_exit)
        tcsetattr(STDIN_FILENO, TCSANOW, restore_on_exit);
}

static int raw_on(session *s)
{
    if (tcgetattr(STDIN_FILENO, &s->saved) != 0)
        return -1;
    struct termios t = s->saved;
    t.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
    t.c_iflag &= ~(tcflag_t)(IXON | ICRNL | INLCR);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    /* TCSANOW, not TCSAFLUSH: keys typed ahead are kept. */
    if (tcsetattr(STDIN_FILENO, TCSANOW, &t) != 0)
        return -1;
    s->raw = 1;
    restore_on_exit = &s->saved;
    return 0;
}

static void flush_screen(session *s)
{
    size_t at = 0;
    while (at < s->scr.len) {
        ssize_t w = write(STDOUT_FILENO, s->scr.data + at, s->scr.len - at);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        at += (size_t)w;
    }
    buf_clear(&s->scr);
}

enum { KEY_QUIT = -1 };

/* One key: a byte, or KEY_QUIT on end of input or a signal. Escape
 * sequences (arrow keys) come back as 0x1b with the rest swallowed. */
static int read_key(void)
{
    unsigned char c;
    for (;;) {
        if (signalled)
            return KEY_QUIT;
        ssize_t n = read(STDIN_FILENO, &c, 1);
        if (n == 1)
            break;
        if (n < 0 && errno == EINTR)
            continue;
        return KEY_QUIT;
    }
    return c;
}

static void swallow_escape(void)
{
    unsigned char c;
    struct termios t;
    /* The rest of a sequence arrives at once: wait at most 0.1 s for it. */
    if (tcgetattr(STDIN_FILENO, &t) != 0)
        return;
    struct termios quick = t;
    quick.c_cc[VMIN] = 0;
    quick.c_cc[VTIME] = 1;
    tcsetattr(STDIN_FILENO, TCSANOW, &quick);
    if (read(STDIN_FILENO, &c, 1) == 1 && (c == '[' || c == 'O'))
        while (read(STDIN_FILENO, &c, 1) == 1 && !(c >= 0x40 && c <= 0x7E))
            ;
    tcsetattr(STDIN_FILENO, TCSANOW, &t);
}

/* A string for the screen: control bytes and invalid UTF-8 escaped as in the file. */
static void put_shown(buf *o, const buf *b)
{
    buf q = BUF_INIT;
    review_put_string(&q, b->data ? b->data : "", b->len);
    buf_put(o, q.data + 1, q.len - 2);
    buf_free(&q);
}

static size_t count_decision(const review *r, int d)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++)
        for (size_t k = 0; k < r->files[i].n; k++)
            n += r->files[i].v[k].decision == d;
    return n;
}

static const char *const decision_colour[] = {CSI "33m", CSI "32m", CSI "31m"};

static void draw(session *s)
{
    review_item *it = s->q[s->pos];
    buf *o = &s->scr;
    buf_printf(o, CSI "H" CSI "2J" CSI "1munspin review" CSI "0m  %s:%zu:%zu   finding %zu of %zu (id %lu)\n",
               s->qfile[s->pos], it->line, it->col, s->pos + 1, s->nq, it->id);
    buf_printf(o, "%s %s  %s      now: %s%s" CSI "0m\n\n", kind_name(it->kind), klass_name(it->klass),
               it->rule, decision_colour[it->decision], decision_name(it->decision));
    buf_puts(o, "  ...");
    put_shown(o, &it->before);
    buf_puts(o, CSI "1;7m");
    put_shown(o, &it->text);
    buf_puts(o, CSI "0m");
    put_shown(o, &it->after);
    buf_puts(o, "...\n\n  replace  " CSI "1;32m");
    put_shown(o, &it->replace);
    buf_puts(o, CSI "0m\n");
    if (it->nalts) {
        buf_puts(o, "  others  ");
        for (size_t a = 0; a < it->nalts && a < 9; a++) {
            buf_printf(o, " %zu ", a + 1);
            put_shown(o, &it->alts[a]);
            buf_puts(o, " ");
        }
        buf_puts(o, "\n");
    }
    buf_printf(o, "\n%s\n", s->msg);
    s->msg[0] = '\0';
    buf_puts(o, CSI "7m a " CSI "0m accept " CSI "7m r " CSI "0m reject " CSI "7m e " CSI "0m edit "
                CSI "7m A " CSI "0m/" CSI "7m R " CSI "0m all of rule " CSI "7m u " CSI "0m undo "
                CSI "7m s " CSI "0m skip " CSI "7m q " CSI "0m save+quit " CSI "7m ? " CSI "0m help\n");
    flush_screen(s);
}

static void draw_help(session *s)
{
    buf_puts(&s->scr, CSI "H" CSI "2J" CSI "1munspin review: keys" CSI "0m\n\n"
             "  a, y      accept the replacement\n"
             "  r, n      reject: leave the text as it is\n"
             "  e         edit the replacement (Enter keeps it and accepts, Esc cancels)\n"
             "  1-9       take that alternative as the replacement and accept\n"
             "  A         accept this and every later finding of the same rule\n"
             "  R         reject this and every later finding of the same rule\n"
             "  u         undo the last decision (or skip) and go back to it\n"
             "  s, space  skip: leave it as it is and go on\n"
             "  q         save and quit (Ctrl-C, Ctrl-D and hanging up save too)\n"
             "            after the last finding, u and q are offered again\n"
             "  ?, h      this help; Ctrl-L redraws\n\n"
             "Every decision is saved at once to the review file; resume a session with\n"
             "  unspin review -i -o FILE\n"
             "and carry out the accepted findings with\n"
             "  unspin apply FILE\n\n"
             "Press any key.\n");
    flush_screen(s);
}

static void draw_end(session *s)
{
    const review *r = s->r;
    buf_printf(&s->scr, CSI "H" CSI "2J" CSI "1munspin review" CSI "0m  every finding visited: "
               "%zu accept, %zu reject, %zu pending\n\n%s\n"
               CSI "7m q " CSI "0m save and quit " CSI "7m u " CSI "0m undo the last decision\n",
               count_decision(r, DECIDE_ACCEPT), count_decision(r, DECIDE_REJECT),
               count_decision(r, DECIDE_PENDING), s->msg);
    s->msg[0] = '\0';
    flush_screen(s);
}

static void save(session *s)
{
    s->r->resume = s->pos < s->nq ? s->q[s->pos]->id : 0;
    if (review_save(s->r, s->path) != 0)
        snprintf(s->msg, sizeof s->msg, CSI "31mcannot save to %s" CSI "0m", s->path);
}

static action *begin_action(session *s)
{
    if (s->nundo == s->capundo) {
        s->capundo = s->capundo ? 2 * s->capundo : 64;
        s->undo = xrealloc(s->undo, s->capundo * sizeof *s->undo);
    }
    action *a = &s->undo[s->nundo++];
    a->pos = s->pos;
    a->v = NULL;
    a->n = 0;
    return a;
}

static void record(action *a, review_item *it, size_t qi)
{
    a->v = xrealloc(a->v, (a->n + 1) * sizeof *a->v);
    change *c = &a->v[a->n++];
    c->it = it;
    c->decision = it->decision;
    c->qi = qi;
    c->replace = (buf)BUF_INIT;
    buf_put(&c->replace, it->replace.data, it->replace.len);
}

static void set_replace(review_item *it, const char *p, size_t n)
{
    buf_clear(&it->replace);
    buf_put(&it->replace, p, n);
    buf_reserve(&it->replace, 1);
    it->replace.data[it->replace.len] = '\0';
}

static void advance(session *s)
{
    s->pos++;
    while (s->pos < s->nq && s->done[s->pos])
        s->pos++;
}

static void decide(session *s, int d, int whole_rule)
{
    action *a = begin_action(s);
    review_item *cur = s->q[s->pos];
    record(a, cur, s->pos);
    cur->decision = d;
    if (whole_rule) {
        size_t n = 0;
        for (size_t i = s->pos + 1; i < s->nq; i++)
            if (!s->done[i] && strcmp(s->q[i]->rule, cur->rule) == 0) {
                record(a, s->q[i], i);
                s->q[i]->decision = d;
                s->done[i] = 1;
                n++;
            }
        snprintf(s->msg, sizeof s->msg, "%s this and %zu later findings of %s", d == DECIDE_ACCEPT ?
                 "accepted" : "rejected", n, cur->rule);
    }
    advance(s);
    save(s);
}

static void undo(session *s)
{
    if (!s->nundo) {
        snprintf(s->msg, sizeof s->msg, "nothing to undo");
        return;
    }
    action *a = &s->undo[--s->nundo];
    for (size_t i = 0; i < a->n; i++) {
        change *c = &a->v[i];
        c->it->decision = c->decision;
        set_replace(c->it, c->replace.data ? c->replace.data : "", c->replace.len);
        if (c->qi != a->pos)
            s->done[c->qi] = 0;
        buf_free(&c->replace);
    }
    free(a->v);
    s->pos = a->pos;
    snprintf(s->msg, sizeof s->msg, "undone");
    save(s);
}

/* Edits the replacement on the last line; 1 when confirmed with Enter. */
static int edit(session *s, buf *line)
{
    review_item *it = s->q[s->pos];
    buf_clear(line);
    buf_put(line, it->replace.data, it->replace.len);
    for (;;) {
        buf_puts(&s->scr, "\r" CSI "K" CSI "1mreplace:" CSI "0m ");
        put_shown(&s->scr, line);
        flush_screen(s);
        int k = read_key();
        if (k == KEY_QUIT || k == 0x03 || k == 0x1b) {
            if (k == 0x1b)
                swallow_escape();
            return 0;
        }
        if (k == '\r' || k == '\n')
            return 1;
        if (k == 0x7f || k == 0x08) {
            while (line->len && ((unsigned char)line->data[line->len - 1] & 0xC0) == 0x80)
                line->len--;
            if (line->len)
                line->len--;
        } else if (k == 0x15) {
            line->len = 0;
        } else if (k >= 0x20) {
            buf_putc(line, (char)k);
        }
    }
}

static void build_queue(session *s, int all)
{
    review *r = s->r;
    size_t total = review_count(r);
    s->q = xmalloc((total ? total : 1) * sizeof *s->q);
    s->qfile = xmalloc((total ? total : 1) * sizeof *s->qfile);
    s->done = xcalloc(total ? total : 1, 1);
    size_t start = 0;
    for (size_t i = 0; i < r->n; i++)
        for (size_t k = 0; k < r->files[i].n; k++) {
            review_item *it = &r->files[i].v[k];
            if (!all && it->decision != DECIDE_PENDING)
                continue;
            if (r->resume && it->id == r->resume)
                start = s->nq;
            s->qfile[s->nq] = r->files[i].path;
            s->q[s->nq++] = it;
        }
    /* Resume where the last session stopped; what it skipped comes after. */
    if (start) {
        review_item **q = xmalloc(s->nq * sizeof *q);
        const char **f = xmalloc(s->nq * sizeof *f);
        for (size_t i = 0; i < s->nq; i++) {
            q[i] = s->q[(start + i) % s->nq];
            f[i] = s->qfile[(start + i) % s->nq];
        }
        free(s->q);
        free(s->qfile);
        s->q = q;
        s->qfile = f;
    }
}

int tui_review(review *r, const char *save_path, int all)
{
    session s = {0};
    s.r = r;
    s.path = save_path;
    build_queue(&s, all);
    if (s.nq == 0) {
        review_save(r, save_path);
        diag(DIAG_NOTE, 0, (diag_loc){save_path, 0, 0},
             "nothing to decide: %zu findings, none pending (--all visits every one); saved",
             review_count(r));
        free(s.q);
        free(s.qfile);
        free(s.done);
        return diag_status();
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;   /* no SA_RESTART: read() returns EINTR */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    atexit(restore_atexit);
    if (raw_on(&s) != 0) {
        diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){0}, "cannot set up the terminal: %s", strerror(errno));
        return diag_status();
    }
    save(&s);   /* the file exists from the start */
    buf line = BUF_INIT;
    int quit = 0, help = 0;
    while (!quit) {
        if (s.pos >= s.nq) {
            /* Every finding visited: the last decision can still be undone. */
            draw_end(&s);
            int k = read_key();
            if (k == 'u')
                undo(&s);
            else if (k == 'q' || k == 0x03 || k == 0x04 || k == KEY_QUIT)
                quit = 1;
            continue;
        }
        if (help)
            draw_help(&s);
        else
            draw(&s);
        int k = read_key();
        if (help) {
            help = 0;
            if (k != KEY_QUIT)
                continue;
        }
        review_item *it = s.q[s.pos];
        switch (k) {
        case 'a': case 'y': decide(&s, DECIDE_ACCEPT, 0); break;
        case 'r': case 'n': decide(&s, DECIDE_REJECT, 0); break;
        case 'A': decide(&s, DECIDE_ACCEPT, 1); break;
        case 'R': decide(&s, DECIDE_REJECT, 1); break;
        case 'e':
            if (edit(&s, &line)) {
                action *a = begin_action(&s);
                record(a, it, s.pos);
                set_replace(it, line.data ? line.data : "", line.len);
                it->decision = DECIDE_ACCEPT;
                advance(&s);
                save(&s);
            }
            break;
        case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
            if ((size_t)(k - '1') < it->nalts) {
                action *a = begin_action(&s);
                record(a, it, s.pos);
                const buf *alt = &it->alts[k - '1'];
                set_replace(it, alt->data, alt->len);
                it->decision = DECIDE_ACCEPT;
                advance(&s);
                save(&s);
            } else {
                snprintf(s.msg, sizeof s.msg, "no alternative %c", k);
            }
            break;
        case 'u': undo(&s); break;
        case 's': case ' ': case 'j':
            begin_action(&s);
            advance(&s);
            save(&s);
            break;
        case '?': case 'h': help = 1; break;
        case 0x0c: break;
        case 0x1b: swallow_escape(); break;
        case 'q': case 0x03: case 0x04: case KEY_QUIT: quit = 1; break;
        default:
            snprintf(s.msg, sizeof s.msg, "unknown key (? for help)");
        }
    }
    save(&s);
    buf_puts(&s.scr, "\n");
    flush_screen(&s);
    raw_off(&s);
    if (s.pos >= s.nq)
        diag(DIAG_NOTE, 0, (diag_loc){save_path, 0, 0},
             "every finding visited (%zu accept, %zu reject, %zu pending); apply with: unspin apply %s",
             count_decision(r, DECIDE_ACCEPT), count_decision(r, DECIDE_REJECT),
             count_decision(r, DECIDE_PENDING), save_path);
    else
        diag(DIAG_NOTE, 0, (diag_loc){save_path, 0, 0}, "saved; resume with: unspin review -i -o %s",
             save_path);
    for (size_t i = 0; i < s.nundo; i++) {
        for (size_t k = 0; k < s.undo[i].n; k++)
            buf_free(&s.undo[i].v[k].replace);
        free(s.undo[i].v);
    }
    free(s.undo);
    buf_free(&line);
    buf_free(&s.scr);
    free(s.q);
    free(s.qfile);
    free(s.done);
    return diag_status();
}
