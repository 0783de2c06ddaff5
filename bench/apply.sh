#!/bin/sh
# Applying a review to many files: NFILES (default 1000) copies of the spun
# seed article, each with its own first line, are reviewed at
# --level=aggressive in one run; then one file in the middle is edited (stale)
# and the review applied. Prints the time of each step and checks that the
# stale file is refused and untouched and every other file holds exactly what
# `unspin --level=aggressive` makes of it.
#
# The files live under $TMPDIR (default /tmp): TMPDIR=/dev/shm leaves the
# disk out and measures the program alone.
#
# usage: bench/apply.sh [BINARY] [NFILES]
set -eu
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/unspin}")
n=${2:-1000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export XDG_CONFIG_HOME="$dir/config"   # no learned lists
mkdir "$dir/files"
"$bin" --level=aggressive fixtures/seed000.in > "$dir/body.want"
i=1
while [ "$i" -le "$n" ]; do
    { printf 'Article %d.\n\n' "$i"; cat fixtures/seed000.in; } > "$dir/files/a$i.txt"
    i=$((i + 1))
done
cd "$dir/files"
timed() { /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB peak" "$@"; }
echo "review of $n files ($(du -sk . | cut -f1) KB):"
timed "$bin" review --level=aggressive -o ../r.review a*.txt
echo "review file: $(wc -c < ../r.review) bytes, $(grep -c '^accept' ../r.review) accepted findings"
stale=a$((n / 2)).txt
printf 'Edited after the review.\n' >> "$stale"
cp "$stale" ../stale.copy
echo "apply (one stale file, $stale):"
status=0
timed "$bin" apply ../r.review 2> ../apply.err || status=$?
grep -v '^unspin: ' ../apply.err || true
grep '^unspin: ' ../apply.err | sed 's/^/  /'
ok=1
[ "$status" = 1 ] || { echo "FAIL: exit status $status, expected 1 (a file refused)"; ok=0; }
cmp -s "$stale" ../stale.copy || { echo "FAIL: the stale file was changed"; ok=0; }
bad=0
i=1
while [ "$i" -le "$n" ]; do
    f=a$i.txt
    if [ "$f" != "$stale" ]; then
        { printf 'Article %d.\n\n' "$i"; cat ../body.want; } | cmp -s - "$f" || bad=$((bad + 1))
    fi
    i=$((i + 1))
done
[ "$bad" = 0 ] || { echo "FAIL: $bad files differ from --level=aggressive"; ok=0; }
leftover=$(find . -name '.*.unspin-*' | wc -l)
[ "$leftover" = 0 ] || { echo "FAIL: $leftover temporary files left"; ok=0; }
echo "second apply (nothing to do):"
timed "$bin" apply -q ../r.review 2>&1 | grep -v 'changed since the review' || true
[ "$ok" = 1 ] && echo "OK: stale file refused and untouched, $((n - 1)) files = --level=aggressive, no temporary file left"
