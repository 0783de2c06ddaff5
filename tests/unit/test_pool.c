/* Unit tests for pool: output in submission order whatever the threads do,
 * including jobs larger than the pending bound, and the inline mode. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "pool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct job {
    size_t id;
    size_t bytes;   /* output size */
} job;

/* Writes "id:" then filler, in uneven pieces, after an uneven pause. */
static void run(void *arg, FILE *out, void *ctx)
{
    job *j = arg;
    (void)ctx;
    struct timespec ts = {0, (long)(j->id * 7919 % 5) * 200000};
    nanosleep(&ts, NULL);
    fprintf(out, "<%zu:", j->id);
    for (size_t k = 0; k < j->bytes; k++)
        putc('a' + (int)((j->id + k) % 26), out);
    fputs(">\n", out);
    free(j);
}

static char *expected(size_t njobs, const size_t *sizes, size_t *len)
{
    char *s = NULL;
    FILE *f = open_memstream(&s, len);
    for (size_t i = 0; i < njobs; i++) {
        fprintf(f, "<%zu:", i);
        for (size_t k = 0; k < sizes[i]; k++)
            putc('a' + (int)((i + k) % 26), f);
        fputs(">\n", f);
    }
    fclose(f);
    return s;
}

static void check_order(size_t threads, size_t njobs, const size_t *sizes)
{
    char *got = NULL;
    size_t got_len = 0;
    FILE *out = open_memstream(&got, &got_len);
    pool *p = pool_new(threads, out, run, NULL);
    for (size_t i = 0; i < njobs; i++) {
        job *j = malloc(sizeof *j);
        j->id = i;
        j->bytes = sizes[i];
        pool_submit(p, j);
    }
    pool_finish(p);
    fclose(out);
    size_t want_len;
    char *want = expected(njobs, sizes, &want_len);
    assert_int_equal(got_len, want_len);
    assert_memory_equal(got, want, want_len);
    free(got);
    free(want);
}

static void keeps_order(void **state)
{
    (void)state;
    size_t sizes[300];
    for (size_t i = 0; i < 300; i++)
        sizes[i] = (i * 104729) % 20000;
    check_order(1, 300, sizes);
    check_order(2, 300, sizes);
    check_order(8, 300, sizes);
}

static void big_outputs_past_the_bound(void **state)
{
    (void)state;
    /* Jobs whose outputs together exceed POOL_PENDING_MAX: later jobs must
     * wait for their turn, and the order still holds. */
    size_t sizes[12];
    for (size_t i = 0; i < 12; i++)
        sizes[i] = POOL_PENDING_MAX / 4 + i;
    check_order(4, 12, sizes);
}

static void no_jobs(void **state)
{
    (void)state;
    check_order(4, 0, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keeps_order),
        cmocka_unit_test(big_outputs_past_the_bound),
        cmocka_unit_test(no_jobs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
