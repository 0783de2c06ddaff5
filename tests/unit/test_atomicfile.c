/* Unit tests for atomicfile: replacement, permissions, symlinks, backup, abort,
 * and many files committed together. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "atomicfile.h"
#include "buf.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/unspin-atomic-XXXXXX";

static void put(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    static char b[256];
    size_t n = fread(b, 1, sizeof b - 1, fp);
    b[n] = '\0';
    fclose(fp);
    return b;
}

static char *in_dir(const char *name)
{
    static char p[2][512];
    static int k;
    k ^= 1;
    snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
    return p[k];
}

/* Counts the directory's entries, so a leftover temporary file shows. */
static int entries(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += e->d_name[0] != '.' || strstr(e->d_name, "unspin-") != NULL;
    closedir(d);
    return n;
}

static void replaces_and_keeps_mode(void **state)
{
    (void)state;
    char *f = in_dir("a.txt");
    put(f, "old\n");
    chmod(f, 0640);
    atomic_file *a = atomic_open(f);
    assert_non_null(a);
    fputs("new\n", atomic_stream(a));
    assert_int_equal(atomic_commit(a, NULL), 0);
    assert_string_equal(slurp(f), "new\n");
    struct stat st;
    stat(f, &st);
    assert_int_equal(st.st_mode & 07777, 0640);
    assert_int_equal(entries(), 1);
    unlink(f);
}

static void abort_leaves_target(void **state)
{
    (void)state;
    char *f = in_dir("b.txt");
    put(f, "old\n");
    atomic_file *a = atomic_open(f);
    fputs("half", atomic_stream(a));
    atomic_abort(a);
    assert_string_equal(slurp(f), "old\n");
    assert_int_equal(entries(), 1);
    unlink(f);
}

static void writes_through_symlink(void **state)
{
    (void)state;
    char *f = in_dir("real.txt");
    put(f, "old\n");
    char *l = in_dir("link.txt");
    assert_int_equal(symlink("real.txt", l), 0);
    atomic_file *a = atomic_open(l);
    fputs("new\n", atomic_stream(a));
    assert_int_equal(atomic_commit(a, NULL), 0);
    struct stat st;
    assert_int_equal(lstat(l, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_string_equal(slurp(f), "new\n");
    unlink(l);
    unlink(f);
}

static void backup_keeps_old(void **state)
{
    (void)state;
    char *f = in_dir("c.txt");
    put(f, "old\n");
    atomic_file *a = atomic_open(f);
    fputs("new\n", atomic_stream(a));
    assert_int_equal(atomic_commit(a, ".orig"), 0);
    assert_string_equal(slurp(f), "new\n");
    char *b = in_dir("c.txt.orig");
    assert_string_equal(slurp(b), "old\n");
    unlink(b);
    unlink(f);
}

/* Several files at once (the batch path): every one replaced, modes kept,
 * a new file made, a backup for each old one, no temporary left. */
static void commits_many(void **state)
{
    (void)state;
    char names[3][512];
    for (int i = 0; i < 3; i++)
        snprintf(names[i], sizeof names[i], "%s", in_dir(i == 0 ? "m0.txt" : i == 1 ? "m1.txt" : "m2.txt"));
    put(names[0], "old0\n");
    put(names[1], "old1\n");
    chmod(names[1], 0604);
    atomic_file *v[3];
    for (int i = 0; i < 3; i++) {
        v[i] = atomic_open(names[i]);
        assert_non_null(v[i]);
        fprintf(atomic_stream(v[i]), "new%d\n", i);
    }
    int ok[3];
    assert_int_equal(atomic_commit_many(v, 3, ".bak", ok), 0);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(ok[i], 1);
        char want[16];
        snprintf(want, sizeof want, "new%d\n", i);
        assert_string_equal(slurp(names[i]), want);
    }
    struct stat st;
    assert_int_equal(stat(names[1], &st), 0);
    assert_int_equal(st.st_mode & 07777, 0604);
    char b[600];
    snprintf(b, sizeof b, "%s.bak", names[0]);
    assert_string_equal(slurp(b), "old0\n");
    unlink(b);
    snprintf(b, sizeof b, "%s.bak", names[1]);
    assert_string_equal(slurp(b), "old1\n");
    unlink(b);
    snprintf(b, sizeof b, "%s.bak", names[2]);
    assert_int_not_equal(access(b, F_OK), 0);   /* no old file, no backup */
    for (int i = 0; i < 3; i++)
        unlink(names[i]);
    assert_int_equal(entries(), 0);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(replaces_and_keeps_mode),
        cmocka_unit_test(abort_leaves_target),
        cmocka_unit_test(writes_through_symlink),
        cmocka_unit_test(backup_keeps_old),
        cmocka_unit_test(commits_many),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    rmdir(dir);
    return rc;
}
