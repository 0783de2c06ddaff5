/* Unit tests for walk: sorted depth-first order, globs, links not followed,
 * named files kept, and the binary rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "diag.h"
#include "walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/unspin-walk-XXXXXX";

static void put(const char *rel)
{
    buf p = BUF_INIT;
    buf_printf(&p, "%s/%s", dir, rel);
    FILE *f = fopen(p.data, "w");
    assert_non_null(f);
    fputs("x\n", f);
    fclose(f);
    buf_free(&p);
}

static void sub(const char *rel)
{
    buf p = BUF_INIT;
    buf_printf(&p, "%s/%s", dir, rel);
    assert_int_equal(mkdir(p.data, 0777), 0);
    buf_free(&p);
}

/* The walk's files, relative to dir, joined by spaces. */
static char *names(const walk_opts *o, const char *const *args, size_t n)
{
    walk_list l = {0};
    walk(args, n, o, &l);
    buf b = BUF_INIT;
    size_t dl = strlen(dir);
    for (size_t i = 0; i < l.n; i++) {
        const char *p = l.v[i].path;
        if (strncmp(p, dir, dl) == 0)
            p += dl + 1;
        buf_printf(&b, "%s%s%s", i ? " " : "", p, l.v[i].found ? "" : "*");
    }
    walk_list_free(&l);
    buf_putc(&b, '\0');
    return buf_detach(&b);
}

static void setup_tree(void)
{
    sub("b");
    sub("b/c");
    sub("skip");
    put("z.txt");
    put("a.md");
    put("b/c/deep.txt");
    put("b/y.txt");
    put("skip/s.txt");
    buf t = BUF_INIT, l = BUF_INIT;
    buf_printf(&t, "%s/b", dir);
    buf_printf(&l, "%s/link", dir);
    assert_int_equal(symlink(t.data, l.data), 0);   /* a link to a directory */
    buf_free(&t);
    buf_free(&l);
}

static void order_and_globs(void **state)
{
    (void)state;
    const char *args[] = {dir};
    walk_opts o = {1, NULL, 0, NULL, 0};
    char *s = names(&o, args, 1);
    assert_string_equal(s, "a.md b/c/deep.txt b/y.txt skip/s.txt z.txt");
    free(s);
    const char *inc[] = {"*.txt"};
    const char *exc[] = {"skip", "c"};
    walk_opts g = {1, inc, 1, exc, 2};
    s = names(&g, args, 1);
    assert_string_equal(s, "b/y.txt z.txt");
    free(s);
}

static void named_files_kept(void **state)
{
    (void)state;
    buf p = BUF_INIT;
    buf_printf(&p, "%s/a.md", dir);
    const char *args[] = {p.data, "-", "/nonexistent/file"};
    const char *inc[] = {"*.txt"};
    walk_opts g = {1, inc, 1, NULL, 0};
    char *s = names(&g, args, 3);
    assert_string_equal(s, "a.md* -* /nonexistent/file*");
    free(s);
    buf_free(&p);
}

static void directory_needs_recursive(void **state)
{
    (void)state;
    diag_set_quiet(1);
    const char *args[] = {dir};
    walk_opts o = {0, NULL, 0, NULL, 0};
    walk_list l = {0};
    assert_int_equal(walk(args, 1, &o, &l), 1);
    assert_int_equal(l.n, 0);
    walk_list_free(&l);
}

static void binary_rule(void **state)
{
    (void)state;
    assert_false(walk_is_binary("plain text\n", 11));
    assert_false(walk_is_binary("caf\xc3\xa9 \xe2\x80\x99", 9));
    assert_true(walk_is_binary("a\0b", 3));
    assert_true(walk_is_binary("\xff\xfe\xfd abcdefghijklm", 17));    /* 3 in 17: more than 1 in 8 */
    assert_false(walk_is_binary("\xff abcdefghijklmnop", 18));      /* 1 in 18 */
    assert_false(walk_is_binary("abcdefgh\xe2\x80", 10));            /* cut by the sample's end */
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    setup_tree();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(order_and_globs),
        cmocka_unit_test(named_files_kept),
        cmocka_unit_test(directory_needs_recursive),
        cmocka_unit_test(binary_rule),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    buf cmd = BUF_INIT;
    buf_printf(&cmd, "rm -rf '%s'", dir);
    if (system(cmd.data) != 0)
        rc = 1;
    buf_free(&cmd);
    return rc;
}
