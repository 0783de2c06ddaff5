/* Unit tests for sha256: the FIPS 180-4 / NIST example vectors, and streaming
 * in pieces of every size gives the one-call hash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sha256.h"

#include <string.h>

static void check(const char *msg, size_t n, const char *want)
{
    uint8_t h[SHA256_SIZE];
    char hex[2 * SHA256_SIZE + 1];
    sha256(msg, n, h);
    sha256_hex(h, hex);
    assert_string_equal(hex, want);
}

static void nist_vectors(void **state)
{
    (void)state;
    check("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    check("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    check(m448, strlen(m448), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const char *m896 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    check(m896, strlen(m896), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void million_a(void **state)
{
    (void)state;
    static char a[1000000];
    memset(a, 'a', sizeof a);
    check(a, sizeof a, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* Padding edge cases: 55, 56 and 64 bytes, fed in pieces of every size. */
static void streaming(void **state)
{
    (void)state;
    char text[200];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = (char)('a' + i % 26);
    for (size_t n = 50; n < sizeof text; n += 7) {
        uint8_t whole[SHA256_SIZE];
        sha256(text, n, whole);
        for (size_t piece = 1; piece <= 65; piece++) {
            sha256_ctx c;
            sha256_init(&c);
            for (size_t at = 0; at < n; at += piece)
                sha256_update(&c, text + at, n - at < piece ? n - at : piece);
            uint8_t h[SHA256_SIZE];
            sha256_final(&c, h);
            assert_memory_equal(h, whole, SHA256_SIZE);
        }
    }
    /* Python's hashlib for the same text. */
    check(text, 55, "595615dbe4f0f407ae397d08b4c2cb870cb9b0e11937416f950c5160acf9c005");
    check(text, 56, "784f623b787495078e93ff28a25b581df0584055a7e71d8cd90c454716b92f51");
    check(text, 64, "2fcd5a0d60e4c941381fcc4e00a4bf8be422c3ddfafb93c809e8d1e2bfffae8e");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nist_vectors),
        cmocka_unit_test(million_a),
        cmocka_unit_test(streaming),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
