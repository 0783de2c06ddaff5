#!/bin/sh
# check_manpage.sh BINARY MANDIR
#
# Checks the man pages against the program:
#  - every long option that `BINARY --help` lists has an .It entry in the
#    OPTIONS section of MANDIR/unspin.1, and every long option there is one
#    that --help lists;
#  - the linters that are installed (mandoc -T lint, man --warnings -l) report
#    no warnings or errors in unspin.1 and unspin-dict.5 (mandoc's STYLE
#    messages, such as a referenced page that is not installed, are allowed),
#    and in unspin-review.5.
# Prints one line per failure, then "N passed, M failed"; exits 1 when
# anything failed.
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BINARY MANDIR" >&2
    exit 2
fi
bin=$1
mandir=$2
page1=$mandir/unspin.1
page5=$mandir/unspin-dict.5

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# Long options of --help: "  -c, --check ..." or "      --data-dir=DIR ...".
if "$bin" --help >"$tmp/help" 2>"$tmp/help.err"; then
    sed -n 's/^ *\(-[A-Za-z0-9], \)\{0,1\}--\([A-Za-z0-9][-A-Za-z0-9]*\).*/\2/p' \
        "$tmp/help" | sort -u >"$tmp/help.opts"
    if [ -s "$tmp/help.opts" ]; then
        pass
    else
        fail "$bin --help lists no long options"
    fi
else
    fail "$bin --help exited with status $?: $(cat "$tmp/help.err")"
    : >"$tmp/help.opts"
fi

# Long options of unspin.1: "Fl -name" or "Fl \-name" on the .It lines of the
# OPTIONS section.
if [ -r "$page1" ]; then
    awk '/^\.Sh / { in_opts = ($2 == "OPTIONS") ; next }
         in_opts && /^\.It / { print }' "$page1" |
        grep -o 'Fl \\\{0,1\}-[A-Za-z0-9][-A-Za-z0-9]*' |
        sed 's/^Fl \\\{0,1\}-//' | sort -u >"$tmp/man.opts"
    if [ -s "$tmp/man.opts" ]; then
        pass
    else
        fail "$page1: no long options in the OPTIONS section"
    fi
else
    fail "$page1: cannot read"
    : >"$tmp/man.opts"
fi

for o in $(comm -23 "$tmp/help.opts" "$tmp/man.opts"); do
    fail "--$o is in --help but not in the OPTIONS section of $page1"
done
for o in $(comm -12 "$tmp/help.opts" "$tmp/man.opts"); do
    pass
done
for o in $(comm -13 "$tmp/help.opts" "$tmp/man.opts"); do
    fail "--$o is in the OPTIONS section of $page1 but not in --help"
done

# Linters.
linters=0
for page in "$page1" "$page5" "$mandir/unspin-review.5"; do
    if [ ! -r "$page" ]; then
        fail "$page: cannot read"
        continue
    fi
    if command -v mandoc >/dev/null 2>&1; then
        linters=1
        # -T lint writes its messages to stdout; -W warning leaves out STYLE.
        mandoc -T lint -W warning "$page" >"$tmp/lint" 2>/dev/null
        rc=$?
        if [ -s "$tmp/lint" ] || [ $rc -gt 1 ]; then
            fail "mandoc -T lint $page (status $rc):"
            sed 's/^/    /' "$tmp/lint"
        else
            pass
        fi
    fi
    if command -v man >/dev/null 2>&1; then
        linters=1
        MANPAGER=cat PAGER=cat man --warnings -l "$page" 2>"$tmp/warn" >"$tmp/out"
        rc=$?
        grep -v "^man: can't set the locale" "$tmp/warn" >"$tmp/warn2"
        if [ -s "$tmp/warn2" ] || [ $rc -ne 0 ] || [ ! -s "$tmp/out" ]; then
            fail "man --warnings -l $page (status $rc):"
            sed 's/^/    /' "$tmp/warn2"
        else
            pass
        fi
    fi
done
if [ $linters -eq 0 ]; then
    fail "neither mandoc nor man is installed (apt-get install mandoc)"
fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
